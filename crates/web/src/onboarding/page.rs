//! `/office/sessions/{id}/onboarding`: every intern's checklist in one table, overdue
//! items marked, with the office's possible moves as buttons in each cell.

use super::{ItemView, Who};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::pages::{hidden, page_staff};
use crate::pages::forms::{self, worded};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::onboarding::{act, Actor, ItemAction};
use cohort_i18n::Tr;

const ACTIONS: [(ItemAction, &str); 5] = [
    (ItemAction::Request, "request"),
    (ItemAction::Progress, "progress"),
    (ItemAction::Complete, "complete"),
    (ItemAction::Refuse, "refuse"),
    (ItemAction::Reopen, "reopen"),
];

pub(crate) struct Move {
    pub(crate) value: &'static str,
    pub(crate) label: String,
    pub(crate) aria: String,
}

pub(crate) struct Cell {
    pub(crate) status: String,
    pub(crate) due: String,
    pub(crate) overdue: bool,
    pub(crate) action: String,
    pub(crate) moves: Vec<Move>,
    /// Where to send the item's document, when one may be sent now.
    pub(crate) upload: Option<String>,
    /// The document sent: its link and file name.
    pub(crate) document: Option<(String, String)>,
}

struct Row {
    name: String,
    ended: bool,
    cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "office_onboarding.html")]
struct OnboardingPage<'a> {
    chrome: Chrome<'a>,
    back: String,
    error: Option<String>,
    headers: Vec<String>,
    rows: Vec<Row>,
    csrf_token: String,
    done: Option<String>,
    checklist_action: String,
    checklist_text: String,
    checklist_error: Option<String>,
}

/// A cell: status, due date, and the moves `actor` may make on it.
pub(crate) fn cell(
    tr: &Tr<'_>,
    view: &ItemView,
    actor: Actor,
    action: String,
    whose: &str,
) -> Cell {
    let label = view.item.label.get(tr.lang).clone();
    let moves = ACTIONS
        .iter()
        .filter(|(a, _)| act(&view.item, view.status, actor, *a).is_ok())
        .map(|(_, value)| {
            let text = tr.t(&format!("onboarding-action-{value}"));
            Move {
                value,
                aria: tr.with_args(
                    "onboarding-action-aria",
                    &[
                        ("action", text.clone()),
                        ("item", label.clone()),
                        ("whose", whose.to_owned()),
                    ],
                ),
                label: text,
            }
        })
        .collect();
    Cell {
        status: tr.t(&format!("onboarding-status-{}", view.status.as_str())),
        due: tr.t1("onboarding-due", "date", view.due.to_string()),
        overdue: view.overdue,
        action,
        moves,
        upload: None,
        document: None,
    }
}

async fn show(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    id: &str,
    error: Option<(StatusCode, String)>,
    typed_checklist: Option<(String, String)>,
) -> Response {
    let staff = match page_staff(state, visitor, uri, headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let Ok(id) = id.parse::<i64>() else {
        return hidden(state, visitor, uri).await;
    };
    let (session, checklist, interns) = match super::session_table(state, &staff, id).await {
        Ok(table) => table,
        Err(ApiError::Internal) => return forms::internal(state, tr, uri),
        Err(_) => return hidden(state, visitor, uri).await,
    };
    let Ok(sent) = state.store.session_item_documents(id).await else {
        return forms::internal(state, tr, uri);
    };
    let mut headers = vec![tr.t("onboarding-intern")];
    headers.extend(checklist.items.iter().map(|i| i.label.get(tr.lang).clone()));
    let rows = interns
        .iter()
        .map(|intern| Row {
            name: intern.name.clone(),
            ended: !intern.active,
            cells: intern
                .items
                .iter()
                .map(|view| {
                    let action = format!(
                        "/office/applications/{}/checklist/{}",
                        intern.application, view.item.key
                    );
                    let mut c = cell(&tr, view, Actor::Office, action, &intern.name);
                    c.document = sent
                        .iter()
                        .find(|d| {
                            d.application_id == intern.application && d.item_key == view.item.key
                        })
                        .map(|d| {
                            let href = format!(
                                "/api/v1/office/applications/{}/checklist/{}/document",
                                intern.application, view.item.key
                            );
                            (href, d.file_name.clone())
                        });
                    if !intern.active {
                        c.moves.clear();
                    }
                    c
                })
                .collect(),
        })
        .collect();
    let (status, error) = match error {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let (checklist_text, checklist_error, status) = match typed_checklist {
        Some((text, message)) => (text, Some(message), StatusCode::UNPROCESSABLE_ENTITY),
        None => (checklist.to_toml(), None, status),
    };
    let done = (uri.query() == Some("checklist=saved")).then(|| tr.t("checklist-saved"));
    let page = OnboardingPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            uri,
            tr.t1("onboarding-title", "session", session.name.get(tr.lang)),
        ),
        back: format!("/office/sessions/{id}/allocation"),
        error,
        headers,
        rows,
        csrf_token: staff.csrf_token.clone(),
        done,
        checklist_action: format!("/office/sessions/{id}/checklist"),
        checklist_text,
        checklist_error,
    };
    render(&page, status)
}

/// `GET /office/sessions/{id}/onboarding`.
pub async fn onboarding(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    show(&state, visitor, &uri, &headers, &id, None, None).await
}

/// `POST /office/sessions/{id}/checklist`: `checklist` (TOML); back to the table, or the
/// form again with the mistake named and the text kept.
pub async fn save_checklist(
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
    let tr = state.locales.tr(visitor.lang);
    let Ok(session) = id.parse::<i64>() else {
        return hidden(&state, visitor, &uri).await;
    };
    let text = form.get("checklist").replace("\r\n", "\n");
    let address = peer.ip().to_string();
    match super::checklist_edit::save(&state, &staff, session, &text, &address).await {
        Ok(()) => Redirect::to(&format!(
            "/office/sessions/{session}/onboarding?checklist=saved"
        ))
        .into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error @ ApiError::InvalidArgs { .. }) => {
            let (_, message) = worded(&tr, &error);
            let back =
                Uri::try_from(format!("/office/sessions/{session}/onboarding")).unwrap_or_default();
            show(
                &state,
                visitor,
                &back,
                &headers,
                &id,
                None,
                Some((text, message)),
            )
            .await
        }
        Err(_) => hidden(&state, visitor, &uri).await,
    }
}

/// `POST /office/applications/{id}/checklist/{key}`: `action`; back to the table.
pub async fn office_act(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path((application, key)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let (staff, form) =
        match crate::office::pages::posted_form(&state, visitor, &uri, &headers, &body).await {
            Ok(posted) => posted,
            Err(response) => return response,
        };
    let tr = state.locales.tr(visitor.lang);
    let Ok(application) = application.parse::<i64>() else {
        return hidden(&state, visitor, &uri).await;
    };
    let Some(row) = state.store.screening_row(application).await.ok().flatten() else {
        return hidden(&state, visitor, &uri).await;
    };
    let session = row.session_id.to_string();
    let back = Uri::try_from(format!("/office/sessions/{session}/onboarding")).unwrap_or_default();
    let action = ItemAction::parse(form.get("action"));
    let address = peer.ip().to_string();
    match super::act_on(
        &state,
        Who::Office(&staff),
        application,
        &key,
        super::Move {
            action,
            ..super::Move::default()
        },
        &address,
    )
    .await
    {
        Ok(_) => Redirect::to(&format!(
            "/office/sessions/{session}/onboarding#app-{application}"
        ))
        .into_response(),
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(ApiError::NoRoute | ApiError::ApplicationNotFound | ApiError::SessionNotFound) => {
            hidden(&state, visitor, &uri).await
        }
        Err(error) => {
            let (_, message) = worded(&tr, &error);
            show(
                &state,
                visitor,
                &back,
                &headers,
                &session,
                Some((StatusCode::CONFLICT, message)),
                None,
            )
            .await
        }
    }
}
