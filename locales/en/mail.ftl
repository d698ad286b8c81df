# e-mail templates: what the office edits, and the reminders' default wording
mail-reminder-due-soon-subject = Due soon: { $item }
mail-reminder-due-soon-body = Hello,

    Before your internship starts, one item of your checklist is due on { $due }:

    { $item }

    You can complete it from your offer page: { $link }
mail-reminder-overdue-subject = Overdue: { $item }
mail-reminder-overdue-body = Hello,

    One item of your checklist was due on { $due } and is still open:

    { $item }

    Please complete it as soon as you can from your offer page: { $link }
    If something prevents you, reply to the internship office.
mail-templates-title = E-mail templates
mail-templates-link = E-mail templates
mail-templates-intro = Every e-mail the programme sends comes from one of these templates, in English and in French. Change the wording as you like; the variables in braces are filled in when each e-mail is sent.
mail-templates-kind = E-mail
mail-templates-en = English
mail-templates-fr = French
mail-template-title = { $kind } — { $lang }
mail-template-custom = Your wording
mail-template-default = The product's wording
mail-template-variables = Variables you may use
mail-template-required = (required)
mail-template-subject = Subject
mail-template-body = Text
mail-template-preview = Preview
mail-template-save = Save
mail-template-reset = Go back to the product's wording
mail-template-preview-title = Preview with sample values
mail-template-preview-subject = Subject: { $subject }
mail-template-saved = Saved. Every e-mail of this kind now uses this wording.
mail-template-was-reset = The product's wording is in force again.
mail-template-has-problems = The template cannot be used as it is:
mail-template-empty = Write something here.
mail-template-too-long = At most { $max } characters.
mail-template-subject-lines = The subject must fit on one line.
mail-template-malformed = A brace does not open a variable: “{ $near }”. Write variables as {"{"} $name {"}"}.
mail-template-unknown = This e-mail has no variable “{ $name }”; use one of the variables listed.
mail-template-missing = The variable “{ $name }” is required: without it the e-mail is useless.
mail-template-link-not-alone = The link must stand alone on a line of its own, written {"{"} $link {"}"} with nothing else on that line, and it may not appear in the subject: “{ $line }”.
mail-kind-verify = Confirm a new account's address
mail-kind-exists = Registration with an address that has an account
mail-kind-reset = Choose a new password
mail-kind-invite = Invitation to the back office
mail-kind-decision-shortlisted = Application shortlisted
mail-kind-decision-rejected = Application not retained
mail-kind-decision-submitted = Application reopened
mail-kind-offer = Internship offer
mail-kind-reminder-due-soon = Reminder: checklist item due soon
mail-kind-reminder-overdue = Reminder: checklist item overdue
mail-var-link = the link the recipient follows
mail-var-role = the staff role given (reviewer, coordinator…)
mail-var-reason = the reason the office gave for its decision
mail-var-placement = the placement offered
mail-var-unit = the unit of the placement
mail-var-deadline = the date and time by which to answer
mail-var-item = the checklist item
mail-var-due = the item's due date
mail-sample-link = https://internships.example.org/my-offer
mail-sample-role = reviewer
mail-sample-reason = Your profile matches the unit's needs well.
mail-sample-placement = Cyber defence policy intern
mail-sample-unit = Cyber Defence Section
mail-sample-deadline = 14 May 2027, 17:00 (Europe/Brussels)
mail-sample-item = Proof of health insurance
mail-sample-due = 2027-08-17
api-op-office_mail_templates = Every kind of e-mail the product sends, in English and French: the wording in force (the office's or the product's) and the variables it may use (coordinators).
api-op-office_save_mail_template = Save the office's wording of one e-mail in one language; placeholders are checked against the e-mail's variables (coordinators).
api-op-office_reset_mail_template = Go back to the product's wording of one e-mail in one language (coordinators).
api-op-office_preview_mail_template = An e-mail's wording rendered with sample values, as the recipient would read it; nothing is saved or sent.
api-param-office_save_mail_template-kind = the kind of e-mail, e.g. offer or reminder-overdue
api-param-office_save_mail_template-lang = en or fr
api-param-office_reset_mail_template-kind = the kind of e-mail
api-param-office_reset_mail_template-lang = en or fr
api-param-office_preview_mail_template-kind = the kind of e-mail
api-param-office_preview_mail_template-lang = en or fr
api-response-office_mail_templates-200 = every template
api-response-office_mail_templates-401 = not signed in
api-response-office_mail_templates-404 = not for this account
api-response-office_save_mail_template-200 = saved; the wording in force
api-response-office_save_mail_template-400 = not the expected JSON
api-response-office_save_mail_template-401 = not signed in
api-response-office_save_mail_template-403 = CSRF token missing
api-response-office_save_mail_template-404 = no such kind or language, or not for this account
api-response-office_save_mail_template-422 = a placeholder is unknown or malformed, a required one is missing, or a field is empty or too long; the field is named
api-response-office_reset_mail_template-204 = the product's wording is in force again
api-response-office_reset_mail_template-401 = not signed in
api-response-office_reset_mail_template-403 = CSRF token missing
api-response-office_reset_mail_template-404 = no such kind or language, or not for this account
api-response-office_preview_mail_template-200 = the e-mail with sample values
api-response-office_preview_mail_template-400 = not the expected JSON
api-response-office_preview_mail_template-401 = not signed in
api-response-office_preview_mail_template-403 = CSRF token missing
api-response-office_preview_mail_template-404 = no such kind or language, or not for this account
api-response-office_preview_mail_template-422 = the wording has a problem; the field is named
mail-internship-ended-subject = Your internship has ended: your certificate, and a word for the next interns
mail-internship-ended-body = Hello,

    Your internship at { $unit } ended on { $end }. Thank you for your work with us.

    Your certificate of internship is ready, in English and in French, and your supervisor's evaluations stay available to you: { $link }

    Would you tell future candidates what your internship looked like? A few lines in English or French, shown on the unit's public page once the internship office has read them, help the next interns choose.
mail-kind-internship-ended = End of internship: certificate and testimonial
mail-var-end = the internship's last day
mail-sample-end = 2027-08-31
mail-office-overdue-subject = Checklist items for the office are overdue
mail-office-overdue-body = Hello,

    These items of the interns' pre-arrival checklists are the internship office's to move and are past their due date:

    { $items }

    The table of each session's checklists: { $link }
mail-kind-office-overdue = To coordinators: the office's checklist items overdue
mail-var-items = the overdue items, one a line (item, intern, due date)
mail-sample-items = – National and NATO security clearance — Ana Silva, due 2027-08-18
mail-office-overdue-line = – { $item } — { $intern }, due { $due }
mail-evaluation-open-subject = { $evaluation } of { $intern } can be written now
mail-evaluation-open-body = Hello,

    As { $intern }'s supervisor, you can now write this evaluation: { $evaluation } (the internship ends on { $end }). Save drafts as often as you like; once submitted, the intern reads it and it no longer changes.

    { $link }
mail-kind-evaluation-open = To supervisors: an evaluation can be written
mail-var-evaluation = which evaluation (mid-term or final)
mail-var-intern = the intern's name
mail-sample-evaluation = Mid-term evaluation
mail-sample-intern = Ana Silva
