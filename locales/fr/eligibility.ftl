# Cohort — messages d’éligibilité en français. Chaque clé existe aussi dans
# en/eligibility.ftl (un test de cohort-domain vérifie les deux fichiers).
#
# Les nombres sont passés comme nombres ; une date `d` arrive en $d_day, $d_month (nom
# anglais du mois en minuscules, clé de sélection) et $d_year.

eligibility-rule-nationality = Nationalité
eligibility-rule-age = Âge
eligibility-rule-education = Études
eligibility-rule-language = Langue

eligibility-nationality-allowed = Votre nationalité ({ $nationality }) est admise.
eligibility-nationality-not-allowed = { $count ->
        [one] Votre nationalité ({ $nationalities }) ne fait pas partie de celles admises pour cette session.
       *[other] Aucune de vos nationalités ({ $nationalities }) n’est admise pour cette session.
    }

eligibility-age-ok = Vous aurez { $age ->
        [one] { $age } an
       *[other] { $age } ans
    } le { $start_day ->
        [1] 1er
       *[other] { $start_day }
    } { $start_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $start_year } ; l’âge minimum est de { $minimum } ans.
eligibility-age-too-young = Vous aurez { $age ->
        [one] { $age } an
       *[other] { $age } ans
    } le { $start_day ->
        [1] 1er
       *[other] { $start_day }
    } { $start_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $start_year } ; l’âge minimum est de { $minimum } ans.

eligibility-education-enough-years = Vous avez achevé { $completed ->
        [one] { $completed } année
       *[other] { $completed } années
    } d’études supérieures ; le minimum est de { $minimum }.
eligibility-education-not-enough-years = Vous avez achevé { $completed ->
        [one] { $completed } année
       *[other] { $completed } années
    } d’études supérieures ; il en faut au moins { $minimum }.
eligibility-education-enrolled = Vous suivez des études supérieures.
eligibility-education-ok = Votre formation répond aux conditions.
eligibility-education-not-enrolled = Vous ne suivez pas d’études supérieures et n’avez pas obtenu de diplôme.
eligibility-education-graduated-recently = Vous avez obtenu votre diplôme le { $graduated_day ->
        [1] 1er
       *[other] { $graduated_day }
    } { $graduated_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $graduated_year } ; les personnes diplômées depuis le { $limit_day ->
        [1] 1er
       *[other] { $limit_day }
    } { $limit_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $limit_year } sont admises.
eligibility-education-graduated = Vous avez obtenu votre diplôme le { $graduated_day ->
        [1] 1er
       *[other] { $graduated_day }
    } { $graduated_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $graduated_year }.
eligibility-education-graduated-too-long-ago = Vous avez obtenu votre diplôme le { $graduated_day ->
        [1] 1er
       *[other] { $graduated_day }
    } { $graduated_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $graduated_year } ; pour cette session, il doit l’avoir été le { $limit_day ->
        [1] 1er
       *[other] { $limit_day }
    } { $limit_month ->
       *[january] janvier
        [february] février
        [march] mars
        [april] avril
        [may] mai
        [june] juin
        [july] juillet
        [august] août
        [september] septembre
        [october] octobre
        [november] novembre
        [december] décembre
    } { $limit_year } ou après.

eligibility-language-ok = Votre niveau en { $language ->
        [en] anglais
        [fr] français
       *[other] { $language }
    } : { $level ->
        [native] langue maternelle
       *[other] { $level }
    } (minimum : { $minimum }).
eligibility-language-level-too-low = Votre niveau en { $language ->
        [en] anglais
        [fr] français
       *[other] { $language }
    } : { $best ->
        [native] langue maternelle
       *[other] { $best }
    } ; il faut au moins le niveau { $minimum }.
eligibility-language-none-accepted = Aucune des langues que vous avez indiquées n’est acceptée ; langues acceptées : { $accepted }.

eligibility-missing-birth-date = Information manquante : votre date de naissance.
eligibility-missing-nationalities = Information manquante : votre nationalité.
eligibility-missing-education = Information manquante : vos études.
eligibility-missing-education-status = Information manquante : si vous suivez des études ou avez obtenu votre diplôme, et quand.
eligibility-missing-years-completed = Information manquante : le nombre d’années d’études supérieures que vous avez achevées.
eligibility-missing-languages = Information manquante : les langues que vous parlez et votre niveau dans chacune.
