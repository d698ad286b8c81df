# Cohort — messages en français. Chaque clé existe aussi dans en/main.ftl (un test le vérifie).
site-name = Cohort
site-tagline = Stages au { $programme }
skip-to-content = Aller au contenu
nav-home = Rencontrez-nous
nav-api = Référence de l’API
lang-switch = English
lang-switch-label = Read this page in English
search-label = Rechercher dans les unités
search-placeholder = p. ex. cyberdéfense, traduction, juridique
search-button = Rechercher
home-title = Rencontrez-nous
home-intro = Vous pouvez effectuer votre stage dans les divisions et bureaux ci-dessous. Ouvrez une unité pour découvrir ses équipes, ce qu’elle fait et ce qu’y ont fait d’anciens stagiaires.
home-divisions = Divisions
home-offices = Bureaux
unit-kind-division = Division
unit-kind-office = Bureau
unit-kind-project_office = Bureau de projet
unit-kind-directorate = Direction
unit-kind-section = Section
unit-kind-branch = Branche
unit-kind-service = Service
unit-kind-centre = Centre
unit-kind-agency = Agence
unit-kind-board = Comité
unit-kind-unit = Équipe
unit-code = Code : { $code }
breadcrumb-label = Vous êtes ici
unit-responsibilities = Principales responsabilités
unit-subunits = Équipes de cette unité
unit-testimonials = À quoi peut ressembler un stage ici
unit-no-testimonials = Pas encore de témoignage pour cette unité.
search-title = Recherche
search-results = { $count ->
    [0] Aucune unité ne correspond à « { $query } ».
    [one] Une unité correspond à « { $query } ».
   *[other] { $count } unités correspondent à « { $query } ».
}
search-empty = Saisissez un mot pour chercher parmi les unités, en français ou en anglais.
search-too-long = Votre recherche est trop longue : { $max } caractères au plus, s’il vous plaît.
search-in = dans { $parent }
not-found-title = Page introuvable
not-found-body = Il n’y a pas de page à cette adresse. L’unité a peut-être été renommée ou supprimée.
not-found-back = Retour à la liste des unités
error-title = Un problème est survenu
error-body = Nous n’avons pas pu afficher cette page. Veuillez réessayer dans un instant. Si cela se reproduit, indiquez cette référence : { $request_id }.
api-title = Référence de l’API
api-intro = L’API JSON met le catalogue à la disposition d’autres outils. Sa description lisible par machine se trouve à
api-parameters = Paramètres
api-responses = Réponses
api-required = obligatoire
api-optional = facultatif
footer-note = Cohort est un logiciel libre pour les programmes de stages.
api-error-not-found = Aucune unité n’a le code « { $code } ».
api-error-bad-lang = La langue « { $lang } » n’est pas prise en charge : utilisez en ou fr.
api-error-query-missing = Indiquez une recherche avec le paramètre q, p. ex. ?q=juridique.
api-error-query-too-long = La recherche est trop longue : { $max } caractères au plus.
api-error-no-route = Il n’y a rien à cette adresse.
api-error-internal = Erreur interne. Référence : { $request_id }.
api-op-list_units = Tout le catalogue sous forme d’arbre : divisions et bureaux avec leurs sous-unités.
api-op-get_unit = Une unité avec son fil d’Ariane, ses sous-unités, ses responsabilités et ses témoignages.
api-op-search_units = Recherche dans les unités en français et en anglais ; les accents, la casse, les terminaisons et une faute de frappe ne comptent pas.
api-op-healthz = Le processus est-il en marche ?
api-op-readyz = La base de données répond-elle, de sorte que ce nœud puisse servir des requêtes ?
api-param-get_unit-code = le code de l’unité, p. ex. ESCD-CYBER
api-param-search_units-q = les mots à chercher, p. ex. cyberdéfense ou juridique (200 caractères au plus)
api-param-search_units-lang = langue des noms et résumés des résultats : en ou fr (par défaut, celle du visiteur)
api-response-list_units-200 = l’arbre des unités
api-response-get_unit-200 = l’unité
api-response-get_unit-404 = aucune unité n’a ce code (erreur JSON)
api-response-search_units-200 = les unités trouvées, les plus pertinentes d’abord
api-response-search_units-400 = q est absent, vide ou trop long, ou lang n’est ni en ni fr (erreur JSON)
api-response-healthz-200 = le processus est en marche
api-response-readyz-200 = prêt
api-response-readyz-503 = la base de données ne répond pas
api-error-bad-body = Le corps de la requête n’est pas le JSON attendu par ce point d’accès.
api-error-not-signed-in = Veuillez d’abord vous connecter.
api-error-csrf = Il manque à cette requête son jeton de sécurité (X-CSRF-Token). Rechargez la page et réessayez.
api-error-cross-origin = Cette requête a été envoyée par une page d’un autre site : elle est refusée. Connectez-vous, inscrivez-vous ou changez votre mot de passe depuis les pages de ce site.
api-error-wrong-credentials = Adresse électronique ou mot de passe incorrect.
api-error-not-verified = Veuillez d’abord confirmer votre adresse électronique en suivant le lien que nous vous avons envoyé.
api-error-signin-limited = Trop de connexions échouées pour ce compte ou depuis votre connexion. Réessayez dans { $wait }. Si vous avez oublié votre mot de passe, choisissez-en un nouveau : le lien que nous vous envoyons par courriel vous connecte aussitôt.
api-error-register-limited = Trop de comptes ont été demandés depuis votre connexion ou pour cette adresse. Réessayez dans { $wait }.
api-error-reset-limited = Trop de demandes de réinitialisation depuis votre connexion. Réessayez dans { $wait }.
api-error-busy = Le serveur est très sollicité en ce moment. Réessayez dans { $wait }.
api-wait = { $minutes ->
        [0] { $seconds ->
            [one] une seconde
           *[other] { $seconds } secondes
        }
        [one] une minute
       *[other] { $minutes } minutes
    }
api-error-bad-token = Ce lien n’est pas valide, a déjà servi ou a expiré. Demandez-en un nouveau.
api-error-body-too-large = La requête est trop volumineuse : { $kib } Ko au plus. Rien n’a été enregistré.
api-error-internal-short = Erreur interne. Veuillez réessayer ; si cela se reproduit, prévenez le bureau des stages.
