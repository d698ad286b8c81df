//! The JSON API under `/api/v1`, and its OpenAPI document.

mod error;
pub mod openapi;
pub mod search;
mod types;
pub mod units;

pub use error::ApiError;
