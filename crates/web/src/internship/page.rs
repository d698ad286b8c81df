//! `/office/sessions/{id}/internships`: a session's interns with their dates, unit,
//! supervisor and evaluations; coordinators set the dates and the supervisor there
//! (`POST /office/internships/{id}`). A supervisor sees their own interns only.

use super::Internship;
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff, posted_form, unit_name};
use crate::office::Staff;
use crate::pages::forms::{self, worded};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::internship::EvaluationKind;
use cohort_domain::Permission;
use cohort_i18n::Tr;

pub(crate) struct SupervisorOption {
    pub(crate) id: String,
    pub(crate) email: String,
    pub(crate) selected: bool,
}

pub(crate) struct InternCard {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) href: String,
    pub(crate) action: String,
    pub(crate) placement: String,
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) supervisor: String,
    pub(crate) evaluations: Vec<String>,
    pub(crate) supervisors: Vec<SupervisorOption>,
}

#[derive(Template)]
#[template(path = "office_internships.html")]
struct InternshipsPage<'a> {
    chrome: Chrome<'a>,
    error: Option<String>,
    done: Option<String>,
    may_edit: bool,
    interns: Vec<InternCard>,
    csrf_token: String,
    rubric: Option<RubricForm>,
}

/// The session's evaluation rubric, for coordinators: editable until an evaluation exists.
struct RubricForm {
    action: String,
    text: String,
    error: Option<String>,
    frozen: bool,
}

/// What the page shows besides the interns: a message, or the rubric as typed with its
/// mistake.
#[derive(Default)]
struct Shown {
    error: Option<String>,
    rubric: Option<(String, String)>,
}

/// Where each evaluation of an intern stands, worded.
pub(crate) fn evaluation_states(tr: &Tr<'_>, internship: &Internship) -> Vec<String> {
    EvaluationKind::ALL
        .into_iter()
        .map(|kind| {
            let state = match internship.evaluation(kind) {
                Some(e) if e.submitted_at.is_some() => "evaluation-state-submitted",
                Some(_) => "evaluation-state-draft",
                None => "evaluation-state-none",
            };
            format!(
                "{}: {}",
                tr.t(&format!("evaluation-kind-{}", kind.as_str())),
                tr.t(state)
            )
        })
        .collect()
}

/// One intern's card.
pub(crate) async fn card(
    state: &AppState,
    tr: &Tr<'_>,
    internship: &Internship,
    supervisors: &[(i64, String)],
) -> Result<InternCard, ApiError> {
    let id = internship.row.application_id;
    let unit = unit_name(
        &state.snapshot().catalogue,
        internship.placement.unit.as_str(),
        tr.lang,
    );
    Ok(InternCard {
        id,
        name: super::intern_name(state, id).await?,
        href: format!("/office/internships/{id}"),
        action: format!("/office/internships/{id}"),
        placement: format!("{} · {unit}", internship.placement.title.get(tr.lang)),
        start: internship.period.start().to_string(),
        end: internship.period.end().to_string(),
        supervisor: internship
            .row
            .supervisor_email
            .clone()
            .unwrap_or_else(|| tr.t("internship-no-supervisor")),
        evaluations: evaluation_states(tr, internship),
        supervisors: supervisors
            .iter()
            .map(|(sid, email)| SupervisorOption {
                id: sid.to_string(),
                email: email.clone(),
                selected: internship.row.supervisor_id == Some(*sid),
            })
            .collect(),
    })
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    session: &str,
    peer: ClientAddr,
    shown: Shown,
) -> Response {
    let Shown { error, rubric } = shown;
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(session) = session.parse::<i64>() else {
        return hidden(state, visitor, uri).await;
    };
    let (found, interns) = match super::of_session(state, &staff, session).await {
        Ok(found) => found,
        Err(ApiError::NoRoute) => return hidden(state, visitor, uri).await,
        Err(error) => return forms::internal_after(state, tr, uri, &error),
    };
    let subject = format!("session:{}", found.id.0);
    if super::audit_view(state, &staff, peer, "internships.list", &subject)
        .await
        .is_err()
    {
        return forms::internal(state, tr, uri);
    }
    let may_edit = staff.role.may(Permission::ManageSessions);
    let supervisors = if may_edit {
        match state.store.supervisors().await {
            Ok(s) => s,
            Err(error) => return forms::internal_after(state, tr, uri, &error),
        }
    } else {
        Vec::new()
    };
    let mut cards = Vec::new();
    for internship in &interns {
        match card(state, &tr, internship, &supervisors).await {
            Ok(c) => cards.push(c),
            Err(error) => return forms::internal_after(state, tr, uri, &error),
        }
    }
    let done = match uri.query() {
        Some("done=1") => Some(tr.t("internship-saved")),
        Some("rubric=saved") => Some(tr.t("rubric-saved")),
        _ => None,
    };
    let status = if error.is_some() || rubric.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let title = tr.t1(
        "internships-title",
        "session",
        found.name.get(tr.lang).clone(),
    );
    let page = InternshipsPage {
        chrome: Chrome::new(tr, &state.snapshot().catalogue, uri, title),
        error,
        done,
        may_edit,
        interns: cards,
        csrf_token: staff.csrf_token.clone(),
        rubric: match may_edit {
            false => None,
            true => {
                let frozen = interns.iter().any(|i| !i.evaluations.is_empty());
                let (text, error) = match rubric {
                    Some((text, message)) => (text, Some(message)),
                    None => match super::rubric_of(state, found.id).await {
                        Ok(r) => (r.to_toml(), None),
                        Err(error) => return forms::internal_after(state, tr, uri, &error),
                    },
                };
                Some(RubricForm {
                    action: format!("/office/sessions/{}/evaluation-rubric", found.id.0),
                    text,
                    error,
                    frozen,
                })
            }
        },
    };
    render(&page, status)
}

/// `GET /office/sessions/{id}/internships`.
pub async fn internships(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(session): Path<String>,
) -> Response {
    show(
        &state,
        visitor,
        &uri,
        &headers,
        &session,
        peer,
        Shown::default(),
    )
    .await
}

/// `POST /office/sessions/{id}/evaluation-rubric`: `rubric` (TOML); back to the page, or
/// the form again with the mistake named and the text kept.
pub async fn save_rubric(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(session): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, form) = match posted_form(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(id) = session.parse::<i64>() else {
        return hidden(&state, visitor, &uri).await;
    };
    let text = form.get("rubric").replace("\r\n", "\n");
    let address = peer.ip().to_string();
    match super::rubric_edit::save(&state, &staff, id, &text, &address).await {
        Ok(()) => {
            Redirect::to(&format!("/office/sessions/{id}/internships?rubric=saved")).into_response()
        }
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error @ (ApiError::InvalidArgs { .. } | ApiError::Conflict { .. })) => {
            let (_, message) = worded(&tr, &error);
            let page_uri = format!("/office/sessions/{id}/internships")
                .parse()
                .unwrap_or_else(|_| uri.clone());
            let shown = Shown {
                error: None,
                rubric: Some((text, message)),
            };
            show(&state, visitor, &page_uri, &headers, &session, peer, shown).await
        }
        Err(_) => hidden(&state, visitor, &uri).await,
    }
}

/// `POST /office/internships/{id}`: `start`, `end`, `supervisor` (an id, or empty).
pub async fn set(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let (staff, form) = match posted_form(&state, visitor, &uri, &headers, &body).await {
        Ok(posted) => posted,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(id) = id.parse::<i64>() else {
        return hidden(&state, visitor, &uri).await;
    };
    let supervisor = match form.opt("supervisor") {
        None => None,
        Some(text) => match text.parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => return hidden(&state, visitor, &uri).await,
        },
    };
    let session = session_of(&state, &staff, id).await;
    let result = super::set(
        &state,
        &staff,
        peer,
        id,
        form.get("start"),
        form.get("end"),
        supervisor,
    )
    .await;
    match (result, session) {
        (Ok(()), Some(s)) => {
            Redirect::to(&format!("/office/sessions/{s}/internships?done=1")).into_response()
        }
        (Err(ApiError::Internal), _) => forms::internal(&state, tr, &uri),
        (Err(error), Some(s)) if !matches!(error, ApiError::NoRoute) => {
            let (_, message) = worded(&tr, &error);
            let page = format!("/office/sessions/{s}/internships");
            let page_uri = page.parse().unwrap_or_else(|_| uri.clone());
            show(
                &state,
                visitor,
                &page_uri,
                &headers,
                &s.to_string(),
                peer,
                Shown {
                    error: Some(message),
                    rubric: None,
                },
            )
            .await
        }
        _ => hidden(&state, visitor, &uri).await,
    }
}

/// The session of an intern `staff` may see.
async fn session_of(state: &AppState, staff: &Staff, application: i64) -> Option<i64> {
    super::for_staff(state, staff, application)
        .await
        .ok()
        .map(|i| i.session.id.0)
}

/// A supervisor's interns for the office's home: (link, "name · placement", both
/// evaluations submitted); none for other roles.
pub(crate) async fn supervised_links(
    state: &AppState,
    staff: &Staff,
    lang: cohort_domain::Lang,
) -> Result<Vec<(String, String, bool)>, ApiError> {
    let mut links = Vec::new();
    for internship in super::supervised(state, staff).await? {
        let id = internship.row.application_id;
        let name = super::intern_name(state, id).await?;
        let done = EvaluationKind::ALL.into_iter().all(|kind| {
            internship
                .evaluation(kind)
                .is_some_and(|e| e.submitted_at.is_some())
        });
        links.push((
            format!("/office/internships/{id}"),
            format!("{name} · {}", internship.placement.title.get(lang)),
            done,
        ));
    }
    Ok(links)
}
