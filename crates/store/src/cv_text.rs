//! The text of uploaded CVs, read after the upload has been answered. An upload leaves its
//! CV "to read"; a worker on any node claims one with a conditional update (so two nodes
//! never read the same one at once), reads it and saves the text only if the row still
//! names the same file (a replaced CV is left to its own claim). A claim expires, so a
//! node that dies while reading leaves the CV to another.

use crate::{Store, StoreError};
use cohort_domain::session::SessionId;

/// A CV whose text is to be read, as claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CvToRead {
    /// The application.
    pub application_id: i64,
    /// The file in the object store.
    pub object_key: String,
    /// How many claims it has had, this one included.
    pub attempts: i64,
}

impl Store {
    /// Claims the oldest CV to read that nobody holds, until `until` (Unix ms); `None`
    /// when there is none (or another node took it first: the caller tries again later).
    pub async fn claim_cv_to_read(
        &self,
        now: i64,
        until: i64,
    ) -> Result<Option<CvToRead>, StoreError> {
        let claimed: Option<(i64, String, i64)> = sqlx::query_as(
            "UPDATE documents SET text_claimed_until = $1, text_attempts = text_attempts + 1 \
             WHERE kind = 'cv' AND text_pending = 1 AND text_claimed_until <= $2 \
             AND application_id = (SELECT application_id FROM documents \
                 WHERE kind = 'cv' AND text_pending = 1 AND text_claimed_until <= $2 \
                 ORDER BY uploaded_at LIMIT 1) \
             RETURNING application_id, object_key, CAST(text_attempts AS BIGINT)",
        )
        .bind(until)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(
            claimed.map(|(application_id, object_key, attempts)| CvToRead {
                application_id,
                object_key,
                attempts,
            }),
        )
    }

    /// Saves the text read from the claimed CV (empty when it has none), if the
    /// application still has that file; `false` when it was replaced or removed meanwhile.
    pub async fn save_cv_text(&self, cv: &CvToRead, text: &str) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        // first, so that the next save waits for this one's commit for its value
        sqlx::query("UPDATE cv_text_revision SET value = value + 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        let saved = sqlx::query(
            "UPDATE documents SET text = $1, text_pending = 0, text_claimed_until = 0, \
             text_revision = (SELECT value FROM cv_text_revision WHERE id = 1) \
             WHERE application_id = $2 AND kind = 'cv' AND object_key = $3 AND text_pending = 1",
        )
        .bind(text)
        .bind(cv.application_id)
        .bind(&cv.object_key)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if saved != 1 {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Gives the claimed CV back, to be read again from `at` (Unix ms) on.
    pub async fn release_cv_to_read(&self, cv: &CvToRead, at: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE documents SET text_claimed_until = $1 \
             WHERE application_id = $2 AND kind = 'cv' AND object_key = $3 AND text_pending = 1",
        )
        .bind(at)
        .bind(cv.application_id)
        .bind(&cv.object_key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// How many CVs still wait for their text to be read.
    pub async fn cvs_to_read(&self) -> Result<i64, StoreError> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM documents WHERE kind = 'cv' AND text_pending = 1")
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }

    /// Moves by one at every saved CV text (the third part of
    /// [`Store::applications_revision`]).
    pub(crate) async fn cv_text_revision(&self) -> Result<i64, StoreError> {
        let (value,): (i64,) = sqlx::query_as("SELECT value FROM cv_text_revision WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(value)
    }

    /// The sent applications of the session whose CV text was saved after `revision`.
    pub async fn cv_texts_saved_since(
        &self,
        session: SessionId,
        revision: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT a.id FROM documents d JOIN applications a ON a.id = d.application_id \
             WHERE d.kind = 'cv' AND d.text_revision > $1 AND a.session_id = $2 \
             AND a.status <> 'draft' ORDER BY a.id",
        )
        .bind(revision)
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }
}
