//! Signing up, in and out: password hashing, tokens, the session cookie, CSRF and the
//! sign-in rate limit.

mod argon2_memory;
pub mod password;
pub mod session;

pub use session::SignedIn;
