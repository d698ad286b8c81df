//! `/office/sessions/{id}/allocation`: the coordinator's offer rounds — close ranking, set
//! the nationality caps, run a round as a preview, read its figures, publish it — as plain
//! forms. Each form calls the same functions as the JSON API and comes back to the page.

use super::{RunView, Staff};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff, unit_name};
use crate::pages::forms::{self, worded};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::allocation::{NationalityCaps, ReplyDays, DEFAULT_REPLY_DAYS};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::SessionId;
use cohort_i18n::Tr;
use serde::Deserialize;
use std::collections::BTreeMap;

struct RunLink {
    href: String,
    label: String,
}

struct Table {
    caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

struct PreviewView {
    title: String,
    verdict: String,
    stable: bool,
    summary: Vec<String>,
    instance_href: String,
    result_href: String,
    tables: Vec<Table>,
    publishable: bool,
    publish_action: String,
}

#[derive(Template)]
#[template(path = "office_allocation.html")]
struct AllocationPage<'a> {
    chrome: Chrome<'a>,
    back: String,
    error: Option<String>,
    done: Option<String>,
    state_note: String,
    may_close_ranking: bool,
    close_action: String,
    caps_action: String,
    caps_text: String,
    csrf_token: String,
    next_round: i64,
    run_action: String,
    preview: Option<PreviewView>,
    default_reply_days: u32,
    offer_headers: Vec<String>,
    offers: Vec<Vec<String>>,
    onboarding_href: String,
    runs: Vec<RunLink>,
}

/// `?run=` picks a run to show; `?done=` says what a form just did.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    run: Option<i64>,
    done: Option<String>,
}

/// What a refused form sends back into the page.
#[derive(Default)]
struct Answer {
    error: Option<String>,
    caps_typed: Option<String>,
    status: Option<StatusCode>,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0".to_owned()
    } else {
        format!("{:.0}", 100.0 * part as f64 / whole as f64)
    }
}

fn preview_view(
    tr: &Tr<'_>,
    state: &AppState,
    session: i64,
    view: &RunView,
    publishable: bool,
) -> PreviewView {
    let p = &view.preview;
    let run = &view.run;
    let mut summary = vec![tr.with_args(
        "allocation-matched",
        &[
            ("matched", p.matched.to_string()),
            ("candidates", p.candidates.to_string()),
        ],
    )];
    for (k, &count) in p.by_choice.iter().enumerate() {
        summary.push(tr.with_args(
            "allocation-by-choice",
            &[
                ("rank", (k + 1).to_string()),
                ("count", count.to_string()),
                ("share", percent(count, p.candidates)),
            ],
        ));
    }
    summary.push(tr.with_args(
        "allocation-unfilled",
        &[
            ("unfilled", p.unfilled.to_string()),
            ("seats", p.seats.to_string()),
        ],
    ));
    let catalogue = &state.snapshot().catalogue;
    let units = Table {
        caption: tr.t("allocation-fill-caption"),
        headers: [
            "allocation-unit",
            "allocation-seats",
            "allocation-filled",
            "allocation-fill-rate",
        ]
        .map(|k| tr.t(k))
        .to_vec(),
        rows: p
            .units
            .iter()
            .map(|u| {
                vec![
                    unit_name(catalogue, u.unit.as_str(), tr.lang),
                    u.seats.to_string(),
                    u.filled.to_string(),
                    format!("{} %", percent(u.filled as usize, u.seats as usize)),
                ]
            })
            .collect(),
    };
    let nationalities = Table {
        caption: tr.t("allocation-nationality-caption"),
        headers: [
            "allocation-nationality",
            "allocation-matched-header",
            "allocation-cap",
        ]
        .map(|k| tr.t(k))
        .to_vec(),
        rows: p
            .nationalities
            .iter()
            .map(|n| {
                vec![
                    if n.nationality.is_empty() {
                        tr.t("allocation-nationality-none")
                    } else {
                        n.nationality.clone()
                    },
                    n.matched.to_string(),
                    n.cap.map_or_else(|| "—".to_owned(), |c| c.to_string()),
                ]
            })
            .collect(),
    };
    let base = format!(
        "/api/v1/office/sessions/{session}/allocation/runs/{}",
        run.id
    );
    PreviewView {
        title: tr.with_args(
            "allocation-preview-title",
            &[
                ("run", run.id.to_string()),
                ("round", run.round.to_string()),
                ("seed", run.seed.to_string()),
            ],
        ),
        verdict: tr.t(if p.stable {
            "allocation-stable"
        } else {
            "allocation-unstable"
        }),
        stable: p.stable,
        summary,
        instance_href: format!("{base}/instance"),
        result_href: format!("{base}/result"),
        tables: vec![units, nationalities],
        publishable,
        publish_action: format!(
            "/office/sessions/{session}/allocation/runs/{}/publish",
            run.id
        ),
    }
}

/// Offers per round and status.
fn offer_rows(tr: &Tr<'_>, offers: &[cohort_store::OfferRow]) -> Vec<Vec<String>> {
    let mut counts: BTreeMap<i64, [usize; 4]> = BTreeMap::new();
    for offer in offers {
        let column = match offer.status {
            ApplicationStatus::Offered => 0,
            ApplicationStatus::Accepted => 1,
            ApplicationStatus::Declined => 2,
            _ => 3,
        };
        counts.entry(offer.round).or_default()[column] += 1;
    }
    counts
        .into_iter()
        .map(|(round, c)| {
            let mut row = vec![tr.t1("allocation-round", "round", round)];
            row.extend(c.iter().map(|n| n.to_string()));
            row
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    staff: &Staff,
    session: i64,
    query: PageQuery,
    answer: Answer,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let session_row = match super::coordinator_session(state, staff, session).await {
        Ok(s) => s,
        Err(ApiError::Internal) => return forms::internal(state, tr, uri),
        Err(_) => return hidden(state, visitor, uri).await,
    };
    let store = &state.store;
    let loaded = async {
        let closed = store.ranking_closed_at(SessionId(session)).await?;
        let runs = store.runs(SessionId(session)).await?;
        let offers = store.offers(SessionId(session)).await?;
        Ok::<_, cohort_store::StoreError>((closed, runs, offers))
    };
    let (Ok((closed, runs, offers)), Ok(caps)) =
        (loaded.await, super::caps_of(state, &session_row).await)
    else {
        return forms::internal(state, tr, uri);
    };
    let shown = query.run.or(runs.first().map(|r| r.id));
    let preview = match shown {
        None => None,
        Some(run) => match super::view(state, staff, session, run).await {
            Ok(view) => {
                let round_published = runs
                    .iter()
                    .any(|r| r.round == view.run.round && r.published_at.is_some());
                let newest = runs.first().map(|r| r.id) == Some(view.run.id);
                Some(preview_view(
                    &tr,
                    state,
                    session,
                    &view,
                    newest && !round_published,
                ))
            }
            Err(ApiError::Internal) => return forms::internal(state, tr, uri),
            Err(_) => return hidden(state, visitor, uri).await,
        },
    };
    let window = session_row.window.state(state.settings.now_timestamp());
    let state_note = tr.with_args(
        "allocation-state",
        &[
            (
                "window",
                tr.t(&format!("office-window-{}", window.as_str())),
            ),
            (
                "ranking",
                tr.t(if closed.is_some() {
                    "allocation-ranking-closed"
                } else {
                    "allocation-ranking-open-state"
                }),
            ),
        ],
    );
    let next_round = super::round::next_round_number(&runs);
    let done = query.done.as_deref().and_then(|d| match d {
        "caps" => Some(tr.t("allocation-done-caps")),
        "closed" => Some(tr.t("allocation-done-closed")),
        "published" => Some(tr.t("allocation-done-published")),
        _ => None,
    });
    let page = AllocationPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            uri,
            tr.t1("allocation-title", "session", session_row.name.get(tr.lang)),
        ),
        back: format!("/office/sessions/{session}/applications"),
        error: answer.error,
        done,
        state_note,
        may_close_ranking: closed.is_none(),
        close_action: format!("/office/sessions/{session}/ranking/close"),
        caps_action: format!("/office/sessions/{session}/allocation/caps"),
        caps_text: answer.caps_typed.unwrap_or_else(|| caps.to_text()),
        csrf_token: staff.csrf_token.clone(),
        next_round,
        run_action: format!("/office/sessions/{session}/allocation/runs"),
        preview,
        default_reply_days: DEFAULT_REPLY_DAYS,
        offer_headers: [
            "allocation-round-header",
            "allocation-offered",
            "allocation-accepted",
            "allocation-declined",
            "allocation-expired",
        ]
        .map(|k| tr.t(k))
        .to_vec(),
        offers: offer_rows(&tr, &offers),
        onboarding_href: format!("/office/sessions/{session}/onboarding"),
        runs: runs
            .iter()
            .map(|r| RunLink {
                href: format!("/office/sessions/{session}/allocation?run={}", r.id),
                label: tr.with_args(
                    if r.published_at.is_some() {
                        "allocation-run-published"
                    } else {
                        "allocation-run-preview"
                    },
                    &[
                        ("run", r.id.to_string()),
                        ("round", r.round.to_string()),
                        ("seed", r.seed.to_string()),
                    ],
                ),
            })
            .collect(),
    };
    render(&page, answer.status.unwrap_or(StatusCode::OK))
}

fn session_id(id: &str) -> Option<i64> {
    id.parse().ok()
}

/// `GET /office/sessions/{id}/allocation`.
pub async fn allocation(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let Some(session) = session_id(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    show(
        &state,
        visitor,
        &uri,
        &staff,
        session,
        query,
        Answer::default(),
    )
    .await
}

/// The page again with the refusal, or the error page.
async fn refused(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    staff: &Staff,
    session: i64,
    error: ApiError,
    caps_typed: Option<String>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let status = match &error {
        ApiError::Internal => return forms::internal(state, tr, uri),
        ApiError::NoRoute | ApiError::SessionNotFound => return hidden(state, visitor, uri).await,
        ApiError::Conflict { .. } => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let (_, message) = worded(&tr, &error);
    let answer = Answer {
        error: Some(message),
        caps_typed,
        status: Some(status),
    };
    let page_uri =
        Uri::try_from(format!("/office/sessions/{session}/allocation")).unwrap_or_default();
    show(
        state,
        visitor,
        &page_uri,
        staff,
        session,
        PageQuery::default(),
        answer,
    )
    .await
}

fn to_page(session: i64, query: &str) -> Response {
    Redirect::to(&format!("/office/sessions/{session}/allocation?{query}")).into_response()
}

/// `POST /office/sessions/{id}/allocation/caps`: `caps`, one `FR 3` or `PL 20%` a line.
pub async fn save_caps(
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
    let Some(session) = session_id(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let text = form.get("caps").to_owned();
    let tr = state.locales.tr(visitor.lang);
    let caps = match NationalityCaps::parse(&text) {
        Ok(caps) => caps,
        Err(e) => {
            // the form's own wording: the line and what is wrong with it
            let message = tr.with_args(
                "allocation-caps-line",
                &[
                    ("line", e.line.to_string()),
                    ("problem", tr.t(super::caps_problem_key(&e.problem))),
                ],
            );
            let answer = Answer {
                error: Some(message),
                caps_typed: Some(text),
                status: Some(StatusCode::UNPROCESSABLE_ENTITY),
            };
            return show(
                &state,
                visitor,
                &uri,
                &staff,
                session,
                PageQuery::default(),
                answer,
            )
            .await;
        }
    };
    match super::set_caps(&state, &staff, peer, session, &caps).await {
        Ok(()) => to_page(session, "done=caps"),
        Err(e) => refused(&state, visitor, &uri, &staff, session, e, Some(text)).await,
    }
}

/// `POST /office/sessions/{id}/allocation/runs`: an optional `seed`.
pub async fn run_round(
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
    let Some(session) = session_id(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    let seed = match form.get("seed").trim() {
        "" => None,
        text => match text.parse::<i64>().ok().and_then(|s| u64::try_from(s).ok()) {
            Some(seed) => Some(seed),
            None => {
                let error = ApiError::Invalid {
                    field: "seed",
                    key: "allocation-seed-range",
                };
                return refused(&state, visitor, &uri, &staff, session, error, None).await;
            }
        },
    };
    match super::run(&state, &staff, peer, session, seed).await {
        Ok(view) => to_page(session, &format!("run={}", view.run.id)),
        Err(e) => refused(&state, visitor, &uri, &staff, session, e, None).await,
    }
}

/// `POST /office/sessions/{id}/allocation/runs/{run}/publish`: `reply_days`.
pub async fn publish(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path((id, run)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (staff, form) =
        match crate::office::pages::posted_form(&state, visitor, &uri, &headers, &body).await {
            Ok(posted) => posted,
            Err(response) => return response,
        };
    let (Some(session), Ok(run)) = (session_id(&id), run.parse::<i64>()) else {
        return hidden(&state, visitor, &uri).await;
    };
    let days = form.get("reply_days").trim();
    let Some(reply) = days.parse::<i64>().ok().and_then(ReplyDays::new) else {
        let error = ApiError::Invalid {
            field: "reply_days",
            key: "allocation-reply-days",
        };
        return refused(&state, visitor, &uri, &staff, session, error, None).await;
    };
    match super::publish(&state, &staff, peer, session, run, reply).await {
        Ok(_) => to_page(session, &format!("run={run}&done=published")),
        Err(e) => refused(&state, visitor, &uri, &staff, session, e, None).await,
    }
}

/// `POST /office/sessions/{id}/ranking/close`: the coordinator freezes the rankings.
pub async fn close_ranking(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, _) =
        match crate::office::pages::posted_form(&state, visitor, &uri, &headers, &body).await {
            Ok(posted) => posted,
            Err(response) => return response,
        };
    let Some(session) = session_id(&id) else {
        return hidden(&state, visitor, &uri).await;
    };
    if let Err(e) = super::coordinator_session(&state, &staff, session).await {
        return refused(&state, visitor, &uri, &staff, session, e, None).await;
    }
    match crate::office::review::close(&state, &staff, peer, SessionId(session)).await {
        Ok(()) => to_page(session, "done=closed"),
        Err(e) => refused(&state, visitor, &uri, &staff, session, e, None).await,
    }
}
