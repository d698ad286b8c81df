//! `/api/v1/office/sessions…` and `/api/v1/office/placements/{id}`: sessions and
//! placements edited over JSON (coordinators). A sheet import answers with every problem
//! when asked for a dry run, and writes nothing unless every row is good.

use super::{EditError, SessionForm, Staff};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use cohort_domain::review::Rubric;
use cohort_domain::session::{PlacementFields, SessionFields};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A session to create or replace.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SessionRequest {
    /// The session's fields.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub fields: SessionFields,
    /// Eligibility rules as TOML; NATO's when absent.
    #[serde(default)]
    pub rules: Option<String>,
    /// Blind review (default on).
    #[serde(default)]
    pub blind: Option<bool>,
    /// Review scores further apart than this are flagged (0–4, default 1.5).
    #[serde(default)]
    pub disagreement: Option<f64>,
    /// The rubric's criteria; the default rubric when absent.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub rubric: Option<Rubric>,
}

/// A created object's id.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedBody {
    /// Its id.
    pub id: i64,
}

/// Open or close the application window now.
#[derive(Debug, Deserialize, ToSchema)]
pub struct WindowRequest {
    /// `true` opens now, `false` closes now.
    pub open: bool,
}

/// `?dry_run=true` only reads the sheet.
#[derive(Debug, Default, Deserialize)]
pub struct ImportQuery {
    #[serde(default)]
    dry_run: bool,
}

/// One problem of a sheet.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemBody {
    /// `rows[3].capacity`, or `file`.
    pub field: String,
    /// What is wrong, in the visitor's language.
    pub message: String,
}

/// What an import read and did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportBody {
    /// Good placements read.
    pub placements: usize,
    /// Whether they were written.
    pub written: bool,
    /// Every problem (a dry run lists them; a write with problems is a 422).
    pub problems: Vec<ProblemBody>,
}

fn form(body: SessionRequest) -> SessionForm {
    let defaults = super::new_form();
    SessionForm {
        fields: body.fields,
        rules: body.rules.unwrap_or(defaults.rules),
        blind: body.blind.unwrap_or(true),
        disagreement: body
            .disagreement
            .map_or(defaults.disagreement, |d| d.to_string()),
        rubric: body.rubric.map_or(defaults.rubric, |r| r.to_lines()),
    }
}

fn id_of(path: Result<Path<i64>, PathRejection>) -> Result<i64, ApiError> {
    path.map(|Path(id)| id)
        .map_err(|_| ApiError::SessionNotFound)
}

/// Creates a session. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions", operation_id = "office_create_session", tag = "office",
    request_body = SessionRequest,
    responses(
        (status = 201, description = "Created", body = CreatedBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
        (status = 422, description = "A field is wrong; it is named", body = ErrorBody),
    ))]
pub async fn post_session(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    body: Result<Json<SessionRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<CreatedBody>), LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff
        .require(cohort_domain::Permission::ManageSessions)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let id = super::create(&state, &staff, peer, &form(body))
        .await
        .map_err(|e| fail(e.into_api()))?;
    Ok((StatusCode::CREATED, Json(CreatedBody { id: id.0 })))
}

/// Replaces a session's fields and review settings. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/sessions/{id}", operation_id = "office_update_session", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = SessionRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 422, description = "A field is wrong; it is named", body = ErrorBody),
    ))]
pub async fn put_session(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<SessionRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id).map_err(fail)?;
    super::editable(&state, &staff, id).await.map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    super::update(&state, &staff, peer, id, &form(body))
        .await
        .map_err(|e| fail(e.into_api()))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Opens or closes the application window now. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/window", operation_id = "office_session_window", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = WindowRequest,
    responses(
        (status = 204, description = "Done"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn post_window(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<WindowRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id).map_err(fail)?;
    super::editable(&state, &staff, id).await.map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    super::move_window(&state, &staff, peer, id, body.open)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a placement to a session. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/placements", operation_id = "office_add_placement", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body(content = Object, description = "unit, capacity, title_en, title_fr, description_en, description_fr, languages (`en:C1 fr:B2`), fields (`law; economics`), all as text"),
    responses(
        (status = 201, description = "Created", body = CreatedBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 422, description = "A field is wrong; it is named", body = ErrorBody),
    ))]
pub async fn post_placement(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<PlacementFields>, JsonRejection>,
) -> Result<(StatusCode, Json<CreatedBody>), LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id).map_err(fail)?;
    super::editable(&state, &staff, id).await.map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let placement = super::add_placement(&state, &staff, peer, id, &body)
        .await
        .map_err(|e| fail(e.into_api()))?;
    Ok((StatusCode::CREATED, Json(CreatedBody { id: placement.0 })))
}

/// Replaces a placement's fields. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/placements/{id}", operation_id = "office_update_placement", tag = "office",
    params(("id" = i64, Path, description = "The placement's id")),
    request_body(content = Object, description = "the same fields as when adding a placement"),
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such placement for this account", body = ErrorBody),
        (status = 422, description = "A field is wrong; it is named", body = ErrorBody),
    ))]
pub async fn put_placement(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<PlacementFields>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::NoRoute))?;
    super::editable_placement(&state, &staff, id)
        .await
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    super::edit_placement(&state, &staff, peer, id, &body)
        .await
        .map_err(|e| fail(e.into_api()))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Imports placements from a CSV or XLSX sheet sent as the body (header row: unit,
/// capacity, title_en, title_fr, description_en, description_fr, languages, fields).
/// `?dry_run=true` lists every problem and writes nothing. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/placements/import", operation_id = "office_import_placements", tag = "office",
    params(("id" = i64, Path, description = "The session's id"), ("dry_run" = Option<bool>, Query, description = "Only read the sheet")),
    request_body(content = Vec<u8>, description = "The sheet, CSV (UTF-8, `,` or `;`) or XLSX", content_type = "application/octet-stream"),
    responses(
        (status = 200, description = "Read (and written unless a dry run)", body = ImportBody),
        (status = 400, description = "The query is not understood", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 422, description = "A row is wrong (the first is named); nothing was written", body = ErrorBody),
    ))]
pub async fn post_import(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    query: Result<Query<ImportQuery>, QueryRejection>,
    body: Bytes,
) -> Result<Json<ImportBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id).map_err(fail)?;
    super::editable(&state, &staff, id).await.map_err(fail)?;
    let Query(query) = query.map_err(|_| fail(ApiError::BadBody))?;
    let dry_run = query.dry_run;
    match super::import(&state, &staff, peer, id, &body, !dry_run).await {
        Ok(placements) => Ok(Json(ImportBody {
            placements: placements.len(),
            written: !dry_run,
            problems: Vec::new(),
        })),
        Err(EditError::Problems(problems)) if dry_run => {
            let tr = state.locales.tr(visitor.lang);
            Ok(Json(ImportBody {
                placements: 0,
                written: false,
                problems: problems
                    .into_iter()
                    .map(|p| ProblemBody {
                        message: tr.with_args(p.key, &p.args),
                        field: p.field,
                    })
                    .collect(),
            }))
        }
        Err(e) => Err(fail(e.into_api())),
    }
}
