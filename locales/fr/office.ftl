# Le back-office : présélection, décisions, et leur référence d’API.

office-filter-invalid = Ce filtre n’est pas compris.
office-decision-unknown = Choisissez présélectionner, écarter ou rouvrir.
office-reason-missing = Indiquez le motif de cette décision.
office-reason-too-long = Le motif est trop long (2 000 caractères au plus).
office-ids-count = Sélectionnez entre 1 et 1 000 candidatures.
office-decision-not-submitted = Cette candidature est encore un brouillon.
office-decision-withdrawn = Le candidat a retiré cette candidature.
office-decision-unchanged = Cette candidature a déjà ce statut.
office-decision-changed-meanwhile = Cette candidature a changé entre-temps ; rechargez la liste et recommencez.

mail-decision-shortlisted-subject = Votre candidature est présélectionnée
mail-decision-shortlisted-body = Bonjour,

    Bonne nouvelle : le bureau des stages a présélectionné votre candidature. Les unités
    d’accueil que vous avez choisies vont maintenant l’examiner.

    { $reason }

    Vous pouvez suivre votre candidature à tout moment depuis votre compte.
mail-decision-rejected-subject = Votre candidature n’a pas été retenue
mail-decision-rejected-body = Bonjour,

    Merci de l’intérêt que vous portez au programme de stages. Le bureau des stages n’a pas
    retenu votre candidature cette fois-ci.

    { $reason }

    Vos données ne sont conservées que le temps prévu par la politique de conservation du
    programme ; vous pouvez les télécharger ou les supprimer depuis votre compte.
mail-decision-submitted-subject = Votre candidature est de nouveau à l’étude
mail-decision-submitted-body = Bonjour,

    Le bureau des stages a rouvert votre candidature : elle est de nouveau à l’étude.

    { $reason }

api-op-office_list_applications = Les candidatures envoyées d’une session, filtrées, avec les effectifs à côté de chaque filtre et la recherche en texte intégral dans les lettres de motivation et le texte des CV. Les évaluateurs ne voient que les candidatures qui ont choisi l’une de leurs unités, sans nom, courriel, date de naissance ni nationalité.
api-op-office_get_application = Une candidature, entière, avec le texte extrait de son CV (anonyme pour les évaluateurs : les noms, le courriel et la date de naissance du candidat y sont noircis). La consultation est inscrite au journal d’audit.
api-op-office_decide = Présélectionner, écarter ou rouvrir des candidatures, avec un motif ; chaque candidat est prévenu par courriel et le changement est inscrit au journal d’audit.
api-param-office_list_applications-id = l’identifiant de la session
api-param-office_list_applications-status = submitted, shortlisted, rejected ou withdrawn
api-param-office_list_applications-unit = une unité d’accueil parmi les choix
api-param-office_list_applications-placement = un stage parmi les choix
api-param-office_list_applications-nationality = code ISO 3166-1 alpha-2 (coordinateurs)
api-param-office_list_applications-language = code ISO 639-1, avec éventuellement un niveau CECRL minimal : en ou en:C1
api-param-office_list_applications-level = niveau d’études
api-param-office_list_applications-field = domaine d’études
api-param-office_list_applications-eligible = yes ou no
api-param-office_list_applications-q = des mots de la lettre de motivation, en français ou en anglais
api-param-office_list_applications-sort = newest (par défaut), oldest ou id
api-param-office_list_applications-page = numéro de page, à partir de 1
api-param-office_list_applications-per_page = de 1 à 200 (50 par défaut)
api-param-office_get_application-id = l’identifiant de la candidature
api-response-office_list_applications-200 = la page
api-response-office_list_applications-400 = la recherche est trop longue
api-response-office_list_applications-401 = non connecté
api-response-office_list_applications-404 = pas de telle session, ou pas pour ce compte
api-response-office_list_applications-422 = un filtre n’est pas compris ; le champ est nommé
api-response-office_get_application-200 = la candidature
api-response-office_get_application-401 = non connecté
api-response-office_get_application-404 = pas de telle candidature, ou pas pour ce compte
api-response-office_decide-200 = ce qui a changé et ce qui n’a pas changé, avec la raison
api-response-office_decide-400 = pas le JSON attendu
api-response-office_decide-401 = non connecté
api-response-office_decide-403 = jeton CSRF manquant
api-response-office_decide-404 = pas pour ce compte
api-response-office_decide-422 = décision inconnue, motif absent ou trop d’identifiants ; le champ est nommé

office-title = Back-office
office-signed-in-as = Connecté en tant que { $email } ({ $role }).
office-role-reviewer = évaluateur
office-role-coordinator = coordinateur
office-role-administrator = administrateur
office-your-units = Vous évaluez pour :
office-nothing-to-review = Il n’y a rien à évaluer pour vous ici.
office-sessions = Sessions
office-window-not_yet_open = candidatures pas encore ouvertes
office-window-open = candidatures ouvertes
office-window-closed = candidatures closes
office-list-title = Candidatures — { $session }
office-filters = Filtres
office-search = Chercher dans les lettres de motivation
office-filter-all = Toutes
office-apply-filters = Afficher
office-facet-status = Statut
office-facet-unit = Unité d’accueil
office-facet-nationality = Nationalité
office-facet-language = Langue
office-facet-level = Niveau d’études
office-facet-field = Domaine d’études
office-facet-eligible = Éligible
office-status-draft = brouillon
office-status-submitted = envoyée
office-status-shortlisted = présélectionnée
office-status-rejected = non retenue
office-status-withdrawn = retirée
office-eligible-yes = oui
office-eligible-no = non
office-eligible-override = oui, par dérogation
office-override-title = Déclarer éligible
office-override-justification = Justification de la dérogation d’éligibilité
office-override-hint = Pourquoi cette candidature est tenue pour éligible bien qu’elle ne remplisse pas les règles (2 000 caractères au plus). Inscrit au journal d’audit.
office-override-button = Déclarer cette candidature éligible
office-override-already-eligible = Cette candidature est déjà éligible.
office-justification-missing = Écrivez la justification de cette dérogation.
office-justification-too-long = La justification est trop longue (2 000 caractères au plus).
api-op-office_override_eligibility = Tient pour éligible une candidature qui ne remplissait pas les règles de la session, avec une justification écrite (coordinateurs). Inscrit au journal d’audit ; le filtre d’éligibilité de la liste suit.
candidate-event-eligibility_override = Éligibilité confirmée par le bureau des stages
office-total = { $count ->
    [one] Une candidature correspond.
   *[other] { $count } candidatures correspondent.
}
office-col-select = Choisir
office-col-id = Candidature
office-col-name = Nom
office-col-nationality = Nationalité
office-col-status = Statut
office-col-eligible = Éligible
office-col-units = Unités choisies
office-col-education = Études
office-col-submitted = Envoyée le
office-select-n = Choisir la candidature { $id }
office-bulk-legend = Décider pour les candidatures choisies
office-decision = Décision
office-decision-shortlist = Présélectionner
office-decision-reject = Ne pas retenir
office-decision-reopen = Rouvrir
office-reason = Motif
office-reason-hint = Enregistré avec la décision et envoyé à chaque candidat.
office-apply-decision = Appliquer aux candidatures choisies
office-decided = { $changed } modifiée(s), { $refused } inchangée(s).
office-pages = Pages
office-application-title = Candidature n° { $id }
office-back-to-list = Retour à la liste
office-born = Date de naissance
office-choices = Choix, par ordre de préférence
office-motivation = Motivation
office-cv-text = CV (texte extrait du PDF)
office-cv-text-none = Aucun texte n’a pu être lu dans ce CV.

office-export-format = Choisissez csv ou xlsx.
office-export = Télécharger cette liste :
office-export-csv = CSV
office-export-xlsx = Excel (XLSX)
api-op-office_export_applications = La liste filtrée en fichier CSV (UTF-8 avec BOM ; points-virgules en français) ou XLSX ; les cellules qu’un tableur prendrait pour des formules sont neutralisées. Inscrit au journal d’audit.
api-param-office_export_applications-id = l’identifiant de la session
api-param-office_export_applications-format = csv (par défaut) ou xlsx
api-param-office_export_applications-status = les filtres de la liste, comme pour la liste
api-response-office_export_applications-200 = le fichier, en pièce jointe
api-response-office_export_applications-401 = non connecté
api-response-office_export_applications-404 = pas de telle session, ou pas pour ce compte
api-response-office_export_applications-422 = un filtre ou le format n’est pas compris ; le champ est nommé

review-ranking-closed = Le classement de cette session est clos : évaluations et classements ne peuvent plus changer.
review-score-missing = Notez chaque critère.
review-score-range = Donnez une note de 1 à 5.
review-score-unknown = Ce n’est pas un critère de la grille de la session.
review-comment-too-long = Le commentaire est trop long (4 000 caractères au plus).
ranking-not-ranked = Cette candidature n’est pas dans le classement.
ranking-at-the-end = Elle ne peut pas aller plus loin dans ce sens.
ranking-not-tied = Cette candidature n’est pas à égalité.
ranking-groups-invalid = Classez chaque candidat présélectionné de ce stage au plus une fois.
api-op-office_review = Noter une candidature selon la grille de la session (évaluateurs d’une unité qu’elle a choisie). Les évaluations sont indépendantes : chaque évaluateur ne voit que la sienne.
api-op-office_conflict = Se retirer d’une candidature (conflit d’intérêts) ; votre évaluation, s’il y en a une, est retirée.
api-op-office_reviews = Les évaluations d’une candidature : la vôtre pour un évaluateur, toutes avec l’indicateur de désaccord pour un coordinateur.
api-op-office_get_ranking = Le classement d’un stage : l’ordre de l’unité, ou celui proposé d’après les notes, avec les égalités.
api-op-office_put_ranking = Remplacer le classement d’un stage par des groupes d’égalité (évaluateurs de son unité, tant que le classement est ouvert).
api-op-office_close_ranking = Figer tous les classements de la session (coordinateurs).
api-param-office_review-id = l’identifiant de la candidature
api-param-office_conflict-id = l’identifiant de la candidature
api-param-office_reviews-id = l’identifiant de la candidature
api-param-office_get_ranking-id = l’identifiant du stage
api-param-office_put_ranking-id = l’identifiant du stage
api-param-office_close_ranking-id = l’identifiant de la session
api-response-office_review-204 = enregistrée
api-response-office_review-400 = pas le JSON attendu
api-response-office_review-401 = non connecté
api-response-office_review-403 = jeton CSRF manquant
api-response-office_review-404 = pas de telle candidature pour cet évaluateur
api-response-office_review-409 = le classement est clos
api-response-office_review-422 = une note manque ou sort de 1–5 ; le critère est nommé
api-response-office_conflict-204 = enregistré ; la candidature quitte vos listes
api-response-office_conflict-400 = pas le JSON attendu
api-response-office_conflict-401 = non connecté
api-response-office_conflict-403 = jeton CSRF manquant
api-response-office_conflict-404 = pas de telle candidature pour cet évaluateur
api-response-office_conflict-422 = aucun motif donné
api-response-office_reviews-200 = les évaluations
api-response-office_reviews-401 = non connecté
api-response-office_reviews-404 = pas de telle candidature pour ce compte
api-response-office_get_ranking-200 = le classement
api-response-office_get_ranking-401 = non connecté
api-response-office_get_ranking-404 = pas de tel stage pour ce compte
api-response-office_put_ranking-200 = le classement enregistré
api-response-office_put_ranking-400 = pas le JSON attendu
api-response-office_put_ranking-401 = non connecté
api-response-office_put_ranking-403 = jeton CSRF manquant
api-response-office_put_ranking-404 = pas de tel stage pour ce compte
api-response-office_put_ranking-409 = le classement est clos
api-response-office_put_ranking-422 = un identifiant n’est pas un candidat présélectionné du stage, ou apparaît deux fois
api-response-office_close_ranking-204 = clos
api-response-office_close_ranking-401 = non connecté
api-response-office_close_ranking-403 = jeton CSRF manquant
api-response-office_close_ranking-404 = pas de telle session pour ce compte
api-response-office_close_ranking-409 = déjà clos
ranking-title = Classement — { $placement }
ranking-closed-note = Le classement est clos : cet ordre part à l’affectation.
ranking-saved-note = L’ordre de votre unité. Chaque changement est enregistré aussitôt.
ranking-proposed-note = Proposé d’après les notes ; les notes égales sont à égalité (un tirage au sort les départage lors de l’affectation). Modifiez l’ordre pour l’enregistrer comme le vôtre.
ranking-empty = Aucun candidat présélectionné n’a encore choisi ce stage.
ranking-rank = Rang { $rank }
ranking-tied = à égalité
ranking-score = note
ranking-no-score = pas encore évalué
ranking-reviews = { $count ->
    [one] une évaluation
   *[other] { $count } évaluations
}
ranking-disagreement = évaluations divergentes
ranking-up = Monter
ranking-down = Descendre
ranking-tie = À égalité avec le précédent
ranking-untie = Séparer
ranking-up-n = Monter (candidature { $id })
ranking-down-n = Descendre (candidature { $id })
ranking-tie-n = À égalité avec le précédent (candidature { $id })
ranking-untie-n = Séparer (candidature { $id })
office-placements = Stages à classer
review-reviews = Évaluations
review-mine = Votre évaluation
review-reviewer = Évaluateur
review-your-review = Votre évaluation
review-weight = coefficient { $weight }
review-choose = Choisissez une note
review-comment = Commentaire pour l’unité
review-save = Enregistrer mon évaluation
review-conflict-title = Conflit d’intérêts
review-conflict-reason = Pourquoi vous vous retirez
review-conflict-hint = Par exemple : vous connaissez le candidat. Votre évaluation de cette candidature, s’il y en a une, est retirée et elle quitte vos listes.
review-conflict-button = Me retirer
invite-role = Choisissez évaluateur, maître de stage, coordinateur ou administrateur.
invite-units = Un évaluateur travaille pour au moins une unité d’accueil ; les autres rôles pour aucune.
invite-unknown-unit = Ce n’est pas une unité du catalogue.
invite-taken = Cette adresse a déjà un compte.
mail-invite-subject = Vous êtes invité au back-office du programme de stages
mail-invite-body = Bonjour,

    Un compte de { $role } vous a été ouvert dans le back-office du programme de stages.
    Choisissez votre mot de passe dans les sept jours avec ce lien (valable une seule fois) :

    { $link }

    Si vous ne vous y attendiez pas, ignorez ce message : rien ne se passe sans le lien.
invite-lang = Choisissez en ou fr.
api-op-office_invite = Inviter un membre du personnel par courriel (administrateurs : tout rôle ; coordinateurs : évaluateurs). La personne choisit son mot de passe avec un lien à usage unique valable sept jours.
api-op-office_staff = Tous les comptes du personnel avec leur rôle et leurs unités (administrateurs et coordinateurs).
api-response-office_invite-201 = invité : un courriel avec un lien à usage unique est en route
api-response-office_invite-400 = pas le JSON attendu
api-response-office_invite-401 = non connecté
api-response-office_invite-403 = jeton CSRF manquant
api-response-office_invite-404 = pas pour ce compte (ou ce rôle)
api-response-office_invite-422 = un champ est refusé (adresse, rôle, unités, adresse qui a déjà un compte) ; il est nommé
api-response-office_staff-200 = tous les comptes du personnel
api-response-office_staff-401 = non connecté
api-response-office_staff-404 = pas pour ce compte
report-title = Rapport — { $session }
report-link = Rapport avec graphiques
report-demand = Demande par unité : candidatures par place
report-applications = Candidatures
report-seats = Places
report-ratio = Candidatures par place
report-count = Candidatures
report-share = Part
report-nationality = Nationalités
report-no-caps = Aucun plafond par nationalité n’est encore fixé pour cette session.
report-funnel = Candidatures par statut
report-level = Niveau d’études
report-field = Domaine d’études
report-reviewers = Avancement des évaluateurs
report-reviewer = Évaluateur
report-reviewed = Évaluées
report-to-review = À évaluer
report-gender = Le genre est une question facultative : les candidats qui n’ont pas répondu sont comptés comme « non précisé ».
report-gender-title = Genre
report-assign = Attribuer deux examinateurs à chaque candidature présélectionnée
report-assigned = Attribuées
report-assigned-note = { $assigned } nouvelles attributions. { $short ->
    [0] Chaque candidature présélectionnée a deux examinateurs.
    [one] Une candidature a moins de deux examinateurs : ses unités ont besoin de plus d’examinateurs.
   *[other] { $short } candidatures ont moins de deux examinateurs : leurs unités ont besoin de plus d’examinateurs.
}
office-assigned-to-you = Attribuées à vous
office-assigned-count = { $done } sur { $total } examinées
office-assigned-application = Candidature n° { $id }
office-assigned-done = examinée
api-op-office_assign_reviewers = Attribuer deux examinateurs à chaque candidature présélectionnée qui n’en a pas.
api-param-office_assign_reviewers-id = l’identifiant de la session
api-response-office_assign_reviewers-200 = ce qui a été attribué, et ce qui n’a pas pu l’être
api-response-office_assign_reviewers-401 = non connecté
api-response-office_assign_reviewers-403 = jeton CSRF manquant
api-response-office_assign_reviewers-404 = pas de telle session pour ce compte

audit-title = Journal d’audit
audit-link = Consulter et exporter le journal d’audit
audit-intro = Chaque modification et chaque consultation de données personnelles par le personnel, des plus récentes aux plus anciennes. Les heures sont en UTC. Vos consultations de ce journal y sont aussi inscrites.
audit-from = Du (jour, UTC)
audit-to = Au (jour, UTC, inclus)
audit-export = Télécharger ces entrées (CSV)
audit-none = Aucune entrée ne correspond à ces filtres.
audit-older = Entrées plus anciennes
audit-newest = Entrées les plus récentes
audit-filter-date = Saisissez un jour au format AAAA-MM-JJ.
audit-col-seq = N°
audit-col-at = Quand (UTC)
audit-col-actor = Qui
audit-col-action = Action
audit-col-subject = Objet
audit-col-detail = Détails
audit-col-address = Adresse d’origine
api-op-office_audit = Une page du journal d’audit, des plus récentes aux plus anciennes, filtrée par auteur, action et jours (administrateurs). La consultation est elle-même inscrite.
api-op-office_audit_export = Le journal d’audit filtré en CSV (UTF-8 avec BOM ; points-virgules en français ; formules neutralisées), pour les administrateurs. L’export est lui-même inscrit.
api-param-office_override_eligibility-id = l’identifiant de la candidature
api-response-office_override_eligibility-204 = tenue pour éligible ; inscrit au journal d’audit
api-response-office_override_eligibility-400 = pas le JSON attendu
api-response-office_override_eligibility-401 = non connecté
api-response-office_override_eligibility-403 = jeton CSRF manquant
api-response-office_override_eligibility-404 = candidature inconnue, ou pas pour ce compte
api-response-office_override_eligibility-409 = déjà éligible, retirée, ou modifiée entre-temps
api-response-office_override_eligibility-422 = justification absente ou trop longue ; le champ est nommé
api-param-office_audit-actor = qui : l’adresse d’un membre du personnel, system ou cli
api-param-office_audit-action = quoi, par exemple application.view
api-param-office_audit-from = à partir de ce jour (AAAA-MM-JJ, UTC)
api-param-office_audit-to = jusqu’à ce jour inclus (AAAA-MM-JJ, UTC)
api-param-office_audit-before = les entrées antérieures à ce numéro (le next_before de la page précédente)
api-response-office_audit-200 = jusqu’à 50 entrées, les plus récentes d’abord
api-response-office_audit-401 = non connecté
api-response-office_audit-404 = pas pour ce compte
api-response-office_audit-422 = un filtre n’est pas compris ; le champ est nommé
api-param-office_audit_export-actor = comme pour la page
api-param-office_audit_export-action = comme pour la page
api-param-office_audit_export-from = comme pour la page
api-param-office_audit_export-to = comme pour la page
api-response-office_audit_export-200 = le fichier, en pièce jointe
api-response-office_audit_export-401 = non connecté
api-response-office_audit_export-404 = pas pour ce compte
api-response-office_audit_export-422 = un filtre n’est pas compris ; le champ est nommé
