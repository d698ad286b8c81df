//! The 404 page, in the visitor's language; API paths get a JSON error instead.

use super::view::{render, Chrome};
use crate::api::ApiError;
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage<'a> {
    pub chrome: Chrome<'a>,
    pub heading: String,
    pub body: String,
}

/// Fallback for every unknown address.
pub async fn not_found(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return ApiError::NoRoute
            .into_localized(&state, visitor)
            .into_response();
    }
    not_found_page(&state, visitor, &uri)
}

pub fn not_found_page(state: &AppState, visitor: Visitor, uri: &Uri) -> Response {
    let snapshot = state.snapshot();
    let tr = state.locales.tr(visitor.lang);
    let page = MessagePage {
        chrome: Chrome::new(tr, &snapshot.catalogue, uri, tr.t("not-found-title")),
        heading: tr.t("not-found-title"),
        body: tr.t("not-found-body"),
    };
    render(&page, StatusCode::NOT_FOUND)
}
