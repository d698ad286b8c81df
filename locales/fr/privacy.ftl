# Vie privée : télécharger mes données, supprimer mon compte.
api-op-export_my_data = Télécharger tout ce qui est enregistré à votre sujet : une archive ZIP avec data.json (votre compte, votre profil, vos candidatures avec leurs choix et leur historique, et les détails de vos documents) et les documents eux-mêmes.
api-op-delete_my_account = Supprimer votre compte et tout ce qui vous concerne : profil, candidatures, documents et leurs fichiers, e-mails (exige X-CSRF-Token). Seuls des décomptes anonymes subsistent. Vous êtes déconnecté.
api-response-export_my_data-200 = l’archive ZIP, en pièce jointe
api-response-export_my_data-401 = non connecté
api-response-delete_my_account-204 = supprimé et déconnecté
api-response-delete_my_account-401 = non connecté
api-response-delete_my_account-403 = jeton CSRF absent ou erroné
