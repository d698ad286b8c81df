//! The intern's own internships: dates, unit and the evaluations once submitted (never a
//! draft); after the last day the account is an alumni account, which keeps the
//! certificate (FR/EN) and the evaluations until the retention purge, whose date is shown.
//! `GET /api/v1/sessions/{id}/application/internship` and the page `/my-internship`.

use super::api::{evaluation_body, EvaluationBody};
use super::Internship;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::office::pages::unit_name;
use crate::pages::forms::{self, page_user};
use crate::pages::view::{render, Chrome};
use crate::state::AppState;
use crate::visitor::Visitor;
use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use axum::Json;
use cohort_domain::session::alumni_kept_until;
use cohort_domain::Lang;
use serde::Serialize;
use utoipa::ToSchema;

/// The intern's internship.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyInternshipBody {
    /// The session.
    pub session: i64,
    /// The unit's code.
    pub unit: String,
    /// The placement's title.
    pub placement: String,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day.
    pub end: String,
    /// The last day has passed: an alumni account.
    pub alumni: bool,
    /// The last day this internship's data is kept, `YYYY-MM-DD`; purged after.
    pub kept_until: Option<String>,
    /// The certificate's address in French and in English (alumni only).
    pub certificates: Vec<String>,
    /// Submitted evaluations only.
    pub evaluations: Vec<EvaluationBody>,
}

fn certificate(session: i64, lang: Lang) -> String {
    format!(
        "/api/v1/sessions/{session}/application/certificate?lang={}",
        lang.code()
    )
}

/// What the intern sees of an internship (also in their data export).
pub(crate) fn body(state: &AppState, internship: &Internship, lang: Lang) -> MyInternshipBody {
    let session = internship.session.id.0;
    let alumni = internship
        .period
        .is_over(super::today(state, &internship.session));
    MyInternshipBody {
        session,
        unit: internship.placement.unit.as_str().to_owned(),
        placement: internship.placement.title.get(lang).clone(),
        start: internship.period.start().to_string(),
        end: internship.period.end().to_string(),
        alumni,
        kept_until: alumni_kept_until(internship.period.end()).map(|d| d.to_string()),
        certificates: if alumni {
            vec![
                certificate(session, Lang::Fr),
                certificate(session, Lang::En),
            ]
        } else {
            Vec::new()
        },
        evaluations: internship
            .submitted()
            .map(|e| evaluation_body(e, internship, lang))
            .collect(),
    }
}

/// The signed-in intern's internship in a session, with the evaluations submitted so far.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/internship", operation_id = "get_my_internship", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The internship", body = MyInternshipBody),
        (status = 400, description = "Not a session id", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed", body = ErrorBody),
        (status = 404, description = "No accepted offer in this session", body = ErrorBody),
    ))]
pub async fn get_mine(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<MyInternshipBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let found = super::own(&state, who.account.id).await.map_err(fail)?;
    let internship = found
        .iter()
        .find(|i| i.session.id.0 == id)
        .ok_or_else(|| fail(ApiError::ApplicationNotFound))?;
    Ok(Json(body(&state, internship, visitor.lang)))
}

struct ScoreView {
    label: String,
    score: String,
}

struct EvaluationView {
    title: String,
    scores: Vec<ScoreView>,
    comments: String,
}

struct InternshipView {
    id: String,
    session: String,
    unit: String,
    placement: String,
    dates: String,
    kept_until: String,
    certificates: Vec<(String, &'static str)>,
    evaluations: Vec<EvaluationView>,
}

#[derive(Template)]
#[template(path = "my_internship.html")]
struct MyInternshipPage<'a> {
    chrome: Chrome<'a>,
    current: Vec<InternshipView>,
    alumni: Vec<InternshipView>,
}

fn view(state: &AppState, tr: &cohort_i18n::Tr<'_>, internship: &Internship) -> InternshipView {
    let data = body(state, internship, tr.lang);
    let unit = unit_name(&state.snapshot().catalogue, &data.unit, tr.lang);
    InternshipView {
        id: format!("internship-{}", data.session),
        session: internship.session.name.get(tr.lang).clone(),
        unit,
        placement: data.placement,
        dates: tr.with_args(
            "internship-dates",
            &[("start", data.start), ("end", data.end)],
        ),
        kept_until: data
            .kept_until
            .map(|d| tr.t1("alumni-kept-until", "date", d))
            .unwrap_or_default(),
        certificates: data
            .certificates
            .into_iter()
            .zip(["alumni-certificate-fr", "alumni-certificate-en"])
            .collect(),
        evaluations: data
            .evaluations
            .into_iter()
            .map(|e| EvaluationView {
                title: tr.t(&format!("evaluation-kind-{}", e.kind)),
                scores: e
                    .scores
                    .into_iter()
                    .map(|s| ScoreView {
                        label: s.label,
                        score: s.score.map(|v| v.to_string()).unwrap_or_default(),
                    })
                    .collect(),
                comments: e.comments,
            })
            .collect(),
    }
}

/// `GET /my-internship`: current internships, then past ones (the alumni section).
pub async fn page(
    State(state): State<AppState>,
    visitor: Visitor,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = state.locales.tr(visitor.lang);
    let user = match page_user(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return forms::to_login(),
        Err(error) => return forms::internal_after(&state, tr, &uri, &error),
    };
    let Ok(found) = super::own(&state, user.account.id).await else {
        return forms::internal(&state, tr, &uri);
    };
    let (alumni, current): (Vec<_>, Vec<_>) = found
        .iter()
        .partition(|i| i.period.is_over(super::today(&state, &i.session)));
    let page = MyInternshipPage {
        chrome: Chrome::new(
            tr,
            &state.snapshot().catalogue,
            &uri,
            tr.t("internship-mine-title"),
        ),
        current: current.iter().map(|i| view(&state, &tr, i)).collect(),
        alumni: alumni.iter().map(|i| view(&state, &tr, i)).collect(),
    };
    render(&page, StatusCode::OK)
}
