//! The web shell of Cohort: server-rendered pages in French and English, the JSON API
//! under `/api/v1` with its OpenAPI document, and the health checks.
//!
//! Handlers are thin: they read the request, ask the domain (here: the catalogue snapshot
//! and its search index), and render. No SQL here; the store does that.

mod accounts;
mod api;
mod applying;
mod auth;
mod documents;
mod i18n;
mod office;
mod ops;
mod pages;
mod privacy;
mod profiles;
pub mod retention;
mod state;
mod static_files;
mod visitor;

pub use documents::open_files;
pub use i18n::Locales;
pub use office::invite::{invite_staff, Invitation, InviteProblem, INVITATION_MILLIS};
pub use state::{system_clock, AppState, Clock, FilesAt, Settings};

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::routing::{get, post};
use axum::Router;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// Every route of the application.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .route("/", get(pages::home))
        .route("/units/{code}", get(pages::unit))
        .route("/search", get(pages::search))
        .route("/api/docs", get(pages::api_reference))
        .route("/register", get(pages::register_form).post(pages::register))
        .route("/verify", get(pages::verify))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/password-reset", get(pages::reset_form).post(pages::reset))
        .route("/my-application", get(pages::my_application))
        .route("/my-application/profile", post(pages::save_profile))
        .route("/my-application/draft", post(pages::save_draft))
        .route(
            "/my-application/documents",
            post(pages::upload_document).layer(DefaultBodyLimit::max(documents::MAX_BODY_BYTES)),
        )
        .route("/my-application/submit", post(pages::submit))
        .route("/my-application/withdraw", post(pages::withdraw))
        .route("/api/v1/units", get(api::units::list))
        .route("/api/v1/units/{code}", get(api::units::detail))
        .route("/api/v1/search", get(api::search::search))
        .route("/api/v1/auth/register", post(api::auth::register))
        .route("/api/v1/auth/verify", post(api::auth::verify))
        .route("/api/v1/auth/login", post(api::auth::login))
        .route("/api/v1/auth/logout", post(api::auth::logout))
        .route("/api/v1/me", get(api::auth::me).delete(privacy::api::delete_account))
        .route("/api/v1/me/export", get(privacy::api::export))
        .route("/api/v1/me/profile", get(api::profile::get_profile).put(api::profile::put_profile))
        .route("/api/v1/auth/password-reset/request", post(api::auth::request_reset))
        .route("/api/v1/auth/password-reset", post(api::auth::reset_password))
        .route("/api/v1/sessions", get(api::sessions::list))
        .route("/api/v1/sessions/{id}/placements", get(api::sessions::placements))
        .route("/api/v1/sessions/{id}/application", get(api::applications::get).put(api::applications::save))
        .route("/api/v1/sessions/{id}/application/submit", post(api::applications::submit))
        .route("/api/v1/sessions/{id}/application/withdraw", post(api::applications::withdraw))
        .route(
            "/api/v1/sessions/{id}/application/documents",
            get(documents::api::list)
                .post(documents::api::upload)
                .layer(DefaultBodyLimit::max(documents::MAX_BODY_BYTES)),
        )
        .route("/api/v1/sessions/{id}/application/documents/{kind}", get(documents::api::download))
        .route("/office", get(office::pages::home))
        .route("/office/audit", get(office::pages::audit_log))
        .route("/office/sessions/{id}/applications", get(office::pages::screening))
        .route("/office/sessions/{id}/applications/decisions", post(office::pages::decide))
        .route("/office/sessions/{id}/report", get(office::report::report))
        .route("/office/applications/{id}", get(office::pages::application))
        .route("/office/applications/{id}/review", post(office::pages::save_review))
        .route("/office/applications/{id}/conflict", post(office::pages::conflict))
        .route("/office/applications/{id}/eligibility", post(office::pages::override_eligibility))
        .route("/office/placements/{id}/ranking", get(office::pages::ranking).post(office::pages::reorder))
        .route("/api/v1/office/sessions/{id}/applications", get(office::api::list_applications))
        .route("/api/v1/office/sessions/{id}/applications/export", get(office::download::export_applications))
        .route("/api/v1/office/audit", get(office::audit_log::api::get_audit))
        .route("/api/v1/office/audit/export", get(office::audit_log::api::export_audit))
        .route("/api/v1/office/staff", get(office::staff_api::get_staff).post(office::staff_api::post_invite))
        .route("/api/v1/office/applications/{id}", get(office::api::get_application))
        .route("/api/v1/office/applications/{id}/review", axum::routing::put(office::review_api::put_review))
        .route("/api/v1/office/applications/{id}/conflict", post(office::review_api::post_conflict))
        .route("/api/v1/office/applications/{id}/eligibility", post(office::eligibility::post_override))
        .route("/api/v1/office/applications/{id}/reviews", get(office::review_api::get_reviews))
        .route("/api/v1/office/placements/{id}/ranking", get(office::review_api::get_ranking).put(office::review_api::put_ranking))
        .route("/api/v1/office/sessions/{id}/ranking/close", post(office::review_api::close_ranking))
        .route("/api/v1/office/applications/decisions", post(office::api::decide))
        .route("/api/openapi.json", get(api::openapi::document))
        .route("/static/style.css", get(static_files::style))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .fallback(pages::not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(visitor::remember_language))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                    let id = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
                }))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(SetResponseHeaderLayer::overriding(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"),
                ))
                .layer(SetResponseHeaderLayer::overriding(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("same-origin"),
                )),
        )
}

/// Serves the application on `listener` until `shutdown` completes, then finishes the
/// requests in flight. The catalogue snapshot is refreshed from the store every few seconds.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    state.spawn_refresher(Duration::from_secs(3));
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
