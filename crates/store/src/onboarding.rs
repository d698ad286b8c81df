//! The pre-arrival checklist's items for each intern. An item's change is a conditional
//! write (it must still have the status it was read with); a refused clearance ends the
//! accepted offer in the same transaction, which frees the seat for the next round.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::transition::{transition, Transition};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::onboarding::ItemStatus;
use cohort_domain::session::SessionId;
use sqlx::Row;

/// One item of one intern, as stored (an item never touched has no row: it is to do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    /// The application.
    pub application_id: i64,
    /// The checklist item's key.
    pub key: String,
    /// Where it stands.
    pub status: ItemStatus,
    /// A due date set by the office, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// Last change, unix milliseconds.
    pub updated_at: i64,
}

/// A change of one item.
#[derive(Debug)]
pub struct ItemChange<'a> {
    /// The application.
    pub application_id: i64,
    /// The item's key.
    pub key: &'a str,
    /// The status it must still have.
    pub from: ItemStatus,
    /// The new status.
    pub to: ItemStatus,
    /// A due date to set (`None` keeps the one there is).
    pub due: Option<&'a str>,
    /// Who.
    pub actor_id: i64,
    /// End the accepted offer too (a refused clearance).
    pub end_offer: bool,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

pub(crate) fn item(r: &sqlx::any::AnyRow) -> Result<ItemRow, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(ItemRow {
        application_id: r.try_get("application_id")?,
        key: r.try_get("item_key")?,
        status: ItemStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("item status {status:?}")))?,
        due: r.try_get("due")?,
        updated_at: r.try_get("updated_at")?,
    })
}

impl Store {
    /// A session's checklist (TOML), if the office set one.
    pub async fn checklist(&self, session: SessionId) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT checklist FROM onboarding_checklists WHERE session_id = $1")
                .bind(session.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(c,)| c))
    }

    /// Sets a session's checklist (TOML, checked by the caller), with its audit entry.
    pub async fn set_checklist(
        &self,
        session: SessionId,
        checklist: &str,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO onboarding_checklists (session_id, checklist) VALUES ($1, $2) \
             ON CONFLICT (session_id) DO UPDATE SET checklist = excluded.checklist",
        )
        .bind(session.0)
        .bind(checklist)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every stored item of a session's interns.
    pub async fn onboarding_items(&self, session: SessionId) -> Result<Vec<ItemRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT i.* FROM onboarding_items i JOIN applications a ON a.id = i.application_id \
             WHERE a.session_id = $1 ORDER BY i.application_id, i.item_key",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item).collect()
    }

    /// One intern's stored items.
    pub async fn items_of(&self, application_id: i64) -> Result<Vec<ItemRow>, StoreError> {
        let rows = sqlx::query("SELECT * FROM onboarding_items WHERE application_id = $1")
            .bind(application_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(item).collect()
    }

    /// Applies a change if the item still has `from` (and, to end the offer, the
    /// application is still accepted); [`Conflict`] otherwise, nothing written.
    pub async fn change_item(
        &self,
        change: &ItemChange<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        if !apply_item_change(&mut tx, change, now).await? {
            return Ok(Err(Conflict));
        }
        tx.commit().await?;
        Ok(Ok(()))
    }
}

/// Applies `change` on `tx` (the item must still have `from`; to end the offer, the
/// application must still be accepted), with its audit entry; `false` when it could not.
pub(crate) async fn apply_item_change(
    tx: &mut sqlx::AnyConnection,
    change: &ItemChange<'_>,
    now: i64,
) -> Result<bool, StoreError> {
    let changed = if change.from == ItemStatus::Todo {
        // never touched (no row), or back to do
        sqlx::query(
                "INSERT INTO onboarding_items (application_id, item_key, status, due, updated_at, updated_by) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (application_id, item_key) DO UPDATE SET status = excluded.status, \
                 due = COALESCE(excluded.due, onboarding_items.due), updated_at = excluded.updated_at, \
                 updated_by = excluded.updated_by WHERE onboarding_items.status = 'todo'",
            )
            .bind(change.application_id)
            .bind(change.key)
            .bind(change.to.as_str())
            .bind(change.due)
            .bind(now)
            .bind(change.actor_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
    } else {
        sqlx::query(
            "UPDATE onboarding_items SET status = $3, due = COALESCE($4, due), updated_at = $5, \
                 updated_by = $6 WHERE application_id = $1 AND item_key = $2 AND status = $7",
        )
        .bind(change.application_id)
        .bind(change.key)
        .bind(change.to.as_str())
        .bind(change.due)
        .bind(now)
        .bind(change.actor_id)
        .bind(change.from.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected()
    };
    if changed != 1 {
        return Ok(false);
    }
    if change.end_offer {
        let end = Transition {
            application_id: change.application_id,
            from: ApplicationStatus::Accepted,
            to: ApplicationStatus::Ended,
            kind: "offer_ended",
            actor_id: Some(change.actor_id),
            reason: None,
        };
        if !transition(tx, &end, now).await? {
            return Ok(false);
        }
    }
    append_audit(&mut *tx, &change.audit, now).await?;
    Ok(true)
}
