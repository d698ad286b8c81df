//! Server-rendered HTML pages of the public site.

mod api_reference;
mod home;
mod not_found;
mod search;
mod unit;
mod view;

pub use api_reference::api_reference;
pub use home::home;
pub use not_found::not_found;
pub use search::search;
pub use unit::unit;
