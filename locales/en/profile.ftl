# Cohort — the candidate's profile, in English. Every key also exists in fr/profile.ftl
# (a test in cohort-domain checks every problem's message in both files).
#
# Numbers are passed as numbers ($max).

profile-invalid = Some fields of the profile are not valid; each one is listed.
profile-start-invalid = The start date must be a date written YYYY-MM-DD, e.g. 2027-03-01.

profile-text-control-characters = This text cannot contain line breaks, tabs or other control characters.
profile-text-too-long = This text is too long: at most { $max } characters.
profile-date-malformed = Write the date as YYYY-MM-DD, e.g. 2001-04-23, and check that the day exists.
profile-date-in-future = This date cannot be in the future.
profile-date-too-early = This date cannot be before 1 January 1900.
profile-date-too-far-ahead = The expected date of graduation can be at most { $max } years ahead.
profile-graduation-in-future = A date of graduation in the future is possible only if you are enrolled now.
profile-phone-malformed = Enter a telephone number: an optional +, then 6 to 15 digits (spaces, dots, hyphens and brackets are allowed).
profile-country-unknown = Enter a country as its two-letter ISO 3166-1 code in capitals, e.g. FR or US.
profile-nationality-repeated = This nationality is already listed.
profile-nationalities-too-many = At most { $max } nationalities can be given.
profile-language-unknown = Enter a language as its two-letter ISO 639-1 code in lowercase, e.g. en or fr.
profile-language-repeated = This language is already listed.
profile-languages-too-many = At most { $max } languages can be given.
profile-level-unknown = Enter a CEFR level: A1, A2, B1, B2, C1, C2 or native.
profile-education-level-missing = Give the level of your degree.
profile-education-level-unknown = The level of the degree must be bachelor, master, doctorate or other.
profile-years-out-of-range = The number of years completed must be between 0 and { $max }.

api-op-get_profile = The signed-in candidate’s profile (empty fields until saved), with an eligibility preview against the NATO rules for a session starting on the given date.
api-op-put_profile = Save the signed-in candidate’s profile (needs X-CSRF-Token). Every field is optional; every problem is reported at once.
api-param-get_profile-start = first day of the internship for the eligibility preview, YYYY-MM-DD (by default, the next 1 March)
api-param-put_profile-start = first day of the internship for the eligibility preview, YYYY-MM-DD (by default, the next 1 March)
api-response-get_profile-200 = the profile and the eligibility preview
api-response-get_profile-401 = not signed in
api-response-get_profile-422 = start is not a date
api-response-put_profile-200 = saved; the profile as stored and the eligibility preview
api-response-put_profile-400 = not the expected JSON
api-response-put_profile-401 = not signed in
api-response-put_profile-403 = CSRF token missing or wrong
api-response-put_profile-422 = some fields are refused; problems lists each field with its message
profile-gender-unknown = Choose one of the answers, or leave it blank.
candidate-gender = Gender (optional)
candidate-gender-hint = Only counted in the programme's statistics; reviewers never see it.
candidate-gender-female = Female
candidate-gender-male = Male
candidate-gender-other = Another gender
candidate-gender-undisclosed = I prefer not to say
