//! The checklist over JSON: the intern's own (`/api/v1/sessions/{id}/application/checklist`)
//! and the office's table (`/api/v1/office/sessions/{id}/onboarding`).

use super::{ItemView, Who};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::onboarding::{ItemAction, ItemKind, Owner};
use cohort_domain::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One item.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemBody {
    /// Stable key, e.g. `clearance`.
    pub key: String,
    /// In the visitor's language.
    pub label: String,
    /// `candidate` or `office`.
    pub owner: String,
    /// `task`, `document` or `clearance`.
    pub kind: String,
    /// `todo`, `requested`, `in_progress`, `done` or `refused`.
    pub status: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: String,
    /// Open and past its due date.
    pub overdue: bool,
}

/// An intern's checklist.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChecklistBody {
    /// Items, in order.
    pub items: Vec<ItemBody>,
}

/// One intern in the office's table.
#[derive(Debug, Serialize, ToSchema)]
pub struct InternBody {
    /// The application.
    pub application: i64,
    /// The intern's name.
    pub name: String,
    /// Still accepted (`false`: the offer ended).
    pub active: bool,
    /// Their items.
    pub items: Vec<ItemBody>,
}

/// A session's interns and their checklists.
#[derive(Debug, Serialize, ToSchema)]
pub struct OnboardingBody {
    /// The interns.
    pub interns: Vec<InternBody>,
}

/// A change of one item.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ItemRequest {
    /// `request`, `progress`, `complete`, `refuse` or `reopen` (an intern may only complete).
    #[serde(default)]
    pub action: Option<String>,
    /// A due date, `YYYY-MM-DD`, not after the start (office only).
    #[serde(default)]
    pub due: Option<String>,
}

/// The item's new status.
#[derive(Debug, Serialize, ToSchema)]
pub struct ItemStatusBody {
    /// Where it stands now.
    pub status: String,
}

pub(crate) fn item_body(view: &ItemView, lang: Lang) -> ItemBody {
    ItemBody {
        key: view.item.key.clone(),
        label: view.item.label.get(lang).clone(),
        owner: match view.item.owner {
            Owner::Candidate => "candidate",
            Owner::Office => "office",
        }
        .to_owned(),
        kind: match view.item.kind {
            ItemKind::Task => "task",
            ItemKind::Document => "document",
            ItemKind::Clearance => "clearance",
        }
        .to_owned(),
        status: view.status.as_str().to_owned(),
        due: view.due.to_string(),
        overdue: view.overdue,
    }
}

fn parse_action(request: &ItemRequest) -> Result<Option<ItemAction>, ApiError> {
    match request.action.as_deref() {
        None => Ok(None),
        Some(text) => ItemAction::parse(text).map(Some).ok_or(ApiError::Invalid {
            field: "action",
            key: "onboarding-action-unknown",
        }),
    }
}

/// The signed-in intern's checklist (after accepting an offer).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/checklist", operation_id = "get_checklist", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The checklist", body = ChecklistBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No accepted offer in this session", body = ErrorBody),
    ))]
pub async fn get_checklist(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ChecklistBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let (_, _, views) = super::candidate_items(&state, who.account.id, id)
        .await
        .map_err(fail)?;
    Ok(Json(ChecklistBody {
        items: views.iter().map(|v| item_body(v, visitor.lang)).collect(),
    }))
}

/// The intern completes one of their items. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/checklist/{key}", operation_id = "act_on_checklist", tag = "applications",
    params(("id" = i64, Path, description = "The session's id"), ("key" = String, Path, description = "The item's key")),
    request_body = ItemRequest,
    responses(
        (status = 200, description = "The item's new status", body = ItemStatusBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No accepted offer or no such item", body = ErrorBody),
        (status = 409, description = "Not the intern's item, or not possible now; the reason is given", body = ErrorBody),
        (status = 422, description = "Unknown action", body = ErrorBody),
    ))]
pub async fn post_candidate_item(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    peer: ClientAddr,
    path: Result<Path<(i64, String)>, PathRejection>,
    body: Result<Json<ItemRequest>, JsonRejection>,
) -> Result<Json<ItemStatusBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path((session, key)) = path.map_err(|_| fail(ApiError::SessionNotFound))?;
    let (_, application, _) = super::candidate_items(&state, who.account.id, session)
        .await
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let action = parse_action(&body).map_err(fail)?;
    let address = peer.ip().to_string();
    let status = super::act_on(
        &state,
        Who::Candidate(&who.account),
        application,
        &key,
        super::Move {
            action,
            due: body.due.as_deref(),
            document: None,
        },
        &address,
    )
    .await
    .map_err(fail)?;
    Ok(Json(ItemStatusBody {
        status: status.as_str().to_owned(),
    }))
}

/// Every intern of a session with their checklist (coordinators).
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/onboarding", operation_id = "office_onboarding", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The interns and their items", body = OnboardingBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn get_onboarding(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<OnboardingBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let (_, _, interns) = super::session_table(&state, &staff, id)
        .await
        .map_err(fail)?;
    Ok(Json(OnboardingBody {
        interns: interns
            .iter()
            .map(|i| InternBody {
                application: i.application,
                name: i.name.clone(),
                active: i.active,
                items: i.items.iter().map(|v| item_body(v, visitor.lang)).collect(),
            })
            .collect(),
    }))
}

/// The office moves an intern's item or sets its due date. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/applications/{id}/checklist/{key}", operation_id = "office_act_on_checklist", tag = "office",
    params(("id" = i64, Path, description = "The application's id"), ("key" = String, Path, description = "The item's key")),
    request_body = ItemRequest,
    responses(
        (status = 200, description = "The item's new status", body = ItemStatusBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such application or item for this account", body = ErrorBody),
        (status = 409, description = "Not possible now; the reason is given", body = ErrorBody),
        (status = 422, description = "Unknown action, or a due date that is not a date or falls after the start (both dates named)", body = ErrorBody),
    ))]
pub async fn post_office_item(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, String)>, PathRejection>,
    body: Result<Json<ItemRequest>, JsonRejection>,
) -> Result<Json<ItemStatusBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path((application, key)) = path.map_err(|_| fail(ApiError::ApplicationNotFound))?;
    staff
        .require(cohort_domain::Permission::ManageSessions)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let action = parse_action(&body).map_err(fail)?;
    let address = peer.ip().to_string();
    let status = super::act_on(
        &state,
        Who::Office(&staff),
        application,
        &key,
        super::Move {
            action,
            due: body.due.as_deref(),
            document: None,
        },
        &address,
    )
    .await
    .map_err(fail)?;
    Ok(Json(ItemStatusBody {
        status: status.as_str().to_owned(),
    }))
}
