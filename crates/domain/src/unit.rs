//! Host units: divisions, offices and everything nested inside them.

use crate::lang::Localized;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable code of a unit, e.g. `DI` or `ESCD-CYBER`: uppercase ASCII letters,
/// digits and hyphens, starting with a letter, at most 24 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct UnitCode(String);

/// Why a text is not a unit code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a unit code (uppercase letters, digits and hyphens, starting with a letter, at most 24 characters)")]
pub struct UnitCodeError(pub String);

impl UnitCode {
    /// The longest code accepted.
    pub const MAX_LEN: usize = 24;

    /// Parses a unit code; lowercase input is refused, not silently changed.
    pub fn parse(text: &str) -> Result<UnitCode, UnitCodeError> {
        let valid = text.len() <= Self::MAX_LEN
            && text.starts_with(|c: char| c.is_ascii_uppercase())
            && text
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if valid {
            Ok(UnitCode(text.to_owned()))
        } else {
            Err(UnitCodeError(text.to_owned()))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of unit this is; decides its label, never its behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A division of the International Staff.
    Division,
    /// An independent office.
    Office,
    /// A project office.
    ProjectOffice,
    /// A directorate inside a division.
    Directorate,
    /// A section.
    Section,
    /// A branch.
    Branch,
    /// A service (e.g. translation).
    Service,
    /// A centre.
    Centre,
    /// An agency.
    Agency,
    /// A governing board.
    Board,
    /// Any other team or capability.
    Unit,
}

impl UnitKind {
    /// Every kind, in the order used for documentation.
    pub const ALL: [UnitKind; 11] = [
        UnitKind::Division,
        UnitKind::Office,
        UnitKind::ProjectOffice,
        UnitKind::Directorate,
        UnitKind::Section,
        UnitKind::Branch,
        UnitKind::Service,
        UnitKind::Centre,
        UnitKind::Agency,
        UnitKind::Board,
        UnitKind::Unit,
    ];

    /// The snake_case name used in files, the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Division => "division",
            UnitKind::Office => "office",
            UnitKind::ProjectOffice => "project_office",
            UnitKind::Directorate => "directorate",
            UnitKind::Section => "section",
            UnitKind::Branch => "branch",
            UnitKind::Service => "service",
            UnitKind::Centre => "centre",
            UnitKind::Agency => "agency",
            UnitKind::Board => "board",
            UnitKind::Unit => "unit",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(text: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Whether units of this kind are listed on the home page.
    pub fn is_top_level(self) -> bool {
        matches!(self, UnitKind::Division | UnitKind::Office)
    }
}

/// A host unit, valid by construction (see [`crate::Catalogue`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Stable code.
    pub code: UnitCode,
    /// The unit it belongs to; `None` for divisions and offices.
    pub parent: Option<UnitCode>,
    /// Kind of unit.
    pub kind: UnitKind,
    /// Name.
    pub name: Localized<String>,
    /// One or two sentences on what the unit does.
    pub summary: Localized<String>,
    /// Its main responsibilities.
    pub responsibilities: Localized<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_codes_are_checked() {
        assert!(UnitCode::parse("ESCD-CYBER").is_ok());
        assert!(UnitCode::parse("C4ISR").is_ok());
        for bad in ["", "di", "-DI", "1DI", "DI X", "ÉM", &"A".repeat(25)] {
            assert_eq!(UnitCode::parse(bad), Err(UnitCodeError(bad.to_owned())));
        }
    }

    #[test]
    fn kinds_round_trip_their_names() {
        for kind in UnitKind::ALL {
            assert_eq!(UnitKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(UnitKind::parse("department"), None);
    }
}
