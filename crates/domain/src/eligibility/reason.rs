//! Why a rule passes or fails, with what a message needs to say it.

use crate::values::{CefrLevel, LanguageCode, Nationality};
use jiff::civil::Date;

/// A fact of the profile that a rule needed and did not find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The date of birth.
    BirthDate,
    /// At least one nationality.
    Nationalities,
    /// Any education at all.
    Education,
    /// Whether the candidate is enrolled or has graduated (and when).
    EducationStatus,
    /// The number of years of higher education completed.
    YearsCompleted,
    /// At least one language with a level.
    Languages,
}

/// Why a rule passed or failed for a candidate. Each variant either passes or fails
/// (see [`Reason::passes`]) and carries the values its message shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Passes: this nationality of the candidate is allowed.
    NationalityAllowed {
        /// The first of the candidate's nationalities that is allowed.
        nationality: Nationality,
    },
    /// Fails: none of the candidate's nationalities is allowed.
    NationalityNotAllowed {
        /// Every nationality of the candidate.
        nationalities: Vec<Nationality>,
    },
    /// Passes: old enough on the start date.
    AgeOk {
        /// Age in whole years on the start date.
        age_at_start: u16,
        /// The minimum age.
        minimum: u8,
        /// The start date.
        start: Date,
    },
    /// Fails: too young on the start date.
    TooYoung {
        /// Age in whole years on the start date (0 if born after it).
        age_at_start: u16,
        /// The minimum age.
        minimum: u8,
        /// The start date.
        start: Date,
    },
    /// Passes: enough years of higher education completed.
    EnoughYears {
        /// Years completed.
        completed: u8,
        /// Years required.
        minimum: u8,
    },
    /// Fails: not enough years of higher education completed.
    NotEnoughYears {
        /// Years completed.
        completed: u8,
        /// Years required.
        minimum: u8,
    },
    /// Passes: enrolled, and no minimum number of years.
    Enrolled,
    /// Passes: the rule asks nothing more than the education given.
    EducationOk,
    /// Fails: enrolment is required and the candidate is neither enrolled nor a graduate.
    NotEnrolled,
    /// Passes: graduated on or after the limit.
    GraduatedRecently {
        /// The date of graduation.
        graduated: Date,
        /// The earliest graduation date accepted.
        limit_date: Date,
    },
    /// Passes: graduated, and the rule sets no limit on when.
    Graduated {
        /// The date of graduation.
        graduated: Date,
    },
    /// Fails: graduated before the limit.
    GraduatedTooLongAgo {
        /// The date of graduation.
        graduated: Date,
        /// The earliest graduation date accepted.
        limit_date: Date,
    },
    /// Passes: speaks an accepted language well enough.
    LanguageOk {
        /// The accepted language spoken best.
        language: LanguageCode,
        /// The level in it.
        level: CefrLevel,
        /// The minimum level.
        minimum: CefrLevel,
    },
    /// Fails: speaks an accepted language, but not well enough.
    LanguageLevelTooLow {
        /// The accepted language spoken best.
        language: LanguageCode,
        /// The level in it.
        best: CefrLevel,
        /// The minimum level.
        minimum: CefrLevel,
    },
    /// Fails: speaks none of the accepted languages.
    NoAcceptedLanguage {
        /// The accepted languages.
        accepted: Vec<LanguageCode>,
    },
    /// Fails: a fact the rule needs is not in the profile.
    Missing(Field),
}

/// English month names, used as Fluent selector keys (identifiers match as strings, so
/// the messages pick the right month whether or not numbers are passed as numbers).
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

type Args = Vec<(&'static str, String)>;

impl Reason {
    /// Whether the rule passes with this reason.
    pub fn passes(&self) -> bool {
        matches!(
            self,
            Reason::NationalityAllowed { .. }
                | Reason::AgeOk { .. }
                | Reason::EnoughYears { .. }
                | Reason::Enrolled
                | Reason::EducationOk
                | Reason::GraduatedRecently { .. }
                | Reason::Graduated { .. }
                | Reason::LanguageOk { .. }
        )
    }

    /// The key of the Fluent message (in `locales/{en,fr}/eligibility.ftl`) that says
    /// this reason to the candidate.
    pub fn message_key(&self) -> &'static str {
        match self {
            Reason::NationalityAllowed { .. } => "eligibility-nationality-allowed",
            Reason::NationalityNotAllowed { .. } => "eligibility-nationality-not-allowed",
            Reason::AgeOk { .. } => "eligibility-age-ok",
            Reason::TooYoung { .. } => "eligibility-age-too-young",
            Reason::EnoughYears { .. } => "eligibility-education-enough-years",
            Reason::NotEnoughYears { .. } => "eligibility-education-not-enough-years",
            Reason::Enrolled => "eligibility-education-enrolled",
            Reason::EducationOk => "eligibility-education-ok",
            Reason::NotEnrolled => "eligibility-education-not-enrolled",
            Reason::GraduatedRecently { .. } => "eligibility-education-graduated-recently",
            Reason::Graduated { .. } => "eligibility-education-graduated",
            Reason::GraduatedTooLongAgo { .. } => "eligibility-education-graduated-too-long-ago",
            Reason::LanguageOk { .. } => "eligibility-language-ok",
            Reason::LanguageLevelTooLow { .. } => "eligibility-language-level-too-low",
            Reason::NoAcceptedLanguage { .. } => "eligibility-language-none-accepted",
            Reason::Missing(field) => match field {
                Field::BirthDate => "eligibility-missing-birth-date",
                Field::Nationalities => "eligibility-missing-nationalities",
                Field::Education => "eligibility-missing-education",
                Field::EducationStatus => "eligibility-missing-education-status",
                Field::YearsCompleted => "eligibility-missing-years-completed",
                Field::Languages => "eligibility-missing-languages",
            },
        }
    }

    /// The variables of the message, as text.
    ///
    /// Numbers (ages, years, counts, days) are decimal text: pass them to Fluent with
    /// `FluentValue::try_number` so that plurals and the French "1er" are chosen. A date
    /// `d` is given as `d_day` (number), `d_month` (an English month name in lowercase,
    /// which the messages translate) and `d_year` (number). Codes (nationalities,
    /// languages, levels) are given as they are, e.g. `FR`, `en`, `B2`, `native`.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        let mut args = Args::new();
        match self {
            Reason::NationalityAllowed { nationality } => {
                args.push(("nationality", nationality.to_string()));
            }
            Reason::NationalityNotAllowed { nationalities } => {
                args.push(("nationalities", join(nationalities)));
                args.push(("count", nationalities.len().to_string()));
            }
            Reason::AgeOk {
                age_at_start,
                minimum,
                start,
            }
            | Reason::TooYoung {
                age_at_start,
                minimum,
                start,
            } => {
                args.push(("age", age_at_start.to_string()));
                args.push(("minimum", minimum.to_string()));
                push_date(
                    &mut args,
                    ["start_day", "start_month", "start_year"],
                    *start,
                );
            }
            Reason::EnoughYears { completed, minimum }
            | Reason::NotEnoughYears { completed, minimum } => {
                args.push(("completed", completed.to_string()));
                args.push(("minimum", minimum.to_string()));
            }
            Reason::GraduatedRecently {
                graduated,
                limit_date,
            }
            | Reason::GraduatedTooLongAgo {
                graduated,
                limit_date,
            } => {
                let graduated_names = ["graduated_day", "graduated_month", "graduated_year"];
                push_date(&mut args, graduated_names, *graduated);
                push_date(
                    &mut args,
                    ["limit_day", "limit_month", "limit_year"],
                    *limit_date,
                );
            }
            Reason::Graduated { graduated } => {
                let graduated_names = ["graduated_day", "graduated_month", "graduated_year"];
                push_date(&mut args, graduated_names, *graduated);
            }
            Reason::LanguageOk {
                language,
                level,
                minimum,
            } => {
                args.push(("language", language.to_string()));
                args.push(("level", level.to_string()));
                args.push(("minimum", minimum.to_string()));
            }
            Reason::LanguageLevelTooLow {
                language,
                best,
                minimum,
            } => {
                args.push(("language", language.to_string()));
                args.push(("best", best.to_string()));
                args.push(("minimum", minimum.to_string()));
            }
            Reason::NoAcceptedLanguage { accepted } => {
                args.push(("accepted", join(accepted)));
            }
            Reason::Enrolled | Reason::EducationOk | Reason::NotEnrolled | Reason::Missing(_) => {}
        }
        args
    }
}

fn join<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn push_date(args: &mut Args, [day, month, year]: [&'static str; 3], date: Date) {
    let month_name = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("january");
    args.push((day, date.day().to_string()));
    args.push((month, month_name.to_owned()));
    args.push((year, date.year().to_string()));
}
