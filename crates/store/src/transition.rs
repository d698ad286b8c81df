//! The one way an application's status changes in the store: a conditional update
//! (`WHERE status = from`, so of two concurrent changes one wins and the other is told)
//! and its timeline event, with one column set, in the caller's transaction. The status
//! it moves to is the domain's answer (`application::decide` and the offer rules); the
//! caller adds the notification and the audit entry to the same transaction.

use crate::StoreError;
use cohort_domain::application::ApplicationStatus;

/// A change of status, as the timeline records it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Transition<'a> {
    /// The application.
    pub application_id: i64,
    /// The status it must still have.
    pub from: ApplicationStatus,
    /// The status it gets.
    pub to: ApplicationStatus,
    /// The timeline's kind of event, e.g. `submitted`, `shortlisted`, `offer_accepted`.
    pub kind: &'a str,
    /// Who made the change (`None`: the candidate, or the system).
    pub actor_id: Option<i64>,
    /// Why, when staff gave a reason.
    pub reason: Option<&'a str>,
}

/// An event of the timeline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Event<'a> {
    /// The application.
    pub application_id: i64,
    /// What happened.
    pub kind: &'a str,
    /// The application's status after it.
    pub status: ApplicationStatus,
    /// Who did it.
    pub actor_id: Option<i64>,
    /// Why.
    pub reason: Option<&'a str>,
}

/// Applies the change if the application still has `from`; `false` (nothing written)
/// when it has moved on. A move to `submitted` also sets `submitted_at`.
pub(crate) async fn transition(
    conn: &mut sqlx::AnyConnection,
    change: &Transition<'_>,
    now: i64,
) -> Result<bool, StoreError> {
    let submitted_at = (change.to == ApplicationStatus::Submitted).then_some(now);
    let changed = sqlx::query(
        "UPDATE applications SET status = $1, updated_at = $2, \
         submitted_at = COALESCE($3, submitted_at) WHERE id = $4 AND status = $5",
    )
    .bind(change.to.as_str())
    .bind(now)
    .bind(submitted_at)
    .bind(change.application_id)
    .bind(change.from.as_str())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if changed != 1 {
        return Ok(false);
    }
    record_event(
        conn,
        &Event {
            application_id: change.application_id,
            kind: change.kind,
            status: change.to,
            actor_id: change.actor_id,
            reason: change.reason,
        },
        now,
    )
    .await?;
    Ok(true)
}

/// Adds an event to the application's timeline (a status change through
/// [`transition`], or something that leaves the status as it is).
pub(crate) async fn record_event(
    conn: &mut sqlx::AnyConnection,
    event: &Event<'_>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO application_events (application_id, at, kind, status, actor_id, reason) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(event.application_id)
    .bind(now)
    .bind(event.kind)
    .bind(event.status.as_str())
    .bind(event.actor_id)
    .bind(event.reason)
    .execute(conn)
    .await?;
    Ok(())
}
