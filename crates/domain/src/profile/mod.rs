//! A candidate's profile: names, date of birth, nationalities, contact, education and
//! languages, parsed from what the candidate typed ([`RawProfile`]) into valid values
//! ([`Profile`]), with every problem named by its field.
//!
//! A profile is a draft: every field may be empty. Whether it is complete enough to apply
//! is for the eligibility rules to say ([`Profile::facts`]), not for the parser.
//!
//! The rules a field must follow:
//!
//! - names, city: 1–100 characters after trimming; address, field of study, institution:
//!   1–200; no control characters (so no line breaks). A text that is blank after trimming
//!   is absent. Markup is ordinary text: `<b>` is kept as typed and escaped where shown.
//! - dates: `YYYY-MM-DD`, an existing day, from 1 January 1900. A birth date is not after
//!   today. A graduation date is not after today unless the candidate is enrolled, when it
//!   is the expected date, at most 10 years ahead.
//! - nationalities: 0–3 distinct ISO 3166-1 alpha-2 codes in capitals (the rules require
//!   one or more; a draft may have none). The country of the address uses the same list.
//! - telephone: an optional `+`, then digits, spaces, dots, hyphens and brackets, with 6
//!   to 15 digits (E.164 allows 15).
//! - languages: 0–10, each a distinct ISO 639-1 code with a CEFR level.
//! - education: when given, its level is required; years completed 0–10; `enrolled`
//!   true, false or absent (unknown).
//!
//! Only the date checks depend on `today`, and only so that a profile valid today stays
//! valid later (nothing may be "not before today"): a stored profile never goes bad.
//!
//! ```
//! use cohort_domain::profile::{Profile, RawProfile};
//! use jiff::civil::date;
//!
//! let raw = RawProfile {
//!     given_names: Some(" Ana ".to_owned()),
//!     birth_date: Some("2031-01-01".to_owned()),
//!     nationalities: vec!["FR".to_owned(), "FR".to_owned()],
//!     ..RawProfile::default()
//! };
//! let problems = Profile::parse(&raw, date(2026, 5, 1)).expect_err("two mistakes");
//! let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
//! assert_eq!(fields, ["birth_date", "nationalities[1]"]);
//! ```

mod parse;
mod problem;
#[cfg(test)]
mod tests;

pub use jiff::civil::Date;
pub use problem::{
    Problem, ProfileProblem, MAX_LANGUAGES, MAX_NATIONALITIES, MAX_YEARS_AHEAD, MAX_YEARS_COMPLETED,
};

use crate::eligibility::{CandidateFacts, Education, EducationStatus, LanguageSkill};
use crate::values::Nationality;
use serde::{Deserialize, Serialize};

/// A profile as typed: every field optional, every value text (numbers aside), so that
/// [`Profile::parse`] can name every mistake at once. Also the stored form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawProfile {
    /// Given names.
    pub given_names: Option<String>,
    /// Family name.
    pub family_name: Option<String>,
    /// Date of birth, `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// ISO 3166-1 alpha-2 codes.
    pub nationalities: Vec<String>,
    /// Gender, if the candidate says: `female`, `male`, `other` or `undisclosed`.
    pub gender: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Postal address (street and number).
    pub address: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country of the address, ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Current or latest higher education.
    pub education: Option<RawEducation>,
    /// Languages spoken.
    pub languages: Vec<RawLanguage>,
}

/// Education as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawEducation {
    /// `bachelor`, `master`, `doctorate` or `other`.
    pub level: Option<String>,
    /// Field of study.
    pub field: Option<String>,
    /// Institution.
    pub institution: Option<String>,
    /// Full years of higher education completed.
    pub years_completed: Option<i64>,
    /// Enrolled now (`None`: not said).
    pub enrolled: Option<bool>,
    /// Date of graduation, `YYYY-MM-DD`; the expected date when enrolled.
    pub graduation_date: Option<String>,
}

/// A language as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawLanguage {
    /// ISO 639-1 code, e.g. `en`.
    pub language: String,
    /// CEFR level, e.g. `B2`, or `native`.
    pub level: String,
}

/// A valid profile. It may be incomplete; each value present is valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// Given names, trimmed.
    pub given_names: Option<String>,
    /// Family name, trimmed.
    pub family_name: Option<String>,
    /// Date of birth: not in the future, not before 1900.
    pub birth_date: Option<Date>,
    /// One to three distinct nationalities once complete; empty in a draft.
    pub nationalities: Vec<Nationality>,
    /// Gender, when the candidate answered (optional: only for the programme's statistics).
    pub gender: Option<Gender>,
    /// Telephone number, trimmed, as typed otherwise.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country of the address (an ISO 3166-1 alpha-2 code, like a nationality).
    pub country: Option<Nationality>,
    /// Current or latest higher education.
    pub education: Option<Education>,
    /// When enrolled: the expected date of graduation, if given.
    pub expected_graduation: Option<Date>,
    /// Distinct languages, at most ten, in the candidate's order.
    pub languages: Vec<LanguageSkill>,
}

impl Profile {
    /// Parses a profile, or gives every problem with its field, in the order of the fields.
    /// `today` is the day the candidate saves it (dates of birth and graduation are not
    /// after it).
    pub fn parse(raw: &RawProfile, today: Date) -> Result<Profile, Vec<ProfileProblem>> {
        let (profile, problems) = Profile::parse_partial(raw, today);
        if problems.is_empty() {
            Ok(profile)
        } else {
            Err(problems)
        }
    }

    /// Parses what is valid and leaves out what is not, with the problems: for showing a
    /// stored profile even if the rules have changed since it was saved.
    pub fn parse_partial(raw: &RawProfile, today: Date) -> (Profile, Vec<ProfileProblem>) {
        parse::parse(raw, today)
    }

    /// The facts the eligibility rules look at.
    pub fn facts(&self) -> CandidateFacts {
        CandidateFacts {
            birth_date: self.birth_date,
            nationalities: self.nationalities.clone(),
            education: self.education.clone(),
            languages: self.languages.clone(),
        }
    }

    /// The canonical raw form: what [`Profile::parse`] reads back into this profile.
    pub fn to_raw(&self) -> RawProfile {
        let education = self.education.as_ref().map(|e| {
            let (enrolled, graduation_date) = match e.status {
                None => (None, None),
                Some(EducationStatus::Enrolled) => (Some(true), self.expected_graduation),
                Some(EducationStatus::Graduated { on }) => (Some(false), Some(on)),
                Some(EducationStatus::NotEnrolled) => (Some(false), None),
            };
            RawEducation {
                level: Some(e.level.as_str().to_owned()),
                field: Some(e.field.clone()).filter(|f| !f.is_empty()),
                institution: Some(e.institution.clone()).filter(|i| !i.is_empty()),
                years_completed: e.years_completed.map(i64::from),
                enrolled,
                graduation_date: graduation_date.map(|d| d.to_string()),
            }
        });
        RawProfile {
            given_names: self.given_names.clone(),
            family_name: self.family_name.clone(),
            birth_date: self.birth_date.map(|d| d.to_string()),
            nationalities: self.nationalities.iter().map(|n| n.to_string()).collect(),
            gender: self.gender.map(|g| g.as_str().to_owned()),
            phone: self.phone.clone(),
            address: self.address.clone(),
            city: self.city.clone(),
            country: self.country.map(|c| c.to_string()),
            education,
            languages: self
                .languages
                .iter()
                .map(|s| RawLanguage {
                    language: s.language.to_string(),
                    level: s.level.to_string(),
                })
                .collect(),
        }
    }
}

/// Parses a date written exactly `YYYY-MM-DD` (no other ISO 8601 form) that exists.
pub fn parse_date(text: &str) -> Option<Date> {
    let shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    text.parse().ok()
}

/// The day (UTC) of a time in milliseconds since 1970; out-of-range times give the
/// nearest day there is.
pub fn utc_date(unix_millis: i64) -> Date {
    match jiff::Timestamp::from_millisecond(unix_millis) {
        Ok(t) => jiff::tz::Offset::UTC.to_datetime(t).date(),
        Err(_) if unix_millis < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// The first 1 March after `today`: the usual start of an internship session, and the
/// default start date of an eligibility preview.
pub fn next_first_of_march(today: Date) -> Date {
    let this_year = Date::new(today.year(), 3, 1).unwrap_or(Date::MAX);
    if this_year > today {
        this_year
    } else {
        today
            .year()
            .checked_add(1)
            .and_then(|y| Date::new(y, 3, 1).ok())
            .unwrap_or(Date::MAX)
    }
}

/// A candidate's answer to the optional gender question; reported only as counts, never
/// shown to reviewers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Another gender.
    Other,
    /// Prefers not to say.
    Undisclosed,
}

impl Gender {
    /// Every answer, in the order a form lists them.
    pub const ALL: [Gender; 4] = [
        Gender::Female,
        Gender::Male,
        Gender::Other,
        Gender::Undisclosed,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
            Gender::Undisclosed => "undisclosed",
        }
    }

    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<Gender> {
        Gender::ALL.into_iter().find(|g| g.as_str() == text)
    }
}
