//! Coordinators define a session's pre-arrival checklist as TOML (NATO's until they do):
//! `GET|PUT /api/v1/office/sessions/{id}/checklist` and the form under the onboarding
//! table. A checklist is checked whole before it is stored; the change is audited.

use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::onboarding::{Checklist, ChecklistError};
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A session's checklist.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ChecklistText {
    /// The checklist as TOML: `[[items]]` with `key`, `label.en`, `label.fr`, `owner`
    /// (`candidate` or `office`), `kind` (`task`, `document` or `clearance`) and
    /// `due_days_before_start`.
    pub checklist: String,
}

/// The problem of a checklist, worded for the user.
pub fn problem(error: &ChecklistError) -> ApiError {
    let (key, args) = match error {
        ChecklistError::Syntax(detail) => ("checklist-syntax", vec![("detail", detail.clone())]),
        ChecklistError::Key(key) => ("checklist-key", vec![("key", key.clone())]),
        ChecklistError::Clearances => ("checklist-clearances", Vec::new()),
        ChecklistError::Label(key) => ("checklist-label", vec![("key", key.clone())]),
    };
    ApiError::InvalidArgs {
        field: "checklist".into(),
        key,
        args,
    }
}

/// The checklist of `session` as TOML (coordinators).
pub async fn current(state: &AppState, staff: &Staff, session: i64) -> Result<String, ApiError> {
    staff.require(Permission::ManageSessions)?;
    state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    Ok(super::checklist_of(state, SessionId(session))
        .await?
        .to_toml())
}

/// Checks and stores `text` as the checklist of `session` (coordinators), audited.
pub async fn save(
    state: &AppState,
    staff: &Staff,
    session: i64,
    text: &str,
    address: &str,
) -> Result<(), ApiError> {
    staff.require(Permission::ManageSessions)?;
    let found = state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    let checklist = Checklist::from_toml(text).map_err(|e| problem(&e))?;
    let canonical = checklist.to_toml();
    let label = staff.label();
    let subject = format!("session:{}", found.id.0);
    let detail = serde_json::json!({ "checklist": canonical }).to_string();
    let audit = staff.audit_entry(&label, "onboarding.checklist", &subject, &detail, address);
    state
        .store
        .set_checklist(found.id, &canonical, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)
}

/// A session's pre-arrival checklist as TOML (NATO's until the office sets one).
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/checklist", operation_id = "office_get_checklist", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The checklist", body = ChecklistText),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn get_checklist(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ChecklistText>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let checklist = current(&state, &staff, id).await.map_err(fail)?;
    Ok(Json(ChecklistText { checklist }))
}

/// Replaces a session's pre-arrival checklist, checked whole first. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/sessions/{id}/checklist", operation_id = "office_put_checklist", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = ChecklistText,
    responses(
        (status = 200, description = "Stored; the checklist as kept", body = ChecklistText),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 422, description = "Not a checklist: the mistake is named", body = ErrorBody),
    ))]
pub async fn put_checklist(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<ChecklistText>, JsonRejection>,
) -> Result<Json<ChecklistText>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    staff.require(Permission::ManageSessions).map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    save(&state, &staff, id, &body.checklist, &peer.ip().to_string())
        .await
        .map_err(fail)?;
    let checklist = current(&state, &staff, id).await.map_err(fail)?;
    Ok(Json(ChecklistText { checklist }))
}
