# Cohort — English messages. Every key here exists in fr/main.ftl too (a test checks).
site-name = Cohort
site-tagline = Internships at { $programme }
skip-to-content = Skip to content
nav-home = Meet us
nav-api = API reference
lang-switch = Français
lang-switch-label = Lire cette page en français
search-label = Search the units
search-placeholder = e.g. cyber defence, translation, legal
search-button = Search
home-title = Meet us
home-intro = You can do your internship in the divisions and offices below. Open a unit to see its teams, what it does, and what former interns did there.
home-divisions = Divisions
home-offices = Offices
unit-kind-division = Division
unit-kind-office = Office
unit-kind-project_office = Project office
unit-kind-directorate = Directorate
unit-kind-section = Section
unit-kind-branch = Branch
unit-kind-service = Service
unit-kind-centre = Centre
unit-kind-agency = Agency
unit-kind-board = Board
unit-kind-unit = Team
unit-code = Code: { $code }
breadcrumb-label = You are here
unit-responsibilities = Main responsibilities
unit-subunits = Teams in this unit
unit-testimonials = What an internship here can look like
unit-no-testimonials = No testimonial for this unit yet.
search-title = Search
search-results = { $count ->
    [0] No unit matches “{ $query }”.
    [one] One unit matches “{ $query }”.
   *[other] { $count } units match “{ $query }”.
}
search-empty = Type a word to search the units, in English or in French.
search-too-long = Your search is too long: at most { $max } characters, please.
search-in = in { $parent }
not-found-title = Page not found
not-found-body = There is no page at this address. The unit may have been renamed or removed.
not-found-back = Back to the list of units
error-title = Something went wrong
error-body = We could not show this page. Please try again in a moment. If it happens again, quote this reference: { $request_id }.
api-title = API reference
api-intro = The JSON API serves the catalogue to other tools. The machine-readable description is at
api-parameters = Parameters
api-responses = Responses
api-required = required
api-optional = optional
footer-note = Cohort is open-source software for internship programmes.
api-error-not-found = No unit has the code “{ $code }”.
api-error-bad-lang = The language “{ $lang }” is not supported: use en or fr.
api-error-query-missing = Give a search with the parameter q, e.g. ?q=legal.
api-error-query-too-long = The search is too long: at most { $max } characters.
api-error-no-route = There is nothing at this address.
api-error-internal = Internal error. Reference: { $request_id }.
api-op-list_units = The whole catalogue as a tree: divisions and offices with their sub-units.
api-op-get_unit = One unit with its breadcrumb, sub-units, responsibilities and testimonials.
api-op-search_units = Search the units in English and French; accents, case, word endings and one typo do not matter.
api-op-healthz = Whether the process is up.
api-op-readyz = Whether the database answers, so that this node can serve requests.
api-param-get_unit-code = the unit’s code, e.g. ESCD-CYBER
api-param-search_units-q = the words to look for, e.g. cyberdéfense or legal (at most 200 characters)
api-param-search_units-lang = language of names and summaries in the hits: en or fr (by default, the visitor’s)
api-response-list_units-200 = the tree of units
api-response-get_unit-200 = the unit
api-response-get_unit-404 = no unit has this code (JSON error)
api-response-search_units-200 = matching units, best first
api-response-search_units-400 = q is missing, blank or too long, or lang is neither en nor fr (JSON error)
api-response-healthz-200 = the process is up
api-response-readyz-200 = ready
api-response-readyz-503 = the database does not answer
api-error-bad-body = The request body is not the JSON this endpoint expects.
api-error-not-signed-in = Please sign in first.
api-error-csrf = This request lacks its security token (X-CSRF-Token). Reload the page and try again.
api-error-cross-origin = This request was sent by a page of another site, so it was refused. Sign in, register or reset your password from this site’s own pages.
api-error-wrong-credentials = Wrong e-mail address or password.
api-error-not-verified = Please confirm your e-mail address first: follow the link we sent you.
api-error-signin-limited = Too many failed sign-ins for this account or from your connection. Please try again in { $wait }. If you forgot your password, choose a new one: the link we e-mail you signs you in at once.
api-error-register-limited = Too many accounts were asked for from your connection or for this address. Please try again in { $wait }.
api-error-reset-limited = Too many password-reset requests from your connection. Please try again in { $wait }.
api-error-busy = The server is very busy right now. Please try again in { $wait }.
api-wait = { $minutes ->
        [0] { $seconds ->
            [one] one second
           *[other] { $seconds } seconds
        }
        [one] one minute
       *[other] { $minutes } minutes
    }
api-error-bad-token = This link is invalid, already used or expired. Ask for a new one.
api-error-body-too-large = The request is too large: { $kib } KB at most. Nothing was kept.
api-error-internal-short = Internal error. Please try again; if it happens again, tell the internship office.
