//! How large a request body may be, route by route, checked before it is read.
//!
//! A declared `Content-Length` over the route's limit is answered 413 at once, in the
//! visitor's language and naming the limit; a body without a length is cut at the same
//! limit by axum's `DefaultBodyLimit` as it streams in (the layers in `router`).

use crate::api::ApiError;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Every body not named below: forms, JSON, TOML and templates sent as text.
pub const DEFAULT_BYTES: usize = 256 * 1024;
/// A bulk decision over many applications (ids only).
pub const DECISIONS_BYTES: usize = 2 * 1024 * 1024;

/// The body limit of the route at `path`.
pub fn limit_for(path: &str) -> usize {
    let sheet = cohort_untrusted::sheet::MAX_SHEET_BYTES;
    if path.ends_with("/documents") || path.ends_with("/document") {
        crate::documents::MAX_BODY_BYTES
    } else if path.ends_with("/placements/import/confirm") {
        4 * sheet
    } else if path.ends_with("/placements/import") {
        sheet + 64 * 1024
    } else if path.ends_with("/decisions") {
        DECISIONS_BYTES
    } else {
        DEFAULT_BYTES
    }
}

/// Refuses a request whose declared length is over its route's limit.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit = limit_for(request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(length) if length > limit as u64 => {
            let (mut parts, _) = request.into_parts();
            let visitor = Visitor::from_request_parts(&mut parts, &state)
                .await
                .unwrap_or_else(|never| match never {});
            let error = ApiError::BodyTooLarge {
                limit_kib: limit / 1024,
            };
            let api = parts.uri.path().starts_with("/api/");
            let localized = error.into_localized(&state, visitor);
            if api {
                localized.into_response()
            } else {
                localized.into_text_response()
            }
        }
        _ => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn limits_by_route() {
        for (path, limit) in [
            (
                "/api/v1/sessions/1/application/documents",
                crate::documents::MAX_BODY_BYTES,
            ),
            (
                "/my-offer/1/checklist/insurance/document",
                crate::documents::MAX_BODY_BYTES,
            ),
            (
                "/api/v1/office/sessions/1/placements/import",
                2 * 1024 * 1024 + 64 * 1024,
            ),
            (
                "/api/v1/office/applications/decisions",
                super::DECISIONS_BYTES,
            ),
            ("/api/v1/auth/register", super::DEFAULT_BYTES),
            ("/api/v1/office/sessions/1/checklist", super::DEFAULT_BYTES),
        ] {
            assert_eq!(super::limit_for(path), limit, "{path}");
        }
    }
}
