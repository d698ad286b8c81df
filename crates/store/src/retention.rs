//! The retention purge's reads and its one write: which applications of a session could be
//! purged (the rules are the domain's `purgeable`), and deleting those chosen, each leaving
//! an `anonymous_applications` row (so that a session's counts stay true, and cached lists
//! see the change), with the audit entry of the purge, in one transaction. The files are
//! the caller's to delete after commit: their object keys are handed back.

use crate::audit::{append_audit, NewAuditEntry};
use crate::privacy::utc_day;
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::SessionId;

/// An application the purge looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurgeCandidate {
    /// Application id.
    pub id: i64,
    /// Its status now.
    pub status: ApplicationStatus,
    /// Whether it was shortlisted at some point.
    pub ever_shortlisted: bool,
}

/// What a purge deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purged {
    /// Applications deleted.
    pub applications: usize,
    /// Object keys of their documents, to delete from the object store.
    pub object_keys: Vec<String>,
}

impl Store {
    /// The session's applications that are drafts, rejected or withdrawn, with whether
    /// each was ever shortlisted.
    pub async fn purge_candidates(
        &self,
        session: SessionId,
    ) -> Result<Vec<PurgeCandidate>, StoreError> {
        let rows: Vec<(i64, String, i64)> = sqlx::query_as(
            "SELECT a.id, a.status, (SELECT COUNT(*) FROM application_events e \
             WHERE e.application_id = a.id AND e.kind = 'shortlisted') \
             FROM applications a WHERE a.session_id = $1 \
             AND a.status IN ('draft', 'rejected', 'withdrawn') ORDER BY a.id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, status, shortlisted)| {
                Ok(PurgeCandidate {
                    id,
                    status: ApplicationStatus::parse(&status)
                        .ok_or_else(|| StoreError::Corrupt(format!("status {status:?}")))?,
                    ever_shortlisted: shortlisted > 0,
                })
            })
            .collect()
    }

    /// Deletes `chosen` (each only if it still has the status it was chosen with), leaving
    /// an anonymous row for each, and appends `entry` with the detail `audit_of` writes
    /// from what was deleted, in the same transaction; when nothing was left to delete,
    /// nothing is written.
    pub async fn purge_applications(
        &self,
        chosen: &[PurgeCandidate],
        audit_of: impl FnOnce(&Purged) -> String,
        entry: NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Purged, StoreError> {
        let mut tx = self.begin().await?;
        let mut purged = Purged::default();
        for candidate in chosen {
            let row: Option<(i64, Option<i64>, i64)> = sqlx::query_as(
                "SELECT session_id, submitted_at, \
                 (SELECT COUNT(*) FROM application_choices c WHERE c.application_id = $1) \
                 FROM applications WHERE id = $1 AND status = $2",
            )
            .bind(candidate.id)
            .bind(candidate.status.as_str())
            .fetch_optional(&mut *tx)
            .await?;
            let Some((session_id, submitted_at, choices)) = row else {
                continue;
            };
            let keys: Vec<(String,)> = sqlx::query_as(
                "SELECT object_key FROM documents WHERE application_id = $1 UNION ALL \
                     SELECT object_key FROM onboarding_documents WHERE application_id = $1",
            )
            .bind(candidate.id)
            .fetch_all(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO anonymous_applications (session_id, status, submitted_day, choices, deleted_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(session_id)
            .bind(candidate.status.as_str())
            .bind(submitted_at.and_then(utc_day))
            .bind(i32::try_from(choices).unwrap_or(i32::MAX))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM applications WHERE id = $1")
                .bind(candidate.id)
                .execute(&mut *tx)
                .await?;
            purged.applications += 1;
            purged.object_keys.extend(keys.into_iter().map(|(k,)| k));
        }
        // another node purged them first: nothing to record
        if purged.applications == 0 {
            return Ok(purged);
        }
        let detail = audit_of(&purged);
        append_audit(
            &mut tx,
            &NewAuditEntry {
                detail: &detail,
                ..entry
            },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(purged)
    }
}
