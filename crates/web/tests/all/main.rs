//! The web's integration tests: the real server on 127.0.0.1:0 (TestApp), HTTP and headless Chromium.
//! One test binary for the crate (linking one is much faster than linking one per file);
//! one module per area, the shared helpers first. `floods.rs` is a binary of its own: it
//! measures the peak memory of its process.

mod common;
#[path = "common/browser.rs"]
mod web_browser;

mod accounts;
mod allocation;
mod allocation_browser;
mod applications;
mod browser;
mod calendar;
mod checklist;
mod documents;
mod documents_s3;
mod evaluation_rubric;
mod headers_sessions;
mod http;
mod internship;
mod internship_browser;
mod journey;
mod limits;
mod mail_templates;
mod office;
mod office_browser;
mod office_eligibility;
mod office_outputs;
mod office_staff;
mod onboarding;
mod onboarding_documents;
mod privacy;
mod profile;
mod reminders;
mod retention;
mod review;
mod sessions;
mod sessions_browser;
mod testimonials;
mod testimonials_browser;
