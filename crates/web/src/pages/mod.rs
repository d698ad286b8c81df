//! Server-rendered HTML pages of the public site.

mod account;
mod api_reference;
pub(crate) mod candidate;
pub(crate) mod forms;
mod home;
mod not_found;
mod search;
mod unit;
pub(crate) mod view;

pub use account::{login, login_form, logout, register, register_form, reset, reset_form, verify};
pub use api_reference::api_reference;
pub use candidate::{my_application, save_draft, save_profile, submit, upload_document, withdraw};
pub use home::home;
pub use not_found::not_found;
pub use search::search;
pub use unit::unit;
