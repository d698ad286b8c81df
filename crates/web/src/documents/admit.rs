//! Uploads in flight are bounded: each holds its file in memory (up to 5 MB) while it is
//! checked, read in the sandbox and stored, so only [`UPLOADS_AT_ONCE`] are read at once;
//! others wait their turn (their bodies not yet read) or are answered 503.

use crate::admission::Admission;
use crate::api::ApiError;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// Uploads (documents and sheets) read at once: 80 MB of files at most.
pub const UPLOADS_AT_ONCE: usize = 16;

/// The turns of uploads, for [`AppState`].
pub fn uploads() -> Admission {
    Admission::new(UPLOADS_AT_ONCE, 1024, Duration::from_secs(30))
}

/// Gives a `POST` its turn before its body is read.
pub async fn admit(
    State(state): State<AppState>,
    visitor: Visitor,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    match state.uploads.turn().await {
        Ok(_turn) => next.run(request).await,
        Err(_) => {
            tracing::warn!("too many uploads at once: answered 503");
            let busy = ApiError::Busy.into_localized(&state, visitor);
            if request.uri().path().starts_with("/api/") {
                busy.into_response()
            } else {
                busy.into_text_response()
            }
        }
    }
}
