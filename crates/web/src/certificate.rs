//! The certificate of internship: a PDF the product writes, in French or English, once
//! the internship is completed — the intern's name as submitted, the unit, the placement
//! and the internship's dates (the office's, else the session's period). `GET /api/v1/sessions/{id}/application/certificate?lang=fr|en`.

use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use cohort_domain::internship::{certificate_pdf, Line};
use cohort_domain::session::SessionId;
use cohort_domain::Lang;

/// The certificate's PDF for the intern `account` in `session`, in `lang`.
pub async fn certificate(
    state: &AppState,
    account: i64,
    session: i64,
    lang: Lang,
) -> Result<Vec<u8>, ApiError> {
    let (application, _) = crate::testimonials::writable(state, account, session)
        .await
        .map_err(|e| match e {
            ApiError::Conflict { .. } => ApiError::Conflict {
                key: "certificate-not-yet",
                args: Vec::new(),
            },
            other => other,
        })?;
    let store = &state.store;
    let found = store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    let offer = store
        .offer_of(application)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)?;
    let placement = store
        .placement(offer.placement_id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Internal)?;
    let period = crate::internship::period_of_application(state, application, &found).await?;
    let name = crate::internship::intern_name(state, application).await?;
    let tr = state.locales.tr(lang);
    let snapshot = state.snapshot();
    let unit = crate::office::pages::unit_name(&snapshot.catalogue, placement.unit.as_str(), lang);
    let today = state
        .settings
        .now_timestamp()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let args = [
        ("name", name),
        ("unit", unit),
        ("placement", placement.title.get(lang).clone()),
        ("start", period.start().to_string()),
        ("end", period.end().to_string()),
        (
            "programme",
            snapshot.catalogue.programme().name.get(lang).clone(),
        ),
        ("issued", today.to_string()),
    ];
    let lines = [
        (24, tr.t("certificate-title")),
        (12, String::new()),
        (12, tr.with_args("certificate-body", &args)),
        (12, String::new()),
        (12, tr.with_args("certificate-programme", &args)),
        (10, tr.with_args("certificate-issued", &args)),
    ]
    .map(|(size, text)| Line { size, text });
    Ok(certificate_pdf(&lines))
}

/// The intern's certificate of internship (once the internship is completed), as PDF.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/certificate", operation_id = "get_certificate", tag = "applications",
    params(("id" = i64, Path, description = "The session's id"), ("lang" = Option<String>, Query, description = "`fr` or `en`; the visitor's language otherwise")),
    responses(
        (status = 200, description = "The certificate", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No application in this session", body = ErrorBody),
        (status = 409, description = "The internship is not completed", body = ErrorBody),
    ))]
pub async fn get_certificate(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let pdf = certificate(&state, who.account.id, id, visitor.lang)
        .await
        .map_err(fail)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"certificate.pdf\"",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        pdf,
    )
        .into_response())
}
