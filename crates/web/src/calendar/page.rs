//! `/calendar`: one's calendar feed from the browser — create a link (shown once), replace
//! it, or revoke it.

use crate::pages::candidate::posted;
use crate::pages::forms::{self, page_user};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage<'a> {
    chrome: Chrome<'a>,
    csrf_token: String,
    url: Option<String>,
    has_feed: bool,
    done: Option<String>,
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    url: Option<String>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(state, headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return forms::to_login(),
        Err(error) => return forms::internal_after(state, tr, uri, &error),
    };
    let Ok(has_feed) = state.store.has_calendar_feed(user.account.id).await else {
        return forms::internal(state, tr, uri);
    };
    let done = (uri.query() == Some("done=revoked")).then(|| tr.t("calendar-revoked"));
    let page = CalendarPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, tr.t("calendar-title")),
        csrf_token: user.csrf_token.clone(),
        url,
        has_feed,
        done,
    };
    render(&page, StatusCode::OK)
}

/// `GET /calendar`.
pub async fn calendar(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    show(&state, visitor, &uri, &headers, None).await
}

/// `POST /calendar`: `revoke=1` revokes; otherwise a new link is made and shown once.
pub async fn change(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    if form.get("revoke") == "1" {
        return match state.store.revoke_calendar_feed(user.account.id).await {
            Ok(_) => Redirect::to("/calendar?done=revoked").into_response(),
            Err(_) => forms::internal(&state, tr, &uri),
        };
    }
    match super::new_feed(&state, user.account.id).await {
        Ok(url) => {
            show(
                &state,
                visitor,
                &Uri::from_static("/calendar"),
                &headers,
                Some(url),
            )
            .await
        }
        Err(_) => forms::internal(&state, tr, &uri),
    }
}
