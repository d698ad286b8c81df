//! Accounts: who may sign in, and with what.

mod email;
pub mod limits;
mod password;
mod role;

pub use email::{Email, EmailError};
pub use password::{NewPassword, PasswordProblem, MIN_PASSWORD_CHARS};
pub use role::{Permission, Role};
