//! Why an instance was rejected.

use thiserror::Error;

/// An instance that cannot be allocated: malformed JSON or an invalid entry.
///
/// Its `Display` names where the problem is — a line and column for malformed
/// JSON, otherwise the JSON path of the first wrong entry followed by the
/// offending id, e.g. `placements[3].ranking[1]: unknown candidate id "c-9"`.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum InstanceError {
    /// The text is not JSON, or not JSON of the instance's shape.
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// Well-formed JSON with an invalid entry.
    #[error("{path}: {problem}")]
    Invalid {
        /// JSON path of the wrong entry, e.g. `candidates[2].preferences[0]`.
        path: String,
        /// What is wrong with it.
        problem: Problem,
    },
}

/// What is wrong with an entry of an otherwise well-formed instance.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Problem {
    /// An id (of a candidate or placement) is the empty string.
    #[error("empty id")]
    EmptyId,
    /// Two candidates share an id.
    #[error("duplicate candidate id \"{0}\"")]
    DuplicateCandidate(String),
    /// Two placements share an id.
    #[error("duplicate placement id \"{0}\"")]
    DuplicatePlacement(String),
    /// A ranking names a candidate that does not exist.
    #[error("unknown candidate id \"{0}\"")]
    UnknownCandidate(String),
    /// A preference list names a placement that does not exist.
    #[error("unknown placement id \"{0}\"")]
    UnknownPlacement(String),
    /// A candidate lists the same placement twice.
    #[error("candidate \"{candidate}\" lists placement \"{placement}\" twice")]
    RepeatedPreference {
        /// The candidate's id.
        candidate: String,
        /// The repeated placement id.
        placement: String,
    },
    /// A placement ranks the same candidate twice (possibly inside tie groups).
    #[error("placement \"{placement}\" ranks candidate \"{candidate}\" twice")]
    RepeatedInRanking {
        /// The placement's id.
        placement: String,
        /// The repeated candidate id.
        candidate: String,
    },
    /// A ranking contains `[]`.
    #[error("empty tie group in the ranking of placement \"{0}\"")]
    EmptyTieGroup(String),
    /// A capacity that is negative, fractional or too large.
    #[error("capacity of placement \"{placement}\" must be an integer >= 0, got {value}")]
    BadCapacity {
        /// The placement's id.
        placement: String,
        /// The value as written.
        value: String,
    },
    /// A nationality cap that is negative, fractional or too large.
    #[error("cap of nationality \"{nationality}\" must be an integer >= 0, got {value}")]
    BadCap {
        /// The nationality.
        nationality: String,
        /// The value as written.
        value: String,
    },
    /// The same nationality is capped twice.
    #[error("nationality \"{0}\" is capped twice")]
    DuplicateCap(String),
    /// A nationality (of a candidate or a cap) is the empty string.
    #[error("empty nationality")]
    EmptyNationality,
    /// More entries than the engine's 32-bit indices can address.
    #[error("too many {0} (the engine supports fewer than 2^32)")]
    TooLarge(&'static str),
}

impl InstanceError {
    pub(crate) fn invalid(path: impl Into<String>, problem: Problem) -> Self {
        InstanceError::Invalid {
            path: path.into(),
            problem,
        }
    }

    pub(crate) fn from_json_error(error: &serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        let full = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
        InstanceError::Json {
            line,
            column,
            message,
        }
    }
}
