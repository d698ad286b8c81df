//! The back office: staff (coordinators, reviewers, administrators) and what they do.
//! Every route takes a [`Staff`] and checks the permission it needs and, for reviewers,
//! the unit scope; whatever is not allowed answers 404, like a missing page, so that the
//! back office reveals nothing to those outside it.

pub mod allocation;
pub mod api;
pub mod assignment;
pub mod audit_log;
pub mod download;
pub mod eligibility;
mod export;
mod list;
pub mod pages;
pub mod report;
pub mod review;
pub mod review_api;
pub mod sessions;
mod staff;
pub mod staff_api;

pub use list::ScreeningCache;
pub use staff::Staff;
