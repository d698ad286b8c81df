//! The internship of each accepted intern (dates set by the office, the supervisor) and
//! the supervisor's evaluations. An intern is an application with an accepted (or ended)
//! offer; its `internships` row exists once the office set dates or a supervisor. Each
//! change is written with its audit entry in one transaction; a submitted evaluation is
//! final (the write is conditional on it not being submitted).

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::SessionId;
use sqlx::Row;

/// One intern and their internship as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternshipRow {
    /// The intern's application.
    pub application_id: i64,
    /// Its session.
    pub session_id: i64,
    /// The intern's account.
    pub account_id: i64,
    /// `accepted` (an intern) or `ended` (the offer ended before the start).
    pub status: ApplicationStatus,
    /// The placement of the accepted offer.
    pub placement_id: i64,
    /// The first day set by the office, `YYYY-MM-DD` (none: the session's).
    pub start_date: Option<String>,
    /// The last day set by the office.
    pub end_date: Option<String>,
    /// The supervisor's account.
    pub supervisor_id: Option<i64>,
    /// The supervisor's address.
    pub supervisor_email: Option<String>,
}

/// One evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationRow {
    /// The intern's application.
    pub application_id: i64,
    /// `midterm` or `final`.
    pub kind: String,
    /// Criterion key to score, as JSON.
    pub scores: String,
    /// The supervisor's comments.
    pub comments: String,
    /// Last saved, unix milliseconds.
    pub saved_at: i64,
    /// When submitted (final), unix milliseconds.
    pub submitted_at: Option<i64>,
}

/// An evaluation to save (and perhaps submit).
#[derive(Debug)]
pub struct NewEvaluation<'a> {
    /// The intern's application.
    pub application_id: i64,
    /// `midterm` or `final`.
    pub kind: &'a str,
    /// Scores as JSON.
    pub scores: &'a str,
    /// Comments.
    pub comments: &'a str,
    /// The supervisor.
    pub author_id: i64,
    /// Submit it (final) as well.
    pub submit: bool,
}

/// What the office sets on an internship.
#[derive(Debug)]
pub struct InternshipChange<'a> {
    /// The intern's application.
    pub application_id: i64,
    /// The first day, `YYYY-MM-DD`.
    pub start_date: &'a str,
    /// The last day.
    pub end_date: &'a str,
    /// The supervisor (none: unassigned).
    pub supervisor_id: Option<i64>,
}

const SELECT: &str = "SELECT a.id AS application_id, a.session_id, a.account_id, a.status, \
     o.placement_id, i.start_date, i.end_date, i.supervisor_id, s.email AS supervisor_email \
     FROM applications a JOIN offers o ON o.application_id = a.id \
     LEFT JOIN internships i ON i.application_id = a.id \
     LEFT JOIN accounts s ON s.id = i.supervisor_id \
     WHERE a.status IN ('accepted', 'ended')";

fn internship(r: &sqlx::any::AnyRow) -> Result<InternshipRow, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(InternshipRow {
        application_id: r.try_get("application_id")?,
        session_id: r.try_get("session_id")?,
        account_id: r.try_get("account_id")?,
        status: ApplicationStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("status {status:?}")))?,
        placement_id: r.try_get("placement_id")?,
        start_date: r.try_get("start_date")?,
        end_date: r.try_get("end_date")?,
        supervisor_id: r.try_get("supervisor_id")?,
        supervisor_email: r.try_get("supervisor_email")?,
    })
}

fn evaluation(r: &sqlx::any::AnyRow) -> Result<EvaluationRow, StoreError> {
    Ok(EvaluationRow {
        application_id: r.try_get("application_id")?,
        kind: r.try_get("kind")?,
        scores: r.try_get("scores")?,
        comments: r.try_get("comments")?,
        saved_at: r.try_get("saved_at")?,
        submitted_at: r.try_get("submitted_at")?,
    })
}

impl Store {
    /// A session's evaluation rubric (TOML), if the office set one.
    pub async fn evaluation_rubric(&self, session: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT rubric FROM evaluation_rubrics WHERE session_id = $1")
                .bind(session)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(r,)| r))
    }

    /// Sets a session's evaluation rubric (TOML, checked by the caller) with its audit
    /// entry, unless an evaluation of the session exists already: [`Conflict`] then, and
    /// nothing written (scores are kept by criterion key).
    pub async fn set_evaluation_rubric(
        &self,
        session: i64,
        rubric: &str,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let (used,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM internship_evaluations e \
             JOIN applications a ON a.id = e.application_id WHERE a.session_id = $1",
        )
        .bind(session)
        .fetch_one(&mut *tx)
        .await?;
        if used > 0 {
            return Ok(Err(Conflict));
        }
        sqlx::query(
            "INSERT INTO evaluation_rubrics (session_id, rubric) VALUES ($1, $2) \
             ON CONFLICT (session_id) DO UPDATE SET rubric = excluded.rubric",
        )
        .bind(session)
        .bind(rubric)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    async fn internships_where(
        &self,
        condition: &str,
        value: i64,
    ) -> Result<Vec<InternshipRow>, StoreError> {
        let sql = format!("{SELECT} AND {condition} = $1 ORDER BY a.id");
        let rows = sqlx::query(&sql).bind(value).fetch_all(&self.pool).await?;
        rows.iter().map(internship).collect()
    }

    /// The interns of a session (accepted or ended offers).
    pub async fn internships(&self, session: SessionId) -> Result<Vec<InternshipRow>, StoreError> {
        self.internships_where("a.session_id", session.0).await
    }

    /// The interns a supervisor supervises, every session.
    pub async fn supervised_by(&self, account_id: i64) -> Result<Vec<InternshipRow>, StoreError> {
        self.internships_where("i.supervisor_id", account_id).await
    }

    /// A person's own internships (as the intern).
    pub async fn internships_of_account(
        &self,
        account_id: i64,
    ) -> Result<Vec<InternshipRow>, StoreError> {
        self.internships_where("a.account_id", account_id).await
    }

    /// One intern's internship; none unless the application has an accepted or ended offer.
    pub async fn internship(
        &self,
        application_id: i64,
    ) -> Result<Option<InternshipRow>, StoreError> {
        Ok(self
            .internships_where("a.id", application_id)
            .await?
            .into_iter()
            .next())
    }

    /// Sets an internship's dates and supervisor, with the audit entry, in one transaction.
    pub async fn set_internship(
        &self,
        change: &InternshipChange<'_>,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO internships (application_id, start_date, end_date, supervisor_id, updated_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (application_id) DO UPDATE SET \
             start_date = excluded.start_date, end_date = excluded.end_date, \
             supervisor_id = excluded.supervisor_id, updated_at = excluded.updated_at",
        )
        .bind(change.application_id)
        .bind(change.start_date)
        .bind(change.end_date)
        .bind(change.supervisor_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accounts with the supervisor role: (id, address), by address.
    pub async fn supervisors(&self) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, email FROM accounts WHERE role = 'supervisor' ORDER BY email_key",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// An intern's evaluations (drafts included), mid-term first.
    pub async fn evaluations(&self, application_id: i64) -> Result<Vec<EvaluationRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM internship_evaluations WHERE application_id = $1 \
             ORDER BY CASE kind WHEN 'midterm' THEN 0 ELSE 1 END",
        )
        .bind(application_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(evaluation).collect()
    }

    /// Saves (and with `submit`, submits) an evaluation, with the audit entry, in one
    /// transaction; [`Conflict`] when it was already submitted.
    pub async fn save_evaluation(
        &self,
        new: &NewEvaluation<'_>,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let submitted_at = new.submit.then_some(now);
        let written = sqlx::query(
            "INSERT INTO internship_evaluations (application_id, kind, scores, comments, author_id, \
             saved_at, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (application_id, kind) DO UPDATE SET scores = excluded.scores, \
             comments = excluded.comments, author_id = excluded.author_id, \
             saved_at = excluded.saved_at, submitted_at = excluded.submitted_at \
             WHERE internship_evaluations.submitted_at IS NULL",
        )
        .bind(new.application_id)
        .bind(new.kind)
        .bind(new.scores)
        .bind(new.comments)
        .bind(new.author_id)
        .bind(now)
        .bind(submitted_at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if written != 1 {
            return Ok(Err(Conflict));
        }
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// A session's alumni the retention purge looks at: (application, status, the last day
    /// the office set, if any).
    pub async fn alumni_candidates(
        &self,
        session: SessionId,
    ) -> Result<Vec<(i64, ApplicationStatus, Option<String>)>, StoreError> {
        let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT a.id, a.status, i.end_date FROM applications a \
             LEFT JOIN internships i ON i.application_id = a.id \
             WHERE a.session_id = $1 AND a.status IN ('accepted', 'ended') ORDER BY a.id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, status, end)| {
                let status = ApplicationStatus::parse(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("status {status:?}")))?;
                Ok((id, status, end))
            })
            .collect()
    }
}
