//! Internships over JSON: the office's list and one intern (coordinators every one, a
//! supervisor their own), the office's dates and supervisor, and the supervisor's
//! evaluations. The intern's own view is in `mine.rs`.

use super::Internship;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use cohort_domain::internship::{EvaluationDraft, EvaluationKind};
use cohort_domain::Lang;
use cohort_store::EvaluationRow;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One criterion's score.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreBody {
    /// The criterion's key.
    pub criterion: String,
    /// Its label in the visitor's language.
    pub label: String,
    /// The score, when given.
    pub score: Option<i64>,
}

/// One evaluation.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationBody {
    /// `midterm` or `final`.
    pub kind: String,
    /// Every criterion of the rubric with its score.
    pub scores: Vec<ScoreBody>,
    /// The supervisor's comments.
    pub comments: String,
    /// Submitted (final, and visible to the intern).
    pub submitted: bool,
    /// The first day it may be submitted, `YYYY-MM-DD`.
    pub opens: String,
}

/// One intern's internship.
#[derive(Debug, Serialize, ToSchema)]
pub struct InternshipBody {
    /// The intern's application.
    pub application: i64,
    /// The session.
    pub session: i64,
    /// The unit's code (the accepted offer's placement's).
    pub unit: String,
    /// The placement's title in the visitor's language.
    pub placement: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The supervisor's account id.
    pub supervisor: Option<i64>,
    /// The supervisor's address.
    pub supervisor_email: Option<String>,
    /// Still an intern (`false`: the offer ended before the start).
    pub active: bool,
    /// Evaluations saved so far (drafts included, for the office).
    pub evaluations: Vec<EvaluationBody>,
}

/// A session's interns.
#[derive(Debug, Serialize, ToSchema)]
pub struct InternshipsBody {
    /// The interns the caller may see.
    pub internships: Vec<InternshipBody>,
}

/// The office's dates and supervisor for an internship.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InternshipRequest {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, not before the first.
    pub end: String,
    /// A supervisor's account id; none to leave it unassigned.
    #[serde(default)]
    pub supervisor: Option<i64>,
}

/// An evaluation as the supervisor saves it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EvaluationRequest {
    /// Scores by criterion key (1 to 5 with the default rubric).
    #[serde(default)]
    pub scores: BTreeMap<String, i64>,
    /// Comments.
    #[serde(default)]
    pub comments: String,
    /// Submit it: every criterion scored, comments written; final afterwards.
    #[serde(default)]
    pub submit: bool,
}

pub(crate) fn evaluation_body(
    row: &EvaluationRow,
    internship: &Internship,
    lang: Lang,
) -> EvaluationBody {
    let scores: BTreeMap<String, i64> = serde_json::from_str(&row.scores).unwrap_or_default();
    let kind = EvaluationKind::parse(&row.kind).unwrap_or(EvaluationKind::Final);
    EvaluationBody {
        kind: row.kind.clone(),
        scores: internship
            .rubric
            .criteria
            .iter()
            .map(|c| ScoreBody {
                criterion: c.key.clone(),
                label: c.label.get(lang).clone(),
                score: scores.get(&c.key).copied(),
            })
            .collect(),
        comments: row.comments.clone(),
        submitted: row.submitted_at.is_some(),
        opens: internship.period.opens_on(kind).to_string(),
    }
}

fn body(internship: &Internship, lang: Lang) -> InternshipBody {
    InternshipBody {
        application: internship.row.application_id,
        session: internship.session.id.0,
        unit: internship.placement.unit.as_str().to_owned(),
        placement: internship.placement.title.get(lang).clone(),
        start: internship.period.start().to_string(),
        end: internship.period.end().to_string(),
        supervisor: internship.row.supervisor_id,
        supervisor_email: internship.row.supervisor_email.clone(),
        active: internship.active(),
        evaluations: internship
            .evaluations
            .iter()
            .map(|e| evaluation_body(e, internship, lang))
            .collect(),
    }
}

/// A session's interns: every one for coordinators, their own for a supervisor.
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/internships", operation_id = "office_internships", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The interns", body = InternshipsBody),
        (status = 400, description = "Not a session id", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn get_internships(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<InternshipsBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::NoRoute))?;
    let (_, interns) = super::of_session(&state, &staff, id).await.map_err(fail)?;
    super::audit_view(
        &state,
        &staff,
        peer,
        "internships.list",
        &format!("session:{id}"),
    )
    .await
    .map_err(fail)?;
    Ok(Json(InternshipsBody {
        internships: interns.iter().map(|i| body(i, visitor.lang)).collect(),
    }))
}

/// One intern's internship and evaluations (coordinators, or the intern's supervisor).
#[utoipa::path(get, path = "/api/v1/office/internships/{id}", operation_id = "office_internship", tag = "office",
    params(("id" = i64, Path, description = "The intern's application id")),
    responses(
        (status = 200, description = "The internship", body = InternshipBody),
        (status = 400, description = "Not an id", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed", body = ErrorBody),
        (status = 404, description = "No such intern for this account", body = ErrorBody),
    ))]
pub async fn get_internship(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<InternshipBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::NoRoute))?;
    let internship = super::for_staff(&state, &staff, id).await.map_err(fail)?;
    super::audit_view(
        &state,
        &staff,
        peer,
        "internship.view",
        &format!("application:{id}"),
    )
    .await
    .map_err(fail)?;
    Ok(Json(body(&internship, visitor.lang)))
}

/// Sets an intern's dates and supervisor (coordinators). Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/internships/{id}", operation_id = "office_put_internship", tag = "office",
    params(("id" = i64, Path, description = "The intern's application id")),
    request_body = InternshipRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such intern for this account", body = ErrorBody),
        (status = 422, description = "A date that is not one, the end before the start (both named), too long, or not a supervisor", body = ErrorBody),
    ))]
pub async fn put_internship(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    request: Result<Json<InternshipRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::NoRoute))?;
    staff
        .require(cohort_domain::Permission::ManageSessions)
        .map_err(fail)?;
    let Json(request) = request.map_err(|_| fail(ApiError::BadBody))?;
    super::set(
        &state,
        &staff,
        peer,
        id,
        &request.start,
        &request.end,
        request.supervisor,
    )
    .await
    .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The supervisor saves, or submits, an evaluation of their intern. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/internships/{id}/evaluations/{kind}", operation_id = "office_save_evaluation", tag = "office",
    params(("id" = i64, Path, description = "The intern's application id"), ("kind" = String, Path, description = "`midterm` or `final`")),
    request_body = EvaluationRequest,
    responses(
        (status = 204, description = "Saved (and submitted, when asked)"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such intern of this supervisor, or no such kind", body = ErrorBody),
        (status = 409, description = "Already submitted, not open yet (the day it opens is named), or the offer ended", body = ErrorBody),
        (status = 422, description = "A score out of range, an unknown criterion, a missing score or comments (on submit), comments too long", body = ErrorBody),
    ))]
pub async fn put_evaluation(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, String)>, PathRejection>,
    request: Result<Json<EvaluationRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path((id, kind)) = path.map_err(|_| fail(ApiError::NoRoute))?;
    let kind = EvaluationKind::parse(&kind).ok_or_else(|| fail(ApiError::NoRoute))?;
    staff
        .require(cohort_domain::Permission::SuperviseInterns)
        .map_err(fail)?;
    let Json(request) = request.map_err(|_| fail(ApiError::BadBody))?;
    let draft = EvaluationDraft {
        scores: request.scores,
        comments: request.comments,
    };
    super::evaluate(&state, &staff, peer, id, kind, draft, request.submit)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}
