# Tours d’offres : la page et l’API d’affectation du coordinateur, les offres envoyées par
# courriel, et la page d’offre du candidat.

office-status-offered = offre faite
office-status-accepted = offre acceptée
office-status-declined = offre déclinée
office-status-expired = offre caduque
candidate-status-offered = offre faite : merci de répondre
candidate-status-accepted = offre acceptée
candidate-status-declined = offre déclinée
candidate-status-expired = offre caduque (pas de réponse avant la date limite)
candidate-event-offered = Offre faite
candidate-event-offer_accepted = Offre acceptée
candidate-event-offer_declined = Offre déclinée
candidate-event-offer_expired = Offre caduque
office-decision-offer-made = Une offre a été faite pour cette candidature ; les tours d’offres décident désormais.
application-offer-made = Une offre a été faite : acceptez-la ou déclinez-la plutôt sur la page de l’offre.

allocation-link = Tours d’offres
allocation-title = Tours d’offres — { $session }
allocation-state = Période de candidature : { $window }. Classement : { $ranking }.
allocation-ranking-closed = clos (figé)
allocation-ranking-open-state = ouvert (les unités peuvent encore réordonner)
allocation-close-ranking = Clore le classement
allocation-caps = Plafonds par nationalité
allocation-caps-label = Plafonds, un par ligne
allocation-caps-hint = Un code de pays et un nombre de stagiaires (FR 3) ou une part des places de la session (PL 20%). Laissez vide pour aucun plafond.
allocation-caps-save = Enregistrer les plafonds
allocation-caps-line = Ligne { $line } : { $problem }
allocation-caps-nationality = ce n’est pas un code de pays (deux majuscules, p. ex. FR).
allocation-caps-limit = indiquez un nombre entier de stagiaires ou un pourcentage entre 0 et 100.
allocation-caps-duplicate = cette nationalité est déjà plafonnée sur une ligne précédente.
allocation-run-round = Lancer le tour { $round }
allocation-run-hint = Un calcul est un aperçu : rien n’est envoyé avant sa publication. Les ex æquo d’un classement sont départagés par un tirage issu de la graine, qui est enregistrée.
allocation-seed = Graine (facultative)
allocation-seed-range = La graine doit être un nombre entier entre 0 et 9 223 372 036 854 775 807.
allocation-run = Calculer un aperçu
allocation-preview-title = Calcul { $run } — tour { $round }, graine { $seed }
allocation-stable = Le vérificateur indépendant a validé cette affectation : aucune paire bloquante, capacités et plafonds respectés.
allocation-unstable = Le vérificateur a trouvé des violations dans cette affectation. Ne la publiez pas.
allocation-matched = { $matched } candidats sur { $candidates } reçoivent une offre.
allocation-by-choice = Choix n° { $rank } : { $count } candidats ({ $share } %)
allocation-unfilled = { $unfilled } places sur { $seats } restent vides.
allocation-fill-caption = Taux de remplissage par unité
allocation-unit = Unité
allocation-seats = Places
allocation-filled = Pourvues
allocation-fill-rate = Taux de remplissage
allocation-nationality-caption = Nationalités au regard des plafonds
allocation-nationality = Nationalité
allocation-nationality-none = non indiquée
allocation-matched-header = Offres
allocation-cap = Plafond pour ce tour
allocation-download-instance = Télécharger l’entrée exacte (JSON)
allocation-download-result = Télécharger le résultat (JSON)
allocation-reply-days-label = Jours pour répondre (1 à 90)
allocation-reply-days = Le délai de réponse doit être compris entre 1 et 90 jours.
allocation-publish = Publier : envoyer les offres
allocation-offers = Offres à ce jour
allocation-round = Tour { $round }
allocation-round-header = Tour
allocation-offered = En attente de réponse
allocation-accepted = Acceptées
allocation-declined = Déclinées
allocation-expired = Caduques
allocation-runs = Calculs
allocation-run-published = Calcul { $run } — tour { $round }, graine { $seed } (publié)
allocation-run-preview = Calcul { $run } — tour { $round }, graine { $seed } (aperçu)
allocation-done-caps = Les plafonds sont enregistrés.
allocation-done-closed = Le classement est clos : les classements sont figés.
allocation-done-published = Les offres sont envoyées.
allocation-window-open = La période de candidature est encore ouverte : un tour ne se lance qu’après sa clôture.
allocation-ranking-open = Le classement est encore ouvert : clore le classement avant de lancer un tour.
allocation-already-published = Ce tour a déjà été publié ; rien n’a été modifié.
allocation-superseded = Un calcul plus récent remplace celui-ci : publiez le dernier calcul du tour.
allocation-changed-meanwhile = Une candidature a changé depuis ce calcul (une décision ou un retrait) : relancez le tour.

mail-offer-subject = Offre de stage : { $placement }
mail-offer-body = Bonjour,

    Nous avons le plaisir de vous proposer un stage : { $placement }, { $unit }.

    Merci d’accepter ou de décliner cette offre avant le { $deadline } : { $link }
    Sans réponse d’ici là, l’offre devient caduque et la place revient à un autre candidat.

offer-title = Votre offre
candidate-offer-link = Mon offre et les résultats des tours d’offres
offer-back = Retour à ma candidature
offer-nothing-yet = Aucun tour d’offres n’a encore porté sur votre candidature. Vous recevrez un courriel lorsque ce sera le cas.
offer-made-headline = Un stage vous est proposé : { $placement }, { $unit }.
offer-deadline = Merci de répondre avant le { $deadline } ({ $zone }). Sans réponse, l’offre devient caduque.
offer-accepted-headline = Vous avez accepté le stage : { $placement }, { $unit }.
offer-declined-headline = Vous avez décliné l’offre : { $placement }, { $unit }.
offer-expired-headline = L’offre pour { $placement }, { $unit } est caduque : sa date limite de réponse est passée.
offer-none-headline = Le tour { $round } ne vous a fait aucune offre.
offer-none-note = Si des places sont déclinées, un tour suivant peut encore vous faire une offre ; vous en serez informé par courriel.
offer-accept = Accepter l’offre
offer-decline = Décliner l’offre
offer-why-title = Pourquoi pas vos autres choix
offer-why-cutoff = { $placement } ({ $unit }) : { $seats ->
    [one] sa seule place est allée
   *[other] ses { $seats } places sont allées
} à des candidats que l’unité a classés plus haut.
offer-why-not-ranked = { $placement } ({ $unit }) : l’unité n’a pas classé votre candidature.
offer-why-cap = { $placement } ({ $unit }) : le plafond du programme pour les stagiaires de votre nationalité ({ $nationality }) était atteint.
offer-why-no-seats = { $placement } ({ $unit }) : il ne restait aucune place lors de ce tour.
offer-done-accepted = Vous avez accepté l’offre. Le bureau des stages vous contactera pour la suite.
offer-done-declined = Vous avez décliné l’offre. Merci de nous l’avoir fait savoir.
offer-answer-unknown = Choisissez accepter ou décliner.
offer-none = Il n’y a aucune offre à laquelle répondre.
offer-expired = La date limite de réponse est passée : l’offre est caduque.
offer-answered = Cette offre a déjà reçu une réponse.

# the API reference of the offer rounds
api-op-get_outcome = Le résultat des tours d’offres publiés pour la candidature : l’offre, ou pourquoi pas.
api-param-get_outcome-id = l’identifiant de la session
api-response-get_outcome-200 = le résultat
api-response-get_outcome-401 = non connecté
api-response-get_outcome-404 = aucun tour publié ne porte encore sur cette candidature
api-op-answer_offer = Accepter ou décliner l’offre.
api-param-answer_offer-id = l’identifiant de la session
api-response-answer_offer-200 = répondu ; le nouveau résultat
api-response-answer_offer-401 = non connecté
api-response-answer_offer-404 = aucune candidature dans cette session
api-response-answer_offer-409 = pas d’offre, déjà répondu, ou date limite passée ; rien n’a changé
api-response-answer_offer-422 = la réponse n’est ni accept ni decline
api-op-office_allocation = Les plafonds par nationalité et les calculs d’affectation d’une session (coordinateurs).
api-param-office_allocation-id = l’identifiant de la session
api-response-office_allocation-200 = plafonds et calculs
api-response-office_allocation-401 = non connecté
api-response-office_allocation-404 = pas de telle session pour ce compte
api-op-office_set_caps = Remplacer les plafonds par nationalité d’une session (coordinateurs).
api-param-office_set_caps-id = l’identifiant de la session
api-response-office_set_caps-204 = enregistré
api-response-office_set_caps-400 = pas le JSON attendu
api-response-office_set_caps-404 = pas de telle session pour ce compte
api-response-office_set_caps-422 = un plafond est erroné ; l’entrée est nommée
api-op-office_run_round = Calculer le prochain tour d’offres de la session en aperçu ; rien n’est envoyé.
api-param-office_run_round-id = l’identifiant de la session
api-response-office_run_round-201 = le calcul enregistré et ses chiffres
api-response-office_run_round-404 = pas de telle session pour ce compte
api-response-office_run_round-409 = la période de candidature est ouverte ou le classement n’est pas clos
api-response-office_run_round-422 = la graine est hors limites
api-op-office_run = Un calcul d’affectation avec ses chiffres.
api-param-office_run-id = l’identifiant de la session
api-param-office_run-run = l’identifiant du calcul
api-response-office_run-200 = le calcul
api-response-office_run-404 = pas de tel calcul pour ce compte
api-op-office_run_instance = L’entrée exacte du calcul au format d’échange ; cohort match dessus redonne le résultat enregistré.
api-param-office_run_instance-id = l’identifiant de la session
api-param-office_run_instance-run = l’identifiant du calcul
api-response-office_run_instance-200 = l’instance JSON
api-response-office_run_instance-404 = pas de tel calcul pour ce compte
api-op-office_run_result = Le résultat du calcul tel que le moteur l’a écrit.
api-param-office_run_result-id = l’identifiant de la session
api-param-office_run_result-run = l’identifiant du calcul
api-response-office_run_result-200 = le résultat JSON
api-response-office_run_result-404 = pas de tel calcul pour ce compte
api-op-office_publish_run = Publier un calcul : les offres sont faites et envoyées par courriel avec une date limite de réponse.
api-param-office_publish_run-id = l’identifiant de la session
api-param-office_publish_run-run = l’identifiant du calcul
api-response-office_publish_run-200 = offres faites
api-response-office_publish_run-404 = pas de tel calcul pour ce compte
api-response-office_publish_run-409 = déjà publié, remplacé par un calcul plus récent, ou une candidature a changé ; rien n’a changé
api-response-office_publish_run-422 = le délai de réponse n’est pas entre 1 et 90 jours
