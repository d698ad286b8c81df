//! `/api/v1/me/calendar`: create (or replace) and revoke one's calendar feed.

use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// A new feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeedBody {
    /// The feed's address, shown once; whoever has it sees the dates. Any earlier address
    /// stops working.
    pub url: String,
}

/// Creates a calendar feed of one's dates (revoking any earlier one). Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/me/calendar", operation_id = "new_calendar_feed", tag = "accounts",
    responses(
        (status = 201, description = "The feed's address", body = FeedBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
    ))]
pub async fn post_feed(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
) -> Result<(StatusCode, Json<FeedBody>), LocalizedError> {
    let url = super::new_feed(&state, who.account.id)
        .await
        .map_err(|e| e.into_localized(&state, visitor))?;
    Ok((StatusCode::CREATED, Json(FeedBody { url })))
}

/// Revokes one's calendar feed: its address stops working. Needs `X-CSRF-Token`.
#[utoipa::path(delete, path = "/api/v1/me/calendar", operation_id = "revoke_calendar_feed", tag = "accounts",
    responses(
        (status = 204, description = "Revoked (or there was none)"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
    ))]
pub async fn delete_feed(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
) -> Result<StatusCode, LocalizedError> {
    state
        .store
        .revoke_calendar_feed(who.account.id)
        .await
        .map_err(|e| ApiError::internal(e).into_localized(&state, visitor))?;
    Ok(StatusCode::NO_CONTENT)
}
