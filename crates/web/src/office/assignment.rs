//! Two reviewers for each shortlisted application: the coordinator asks, and each
//! application without its two reviewers gets them from the units it chose (see
//! `cohort_domain::review::assign`). Reviewers find theirs on their home page.

use super::Staff;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::review::{assign, ReviewerLoad, ToAssign};
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// What an assignment did.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssignBody {
    /// New (application, reviewer) pairs.
    pub assigned: usize,
    /// Applications left with fewer than two reviewers: their units lack reviewers.
    pub short: Vec<i64>,
}

/// Completes each shortlisted application of the session to two reviewers; audited.
pub async fn assign_reviewers(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    session: i64,
) -> Result<AssignBody, ApiError> {
    staff.require(Permission::ScreenApplications)?;
    let session = state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    let list = super::api::session_list(state, session.id).await?;
    let store = &state.store;
    let assignments = store
        .assignments(session.id)
        .await
        .map_err(ApiError::internal)?;
    let conflicts = store
        .session_conflicts(session.id)
        .await
        .map_err(ApiError::internal)?;
    let people = store.staff_accounts().await.map_err(ApiError::internal)?;
    let mut assigned: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut load: HashMap<i64, usize> = HashMap::new();
    for &(application, reviewer) in &assignments {
        assigned.entry(application).or_default().push(reviewer);
        *load.entry(reviewer).or_default() += 1;
    }
    let mut conflicted: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(application, reviewer) in &conflicts {
        conflicted.entry(application).or_default().push(reviewer);
    }
    let applications: Vec<ToAssign> = list
        .entries
        .iter()
        .filter(|e| e.row.status == ApplicationStatus::Shortlisted)
        .map(|e| ToAssign {
            application: e.row.id,
            units: e.units.clone(),
            assigned: assigned.remove(&e.row.id).unwrap_or_default(),
            conflicted: conflicted.remove(&e.row.id).unwrap_or_default(),
        })
        .collect();
    let reviewers: Vec<ReviewerLoad> = people
        .iter()
        .filter(|(a, _)| a.role == "reviewer")
        .map(|(a, units)| ReviewerLoad {
            id: a.id,
            units: units.clone(),
            load: load.get(&a.id).copied().unwrap_or(0),
        })
        .collect();
    let done = assign(&applications, &reviewers);
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("session:{}", session.id.0);
    let detail =
        serde_json::json!({ "assigned": done.pairs.len(), "short": done.short }).to_string();
    let audit = staff.audit_entry(&label, "review.assign", &subject, &detail, &address);
    store
        .add_assignments(&done.pairs, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?;
    Ok(AssignBody {
        assigned: done.pairs.len(),
        short: done.short,
    })
}

/// Assigns two reviewers to each shortlisted application lacking them. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/assignments", operation_id = "office_assign_reviewers", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "What was assigned, and what could not be", body = AssignBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn post_assignments(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<AssignBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let body = assign_reviewers(&state, &staff, peer, id)
        .await
        .map_err(fail)?;
    Ok(Json(body))
}

/// `POST /office/sessions/{id}/assignments` (the report's button): back to the report,
/// which says how many were assigned and which applications lack reviewers.
pub async fn assign_page(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let staff = match super::pages::posted_form(&state, visitor, &uri, &headers, &body).await {
        Ok((staff, _)) => staff,
        Err(response) => return response,
    };
    let Ok(id) = id.parse::<i64>() else {
        return super::pages::hidden(&state, visitor, &uri).await;
    };
    match assign_reviewers(&state, &staff, peer, id).await {
        Ok(done) => axum::response::Redirect::to(&format!(
            "/office/sessions/{id}/report?assigned={}&short={}#reviewers-title",
            done.assigned,
            done.short.len()
        ))
        .into_response(),
        Err(ApiError::Internal) => {
            crate::pages::forms::internal(&state, state.locales.tr(visitor.lang), &uri)
        }
        Err(_) => super::pages::hidden(&state, visitor, &uri).await,
    }
}
