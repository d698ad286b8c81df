//! `/api/v1/sessions/{id}/application`: the signed-in candidate's own application.
//! Every path answers only about the caller's application: another's is unreachable.

pub(crate) use super::eligibility::failed_rules;
use super::error::{ApiError, ErrorBody, LocalizedError};
use super::sessions::find_session;
use crate::applying;
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::application::MAX_MOTIVATION_CHARS;
use cohort_domain::instant::rfc3339;
use cohort_domain::session::Session;
use cohort_store::ApplicationRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a candidate writes in a draft.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftRequest {
    /// Placement ids, best first; at most the session's `max_choices`, distinct.
    #[serde(default)]
    pub choices: Vec<i64>,
    /// Motivation, at most 4,000 characters.
    #[serde(default)]
    pub motivation: String,
}

/// One change in the application's life.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventBody {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// `created`, `saved`, `submitted`, `withdrawn`.
    pub kind: String,
    /// The status after it.
    pub status: String,
}

/// The candidate's application.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationBody {
    /// The session.
    pub session_id: i64,
    /// `draft`, `submitted` or `withdrawn`.
    pub status: String,
    /// Placement ids, best first.
    pub choices: Vec<i64>,
    /// Motivation text.
    pub motivation: String,
    /// The most characters the motivation may have.
    pub motivation_max_chars: usize,
    /// The deadline, in the programme's time zone.
    pub deadline: String,
    /// When it was submitted (RFC 3339, UTC), if it was.
    pub submitted_at: Option<String>,
    /// Every change, oldest first.
    pub timeline: Vec<EventBody>,
}

async fn body(
    state: &AppState,
    session: &Session,
    row: &ApplicationRow,
) -> Result<ApplicationBody, cohort_store::StoreError> {
    let timeline = state
        .store
        .application_events(row.id)
        .await?
        .into_iter()
        .map(|e| EventBody {
            at: rfc3339(e.at),
            kind: e.kind,
            status: e.status.as_str().to_owned(),
        })
        .collect();
    Ok(ApplicationBody {
        session_id: session.id.0,
        status: row.status.as_str().to_owned(),
        choices: row.choices.iter().map(|p| p.0).collect(),
        motivation: row.motivation.clone(),
        motivation_max_chars: MAX_MOTIVATION_CHARS,
        deadline: session.window.closes().to_string(),
        submitted_at: row.submitted_at.map(rfc3339),
        timeline,
    })
}

/// The caller's application to the session in the path, or the API's 404.
async fn own_application(
    state: &AppState,
    visitor: Visitor,
    account: i64,
    id: Result<Path<i64>, PathRejection>,
) -> Result<(Session, ApplicationRow), LocalizedError> {
    let session = find_session(state, visitor, id).await?;
    let fail = |e: ApiError| e.into_localized(state, visitor);
    let row = state
        .store
        .application(account, session.id)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .ok_or_else(|| fail(ApiError::ApplicationNotFound))?;
    Ok((session, row))
}

/// The caller's application to the session.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application", operation_id = "get_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The application", body = ApplicationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session, or no application yet", body = ErrorBody),
    ))]
pub async fn get(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let (session, row) = own_application(&state, visitor, signed_in.account.id, id).await?;
    body(&state, &session, &row)
        .await
        .map(Json)
        .map_err(|e| ApiError::internal(e).into_localized(&state, visitor))
}

/// Creates or updates the caller's draft (choices and motivation). Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/application", operation_id = "save_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = DraftRequest,
    responses(
        (status = 200, description = "The saved draft", body = ApplicationBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session", body = ErrorBody),
        (status = 409, description = "Already submitted or withdrawn, or the deadline has passed", body = ErrorBody),
        (status = 422, description = "A choice or the motivation is refused; the field is named", body = ErrorBody),
    ))]
pub async fn save(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
    request: Result<Json<DraftRequest>, JsonRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let internal = |e: cohort_store::StoreError| fail(ApiError::internal(e));
    let session = find_session(&state, visitor, id).await?;
    let Json(request) = request.map_err(|_| fail(ApiError::BadBody))?;
    let row = applying::save_draft(
        &state,
        signed_in.account.id,
        &session,
        &request.choices,
        &request.motivation,
    )
    .await
    .map_err(fail)?;
    body(&state, &session, &row)
        .await
        .map(Json)
        .map_err(internal)
}

/// Submits the caller's draft: inside the window, eligible, with at least one choice and
/// both documents. After this the application is read-only. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/submit", operation_id = "submit_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "Submitted", body = ApplicationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session, or no application yet", body = ErrorBody),
        (status = 409, description = "Already submitted or withdrawn, or outside the window (the deadline is shown in the programme's time zone)", body = ErrorBody),
        (status = 422, description = "Not eligible (every failed rule is stated), no choice, or a document missing", body = ErrorBody),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let internal = |e: cohort_store::StoreError| fail(ApiError::internal(e));
    let account = signed_in.account.id;
    let (session, row) = own_application(&state, visitor, account, id).await?;
    let row = applying::submit(&state, visitor, account, &session, row)
        .await
        .map_err(fail)?;
    body(&state, &session, &row)
        .await
        .map(Json)
        .map_err(internal)
}

/// Withdraws the caller's application (possible until an offer is accepted). Needs
/// `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/withdraw", operation_id = "withdraw_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "Withdrawn", body = ApplicationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session, or no application yet", body = ErrorBody),
        (status = 409, description = "Already withdrawn", body = ErrorBody),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let (session, row) = own_application(&state, visitor, signed_in.account.id, id).await?;
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let row = applying::withdraw(&state, &session, row)
        .await
        .map_err(fail)?;
    body(&state, &session, &row)
        .await
        .map(Json)
        .map_err(|e| fail(ApiError::internal(e)))
}
