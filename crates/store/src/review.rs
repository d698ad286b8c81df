//! Reviews, conflicts of interest and rankings. Rankings change only while the session's
//! ranking is open: the check and the write are one transaction, so a ranking saved at the
//! moment the coordinator closes either lands before the close or is refused.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::{Store, StoreError};
use cohort_domain::session::{PlacementId, SessionId};
use sqlx::Row;

/// A session's review settings, as stored (`None` until the coordinator sets them).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSettingsRow {
    /// The rubric, JSON.
    pub rubric: String,
    /// Reviewers see no identity.
    pub blind: bool,
    /// Two scores further apart than this are flagged.
    pub disagreement: f64,
}

/// One review.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    /// The application.
    pub application_id: i64,
    /// Who reviewed.
    pub reviewer_id: i64,
    /// Scores by criterion, JSON.
    pub scores: String,
    /// Weighted mean.
    pub score: f64,
    /// The reviewer's comment.
    pub comment: String,
    /// When, unix milliseconds.
    pub reviewed_at: i64,
}

/// A review to store.
#[derive(Debug)]
pub struct NewReview<'a> {
    /// The application.
    pub application_id: i64,
    /// Who reviews.
    pub reviewer_id: i64,
    /// Scores by criterion, JSON.
    pub scores: &'a str,
    /// Weighted mean.
    pub score: f64,
    /// Comment.
    pub comment: &'a str,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

fn review(r: &sqlx::any::AnyRow) -> Result<ReviewRow, StoreError> {
    Ok(ReviewRow {
        application_id: r.try_get("application_id")?,
        reviewer_id: r.try_get("reviewer_id")?,
        scores: r.try_get("scores")?,
        score: r.try_get("score")?,
        comment: r.try_get("comment")?,
        reviewed_at: r.try_get("reviewed_at")?,
    })
}

impl Store {
    /// The session's review settings, if set.
    pub async fn review_settings(
        &self,
        session: SessionId,
    ) -> Result<Option<ReviewSettingsRow>, StoreError> {
        let row = sqlx::query(
            "SELECT rubric, blind, disagreement FROM review_settings WHERE session_id = $1",
        )
        .bind(session.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(ReviewSettingsRow {
                rubric: r.try_get("rubric")?,
                blind: r.try_get::<i32, _>("blind")? != 0,
                disagreement: r.try_get("disagreement")?,
            })
        })
        .transpose()
    }

    /// Sets the session's review settings.
    pub async fn set_review_settings(
        &self,
        session: SessionId,
        settings: &ReviewSettingsRow,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO review_settings (session_id, rubric, blind, disagreement) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (session_id) DO UPDATE SET rubric = excluded.rubric, blind = excluded.blind, \
             disagreement = excluded.disagreement",
        )
        .bind(session.0)
        .bind(&settings.rubric)
        .bind(i32::from(settings.blind))
        .bind(settings.disagreement)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Stores (or revises) a review with its audit entry.
    pub async fn save_review(&self, new: &NewReview<'_>, now: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO reviews (application_id, reviewer_id, scores, score, comment, reviewed_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, reviewer_id) DO UPDATE SET \
             scores = excluded.scores, score = excluded.score, comment = excluded.comment, \
             reviewed_at = excluded.reviewed_at",
        )
        .bind(new.application_id)
        .bind(new.reviewer_id)
        .bind(new.scores)
        .bind(new.score)
        .bind(new.comment)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, &new.audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The reviews of an application, oldest first.
    pub async fn reviews_of(&self, application_id: i64) -> Result<Vec<ReviewRow>, StoreError> {
        sqlx::query(
            "SELECT * FROM reviews WHERE application_id = $1 ORDER BY reviewed_at, reviewer_id",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(review)
        .collect()
    }

    /// Every review of a session's applications.
    pub async fn reviews_in_session(
        &self,
        session: SessionId,
    ) -> Result<Vec<ReviewRow>, StoreError> {
        sqlx::query(
            "SELECT r.* FROM reviews r JOIN applications a ON a.id = r.application_id \
             WHERE a.session_id = $1 ORDER BY r.application_id, r.reviewed_at",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(review)
        .collect()
    }

    /// How many reviews each reviewer has given in the session.
    pub async fn review_counts(&self, session: SessionId) -> Result<Vec<(i64, i64)>, StoreError> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT r.reviewer_id, COUNT(*) FROM reviews r JOIN applications a ON a.id = r.application_id \
             WHERE a.session_id = $1 GROUP BY r.reviewer_id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }

    /// Records that a reviewer steps aside from an application (a conflict of interest).
    pub async fn declare_conflict(
        &self,
        application_id: i64,
        reviewer_id: i64,
        reason: &str,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO review_conflicts (application_id, reviewer_id, reason, declared_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (application_id, reviewer_id) DO NOTHING",
        )
        .bind(application_id)
        .bind(reviewer_id)
        .bind(reason)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM reviews WHERE application_id = $1 AND reviewer_id = $2")
            .bind(application_id)
            .bind(reviewer_id)
            .execute(&mut *tx)
            .await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The applications a reviewer stepped aside from.
    pub async fn conflicts_of(&self, reviewer_id: i64) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT application_id FROM review_conflicts WHERE reviewer_id = $1")
                .bind(reviewer_id)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(a,)| a).collect())
    }

    /// A placement's stored ranking: `(application, rank)`; empty until a unit saves one.
    pub async fn ranking(&self, placement: PlacementId) -> Result<Vec<(i64, i64)>, StoreError> {
        let rows: Vec<(i64, i32)> = sqlx::query_as(
            "SELECT application_id, rank FROM rankings WHERE placement_id = $1 ORDER BY rank, application_id",
        )
        .bind(placement.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(a, r)| (a, i64::from(r))).collect())
    }

    /// Replaces a placement's ranking, unless the session's ranking is closed
    /// ([`Conflict`], nothing written).
    pub async fn save_ranking(
        &self,
        session: SessionId,
        placement: PlacementId,
        ranks: &[(i64, i64)],
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        // the write lock first, then the check: a concurrent close is either before or after
        sqlx::query("UPDATE sessions SET id = id WHERE id = $1")
            .bind(session.0)
            .execute(&mut *tx)
            .await?;
        let (closed,): (Option<i64>,) =
            sqlx::query_as("SELECT ranking_closed_at FROM sessions WHERE id = $1")
                .bind(session.0)
                .fetch_one(&mut *tx)
                .await?;
        if closed.is_some() {
            return Ok(Err(Conflict));
        }
        sqlx::query("DELETE FROM rankings WHERE placement_id = $1")
            .bind(placement.0)
            .execute(&mut *tx)
            .await?;
        for chunk in ranks.chunks(300) {
            let values = (0..chunk.len())
                .map(|i| format!("($1, ${}, ${})", 2 * i + 2, 2 * i + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO rankings (placement_id, application_id, rank) VALUES {values}"
            );
            let mut insert = sqlx::query(&sql).bind(placement.0);
            for &(application, rank) in chunk {
                insert = insert.bind(application).bind(rank as i32);
            }
            insert.execute(&mut *tx).await?;
        }
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// When the session's ranking was closed, if it was.
    pub async fn ranking_closed_at(&self, session: SessionId) -> Result<Option<i64>, StoreError> {
        let row: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT ranking_closed_at FROM sessions WHERE id = $1")
                .bind(session.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.and_then(|(c,)| c))
    }

    /// Freezes every ranking of the session; [`Conflict`] when already closed.
    pub async fn close_ranking(
        &self,
        session: SessionId,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE sessions SET ranking_closed_at = $1 WHERE id = $2 AND ranking_closed_at IS NULL",
        )
        .bind(now)
        .bind(session.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Ok(Err(Conflict));
        }
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}
