# The back office: screening, decisions, and their API reference.

office-filter-invalid = This filter is not understood.
office-decision-unknown = Choose shortlist, reject or reopen.
office-reason-missing = Write the reason for this decision.
office-reason-too-long = The reason is too long (2,000 characters at most).
office-ids-count = Select between 1 and 1,000 applications.
office-decision-not-submitted = This application is still a draft.
office-decision-withdrawn = The candidate withdrew this application.
office-decision-unchanged = This application already has that status.
office-decision-changed-meanwhile = This application changed meanwhile; reload the list and try again.

mail-decision-shortlisted-subject = Your application is shortlisted
mail-decision-shortlisted-body = Hello,

    Good news: the internship office has shortlisted your application. The host units you
    chose will now review it.

    { $reason }

    You can follow your application at any time from your account.
mail-decision-rejected-subject = Your application was not retained
mail-decision-rejected-body = Hello,

    Thank you for your interest in the internship programme. The internship office has not
    retained your application this time.

    { $reason }

    Your data is kept only as long as the programme's retention policy says; you can download
    or delete it from your account.
mail-decision-submitted-subject = Your application is under consideration again
mail-decision-submitted-body = Hello,

    The internship office has reopened your application: it is under consideration again.

    { $reason }

api-op-office_list_applications = A session's sent applications, filtered, with counts beside each filter and full-text search over motivations. Reviewers see only applications that chose one of their units, without names, e-mail, date of birth or nationality.
api-op-office_get_application = One application, whole (blind for reviewers). The view is recorded in the audit log.
api-op-office_decide = Shortlist, reject or reopen applications with a reason; each candidate is told by e-mail and the change is recorded in the audit log.
api-param-office_list_applications-id = the session’s id
api-param-office_list_applications-status = submitted, shortlisted, rejected or withdrawn
api-param-office_list_applications-unit = a host unit among the choices
api-param-office_list_applications-placement = a placement among the choices
api-param-office_list_applications-nationality = ISO 3166-1 alpha-2 code (coordinators)
api-param-office_list_applications-language = ISO 639-1 code, optionally with a minimum CEFR level: en or en:C1
api-param-office_list_applications-level = education level
api-param-office_list_applications-field = field of study
api-param-office_list_applications-eligible = yes or no
api-param-office_list_applications-q = words of the motivation, in French or English
api-param-office_list_applications-sort = newest (default), oldest or id
api-param-office_list_applications-page = page number, from 1
api-param-office_list_applications-per_page = 1 to 200 (default 50)
api-param-office_get_application-id = the application’s id
api-response-office_list_applications-200 = the page
api-response-office_list_applications-400 = the search is too long
api-response-office_list_applications-401 = not signed in
api-response-office_list_applications-404 = no such session, or not for this account
api-response-office_list_applications-422 = a filter is not understood; the field is named
api-response-office_get_application-200 = the application
api-response-office_get_application-401 = not signed in
api-response-office_get_application-404 = no such application, or not for this account
api-response-office_decide-200 = what changed and what did not, with why
api-response-office_decide-400 = not the expected JSON
api-response-office_decide-401 = not signed in
api-response-office_decide-403 = CSRF token missing
api-response-office_decide-404 = not for this account
api-response-office_decide-422 = unknown decision, no reason, or too many ids; the field is named

office-title = Back office
office-signed-in-as = Signed in as { $email } ({ $role }).
office-role-reviewer = reviewer
office-role-coordinator = coordinator
office-role-administrator = administrator
office-your-units = You review for:
office-nothing-to-review = There is nothing for you to review here.
office-sessions = Sessions
office-window-not_yet_open = applications not open yet
office-window-open = applications open
office-window-closed = applications closed
office-list-title = Applications — { $session }
office-filters = Filters
office-search = Search the motivations
office-filter-all = All
office-apply-filters = Show
office-facet-status = Status
office-facet-unit = Host unit
office-facet-nationality = Nationality
office-facet-language = Language
office-facet-level = Education level
office-facet-field = Field of study
office-facet-eligible = Eligible
office-status-draft = draft
office-status-submitted = submitted
office-status-shortlisted = shortlisted
office-status-rejected = not retained
office-status-withdrawn = withdrawn
office-eligible-yes = yes
office-eligible-no = no
office-total = { $count ->
    [one] One application matches.
   *[other] { $count } applications match.
}
office-col-select = Select
office-col-id = Application
office-col-name = Name
office-col-nationality = Nationality
office-col-status = Status
office-col-eligible = Eligible
office-col-units = Chosen units
office-col-education = Education
office-col-submitted = Sent
office-select-n = Select application { $id }
office-bulk-legend = Decide on the selected applications
office-decision = Decision
office-decision-shortlist = Shortlist
office-decision-reject = Do not retain
office-decision-reopen = Reopen
office-reason = Reason
office-reason-hint = Recorded with the decision and sent to each candidate.
office-apply-decision = Apply to the selected applications
office-decided = { $changed } changed, { $refused } left as they were.
office-pages = Pages
office-application-title = Application #{ $id }
office-back-to-list = Back to the list
office-born = Date of birth
office-choices = Choices, best first
office-motivation = Motivation

office-export-format = Choose csv or xlsx.
office-export = Download this list:
office-export-csv = CSV
office-export-xlsx = Excel (XLSX)
api-op-office_export_applications = The filtered list as a CSV (UTF-8 with BOM; semicolons in French) or XLSX file; cells that a spreadsheet would run as formulas are neutralised. Recorded in the audit log.
api-param-office_export_applications-id = the session’s id
api-param-office_export_applications-format = csv (default) or xlsx
api-param-office_export_applications-status = the list’s filters, as for the list
api-response-office_export_applications-200 = the file, as an attachment
api-response-office_export_applications-401 = not signed in
api-response-office_export_applications-404 = no such session, or not for this account
api-response-office_export_applications-422 = a filter or the format is not understood; the field is named
