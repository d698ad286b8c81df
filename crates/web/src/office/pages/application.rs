//! `/office/applications/{id}`: one application, whole — blind for reviewers, and only
//! for staff who may see it (404 for anyone else). Every view is audited.

use super::{hidden, page_staff, unit_name};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::api::{audit, cv_text, is_blind, view, visible_application};
use crate::office::{eligibility, review, review_api};
use crate::pages::forms::{self, worded, FormData};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::response::{IntoResponse, Redirect};
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use std::collections::BTreeMap;

struct CriterionField {
    key: String,
    label: String,
    weight: u8,
    current: u8,
}

struct ReviewForm {
    action: String,
    conflict_action: String,
    csrf_token: String,
    criteria: Vec<CriterionField>,
    comment: String,
}

/// The coordinator's form to hold an ineligible application eligible.
struct OverrideForm {
    action: String,
    csrf_token: String,
}

struct ReviewView {
    by: String,
    score: String,
    comment: String,
}

#[derive(Template)]
#[template(path = "office_application.html")]
struct ApplicationPage<'a> {
    chrome: Chrome<'a>,
    back: String,
    error: Option<String>,
    facts: Vec<(String, String)>,
    choices: Vec<String>,
    motivation: String,
    cv_text: String,
    override_form: Option<OverrideForm>,
    form: Option<ReviewForm>,
    reviews: Vec<ReviewView>,
    disagreement: bool,
}

/// `GET /office/applications/{id}`.
pub async fn application(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
) -> Response {
    show(&state, visitor, &uri, &headers, peer, &id, None).await
}

/// `POST /office/applications/{id}/review`: `score-KEY` for each criterion and `comment`.
pub async fn save_review(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let form = FormData::parse(&body);
    let scores: BTreeMap<String, i64> = form_urlencoded::parse(&body)
        .filter_map(|(k, v)| {
            k.strip_prefix("score-")
                .map(|key| (key.to_owned(), v.parse().unwrap_or(0)))
        })
        .collect();
    act(
        &state,
        visitor,
        &uri,
        &headers,
        peer,
        &id,
        &form,
        |staff, app| {
            let state = state.clone();
            let comment = form.get("comment").to_owned();
            async move { review::review(&state, &staff, peer, app, &scores, &comment).await }
        },
    )
    .await
}

/// `POST /office/applications/{id}/conflict`: `reason`.
pub async fn conflict(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let form = FormData::parse(&body);
    let response = act(
        &state,
        visitor,
        &uri,
        &headers,
        peer,
        &id,
        &form,
        |staff, app| {
            let state = state.clone();
            let reason = form.get("reason").to_owned();
            async move { review::step_aside(&state, &staff, peer, app, &reason).await }
        },
    )
    .await;
    if response.status() == StatusCode::SEE_OTHER {
        // the application is no longer theirs to see
        return Redirect::to("/office").into_response();
    }
    response
}

/// `POST /office/applications/{id}/eligibility`: `justification` (coordinators).
pub async fn override_eligibility(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let form = FormData::parse(&body);
    act(
        &state,
        visitor,
        &uri,
        &headers,
        peer,
        &id,
        &form,
        |staff, app| {
            let state = state.clone();
            let justification = form.get("justification").to_owned();
            async move {
                eligibility::override_eligibility(&state, &staff, peer, app, &justification).await
            }
        },
    )
    .await
}

/// Checks the CSRF token, runs `change`, and goes back to the application (or shows it
/// again with the error).
#[allow(clippy::too_many_arguments)]
async fn act<F, Fut>(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    peer: ClientAddr,
    id: &str,
    form: &FormData,
    change: F,
) -> Response
where
    F: FnOnce(crate::office::Staff, i64) -> Fut,
    Fut: std::future::Future<Output = Result<(), ApiError>>,
{
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    if !staff.csrf_ok(form.opt("csrf_token").as_deref()) {
        return forms::csrf_refused(state, tr, uri);
    }
    let Ok(app) = id.parse::<i64>() else {
        return hidden(state, visitor, uri).await;
    };
    match change(staff, app).await {
        Ok(()) => Redirect::to(&format!("/office/applications/{app}")).into_response(),
        Err(ApiError::Internal) => forms::internal(state, tr, uri),
        Err(ApiError::ApplicationNotFound | ApiError::NoRoute) => hidden(state, visitor, uri).await,
        Err(error) => {
            let (_, message) = worded(&tr, &error);
            let mut page = show(state, visitor, uri, headers, peer, id, Some(message)).await;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            page
        }
    }
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    peer: ClientAddr,
    id: &str,
    error: Option<String>,
) -> Response {
    let (state, uri) = (state.clone(), uri.clone());
    let staff = match page_staff(&state, visitor, &uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(id) = id.parse::<i64>() else {
        return hidden(&state, visitor, &uri).await;
    };
    let (list, index) = match visible_application(&state, &staff, id).await {
        Ok(Some(found)) => found,
        Ok(None) => return hidden(&state, visitor, &uri).await,
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    let logged = audit(
        &state,
        &staff,
        peer,
        "application.view",
        &format!("application:{id}"),
        serde_json::json!({ "page": true }),
    )
    .await;
    if logged.is_err() {
        return forms::internal(&state, tr, &uri);
    }
    let entry = &list.entries[index];
    let session = cohort_domain::session::SessionId(entry.row.session_id);
    let Ok(blind) = is_blind(&state, &staff, session).await else {
        return forms::internal(&state, tr, &uri);
    };
    let body = view(entry, blind, true);
    let Ok(cv_text) = cv_text(&state, entry, blind).await else {
        return forms::internal(&state, tr, &uri);
    };
    let snapshot = state.snapshot();
    let mut facts = vec![
        (
            tr.t("office-col-status"),
            tr.t(&format!("office-status-{}", body.status)),
        ),
        (
            tr.t("office-col-eligible"),
            tr.t(match (body.eligible, &entry.row.eligibility_override) {
                (true, Some(_)) => "office-eligible-override",
                (true, None) => "office-eligible-yes",
                (false, _) => "office-eligible-no",
            }),
        ),
    ];
    // the view leaves it out for blind reviewers: a justification may name a nationality
    if let Some(justification) = &body.eligibility_override {
        facts.push((tr.t("office-override-justification"), justification.clone()));
    }
    let override_form = (staff.role.may(Permission::ScreenApplications)
        && cohort_domain::application::decide_override(entry.row.status, entry.row.eligible)
            .is_ok())
    .then(|| OverrideForm {
        action: format!("/office/applications/{id}/eligibility"),
        csrf_token: staff.csrf_token.clone(),
    });
    if let Some(name) = &body.name {
        facts.push((tr.t("office-col-name"), name.clone()));
    }
    if let Some(email) = &body.email {
        facts.push((tr.t("candidate-email"), email.clone()));
    }
    if let Some(nationalities) = &body.nationalities {
        facts.push((tr.t("office-col-nationality"), nationalities.join(", ")));
    }
    if let Some(born) = &body.birth_date {
        facts.push((tr.t("office-born"), born.clone()));
    }
    if let Some(level) = &body.education_level {
        facts.push((
            tr.t("office-facet-level"),
            tr.t(&format!("candidate-level-{level}")),
        ));
    }
    if let Some(field) = &body.field_of_study {
        facts.push((tr.t("office-facet-field"), field.clone()));
    }
    let languages: Vec<String> = body
        .languages
        .iter()
        .map(|l| format!("{} {}", l.language, l.level))
        .collect();
    facts.push((tr.t("office-facet-language"), languages.join(", ")));
    let choices = body
        .choices
        .iter()
        .map(|c| unit_name(&snapshot.catalogue, &c.unit, tr.lang))
        .collect();
    let (form, reviews, disagreement) =
        match review_parts(&state, &staff, &list.entries[index], tr).await {
            Ok(parts) => parts,
            Err(error) => return forms::internal_after(&state, tr, &uri, &error),
        };
    let page = ApplicationPage {
        chrome: Chrome::new(
            tr,
            &snapshot.catalogue,
            &uri,
            tr.t1("office-application-title", "id", id),
        ),
        back: format!("/office/sessions/{}/applications", entry.row.session_id),
        facts,
        choices,
        motivation: body.motivation,
        cv_text,
        override_form,
        error,
        form,
        reviews,
        disagreement,
    };
    render(&page, StatusCode::OK)
}

/// The review form (a reviewer who may still review it) and the reviews the person may
/// see, with the disagreement flag (coordinators).
async fn review_parts(
    state: &AppState,
    staff: &crate::office::Staff,
    entry: &crate::office::list::Entry,
    tr: cohort_i18n::Tr<'_>,
) -> Result<(Option<ReviewForm>, Vec<ReviewView>, bool), ApiError> {
    let id = entry.row.id;
    let seen = review_api::reviews(state, staff, id).await?;
    let reviews = seen
        .reviews
        .iter()
        .map(|r| ReviewView {
            by: if r.by == "mine" {
                tr.t("review-mine")
            } else {
                r.by.replace("reviewer", &tr.t("review-reviewer"))
            },
            score: format!("{:.2}", r.score),
            comment: r.comment.clone(),
        })
        .collect();
    let session = SessionId(entry.row.session_id);
    let closed = state
        .store
        .ranking_closed_at(session)
        .await
        .map_err(ApiError::internal)?
        .is_some();
    let may_review = staff.role.may(Permission::ReviewApplications)
        && !closed
        && review::reviewable(state, staff, id).await.is_ok();
    let form = if may_review {
        let (rubric, _) = review::settings(state, session).await?;
        let mine = seen.reviews.iter().find(|r| r.by == "mine");
        Some(ReviewForm {
            action: format!("/office/applications/{id}/review"),
            conflict_action: format!("/office/applications/{id}/conflict"),
            csrf_token: staff.csrf_token.clone(),
            criteria: rubric
                .criteria
                .iter()
                .map(|c| CriterionField {
                    key: c.key.clone(),
                    label: c.label.get(tr.lang).clone(),
                    weight: c.weight,
                    current: mine
                        .and_then(|m| m.scores.get(&c.key).copied())
                        .unwrap_or(0),
                })
                .collect(),
            comment: mine.map(|m| m.comment.clone()).unwrap_or_default(),
        })
    } else {
        None
    };
    Ok((form, reviews, seen.disagreement))
}
