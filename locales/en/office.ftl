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

api-op-office_list_applications = A session's sent applications, filtered, with counts beside each filter and full-text search over motivations and the text of CVs. Reviewers see only applications that chose one of their units, without names, e-mail, date of birth or nationality.
api-op-office_get_application = One application, whole, with the text extracted from its CV (blind for reviewers: the candidate's names, e-mail and date of birth are blacked out of it). The view is recorded in the audit log.
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
office-eligible-override = yes, by override
office-override-title = Hold eligible
office-override-justification = Justification of the eligibility override
office-override-hint = Why this application is held eligible although it did not meet the rules (2,000 characters at most). Recorded in the audit log.
office-override-button = Hold this application eligible
office-override-already-eligible = This application is already eligible.
office-justification-missing = Write the justification of this override.
office-justification-too-long = The justification is too long (2,000 characters at most).
api-op-office_override_eligibility = Holds an application that did not meet the session's rules as eligible, with a written justification (coordinators). Recorded in the audit log; the list's eligibility filter follows.
candidate-event-eligibility_override = Eligibility confirmed by the internship office
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
office-cv-text = CV (text extracted from the PDF)
office-cv-text-none = No text could be read from this CV.

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

review-ranking-closed = Ranking is closed for this session: reviews and rankings can no longer change.
review-score-missing = Score every criterion.
review-score-range = Give a score from 1 to 5.
review-score-unknown = This is not a criterion of the session's rubric.
review-comment-too-long = The comment is too long (4,000 characters at most).
ranking-not-ranked = This application is not in the ranking.
ranking-at-the-end = It cannot move further that way.
ranking-not-tied = This application is not tied.
ranking-groups-invalid = Rank each shortlisted candidate of this placement at most once.
api-op-office_review = Score an application against the session's rubric (reviewers of a unit it chose). Reviews are independent: a reviewer sees only their own.
api-op-office_conflict = Step aside from an application (conflict of interest); your review of it, if any, is withdrawn.
api-op-office_reviews = The reviews of an application: your own as a reviewer, all of them with the disagreement flag as a coordinator.
api-op-office_get_ranking = A placement's ranking: the unit's order, or the one proposed from the review scores, with ties.
api-op-office_put_ranking = Replace a placement's ranking with tie groups (reviewers of its unit, while ranking is open).
api-op-office_close_ranking = Freeze every ranking of the session (coordinators).
api-param-office_review-id = the application’s id
api-param-office_conflict-id = the application’s id
api-param-office_reviews-id = the application’s id
api-param-office_get_ranking-id = the placement’s id
api-param-office_put_ranking-id = the placement’s id
api-param-office_close_ranking-id = the session’s id
api-response-office_review-204 = saved
api-response-office_review-400 = not the expected JSON
api-response-office_review-401 = not signed in
api-response-office_review-403 = CSRF token missing
api-response-office_review-404 = no such application for this reviewer
api-response-office_review-409 = ranking is closed
api-response-office_review-422 = a score is missing or out of 1–5; the criterion is named
api-response-office_conflict-204 = recorded; the application leaves your lists
api-response-office_conflict-400 = not the expected JSON
api-response-office_conflict-401 = not signed in
api-response-office_conflict-403 = CSRF token missing
api-response-office_conflict-404 = no such application for this reviewer
api-response-office_conflict-422 = no reason given
api-response-office_reviews-200 = the reviews
api-response-office_reviews-401 = not signed in
api-response-office_reviews-404 = no such application for this account
api-response-office_get_ranking-200 = the ranking
api-response-office_get_ranking-401 = not signed in
api-response-office_get_ranking-404 = no such placement for this account
api-response-office_put_ranking-200 = the saved ranking
api-response-office_put_ranking-400 = not the expected JSON
api-response-office_put_ranking-401 = not signed in
api-response-office_put_ranking-403 = CSRF token missing
api-response-office_put_ranking-404 = no such placement for this account
api-response-office_put_ranking-409 = ranking is closed
api-response-office_put_ranking-422 = an id is not a shortlisted candidate of the placement, or appears twice
api-response-office_close_ranking-204 = closed
api-response-office_close_ranking-401 = not signed in
api-response-office_close_ranking-403 = CSRF token missing
api-response-office_close_ranking-404 = no such session for this account
api-response-office_close_ranking-409 = already closed
ranking-title = Ranking — { $placement }
ranking-closed-note = Ranking is closed: this order goes to the allocation.
ranking-saved-note = Your unit's order. Each change is saved at once.
ranking-proposed-note = Proposed from the review scores; equal scores are tied (a lottery breaks ties in the allocation). Change the order to save it as yours.
ranking-empty = No shortlisted candidate chose this placement yet.
ranking-rank = Rank { $rank }
ranking-tied = tied
ranking-score = score
ranking-no-score = not reviewed
ranking-reviews = { $count ->
    [one] one review
   *[other] { $count } reviews
}
ranking-disagreement = reviews disagree
ranking-up = Up
ranking-down = Down
ranking-tie = Tie with the one above
ranking-untie = Untie
ranking-up-n = Up (application { $id })
ranking-down-n = Down (application { $id })
ranking-tie-n = Tie with the one above (application { $id })
ranking-untie-n = Untie (application { $id })
office-placements = Placements to rank
review-reviews = Reviews
review-mine = Your review
review-reviewer = Reviewer
review-your-review = Your review
review-weight = weight { $weight }
review-choose = Choose a score
review-comment = Comment for the unit
review-save = Save my review
review-conflict-title = Conflict of interest
review-conflict-reason = Why you step aside
review-conflict-hint = For example: you know the candidate. Your review of this application, if any, is withdrawn and it leaves your lists.
review-conflict-button = Step aside
invite-role = Choose reviewer, supervisor, coordinator or administrator.
invite-units = A reviewer works for at least one host unit; other roles for none.
invite-unknown-unit = This is not a unit of the catalogue.
invite-taken = This address already has an account.
mail-invite-subject = You are invited to the internship programme's back office
mail-invite-body = Hello,

    You have been given a { $role } account in the back office of the internship programme.
    Choose your password within seven days with this link (it works once):

    { $link }

    If you did not expect this, ignore this message: nothing happens without the link.
invite-lang = Choose en or fr.
api-op-office_invite = Invite a staff member by e-mail (administrators: any staff role; coordinators: reviewers). The person chooses a password with a one-time link valid seven days.
api-op-office_staff = Every staff account with its role and units (administrators and coordinators).
api-response-office_invite-201 = invited: an e-mail with a one-time link is on its way
api-response-office_invite-400 = not the expected JSON
api-response-office_invite-401 = not signed in
api-response-office_invite-403 = CSRF token missing
api-response-office_invite-404 = not for this account (or this role)
api-response-office_invite-422 = a field is refused (address, role, units, an address that has an account); it is named
api-response-office_staff-200 = every staff account
api-response-office_staff-401 = not signed in
api-response-office_staff-404 = not for this account
report-title = Report — { $session }
report-link = Report with charts
report-demand = Demand per unit: applications per seat
report-applications = Applications
report-seats = Seats
report-ratio = Applications per seat
report-count = Applications
report-share = Share
report-nationality = Nationalities
report-no-caps = No nationality cap is set for this session yet.
report-funnel = Applications by status
report-level = Education level
report-field = Field of study
report-reviewers = Reviewer progress
report-reviewer = Reviewer
report-reviewed = Reviewed
report-to-review = To review
report-gender = Gender is an optional question: candidates who did not answer are counted as “not given”.
report-gender-title = Gender
report-assign = Assign two reviewers to each shortlisted application
report-assigned = Assigned
report-assigned-note = { $assigned } new assignments. { $short ->
    [0] Every shortlisted application has two reviewers.
    [one] One application has fewer than two reviewers: its units need more reviewers.
   *[other] { $short } applications have fewer than two reviewers: their units need more reviewers.
}
office-assigned-to-you = Assigned to you
office-assigned-count = { $done } of { $total } reviewed
office-assigned-application = Application #{ $id }
office-assigned-done = reviewed
api-op-office_assign_reviewers = Assign two reviewers to each shortlisted application lacking them.
api-param-office_assign_reviewers-id = the session’s id
api-response-office_assign_reviewers-200 = what was assigned, and what could not be
api-response-office_assign_reviewers-401 = not signed in
api-response-office_assign_reviewers-403 = CSRF token missing
api-response-office_assign_reviewers-404 = no such session for this account

audit-title = Audit log
audit-link = Browse and export the audit log
audit-intro = Every change and every staff view of personal data, newest first. Times are in UTC. Your views of this log are recorded too.
audit-from = From (day, UTC)
audit-to = To (day, UTC, included)
audit-export = Download these entries (CSV)
audit-none = No entry matches these filters.
audit-older = Older entries
audit-newest = Newest entries
audit-filter-date = Enter a day as YYYY-MM-DD.
audit-col-seq = No.
audit-col-at = When (UTC)
audit-col-actor = Who
audit-col-action = Action
audit-col-subject = Subject
audit-col-detail = Details
audit-col-address = From address
api-op-office_audit = A page of the audit log, newest first, filtered by actor, action and days (administrators). The view is itself recorded.
api-op-office_audit_export = The filtered audit log as CSV (UTF-8 with BOM; semicolons in French; formulas neutralised), for administrators. The export is itself recorded.
api-param-office_override_eligibility-id = the application’s id
api-response-office_override_eligibility-204 = held eligible; recorded in the audit log
api-response-office_override_eligibility-400 = not the expected JSON
api-response-office_override_eligibility-401 = not signed in
api-response-office_override_eligibility-403 = CSRF token missing
api-response-office_override_eligibility-404 = no such application, or not for this account
api-response-office_override_eligibility-409 = already eligible, withdrawn, or changed meanwhile
api-response-office_override_eligibility-422 = no justification, or too long; the field is named
api-param-office_audit-actor = who: a staff member’s address, system or cli
api-param-office_audit-action = what, e.g. application.view
api-param-office_audit-from = from this day on (YYYY-MM-DD, UTC)
api-param-office_audit-to = up to this day, included (YYYY-MM-DD, UTC)
api-param-office_audit-before = entries older than this number (the previous page’s next_before)
api-response-office_audit-200 = up to 50 entries, newest first
api-response-office_audit-401 = not signed in
api-response-office_audit-404 = not for this account
api-response-office_audit-422 = a filter is not understood; the field is named
api-param-office_audit_export-actor = as for the page
api-param-office_audit_export-action = as for the page
api-param-office_audit_export-from = as for the page
api-param-office_audit_export-to = as for the page
api-response-office_audit_export-200 = the file, as an attachment
api-response-office_audit_export-401 = not signed in
api-response-office_audit_export-404 = not for this account
api-response-office_audit_export-422 = a filter is not understood; the field is named
