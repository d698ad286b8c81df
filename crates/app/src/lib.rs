//! Cohort's use cases, apart from any transport: the web (`cohort-web`) and the command
//! line (`cohort`) call the same functions, so a session imported from a file and one
//! created from the office's form are checked and audited alike.
//!
//! Every use case has the shape `fn(&App, &Actor, Input) -> Result<Output, Error>`; when it
//! writes, it appends its own audit entry in the same transaction. [`Error`] names what
//! went wrong with Fluent keys and arguments; the caller translates it and picks its own
//! status code or exit code. The periodic jobs are use cases too ([`jobs`]), run by a
//! scheduler that `cohort serve` starts.

mod actor;
mod app;
mod error;
pub mod files;
pub mod jobs;
pub mod mail_book;
pub mod sessions;
pub mod staff;
pub mod tokens;

pub use actor::Actor;
pub use app::{system_clock, App, Clock};
pub use error::Error;
