//! The search results page.

use super::view::{render, Card, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use cohort_search::MAX_QUERY_CHARS;

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage<'a> {
    chrome: Chrome<'a>,
    message: String,
    cards: Vec<Card>,
}

pub async fn search(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    let snapshot = state.snapshot();
    let catalogue = &snapshot.catalogue;
    let tr = state.locales.tr(visitor.lang);
    let query = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default();
    let mut chrome = Chrome::new(tr, catalogue, &uri, tr.t("search-title"));
    let (status, message, cards) = if query.is_empty() {
        (StatusCode::OK, tr.t("search-empty"), Vec::new())
    } else if query.chars().count() > MAX_QUERY_CHARS {
        let message = tr.t1("search-too-long", "max", MAX_QUERY_CHARS);
        (StatusCode::BAD_REQUEST, message, Vec::new())
    } else {
        let cards: Vec<Card> = snapshot
            .index
            .search(&query, 50)
            .iter()
            .filter_map(|hit| catalogue.unit(&hit.code))
            .map(|u| Card::with_parent(u, catalogue, &tr))
            .collect();
        let message = tr.count("search-results", cards.len(), "query", &query);
        chrome.query = query;
        (StatusCode::OK, message, cards)
    };
    render(
        &SearchPage {
            chrome,
            message,
            cards,
        },
        status,
    )
}
