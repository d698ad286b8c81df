//! `/office/placements/{id}/ranking`: a placement's ranking as an ordered list of tie
//! groups. Each candidate has four buttons — up, down, tie with the one above, untie — so
//! that the order is changed with the keyboard (or any pointer) and without scripts; each
//! press is one form, saved at once, and the page comes back at the same row.

use super::{hidden, page_staff};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::review::{self, Reorder};
use crate::pages::forms::{self, worded, FormData};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::review::RankingMove;
use cohort_domain::Permission;

struct Row {
    id: i64,
    href: String,
    score: String,
    reviews: String,
    disagreement: bool,
}

struct Group {
    rank: usize,
    tied: bool,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "office_ranking.html")]
struct RankingPage<'a> {
    chrome: Chrome<'a>,
    error: Option<String>,
    groups: Vec<Group>,
    closed: bool,
    saved: bool,
    may_reorder: bool,
    action: String,
    csrf_token: String,
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    id: &str,
    error: Option<String>,
) -> Response {
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(id) = id.parse::<i64>() else {
        return hidden(state, visitor, uri).await;
    };
    let ranking = match review::placement_ranking(state, &staff, id).await {
        Ok(r) => r,
        Err(ApiError::Internal) => return forms::internal(state, tr, uri),
        Err(_) => return hidden(state, visitor, uri).await,
    };
    let groups = ranking
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| Group {
            rank: i + 1,
            tied: g.len() > 1,
            rows: g
                .iter()
                .map(|r| Row {
                    id: r.id,
                    href: format!("/office/applications/{}", r.id),
                    score: r
                        .score
                        .map_or_else(|| tr.t("ranking-no-score"), |s| format!("{s:.2}")),
                    reviews: tr.with_args("ranking-reviews", &[("count", r.reviews.to_string())]),
                    disagreement: r.disagreement,
                })
                .collect(),
        })
        .collect();
    let page = RankingPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            uri,
            tr.t1(
                "ranking-title",
                "placement",
                ranking.placement.title.get(tr.lang),
            ),
        ),
        error,
        groups,
        closed: ranking.closed,
        saved: ranking.saved,
        may_reorder: staff.role.may(Permission::ReviewApplications) && !ranking.closed,
        action: format!("/office/placements/{id}/ranking"),
        csrf_token: staff.csrf_token.clone(),
    };
    render(&page, StatusCode::OK)
}

/// `GET /office/placements/{id}/ranking`.
pub async fn ranking(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    show(&state, visitor, &uri, &headers, &id, None).await
}

/// `POST /office/placements/{id}/ranking`: `application_id` and `move` (`up`, `down`,
/// `tie`, `untie`); back to the row that moved.
pub async fn reorder(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let form = FormData::parse(&body);
    if !staff.csrf_ok(form.opt("csrf_token").as_deref()) {
        return forms::csrf_refused(&state, tr, &uri);
    }
    let (Ok(placement), Ok(application)) =
        (id.parse::<i64>(), form.get("application_id").parse::<i64>())
    else {
        return hidden(&state, visitor, &uri).await;
    };
    let step = match form.get("move") {
        "up" => RankingMove::Up(application),
        "down" => RankingMove::Down(application),
        "tie" => RankingMove::TieWithAbove(application),
        "untie" => RankingMove::Untie(application),
        _ => return hidden(&state, visitor, &uri).await,
    };
    match review::reorder(&state, &staff, peer, placement, Reorder::Step(step)).await {
        Ok(()) => Redirect::to(&format!(
            "/office/placements/{placement}/ranking#row-{application}"
        ))
        .into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(ApiError::NoRoute) => hidden(&state, visitor, &uri).await,
        Err(error) => {
            let (_, message) = worded(&tr, &error);
            show(&state, visitor, &uri, &headers, &id, Some(message)).await
        }
    }
}
