//! What an intern sends for checklist items (documents, one per item), the reminders
//! sent about items and other one-off notices. A document's row and its item's move are
//! one transaction; a reminder's or notice's row and its e-mail are one transaction, and
//! each is recorded once, so two nodes checking at once send it once.

use crate::applications::Conflict;
use crate::onboarding::{apply_item_change, ItemChange};
use crate::outbox::{enqueue_mail, NewMail};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use sqlx::Row;

/// A document sent for a checklist item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDocument {
    /// The application.
    pub application_id: i64,
    /// The item's key.
    pub item_key: String,
    /// The file's random name in the object store.
    pub object_key: String,
    /// The name the intern gave, shown only.
    pub file_name: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// When, unix milliseconds.
    pub uploaded_at: i64,
}

/// An accepted intern, as reminders need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternContact {
    /// The application.
    pub application_id: i64,
    /// Its session.
    pub session_id: i64,
    /// The intern's address.
    pub email: String,
    /// Their language, `en` or `fr`.
    pub lang: String,
}

pub(crate) fn document(row: &sqlx::any::AnyRow) -> Result<ItemDocument, StoreError> {
    Ok(ItemDocument {
        application_id: row.try_get("application_id")?,
        item_key: row.try_get("item_key")?,
        object_key: row.try_get("object_key")?,
        file_name: row.try_get("file_name")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        uploaded_at: row.try_get("uploaded_at")?,
    })
}

impl Store {
    /// Stores `document` and moves its item as `change` says, or nothing when the item
    /// moved meanwhile. Gives the object key of the document it replaced, to delete.
    pub async fn put_item_document(
        &self,
        change: &ItemChange<'_>,
        document: &ItemDocument,
        now: i64,
    ) -> Result<Result<Option<String>, Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        if !apply_item_change(&mut tx, change, now).await? {
            return Ok(Err(Conflict));
        }
        let old: Option<(String,)> = sqlx::query_as(
            "SELECT object_key FROM onboarding_documents WHERE application_id = $1 AND item_key = $2",
        )
        .bind(document.application_id)
        .bind(&document.item_key)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO onboarding_documents (application_id, item_key, object_key, file_name, \
             size, sha256, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (application_id, item_key) DO UPDATE SET object_key = excluded.object_key, \
             file_name = excluded.file_name, size = excluded.size, sha256 = excluded.sha256, \
             uploaded_at = excluded.uploaded_at",
        )
        .bind(document.application_id)
        .bind(&document.item_key)
        .bind(&document.object_key)
        .bind(&document.file_name)
        .bind(document.size)
        .bind(&document.sha256)
        .bind(document.uploaded_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(old.map(|(k,)| k)))
    }

    /// The documents sent by one intern.
    pub async fn item_documents(
        &self,
        application_id: i64,
    ) -> Result<Vec<ItemDocument>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM onboarding_documents WHERE application_id = $1 ORDER BY item_key",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(document).collect()
    }

    /// The documents sent by the interns of a session.
    pub async fn session_item_documents(
        &self,
        session_id: i64,
    ) -> Result<Vec<ItemDocument>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.* FROM onboarding_documents d JOIN applications a ON a.id = d.application_id \
             WHERE a.session_id = $1 ORDER BY d.application_id, d.item_key",
        )
        .bind(session_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(document).collect()
    }

    /// Every accepted intern, with where to write to them.
    pub async fn accepted_interns(&self) -> Result<Vec<InternContact>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.session_id, c.email, c.lang FROM applications a \
             JOIN accounts c ON c.id = a.account_id WHERE a.status = $1 ORDER BY a.id",
        )
        .bind(ApplicationStatus::Accepted.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(InternContact {
                    application_id: r.try_get("id")?,
                    session_id: r.try_get("session_id")?,
                    email: r.try_get("email")?,
                    lang: r.try_get("lang")?,
                })
            })
            .collect()
    }

    /// The reminders already sent about one intern's items: `(item_key, kind)`.
    pub async fn reminders_sent(
        &self,
        application_id: i64,
    ) -> Result<Vec<(String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT item_key, kind FROM onboarding_reminders WHERE application_id = $1",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Records reminders about office-owned items (`(application, item_key)`, kind
    /// `office_overdue`) and queues `mails` (to the coordinators) with them, unless every
    /// one of them was already recorded: `false` then, and nothing queued.
    pub async fn send_office_reminders(
        &self,
        items: &[(i64, &str)],
        mails: &[NewMail<'_>],
        now: i64,
    ) -> Result<bool, StoreError> {
        let records = items
            .iter()
            .map(|(application_id, item_key)| {
                sqlx::query(
                    "INSERT INTO onboarding_reminders (application_id, item_key, kind, sent_at) \
                     VALUES ($1, $2, 'office_overdue', $3) ON CONFLICT DO NOTHING",
                )
                .bind(*application_id)
                .bind(*item_key)
                .bind(now)
            })
            .collect();
        self.record_once(records, mails, now).await
    }

    /// Records a one-off notice to an intern (e.g. `testimonial_invitation`) and queues its
    /// e-mail, unless it was already sent: `false` then, and nothing queued.
    pub async fn send_notice(
        &self,
        application_id: i64,
        kind: &str,
        mail: &NewMail<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let record = sqlx::query(
            "INSERT INTO intern_notices (application_id, kind, sent_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(application_id)
        .bind(kind)
        .bind(now);
        self.record_once(vec![record], std::slice::from_ref(mail), now)
            .await
    }

    /// Records a reminder and queues its e-mail, unless it was already sent: `false` then,
    /// and nothing queued.
    pub async fn send_reminder(
        &self,
        application_id: i64,
        item_key: &str,
        kind: &str,
        mail: &NewMail<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let record = sqlx::query(
            "INSERT INTO onboarding_reminders (application_id, item_key, kind, sent_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(application_id)
        .bind(item_key)
        .bind(kind)
        .bind(now);
        self.record_once(vec![record], std::slice::from_ref(mail), now)
            .await
    }

    /// Runs the `INSERT … ON CONFLICT DO NOTHING` records and, when at least one row is
    /// new, queues `mails` in the same transaction; otherwise writes nothing.
    async fn record_once(
        &self,
        records: Vec<Record<'_>>,
        mails: &[NewMail<'_>],
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let mut inserted = 0;
        for record in records {
            inserted += record.execute(&mut *tx).await?.rows_affected();
        }
        if inserted == 0 {
            return Ok(false);
        }
        for mail in mails {
            enqueue_mail(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}

/// An insert ready to run.
type Record<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;
