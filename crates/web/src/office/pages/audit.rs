//! `/office/audit`: the audit log for administrators (404 for anyone else) — filters by
//! actor, action and days, newest first, a page at a time, and a link to download the
//! filtered entries as CSV. Each view is recorded in the log itself.

use super::page_staff;
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::api::audit;
use crate::office::audit_log::{api::allowed, page, rfc3339, AuditQuery, ACTIONS};
use crate::pages::forms::{self, worded, ErrorView};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;

struct EntryView {
    seq: i64,
    at: String,
    actor: String,
    action: String,
    subject: String,
    detail: String,
    address: String,
}

#[derive(Template)]
#[template(path = "office_audit.html")]
struct AuditPage<'a> {
    chrome: Chrome<'a>,
    errors: Vec<ErrorView>,
    actor: String,
    action: String,
    from: String,
    to: String,
    actions: &'static [&'static str],
    entries: Vec<EntryView>,
    export_href: String,
    older_href: Option<String>,
    newest_href: Option<String>,
}

/// The filters as a query string (without the page), to build links.
fn filters(query: &AuditQuery) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let pairs = [
        ("actor", query.filter.actor.as_deref().unwrap_or_default()),
        ("action", query.filter.action.as_deref().unwrap_or_default()),
        ("from", query.from_day.as_str()),
        ("to", query.to_day.as_str()),
    ];
    for (key, value) in pairs.into_iter().filter(|(_, v)| !v.is_empty()) {
        out.append_pair(key, value);
    }
    out.finish()
}

/// `GET /office/audit`.
pub async fn audit_log(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    RawQuery(raw): RawQuery,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let (query, errors, status) = match allowed(&staff, raw.as_deref()) {
        Ok(query) => (query, Vec::new(), StatusCode::OK),
        Err(ApiError::NoRoute) => return super::hidden(&state, visitor, &uri).await,
        Err(error) => {
            let (field, message) = worded(&tr, &error);
            let target = field.map(|f| format!("audit-{f}")).unwrap_or_default();
            let errors = vec![ErrorView { target, message }];
            (
                AuditQuery::default(),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let Ok((entries, next)) = page(&state, &query).await else {
        return forms::internal(&state, tr, &uri);
    };
    let detail = serde_json::json!({ "query": raw.unwrap_or_default(), "shown": entries.len() });
    if audit(&state, &staff, peer, "audit.view", "audit", detail)
        .await
        .is_err()
    {
        return forms::internal(&state, tr, &uri);
    }
    let kept = filters(&query);
    let with = |extra: String| {
        [kept.as_str(), extra.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("&")
    };
    let snapshot = state.snapshot();
    let page = AuditPage {
        chrome: Chrome::new(tr, &snapshot.catalogue, &uri, tr.t("audit-title")),
        errors,
        actor: query.filter.actor.clone().unwrap_or_default(),
        action: query.filter.action.clone().unwrap_or_default(),
        from: query.from_day.clone(),
        to: query.to_day.clone(),
        actions: &ACTIONS,
        entries: entries
            .into_iter()
            .map(|e| EntryView {
                seq: e.seq,
                at: rfc3339(e.at),
                actor: e.actor,
                action: e.action,
                subject: e.subject,
                detail: e.detail,
                address: e.address.unwrap_or_default(),
            })
            .collect(),
        export_href: format!("/api/v1/office/audit/export?{kept}"),
        older_href: next.map(|seq| format!("/office/audit?{}", with(format!("before={seq}")))),
        newest_href: query
            .before
            .map(|_| format!("/office/audit?{}", with(String::new()))),
    };
    render(&page, status)
}
