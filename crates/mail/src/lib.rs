//! E-mail for Cohort, derived from the database: the outbox worker reads the committed rows
//! of the store's `outbox` table, sends each through a [`Sender`] (SMTP, or `.eml` files in
//! a directory for development and tests), and records the outcome. A failed send is
//! retried with a backoff (1 min × 2^attempts, at most 1 h); a message leaves the outbox
//! only once sent, so none is lost, and at worst one goes out twice.
//!
//! ```no_run
//! # async fn demo(store: cohort_store::Store) -> Result<(), cohort_mail::MailError> {
//! use cohort_mail::{drain_once, unix_millis, Sender, Transport};
//! let from = "Cohort <cohort@example.org>".parse().expect("a valid address");
//! let sender = Sender::new(from, Transport::MailDir("cohort-data/mail".into()))?;
//! let sent = drain_once(&store, &sender, unix_millis()).await?;
//! # Ok(()) }
//! ```

mod sender;
mod worker;

pub use lettre::message::Mailbox;
pub use sender::{MailError, Sender, Transport};
pub use worker::{drain_once, retry_delay_millis, run_outbox_worker, unix_millis};
