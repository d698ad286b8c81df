//! The internship of each accepted intern: its dates (the session's period unless the
//! office sets others), its unit (the accepted offer's placement), its supervisor, and the
//! supervisor's mid-term and final evaluations, which the intern sees once submitted.
//! A supervisor sees only their own interns: anyone else's answers 404, like any refusal.

pub mod api;
pub mod due;
pub mod evaluate;
pub mod mine;
pub mod page;
mod problems;
pub mod rubric_edit;

use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::internship::{
    Completeness, EvaluationDraft, EvaluationKind, EvaluationRubric, InternshipPeriod,
    SubmitRefusal,
};
use cohort_domain::session::{Placement, PlacementId, Session, SessionId};
use cohort_domain::Permission;
use cohort_store::{EvaluationRow, InternshipChange, InternshipRow, NewEvaluation};
use jiff::civil::Date;

/// One intern's internship, read for someone allowed to see it.
#[derive(Debug, Clone)]
pub struct Internship {
    /// As stored.
    pub row: InternshipRow,
    /// Its session.
    pub session: Session,
    /// The accepted offer's placement (its unit is the internship's).
    pub placement: Placement,
    /// Its first and last day.
    pub period: InternshipPeriod,
    /// Its evaluations, drafts included: show only submitted ones to the intern.
    pub evaluations: Vec<EvaluationRow>,
    /// The session's evaluation rubric.
    pub rubric: EvaluationRubric,
}

impl Internship {
    /// The evaluation of `kind`, if one was saved.
    pub fn evaluation(&self, kind: EvaluationKind) -> Option<&EvaluationRow> {
        self.evaluations.iter().find(|e| e.kind == kind.as_str())
    }

    /// Submitted evaluations only: what the intern sees.
    pub fn submitted(&self) -> impl Iterator<Item = &EvaluationRow> {
        self.evaluations.iter().filter(|e| e.submitted_at.is_some())
    }

    /// Still an intern (the offer did not end before the start).
    pub fn active(&self) -> bool {
        self.row.status == ApplicationStatus::Accepted
    }
}

/// A session's evaluation rubric: the office's, or the product's default.
pub async fn rubric_of(state: &AppState, session: SessionId) -> Result<EvaluationRubric, ApiError> {
    match state
        .store
        .evaluation_rubric(session.0)
        .await
        .map_err(ApiError::internal)?
    {
        Some(text) => EvaluationRubric::from_toml(&text).map_err(ApiError::internal),
        None => Ok(EvaluationRubric::default()),
    }
}

/// The internship's period: the office's dates, else the session's.
pub fn period_of(row: &InternshipRow, session: &Session) -> InternshipPeriod {
    let date = |text: &Option<String>| text.as_deref().and_then(|t| t.parse::<Date>().ok());
    let start = date(&row.start_date).unwrap_or(session.period_start);
    let end = date(&row.end_date).unwrap_or(session.period_end);
    InternshipPeriod::new(start, end)
        .unwrap_or_else(|_| InternshipPeriod::clamped(session.period_start, session.period_end))
}

/// Today in the session's time zone.
pub fn today(state: &AppState, session: &Session) -> Date {
    state
        .settings
        .now_timestamp()
        .to_zoned(session.window.closes().time_zone().clone())
        .date()
}

/// Reads what goes with a stored internship.
pub async fn load(state: &AppState, row: InternshipRow) -> Result<Internship, ApiError> {
    let store = &state.store;
    let session = store
        .session_by_id(SessionId(row.session_id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Internal)?;
    let placement = store
        .placement(PlacementId(row.placement_id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Internal)?;
    let evaluations = store
        .evaluations(row.application_id)
        .await
        .map_err(ApiError::internal)?;
    let rubric = rubric_of(state, session.id).await?;
    Ok(Internship {
        period: period_of(&row, &session),
        rubric,
        row,
        session,
        placement,
        evaluations,
    })
}

/// Whether `staff` may see this intern: coordinators every one, a supervisor their own.
fn sees(staff: &Staff, row: &InternshipRow) -> bool {
    staff.role.may(Permission::ManageSessions)
        || (staff.role.may(Permission::SuperviseInterns)
            && row.supervisor_id == Some(staff.account.id))
}

/// One intern's internship for a staff member allowed to see it; 404 otherwise.
pub async fn for_staff(
    state: &AppState,
    staff: &Staff,
    application: i64,
) -> Result<Internship, ApiError> {
    let row = state
        .store
        .internship(application)
        .await
        .map_err(ApiError::internal)?
        .filter(|row| sees(staff, row))
        .ok_or(ApiError::NoRoute)?;
    load(state, row).await
}

/// A session's interns as `staff` may see them: every one for coordinators, their own
/// for a supervisor; 404 for anyone else.
pub async fn of_session(
    state: &AppState,
    staff: &Staff,
    session: i64,
) -> Result<(Session, Vec<Internship>), ApiError> {
    if !staff.role.may(Permission::ManageSessions) {
        staff.require(Permission::SuperviseInterns)?;
    }
    let found = state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NoRoute)?;
    let rows = state
        .store
        .internships(found.id)
        .await
        .map_err(ApiError::internal)?;
    let mut interns = Vec::new();
    for row in rows.into_iter().filter(|r| sees(staff, r)) {
        interns.push(load(state, row).await?);
    }
    Ok((found, interns))
}

/// The interns a supervisor supervises, every session (none for other roles).
pub async fn supervised(state: &AppState, staff: &Staff) -> Result<Vec<Internship>, ApiError> {
    if !staff.role.may(Permission::SuperviseInterns) {
        return Ok(Vec::new());
    }
    let rows = state
        .store
        .supervised_by(staff.account.id)
        .await
        .map_err(ApiError::internal)?;
    let mut interns = Vec::new();
    for row in rows {
        interns.push(load(state, row).await?);
    }
    Ok(interns)
}

/// Appends a staff member's look at internships to the audit log (`internship.view` of
/// one intern, `internships.list` of a session), as every staff view is.
pub async fn audit_view(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    action: &str,
    subject: &str,
) -> Result<(), ApiError> {
    crate::office::api::audit(state, staff, peer, action, subject, serde_json::json!({})).await
}

/// The signed-in person's own internships (accepted offers only).
pub async fn own(state: &AppState, account: i64) -> Result<Vec<Internship>, ApiError> {
    let rows = state
        .store
        .internships_of_account(account)
        .await
        .map_err(ApiError::internal)?;
    let mut found = Vec::new();
    for row in rows
        .into_iter()
        .filter(|r| r.status == ApplicationStatus::Accepted)
    {
        found.push(load(state, row).await?);
    }
    Ok(found)
}

/// The office sets an intern's dates and supervisor (coordinators); audited. Dates out of
/// order are refused naming both; the supervisor must have the supervisor role.
pub async fn set(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    application: i64,
    start: &str,
    end: &str,
    supervisor: Option<i64>,
) -> Result<(), ApiError> {
    staff.require(Permission::ManageSessions)?;
    let internship = for_staff(state, staff, application).await?;
    let period = problems::period(start, end)?;
    if let Some(id) = supervisor {
        let supervisors = state
            .store
            .supervisors()
            .await
            .map_err(ApiError::internal)?;
        if !supervisors.iter().any(|(s, _)| *s == id) {
            return Err(ApiError::Invalid {
                field: "supervisor",
                key: "internship-not-a-supervisor",
            });
        }
    }
    let (start, end) = (period.start().to_string(), period.end().to_string());
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("application:{}", internship.row.application_id);
    let detail =
        serde_json::json!({ "start": start, "end": end, "supervisor": supervisor }).to_string();
    let audit = staff.audit_entry(&label, "internship.set", &subject, &detail, &address);
    let change = InternshipChange {
        application_id: internship.row.application_id,
        start_date: &start,
        end_date: &end,
        supervisor_id: supervisor,
    };
    state
        .store
        .set_internship(&change, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)
}

/// The supervisor saves (and with `submit`, submits) an evaluation of their intern;
/// audited. A submitted evaluation is final (409); submitting opens at the midpoint for
/// the mid-term and a week before the end for the final one (409 naming the date).
pub async fn evaluate(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    application: i64,
    kind: EvaluationKind,
    draft: EvaluationDraft,
    submit: bool,
) -> Result<(), ApiError> {
    staff.require(Permission::SuperviseInterns)?;
    let internship = for_staff(state, staff, application).await?;
    if !internship.active() {
        return Err(problems::conflict("internship-not-active", Vec::new()));
    }
    let completeness = if submit {
        Completeness::Submission
    } else {
        Completeness::Draft
    };
    let checked = internship
        .rubric
        .check(draft, completeness)
        .map_err(|found| problems::evaluation(&found))?;
    let submitted = internship
        .evaluation(kind)
        .is_some_and(|e| e.submitted_at.is_some());
    let today = today(state, &internship.session);
    let refusal = if submit {
        internship.period.may_submit(kind, submitted, today)
    } else if submitted {
        Err(SubmitRefusal::AlreadySubmitted)
    } else {
        Ok(())
    };
    refusal.map_err(problems::refusal)?;
    let scores = serde_json::to_string(&checked.scores).map_err(ApiError::internal)?;
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("application:{application}");
    let detail = serde_json::json!({ "kind": kind.as_str(), "submitted": submit }).to_string();
    let action = if submit {
        "evaluation.submit"
    } else {
        "evaluation.save"
    };
    let audit = staff.audit_entry(&label, action, &subject, &detail, &address);
    let new = NewEvaluation {
        application_id: application,
        kind: kind.as_str(),
        scores: &scores,
        comments: &checked.comments,
        author_id: staff.account.id,
        submit,
    };
    state
        .store
        .save_evaluation(&new, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| problems::refusal(SubmitRefusal::AlreadySubmitted))
}

/// The period of an application's internship: the office's dates, else the session's.
pub async fn period_of_application(
    state: &AppState,
    application: i64,
    session: &Session,
) -> Result<InternshipPeriod, ApiError> {
    let row = state
        .store
        .internship(application)
        .await
        .map_err(ApiError::internal)?;
    Ok(match row {
        Some(row) => period_of(&row, session),
        None => InternshipPeriod::clamped(session.period_start, session.period_end),
    })
}

/// The intern's name as submitted ("Given Family"), or their address.
pub async fn intern_name(state: &AppState, application: i64) -> Result<String, ApiError> {
    let row = state
        .store
        .screening_row(application)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NoRoute)?;
    let profile: cohort_domain::profile::RawProfile = row
        .profile
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    let name = [profile.given_names, profile.family_name]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    Ok(if name.trim().is_empty() {
        row.email
    } else {
        name
    })
}
