//! The office's wording of e-mails, per kind and language. A change and its audit entry
//! are one transaction; removing a row goes back to the product's default wording.

use crate::audit::{append_audit, NewAuditEntry};
use crate::{Store, StoreError};

/// One stored wording.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MailTemplateRow {
    /// The kind of e-mail, e.g. `offer`.
    pub kind: String,
    /// `en` or `fr`.
    pub lang: String,
    /// The subject with placeholders.
    pub subject: String,
    /// The body with placeholders.
    pub body: String,
    /// Last change, unix milliseconds.
    pub updated_at: i64,
    /// Who changed it last.
    pub updated_by: Option<i64>,
}

impl Store {
    /// Every wording the office changed.
    pub async fn mail_templates(&self) -> Result<Vec<MailTemplateRow>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT kind, lang, subject, body, updated_at, updated_by FROM mail_templates \
             ORDER BY kind, lang",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Saves a wording (replacing the one there is) and its audit entry.
    pub async fn save_mail_template(
        &self,
        row: &MailTemplateRow,
        audit: &NewAuditEntry<'_>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO mail_templates (kind, lang, subject, body, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, lang) DO UPDATE SET \
             subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at, \
             updated_by = excluded.updated_by",
        )
        .bind(&row.kind)
        .bind(&row.lang)
        .bind(&row.subject)
        .bind(&row.body)
        .bind(row.updated_at)
        .bind(row.updated_by)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, audit, row.updated_at).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Goes back to the default wording; `false` when there was nothing to remove.
    pub async fn reset_mail_template(
        &self,
        kind: &str,
        lang: &str,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let removed = sqlx::query("DELETE FROM mail_templates WHERE kind = $1 AND lang = $2")
            .bind(kind)
            .bind(lang)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed == 0 {
            return Ok(false);
        }
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
