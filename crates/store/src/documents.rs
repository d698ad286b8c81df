//! The documents of an application (CV, motivation letter): one row per kind, pointing at
//! a file in the object store. The file is written before its row and deleted after the
//! row stops pointing at it, so a row never names a missing file; the web shell does the
//! file half.
//!
//! A change is made only while the application is a draft: `put_document` first updates
//! the application row `WHERE status = 'draft'`, which also locks it (PostgreSQL row lock,
//! SQLite write lock) until commit, so a concurrent submission or a second upload of the
//! same kind waits and then sees this one.

use crate::{Conflict, Store, StoreError};
use sqlx::Row;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocumentKind {
    /// Curriculum vitae.
    Cv,
    /// Motivation letter.
    Letter,
}

impl DocumentKind {
    /// Every kind; a complete application has one document of each.
    pub const ALL: [DocumentKind; 2] = [DocumentKind::Cv, DocumentKind::Letter];

    /// `cv` or `letter`, as stored and as in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Cv => "cv",
            DocumentKind::Letter => "letter",
        }
    }

    /// The kind named `text` exactly (`cv`, `letter`).
    pub fn parse(text: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// A stored document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    /// Which document.
    pub kind: DocumentKind,
    /// Where the file is in the object store (a random name).
    pub object_key: String,
    /// The name the candidate's file had, for display only.
    pub file_name: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// When, unix milliseconds.
    pub uploaded_at: i64,
}

/// What an upload stores.
#[derive(Debug, Clone, Copy)]
pub struct NewDocument<'a> {
    /// The application.
    pub application_id: i64,
    /// Which document.
    pub kind: DocumentKind,
    /// Where the file was written in the object store.
    pub object_key: &'a str,
    /// The name the candidate's file had.
    pub file_name: &'a str,
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: &'a str,
    /// The text extracted from it (a CV's), cut to a bound by the caller; may be empty.
    /// `None`: to be read later, by a worker ([`Store::claim_cv_to_read`]).
    pub text: Option<&'a str>,
}

fn document(row: &sqlx::any::AnyRow) -> Result<DocumentRow, StoreError> {
    let kind: String = row.try_get("kind")?;
    Ok(DocumentRow {
        kind: DocumentKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("document kind {kind:?}")))?,
        object_key: row.try_get("object_key")?,
        file_name: row.try_get("file_name")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        uploaded_at: row.try_get("uploaded_at")?,
    })
}

const COLUMNS: &str = "kind, object_key, file_name, size, sha256, uploaded_at";

impl Store {
    /// Stores the document of its kind, replacing the previous one. Returns the object key
    /// the row pointed at before (to delete once this has committed), or [`Conflict`] when
    /// the application is not (or no longer) a draft: then nothing changed.
    pub async fn put_document(
        &self,
        new: &NewDocument<'_>,
        now: i64,
    ) -> Result<Result<Option<String>, Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let draft = sqlx::query(
            "UPDATE applications SET status = status WHERE id = $1 AND status = 'draft'",
        )
        .bind(new.application_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if draft != 1 {
            return Ok(Err(Conflict));
        }
        let previous: Option<(String,)> = sqlx::query_as(
            "SELECT object_key FROM documents WHERE application_id = $1 AND kind = $2",
        )
        .bind(new.application_id)
        .bind(new.kind.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO documents (application_id, kind, object_key, file_name, size, sha256, uploaded_at, text, \
             text_pending, text_claimed_until, text_attempts) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0) ON CONFLICT (application_id, kind) DO UPDATE SET \
             object_key = excluded.object_key, file_name = excluded.file_name, size = excluded.size, \
             sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at, text = excluded.text, \
             text_pending = excluded.text_pending, text_claimed_until = 0, text_attempts = 0",
        )
        .bind(new.application_id)
        .bind(new.kind.as_str())
        .bind(new.object_key)
        .bind(new.file_name)
        .bind(new.size)
        .bind(new.sha256)
        .bind(now)
        .bind(new.text.unwrap_or_default())
        .bind(i32::from(new.text.is_none()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(previous
            .map(|(key,)| key)
            .filter(|key| key != new.object_key)))
    }

    /// The documents of an application, CV first.
    pub async fn documents(&self, application_id: i64) -> Result<Vec<DocumentRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM documents WHERE application_id = $1"
        ))
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        let mut documents = rows.iter().map(document).collect::<Result<Vec<_>, _>>()?;
        documents.sort_by_key(|d| d.kind);
        Ok(documents)
    }

    /// The application's document of one kind, if uploaded.
    pub async fn document(
        &self,
        application_id: i64,
        kind: DocumentKind,
    ) -> Result<Option<DocumentRow>, StoreError> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM documents WHERE application_id = $1 AND kind = $2"
        ))
        .bind(application_id)
        .bind(kind.as_str())
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(document)
        .transpose()
    }

    /// The text extracted from the application's CV; empty when there is no CV or its
    /// text could not be extracted.
    pub async fn cv_text(&self, application_id: i64) -> Result<String, StoreError> {
        let text: Option<(String,)> =
            sqlx::query_as("SELECT text FROM documents WHERE application_id = $1 AND kind = 'cv'")
                .bind(application_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(text.map(|(t,)| t).unwrap_or_default())
    }

    /// The kinds of document the application has, in [`DocumentKind::ALL`] order.
    pub async fn document_kinds(
        &self,
        application_id: i64,
    ) -> Result<Vec<DocumentKind>, StoreError> {
        Ok(self
            .documents(application_id)
            .await?
            .into_iter()
            .map(|d| d.kind)
            .collect())
    }

    /// Whether the application has every kind of document (a submission needs them all).
    pub async fn has_all_documents(&self, application_id: i64) -> Result<bool, StoreError> {
        let kinds = self.document_kinds(application_id).await?;
        Ok(DocumentKind::ALL.iter().all(|k| kinds.contains(k)))
    }
}
