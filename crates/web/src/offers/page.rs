//! `/my-offer`: the candidate's offer with its deadline and two buttons, or why there is
//! none, in their language; answered with a plain form.

use super::{outcomes, worded, Outcome};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::unit_name;
use crate::pages::candidate::{posted, zoned};
use crate::pages::forms::{self, page_user, PageUser};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::allocation::OfferAnswer;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::onboarding::{act, Actor, ItemAction};
use cohort_i18n::Tr;

struct TestimonialForm {
    certificate: String,
    action: String,
    body: String,
    other: String,
    lang: &'static str,
    consent: bool,
    status: Option<String>,
}

struct OutcomeView {
    /// An accepted offer: link to the internship's page (dates, evaluations, alumni).
    internship: bool,
    testimonial: Option<TestimonialForm>,
    checklist: Vec<(String, crate::onboarding::page::Cell)>,
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
        internship: outcome.status == ApplicationStatus::Accepted,
        testimonial: None,
        checklist: Vec::new(),
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
        Err(error) => return forms::internal_after(state, tr, uri, &error),
    };
    let (status, error) = match error {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let mut outcomes = Vec::new();
    for outcome in &found {
        let mut shown = view(state, &tr, outcome);
        if matches!(
            outcome.status,
            ApplicationStatus::Accepted | ApplicationStatus::Ended
        ) {
            let s = outcome.session.id.0;
            let Ok((_, application, items)) =
                crate::onboarding::candidate_items(state, user.account.id, s).await
            else {
                return forms::internal(state, tr, uri);
            };
            let Ok(sent) = state.store.item_documents(application).await else {
                return forms::internal(state, tr, uri);
            };
            let mine = tr.t("onboarding-mine");
            shown.checklist = items
                .iter()
                .map(|item| {
                    let action = format!(
                        "/my-offer/{}/checklist/{}",
                        outcome.session.id.0, item.item.key
                    );
                    let mut c =
                        crate::onboarding::page::cell(&tr, item, Actor::Candidate, action, &mine);
                    let key = &item.item.key;
                    let may_send = act(
                        &item.item,
                        item.status,
                        Actor::Candidate,
                        ItemAction::Upload,
                    )
                    .is_ok();
                    if outcome.status == ApplicationStatus::Accepted && may_send {
                        c.upload = Some(format!("/my-offer/{s}/checklist/{key}/document"));
                    }
                    c.document = sent.iter().find(|d| &d.item_key == key).map(|d| {
                        let href =
                            format!("/api/v1/sessions/{s}/application/checklist/{key}/document");
                        (href, d.file_name.clone())
                    });
                    if outcome.status == ApplicationStatus::Ended {
                        c.moves.clear();
                    }
                    (item.item.label.get(tr.lang).clone(), c)
                })
                .collect();
        }
        if outcome.status == ApplicationStatus::Accepted {
            let s = outcome.session.id.0;
            if let Ok((application, _)) =
                crate::testimonials::writable(state, user.account.id, s).await
            {
                let Ok(written) = state.store.testimonial_of(application).await else {
                    return forms::internal(state, tr, uri);
                };
                shown.testimonial = Some(TestimonialForm {
                    certificate: format!(
                        "/api/v1/sessions/{s}/application/certificate?lang={}",
                        tr.lang.code()
                    ),
                    action: format!("/my-offer/{s}/testimonial"),
                    body: written.as_ref().map(|w| w.body.clone()).unwrap_or_default(),
                    other: written
                        .as_ref()
                        .and_then(|w| w.body_other.clone())
                        .unwrap_or_default(),
                    lang: match written.as_ref().map(|w| w.lang.as_str()) {
                        Some("fr") => "fr",
                        Some(_) => "en",
                        None => tr.lang.code(),
                    },
                    consent: written.as_ref().is_some_and(|w| w.consent_edit),
                    status: written
                        .map(|w| tr.t(&format!("testimonial-status-{}", w.status.as_str()))),
                });
            }
        }
        outcomes.push(shown);
    }
    let page = OfferPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, tr.t("offer-title")),
        csrf_token: user.csrf_token.clone(),
        error,
        done,
        outcomes,
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
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    let done = match uri.query() {
        Some("done=accepted") => Some(tr.t("offer-done-accepted")),
        Some("done=declined") => Some(tr.t("offer-done-declined")),
        Some("done=item") => Some(tr.t("onboarding-done-item")),
        Some("done=document") => Some(tr.t("onboarding-done-document")),
        Some("done=testimonial") => Some(tr.t("testimonial-thanks")),
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
    peer: ClientAddr,
    Path(session): Path<String>,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
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

/// `POST /my-offer/{session}/checklist/{key}`: the intern completes one of their items.
pub async fn checklist(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path((session, key)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let page_uri = Uri::from_static("/my-offer");
    let Ok(session) = session.parse::<i64>() else {
        return forms::internal(&state, tr, &uri);
    };
    let address = peer.ip().to_string();
    let result = match crate::onboarding::candidate_items(&state, user.account.id, session).await {
        Ok((_, application, _)) => {
            crate::onboarding::act_on(
                &state,
                crate::onboarding::Who::Candidate(&user.account),
                application,
                &key,
                crate::onboarding::Move {
                    action: ItemAction::parse(form.get("action")),
                    ..crate::onboarding::Move::default()
                },
                &address,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to("/my-offer?done=item").into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let (_, message) = forms::worded(&tr, &error);
            show(
                &state,
                visitor,
                &page_uri,
                &user,
                Some((StatusCode::CONFLICT, message)),
                None,
            )
            .await
        }
    }
}

/// `POST /my-offer/{session}/checklist/{key}/document` (multipart: `csrf_token` first,
/// then `file`): the intern sends an item's document.
pub async fn checklist_document(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path((session, key)): Path<(String, String)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return forms::to_login(),
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    let Ok(multipart) = multipart else {
        return forms::csrf_refused(&state, tr, &uri);
    };
    let page_uri = Uri::from_static("/my-offer");
    let read = crate::documents::upload::read_pdf(multipart, true, &format!("{key}.pdf")).await;
    let result = match (read, session.parse::<i64>()) {
        (Ok((_, csrf)), _) if !forms::csrf_ok(&user, csrf.as_deref()) => {
            return forms::csrf_refused(&state, tr, &uri);
        }
        (Ok((pdf, _)), Ok(session)) => {
            let address = peer.ip().to_string();
            crate::onboarding::documents::upload(
                &state,
                &user.account,
                session,
                &key,
                pdf,
                &address,
            )
            .await
        }
        (Ok(_), Err(_)) => Err(ApiError::SessionNotFound),
        (Err(error), _) => Err(error),
    };
    match result {
        Ok(_) => Redirect::to("/my-offer?done=document").into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let status = match error {
                ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                ApiError::NotPdf => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ApiError::Conflict { .. } => StatusCode::CONFLICT,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let (_, message) = forms::worded(&tr, &error);
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

/// `POST /my-offer/{session}/testimonial`: `lang`, `body`, `other`, `consent` (`1`).
pub async fn testimonial(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(session): Path<String>,
    body: Bytes,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let (user, form) = match posted(&state, tr, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let page_uri = Uri::from_static("/my-offer");
    let Ok(session) = session.parse::<i64>() else {
        return forms::internal(&state, tr, &uri);
    };
    let draft = cohort_domain::internship::TestimonialDraft {
        lang: cohort_domain::Lang::parse(form.get("lang")).unwrap_or(tr.lang),
        body: form.get("body").to_owned(),
        other: form.opt("other"),
        consent_to_edit: form.get("consent") == "1",
    };
    match crate::testimonials::submit(&state, user.account.id, session, draft).await {
        Ok(()) => Redirect::to("/my-offer?done=testimonial").into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            let (_, message) = forms::worded(&tr, &error);
            show(
                &state,
                visitor,
                &page_uri,
                &user,
                Some((StatusCode::UNPROCESSABLE_ENTITY, message)),
                None,
            )
            .await
        }
    }
}
