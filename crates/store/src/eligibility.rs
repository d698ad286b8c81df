//! Eligibility overrides: a coordinator holds an application eligible although it failed
//! the rules at submission, with a written justification. The override, a timeline event
//! (which moves the applications revision, so cached lists see it) and the audit entry
//! are written together or not at all.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::transition::{record_event, Event};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;

/// An override to store.
#[derive(Debug)]
pub struct EligibilityOverride<'a> {
    /// The application.
    pub application_id: i64,
    /// The status it must still have.
    pub status: ApplicationStatus,
    /// Why it is held eligible.
    pub justification: &'a str,
    /// The coordinator.
    pub actor_id: i64,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

impl Store {
    /// Stores the override if the application still has its status and has none yet;
    /// [`Conflict`] otherwise, and then nothing changed.
    pub async fn override_eligibility(
        &self,
        change: &EligibilityOverride<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let same =
            sqlx::query("UPDATE applications SET updated_at = $1 WHERE id = $2 AND status = $3")
                .bind(now)
                .bind(change.application_id)
                .bind(change.status.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if same != 1 {
            return Ok(Err(Conflict));
        }
        let added = sqlx::query(
            "INSERT INTO eligibility_overrides (application_id, justification, actor_id, at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (application_id) DO NOTHING",
        )
        .bind(change.application_id)
        .bind(change.justification)
        .bind(change.actor_id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added != 1 {
            return Ok(Err(Conflict));
        }
        let event = Event {
            application_id: change.application_id,
            kind: "eligibility_override",
            status: change.status,
            actor_id: Some(change.actor_id),
            reason: Some(change.justification),
        };
        record_event(&mut tx, &event, now).await?;
        append_audit(&mut tx, &change.audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}
