//! Reviewers assigned to applications, and what assigning needs to know: the session's
//! assignments and conflicts, and what a reviewer has been given and has done.

use crate::audit::{append_audit, NewAuditEntry};
use crate::{Store, StoreError};
use cohort_domain::session::SessionId;

impl Store {
    /// A session's assignments: `(application, reviewer)`.
    pub async fn assignments(&self, session: SessionId) -> Result<Vec<(i64, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT r.application_id, r.reviewer_id FROM review_assignments r \
             JOIN applications a ON a.id = r.application_id WHERE a.session_id = $1 \
             ORDER BY r.application_id, r.reviewer_id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?)
    }

    /// A session's conflicts of interest: `(application, reviewer)`.
    pub async fn session_conflicts(
        &self,
        session: SessionId,
    ) -> Result<Vec<(i64, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT c.application_id, c.reviewer_id FROM review_conflicts c \
             JOIN applications a ON a.id = c.application_id WHERE a.session_id = $1",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records assignments (already recorded pairs are kept as they are), with one audit
    /// entry.
    pub async fn add_assignments(
        &self,
        pairs: &[(i64, i64)],
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        // 3 parameters a row: well under SQLite's comfortable limit per statement
        for chunk in pairs.chunks(300) {
            let values = (0..chunk.len())
                .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO review_assignments (application_id, reviewer_id, assigned_at) \
                 VALUES {values} ON CONFLICT (application_id, reviewer_id) DO NOTHING"
            );
            let mut insert = sqlx::query(&sql);
            for &(application, reviewer) in chunk {
                insert = insert.bind(application).bind(reviewer).bind(now);
            }
            insert.execute(&mut *tx).await?;
        }
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The applications assigned to a reviewer, with whether they reviewed each, in order.
    pub async fn assigned_to(&self, reviewer: i64) -> Result<Vec<(i64, bool)>, StoreError> {
        let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT r.application_id, v.reviewed_at FROM review_assignments r \
             LEFT JOIN reviews v ON v.application_id = r.application_id AND v.reviewer_id = r.reviewer_id \
             WHERE r.reviewer_id = $1 ORDER BY r.application_id",
        )
        .bind(reviewer)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(a, at)| (a, at.is_some())).collect())
    }
}
