//! Why a use case refused or failed, apart from any transport: messages are Fluent keys
//! with their arguments, translated by the caller, who also picks the status or exit code.

use cohort_store::StoreError;

/// What can go wrong in a use case.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// There is no such thing, or the actor may not know that there is (what: e.g.
    /// `session`, `application`).
    #[error("no such {0}")]
    NotFound(&'static str),
    /// A field of the input is wrong.
    #[error("{field}: {key}")]
    Invalid {
        /// The field at fault.
        field: &'static str,
        /// The message.
        key: &'static str,
        /// Its arguments.
        args: Vec<(&'static str, String)>,
    },
    /// The input clashes with what is stored (a code taken, a status moved on).
    #[error("conflict: {key}")]
    Conflict {
        /// The message.
        key: &'static str,
        /// Its arguments.
        args: Vec<(&'static str, String)>,
    },
    /// The actor may not do this.
    #[error("not allowed")]
    Forbidden,
    /// The eligibility rules refuse it; the message keys of the rules that failed.
    #[error("ineligible: {0:?}")]
    Ineligible(Vec<String>),
    /// Something it needs is out for a while (the database, a bound reached): try again.
    #[error("unavailable, try again shortly")]
    Unavailable,
    /// A fault of ours, logged where it happens.
    #[error("internal error: {0}")]
    Internal(#[source] anyhow::Error),
}

impl Error {
    /// A fault of ours, logged here with what it came from.
    pub fn internal(error: impl Into<anyhow::Error>) -> Error {
        let error = error.into();
        tracing::error!(error = %format!("{error:#}"), "internal error");
        Error::Internal(error)
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Error {
        Error::internal(error)
    }
}
