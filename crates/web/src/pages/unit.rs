//! A unit's page: breadcrumb, what it does, its teams, and testimonials.

use super::not_found::not_found_page;
use super::view::{render, unit_href, Card, Chrome};
use crate::state::{AppState, Snapshot};
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use cohort_domain::session::WindowState;
use cohort_domain::UnitCode;

struct Crumb {
    href: String,
    name: String,
}

struct PlacementView {
    title: String,
    session: String,
    description: String,
    seats: String,
    languages: String,
}

struct TestimonialView {
    lang: &'static str,
    title: String,
    body: Vec<String>,
}

#[derive(Template)]
#[template(path = "unit.html")]
struct UnitPage<'a> {
    chrome: Chrome<'a>,
    breadcrumb: Vec<Crumb>,
    code: String,
    name: String,
    kind: String,
    summary: String,
    responsibilities: Vec<String>,
    cards: Vec<Card>,
    placements: Vec<PlacementView>,
    testimonials: Vec<TestimonialView>,
}

pub async fn unit(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    code: Result<Path<String>, PathRejection>,
) -> Response {
    let snapshot = state.snapshot();
    let catalogue = &snapshot.catalogue;
    let tr = state.locales.tr(visitor.lang);
    let found = code
        .ok()
        .and_then(|Path(code)| UnitCode::parse(&code).ok())
        .and_then(|code| catalogue.unit(&code));
    let Some(unit) = found else {
        return not_found_page(&state, visitor, &uri);
    };
    let lang = visitor.lang;
    let name = unit.name.get(lang).clone();
    let placements = open_placements(&state, &snapshot, &unit.code, &tr);
    let page = UnitPage {
        chrome: Chrome::new(tr, catalogue, &uri, name.clone()),
        breadcrumb: catalogue
            .ancestors(&unit.code)
            .into_iter()
            .map(|u| Crumb {
                href: unit_href(u),
                name: u.name.get(lang).clone(),
            })
            .collect(),
        code: unit.code.to_string(),
        name,
        kind: tr.kind(unit.kind),
        summary: unit.summary.get(lang).clone(),
        responsibilities: unit.responsibilities.get(lang).clone(),
        cards: catalogue
            .children(&unit.code)
            .map(|u| Card::of(u, &tr))
            .collect(),
        placements,
        testimonials: catalogue
            .testimonials_of(&unit.code)
            .map(|t| TestimonialView {
                lang: lang.code(),
                title: t.title.get(lang).clone(),
                body: t.body.get(lang).clone(),
            })
            .chain(interns_words(&snapshot, &unit.code, &tr))
            .collect(),
    };
    render(&page, StatusCode::OK)
}

/// What former interns wrote, as approved: in the language written, then the other
/// language's version when they gave one. Shown as text (askama escapes it).
fn interns_words(
    snapshot: &Snapshot,
    code: &UnitCode,
    tr: &cohort_i18n::Tr<'_>,
) -> Vec<TestimonialView> {
    let paragraphs = |text: &str| -> Vec<String> {
        text.split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect()
    };
    let mut views = Vec::new();
    for t in snapshot
        .intern_testimonials
        .iter()
        .filter(|t| t.unit_code == code.as_str())
    {
        let written = cohort_domain::Lang::parse(&t.lang).unwrap_or(cohort_domain::Lang::En);
        views.push(TestimonialView {
            lang: written.code(),
            title: tr.t("unit-intern-testimonial"),
            body: paragraphs(&t.body),
        });
        if let Some(other) = &t.body_other {
            let other_lang = match written {
                cohort_domain::Lang::En => cohort_domain::Lang::Fr,
                cohort_domain::Lang::Fr => cohort_domain::Lang::En,
            };
            views.push(TestimonialView {
                lang: other_lang.code(),
                title: tr.t("unit-intern-testimonial-other"),
                body: paragraphs(other),
            });
        }
    }
    views
}

/// The unit's placements in sessions still taking applications (open or about to open),
/// from the in-memory snapshot.
fn open_placements(
    state: &AppState,
    snapshot: &Snapshot,
    code: &UnitCode,
    tr: &cohort_i18n::Tr<'_>,
) -> Vec<PlacementView> {
    let now = state.settings.now_timestamp();
    let lang = tr.lang;
    snapshot
        .placements
        .iter()
        .filter(|p| &p.unit == code)
        .filter_map(|p| {
            let session = snapshot.sessions.iter().find(|s| s.id == p.session)?;
            (session.window.state(now) != WindowState::Closed).then(|| PlacementView {
                title: p.title.get(lang).clone(),
                session: tr.with_args(
                    "unit-placement-session",
                    &[
                        ("session", session.name.get(lang).clone()),
                        (
                            "deadline",
                            session
                                .window
                                .closes()
                                .strftime("%Y-%m-%d %H:%M")
                                .to_string(),
                        ),
                        ("zone", session.window.time_zone().to_owned()),
                    ],
                ),
                description: p.description.get(lang).clone(),
                seats: tr.count("unit-placement-seats", p.capacity as usize, "unit", code),
                languages: p
                    .languages
                    .iter()
                    .map(|l| format!("{} {}", l.language, l.level))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
        })
        .collect()
}
