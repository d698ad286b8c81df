//! The transactional e-mail outbox. A change that causes a message writes its outbox row in
//! its own transaction ([`enqueue_mail`] takes the caller's connection), so a message exists
//! exactly when the change was committed; the worker in `cohort-mail` reads only committed
//! rows, sends them, and records the outcome here. Delivery is at least once: a row leaves
//! the pending set only when it is marked sent.

use crate::{Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A message to queue, borrowed from the caller (the crates.io `NewThing<'a>` pattern).
#[derive(Debug, Clone, Copy)]
pub struct NewMail<'a> {
    /// The recipient's address, `name@domain` or `Name <name@domain>`.
    pub to: &'a str,
    /// The language the message is written in: `en` or `fr` (the schema refuses others).
    pub lang: &'a str,
    /// The subject line, plain text.
    pub subject: &'a str,
    /// The body, plain UTF-8 text.
    pub body_text: &'a str,
}

/// A committed, unsent outbox row, as the worker sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    /// The row id: stable across retries (used to name files and Message-IDs).
    pub id: i64,
    /// The recipient's address.
    pub to: String,
    /// `en` or `fr`.
    pub lang: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body_text: String,
    /// When it was queued, unix milliseconds.
    pub created_at: i64,
    /// How many tries have failed so far (drives the retry backoff).
    pub attempts: i64,
    /// The error of the last failed try, if any.
    pub last_error: Option<String>,
}

/// Longest error text kept in `last_error`; SMTP transcripts can be long.
const MAX_ERROR_CHARS: usize = 2000;

/// Queues `mail` on `conn`, inside whatever transaction the caller has open there
/// (`&mut *tx` of a `sqlx::Transaction<'_, sqlx::Any>`): if the caller rolls back, the
/// message was never queued. Due at once.
#[tracing::instrument(skip_all, fields(lang = mail.lang))]
pub async fn enqueue_mail(
    conn: &mut sqlx::AnyConnection,
    mail: &NewMail<'_>,
    now_millis: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox (recipient, lang, subject, body_text, created_at, send_after, attempts) \
         VALUES ($1, $2, $3, $4, $5, $5, 0)",
    )
    .bind(mail.to)
    .bind(mail.lang)
    .bind(mail.subject)
    .bind(mail.body_text)
    .bind(now_millis)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Queues `mail` in a transaction of its own, for callers that change nothing else.
    pub async fn enqueue(&self, mail: &NewMail<'_>, now_millis: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        enqueue_mail(&mut tx, mail, now_millis).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Up to `limit` committed, unsent rows due by `now_millis`, oldest due first.
    pub async fn pending_mail(
        &self,
        now_millis: i64,
        limit: i64,
    ) -> Result<Vec<QueuedMail>, StoreError> {
        sqlx::query(
            "SELECT id, recipient, lang, subject, body_text, created_at, \
             CAST(attempts AS BIGINT) AS attempts, last_error FROM outbox \
             WHERE sent_at IS NULL AND send_after <= $1 ORDER BY send_after, id LIMIT $2",
        )
        .bind(now_millis)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(queued)
        .collect()
    }

    /// Takes a due row for one worker until `lease_until_millis`: returns `false` when another
    /// worker (another node over the same PostgreSQL) took or sent it first. A worker that
    /// dies after the claim leaves the row to be retried when the lease ends, so nothing is
    /// lost; at worst a message goes out twice.
    pub async fn claim_mail(
        &self,
        id: i64,
        now_millis: i64,
        lease_until_millis: i64,
    ) -> Result<bool, StoreError> {
        let _turn = self.turn().await;
        let done = sqlx::query(
            "UPDATE outbox SET send_after = $3 \
             WHERE id = $1 AND sent_at IS NULL AND send_after <= $2",
        )
        .bind(id)
        .bind(now_millis)
        .bind(lease_until_millis)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records that row `id` was handed to the mail transport: it leaves the pending set.
    pub async fn mark_mail_sent(&self, id: i64, now_millis: i64) -> Result<(), StoreError> {
        let _turn = self.turn().await;
        sqlx::query("UPDATE outbox SET sent_at = $2 WHERE id = $1 AND sent_at IS NULL")
            .bind(id)
            .bind(now_millis)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a failed try of row `id`: counts it, keeps `error`, and makes the row due
    /// again at `retry_at_millis`.
    pub async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        retry_at_millis: i64,
    ) -> Result<(), StoreError> {
        let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
        let _turn = self.turn().await;
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $2, send_after = $3 \
             WHERE id = $1 AND sent_at IS NULL",
        )
        .bind(id)
        .bind(error)
        .bind(retry_at_millis)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

fn queued(row: &AnyRow) -> Result<QueuedMail, StoreError> {
    Ok(QueuedMail {
        id: row.try_get("id")?,
        to: row.try_get("recipient")?,
        lang: row.try_get("lang")?,
        subject: row.try_get("subject")?,
        body_text: row.try_get("body_text")?,
        created_at: row.try_get("created_at")?,
        attempts: row.try_get("attempts")?,
        last_error: row.try_get("last_error")?,
    })
}
