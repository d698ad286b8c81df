//! The back office's HTML pages: the staff home, a session's screening list with bulk
//! decisions, and one application. They call the same functions as `/api/v1/office`.

mod application;
mod audit;
mod list;
mod ranking;

pub use application::{application, conflict, override_eligibility, save_review};
pub use audit::audit_log;
pub use list::{decide, screening};
pub use ranking::{ranking, reorder};

use super::Staff;
use crate::pages::forms::{self, page_user};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use cohort_domain::Permission;

/// The staff member of a page: `Err(response)` sends a visitor who is not signed in to the
/// sign-in page and answers 404 to anyone else who is not staff.
pub(crate) async fn page_staff(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
) -> Result<Staff, Response> {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(state, headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return Err(Redirect::to("/login").into_response()),
        Err(error) => return Err(forms::internal_after(state, tr, uri, &error)),
    };
    match Staff::of(state, user.account, user.csrf_token).await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => Err(
            crate::pages::not_found(State(state.clone()), visitor, uri.clone())
                .await
                .into_response(),
        ),
        Err(_) => Err(forms::internal(state, tr, uri)),
    }
}

/// A form's staff member and fields once its CSRF token matched, or the response to send
/// (sign-in, 404, or the CSRF refusal).
pub(crate) async fn posted_form(
    state: &AppState,
    visitor: Visitor,
    uri: &Uri,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<(Staff, forms::FormData), Response> {
    let staff = page_staff(state, visitor, uri, headers).await?;
    let form = forms::FormData::parse(body);
    if !staff.csrf_ok(form.opt("csrf_token").as_deref()) {
        return Err(forms::csrf_refused(
            state,
            state.locales.tr(visitor.lang),
            uri,
        ));
    }
    Ok((staff, form))
}

/// 404 in the visitor's language, as for a missing page.
pub async fn hidden(state: &AppState, visitor: Visitor, uri: &Uri) -> Response {
    crate::pages::not_found(State(state.clone()), visitor, uri.clone())
        .await
        .into_response()
}

/// A unit's name in `lang`, or its code when the catalogue no longer has it.
pub(crate) fn unit_name(
    catalogue: &cohort_domain::Catalogue,
    code: &str,
    lang: cohort_domain::Lang,
) -> String {
    cohort_domain::UnitCode::parse(code)
        .ok()
        .and_then(|c| catalogue.unit(&c))
        .map_or_else(|| code.to_owned(), |u| u.name.get(lang).clone())
}

struct SessionLink {
    href: String,
    name: String,
    window: String,
    /// The session's settings, for those who manage sessions.
    edit: Option<String>,
    /// The session's interns, for those who manage sessions.
    internships: Option<String>,
}

#[derive(Template)]
#[template(path = "office_home.html")]
struct OfficeHome<'a> {
    chrome: Chrome<'a>,
    who: String,
    csrf_token: String,
    sessions: Vec<SessionLink>,
    units: Vec<String>,
    placements: Vec<SessionLink>,
    may_create: bool,
    assigned: Vec<AssignedLink>,
    assigned_count: String,
    audit_href: Option<&'static str>,
    /// A supervisor's interns.
    interns: Vec<AssignedLink>,
}

struct AssignedLink {
    href: String,
    label: String,
    done: bool,
}

/// `GET /office`: who is signed in, and the sessions to work on.
pub async fn home(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let staff = match page_staff(&state, visitor, &uri, &headers).await {
        Ok(staff) => staff,
        Err(response) => return response,
    };
    let tr = state.locales.tr(visitor.lang);
    let snapshot = state.snapshot();
    let sees_applications = staff.role.may(Permission::ScreenApplications)
        || staff.role.may(Permission::ReviewApplications);
    let now = state.settings.now_timestamp();
    // from the store: a session created a moment ago is listed at once
    let all_sessions = match state.store.sessions().await {
        Ok(sessions) => sessions,
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    let sessions = if sees_applications {
        all_sessions
            .iter()
            .map(|s| SessionLink {
                href: format!("/office/sessions/{}/applications", s.id.0),
                name: s.name.get(tr.lang).clone(),
                window: tr.t(&format!("office-window-{}", s.window.state(now).as_str())),
                edit: staff
                    .role
                    .may(Permission::ManageSessions)
                    .then(|| format!("/office/sessions/{}/edit", s.id.0)),
                internships: staff
                    .role
                    .may(Permission::ManageSessions)
                    .then(|| format!("/office/sessions/{}/internships", s.id.0)),
            })
            .collect()
    } else {
        Vec::new()
    };
    let units = staff
        .units
        .iter()
        .map(|code| unit_name(&snapshot.catalogue, code, tr.lang))
        .collect();
    // the placements whose ranking this person works on (a reviewer's units; every one
    // for a coordinator)
    let mut offered = Vec::new();
    for session in &all_sessions {
        match state.store.placements(session.id).await {
            Ok(p) => offered.extend(p),
            Err(error) => return forms::internal_after(&state, tr, &uri, &error),
        }
    }
    let placements = offered
        .iter()
        .filter(|p| sees_applications && super::review::works_for(&staff, p.unit.as_str()))
        .map(|p| SessionLink {
            href: format!("/office/placements/{}/ranking", p.id.0),
            name: p.title.get(tr.lang).clone(),
            window: unit_name(&snapshot.catalogue, p.unit.as_str(), tr.lang),
            edit: None,
            internships: None,
        })
        .collect();
    // a reviewer's assignments, those still to review first
    let mut mine = match state.store.assigned_to(staff.account.id).await {
        Ok(mine) => mine,
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    mine.sort_by_key(|&(id, done)| (done, id));
    let reviewed = mine.iter().filter(|(_, done)| *done).count();
    let assigned_count = tr.with_args(
        "office-assigned-count",
        &[
            ("done", reviewed.to_string()),
            ("total", mine.len().to_string()),
        ],
    );
    let assigned = mine
        .into_iter()
        .map(|(id, done)| AssignedLink {
            href: format!("/office/applications/{id}"),
            label: tr.t1("office-assigned-application", "id", id),
            done,
        })
        .collect();
    let Ok(interns) = crate::internship::page::supervised_links(&state, &staff, tr.lang).await
    else {
        return forms::internal(&state, tr, &uri);
    };
    let interns = interns
        .into_iter()
        .map(|(href, label, done)| AssignedLink { href, label, done })
        .collect();
    let page = OfficeHome {
        interns,
        chrome: Chrome::new(tr, &snapshot.catalogue, &uri, tr.t("office-title")),
        who: tr.with_args(
            "office-signed-in-as",
            &[
                ("email", staff.account.email.clone()),
                (
                    "role",
                    tr.t(&format!("office-role-{}", staff.role.as_str())),
                ),
            ],
        ),
        csrf_token: staff.csrf_token.clone(),
        may_create: staff.role.may(Permission::ManageSessions),
        assigned,
        assigned_count,
        sessions,
        units,
        placements,
        audit_href: staff
            .role
            .may(Permission::BrowseAudit)
            .then_some("/office/audit"),
    };
    render(&page, StatusCode::OK)
}
