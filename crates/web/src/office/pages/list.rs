//! `/office/sessions/{id}/applications`: the screening list — filters with their counts,
//! full-text search, pages — and, for coordinators, a bulk decision on the ticked rows.

use super::{hidden, page_staff, unit_name};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::api::{audit, decide_many, is_blind, parse_filter, session_list};
use crate::office::list::{self, Entry, FACETS};
use crate::office::Staff;
use crate::pages::forms::{self, worded, ErrorView, FormData};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::application::{Decision, Reason, ReasonProblem};
use cohort_domain::session::Session;
use cohort_domain::{Permission, Role};

struct Opt {
    value: String,
    label: String,
    selected: bool,
}

struct Select {
    id: String,
    name: &'static str,
    label: String,
    options: Vec<Opt>,
}

struct RowView {
    id: i64,
    href: String,
    name: String,
    nationalities: String,
    status: String,
    eligible: String,
    units: String,
    education: String,
    submitted: String,
}

struct PageLink {
    href: String,
    label: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "office_list.html")]
struct ListPage<'a> {
    chrome: Chrome<'a>,
    errors: Vec<ErrorView>,
    notice: Option<String>,
    q: String,
    selects: Vec<Select>,
    total: String,
    rows: Vec<RowView>,
    blind: bool,
    may_decide: bool,
    csrf_token: String,
    action: String,
    export_csv: String,
    export_xlsx: String,
    report_href: String,
    allocation_href: String,
    reason: String,
    decisions: Vec<Opt>,
    pages: Vec<PageLink>,
}

/// Query pairs without the ones named (to build links that change one thing).
fn query_without(raw: &str, drop: &[&str]) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.as_bytes())
        .filter(|(k, _)| !drop.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn encode(pairs: &[(String, String)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

fn facet_label(state: &AppState, lang: cohort_domain::Lang, facet: &str, value: &str) -> String {
    let tr = state.locales.tr(lang);
    match facet {
        "status" => tr.t(&format!("office-status-{value}")),
        "eligible" => tr.t(&format!("office-eligible-{value}")),
        "level" => tr.t(&format!("candidate-level-{value}")),
        "unit" => unit_name(&state.snapshot().catalogue, value, lang),
        _ => value.to_owned(),
    }
}

#[allow(clippy::too_many_arguments)]
fn render_list(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    staff: &Staff,
    session: &Session,
    raw: &str,
    status: StatusCode,
    errors: Vec<(Option<String>, String)>,
    reason: &str,
    list: &list::ScreeningList,
    blind: bool,
) -> Result<Response, ApiError> {
    let tr = state.locales.tr(visitor.lang);
    let (filter, sort, page, per_page) = parse_filter(Some(raw))?;
    let scope = (staff.role == Role::Reviewer).then_some(staff.units.as_slice());
    let facets: Vec<&'static str> = FACETS
        .into_iter()
        .filter(|f| !(blind && *f == "nationality"))
        .collect();
    let results = list::query(list, scope, &filter, &facets, sort, page, per_page);
    let chosen = query_without(raw, &[]);
    let selects = facets
        .iter()
        .map(|&facet| {
            let current = chosen
                .iter()
                .find(|(k, _)| k == facet)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let mut options = vec![Opt {
                value: String::new(),
                label: tr.t("office-filter-all"),
                selected: current.is_empty(),
            }];
            let counts = results.facets.get(facet).cloned().unwrap_or_default();
            let mut seen_current = current.is_empty();
            for (value, count) in counts {
                let selected = value.eq_ignore_ascii_case(&current);
                seen_current |= selected;
                options.push(Opt {
                    label: format!(
                        "{} ({count})",
                        facet_label(state, visitor.lang, facet, &value)
                    ),
                    value,
                    selected,
                });
            }
            if !seen_current {
                options.push(Opt {
                    label: format!("{} (0)", facet_label(state, visitor.lang, facet, &current)),
                    value: current,
                    selected: true,
                });
            }
            Select {
                id: format!("filter-{facet}"),
                name: facet,
                label: tr.t(&format!("office-facet-{facet}")),
                options,
            }
        })
        .collect();
    let rows = results
        .page
        .iter()
        .map(|e| row_view(state, visitor, e, blind))
        .collect();
    let page_count = results.total.div_ceil(per_page).max(1);
    let kept = query_without(raw, &["page", "changed", "refused"]);
    let pages = (1..=page_count)
        .filter(|p| *p == 1 || *p == page_count || p.abs_diff(page) <= 2)
        .map(|p| {
            let mut q = kept.clone();
            q.push(("page".into(), p.to_string()));
            PageLink {
                href: format!("{}?{}", uri.path(), encode(&q)),
                label: p.to_string(),
                current: p == page,
            }
        })
        .collect();
    let changed = chosen
        .iter()
        .find(|(k, _)| k == "changed")
        .map(|(_, v)| v.clone());
    let refused = chosen
        .iter()
        .find(|(k, _)| k == "refused")
        .map(|(_, v)| v.clone());
    let notice = changed.map(|c| {
        tr.with_args(
            "office-decided",
            &[
                ("changed", c),
                ("refused", refused.unwrap_or_else(|| "0".into())),
            ],
        )
    });
    let mut fields_errors = errors;
    let errors = fields_errors
        .drain(..)
        .map(|(field, message)| ErrorView {
            target: field.map(|f| format!("f-{f}")).unwrap_or_default(),
            message,
        })
        .collect();
    let page_view = ListPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            uri,
            tr.t1("office-list-title", "session", session.name.get(tr.lang)),
        ),
        errors,
        notice,
        q: filter.text.clone().unwrap_or_default(),
        selects,
        total: tr.with_args("office-total", &[("count", results.total.to_string())]),
        rows,
        blind,
        may_decide: staff.role.may(Permission::ScreenApplications),
        csrf_token: staff.csrf_token.clone(),
        action: format!("{}/decisions?{}", uri.path(), encode(&kept)),
        export_csv: export_href(session, &kept, "csv"),
        export_xlsx: export_href(session, &kept, "xlsx"),
        report_href: format!("/office/sessions/{}/report", session.id.0),
        allocation_href: format!("/office/sessions/{}/allocation", session.id.0),
        reason: reason.to_owned(),
        decisions: Decision::ALL
            .into_iter()
            .map(|d| Opt {
                value: d.as_str().to_owned(),
                label: tr.t(&format!("office-decision-{}", d.as_str())),
                selected: false,
            })
            .collect(),
        pages,
    };
    Ok(render(&page_view, status))
}

fn export_href(session: &Session, kept: &[(String, String)], format: &str) -> String {
    let mut q: Vec<(String, String)> = kept
        .iter()
        .filter(|(k, _)| k != "format")
        .cloned()
        .collect();
    q.push(("format".into(), format.into()));
    format!(
        "/api/v1/office/sessions/{}/applications/export?{}",
        session.id.0,
        encode(&q)
    )
}

fn row_view(state: &AppState, visitor: Visitor, entry: &Entry, blind: bool) -> RowView {
    let tr = state.locales.tr(visitor.lang);
    let snapshot = state.snapshot();
    let mut units: Vec<String> = Vec::new();
    for unit in &entry.units {
        let name = unit_name(&snapshot.catalogue, unit, tr.lang);
        if !units.contains(&name) {
            units.push(name);
        }
    }
    let education = entry
        .profile
        .education
        .as_ref()
        .map(|e| {
            [
                e.level
                    .as_deref()
                    .map(|l| tr.t(&format!("candidate-level-{l}"))),
                e.field.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
        })
        .unwrap_or_default();
    RowView {
        id: entry.row.id,
        href: format!("/office/applications/{}", entry.row.id),
        name: if blind { String::new() } else { entry.name() },
        nationalities: if blind {
            String::new()
        } else {
            entry.profile.nationalities.join(", ")
        },
        status: tr.t(&format!("office-status-{}", entry.row.status.as_str())),
        eligible: tr.t(if entry.row.eligible {
            "office-eligible-yes"
        } else {
            "office-eligible-no"
        }),
        units: units.join(" · "),
        education,
        submitted: entry
            .row
            .submitted_at
            .and_then(|m| jiff::Timestamp::from_millisecond(m).ok())
            .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default(),
    }
}

async fn find_session(state: &AppState, id: i64) -> Result<Option<Session>, ApiError> {
    state.session(id).await.map_err(ApiError::internal)
}

fn may_see_lists(staff: &Staff) -> bool {
    staff.role.may(Permission::ScreenApplications) || staff.role.may(Permission::ReviewApplications)
}

/// `GET /office/sessions/{id}/applications`.
pub async fn screening(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let session = match id.parse::<i64>() {
        Ok(id) if may_see_lists(&staff) => match find_session(&state, id).await {
            Ok(Some(session)) => session,
            Ok(None) => return hidden(&state, visitor, &uri).await,
            Err(error) => return forms::internal_after(&state, tr, &uri, &error),
        },
        _ => return hidden(&state, visitor, &uri).await,
    };
    let raw = uri.query().unwrap_or("").to_owned();
    let list = match session_list(&state, session.id).await {
        Ok(list) => list,
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    let Ok(blind) = is_blind(&state, &staff, session.id).await else {
        return forms::internal(&state, tr, &uri);
    };
    let logged = audit(
        &state,
        &staff,
        peer,
        "applications.list",
        &format!("session:{}", session.id.0),
        serde_json::json!({ "query": raw, "page": true }),
    )
    .await;
    if logged.is_err() {
        return forms::internal(&state, tr, &uri);
    }
    match render_list(
        &state,
        visitor,
        &uri,
        &staff,
        &session,
        &raw,
        StatusCode::OK,
        Vec::new(),
        "",
        &list,
        blind,
    ) {
        Ok(response) => response,
        Err(ApiError::Internal) => forms::internal(&state, tr, &uri),
        Err(error) => {
            // a filter not understood: the list without filters, and why
            let errors = vec![worded(&tr, &error)];
            render_list(
                &state,
                visitor,
                &uri,
                &staff,
                &session,
                "",
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
                "",
                &list,
                blind,
            )
            .unwrap_or_else(|_| forms::internal(&state, tr, &uri))
        }
    }
}

/// `POST /office/sessions/{id}/applications/decisions`: the ticked `id`s, a `decision`
/// and a `reason`; back to the same list with how many changed.
pub async fn decide(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
    peer: ClientAddr,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    if !staff.role.may(Permission::ScreenApplications) {
        return hidden(&state, visitor, &uri).await;
    }
    let session = match id.parse::<i64>() {
        Ok(id) => match find_session(&state, id).await {
            Ok(Some(session)) => session,
            Ok(None) => return hidden(&state, visitor, &uri).await,
            Err(error) => return forms::internal_after(&state, tr, &uri, &error),
        },
        Err(_) => return hidden(&state, visitor, &uri).await,
    };
    let form = FormData::parse(&body);
    if !staff.csrf_ok(form.opt("csrf_token").as_deref()) {
        return forms::csrf_refused(&state, tr, &uri);
    }
    let back = uri.query().unwrap_or("").to_owned();
    let list_path = format!("/office/sessions/{}/applications", session.id.0);
    let ids: Vec<i64> = form_urlencoded::parse(&body)
        .filter(|(k, _)| k == "id")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let reason_text = form.get("reason").to_owned();
    let mut errors = Vec::new();
    let decision = Decision::parse(form.get("decision"));
    if decision.is_none() {
        errors.push((Some("decision".to_owned()), tr.t("office-decision-unknown")));
    }
    let reason = match Reason::parse(&reason_text) {
        Ok(reason) => Some(reason),
        Err(problem) => {
            let key = match problem {
                ReasonProblem::Missing => "office-reason-missing",
                ReasonProblem::TooLong => "office-reason-too-long",
            };
            errors.push((Some("reason".to_owned()), tr.t(key)));
            None
        }
    };
    if ids.is_empty() || ids.len() > 1000 {
        errors.push((None, tr.t("office-ids-count")));
    }
    let (Some(decision), Some(reason), true) = (decision, reason, errors.is_empty()) else {
        let list = match session_list(&state, session.id).await {
            Ok(list) => list,
            Err(error) => return forms::internal_after(&state, tr, &uri, &error),
        };
        let Ok(blind) = is_blind(&state, &staff, session.id).await else {
            return forms::internal(&state, tr, &uri);
        };
        let list_uri: Uri = format!("{list_path}?{back}")
            .parse()
            .unwrap_or_else(|_| uri.clone());
        return render_list(
            &state,
            visitor,
            &list_uri,
            &staff,
            &session,
            &back,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
            &reason_text,
            &list,
            blind,
        )
        .unwrap_or_else(|_| forms::internal(&state, tr, &uri));
    };
    match decide_many(&state, &staff, peer, visitor.lang, &ids, decision, &reason).await {
        Ok(outcome) => {
            let mut q = query_without(&back, &["changed", "refused"]);
            q.push(("changed".into(), outcome.changed.len().to_string()));
            q.push(("refused".into(), outcome.refused.len().to_string()));
            Redirect::to(&format!("{list_path}?{}", encode(&q))).into_response()
        }
        Err(_) => forms::internal(&state, tr, &uri),
    }
}
