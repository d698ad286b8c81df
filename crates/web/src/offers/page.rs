//! `/my-offer`: the candidate's offer with its deadline and two buttons, or why there is
//! none, in their language; answered with a plain form.

use super::{outcomes, worded, Outcome};
use crate::api::ApiError;
use crate::i18n::Tr;
use crate::office::pages::unit_name;
use crate::pages::candidate::zoned;
use crate::pages::forms::{self, csrf_ok, page_user, FormData, PageUser};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::allocation::OfferAnswer;
use cohort_domain::application::ApplicationStatus;
use std::net::SocketAddr;

struct OutcomeView {
    session_id: i64,
    session_name: String,
    headline: String,
    note: Option<String>,
    answerable: bool,
    action: String,
    explanations: Vec<String>,
}

#[derive(Template)]
#[template(path = "my_offer.html")]
struct OfferPage<'a> {
    chrome: Chrome<'a>,
    csrf_token: String,
    error: Option<String>,
    done: Option<String>,
    outcomes: Vec<OutcomeView>,
}

fn view(state: &AppState, tr: &Tr<'_>, outcome: &Outcome) -> OutcomeView {
    let catalogue = &state.snapshot().catalogue;
    let unit = |code: &str| unit_name(catalogue, code, tr.lang);
    let session = &outcome.session;
    let (headline, note) = match &outcome.offer {
        None => (
            tr.t1("offer-none-headline", "round", outcome.round),
            Some(tr.t("offer-none-note")),
        ),
        Some((offer, placement)) => {
            let args = [
                ("placement", placement.title.get(tr.lang).clone()),
                ("unit", unit(placement.unit.as_str())),
                ("deadline", zoned(offer.reply_by, session)),
                (
                    "zone",
                    session
                        .window
                        .closes()
                        .time_zone()
                        .iana_name()
                        .unwrap_or("UTC")
                        .to_owned(),
                ),
            ];
            let key = match outcome.status {
                ApplicationStatus::Accepted => "offer-accepted-headline",
                ApplicationStatus::Declined => "offer-declined-headline",
                ApplicationStatus::Expired => "offer-expired-headline",
                ApplicationStatus::Ended => "offer-ended-headline",
                _ if !outcome.answerable => "offer-expired-headline",
                _ => "offer-made-headline",
            };
            let note = outcome
                .answerable
                .then(|| tr.with_args("offer-deadline", &args));
            (tr.with_args(key, &args), note)
        }
    };
    OutcomeView {
        session_id: session.id.0,
        session_name: session.name.get(tr.lang).clone(),
        headline,
        note,
        answerable: outcome.answerable,
        action: format!("/my-offer/{}", session.id.0),
        explanations: outcome
            .explanations
            .iter()
            .map(|why| worded(tr, &unit(why.placement.unit.as_str()), why))
            .collect(),
    }
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    user: &PageUser,
    error: Option<(StatusCode, String)>,
    done: Option<String>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let found = match outcomes(state, user.account.id).await {
        Ok(found) => found,
        Err(_) => return forms::internal(state, tr, uri),
    };
    let (status, error) = match error {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let page = OfferPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, tr.t("offer-title")),
        csrf_token: user.csrf_token.clone(),
        error,
        done,
        outcomes: found.iter().map(|o| view(state, &tr, o)).collect(),
    };
    render(&page, status)
}

/// `GET /my-offer`.
pub async fn my_offer(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return forms::to_login(),
        Err(_) => return forms::internal(&state, tr, &uri),
    };
    let done = match uri.query() {
        Some("done=accepted") => Some(tr.t("offer-done-accepted")),
        Some("done=declined") => Some(tr.t("offer-done-declined")),
        _ => None,
    };
    show(&state, visitor, &uri, &user, None, done).await
}

/// `POST /my-offer/{session}`: `answer` = `accept` or `decline`.
pub async fn answer(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(session): Path<String>,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return forms::to_login(),
        Err(_) => return forms::internal(&state, tr, &uri),
    };
    let form = FormData::parse(&body);
    if !csrf_ok(&user, form.opt("csrf_token").as_deref()) {
        return forms::csrf_refused(&state, tr, &uri);
    }
    let page_uri = Uri::from_static("/my-offer");
    let (Ok(session), Some(answer)) = (
        session.parse::<i64>(),
        OfferAnswer::parse(form.get("answer")),
    ) else {
        let message = tr.t("offer-answer-unknown");
        return show(
            &state,
            visitor,
            &page_uri,
            &user,
            Some((StatusCode::UNPROCESSABLE_ENTITY, message)),
            None,
        )
        .await;
    };
    match super::answer(
        &state,
        &user.account,
        session,
        answer,
        &peer.ip().to_string(),
    )
    .await
    {
        Ok(ApplicationStatus::Accepted) => Redirect::to("/my-offer?done=accepted").into_response(),
        Ok(_) => Redirect::to("/my-offer?done=declined").into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let (_, message) = forms::worded(&tr, &error);
            let status = if matches!(error, ApiError::Conflict { .. }) {
                StatusCode::CONFLICT
            } else {
                StatusCode::NOT_FOUND
            };
            show(
                &state,
                visitor,
                &page_uri,
                &user,
                Some((status, message)),
                None,
            )
            .await
        }
    }
}
