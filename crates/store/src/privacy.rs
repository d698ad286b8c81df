//! A person's own data: everything stored about an account, read at once for "download my
//! data", and erased at once for "delete my account", leaving only anonymous counts.
//!
//! Deleting an account removes its row; every table holding the person's data hangs off it
//! with `ON DELETE CASCADE` (e-mail tokens, sign-ins, the profile, the applications and,
//! through them, their choices, timeline and document rows). What does not hang off it is
//! deleted by hand in the same transaction: the e-mails addressed to them (sent or not) and
//! their failed sign-ins. Before that, each application leaves an `anonymous_applications`
//! row (session, status, day of submission, number of choices), so a session's counts
//! stay true. The files of the documents are the caller's to delete after commit: the
//! object keys are handed back.

use crate::{ApplicationEvent, DocumentKind, DocumentRow, Limited, Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{PlacementId, SessionId};
use sqlx::Row;

/// Everything stored about one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalData {
    /// The address as typed.
    pub email: String,
    /// The account's role.
    pub role: String,
    /// Preferred language.
    pub lang: String,
    /// When the account was created, unix milliseconds.
    pub created_at: i64,
    /// When the address was confirmed.
    pub verified_at: Option<i64>,
    /// The profile as stored (JSON), if one was saved.
    pub profile: Option<String>,
    /// Every application, oldest session first.
    pub applications: Vec<PersonalApplication>,
}

/// One of the account's applications, with what hangs off it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalApplication {
    /// The session.
    pub session_id: SessionId,
    /// The session's code.
    pub session_code: String,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// Motivation text.
    pub motivation: String,
    /// Ranked choices, best first.
    pub choices: Vec<ChosenPlacement>,
    /// Created, unix milliseconds.
    pub created_at: i64,
    /// Last change.
    pub updated_at: i64,
    /// When it was submitted.
    pub submitted_at: Option<i64>,
    /// Every change, oldest first.
    pub timeline: Vec<ApplicationEvent>,
    /// The documents, CV first.
    pub documents: Vec<DocumentRow>,
    /// After an accepted offer: the checklist, its documents, the testimonial.
    pub after_offer: AfterOffer,
}

/// What an intern's application gathers after the offer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AfterOffer {
    /// The checklist items that moved.
    pub checklist: Vec<crate::ItemRow>,
    /// The documents sent for items.
    pub documents: Vec<crate::ItemDocument>,
    /// The testimonial written, if any.
    pub testimonial: Option<crate::TestimonialRow>,
}

async fn after_offer(
    conn: &mut sqlx::AnyConnection,
    application_id: i64,
) -> Result<AfterOffer, StoreError> {
    let items =
        sqlx::query("SELECT * FROM onboarding_items WHERE application_id = $1 ORDER BY item_key")
            .bind(application_id)
            .fetch_all(&mut *conn)
            .await?;
    let documents = sqlx::query(
        "SELECT * FROM onboarding_documents WHERE application_id = $1 ORDER BY item_key",
    )
    .bind(application_id)
    .fetch_all(&mut *conn)
    .await?;
    let testimonial = sqlx::query("SELECT * FROM intern_testimonials WHERE application_id = $1")
        .bind(application_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(AfterOffer {
        checklist: items
            .iter()
            .map(crate::onboarding::item)
            .collect::<Result<_, _>>()?,
        documents: documents
            .iter()
            .map(crate::onboarding_extras::document)
            .collect::<Result<_, _>>()?,
        testimonial: testimonial
            .as_ref()
            .map(crate::testimonials::row)
            .transpose()?,
    })
}

/// A ranked placement, with its titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenPlacement {
    /// The placement.
    pub id: PlacementId,
    /// Its title in English.
    pub title_en: String,
    /// Its title in French.
    pub title_fr: String,
}

/// How many applications a session has, by status, counting those of deleted accounts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationCounts(Vec<(ApplicationStatus, i64)>);

impl ApplicationCounts {
    /// How many have this status.
    pub fn of(&self, status: ApplicationStatus) -> i64 {
        self.0
            .iter()
            .filter(|(s, _)| *s == status)
            .map(|(_, n)| n)
            .sum()
    }

    /// How many in all.
    pub fn total(&self) -> i64 {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

fn status(text: &str) -> Result<ApplicationStatus, StoreError> {
    ApplicationStatus::parse(text).ok_or_else(|| StoreError::Corrupt(format!("status {text:?}")))
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

/// The UTC day of an instant, `YYYY-MM-DD`.
pub(crate) fn utc_day(millis: i64) -> Option<String> {
    jiff::Timestamp::from_millisecond(millis)
        .ok()
        .map(|t| t.strftime("%Y-%m-%d").to_string())
}

/// `%<address>` for `LIKE … ESCAPE '!'`: a recipient written `Name <address>`.
fn angled_pattern(email_key: &str) -> String {
    let mut pattern = String::from("%<");
    for c in email_key.chars() {
        if matches!(c, '!' | '%' | '_') {
            pattern.push('!');
        }
        pattern.push(c);
    }
    pattern.push('>');
    pattern
}

impl Store {
    /// Everything stored about the account, read in one transaction; `None` when there is
    /// no such account.
    #[tracing::instrument(skip(self))]
    pub async fn personal_data(&self, account_id: i64) -> Result<Option<PersonalData>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let Some(account) = sqlx::query(
            "SELECT a.email, a.role, a.lang, a.created_at, a.verified_at, p.data FROM accounts a \
             LEFT JOIN profiles p ON p.account_id = a.id WHERE a.id = $1",
        )
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(None);
        };
        let rows = sqlx::query(
            "SELECT a.id, a.session_id, s.code, a.status, a.motivation, a.created_at, a.updated_at, \
             a.submitted_at FROM applications a JOIN sessions s ON s.id = a.session_id \
             WHERE a.account_id = $1 ORDER BY a.session_id",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await?;
        let mut applications = Vec::with_capacity(rows.len());
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            applications.push(PersonalApplication {
                session_id: SessionId(row.try_get("session_id")?),
                session_code: row.try_get("code")?,
                status: status(&row.try_get::<String, _>("status")?)?,
                motivation: row.try_get("motivation")?,
                choices: chosen_placements(&mut tx, id).await?,
                created_at: row.try_get("created_at")?,
                updated_at: row.try_get("updated_at")?,
                submitted_at: row.try_get("submitted_at")?,
                timeline: events(&mut tx, id).await?,
                documents: documents(&mut tx, id).await?,
                after_offer: after_offer(&mut tx, id).await?,
            });
        }
        tx.commit().await?;
        Ok(Some(PersonalData {
            email: account.try_get("email")?,
            role: account.try_get("role")?,
            lang: account.try_get("lang")?,
            created_at: account.try_get("created_at")?,
            verified_at: account.try_get("verified_at")?,
            profile: account.try_get("data")?,
            applications,
        }))
    }

    /// Deletes the account and everything about the person, in one transaction, after
    /// keeping an anonymous row per application. Returns the object keys of the deleted
    /// documents, whose files the caller deletes now that no row names them; `None` when
    /// there was no such account.
    #[tracing::instrument(skip(self))]
    pub async fn delete_account(
        &self,
        account_id: i64,
        now: i64,
    ) -> Result<Option<Vec<String>>, StoreError> {
        let mut tx = self.begin().await?;
        // the row lock (SQLite: the write lock) first, so nothing is added meanwhile
        let email: Option<(String, String)> = sqlx::query_as(
            "UPDATE accounts SET email = email WHERE id = $1 RETURNING email, email_key",
        )
        .bind(account_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((email, email_key)) = email else {
            return Ok(None);
        };
        let applications: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(
            "SELECT a.session_id, a.status, a.submitted_at, \
             (SELECT COUNT(*) FROM application_choices c WHERE c.application_id = a.id) \
             FROM applications a WHERE a.account_id = $1",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await?;
        for (session_id, status, submitted_at, choices) in applications {
            sqlx::query(
                "INSERT INTO anonymous_applications (session_id, status, submitted_day, choices, deleted_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(session_id)
            .bind(status)
            .bind(submitted_at.and_then(utc_day))
            .bind(i32::try_from(choices).unwrap_or(i32::MAX))
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let keys: Vec<(String,)> = sqlx::query_as(
            "SELECT d.object_key FROM documents d JOIN applications a ON a.id = d.application_id \
             WHERE a.account_id = $1 UNION ALL \
             SELECT o.object_key FROM onboarding_documents o \
             JOIN applications a ON a.id = o.application_id WHERE a.account_id = $1",
        )
        .bind(account_id)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM outbox WHERE recipient = $1 OR LOWER(recipient) = $2 \
             OR LOWER(recipient) LIKE $3 ESCAPE '!'",
        )
        .bind(&email)
        .bind(&email_key)
        .bind(angled_pattern(&email_key))
        .execute(&mut *tx)
        .await?;
        // the limits counted under the address are personal data too
        sqlx::query("DELETE FROM sign_in_failures WHERE subject = $1")
            .bind(Limited::SignInAccount.subject(&email_key))
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM rate_quotas WHERE subject = $1 OR subject = $2")
            .bind(Limited::RegisterEmail.subject(&email_key))
            .bind(Limited::ResetEmail.subject(&email_key))
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM accounts WHERE id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(keys.into_iter().map(|(key,)| key).collect()))
    }

    /// How many applications the session has, by status, including those whose
    /// candidates deleted their account since.
    #[tracing::instrument(skip(self))]
    pub async fn application_counts(
        &self,
        session: SessionId,
    ) -> Result<ApplicationCounts, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM (\
             SELECT status FROM applications WHERE session_id = $1 \
             UNION ALL SELECT status FROM anonymous_applications WHERE session_id = $1\
             ) t GROUP BY status",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(text, n)| Ok((status(&text)?, n)))
            .collect::<Result<Vec<_>, StoreError>>()
            .map(ApplicationCounts)
    }
}

async fn chosen_placements(
    conn: &mut sqlx::AnyConnection,
    application_id: i64,
) -> Result<Vec<ChosenPlacement>, StoreError> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.title_en, p.title_fr FROM application_choices c \
         JOIN placements p ON p.id = c.placement_id WHERE c.application_id = $1 ORDER BY c.rank",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title_en, title_fr)| ChosenPlacement {
            id: PlacementId(id),
            title_en,
            title_fr,
        })
        .collect())
}

async fn events(
    conn: &mut sqlx::AnyConnection,
    application_id: i64,
) -> Result<Vec<ApplicationEvent>, StoreError> {
    sqlx::query(
        "SELECT at, kind, status FROM application_events WHERE application_id = $1 ORDER BY id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|row| {
        Ok(ApplicationEvent {
            at: row.try_get("at")?,
            kind: row.try_get("kind")?,
            status: status(&row.try_get::<String, _>("status")?)?,
        })
    })
    .collect()
}

async fn documents(
    conn: &mut sqlx::AnyConnection,
    application_id: i64,
) -> Result<Vec<DocumentRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT kind, object_key, file_name, size, sha256, uploaded_at FROM documents \
         WHERE application_id = $1",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?;
    let mut documents = rows.iter().map(document).collect::<Result<Vec<_>, _>>()?;
    documents.sort_by_key(|d| d.kind);
    Ok(documents)
}
