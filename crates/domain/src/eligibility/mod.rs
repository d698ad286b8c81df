//! Who may apply to a session: eligibility rules as data, and their evaluation against
//! the facts of a candidate's profile.
//!
//! A session's rules are a [`RuleSet`], written in TOML (see [`RuleSet::from_toml`]) and
//! evaluated by [`RuleSet::evaluate`] against [`CandidateFacts`] and the start date of the
//! internship. The result lists every rule with pass or fail and a [`Reason`] that carries
//! the data a message needs; [`Reason::message_key`] and [`Reason::message_args`] name the
//! Fluent message (`locales/{en,fr}/eligibility.ftl`) that says it to the candidate.
//!
//! Evaluation is pure: no clock is read, the start date is passed in, and missing facts
//! make a rule fail with [`Reason::Missing`] rather than panic.
//!
//! ```
//! use cohort_domain::eligibility::{CandidateFacts, Reason, RuleSet};
//! use cohort_domain::Nationality;
//! use jiff::civil::date;
//!
//! let rules = RuleSet::from_toml("[age]\nminimum_at_start = 21\n").expect("valid rules");
//! let facts = CandidateFacts {
//!     birth_date: Some(date(2006, 3, 2)),
//!     nationalities: vec![Nationality::parse("BE").expect("a code")],
//!     ..CandidateFacts::default()
//! };
//! let evaluation = rules.evaluate(&facts, date(2027, 3, 1));
//! assert!(!evaluation.is_eligible());
//! let reason = &evaluation.outcomes[0].reason;
//! assert_eq!(reason.message_key(), "eligibility-age-too-young");
//! assert!(matches!(reason, Reason::TooYoung { age_at_start: 20, minimum: 21, .. }));
//! ```

mod evaluate;
mod facts;
mod file;
mod reason;

#[cfg(test)]
mod messages_tests;

pub use evaluate::{age_at, Evaluation, RuleKind, RuleOutcome};
pub use facts::{CandidateFacts, Education, EducationStatus, LanguageSkill};
pub use file::{RuleProblem, RuleSetError};
pub use reason::{Field, Reason};

use crate::values::{CefrLevel, LanguageCode, Nationality};
use std::collections::BTreeSet;

/// The eligibility rules of a session. A rule that is `None` is not checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSet {
    /// Which nationalities may apply.
    pub nationality: Option<NationalityRule>,
    /// How old a candidate must be on the first day of the internship.
    pub age: Option<AgeRule>,
    /// What studies a candidate must have done.
    pub education: Option<EducationRule>,
    /// Which language a candidate must speak, and how well.
    pub language: Option<LanguageRule>,
}

/// A candidate with at least one of these nationalities passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalityRule {
    /// The nationalities that may apply; never empty when parsed from a file.
    pub allowed: BTreeSet<Nationality>,
}

/// A candidate passes if at least this old on the start date (see [`age_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRule {
    /// The minimum age, in whole years, on the first day of the internship.
    pub minimum_at_start: u8,
}

/// A candidate passes as a student or as a recent graduate.
///
/// - As a student: at least `minimum_years_completed` years of higher education
///   completed and, if `require_enrolled`, enrolled now.
/// - As a graduate: graduated on or after the start date minus `graduated_within_months`
///   months (no limit if `None`).
///
/// With `require_enrolled = false`, a graduate of any date who completed enough years
/// passes as a student: the rule then only counts years.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EducationRule {
    /// Years of higher education completed by a student; `None` means no minimum.
    pub minimum_years_completed: Option<u8>,
    /// Whether a student must be enrolled now (graduates qualify through the other path).
    pub require_enrolled: bool,
    /// How recent a graduation qualifies, in months before the start; `None`: any.
    pub graduated_within_months: Option<u16>,
}

/// A candidate passes who speaks one of the languages at the level or above.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageRule {
    /// The lowest level accepted; `None` accepts any level.
    pub minimum_level: Option<CefrLevel>,
    /// The accepted languages; empty accepts any language.
    pub any_of: BTreeSet<LanguageCode>,
}

/// The member states of NATO (32, since Sweden joined in March 2024), as ISO 3166-1
/// alpha-2 codes in the order of their English names.
pub const NATO_MEMBERS: [&str; 32] = [
    "AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV",
    "LT", "LU", "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US",
];

impl RuleSet {
    /// The rules of the NATO Internship Programme (the default session):
    /// a national of a member state, 21 on the first day, two years of higher education
    /// completed and enrolled or graduated at most 12 months before the start, and English
    /// or French at B2 or above.
    ///
    /// The programme asks for "proficiency" in English or French without a level; B2 is
    /// the CEFR's independent user, who can work on complex texts and discuss with
    /// fluency in a professional setting, which is what an internship needs. C1 would
    /// turn away candidates who work well in the language; the second language is an
    /// asset, not a condition, so only one is required.
    pub fn nato_default() -> RuleSet {
        let allowed = NATO_MEMBERS
            .iter()
            .filter_map(|code| Nationality::parse(code).ok())
            .collect();
        let any_of = ["en", "fr"]
            .iter()
            .filter_map(|code| LanguageCode::parse(code).ok())
            .collect();
        RuleSet {
            nationality: Some(NationalityRule { allowed }),
            age: Some(AgeRule {
                minimum_at_start: 21,
            }),
            education: Some(EducationRule {
                minimum_years_completed: Some(2),
                require_enrolled: true,
                graduated_within_months: Some(12),
            }),
            language: Some(LanguageRule {
                minimum_level: Some(CefrLevel::B2),
                any_of,
            }),
        }
    }

    /// Parses rules from TOML; the error names the field at fault (e.g.
    /// `age.minimum_at_start`). Every section is optional; unknown fields are refused.
    pub fn from_toml(text: &str) -> Result<RuleSet, RuleSetError> {
        file::from_toml(text)
    }

    /// Writes the rules as canonical TOML: sections and fields in a fixed order, lists
    /// sorted, `require_enrolled` always written. `from_toml` reads it back unchanged.
    pub fn to_toml(&self) -> String {
        file::to_toml(self)
    }

    /// Evaluates every rule of the set against a candidate's facts, for an internship
    /// that starts on `internship_start`. Outcomes come in the order nationality, age,
    /// education, language, one per rule present.
    pub fn evaluate(
        &self,
        facts: &CandidateFacts,
        internship_start: jiff::civil::Date,
    ) -> Evaluation {
        evaluate::evaluate(self, facts, internship_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nato_default_lists_all_32_members() {
        let rules = RuleSet::nato_default();
        let allowed = rules.nationality.map(|n| n.allowed).unwrap_or_default();
        assert_eq!(allowed.len(), 32);
        assert_eq!(rules.language.map(|l| l.any_of.len()), Some(2));
    }
}
