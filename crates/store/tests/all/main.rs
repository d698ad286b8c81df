//! The store's integration tests, each on SQLite and on PostgreSQL.
//! One test binary for the crate (linking one is much faster than linking one per file);
//! one module per area, the shared helpers first.

#[macro_use]
mod backends;
mod people;

mod allocation;
mod audit;
mod documents;
mod internships;
mod limits;
mod mail_templates;
mod outbox;
mod privacy;
mod profiles;
mod retention;
mod review;
mod screening;
mod session_edit;
mod store;
