//! What every response carries for the browser's protection, and the login-CSRF guard of
//! the forms that work without a session; one middleware, [`layer`], wraps the router.
//!
//! - `Content-Security-Policy` (unless a handler set its own), `X-Content-Type-Options`,
//!   `Referrer-Policy`, `Permissions-Policy` on every response;
//! - `Strict-Transport-Security` when the public URL is `https`;
//! - `Cache-Control: no-store` on every response that is personal: to a visitor with a
//!   session cookie, one that opens a session, a download (`Content-Disposition`), a
//!   calendar feed, a page reached with an e-mailed token;
//! - [`origin`]: sign-in, registration and password-reset posts from another site refused.

pub mod origin;

use crate::auth::session::{session_token, COOKIE_NAME};
use crate::state::AppState;
use crate::visitor;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cohort_i18n::Tr;

/// The policy of every page: our own resources only, no plug-ins, no `<base>`, forms
/// posted to us only, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// No page of ours uses these browser features; nothing injected may either.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/// A year, subdomains included, once the site is reached over https.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// The middleware: refuses a cross-site sign-in, registration or reset, runs the request,
/// and sets the headers above on the response.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if let Some(guard) = origin::guard_for(request.method(), &path) {
        if !origin::allowed(guard, request.headers(), &state.settings.public_url) {
            tracing::warn!(%path, "cross-site post refused");
            let mut response = refused(&state, guard, request.uri(), request.headers());
            set_headers(&state, &mut response, true);
            return response;
        }
    }
    let personal = session_token(request.headers()).is_some()
        || path.starts_with("/calendar/")
        || carries_token(request.uri());
    let mut response = next.run(request).await;
    let personal = personal
        || response.headers().contains_key(header::CONTENT_DISPOSITION)
        || opens_session(response.headers());
    // the style sheet is the same for everyone: let it be cached
    set_headers(
        &state,
        &mut response,
        personal && !path.starts_with("/static/"),
    );
    response
}

fn set_headers(state: &AppState, response: &mut Response, no_store: bool) {
    let headers = response.headers_mut();
    let fixed = |value: &'static str| HeaderValue::from_static(value);
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            fixed(CONTENT_SECURITY_POLICY),
        );
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, fixed("nosniff"));
    headers.insert(header::REFERRER_POLICY, fixed("same-origin"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        fixed(PERMISSIONS_POLICY),
    );
    if state.settings.secure_cookies() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            fixed(STRICT_TRANSPORT_SECURITY),
        );
    }
    let stored_nowhere = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|d| d.trim() == "no-store"));
    if no_store && !stored_nowhere {
        headers.insert(header::CACHE_CONTROL, fixed("no-store"));
    }
}

/// Whether the address holds an e-mailed token (`/verify?token=…`, a reset link).
fn carries_token(uri: &Uri) -> bool {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).any(|(k, _)| k == "token")
}

/// Whether the response sets the session cookie (signing in: its body may hold the CSRF
/// token).
fn opens_session(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.trim_start().starts_with(&format!("{COOKIE_NAME}=")))
}

/// The refusal of a cross-site post, in the visitor's language: a page for a form, the
/// API's error body for JSON.
fn refused(state: &AppState, guard: origin::Guard, uri: &Uri, headers: &HeaderMap) -> Response {
    let lang = visitor::negotiate(uri.query(), headers);
    match guard {
        origin::Guard::Api => crate::api::ApiError::CrossOrigin
            .into_localized(state, visitor::Visitor { lang })
            .into_response(),
        origin::Guard::Form => {
            let tr: Tr<'_> = state.locales.tr(lang);
            crate::pages::forms::notice(
                state,
                tr,
                uri,
                StatusCode::FORBIDDEN,
                tr.t("cross-site-title"),
                tr.t("cross-site-body"),
                Some((uri.path().to_owned(), tr.t("cross-site-again"))),
            )
        }
    }
}
