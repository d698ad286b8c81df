//! Persistence for Cohort: one [`Store`] over SQLite (embedded, the default) or PostgreSQL
//! (several nodes), chosen by the URL scheme. Each backend has its own append-only
//! migrations; the query functions are written once in SQL both accept.
//!
//! ```no_run
//! # async fn demo() -> Result<(), cohort_store::StoreError> {
//! let store = cohort_store::Store::open("sqlite://cohort-data/cohort.db?mode=rwc").await?;
//! store.ping().await?;
//! # Ok(()) }
//! ```

mod accounts;
mod allocation;
mod applications;
mod assignment;
mod audit;
mod catalogue;
mod cv_text;
mod demo;
mod documents;
mod eligibility;
mod error;
mod internships;
mod mail_templates;
mod onboarding;
mod onboarding_extras;
mod open;
mod outbox;
mod privacy;
mod profiles;
mod retention;
mod review;
mod screening;
mod session_edit;
mod sessions;
mod staff;
mod testimonials;
mod throttle;
mod transition;
mod write;

pub use accounts::{insert_account, insert_email_token, Account, NewAccount, SessionRow};
pub use allocation::{NewOffer, NewRun, OfferChange, OfferRow, Publication, RunRow};
pub use applications::{ApplicationEvent, ApplicationRow, Conflict};
pub use audit::{
    append_audit, AuditEntry, AuditFilter, AuditProblem, AuditProblemKind, AuditReport,
    NewAuditEntry, AUDIT_GENESIS_HASH,
};
pub use cv_text::CvToRead;
pub use demo::DemoApplicant;
pub use documents::{DocumentKind, DocumentRow, NewDocument};
pub use eligibility::EligibilityOverride;
pub use error::StoreError;
pub use internships::{EvaluationRow, InternshipChange, InternshipRow, NewEvaluation};
pub use mail_templates::MailTemplateRow;
pub use onboarding::{ItemChange, ItemRow};
pub use onboarding_extras::{InternContact, ItemDocument};
pub use open::{Backend, SqliteSync, Store};
pub use outbox::{enqueue_mail, NewMail, QueuedMail};
pub use privacy::{
    AfterOffer, ApplicationCounts, ChosenPlacement, PersonalApplication, PersonalData,
};
pub use retention::{PurgeCandidate, Purged};
pub use review::{NewReview, ReviewRow, ReviewSettingsRow};
pub use screening::{ScreeningRow, StaffDecision};
pub use staff::{NewStaff, NO_PASSWORD};
pub use testimonials::{NewTestimonial, TestimonialRow};
pub use throttle::{ExpiredPurge, Grant, Limited};
pub use write::WriteTx;
