//! What is wrong with a field of a profile, with what a message needs to say it.

/// The most nationalities a profile holds.
pub const MAX_NATIONALITIES: usize = 3;
/// The most languages a profile lists.
pub const MAX_LANGUAGES: usize = 10;
/// The most years of higher education a profile can claim.
pub const MAX_YEARS_COMPLETED: u8 = 10;
/// How far ahead an expected graduation date may be, in years.
pub const MAX_YEARS_AHEAD: i16 = 10;

/// One problem with one field of a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileProblem {
    /// Where, as a JSON path into the raw profile: `birth_date`, `nationalities[1]`,
    /// `languages[0].level`, `education.years_completed`.
    pub field: String,
    /// What.
    pub problem: Problem,
}

/// What is wrong with a field. Each kind has a Fluent message in
/// `locales/{en,fr}/profile.ftl` ([`Problem::message_key`], [`Problem::message_args`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A text holds a control character (a line break, a tab, …).
    ControlCharacters,
    /// A text is longer than `max` characters (after trimming).
    TooLong {
        /// The most characters accepted.
        max: usize,
    },
    /// A date is not an existing date written `YYYY-MM-DD`.
    DateMalformed,
    /// A date that must be past (birth, graduation when not enrolled) is after today.
    DateInFuture,
    /// A date is before 1 January 1900.
    DateTooEarly,
    /// An expected graduation date is more than [`MAX_YEARS_AHEAD`] years ahead.
    DateTooFarAhead {
        /// The most years ahead accepted.
        max_years: i16,
    },
    /// A date of graduation after today while the candidate is not enrolled.
    GraduationInFuture,
    /// Not a telephone number: an optional `+`, then 6 to 15 digits, spaces, dots,
    /// hyphens and brackets.
    PhoneMalformed,
    /// Not one of the gender answers.
    GenderUnknown,
    /// Not an officially assigned ISO 3166-1 alpha-2 code in capitals, e.g. `FR`.
    CountryUnknown,
    /// The same nationality twice.
    NationalityRepeated,
    /// More than [`MAX_NATIONALITIES`] nationalities.
    TooManyNationalities {
        /// The most accepted.
        max: usize,
    },
    /// Not an assigned ISO 639-1 code in lowercase, e.g. `en`.
    LanguageUnknown,
    /// The same language twice.
    LanguageRepeated,
    /// More than [`MAX_LANGUAGES`] languages.
    TooManyLanguages {
        /// The most accepted.
        max: usize,
    },
    /// Not a CEFR level (A1 … C2, or `native`).
    LevelUnknown,
    /// Education is given without its level.
    EducationLevelMissing,
    /// Not a level of education (`bachelor`, `master`, `doctorate` or `other`).
    EducationLevelUnknown,
    /// Years of higher education completed outside `0..=max`.
    YearsOutOfRange {
        /// The most accepted.
        max: u8,
    },
}

impl Problem {
    /// Every kind of problem, one value each (for tests of the message files).
    pub const ALL: [Problem; 19] = [
        Problem::ControlCharacters,
        Problem::TooLong { max: 100 },
        Problem::DateMalformed,
        Problem::DateInFuture,
        Problem::DateTooEarly,
        Problem::DateTooFarAhead {
            max_years: MAX_YEARS_AHEAD,
        },
        Problem::GraduationInFuture,
        Problem::PhoneMalformed,
        Problem::GenderUnknown,
        Problem::CountryUnknown,
        Problem::NationalityRepeated,
        Problem::TooManyNationalities {
            max: MAX_NATIONALITIES,
        },
        Problem::LanguageUnknown,
        Problem::LanguageRepeated,
        Problem::TooManyLanguages { max: MAX_LANGUAGES },
        Problem::LevelUnknown,
        Problem::EducationLevelMissing,
        Problem::EducationLevelUnknown,
        Problem::YearsOutOfRange {
            max: MAX_YEARS_COMPLETED,
        },
    ];

    /// The key of the Fluent message that says this problem.
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::ControlCharacters => "profile-text-control-characters",
            Problem::TooLong { .. } => "profile-text-too-long",
            Problem::DateMalformed => "profile-date-malformed",
            Problem::DateInFuture => "profile-date-in-future",
            Problem::DateTooEarly => "profile-date-too-early",
            Problem::DateTooFarAhead { .. } => "profile-date-too-far-ahead",
            Problem::GraduationInFuture => "profile-graduation-in-future",
            Problem::PhoneMalformed => "profile-phone-malformed",
            Problem::GenderUnknown => "profile-gender-unknown",
            Problem::CountryUnknown => "profile-country-unknown",
            Problem::NationalityRepeated => "profile-nationality-repeated",
            Problem::TooManyNationalities { .. } => "profile-nationalities-too-many",
            Problem::LanguageUnknown => "profile-language-unknown",
            Problem::LanguageRepeated => "profile-language-repeated",
            Problem::TooManyLanguages { .. } => "profile-languages-too-many",
            Problem::LevelUnknown => "profile-level-unknown",
            Problem::EducationLevelMissing => "profile-education-level-missing",
            Problem::EducationLevelUnknown => "profile-education-level-unknown",
            Problem::YearsOutOfRange { .. } => "profile-years-out-of-range",
        }
    }

    /// The variables of the message, as decimal text: pass them to Fluent with
    /// `FluentValue::try_number` so that plurals are chosen. The value the candidate
    /// typed is never among them (it can be long; the field names where it is).
    pub fn message_args(self) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooLong { max }
            | Problem::TooManyNationalities { max }
            | Problem::TooManyLanguages { max } => vec![("max", max.to_string())],
            Problem::DateTooFarAhead { max_years } => vec![("max", max_years.to_string())],
            Problem::YearsOutOfRange { max } => vec![("max", max.to_string())],
            _ => Vec::new(),
        }
    }
}
