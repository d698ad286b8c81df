# Cohort — eligibility messages in English. Every key also exists in fr/eligibility.ftl
# (a test in cohort-domain checks both files against the reasons the rules give).
#
# Numbers are passed as numbers; a date `d` comes as $d_day, $d_month (an English month
# name in lowercase, used as a selector key) and $d_year.

eligibility-rule-nationality = Nationality
eligibility-rule-age = Age
eligibility-rule-education = Education
eligibility-rule-language = Language

eligibility-nationality-allowed = Your nationality ({ $nationality }) is eligible.
eligibility-nationality-not-allowed = { $count ->
        [one] Your nationality ({ $nationalities }) is not one of those eligible for this session.
       *[other] None of your nationalities ({ $nationalities }) is eligible for this session.
    }

eligibility-age-ok = You will be { $age } on { $start_day } { $start_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $start_year }; the minimum is { $minimum }.
eligibility-age-too-young = You will be { $age } on { $start_day } { $start_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $start_year }; the minimum is { $minimum }.

eligibility-education-enough-years = You have completed { $completed ->
        [one] one year
       *[other] { $completed } years
    } of higher education; the minimum is { $minimum }.
eligibility-education-not-enough-years = You have completed { $completed ->
        [one] one year
       *[other] { $completed } years
    } of higher education; at least { $minimum } are required.
eligibility-education-enrolled = You are enrolled in higher education.
eligibility-education-ok = Your education meets the requirements.
eligibility-education-not-enrolled = You are neither enrolled in higher education nor a graduate.
eligibility-education-graduated-recently = You graduated on { $graduated_day } { $graduated_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $graduated_year }; graduates from { $limit_day } { $limit_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $limit_year } onwards are eligible.
eligibility-education-graduated = You graduated on { $graduated_day } { $graduated_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $graduated_year }.
eligibility-education-graduated-too-long-ago = You graduated on { $graduated_day } { $graduated_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $graduated_year }; for this session, you must have graduated on or after { $limit_day } { $limit_month ->
       *[january] January
        [february] February
        [march] March
        [april] April
        [may] May
        [june] June
        [july] July
        [august] August
        [september] September
        [october] October
        [november] November
        [december] December
    } { $limit_year }.

eligibility-language-ok = Your level in { $language ->
        [en] English
        [fr] French
       *[other] { $language }
    }: { $level ->
        [native] native
       *[other] { $level }
    } (minimum { $minimum }).
eligibility-language-level-too-low = Your level in { $language ->
        [en] English
        [fr] French
       *[other] { $language }
    }: { $best ->
        [native] native
       *[other] { $best }
    }; at least { $minimum } is required.
eligibility-language-none-accepted = None of the languages you listed is accepted; accepted languages: { $accepted }.

eligibility-missing-birth-date = Missing information: your date of birth.
eligibility-missing-nationalities = Missing information: your nationality.
eligibility-missing-education = Missing information: your education.
eligibility-missing-education-status = Missing information: whether you are enrolled or have graduated, and when.
eligibility-missing-years-completed = Missing information: how many years of higher education you have completed.
eligibility-missing-languages = Missing information: the languages you speak and your level in each.
