# Calendar feeds (iCalendar).

calendar-title = Your dates in your calendar
calendar-lead = Subscribe to your dates — deadlines, the reply to an offer, the first and last days, the steps before arrival — in any calendar application, with a private link.
calendar-your-link = Your private link
calendar-link-hint = Copy it into your calendar application now: it is shown only once. Anyone who has it can see your dates.
calendar-create = Create a calendar link
calendar-replace = Replace the link (the old one stops working)
calendar-revoke = Revoke the link
calendar-revoked = The link is revoked: it no longer works.
calendar-link = Your dates in your calendar
calendar-name = Internship programme
calendar-opens = Applications open: { $session }
calendar-closes = Applications close: { $session }
calendar-start = Internships start: { $session }
calendar-end = Internships end: { $session }
calendar-reply = Reply to your offer: { $session }
calendar-round-reply = Offer replies due: { $session }
calendar-item = Before arrival: { $item }
api-op-new_calendar_feed = Create a calendar feed of one's dates (any earlier one stops working).
api-response-new_calendar_feed-201 = the feed's address, shown once
api-response-new_calendar_feed-401 = not signed in
api-response-new_calendar_feed-403 = CSRF token missing
api-op-revoke_calendar_feed = Revoke one's calendar feed.
api-response-revoke_calendar_feed-204 = revoked
api-response-revoke_calendar_feed-401 = not signed in
api-response-revoke_calendar_feed-403 = CSRF token missing
