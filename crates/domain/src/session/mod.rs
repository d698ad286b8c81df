//! Sessions (one intake: a period and an application window) and their placements.

mod demo;
mod fields;
mod placement_fields;
mod placements_file;
mod retention;
mod session_file;
mod window;

pub use demo::demo_session;
pub use fields::{SessionFieldError, SessionFields, SessionProblem};
pub use placement_fields::{
    placements_from_rows, PlacementFieldError, PlacementFields, PlacementProblem, RowProblem,
    COLUMNS, MAX_SEATS,
};
pub use placements_file::{placements_from_toml, PlacementsError};
pub use retention::{
    alumni_kept_until, alumni_purge_due, alumni_purgeable, purgeable, ALUMNI_RETENTION_MONTHS,
    DEFAULT_RETENTION_MONTHS, MAX_RETENTION_MONTHS,
};
pub use session_file::{session_from_toml, SessionFile};
pub use window::{ApplicationWindow, WindowError, WindowState};

use crate::eligibility::{LanguageSkill, RuleSet};
use crate::lang::Localized;
use crate::unit::UnitCode;
use jiff::civil::Date;

/// A session's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SessionId(pub i64);

/// A placement's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlacementId(pub i64);

/// One intake of interns.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Database id.
    pub id: SessionId,
    /// Stable code, e.g. `2027-09`.
    pub code: String,
    /// Display name.
    pub name: Localized<String>,
    /// First day of the internships.
    pub period_start: Date,
    /// Last day of the internships.
    pub period_end: Date,
    /// When candidates may apply, in the programme's time zone.
    pub window: ApplicationWindow,
    /// How many placements a candidate may rank.
    pub max_choices: u8,
    /// Who may apply.
    pub rules: RuleSet,
    /// Months that unsuccessful applications are kept after the internships end (see
    /// [`Session::purge_due`]).
    pub retention_months: u16,
}

/// A position offered in a session by a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    /// Database id.
    pub id: PlacementId,
    /// The session.
    pub session: SessionId,
    /// The host unit.
    pub unit: UnitCode,
    /// Title.
    pub title: Localized<String>,
    /// What the intern will do.
    pub description: Localized<String>,
    /// Seats.
    pub capacity: u32,
    /// Languages required, at a minimum level.
    pub languages: Vec<LanguageSkill>,
    /// Fields of study sought (free text, e.g. "law", "computer science").
    pub fields: Vec<String>,
}
