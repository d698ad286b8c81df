//! What can be wrong with a catalogue, said so that a person can fix the file.

use std::fmt;

/// A mistake in a catalogue: where (which unit or testimonial, which field) and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// The text is not valid TOML or does not have the catalogue's shape.
    #[error("not a valid catalogue file: {0}")]
    Syntax(String),
    /// A value is wrong.
    #[error("{location}, field `{field}`: {problem}")]
    Invalid {
        /// e.g. `unit "DI-NHQ"` or `testimonial #3`.
        location: String,
        /// e.g. `name.fr` or `parent`.
        field: String,
        /// What is wrong.
        problem: Problem,
    },
}

/// The kind of mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Required and absent (or blank).
    Missing,
    /// Not a valid unit code.
    BadCode(String),
    /// Not a known kind.
    BadKind(String),
    /// The code is used by an earlier unit.
    DuplicateCode,
    /// The parent is not a unit of the catalogue.
    UnknownParent(String),
    /// Following parents comes back to this unit.
    Cycle,
    /// A testimonial names a unit that does not exist.
    UnknownUnit(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing => f.write_str("missing or blank"),
            Problem::BadCode(code) => write!(
                f,
                "{code:?} is not a unit code (uppercase letters, digits and hyphens, starting with a letter, at most 24 characters)"
            ),
            Problem::BadKind(kind) => write!(
                f,
                "{kind:?} is not a kind of unit (division, office, project_office, directorate, section, branch, service, centre, agency, board, unit)"
            ),
            Problem::DuplicateCode => f.write_str("this code is already used by another unit"),
            Problem::UnknownParent(code) => write!(f, "parent {code:?} is not a unit of this catalogue"),
            Problem::Cycle => f.write_str("the chain of parents comes back to this unit (a cycle)"),
            Problem::UnknownUnit(code) => write!(f, "{code:?} is not a unit of this catalogue"),
        }
    }
}

impl CatalogueError {
    pub(super) fn invalid(location: String, field: &str, problem: Problem) -> CatalogueError {
        CatalogueError::Invalid {
            location,
            field: field.to_owned(),
            problem,
        }
    }
}
