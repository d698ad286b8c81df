//! Eligibility overrides: a coordinator holds an application that failed the session's
//! rules as eligible, with a written justification (`POST
//! /api/v1/office/applications/{id}/eligibility`, and the form on the application's page).
//! The rules are the domain's (`decide_override`, `Reason`); the store writes the override,
//! its timeline event and the audit entry together. Anyone else gets 404.

use super::Staff;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use cohort_domain::application::{decide_override, OverrideRefusal, Reason, ReasonProblem};
use cohort_domain::Permission;
use cohort_store::{EligibilityOverride, NewAuditEntry};
use serde::Deserialize;
use utoipa::ToSchema;

/// An eligibility override.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OverrideRequest {
    /// Why the application is held eligible (1 to 2,000 characters); kept with the
    /// override and in the audit log.
    pub justification: String,
}

fn refusal_key(refusal: OverrideRefusal) -> &'static str {
    match refusal {
        OverrideRefusal::NotSubmitted => "office-decision-not-submitted",
        OverrideRefusal::Withdrawn => "office-decision-withdrawn",
        OverrideRefusal::AlreadyEligible => "office-override-already-eligible",
    }
}

/// Holds application `id` eligible with `justification`, for coordinators.
pub(crate) async fn override_eligibility(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    justification: &str,
) -> Result<(), ApiError> {
    staff.require(Permission::ScreenApplications)?;
    let row = state
        .store
        .screening_row(id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)?;
    let justification = Reason::parse(justification).map_err(|p| ApiError::Invalid {
        field: "justification",
        key: match p {
            ReasonProblem::Missing => "office-justification-missing",
            ReasonProblem::TooLong => "office-justification-too-long",
        },
    })?;
    decide_override(row.status, row.eligible).map_err(|refusal| ApiError::Conflict {
        key: refusal_key(refusal),
        args: Vec::new(),
    })?;
    let (actor, address) = (staff.label(), peer.ip().to_string());
    let subject = format!("application:{id}");
    let detail = serde_json::json!({ "justification": justification.as_str() }).to_string();
    let change = EligibilityOverride {
        application_id: id,
        status: row.status,
        justification: justification.as_str(),
        actor_id: staff.account.id,
        audit: NewAuditEntry {
            actor_id: Some(staff.account.id),
            actor: &actor,
            action: "application.eligibility_override",
            subject: &subject,
            detail: &detail,
            address: Some(&address),
        },
    };
    state
        .store
        .override_eligibility(&change, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| ApiError::Conflict {
            key: "office-decision-changed-meanwhile",
            args: Vec::new(),
        })
}

/// Holds an ineligible application eligible, with a written justification. Needs
/// `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/applications/{id}/eligibility", operation_id = "office_override_eligibility", tag = "office",
    params(("id" = i64, Path, description = "The application's id")),
    request_body = OverrideRequest,
    responses(
        (status = 204, description = "Held eligible; recorded in the audit log"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such application, or not for this account", body = ErrorBody),
        (status = 409, description = "Already eligible, withdrawn, or changed meanwhile", body = ErrorBody),
        (status = 422, description = "No justification, or too long; the field is named", body = ErrorBody),
    ))]
pub async fn post_override(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<OverrideRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Ok(Path(id)) = id else {
        return Err(fail(ApiError::ApplicationNotFound));
    };
    staff
        .require(Permission::ScreenApplications)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    override_eligibility(&state, &staff, peer, id, &body.justification)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}
