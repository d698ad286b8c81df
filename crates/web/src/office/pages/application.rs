//! `/office/applications/{id}`: one application, whole — blind for reviewers, and only
//! for staff who may see it (404 for anyone else). Every view is audited.

use super::{hidden, page_staff, unit_name};
use crate::office::api::{audit, is_blind, view, visible_application};
use crate::pages::forms;
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use std::net::SocketAddr;

#[derive(Template)]
#[template(path = "office_application.html")]
struct ApplicationPage<'a> {
    chrome: Chrome<'a>,
    back: String,
    facts: Vec<(String, String)>,
    choices: Vec<String>,
    motivation: String,
}

/// `GET /office/applications/{id}`.
pub async fn application(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(id): Path<String>,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
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
        Err(_) => return forms::internal(&state, tr, &uri),
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
    let body = view(entry, is_blind(&staff), true);
    let snapshot = state.snapshot();
    let mut facts = vec![
        (
            tr.t("office-col-status"),
            tr.t(&format!("office-status-{}", body.status)),
        ),
        (
            tr.t("office-col-eligible"),
            tr.t(if body.eligible {
                "office-eligible-yes"
            } else {
                "office-eligible-no"
            }),
        ),
    ];
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
    };
    render(&page, StatusCode::OK)
}
