# modèles de courriels : ce que le bureau modifie, et le texte par défaut des rappels
mail-reminder-due-soon-subject = À faire bientôt : { $item }
mail-reminder-due-soon-body = Bonjour,

    Avant le début de votre stage, un élément de votre liste est attendu pour le { $due } :

    { $item }

    Vous pouvez vous en occuper depuis la page de votre offre : { $link }
mail-reminder-overdue-subject = En retard : { $item }
mail-reminder-overdue-body = Bonjour,

    Un élément de votre liste était attendu pour le { $due } et n’est pas encore réglé :

    { $item }

    Merci de vous en occuper dès que possible depuis la page de votre offre : { $link }
    Si quelque chose vous en empêche, répondez au bureau des stages.
mail-templates-title = Modèles de courriels
mail-templates-link = Modèles de courriels
mail-templates-intro = Chaque courriel que le programme envoie vient de l’un de ces modèles, en anglais et en français. Modifiez le texte à votre guise ; les variables entre accolades sont remplies à l’envoi de chaque courriel.
mail-templates-kind = Courriel
mail-templates-en = Anglais
mail-templates-fr = Français
mail-template-title = { $kind } — { $lang }
mail-template-custom = Votre texte
mail-template-default = Le texte du produit
mail-template-variables = Variables utilisables
mail-template-required = (obligatoire)
mail-template-subject = Objet
mail-template-body = Texte
mail-template-preview = Aperçu
mail-template-save = Enregistrer
mail-template-reset = Revenir au texte du produit
mail-template-preview-title = Aperçu avec des valeurs d’exemple
mail-template-preview-subject = Objet : { $subject }
mail-template-saved = Enregistré. Tous les courriels de ce type utilisent désormais ce texte.
mail-template-was-reset = Le texte du produit s’applique de nouveau.
mail-template-has-problems = Le modèle ne peut pas être utilisé tel quel :
mail-template-empty = Écrivez quelque chose ici.
mail-template-too-long = { $max } caractères au plus.
mail-template-subject-lines = L’objet doit tenir sur une ligne.
mail-template-malformed = Une accolade n’ouvre pas de variable : « { $near } ». Écrivez les variables ainsi : {"{"} $nom {"}"}.
mail-template-unknown = Ce courriel n’a pas de variable « { $name } » ; utilisez l’une des variables indiquées.
mail-template-missing = La variable « { $name } » est obligatoire : sans elle, le courriel ne sert à rien.
mail-template-link-not-alone = Le lien doit être seul sur une ligne, écrit {"{"} $link {"}"} sans rien d’autre sur cette ligne, et il ne peut pas figurer dans l’objet : « { $line } ».
mail-kind-verify = Confirmer l’adresse d’un nouveau compte
mail-kind-exists = Inscription avec une adresse qui a déjà un compte
mail-kind-reset = Choisir un nouveau mot de passe
mail-kind-invite = Invitation à l’espace de gestion
mail-kind-decision-shortlisted = Candidature présélectionnée
mail-kind-decision-rejected = Candidature non retenue
mail-kind-decision-submitted = Candidature rouverte
mail-kind-offer = Offre de stage
mail-kind-reminder-due-soon = Rappel : élément de la liste bientôt attendu
mail-kind-reminder-overdue = Rappel : élément de la liste en retard
mail-var-link = le lien que suit le destinataire
mail-var-role = le rôle donné (évaluateur, coordinateur…)
mail-var-reason = le motif donné par le bureau pour sa décision
mail-var-placement = le poste de stage offert
mail-var-unit = l’unité du poste
mail-var-deadline = la date et l’heure limites de réponse
mail-var-item = l’élément de la liste
mail-var-due = la date attendue de l’élément
mail-sample-link = https://stages.example.org/my-offer
mail-sample-role = évaluateur
mail-sample-reason = Votre profil correspond bien aux besoins de l’unité.
mail-sample-placement = Stagiaire en politique de cyberdéfense
mail-sample-unit = Section Cyberdéfense
mail-sample-deadline = 14 mai 2027, 17 h (Europe/Brussels)
mail-sample-item = Attestation d’assurance maladie
mail-sample-due = 2027-08-17
api-op-office_mail_templates = Tous les types de courriels envoyés par le produit, en anglais et en français : le texte en vigueur (celui du bureau ou du produit) et les variables utilisables (coordinateurs).
api-op-office_save_mail_template = Enregistrer le texte du bureau pour un courriel dans une langue ; les variables sont vérifiées (coordinateurs).
api-op-office_reset_mail_template = Revenir au texte du produit pour un courriel dans une langue (coordinateurs).
api-op-office_preview_mail_template = Le texte d’un courriel rempli avec des valeurs d’exemple, tel que le destinataire le lirait ; rien n’est enregistré ni envoyé.
api-param-office_save_mail_template-kind = le type de courriel, par exemple offer ou reminder-overdue
api-param-office_save_mail_template-lang = en ou fr
api-param-office_reset_mail_template-kind = le type de courriel
api-param-office_reset_mail_template-lang = en ou fr
api-param-office_preview_mail_template-kind = le type de courriel
api-param-office_preview_mail_template-lang = en ou fr
api-response-office_mail_templates-200 = tous les modèles
api-response-office_mail_templates-401 = non connecté
api-response-office_mail_templates-404 = pas pour ce compte
api-response-office_save_mail_template-200 = enregistré ; le texte en vigueur
api-response-office_save_mail_template-400 = pas le JSON attendu
api-response-office_save_mail_template-401 = non connecté
api-response-office_save_mail_template-403 = jeton CSRF absent
api-response-office_save_mail_template-404 = type ou langue inconnus, ou pas pour ce compte
api-response-office_save_mail_template-422 = une variable est inconnue ou mal écrite, une variable obligatoire manque, ou un champ est vide ou trop long ; le champ est nommé
api-response-office_reset_mail_template-204 = le texte du produit s’applique de nouveau
api-response-office_reset_mail_template-401 = non connecté
api-response-office_reset_mail_template-403 = jeton CSRF absent
api-response-office_reset_mail_template-404 = type ou langue inconnus, ou pas pour ce compte
api-response-office_preview_mail_template-200 = le courriel avec des valeurs d’exemple
api-response-office_preview_mail_template-400 = pas le JSON attendu
api-response-office_preview_mail_template-401 = non connecté
api-response-office_preview_mail_template-403 = jeton CSRF absent
api-response-office_preview_mail_template-404 = type ou langue inconnus, ou pas pour ce compte
api-response-office_preview_mail_template-422 = le texte a un problème ; le champ est nommé
mail-internship-ended-subject = Votre stage est terminé : votre attestation, et un mot pour les prochains stagiaires
mail-internship-ended-body = Bonjour,

    Votre stage à { $unit } s’est terminé le { $end }. Merci pour votre travail parmi nous.

    Votre attestation de stage est prête, en français et en anglais, et les évaluations de votre tuteur restent à votre disposition : { $link }

    Voulez-vous raconter aux futurs candidats à quoi votre stage a ressemblé ? Quelques lignes en français ou en anglais, publiées sur la page de l’unité après lecture par le bureau des stages, aident les prochains stagiaires à choisir.
mail-kind-internship-ended = Fin de stage : attestation et témoignage
mail-var-end = le dernier jour du stage
mail-sample-end = 2027-08-31
mail-office-overdue-subject = Des éléments de liste à la charge du bureau sont en retard
mail-office-overdue-body = Bonjour,

    Ces éléments des listes d’avant l’arrivée sont à la charge du bureau des stages et ont dépassé leur date :

    { $items }

    Le tableau des listes de chaque session : { $link }
mail-kind-office-overdue = Aux coordinateurs : éléments du bureau en retard
mail-var-items = les éléments en retard, un par ligne (élément, stagiaire, date)
mail-sample-items = – Habilitation de sécurité nationale et OTAN — Ana Silva, attendue le 2027-08-18
mail-office-overdue-line = – { $item } — { $intern }, attendu le { $due }
mail-evaluation-open-subject = { $evaluation } de { $intern } : vous pouvez la rédiger
mail-evaluation-open-body = Bonjour,

    En tant que tuteur de { $intern }, vous pouvez maintenant rédiger son évaluation : { $evaluation } (le stage se termine le { $end }). Enregistrez des brouillons aussi souvent que vous le voulez ; une fois envoyée, le stagiaire la lit et elle ne change plus.

    { $link }
mail-kind-evaluation-open = Aux tuteurs : une évaluation peut être rédigée
mail-var-evaluation = quelle évaluation (mi-parcours ou finale)
mail-var-intern = le nom du stagiaire
mail-sample-evaluation = Évaluation à mi-parcours
mail-sample-intern = Ana Silva
