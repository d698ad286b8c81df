//! `/office/internships/{id}`: one intern's internship and evaluations. Their supervisor
//! fills the mid-term and final evaluations there (save a draft, or submit: final);
//! coordinators read them. Anyone else gets 404.

use super::Internship;
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff, posted_form, unit_name};
use crate::pages::forms::{self, worded};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::internship::{EvaluationDraft, EvaluationKind};
use cohort_domain::Permission;
use cohort_i18n::Tr;
use std::collections::BTreeMap;

struct CriterionView {
    key: String,
    label: String,
    /// The score given, or a dash.
    score: String,
    /// `(value, selected)` for each point of the scale.
    options: Vec<(String, bool)>,
}

struct EvaluationForm {
    kind: &'static str,
    title: String,
    state: String,
    opens: String,
    editable: bool,
    action: String,
    criteria: Vec<CriterionView>,
    comments: String,
}

#[derive(Template)]
#[template(path = "office_internship.html")]
struct InternshipPage<'a> {
    chrome: Chrome<'a>,
    error: Option<String>,
    done: Option<String>,
    back: String,
    placement: String,
    dates: String,
    supervisor: String,
    evaluations: Vec<EvaluationForm>,
    csrf_token: String,
}

fn forms_of(tr: &Tr<'_>, internship: &Internship, supervises: bool) -> Vec<EvaluationForm> {
    let rubric = &internship.rubric;
    let scale: Vec<i64> = (i64::from(rubric.lowest)..=i64::from(rubric.highest)).collect();
    EvaluationKind::ALL
        .into_iter()
        .map(|kind| {
            let saved = internship.evaluation(kind);
            let scores: BTreeMap<String, i64> = saved
                .and_then(|e| serde_json::from_str(&e.scores).ok())
                .unwrap_or_default();
            let submitted = saved.is_some_and(|e| e.submitted_at.is_some());
            let state = match saved {
                Some(_) if submitted => "evaluation-state-submitted",
                Some(_) => "evaluation-state-draft",
                None => "evaluation-state-none",
            };
            EvaluationForm {
                kind: kind.as_str(),
                title: tr.t(&format!("evaluation-kind-{}", kind.as_str())),
                state: tr.t(state),
                opens: tr.t1("evaluation-opens", "date", internship.period.opens_on(kind)),
                editable: supervises && !submitted && internship.active(),
                action: format!(
                    "/office/internships/{}/evaluations/{}",
                    internship.row.application_id,
                    kind.as_str()
                ),
                criteria: rubric
                    .criteria
                    .iter()
                    .map(|c| {
                        let score = scores.get(&c.key).copied();
                        CriterionView {
                            key: c.key.clone(),
                            label: c.label.get(tr.lang).clone(),
                            score: score.map_or_else(|| "–".to_owned(), |s| s.to_string()),
                            options: scale
                                .iter()
                                .map(|n| (n.to_string(), score == Some(*n)))
                                .collect(),
                        }
                    })
                    .collect(),
                comments: saved.map(|e| e.comments.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    id: &str,
    peer: ClientAddr,
    error: Option<(StatusCode, String)>,
) -> Response {
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(id) = id.parse::<i64>() else {
        return hidden(state, visitor, uri).await;
    };
    let internship = match super::for_staff(state, &staff, id).await {
        Ok(found) => found,
        Err(ApiError::NoRoute) => return hidden(state, visitor, uri).await,
        Err(error) => return forms::internal_after(state, tr, uri, &error),
    };
    let subject = format!("application:{id}");
    if super::audit_view(state, &staff, peer, "internship.view", &subject)
        .await
        .is_err()
    {
        return forms::internal(state, tr, uri);
    }
    let Ok(name) = super::intern_name(state, id).await else {
        return forms::internal(state, tr, uri);
    };
    let supervises = staff.role.may(Permission::SuperviseInterns);
    let unit = unit_name(
        &state.snapshot().catalogue,
        internship.placement.unit.as_str(),
        tr.lang,
    );
    let (status, error) = match error {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let page = InternshipPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, name),
        error,
        done: (uri.query() == Some("done=1")).then(|| tr.t("evaluation-saved")),
        back: if supervises {
            "/office".to_owned()
        } else {
            format!("/office/sessions/{}/internships", internship.session.id.0)
        },
        placement: format!("{} · {unit}", internship.placement.title.get(tr.lang)),
        dates: tr.with_args(
            "internship-dates",
            &[
                ("start", internship.period.start().to_string()),
                ("end", internship.period.end().to_string()),
            ],
        ),
        supervisor: internship
            .row
            .supervisor_email
            .clone()
            .unwrap_or_else(|| tr.t("internship-no-supervisor")),
        evaluations: forms_of(&tr, &internship, supervises),
        csrf_token: staff.csrf_token.clone(),
    };
    render(&page, status)
}

/// `GET /office/internships/{id}`.
pub async fn internship(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
) -> Response {
    show(&state, visitor, &uri, &headers, &id, peer, None).await
}

/// `POST /office/internships/{id}/evaluations/{kind}`: a score per criterion (its key),
/// `comments`, and `action` = `save` or `submit`.
pub async fn evaluate(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path((id, kind)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (staff, form) = match posted_form(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let (Ok(application), Some(kind)) = (id.parse::<i64>(), EvaluationKind::parse(&kind)) else {
        return hidden(&state, visitor, &uri).await;
    };
    // the session's rubric names the fields; someone who may not see the intern gets 404
    let internship = match super::for_staff(&state, &staff, application).await {
        Ok(internship) => internship,
        Err(ApiError::Internal) => return forms::internal(&state, tr, &uri),
        Err(_) => return hidden(&state, visitor, &uri).await,
    };
    let mut scores = BTreeMap::new();
    for criterion in internship.rubric.criteria {
        if let Some(text) = form.opt(&criterion.key) {
            // a value that is not a number is out of range, and named as such
            scores.insert(criterion.key, text.trim().parse::<i64>().unwrap_or(-1));
        }
    }
    let draft = EvaluationDraft {
        scores,
        comments: form.get("comments").to_owned(),
    };
    let submit = form.get("action") == "submit";
    let result = super::evaluate(&state, &staff, peer, application, kind, draft, submit).await;
    let page = format!("/office/internships/{application}");
    match result {
        Ok(()) => Redirect::to(&format!("{page}?done=1")).into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(ApiError::NoRoute) => hidden(&state, visitor, &uri).await,
        Err(error) => {
            let status = if matches!(error, ApiError::Conflict { .. }) {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let (_, message) = worded(&tr, &error);
            let page_uri = page.parse().unwrap_or_else(|_| uri.clone());
            show(
                &state,
                visitor,
                &page_uri,
                &headers,
                &id,
                peer,
                Some((status, message)),
            )
            .await
        }
    }
}
