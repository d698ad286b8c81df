//! What one client may hold of the server: connections, requests in flight, and time.
//!
//! - A connection that has not sent a whole request head within
//!   [`ServerLimits::header_read_timeout`] is closed (slowloris); the same timer runs while
//!   a kept-alive connection waits for its next request, so idle connections go too.
//! - A request body that pauses longer than [`ServerLimits::body_read_timeout`] fails.
//! - A request is answered within [`ServerLimits::request_timeout`], or
//!   [`ServerLimits::long_request_timeout`] for uploads, imports, exports and downloads;
//!   past it the client gets 503 with `Retry-After`.
//! - At most [`ServerLimits::max_connections`] connections are served at once (others wait
//!   in the kernel's backlog) and [`ServerLimits::max_in_flight`] requests are handled at
//!   once; more get 503 with `Retry-After` at once, before their body is read.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Seconds a client is asked to wait before trying again after a 503.
pub const RETRY_AFTER_SECONDS: u64 = 5;

/// Timeouts and limits of connections and requests (flags of `cohort serve`).
#[derive(Debug, Clone)]
pub struct ServerLimits {
    /// The longest a client may take to send a request head (and the longest a kept-alive
    /// connection stays idle).
    pub header_read_timeout: Duration,
    /// The longest pause while a request body streams in.
    pub body_read_timeout: Duration,
    /// The longest a request may take.
    pub request_timeout: Duration,
    /// The longest an upload, import, export or download may take.
    pub long_request_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
    /// Requests handled at once.
    pub max_in_flight: usize,
}

impl Default for ServerLimits {
    fn default() -> ServerLimits {
        ServerLimits {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(15),
            request_timeout: Duration::from_secs(30),
            long_request_timeout: Duration::from_secs(300),
            max_connections: 2048,
            max_in_flight: 512,
        }
    }
}

/// The requests in flight, shared by the middleware of one server.
#[derive(Debug, Clone)]
pub struct InFlight {
    limits: ServerLimits,
    permits: Arc<Semaphore>,
}

impl InFlight {
    /// The admission of one server with these limits.
    pub fn new(limits: ServerLimits) -> InFlight {
        let permits = Arc::new(Semaphore::new(limits.max_in_flight.max(1)));
        InFlight { limits, permits }
    }
}

/// Admits a request if the server has room, and bounds the time it may take.
pub async fn guard(State(in_flight): State<InFlight>, request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let Ok(_permit) = in_flight.permits.clone().try_acquire_owned() else {
        tracing::warn!("too many requests in flight: answered 503");
        return busy(api);
    };
    let timeout = if is_long(request.uri().path()) {
        in_flight.limits.long_request_timeout
    } else {
        in_flight.limits.request_timeout
    };
    match tokio::time::timeout(timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(?timeout, "a request took too long: answered 503");
            busy(api)
        }
    }
}

/// Routes that move files or build exports: uploads, imports, downloads, exports.
fn is_long(path: &str) -> bool {
    [
        "/documents",
        "/document",
        "/import",
        "/export",
        "/instance",
        "/result",
        "/certificate",
    ]
    .iter()
    .any(|part| path.contains(part))
}

/// 503 with `Retry-After`, worded in both languages (it is answered before the request's
/// language is known); for the API, in its JSON error form.
pub fn busy(api: bool) -> Response {
    const MESSAGE: &str = "Le service est très sollicité : réessayez dans quelques secondes. \
                           The service is busy: please try again in a few seconds.";
    let mut response = if api {
        let body = serde_json::json!({
            "error": { "code": "service_unavailable", "message": MESSAGE }
        });
        (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, MESSAGE).into_response()
    };
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_routes() {
        for (path, long) in [
            ("/api/v1/sessions/3/application/documents", true),
            ("/my-application/documents", true),
            ("/api/v1/me/export", true),
            ("/office/sessions/2/placements/import", true),
            ("/api/v1/office/sessions/2/applications/export", true),
            ("/api/v1/auth/login", false),
            ("/units/DI", false),
        ] {
            assert_eq!(super::is_long(path), long, "{path}");
        }
    }
}
