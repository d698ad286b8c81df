//! `/office/testimonials`: what former interns wrote, waiting for the office — approve,
//! edit (when the author consents) or reject — and the intern's form on `/my-offer`.

use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff, unit_name};
use crate::pages::forms::{self, worded};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::internship::Moderation;
use cohort_domain::Permission;

struct Pending {
    id: i64,
    unit: String,
    lang: &'static str,
    body: String,
    other: Option<String>,
    consent: bool,
    action: String,
}

#[derive(Template)]
#[template(path = "office_testimonials.html")]
struct TestimonialsPage<'a> {
    chrome: Chrome<'a>,
    error: Option<String>,
    done: Option<String>,
    pending: Vec<Pending>,
    csrf_token: String,
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    error: Option<String>,
) -> Response {
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    if !staff.role.may(Permission::ManageSessions) {
        return hidden(state, visitor, uri).await;
    }
    let Ok(rows) = state.store.testimonials(Moderation::Pending).await else {
        return forms::internal(state, tr, uri);
    };
    let catalogue = &state.snapshot().catalogue;
    let pending = rows
        .into_iter()
        .map(|r| Pending {
            id: r.id,
            unit: unit_name(catalogue, &r.unit_code, tr.lang),
            lang: if r.lang == "fr" { "fr" } else { "en" },
            body: r.body,
            other: r.body_other,
            consent: r.consent_edit,
            action: format!("/office/testimonials/{}", r.id),
        })
        .collect();
    let done = (uri.query() == Some("done=1")).then(|| tr.t("testimonial-done"));
    let status = if error.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let page = TestimonialsPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            uri,
            tr.t("testimonials-title"),
        ),
        error,
        done,
        pending,
        csrf_token: staff.csrf_token.clone(),
    };
    render(&page, status)
}

/// `GET /office/testimonials`.
pub async fn testimonials(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    show(&state, visitor, &uri, &headers, None).await
}

/// `POST /office/testimonials/{id}`: `action` (`approve`, `edit`, `reject`) and `body`.
pub async fn moderate(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, form) =
        match crate::office::pages::posted_form(&state, visitor, &uri, &headers, &body).await {
            Ok(posted) => posted,
            Err(response) => return response,
        };
    let tr = state.locales.tr(visitor.lang);
    let (Ok(id), Some(action)) = (id.parse::<i64>(), super::api::action(form.get("action"))) else {
        return hidden(&state, visitor, &uri).await;
    };
    let text = form.opt("body");
    match super::moderate(&state, &staff, peer, id, action, text.as_deref()).await {
        Ok(()) => Redirect::to("/office/testimonials?done=1").into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(ApiError::NoRoute) => hidden(&state, visitor, &uri).await,
        Err(error) => {
            let (_, message) = worded(&tr, &error);
            show(
                &state,
                visitor,
                &Uri::from_static("/office/testimonials"),
                &headers,
                Some(message),
            )
            .await
        }
    }
}
