//! `/api/v1/office/sessions/{id}/allocation…`: caps, runs (previews), their exact instance
//! and result, and publishing — JSON for coordinators.

use super::{RunView, Staff};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_domain::allocation::{
    CapLimit, CapsError, CapsProblem, NationalityCap, NationalityCaps, ReplyDays,
};
use cohort_domain::Nationality;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A session's caps and runs.
#[derive(Debug, Serialize, ToSchema)]
pub struct AllocationBody {
    /// Caps per nationality: `{"nationality": "FR", "count": 3}` or `{"nationality": "PL", "percent": 20}`.
    #[schema(value_type = Vec<Object>)]
    pub caps: NationalityCaps,
    /// Runs, newest first.
    pub runs: Vec<RunSummary>,
}

/// A run without its figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct RunSummary {
    /// Id.
    pub id: i64,
    /// Round: 1 for the first offers, 2 for the seats freed in round 1, …
    pub round: i64,
    /// The lottery's seed.
    pub seed: i64,
    /// When it ran, unix milliseconds.
    pub created_at: i64,
    /// When it was published, if it was.
    pub published_at: Option<i64>,
    /// Its offers' reply deadline, once published.
    pub reply_by: Option<i64>,
}

/// One unit's seats in a round.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitFillBody {
    /// Unit code.
    pub unit: String,
    /// Seats in the round.
    pub seats: u32,
    /// Seats filled.
    pub filled: u32,
}

/// One nationality in a round.
#[derive(Debug, Serialize, ToSchema)]
pub struct NationalityBody {
    /// ISO code; empty when not given.
    pub nationality: String,
    /// Matched in the round.
    pub matched: u32,
    /// The cap for the round, if any.
    pub cap: Option<u32>,
}

/// A run with its figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct RunBody {
    /// The run.
    #[serde(flatten)]
    pub run: RunSummary,
    /// Candidates in the round.
    pub candidates: usize,
    /// Candidates matched.
    pub matched: usize,
    /// `by_choice[k]`: candidates matched to their choice number k + 1.
    pub by_choice: Vec<usize>,
    /// Seats in the round.
    pub seats: u32,
    /// Seats left empty.
    pub unfilled: u32,
    /// The independent checker's verdict.
    pub stable: bool,
    /// Per unit.
    pub units: Vec<UnitFillBody>,
    /// Per nationality matched or capped.
    pub nationalities: Vec<NationalityBody>,
}

/// Caps to set.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CapsRequest {
    /// Caps per nationality, each with either `count` or `percent` (of the session's seats).
    pub caps: Vec<CapEntry>,
}

/// One cap as sent: read loosely so that a mistake is named with its entry.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CapEntry {
    /// ISO 3166-1 alpha-2 code, e.g. `FR`.
    pub nationality: String,
    /// At most this many interns.
    pub count: Option<i64>,
    /// Or at most this share of the session's seats, in percent (0 < p ≤ 100).
    pub percent: Option<f64>,
}

fn checked_caps(entries: Vec<CapEntry>) -> Result<NationalityCaps, CapsError> {
    let caps = entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let fail = |problem| CapsError {
                line: i + 1,
                problem,
            };
            let nationality = Nationality::parse(&entry.nationality)
                .map_err(|_| fail(CapsProblem::Nationality(entry.nationality.clone())))?;
            let limit = match (entry.count.map(u32::try_from), entry.percent) {
                (Some(Ok(count)), None) => CapLimit::Count(count),
                (None, Some(percent)) => CapLimit::Percent(percent),
                _ => {
                    return Err(fail(CapsProblem::Limit(format!(
                        "{:?} {:?}",
                        entry.count, entry.percent
                    ))))
                }
            };
            Ok(NationalityCap { nationality, limit })
        })
        .collect::<Result<Vec<_>, _>>()?;
    NationalityCaps::new(caps)
}

/// A round to run.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct RunRequest {
    /// The lottery's seed (0 to 2^63 − 1); drawn at random when absent.
    pub seed: Option<u64>,
}

/// A run to publish.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct PublishRequest {
    /// Days candidates have to answer (1–90, default 14).
    pub reply_days: Option<i64>,
}

/// What publishing did.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishBody {
    /// Offers made.
    pub offers: usize,
    /// Their reply deadline, unix milliseconds.
    pub reply_by: i64,
}

pub(crate) fn summary(run: &cohort_store::RunRow) -> RunSummary {
    RunSummary {
        id: run.id,
        round: run.round,
        seed: run.seed,
        created_at: run.created_at,
        published_at: run.published_at,
        reply_by: run.reply_by,
    }
}

fn run_body(view: &RunView) -> RunBody {
    let p = &view.preview;
    RunBody {
        run: summary(&view.run),
        candidates: p.candidates,
        matched: p.matched,
        by_choice: p.by_choice.clone(),
        seats: p.seats,
        unfilled: p.unfilled,
        stable: p.stable,
        units: p
            .units
            .iter()
            .map(|u| UnitFillBody {
                unit: u.unit.as_str().to_owned(),
                seats: u.seats,
                filled: u.filled,
            })
            .collect(),
        nationalities: p
            .nationalities
            .iter()
            .map(|n| NationalityBody {
                nationality: n.nationality.clone(),
                matched: n.matched,
                cap: n.cap,
            })
            .collect(),
    }
}

/// A caps mistake: the entry and what is wrong with it.
pub(crate) fn caps_error(error: &CapsError) -> ApiError {
    ApiError::InvalidAt {
        field: format!("caps[{}]", error.line - 1),
        key: super::caps_problem_key(&error.problem),
    }
}

fn ids(path: Result<Path<(i64, i64)>, PathRejection>) -> Result<(i64, i64), ApiError> {
    path.map(|Path(ids)| ids).map_err(|_| ApiError::NoRoute)
}

/// A session's caps and runs (coordinators).
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/allocation", operation_id = "office_allocation", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "Caps and runs", body = AllocationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
    ))]
pub async fn get_allocation(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<AllocationBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let session = super::coordinator_session(&state, &staff, id)
        .await
        .map_err(fail)?;
    let caps = super::caps_of(&state, &session).await.map_err(fail)?;
    let runs = state
        .store
        .runs(session.id)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    Ok(Json(AllocationBody {
        caps,
        runs: runs.iter().map(summary).collect(),
    }))
}

/// Replaces a session's nationality caps. Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/office/sessions/{id}/allocation/caps", operation_id = "office_set_caps", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = CapsRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 422, description = "A cap is wrong; the entry is named (`caps[2]`)", body = ErrorBody),
    ))]
pub async fn put_caps(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<CapsRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    super::coordinator_session(&state, &staff, id)
        .await
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let caps = checked_caps(body.caps).map_err(|e| fail(caps_error(&e)))?;
    super::set_caps(&state, &staff, peer, id, &caps)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Runs the session's next round as a preview; nothing is sent. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/allocation/runs", operation_id = "office_run_round", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = RunRequest,
    responses(
        (status = 201, description = "The stored run and its figures", body = RunBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 409, description = "The application window is open or ranking is not closed", body = ErrorBody),
        (status = 422, description = "The seed is out of range", body = ErrorBody),
    ))]
pub async fn post_run(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Option<Json<RunRequest>>, JsonRejection>,
) -> Result<(StatusCode, Json<RunBody>), LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let body = body.map_err(|_| fail(ApiError::BadBody))?;
    let seed = body.and_then(|Json(b)| b.seed);
    if seed.is_some_and(|s| i64::try_from(s).is_err()) {
        return Err(fail(ApiError::Invalid {
            field: "seed",
            key: "allocation-seed-range",
        }));
    }
    let view = super::run(&state, &staff, peer, id, seed)
        .await
        .map_err(fail)?;
    Ok((StatusCode::CREATED, Json(run_body(&view))))
}

/// One run with its figures.
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/allocation/runs/{run}", operation_id = "office_run", tag = "office",
    params(("id" = i64, Path, description = "The session's id"), ("run" = i64, Path, description = "The run's id")),
    responses(
        (status = 200, description = "The run", body = RunBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such run for this account", body = ErrorBody),
    ))]
pub async fn get_run(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Json<RunBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let (session, run) = ids(path).map_err(fail)?;
    let view = super::view(&state, &staff, session, run)
        .await
        .map_err(fail)?;
    Ok(Json(run_body(&view)))
}

/// The run's exact input, in the exchange format: `cohort match --input` on it gives the
/// stored result byte for byte (with `--reproducible`).
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/allocation/runs/{run}/instance", operation_id = "office_run_instance", tag = "office",
    params(("id" = i64, Path, description = "The session's id"), ("run" = i64, Path, description = "The run's id")),
    responses(
        (status = 200, description = "The instance JSON", content_type = "application/json"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such run for this account", body = ErrorBody),
    ))]
pub async fn get_instance(
    state: State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Response, LocalizedError> {
    document(state, visitor, staff, peer, path, false).await
}

/// The run's result as the engine wrote it.
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/allocation/runs/{run}/result", operation_id = "office_run_result", tag = "office",
    params(("id" = i64, Path, description = "The session's id"), ("run" = i64, Path, description = "The run's id")),
    responses(
        (status = 200, description = "The result JSON", content_type = "application/json"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such run for this account", body = ErrorBody),
    ))]
pub async fn get_result(
    state: State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Response, LocalizedError> {
    document(state, visitor, staff, peer, path, true).await
}

async fn document(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, i64)>, PathRejection>,
    result: bool,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let (session, run) = ids(path).map_err(fail)?;
    super::coordinator_session(&state, &staff, session)
        .await
        .map_err(fail)?;
    let run = state
        .store
        .run(run)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .filter(|r| r.session_id == session)
        .ok_or_else(|| fail(ApiError::NoRoute))?;
    let (instance, outcome) = state
        .store
        .run_documents(run.id)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .ok_or_else(|| fail(ApiError::NoRoute))?;
    let (what, text) = if result {
        ("result", outcome)
    } else {
        ("instance", instance)
    };
    let label = staff.label();
    let subject = format!("allocation_run:{}", run.id);
    let detail = serde_json::json!({ "document": what }).to_string();
    let address = peer.ip().to_string();
    state
        .store
        .audit(
            &staff.audit_entry(&label, "allocation.export", &subject, &detail, &address),
            state.settings.now(),
        )
        .await
        .map_err(|e| fail(ApiError::internal(e)))?;
    let file = format!("attachment; filename=\"run-{}-{what}.json\"", run.id);
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, file),
        ],
        text,
    )
        .into_response())
}

/// Publishes a run: offers are made and e-mailed with a reply deadline. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/allocation/runs/{run}/publish", operation_id = "office_publish_run", tag = "office",
    params(("id" = i64, Path, description = "The session's id"), ("run" = i64, Path, description = "The run's id")),
    request_body = PublishRequest,
    responses(
        (status = 200, description = "Offers made", body = PublishBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such run for this account", body = ErrorBody),
        (status = 409, description = "Already published, replaced by a newer run, or an application changed meanwhile; nothing changed", body = ErrorBody),
        (status = 422, description = "The reply period is out of 1–90 days", body = ErrorBody),
    ))]
pub async fn post_publish(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    path: Result<Path<(i64, i64)>, PathRejection>,
    body: Result<Option<Json<PublishRequest>>, JsonRejection>,
) -> Result<Json<PublishBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let (session, run) = ids(path).map_err(fail)?;
    let body = body.map_err(|_| fail(ApiError::BadBody))?;
    let reply = match body.and_then(|Json(b)| b.reply_days) {
        None => ReplyDays::default(),
        Some(days) => ReplyDays::new(days).ok_or_else(|| {
            fail(ApiError::Invalid {
                field: "reply_days",
                key: "allocation-reply-days",
            })
        })?,
    };
    let (offers, reply_by) = super::publish(&state, &staff, peer, session, run, reply)
        .await
        .map_err(fail)?;
    Ok(Json(PublishBody { offers, reply_by }))
}
