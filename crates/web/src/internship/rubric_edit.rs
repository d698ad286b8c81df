//! Coordinators define a session's evaluation rubric as TOML (the product's default until
//! they do), while no evaluation of the session exists: `GET|PUT
//! /api/v1/office/sessions/{id}/evaluation-rubric` and the form on the internships page.

use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::internship::{EvaluationRubric, EvaluationRubricError};
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A session's evaluation rubric.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RubricText {
    /// The rubric as TOML: `lowest`, `highest`, `max_comment_chars` and `[[criteria]]` with
    /// `key`, `label.en`, `label.fr`.
    pub rubric: String,
}

/// The problem of a rubric, worded for the user.
pub fn problem(error: &EvaluationRubricError) -> ApiError {
    let (key, args) = match error {
        EvaluationRubricError::Syntax(detail) => {
            ("rubric-syntax", vec![("detail", detail.clone())])
        }
        EvaluationRubricError::Key(key) => ("rubric-key", vec![("key", key.clone())]),
        EvaluationRubricError::Scale => ("rubric-scale", Vec::new()),
        EvaluationRubricError::Label(key) => ("rubric-label", vec![("key", key.clone())]),
    };
    ApiError::InvalidArgs {
        field: "rubric".into(),
        key,
        args,
    }
}

async fn session(state: &AppState, staff: &Staff, id: i64) -> Result<SessionId, ApiError> {
    staff.require(Permission::ManageSessions)?;
    let found = state
        .store
        .session_by_id(SessionId(id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    Ok(found.id)
}

/// Checks and stores `text` as the rubric of session `id` (coordinators), audited; 409
/// once an evaluation of the session exists.
pub async fn save(
    state: &AppState,
    staff: &Staff,
    id: i64,
    text: &str,
    address: &str,
) -> Result<(), ApiError> {
    let session = session(state, staff, id).await?;
    let rubric = EvaluationRubric::from_toml(text).map_err(|e| problem(&e))?;
    let canonical = rubric.to_toml();
    let label = staff.label();
    let subject = format!("session:{}", session.0);
    let detail = serde_json::json!({ "rubric": canonical }).to_string();
    let audit = staff.audit_entry(&label, "evaluation.rubric", &subject, &detail, address);
    state
        .store
        .set_evaluation_rubric(session.0, &canonical, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| ApiError::Conflict {
            key: "rubric-frozen",
            args: Vec::new(),
        })
}

/// A session's evaluation rubric as TOML.
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/evaluation-rubric", operation_id = "office_get_evaluation_rubric", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The rubric", body = RubricText),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn get_rubric(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<RubricText>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let session = session(&state, &staff, id).await.map_err(fail)?;
    let rubric = super::rubric_of(&state, session).await.map_err(fail)?;
    Ok(Json(RubricText {
        rubric: rubric.to_toml(),
    }))
}

/// Replaces a session's evaluation rubric, checked whole first; refused once an evaluation
/// exists. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/sessions/{id}/evaluation-rubric", operation_id = "office_put_evaluation_rubric", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = RubricText,
    responses(
        (status = 200, description = "Stored; the rubric as kept", body = RubricText),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 409, description = "An evaluation of the session exists: the rubric is frozen", body = ErrorBody),
        (status = 422, description = "Not a rubric: the mistake is named", body = ErrorBody),
    ))]
pub async fn put_rubric(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<RubricText>, JsonRejection>,
) -> Result<Json<RubricText>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    staff.require(Permission::ManageSessions).map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    save(&state, &staff, id, &body.rubric, &peer.ip().to_string())
        .await
        .map_err(fail)?;
    let rubric = super::rubric_of(&state, SessionId(id))
        .await
        .map_err(fail)?;
    Ok(Json(RubricText {
        rubric: rubric.to_toml(),
    }))
}
