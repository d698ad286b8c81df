//! Applications, their ranked choices and their timeline. Every status change is a
//! conditional update (`WHERE status = from`) plus an event, in one transaction, so two
//! concurrent requests can never both win.

use crate::transition::{record_event, transition, Event, Transition};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{PlacementId, SessionId};
use sqlx::Row;

/// A stored application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    /// Database id.
    pub id: i64,
    /// Where it stands.
    pub status: ApplicationStatus,
    /// Motivation text.
    pub motivation: String,
    /// Ranked choices, best first.
    pub choices: Vec<PlacementId>,
    /// Last change, unix milliseconds.
    pub updated_at: i64,
    /// When it was submitted.
    pub submitted_at: Option<i64>,
}

/// One entry of an application's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationEvent {
    /// When, unix milliseconds.
    pub at: i64,
    /// `created`, `saved`, `submitted`, `withdrawn`, …
    pub kind: String,
    /// The status after it.
    pub status: ApplicationStatus,
}

/// The application changed under our feet (another request won).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict;

fn status(text: &str) -> Result<ApplicationStatus, StoreError> {
    ApplicationStatus::parse(text).ok_or_else(|| StoreError::Corrupt(format!("status {text:?}")))
}

const COLUMNS: &str = "id, status, motivation, updated_at, submitted_at";

impl Store {
    /// The candidate's application to a session, if any.
    pub async fn application(
        &self,
        account_id: i64,
        session: SessionId,
    ) -> Result<Option<ApplicationRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM applications WHERE account_id = $1 AND session_id = $2"
        ))
        .bind(account_id)
        .bind(session.0)
        .fetch_optional(&self.pool)
        .await?;
        self.with_choices(row).await
    }

    /// An application by its id, with its choices.
    pub async fn application_by_id(&self, id: i64) -> Result<Option<ApplicationRow>, StoreError> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        self.with_choices(row).await
    }

    /// The id and status of the candidate's application to a session, without the rest
    /// (one query: what an upload needs to know).
    pub async fn application_status(
        &self,
        account_id: i64,
        session: SessionId,
    ) -> Result<Option<(i64, ApplicationStatus)>, StoreError> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, status FROM applications WHERE account_id = $1 AND session_id = $2",
        )
        .bind(account_id)
        .bind(session.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(id, text)| Ok((id, status(&text)?))).transpose()
    }

    async fn with_choices(
        &self,
        row: Option<sqlx::any::AnyRow>,
    ) -> Result<Option<ApplicationRow>, StoreError> {
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        let choices = sqlx::query_as::<_, (i64,)>(
            "SELECT placement_id FROM application_choices WHERE application_id = $1 ORDER BY rank",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|(p,)| PlacementId(p))
        .collect();
        Ok(Some(ApplicationRow {
            id,
            status: status(&row.try_get::<String, _>("status")?)?,
            motivation: row.try_get("motivation")?,
            choices,
            updated_at: row.try_get("updated_at")?,
            submitted_at: row.try_get("submitted_at")?,
        }))
    }

    /// Creates or updates the draft: choices and motivation, plus a timeline event. Refused
    /// with [`Conflict`] when the application is no longer a draft.
    pub async fn save_draft(
        &self,
        account_id: i64,
        session: SessionId,
        choices: &[PlacementId],
        motivation: &str,
        now: i64,
    ) -> Result<Result<i64, Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let created: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO applications (session_id, account_id, status, motivation, created_at, updated_at) \
             VALUES ($1, $2, 'draft', $3, $4, $4) ON CONFLICT (session_id, account_id) DO NOTHING RETURNING id",
        )
        .bind(session.0)
        .bind(account_id)
        .bind(motivation)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let (id, kind) = match created {
            Some((id,)) => (id, "created"),
            None => {
                let updated: Option<(i64,)> = sqlx::query_as(
                    "UPDATE applications SET motivation = $1, updated_at = $2 \
                     WHERE account_id = $3 AND session_id = $4 AND status = 'draft' RETURNING id",
                )
                .bind(motivation)
                .bind(now)
                .bind(account_id)
                .bind(session.0)
                .fetch_optional(&mut *tx)
                .await?;
                match updated {
                    Some((id,)) => (id, "saved"),
                    None => return Ok(Err(Conflict)),
                }
            }
        };
        sqlx::query("DELETE FROM application_choices WHERE application_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if !choices.is_empty() {
            // one statement for all of them: a round trip per row showed on deadline day
            let values = (0..choices.len())
                .map(|i| format!("($1, ${}, ${})", 2 * i + 2, 2 * i + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO application_choices (application_id, rank, placement_id) VALUES {values}"
            );
            let mut insert = sqlx::query(&sql).bind(id);
            for (rank, placement) in choices.iter().enumerate() {
                insert = insert.bind(rank as i32).bind(placement.0);
            }
            insert.execute(&mut *tx).await?;
        }
        let event = Event {
            application_id: id,
            kind,
            status: ApplicationStatus::Draft,
            actor_id: None,
            reason: None,
        };
        record_event(&mut tx, &event, now).await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Submits a draft, keeping the profile as it is now (`profile_json`, and whether it met
    /// the rules) for the office to screen. [`Conflict`] when it is no longer a draft.
    pub async fn submit_application(
        &self,
        application_id: i64,
        profile_json: &str,
        eligible: bool,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let submit = Transition {
            application_id,
            from: ApplicationStatus::Draft,
            to: ApplicationStatus::Submitted,
            kind: "submitted",
            actor_id: None,
            reason: None,
        };
        if !transition(&mut tx, &submit, now).await? {
            return Ok(Err(Conflict));
        }
        sqlx::query(
            "INSERT INTO submitted_profiles (application_id, data, eligible) VALUES ($1, $2, $3) \
             ON CONFLICT (application_id) DO UPDATE SET data = excluded.data, eligible = excluded.eligible",
        )
        .bind(application_id)
        .bind(profile_json)
        .bind(i32::from(eligible))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Moves an application from `from` to `to` and records the event, atomically.
    pub async fn change_status(
        &self,
        application_id: i64,
        from: ApplicationStatus,
        to: ApplicationStatus,
        kind: &str,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let change = Transition {
            application_id,
            from,
            to,
            kind,
            actor_id: None,
            reason: None,
        };
        if !transition(&mut tx, &change, now).await? {
            return Ok(Err(Conflict));
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// The timeline of an application, oldest first.
    pub async fn application_events(
        &self,
        application_id: i64,
    ) -> Result<Vec<ApplicationEvent>, StoreError> {
        sqlx::query(
            "SELECT at, kind, status FROM application_events WHERE application_id = $1 ORDER BY id",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
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
}
