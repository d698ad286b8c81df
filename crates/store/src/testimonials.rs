//! Interns' testimonials: written (and rewritten while pending), moderated once; an
//! approval bumps the programme revision so that every node's public pages show it.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::{Store, StoreError};
use cohort_domain::internship::Moderation;
use sqlx::Row;

/// One testimonial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestimonialRow {
    /// Its id.
    pub id: i64,
    /// The intern's application.
    pub application_id: i64,
    /// The unit it is about.
    pub unit_code: String,
    /// `en` or `fr`: the language it is written in.
    pub lang: String,
    /// The text.
    pub body: String,
    /// The other language's version.
    pub body_other: Option<String>,
    /// The author lets the office edit it.
    pub consent_edit: bool,
    /// Where it stands.
    pub status: Moderation,
    /// The office edited it.
    pub edited: bool,
}

/// A testimonial to store.
#[derive(Debug)]
pub struct NewTestimonial<'a> {
    /// The intern's application.
    pub application_id: i64,
    /// The unit.
    pub unit_code: &'a str,
    /// Its language.
    pub lang: &'a str,
    /// The text.
    pub body: &'a str,
    /// The other version.
    pub body_other: Option<&'a str>,
    /// Consent to edits.
    pub consent_edit: bool,
}

pub(crate) fn row(r: &sqlx::any::AnyRow) -> Result<TestimonialRow, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(TestimonialRow {
        id: r.try_get("id")?,
        application_id: r.try_get("application_id")?,
        unit_code: r.try_get("unit_code")?,
        lang: r.try_get("lang")?,
        body: r.try_get("body")?,
        body_other: r.try_get("body_other")?,
        consent_edit: r.try_get::<i32, _>("consent_edit")? != 0,
        status: Moderation::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("testimonial status {status:?}")))?,
        edited: r.try_get::<i32, _>("edited")? != 0,
    })
}

impl Store {
    /// Stores an intern's testimonial, replacing theirs while it is still pending;
    /// [`Conflict`] once it was moderated.
    pub async fn submit_testimonial(
        &self,
        new: &NewTestimonial<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let written = sqlx::query(
            "INSERT INTO intern_testimonials (application_id, unit_code, lang, body, body_other, \
             consent_edit, status, edited, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7) \
             ON CONFLICT (application_id) DO UPDATE SET unit_code = excluded.unit_code, \
             lang = excluded.lang, body = excluded.body, body_other = excluded.body_other, \
             consent_edit = excluded.consent_edit, submitted_at = excluded.submitted_at \
             WHERE intern_testimonials.status = 'pending'",
        )
        .bind(new.application_id)
        .bind(new.unit_code)
        .bind(new.lang)
        .bind(new.body)
        .bind(new.body_other)
        .bind(i32::from(new.consent_edit))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if written != 1 {
            return Ok(Err(Conflict));
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Testimonials with a status, oldest first.
    pub async fn testimonials(
        &self,
        status: Moderation,
    ) -> Result<Vec<TestimonialRow>, StoreError> {
        let rows = sqlx::query("SELECT * FROM intern_testimonials WHERE status = $1 ORDER BY id")
            .bind(status.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(row).collect()
    }

    /// The testimonial of an application.
    pub async fn testimonial_of(
        &self,
        application_id: i64,
    ) -> Result<Option<TestimonialRow>, StoreError> {
        let found = sqlx::query("SELECT * FROM intern_testimonials WHERE application_id = $1")
            .bind(application_id)
            .fetch_optional(&self.pool)
            .await?;
        found.as_ref().map(row).transpose()
    }

    /// One testimonial.
    pub async fn testimonial(&self, id: i64) -> Result<Option<TestimonialRow>, StoreError> {
        let found = sqlx::query("SELECT * FROM intern_testimonials WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        found.as_ref().map(row).transpose()
    }

    /// Moderates a pending testimonial (with the office's text when `body` is given);
    /// [`Conflict`] when it is no longer pending.
    pub async fn moderate_testimonial(
        &self,
        id: i64,
        to: Moderation,
        body: Option<&str>,
        actor_id: i64,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let changed = sqlx::query(
            "UPDATE intern_testimonials SET status = $1, body = COALESCE($2, body), \
             edited = CASE WHEN $2 IS NULL THEN edited ELSE 1 END, moderated_at = $3, moderated_by = $4 \
             WHERE id = $5 AND status = 'pending'",
        )
        .bind(to.as_str())
        .bind(body)
        .bind(now)
        .bind(actor_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Ok(Err(Conflict));
        }
        sqlx::query("UPDATE programme SET revision = revision + 1 WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}
