//! Persistence for Cohort: one [`Store`] over SQLite (embedded, the default) or PostgreSQL
//! (several nodes), chosen by the URL scheme. Each backend has its own append-only
//! migrations; the query functions are written once in SQL both accept.
//!
//! ```no_run
//! # async fn demo() -> Result<(), cohort_store::StoreError> {
//! let store = cohort_store::Store::open("sqlite://cohort-data/cohort.db?mode=rwc").await?;
//! store.ping().await?;
//! # Ok(()) }
//! ```

mod catalogue;
mod error;
mod open;

pub use error::StoreError;
pub use open::{Backend, Store};
