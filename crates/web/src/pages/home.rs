//! The "meet us" home page: divisions and offices.

use super::view::{render, Card, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use cohort_domain::UnitKind;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    chrome: Chrome<'a>,
    divisions: Vec<Card>,
    offices: Vec<Card>,
}

pub async fn home(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    let snapshot = state.snapshot();
    let catalogue = &snapshot.catalogue;
    let tr = state.locales.tr(visitor.lang);
    let cards = |kind: UnitKind| {
        catalogue
            .roots()
            .filter(|u| u.kind == kind)
            .map(|u| Card::of(u, &tr))
            .collect::<Vec<_>>()
    };
    let page = HomePage {
        chrome: Chrome::new(tr, catalogue, &uri, tr.t("home-title")),
        divisions: cards(UnitKind::Division),
        offices: cards(UnitKind::Office),
    };
    render(&page, StatusCode::OK)
}
