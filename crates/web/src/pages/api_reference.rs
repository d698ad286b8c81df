//! The browsable API reference, rendered on the server from the OpenAPI document.

use super::view::{render, Chrome};
use crate::api::openapi::ApiDoc;
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::Required;
use utoipa::OpenApi;

struct ParameterView {
    name: String,
    location: &'static str,
    required: bool,
    description: String,
}

struct ResponseView {
    status: String,
    description: String,
}

struct OperationView {
    anchor: String,
    method: &'static str,
    path: String,
    summary: String,
    parameters: Vec<ParameterView>,
    responses: Vec<ResponseView>,
}

#[derive(Template)]
#[template(path = "api_reference.html")]
struct ApiReferencePage<'a> {
    chrome: Chrome<'a>,
    version: String,
    operations: Vec<OperationView>,
}

pub async fn api_reference(State(state): State<AppState>, visitor: Visitor, uri: Uri) -> Response {
    let snapshot = state.snapshot();
    let tr = state.locales.tr(visitor.lang);
    let doc = ApiDoc::openapi();
    let mut operations = Vec::new();
    for (path, item) in &doc.paths.paths {
        for (method, op) in [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ] {
            if let Some(op) = op {
                operations.push(view(method, path, op, &tr));
            }
        }
    }
    let page = ApiReferencePage {
        chrome: Chrome::new(tr, &snapshot.catalogue, &uri, tr.t("api-title")),
        version: serde_json::to_value(&doc.openapi)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        operations,
    };
    render(&page, StatusCode::OK)
}

fn view(
    method: &'static str,
    path: &str,
    op: &Operation,
    tr: &cohort_i18n::Tr<'_>,
) -> OperationView {
    let id = op.operation_id.clone().unwrap_or_default();
    let parameters = op
        .parameters
        .iter()
        .flatten()
        .map(|p| ParameterView {
            name: p.name.clone(),
            location: match p.parameter_in {
                ParameterIn::Path => "path",
                ParameterIn::Query => "query",
                ParameterIn::Header => "header",
                ParameterIn::Cookie => "cookie",
            },
            required: matches!(p.required, Required::True),
            description: tr.t(&format!("api-param-{id}-{}", p.name)),
        })
        .collect();
    let responses = op
        .responses
        .responses
        .keys()
        .map(|status| ResponseView {
            status: status.clone(),
            description: tr.t(&format!("api-response-{id}-{status}")),
        })
        .collect();
    OperationView {
        anchor: id.clone(),
        method,
        path: path.to_owned(),
        summary: tr.t(&format!("api-op-{id}")),
        parameters,
        responses,
    }
}
