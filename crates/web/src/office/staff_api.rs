//! `/api/v1/office/staff`: the staff list, and invitations — an administrator invites
//! anyone, a coordinator invites reviewers. The invited person gets an e-mail with a
//! one-time link to choose a password.

use super::Staff;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use cohort_app::staff::{invite_staff, Invitation, InviteProblem};
use cohort_domain::{Lang, Permission, Role};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An invitation.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InviteRequest {
    /// The person's address.
    pub email: String,
    /// `reviewer`, `supervisor`, `coordinator` or `administrator`.
    pub role: String,
    /// A reviewer's host units (catalogue codes).
    #[serde(default)]
    pub units: Vec<String>,
    /// `en` or `fr` (default: the inviter's language).
    pub lang: Option<String>,
}

/// A staff member.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffBody {
    /// Address.
    pub email: String,
    /// Role.
    pub role: String,
    /// A reviewer's units.
    pub units: Vec<String>,
}

/// Who may invite `role`: an administrator anyone, a coordinator reviewers.
pub(crate) fn parse_invitation(
    staff: &Staff,
    request: &InviteRequest,
    fallback: Lang,
) -> Result<Invitation, ApiError> {
    let role = Role::parse(&request.role)
        .filter(|r| *r != Role::Candidate)
        .ok_or(ApiError::Invalid {
            field: "role",
            key: "invite-role",
        })?;
    if !staff.role.may_invite(role) {
        return Err(ApiError::NoRoute);
    }
    let lang = match request.lang.as_deref() {
        None | Some("") => fallback,
        Some(code) => Lang::parse(code).ok_or(ApiError::Invalid {
            field: "lang",
            key: "invite-lang",
        })?,
    };
    Ok(Invitation {
        email: request.email.trim().to_owned(),
        role,
        units: request
            .units
            .iter()
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty())
            .collect(),
        lang,
    })
}

/// Sends the invitation (shared with the page).
pub(crate) async fn invite(
    state: &AppState,
    staff: &Staff,
    invitation: &Invitation,
) -> Result<(), ApiError> {
    let snapshot = state.snapshot();
    invite_staff(&state.app(), &snapshot.catalogue, invitation, true)
        .await
        .map(|_| ())
        .map_err(|problem| match problem {
            InviteProblem::Store(e) => ApiError::internal(e),
            other => {
                let (field, key) = other.field_and_key();
                ApiError::Invalid { field, key }
            }
        })?;
    let actor = staff.label();
    let detail = serde_json::json!({ "email": invitation.email, "role": invitation.role.as_str(), "units": invitation.units }).to_string();
    state
        .store
        .audit(
            &cohort_store::NewAuditEntry {
                actor_id: Some(staff.account.id),
                actor: &actor,
                action: "staff.invite",
                subject: &format!("account:{}", invitation.email.to_lowercase()),
                detail: &detail,
                address: None,
            },
            state.settings.now(),
        )
        .await
        .map(|_| ())
        .map_err(ApiError::internal)
}

/// Invites a staff member by e-mail. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/staff", operation_id = "office_invite", tag = "office",
    request_body = InviteRequest,
    responses(
        (status = 201, description = "Invited: an e-mail with a one-time link is on its way"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "Not for this account (or this role)", body = ErrorBody),
        (status = 422, description = "A field is refused (address, role, units, an address that has an account); it is named", body = ErrorBody),
    ))]
pub async fn post_invite(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    body: Result<Json<InviteRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff.require(Permission::InviteReviewers).map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let invitation = parse_invitation(&staff, &body, visitor.lang).map_err(fail)?;
    invite(&state, &staff, &invitation).await.map_err(fail)?;
    Ok(StatusCode::CREATED)
}

/// The staff accounts.
#[utoipa::path(get, path = "/api/v1/office/staff", operation_id = "office_staff", tag = "office",
    responses(
        (status = 200, description = "Every staff account", body = [StaffBody]),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
    ))]
pub async fn get_staff(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
) -> Result<Json<Vec<StaffBody>>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff.require(Permission::InviteReviewers).map_err(fail)?;
    let all = state
        .store
        .staff_accounts()
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    Ok(Json(
        all.into_iter()
            .map(|(a, units)| StaffBody {
                email: a.email,
                role: a.role,
                units,
            })
            .collect(),
    ))
}
