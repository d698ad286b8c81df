//! The JSON API under `/api/v1`, and its OpenAPI document.

pub mod applications;
pub mod auth;
mod eligibility;
mod error;
pub mod openapi;
pub mod profile;
pub mod search;
pub mod sessions;
mod types;
pub mod units;

pub use error::{retry_after_header, wait, ApiError, ErrorBody, LocalizedError, BUSY_RETRY_SECS};
