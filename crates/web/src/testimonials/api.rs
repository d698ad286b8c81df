//! Testimonials over JSON: the intern writes (`…/application/testimonial`), the office
//! lists and moderates (`/api/v1/office/testimonials`).

use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use cohort_domain::internship::{Moderation, ModerationAction, TestimonialDraft};
use cohort_domain::{Lang, Permission};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A testimonial as written.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TestimonialRequest {
    /// `en` or `fr`: the language it is written in.
    pub lang: String,
    /// The text (3,000 characters at most).
    pub body: String,
    /// The same in the other language, if given.
    #[serde(default)]
    pub other: Option<String>,
    /// The office may shorten or correct it.
    #[serde(default)]
    pub consent_to_edit: bool,
}

/// A testimonial waiting for the office.
#[derive(Debug, Serialize, ToSchema)]
pub struct PendingBody {
    /// Its id.
    pub id: i64,
    /// The unit's code.
    pub unit: String,
    /// Its language.
    pub lang: String,
    /// The text.
    pub body: String,
    /// The other version.
    pub other: Option<String>,
    /// The author consents to edits.
    pub consent_to_edit: bool,
}

/// A moderation.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ModerationRequest {
    /// `approve`, `edit` (approve with `body`, only with the author's consent) or `reject`.
    pub action: String,
    /// The office's text, for `edit`.
    #[serde(default)]
    pub body: Option<String>,
}

pub(crate) fn action(text: &str) -> Option<ModerationAction> {
    match text {
        "approve" => Some(ModerationAction::Approve),
        "edit" => Some(ModerationAction::EditAndApprove),
        "reject" => Some(ModerationAction::Reject),
        _ => None,
    }
}

/// The intern writes about their internship, once it has ended. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/testimonial", operation_id = "write_testimonial", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = TestimonialRequest,
    responses(
        (status = 204, description = "Saved; the office will read it"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No application in this session", body = ErrorBody),
        (status = 409, description = "The internship has not ended, or the testimonial was already moderated", body = ErrorBody),
        (status = 422, description = "Empty, too long, or an unknown language; the field is named", body = ErrorBody),
    ))]
pub async fn post_testimonial(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<TestimonialRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let lang = Lang::parse(&body.lang).ok_or_else(|| {
        fail(ApiError::Invalid {
            field: "lang",
            key: "testimonial-lang-unknown",
        })
    })?;
    let draft = TestimonialDraft {
        lang,
        body: body.body,
        other: body.other,
        consent_to_edit: body.consent_to_edit,
    };
    super::submit(&state, who.account.id, id, draft)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Testimonials waiting for moderation (coordinators).
#[utoipa::path(get, path = "/api/v1/office/testimonials", operation_id = "office_testimonials", tag = "office",
    responses(
        (status = 200, description = "Pending testimonials, oldest first", body = Vec<PendingBody>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
    ))]
pub async fn get_pending(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
) -> Result<Json<Vec<PendingBody>>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff.require(Permission::ManageSessions).map_err(fail)?;
    let rows = state
        .store
        .testimonials(Moderation::Pending)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    Ok(Json(
        rows.into_iter()
            .map(|r| PendingBody {
                id: r.id,
                unit: r.unit_code,
                lang: r.lang,
                body: r.body,
                other: r.body_other,
                consent_to_edit: r.consent_edit,
            })
            .collect(),
    ))
}

/// Approves, edits or rejects a testimonial. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/testimonials/{id}", operation_id = "office_moderate_testimonial", tag = "office",
    params(("id" = i64, Path, description = "The testimonial's id")),
    request_body = ModerationRequest,
    responses(
        (status = 204, description = "Done"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such testimonial for this account", body = ErrorBody),
        (status = 409, description = "Already moderated, or an edit without the author's consent", body = ErrorBody),
        (status = 422, description = "Unknown action, or an empty or too long edit", body = ErrorBody),
    ))]
pub async fn post_moderation(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<ModerationRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::NoRoute))?;
    staff.require(Permission::ManageSessions).map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let action = action(&body.action).ok_or_else(|| {
        fail(ApiError::Invalid {
            field: "action",
            key: "testimonial-action-unknown",
        })
    })?;
    super::moderate(&state, &staff, peer, id, action, body.body.as_deref())
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}
