//! What a candidate's profile says that the rules look at.

use crate::values::{CefrLevel, EducationLevel, LanguageCode, Nationality};
use jiff::civil::Date;

/// The facts of a candidate's profile that eligibility depends on. Any of them may be
/// missing (a draft profile); a rule that needs a missing fact fails and says which.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CandidateFacts {
    /// Date of birth.
    pub birth_date: Option<Date>,
    /// Every nationality the candidate holds; empty if not given.
    pub nationalities: Vec<Nationality>,
    /// The candidate's current or latest higher education.
    pub education: Option<Education>,
    /// The languages the candidate speaks, with a level each; empty if not given.
    pub languages: Vec<LanguageSkill>,
}

/// A candidate's current or latest higher education.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Education {
    /// The level of the degree studied for or obtained.
    pub level: EducationLevel,
    /// The field of study, as the candidate wrote it.
    pub field: String,
    /// The institution, as the candidate wrote it.
    pub institution: String,
    /// Full years of higher education completed so far.
    pub years_completed: Option<u8>,
    /// Whether the candidate is studying now, has graduated, or neither.
    pub status: Option<EducationStatus>,
}

/// Where a candidate stands in their studies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EducationStatus {
    /// Enrolled now.
    Enrolled,
    /// Graduated on this date.
    Graduated {
        /// The date of graduation.
        on: Date,
    },
    /// Neither enrolled nor graduated (studies interrupted).
    NotEnrolled,
}

/// A language a candidate speaks, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageSkill {
    /// The language.
    pub language: LanguageCode,
    /// The candidate's level in it.
    pub level: CefrLevel,
}
