//! The JSON API under `/api/v1`, and its OpenAPI document.

pub mod auth;
mod error;
pub mod openapi;
pub mod profile;
pub mod search;
mod types;
pub mod units;

pub use error::{ApiError, LocalizedError};
