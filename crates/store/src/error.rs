//! Errors of the store; the web and CLI shells decide what a person sees.

/// Something went wrong reading or writing the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no backend we support.
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    /// The database refused or failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrating the schema failed.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// Stored rows no longer make a valid catalogue (edited by hand?).
    #[error("the stored catalogue is not valid: {0}")]
    Corrupt(String),
}
