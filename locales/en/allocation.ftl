# Offer rounds: the coordinator's allocation page and API, the offers e-mailed, and the
# candidate's offer page.

office-status-offered = offer made
office-status-accepted = offer accepted
office-status-declined = offer declined
office-status-expired = offer lapsed
candidate-status-offered = offer made: please answer
candidate-status-accepted = offer accepted
candidate-status-declined = offer declined
candidate-status-expired = offer lapsed (no answer before the deadline)
candidate-event-offered = Offer made
candidate-event-offer_accepted = Offer accepted
candidate-event-offer_declined = Offer declined
candidate-event-offer_expired = Offer lapsed
office-decision-offer-made = An offer was made for this application; the offer rounds decide from here.
application-offer-made = An offer was made: accept or decline it on the offer page instead.

allocation-link = Offer rounds
allocation-title = Offer rounds — { $session }
allocation-state = Application window: { $window }. Ranking: { $ranking }.
allocation-ranking-closed = closed (frozen)
allocation-ranking-open-state = open (units may still reorder)
allocation-close-ranking = Close ranking
allocation-caps = Nationality caps
allocation-caps-label = Caps, one per line
allocation-caps-hint = A country code and a number of interns (FR 3) or a share of the session's seats (PL 20%). Leave empty for no caps.
allocation-caps-save = Save the caps
allocation-caps-line = Line { $line }: { $problem }
allocation-caps-nationality = this is not a country code (two capital letters, e.g. FR).
allocation-caps-limit = give a whole number of interns or a percentage between 0 and 100.
allocation-caps-duplicate = this nationality is already capped on an earlier line.
allocation-run-round = Run round { $round }
allocation-run-hint = A run is a preview: nothing is sent until you publish it. Ties in a ranking are broken by a lottery drawn from the seed, which is recorded.
allocation-seed = Seed (optional)
allocation-seed-range = The seed must be a whole number between 0 and 9,223,372,036,854,775,807.
allocation-run = Run a preview
allocation-preview-title = Run { $run } — round { $round }, seed { $seed }
allocation-stable = The independent checker verified this allocation: no blocking pair, capacities and caps respected.
allocation-unstable = The checker found violations in this allocation. Do not publish it.
allocation-matched = { $matched } of { $candidates } candidates get an offer.
allocation-by-choice = Choice no. { $rank }: { $count } candidates ({ $share } %)
allocation-unfilled = { $unfilled } of { $seats } seats stay empty.
allocation-fill-caption = Fill rate per unit
allocation-unit = Unit
allocation-seats = Seats
allocation-filled = Filled
allocation-fill-rate = Fill rate
allocation-nationality-caption = Nationalities against the caps
allocation-nationality = Nationality
allocation-nationality-none = not given
allocation-matched-header = Offers
allocation-cap = Cap this round
allocation-download-instance = Download the exact input (JSON)
allocation-download-result = Download the result (JSON)
allocation-reply-days-label = Days to answer (1–90)
allocation-reply-days = The reply period must be between 1 and 90 days.
allocation-publish = Publish: send the offers
allocation-offers = Offers so far
allocation-round = Round { $round }
allocation-round-header = Round
allocation-offered = Awaiting an answer
allocation-accepted = Accepted
allocation-declined = Declined
allocation-expired = Lapsed
allocation-runs = Runs
allocation-run-published = Run { $run } — round { $round }, seed { $seed } (published)
allocation-run-preview = Run { $run } — round { $round }, seed { $seed } (preview)
allocation-done-caps = The caps are saved.
allocation-done-closed = Ranking is closed: the rankings are frozen.
allocation-done-published = The offers are sent.
allocation-window-open = The application window is still open: a round runs only after it closes.
allocation-ranking-open = Ranking is still open: close it before running a round.
allocation-already-published = This round has already been published; nothing was changed.
allocation-superseded = A newer run replaces this one: publish the newest run of the round.
allocation-changed-meanwhile = An application changed since this run (a decision or a withdrawal): run the round again.

mail-offer-subject = Internship offer: { $placement }
mail-offer-body = Hello,

    We are pleased to offer you an internship: { $placement }, { $unit }.

    Please accept or decline this offer by { $deadline }: { $link }
    Without an answer by then, the offer lapses and the seat goes to another candidate.

offer-title = Your offer
candidate-offer-link = My offer and the results of the offer rounds
offer-back = Back to my application
offer-nothing-yet = No offer round has included your application yet. You will receive an e-mail when it does.
offer-made-headline = You are offered an internship: { $placement }, { $unit }.
offer-deadline = Please answer by { $deadline } ({ $zone }). Without an answer, the offer lapses.
offer-accepted-headline = You accepted the internship: { $placement }, { $unit }.
offer-declined-headline = You declined the offer: { $placement }, { $unit }.
offer-expired-headline = The offer for { $placement }, { $unit } lapsed: its reply deadline passed.
offer-none-headline = Round { $round } made you no offer.
offer-none-note = If seats are declined, a later round may still make you an offer; you will be told by e-mail.
offer-accept = Accept the offer
offer-decline = Decline the offer
offer-why-title = Why not your other choices
offer-why-cutoff = { $placement } ({ $unit }): { $seats ->
    [one] its only seat went
   *[other] all { $seats } seats went
} to candidates the unit ranked higher.
offer-why-not-ranked = { $placement } ({ $unit }): the unit did not rank your application.
offer-why-cap = { $placement } ({ $unit }): the programme's cap on interns of your nationality ({ $nationality }) was reached.
offer-why-no-seats = { $placement } ({ $unit }): no seat was left in this round.
offer-done-accepted = You accepted the offer. The internship office will contact you about the next steps.
offer-done-declined = You declined the offer. Thank you for telling us.
offer-answer-unknown = Choose accept or decline.
offer-none = There is no offer to answer.
offer-expired = The reply deadline has passed: the offer lapsed.
offer-answered = This offer has already been answered.

# the API reference of the offer rounds
api-op-get_outcome = The outcome of the published offer rounds for the candidate's application: the offer, or why not.
api-param-get_outcome-id = the session’s id
api-response-get_outcome-200 = the outcome
api-response-get_outcome-401 = not signed in
api-response-get_outcome-404 = no published round includes this application yet
api-op-answer_offer = Accept or decline the offer.
api-param-answer_offer-id = the session’s id
api-response-answer_offer-200 = answered; the new outcome
api-response-answer_offer-401 = not signed in
api-response-answer_offer-404 = no application in this session
api-response-answer_offer-409 = no offer, already answered, or the deadline passed; nothing changed
api-response-answer_offer-422 = the answer is neither accept nor decline
api-op-office_allocation = A session's nationality caps and allocation runs (coordinators).
api-param-office_allocation-id = the session’s id
api-response-office_allocation-200 = caps and runs
api-response-office_allocation-401 = not signed in
api-response-office_allocation-404 = no such session for this account
api-op-office_set_caps = Replace a session's nationality caps (coordinators).
api-param-office_set_caps-id = the session’s id
api-response-office_set_caps-204 = saved
api-response-office_set_caps-400 = not the expected JSON
api-response-office_set_caps-404 = no such session for this account
api-response-office_set_caps-422 = a cap is wrong; the entry is named
api-op-office_run_round = Run the session's next offer round as a preview; nothing is sent.
api-param-office_run_round-id = the session’s id
api-response-office_run_round-201 = the stored run and its figures
api-response-office_run_round-404 = no such session for this account
api-response-office_run_round-409 = the application window is open or ranking is not closed
api-response-office_run_round-422 = the seed is out of range
api-op-office_run = One allocation run with its figures.
api-param-office_run-id = the session’s id
api-param-office_run-run = the run’s id
api-response-office_run-200 = the run
api-response-office_run-404 = no such run for this account
api-op-office_run_instance = The run's exact input in the exchange format; cohort match on it gives the stored result.
api-param-office_run_instance-id = the session’s id
api-param-office_run_instance-run = the run’s id
api-response-office_run_instance-200 = the instance JSON
api-response-office_run_instance-404 = no such run for this account
api-op-office_run_result = The run's result as the engine wrote it.
api-param-office_run_result-id = the session’s id
api-param-office_run_result-run = the run’s id
api-response-office_run_result-200 = the result JSON
api-response-office_run_result-404 = no such run for this account
api-op-office_publish_run = Publish a run: offers are made and e-mailed with a reply deadline.
api-param-office_publish_run-id = the session’s id
api-param-office_publish_run-run = the run’s id
api-response-office_publish_run-200 = offers made
api-response-office_publish_run-404 = no such run for this account
api-response-office_publish_run-409 = already published, replaced by a newer run, or an application changed; nothing changed
api-response-office_publish_run-422 = the reply period is out of 1–90 days
