//! The web shell of Cohort: server-rendered pages in French and English, the JSON API
//! under `/api/v1` with its OpenAPI document, and the health checks.
//!
//! Handlers are thin: they read the request, ask the domain (here: the catalogue snapshot
//! and its search index), and render. No SQL here; the store does that.

mod accounts;
mod admission;
mod api;
mod applying;
mod auth;
mod body_limits;
mod calendar;
mod certificate;
pub mod client_addr;
mod connections;
mod documents;
pub mod gate;
mod internship;
mod limits;
mod mail_templates;
mod offers;
mod office;
mod onboarding;
mod ops;
mod pages;
mod privacy;
mod profiles;
pub mod rate_limits;
mod security;
mod state;
mod static_files;
mod testimonials;
mod visitor;

pub use client_addr::{Cidr, ClientAddr};
pub use cohort_app::staff::{invite_staff, Invitation, InviteProblem, INVITATION_MILLIS};
pub use cohort_i18n::Locales;
pub use cohort_untrusted::sandbox::ChildCommand;
pub use documents::open_files;
pub use internship::due as evaluations_due;
pub use limits::ServerLimits;
pub use onboarding::reminders;
pub use state::{
    system_clock, AppState, Clock, FilesAt, IdleTimeouts, Passwords, Settings, TrustedProxies,
    WorkLimit,
};
pub use testimonials::invitation as testimonial_invitation;

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Request};
use axum::routing::{get, post, put};
use axum::Router;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
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
            post(pages::upload_document).layer(DefaultBodyLimit::max(documents::MAX_BODY_BYTES)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)),
        )
        .route("/my-application/submit", post(pages::submit))
        .route("/my-application/withdraw", post(pages::withdraw))
        .route("/my-offer", get(offers::page::my_offer))
        .route("/my-offer/{session}/testimonial", post(offers::page::testimonial))
        .route("/my-internship", get(internship::mine::page))
        .route("/api/v1/sessions/{id}/application/internship", get(internship::mine::get_mine))
        .route("/api/v1/office/sessions/{id}/internships", get(internship::api::get_internships))
        .route("/api/v1/office/internships/{id}", get(internship::api::get_internship).put(internship::api::put_internship))
        .route("/api/v1/office/internships/{id}/evaluations/{kind}", axum::routing::put(internship::api::put_evaluation))
        .route("/office/sessions/{id}/internships", get(internship::page::internships))
        .route("/office/internships/{id}", get(internship::evaluate::internship).post(internship::page::set))
        .route("/office/internships/{id}/evaluations/{kind}", post(internship::evaluate::evaluate))
        .route("/api/v1/sessions/{id}/application/testimonial", post(testimonials::api::post_testimonial))
        .route("/api/v1/sessions/{id}/application/certificate", get(certificate::get_certificate))
        .route("/api/v1/office/testimonials", get(testimonials::api::get_pending))
        .route("/api/v1/office/testimonials/{id}", post(testimonials::api::post_moderation))
        .route("/office/testimonials", get(testimonials::page::testimonials))
        .route("/office/testimonials/{id}", post(testimonials::page::moderate))
        .route("/api/v1/office/mail-templates", get(mail_templates::api::list))
        .route(
            "/api/v1/office/mail-templates/{kind}/{lang}",
            put(mail_templates::api::save).delete(mail_templates::api::reset),
        )
        .route(
            "/api/v1/office/mail-templates/{kind}/{lang}/preview",
            post(mail_templates::api::preview),
        )
        .route("/office/mail-templates", get(mail_templates::page::list))
        .route(
            "/office/mail-templates/{kind}/{lang}",
            get(mail_templates::page::edit).post(mail_templates::page::post),
        )
        .route("/calendar", get(calendar::page::calendar).post(calendar::page::change))
        .route("/calendar/{file}", get(calendar::feed))
        .route("/api/v1/me/calendar", post(calendar::api::post_feed).delete(calendar::api::delete_feed))
        .route("/my-offer/{session}", post(offers::page::answer))
        .route("/my-offer/{session}/checklist/{key}", post(offers::page::checklist))
        .route(
            "/my-offer/{session}/checklist/{key}/document",
            post(offers::page::checklist_document)
                .layer(DefaultBodyLimit::max(documents::MAX_BODY_BYTES)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)),
        )
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
        .route("/api/v1/sessions/{id}/application/outcome", get(offers::api::get_outcome))
        .route("/api/v1/sessions/{id}/application/checklist", get(onboarding::api::get_checklist))
        .route("/api/v1/sessions/{id}/application/checklist/{key}", post(onboarding::api::post_candidate_item))
        .route("/api/v1/office/sessions/{id}/onboarding", get(onboarding::api::get_onboarding))
        .route("/api/v1/office/applications/{id}/checklist/{key}", post(onboarding::api::post_office_item))
        .route(
            "/api/v1/sessions/{id}/application/checklist/{key}/document",
            get(onboarding::documents::get_document)
                .post(onboarding::documents::post_document)
                .layer(DefaultBodyLimit::max(documents::MAX_BODY_BYTES)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)),
        )
        .route(
            "/api/v1/office/applications/{id}/checklist/{key}/document",
            get(onboarding::documents::get_office_document),
        )
        .route("/office/sessions/{id}/onboarding", get(onboarding::page::onboarding))
        .route("/office/applications/{id}/checklist/{key}", post(onboarding::page::office_act))
        .route(
            "/api/v1/office/sessions/{id}/checklist",
            get(onboarding::checklist_edit::get_checklist).put(onboarding::checklist_edit::put_checklist),
        )
        .route("/office/sessions/{id}/checklist", post(onboarding::page::save_checklist))
        .route(
            "/api/v1/office/sessions/{id}/evaluation-rubric",
            get(internship::rubric_edit::get_rubric).put(internship::rubric_edit::put_rubric),
        )
        .route("/office/sessions/{id}/evaluation-rubric", post(internship::page::save_rubric))
        .route("/api/v1/sessions/{id}/application/offer", post(offers::api::post_answer))
        .route(
            "/api/v1/sessions/{id}/application/documents",
            get(documents::api::list)
                .post(documents::api::upload)
                .layer(DefaultBodyLimit::max(documents::MAX_BODY_BYTES)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)),
        )
        .route("/api/v1/sessions/{id}/application/documents/{kind}", get(documents::api::download))
        .route("/office", get(office::pages::home))
        .route("/office/audit", get(office::pages::audit_log))
        .route("/office/sessions/{id}/applications", get(office::pages::screening))
        .route(
            "/office/sessions/{id}/applications/decisions",
            post(office::pages::decide).layer(DefaultBodyLimit::max(body_limits::DECISIONS_BYTES)),
        )
        .route("/office/sessions/{id}/report", get(office::report::report))
        .route("/office/applications/{id}", get(office::pages::application))
        .route("/office/applications/{id}/review", post(office::pages::save_review))
        .route("/office/applications/{id}/conflict", post(office::pages::conflict))
        .route("/office/applications/{id}/eligibility", post(office::pages::override_eligibility))
        .route("/office/placements/{id}/ranking", get(office::pages::ranking).post(office::pages::reorder))
        .route("/office/sessions/new", get(office::sessions::page::new_session).post(office::sessions::page::create_session))
        .route("/office/sessions/{id}/edit", get(office::sessions::page::edit_session).post(office::sessions::page::save_session))
        .route("/office/sessions/{id}/window", post(office::sessions::page::window))
        .route("/office/sessions/{id}/placements/new", get(office::sessions::page::new_placement).post(office::sessions::page::add_placement))
        .route(
            "/office/sessions/{id}/placements/import",
            post(office::sessions::page::preview_import).layer(DefaultBodyLimit::max(cohort_untrusted::sheet::MAX_SHEET_BYTES + 64 * 1024)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)),
        )
        .route("/office/sessions/{id}/placements/import/confirm", post(office::sessions::page::confirm_import).layer(DefaultBodyLimit::max(4 * cohort_untrusted::sheet::MAX_SHEET_BYTES)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)))
        .route("/office/placements/{id}/edit", get(office::sessions::page::edit_placement).post(office::sessions::page::save_placement))
        .route("/api/v1/office/sessions", post(office::sessions::api::post_session))
        .route("/api/v1/office/sessions/{id}", axum::routing::put(office::sessions::api::put_session))
        .route("/api/v1/office/sessions/{id}/window", post(office::sessions::api::post_window))
        .route("/api/v1/office/sessions/{id}/placements", post(office::sessions::api::post_placement))
        .route("/api/v1/office/sessions/{id}/placements/import", post(office::sessions::api::post_import).layer(DefaultBodyLimit::max(cohort_untrusted::sheet::MAX_SHEET_BYTES + 1)).layer(axum::middleware::from_fn_with_state(state.clone(), documents::admit::admit)))
        .route("/api/v1/office/placements/{id}", axum::routing::put(office::sessions::api::put_placement))
        .route("/office/sessions/{id}/allocation", get(office::allocation::page::allocation))
        .route("/office/sessions/{id}/allocation/caps", post(office::allocation::page::save_caps))
        .route("/office/sessions/{id}/allocation/runs", post(office::allocation::page::run_round))
        .route("/office/sessions/{id}/allocation/runs/{run}/publish", post(office::allocation::page::publish))
        .route("/office/sessions/{id}/ranking/close", post(office::allocation::page::close_ranking))
        .route("/api/v1/office/sessions/{id}/allocation", get(office::allocation::api::get_allocation))
        .route("/api/v1/office/sessions/{id}/allocation/caps", axum::routing::put(office::allocation::api::put_caps))
        .route("/api/v1/office/sessions/{id}/allocation/runs", post(office::allocation::api::post_run))
        .route("/api/v1/office/sessions/{id}/allocation/runs/{run}", get(office::allocation::api::get_run))
        .route("/api/v1/office/sessions/{id}/allocation/runs/{run}/instance", get(office::allocation::api::get_instance))
        .route("/api/v1/office/sessions/{id}/allocation/runs/{run}/result", get(office::allocation::api::get_result))
        .route("/api/v1/office/sessions/{id}/allocation/runs/{run}/publish", post(office::allocation::api::post_publish))
        .route("/api/v1/office/sessions/{id}/assignments", post(office::assignment::post_assignments))
        .route("/office/sessions/{id}/assignments", post(office::assignment::assign_page))
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
        .route(
            "/api/v1/office/applications/decisions",
            post(office::api::decide).layer(DefaultBodyLimit::max(body_limits::DECISIONS_BYTES)),
        )
        .route("/api/openapi.json", get(api::openapi::document))
        .route("/static/style.css", get(static_files::style))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .fallback(pages::not_found)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(state.clone(), body_limits::guard))
        .layer(DefaultBodyLimit::max(body_limits::DEFAULT_BYTES))
        .layer(axum::middleware::from_fn(visitor::remember_language))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::layer))
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            state.settings.limits.body_read_timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            limits::InFlight::new(state.settings.limits.clone()),
            limits::guard,
        ))
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
                .layer(PropagateRequestIdLayer::new(request_id)),
        )
}

/// Serves the application on `listener` until `shutdown` completes, then finishes the
/// requests in flight. The catalogue snapshot is refreshed from the store every few seconds.
///
/// HTTP/1.1 with the limits of [`limits::ServerLimits`]: a header-read timeout on every
/// connection, a bounded number of connections and of requests in flight.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    state.spawn_refresher(Duration::from_secs(3));
    documents::cv_text::spawn_readers(&state);
    let limits = state.settings.limits.clone();
    let app = router(state);
    connections::serve(listener, app, &limits, shutdown).await;
    Ok(())
}
