//! `/office/sessions/{id}/report`: a session's dashboard for coordinators — demand per
//! unit against its seats, nationalities, studies, the funnel by status, reviewer
//! progress — each as an SVG chart drawn here with the same numbers in a table beside it.
//! Computed from the in-memory screening list and three queries; viewing it is audited.

mod chart;

use super::api::{audit, session_list};
use super::pages::{hidden, page_staff, unit_name};
use crate::client_addr::ClientAddr;
use crate::pages::forms;
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use chart::{chart, Bar, Chart};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use std::collections::{BTreeMap, HashMap};

/// A chart and its table.
struct Section {
    chart: Chart,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    note: Option<String>,
}

#[derive(Template)]
#[template(path = "office_report.html")]
struct ReportPage<'a> {
    chrome: Chrome<'a>,
    back: String,
    done: Option<String>,
    assign_action: String,
    csrf_token: String,
    sections: Vec<Section>,
    gender_note: String,
}

fn counted(
    id: &str,
    title: String,
    header: String,
    tr: &cohort_i18n::Tr<'_>,
    counts: BTreeMap<String, usize>,
) -> Section {
    let total: usize = counts.values().sum();
    let mut rows: Vec<(String, usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let bars = rows
        .iter()
        .map(|(label, n)| Bar {
            label: label.clone(),
            value: *n as f64,
            shown: n.to_string(),
        })
        .collect();
    Section {
        chart: chart(id, title, bars),
        headers: vec![header, tr.t("report-count"), tr.t("report-share")],
        rows: rows
            .into_iter()
            .map(|(label, n)| {
                let share = if total == 0 {
                    0.0
                } else {
                    n as f64 * 100.0 / total as f64
                };
                vec![label, n.to_string(), format!("{share:.1} %")]
            })
            .collect(),
        note: None,
    }
}

/// `GET /office/sessions/{id}/report`.
pub async fn report(
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
    let Some(id) = id
        .parse::<i64>()
        .ok()
        .filter(|_| staff.role.may(Permission::ScreenApplications))
    else {
        return hidden(&state, visitor, &uri).await;
    };
    let session = match state.store.session_by_id(SessionId(id)).await {
        Ok(Some(session)) => session,
        Ok(None) => return hidden(&state, visitor, &uri).await,
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    // every read that fails is logged; the page then says only that it failed
    fn read_failed(error: impl std::fmt::Debug) {
        tracing::error!(?error, "the office's report could not read its data");
    }
    let (list, placements, statuses, reviews, people, assignments) = match tokio::try_join!(
        async { session_list(&state, session.id).await.map_err(read_failed) },
        async {
            state
                .store
                .placements(session.id)
                .await
                .map_err(read_failed)
        },
        async {
            state
                .store
                .status_counts(session.id)
                .await
                .map_err(read_failed)
        },
        async {
            state
                .store
                .review_counts(session.id)
                .await
                .map_err(read_failed)
        },
        async { state.store.staff_accounts().await.map_err(read_failed) },
        async {
            state
                .store
                .assignments(session.id)
                .await
                .map_err(read_failed)
        },
    ) {
        Ok(all) => all,
        Err(()) => return forms::internal(&state, tr, &uri),
    };
    if audit(
        &state,
        &staff,
        peer,
        "report.view",
        &format!("session:{id}"),
        serde_json::json!({}),
    )
    .await
    .is_err()
    {
        return forms::internal(&state, tr, &uri);
    }
    let snapshot = state.snapshot();
    // demand per unit: applications that chose one of its placements, against its seats
    let mut seats: BTreeMap<String, u32> = BTreeMap::new();
    for p in &placements {
        *seats.entry(p.unit.as_str().to_owned()).or_default() += p.capacity;
    }
    use ApplicationStatus as S;
    // every sent application, whatever became of it
    let live: Vec<S> = S::ALL.into_iter().filter(|s| s.is_submitted()).collect();
    let demand = list.counts("unit", &live);
    let mut unit_rows: Vec<(String, usize, u32, f64)> = seats
        .iter()
        .map(|(unit, &s)| {
            let n = demand.get(unit).copied().unwrap_or(0);
            (
                unit_name(&snapshot.catalogue, unit, tr.lang),
                n,
                s,
                if s == 0 { 0.0 } else { n as f64 / f64::from(s) },
            )
        })
        .collect();
    unit_rows.sort_by(|a, b| b.3.total_cmp(&a.3));
    let demand_section = Section {
        chart: chart(
            "demand",
            tr.t("report-demand"),
            unit_rows
                .iter()
                .map(|(name, _, _, ratio)| Bar {
                    label: name.clone(),
                    value: *ratio,
                    shown: format!("{ratio:.1}"),
                })
                .collect(),
        ),
        headers: vec![
            tr.t("office-facet-unit"),
            tr.t("report-applications"),
            tr.t("report-seats"),
            tr.t("report-ratio"),
        ],
        rows: unit_rows
            .into_iter()
            .map(|(name, n, s, ratio)| {
                vec![name, n.to_string(), s.to_string(), format!("{ratio:.1}")]
            })
            .collect(),
        note: None,
    };

    let nationality = list.counts("nationality", &live);
    let level: BTreeMap<String, usize> = list
        .counts("level", &live)
        .into_iter()
        .map(|(value, n)| (tr.t(&format!("candidate-level-{value}")), n))
        .collect();
    let field = list.counts("field", &live);
    let mut nationality_section = counted(
        "nationality",
        tr.t("report-nationality"),
        tr.t("office-facet-nationality"),
        &tr,
        nationality,
    );
    let caps = match crate::office::allocation::caps_of(&state, &session).await {
        Ok(caps) => caps,
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    nationality_section.note = Some(if caps.is_empty() {
        tr.t("report-no-caps")
    } else {
        let counts = caps.counts(seats.values().sum());
        let listed: Vec<String> = caps
            .caps()
            .iter()
            .map(|c| {
                let count = counts.get(&c.nationality).copied().unwrap_or(0);
                match c.limit {
                    cohort_domain::allocation::CapLimit::Count(_) => {
                        format!("{} ≤ {count}", c.nationality)
                    }
                    cohort_domain::allocation::CapLimit::Percent(p) => {
                        format!("{} ≤ {count} ({p} %)", c.nationality)
                    }
                }
            })
            .collect();
        tr.t1("report-caps", "caps", listed.join(", "))
    });

    // gender is optional: those who did not answer are counted as such
    let mut genders: BTreeMap<String, usize> = BTreeMap::new();
    for entry in list.entries.iter().filter(|e| live.contains(&e.row.status)) {
        let answer = entry
            .profile
            .gender
            .as_deref()
            .and_then(cohort_domain::profile::Gender::parse)
            .map_or_else(
                || tr.t("candidate-not-given"),
                |g| tr.t(&format!("candidate-gender-{}", g.as_str())),
            );
        *genders.entry(answer).or_default() += 1;
    }
    let mut gender_section = counted(
        "gender",
        tr.t("report-gender-title"),
        tr.t("candidate-gender"),
        &tr,
        genders,
    );
    gender_section.note = Some(tr.t("report-gender"));

    let funnel: BTreeMap<String, usize> = statuses
        .iter()
        .map(|(status, n)| {
            (
                tr.t(&format!("office-status-{}", status.as_str())),
                *n as usize,
            )
        })
        .collect();
    let mut funnel_section = counted(
        "funnel",
        tr.t("report-funnel"),
        tr.t("office-facet-status"),
        &tr,
        funnel,
    );
    // the funnel reads in the order of the process, not by size
    let order: Vec<String> = ApplicationStatus::ALL
        .iter()
        .map(|s| tr.t(&format!("office-status-{}", s.as_str())))
        .collect();
    funnel_section
        .rows
        .sort_by_key(|r| order.iter().position(|o| *o == r[0]).unwrap_or(usize::MAX));

    // reviewer progress: reviews done against the live applications of their units
    let done: HashMap<i64, usize> = reviews.iter().map(|&(who, n)| (who, n as usize)).collect();
    let mut assigned: HashMap<i64, usize> = HashMap::new();
    for &(_, reviewer) in &assignments {
        *assigned.entry(reviewer).or_default() += 1;
    }
    // applications still to review, per unit; a reviewer of several units needs the union,
    // counted apart
    let per_unit = list.counts("unit", &[S::Submitted, S::Shortlisted]);
    let mut progress_rows = Vec::new();
    let mut progress_bars = Vec::new();
    for (account, units) in people.iter().filter(|(a, _)| a.role == "reviewer") {
        let to_review = match units.as_slice() {
            [one] => per_unit.get(one).copied().unwrap_or(0),
            _ => list
                .entries
                .iter()
                .filter(|e| matches!(e.row.status, S::Submitted | S::Shortlisted))
                .filter(|e| e.units.iter().any(|u| units.contains(u)))
                .count(),
        };
        let n = done.get(&account.id).copied().unwrap_or(0);
        let share = if to_review == 0 {
            0.0
        } else {
            n as f64 * 100.0 / to_review as f64
        };
        progress_bars.push(Bar {
            label: account.email.clone(),
            value: share,
            shown: format!("{share:.0} %"),
        });
        progress_rows.push(vec![
            account.email.clone(),
            units.join(", "),
            assigned.get(&account.id).copied().unwrap_or(0).to_string(),
            n.to_string(),
            to_review.to_string(),
            format!("{share:.0} %"),
        ]);
    }
    let progress_section = Section {
        chart: chart("reviewers", tr.t("report-reviewers"), progress_bars),
        headers: vec![
            tr.t("report-reviewer"),
            tr.t("office-facet-unit"),
            tr.t("report-assigned"),
            tr.t("report-reviewed"),
            tr.t("report-to-review"),
            tr.t("report-share"),
        ],
        rows: progress_rows,
        note: None,
    };

    let page = ReportPage {
        chrome: Chrome::new(
            tr,
            &snapshot.catalogue,
            &uri,
            tr.t1("report-title", "session", session.name.get(tr.lang)),
        ),
        back: format!("/office/sessions/{id}/applications"),
        done: assigned_note(&tr, &uri),
        assign_action: format!("/office/sessions/{id}/assignments"),
        csrf_token: staff.csrf_token.clone(),
        sections: vec![
            demand_section,
            funnel_section,
            nationality_section,
            counted(
                "level",
                tr.t("report-level"),
                tr.t("office-facet-level"),
                &tr,
                level,
            ),
            counted(
                "field",
                tr.t("report-field"),
                tr.t("office-facet-field"),
                &tr,
                field,
            ),
            gender_section,
            progress_section,
        ],
        gender_note: tr.t("report-gender"),
    };
    render(&page, StatusCode::OK)
}

/// After an assignment: how many pairs were made and how many applications lack reviewers.
fn assigned_note(tr: &cohort_i18n::Tr<'_>, uri: &Uri) -> Option<String> {
    let query = uri.query()?;
    let value = |key: &str| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.into_owned())
    };
    let assigned = value("assigned")?;
    let short = value("short").unwrap_or_else(|| "0".into());
    Some(tr.with_args(
        "report-assigned-note",
        &[("assigned", assigned), ("short", short)],
    ))
}
