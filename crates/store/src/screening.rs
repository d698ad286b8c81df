//! What the internship office screens: a session's sent applications with the profile as
//! submitted, and staff decisions (status, reason, who), each in one transaction with the
//! candidate's notification and the audit entry.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::outbox::{enqueue_mail, NewMail};
use crate::transition::{transition, Transition};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{PlacementId, SessionId};
use sqlx::Row;
use std::collections::HashMap;

/// One sent application, as screening needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningRow {
    /// Application id.
    pub id: i64,
    /// The candidate's session.
    pub session_id: i64,
    /// The candidate's account.
    pub account_id: i64,
    /// The candidate's address (for notifications; never shown to blind reviewers).
    pub email: String,
    /// The candidate's language, `en` or `fr`.
    pub lang: String,
    /// Where it stands (never `draft` here).
    pub status: ApplicationStatus,
    /// When it was sent, unix milliseconds.
    pub submitted_at: Option<i64>,
    /// Ranked choices, best first.
    pub choices: Vec<PlacementId>,
    /// Motivation text.
    pub motivation: String,
    /// The profile as submitted (JSON), when kept.
    pub profile: Option<String>,
    /// Whether it met the session's rules at submission, or was held eligible by an
    /// override.
    pub eligible: bool,
    /// The justification of the override, when a coordinator held it eligible.
    pub eligibility_override: Option<String>,
    /// The text extracted from the CV (empty when none): for the search index, which
    /// takes it out of the row once indexed.
    pub cv_text: String,
}

/// A staff decision to store.
#[derive(Debug)]
pub struct StaffDecision<'a> {
    /// The application.
    pub application_id: i64,
    /// The status it must still have.
    pub from: ApplicationStatus,
    /// The new status.
    pub to: ApplicationStatus,
    /// Timeline event kind, e.g. `shortlisted`.
    pub kind: &'a str,
    /// The written reason.
    pub reason: &'a str,
    /// Who decided.
    pub actor_id: i64,
    /// The candidate's notification.
    pub mail: Option<NewMail<'a>>,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

const COLUMNS: &str = "a.id, a.session_id, a.account_id, u.email, u.lang, a.status, \
    a.submitted_at, a.motivation, p.data, p.eligible, d.text AS cv_text, \
    o.justification AS override_justification";
const FROM: &str = "FROM applications a JOIN accounts u ON u.id = a.account_id \
    LEFT JOIN submitted_profiles p ON p.application_id = a.id \
    LEFT JOIN documents d ON d.application_id = a.id AND d.kind = 'cv' \
    LEFT JOIN eligibility_overrides o ON o.application_id = a.id";

fn row(r: &sqlx::any::AnyRow) -> Result<ScreeningRow, StoreError> {
    let status: String = r.try_get("status")?;
    let justification: Option<String> = r.try_get("override_justification")?;
    Ok(ScreeningRow {
        id: r.try_get("id")?,
        session_id: r.try_get("session_id")?,
        account_id: r.try_get("account_id")?,
        email: r.try_get("email")?,
        lang: r.try_get("lang")?,
        status: ApplicationStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("status {status:?}")))?,
        submitted_at: r.try_get("submitted_at")?,
        choices: Vec::new(),
        motivation: r.try_get("motivation")?,
        profile: r.try_get("data")?,
        eligible: r.try_get::<Option<i32>, _>("eligible")?.unwrap_or(0) != 0
            || justification.is_some(),
        eligibility_override: justification,
        cv_text: r
            .try_get::<Option<String>, _>("cv_text")?
            .unwrap_or_default(),
    })
}

impl Store {
    /// Every sent application of a session (not drafts), with its choices, by id.
    pub async fn screening_rows(
        &self,
        session: SessionId,
    ) -> Result<Vec<ScreeningRow>, StoreError> {
        let mut rows = sqlx::query(&format!(
            "SELECT {COLUMNS} {FROM} WHERE a.session_id = $1 AND a.status <> 'draft' ORDER BY a.id"
        ))
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(row)
        .collect::<Result<Vec<_>, _>>()?;
        let choices: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT c.application_id, c.placement_id FROM application_choices c \
             JOIN applications a ON a.id = c.application_id \
             WHERE a.session_id = $1 AND a.status <> 'draft' ORDER BY c.application_id, c.rank",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        let position: HashMap<i64, usize> =
            rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        for (application, placement) in choices {
            if let Some(&i) = position.get(&application) {
                rows[i].choices.push(PlacementId(placement));
            }
        }
        Ok(rows)
    }

    /// One sent application, with its choices.
    pub async fn screening_row(
        &self,
        application_id: i64,
    ) -> Result<Option<ScreeningRow>, StoreError> {
        let found = sqlx::query(&format!(
            "SELECT {COLUMNS} {FROM} WHERE a.id = $1 AND a.status <> 'draft'"
        ))
        .bind(application_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(found) = found else { return Ok(None) };
        let mut found = row(&found)?;
        let choices: Vec<(i64,)> = sqlx::query_as(
            "SELECT placement_id FROM application_choices WHERE application_id = $1 ORDER BY rank",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        found.choices = choices.into_iter().map(|(p,)| PlacementId(p)).collect();
        Ok(Some(found))
    }

    /// The sent applications of a session changed (any timeline event) after event
    /// `after`: what a cached list must reload.
    pub async fn applications_changed_since(
        &self,
        session: SessionId,
        after: i64,
    ) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT DISTINCT e.application_id FROM application_events e \
             JOIN applications a ON a.id = e.application_id \
             WHERE e.id > $1 AND a.session_id = $2 AND a.status <> 'draft' ORDER BY e.application_id",
        )
        .bind(after)
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// How many applications of the session are in each status, drafts included.
    pub async fn status_counts(
        &self,
        session: SessionId,
    ) -> Result<Vec<(ApplicationStatus, i64)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT status, COUNT(*) FROM applications WHERE session_id = $1 GROUP BY status",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(text, n)| {
                ApplicationStatus::parse(&text)
                    .map(|s| (s, n))
                    .ok_or_else(|| StoreError::Corrupt(format!("status {text:?}")))
            })
            .collect()
    }

    /// How many sent applications the session has (a deleted account takes its own away).
    pub async fn sent_count(&self, session: SessionId) -> Result<i64, StoreError> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM applications WHERE session_id = $1 AND status <> 'draft'",
        )
        .bind(session.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(n)
    }

    /// Moves with every change to any application: the last timeline event, the number
    /// of applications anonymised when accounts were deleted (a deletion removes events,
    /// so the first part alone could stand still), and the CV texts saved (read after
    /// their upload: [`Store::cv_texts_saved_since`]).
    pub async fn applications_revision(&self) -> Result<(i64, i64, i64), StoreError> {
        let (events, anonymised): (Option<i64>, i64) = sqlx::query_as(
            "SELECT (SELECT MAX(id) FROM application_events), \
             (SELECT COUNT(*) FROM anonymous_applications)",
        )
        .fetch_one(&self.pool)
        .await?;
        let texts = self.cv_text_revision().await?;
        Ok((events.unwrap_or(0), anonymised, texts))
    }

    /// Applies a staff decision if the application still has `from`: status, timeline event
    /// with actor and reason, notification and audit entry, together or not at all.
    pub async fn decide_application(
        &self,
        decision: &StaffDecision<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let change = Transition {
            application_id: decision.application_id,
            from: decision.from,
            to: decision.to,
            kind: decision.kind,
            actor_id: Some(decision.actor_id),
            reason: Some(decision.reason),
        };
        if !transition(&mut tx, &change, now).await? {
            return Ok(Err(Conflict));
        }
        if let Some(mail) = &decision.mail {
            enqueue_mail(&mut tx, mail, now).await?;
        }
        append_audit(&mut tx, &decision.audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}
