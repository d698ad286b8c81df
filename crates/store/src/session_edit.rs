//! The office edits sessions and placements. Each change is audited and bumps the
//! programme's revision, so every node's snapshot of the public site reloads.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::sessions::{insert_placement, insert_session_row, millis, placement_lists};
use crate::{Store, StoreError, WriteTx};
use cohort_domain::session::{Placement, PlacementId, Session, SessionId};

async fn bump_revision(tx: &mut WriteTx) -> Result<(), StoreError> {
    sqlx::query("UPDATE programme SET revision = revision + 1 WHERE id = 1")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether another session (not `except`) already has `code`.
async fn code_taken(tx: &mut WriteTx, code: &str, except: i64) -> Result<bool, StoreError> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM sessions WHERE code = $1 AND id <> $2")
            .bind(code)
            .bind(except)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

impl Store {
    /// Creates a session with its placements, in order, and the audit entry (its subject
    /// set to `session:ID`); [`Conflict`] when its code is taken, checked in the same
    /// transaction.
    pub async fn create_session(
        &self,
        session: &Session,
        placements: &[Placement],
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<SessionId, Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        if code_taken(&mut tx, &session.code, 0).await? {
            return Ok(Err(Conflict));
        }
        let id = insert_session_row(&mut tx, session).await?;
        for (position, p) in placements.iter().enumerate() {
            insert_placement(&mut tx, id, position as i64, p).await?;
        }
        let subject = format!("session:{id}");
        append_audit(
            &mut tx,
            &NewAuditEntry {
                subject: &subject,
                ..*audit
            },
            now,
        )
        .await?;
        bump_revision(&mut tx).await?;
        tx.commit().await?;
        Ok(Ok(SessionId(id)))
    }

    /// Replaces a session's fields (`session.id` names it); [`Conflict`] when its new code
    /// is another session's. `Ok(Ok(false))` when there is no such session.
    pub async fn update_session(
        &self,
        session: &Session,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<bool, Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        if code_taken(&mut tx, &session.code, session.id.0).await? {
            return Ok(Err(Conflict));
        }
        let changed = sqlx::query(
            "UPDATE sessions SET code = $1, name_en = $2, name_fr = $3, period_start = $4, \
             period_end = $5, opens_at = $6, closes_at = $7, time_zone = $8, max_choices = $9, \
             rules = $10, retention_months = $11 WHERE id = $12",
        )
        .bind(&session.code)
        .bind(&session.name.en)
        .bind(&session.name.fr)
        .bind(session.period_start.to_string())
        .bind(session.period_end.to_string())
        .bind(millis(session.window.opens().timestamp()))
        .bind(millis(session.window.closes().timestamp()))
        .bind(session.window.time_zone())
        .bind(i32::from(session.max_choices))
        .bind(session.rules.to_toml())
        .bind(i32::from(session.retention_months))
        .bind(session.id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Ok(Ok(false));
        }
        append_audit(&mut tx, audit, now).await?;
        bump_revision(&mut tx).await?;
        tx.commit().await?;
        Ok(Ok(true))
    }

    /// Appends placements to a session, all or none; returns their ids.
    pub async fn add_placements(
        &self,
        session: SessionId,
        placements: &[Placement],
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Vec<PlacementId>, StoreError> {
        let mut tx = self.begin().await?;
        let (last,): (Option<i64>,) =
            sqlx::query_as("SELECT MAX(position) FROM placements WHERE session_id = $1")
                .bind(session.0)
                .fetch_one(&mut *tx)
                .await?;
        let first = last.map_or(0, |p| p + 1);
        let mut ids = Vec::with_capacity(placements.len());
        for (i, p) in placements.iter().enumerate() {
            let id = insert_placement(&mut tx, session.0, first + i as i64, p).await?;
            ids.push(PlacementId(id));
        }
        append_audit(&mut tx, audit, now).await?;
        bump_revision(&mut tx).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Replaces a placement's fields (its id and session stay); `false` when missing.
    pub async fn update_placement(
        &self,
        placement: &Placement,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let (languages, fields) = placement_lists(placement)?;
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE placements SET unit_code = $1, title_en = $2, title_fr = $3, \
             description_en = $4, description_fr = $5, capacity = $6, languages = $7, \
             fields = $8 WHERE id = $9",
        )
        .bind(placement.unit.as_str())
        .bind(&placement.title.en)
        .bind(&placement.title.fr)
        .bind(&placement.description.en)
        .bind(&placement.description.fr)
        .bind(i32::try_from(placement.capacity).unwrap_or(i32::MAX))
        .bind(languages)
        .bind(fields)
        .bind(placement.id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Ok(false);
        }
        append_audit(&mut tx, audit, now).await?;
        bump_revision(&mut tx).await?;
        tx.commit().await?;
        Ok(true)
    }
}
