# Comptes : inscription, vérification, connexion, réinitialisation du mot de passe.
account-email-empty = Veuillez indiquer votre adresse électronique.
account-email-too-long = Cette adresse électronique est trop longue.
account-email-malformed = Ceci ne ressemble pas à une adresse électronique (nom@exemple.org).
account-password-too-short = Votre mot de passe doit compter au moins 12 caractères.
account-password-too-long = Votre mot de passe est trop long (256 caractères au plus).
account-password-too-common = Ce mot de passe fait partie des plus courants : veuillez en choisir un autre.
account-password-contains-email = Votre mot de passe ne doit pas contenir votre adresse électronique.
mail-verify-subject = Confirmez votre adresse électronique
mail-verify-body = Bonjour,

    Vous (ou quelqu’un utilisant votre adresse) avez créé un compte pour le programme de stages.
    Pour confirmer votre adresse, ouvrez ce lien dans les 48 heures :

    { $link }

    Si ce n’était pas vous, ignorez ce message : aucun compte ne sera utilisable sans cette confirmation.
mail-exists-subject = Quelqu’un a tenté de créer un compte avec votre adresse
mail-exists-body = Bonjour,

    Quelqu’un (peut-être vous) a tenté de créer un compte pour le programme de stages avec cette adresse, qui en a déjà un.
    Si c’était vous, connectez-vous, ou choisissez un nouveau mot de passe ici :

    { $link }

    Si ce n’était pas vous, vous pouvez ignorer ce message.
mail-reset-subject = Choisissez un nouveau mot de passe
mail-reset-body = Bonjour,

    Pour choisir un nouveau mot de passe pour votre compte du programme de stages, ouvrez ce lien dans l’heure :

    { $link }

    Si vous ne l’avez pas demandé, ignorez ce message : votre mot de passe reste inchangé.
api-op-register = Créer un compte et recevoir un lien de confirmation par courriel. La réponse est la même, que l’adresse ait déjà un compte ou non.
api-op-verify = Confirmer une adresse électronique avec le jeton du lien.
api-op-login = Se connecter : pose le cookie de session et renvoie le jeton CSRF à envoyer dans X-CSRF-Token.
api-op-logout = Se déconnecter (X-CSRF-Token requis).
api-op-request_password_reset = Recevoir un lien pour choisir un nouveau mot de passe.
api-op-reset_password = Choisir un nouveau mot de passe avec le jeton du lien : ferme toutes les autres sessions, annule les autres liens, oublie les connexions échouées et vous connecte.
api-response-register-202 = consultez vos courriels
api-response-register-400 = ce n’est pas le JSON attendu
api-response-register-422 = un champ est refusé ; l’erreur le nomme
api-response-register-429 = trop d’inscriptions depuis cette adresse cliente : attendez les secondes de Retry-After
api-response-register-503 = trop de mots de passe en cours de hachage : réessayez après les secondes de Retry-After
api-response-verify-200 = adresse confirmée
api-response-verify-400 = lien inconnu, déjà utilisé ou expiré
api-response-login-200 = connecté
api-response-login-400 = ce n’est pas le JSON attendu
api-response-login-401 = adresse ou mot de passe incorrect
api-response-login-403 = adresse pas encore confirmée
api-response-login-429 = trop de tentatives échouées pour ce compte ou depuis cette adresse cliente : attendez les secondes de Retry-After, ou réinitialisez le mot de passe
api-response-login-503 = trop de mots de passe en cours de vérification : réessayez après les secondes de Retry-After
api-response-logout-204 = déconnecté
api-response-logout-401 = non connecté
api-response-logout-403 = jeton CSRF absent ou incorrect
api-response-request_password_reset-202 = consultez vos courriels
api-response-request_password_reset-400 = ce n’est pas le JSON attendu
api-response-request_password_reset-429 = trop de demandes de réinitialisation depuis cette adresse cliente : attendez les secondes de Retry-After
api-response-reset_password-200 = mot de passe modifié, et connecté
api-response-reset_password-400 = lien inconnu, déjà utilisé ou expiré
api-response-reset_password-422 = le nouveau mot de passe est refusé
api-response-reset_password-503 = trop de mots de passe en cours de hachage : réessayez après les secondes de Retry-After
api-op-me = Le compte connecté, avec le jeton CSRF de la session.
api-response-me-200 = le compte connecté
api-response-me-401 = non connecté

reset-request-title = Mot de passe oublié ?
reset-request-intro = Indiquez l’adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
reset-request-button = Envoyer le lien
reset-sent-body = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe vous a été envoyé. Il est valable une heure, pour un seul usage.
reset-new-title = Choisissez un nouveau mot de passe
reset-new-intro = Le lien est valable une heure, pour un seul usage. Choisir un nouveau mot de passe déconnecte votre compte partout.
reset-new-button = Enregistrer le nouveau mot de passe
reset-new-password = Nouveau mot de passe
reset-done-title = Votre mot de passe est changé
reset-done-body = Vous êtes connecté. Désormais, connectez-vous avec votre nouveau mot de passe.
reset-done-continue = Continuer
reset-forgot-link = Mot de passe oublié ?
cross-site-title = Ce formulaire venait d’un autre site
cross-site-body = Pour votre sécurité, nous n’acceptons les formulaires de connexion, d’inscription et de mot de passe que s’ils sont envoyés depuis les pages de ce site. Ouvrez le formulaire ici et envoyez-le de nouveau.
cross-site-again = Ouvrir le formulaire sur ce site
