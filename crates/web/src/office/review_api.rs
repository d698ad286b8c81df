//! `/api/v1/office/…/review`, `…/conflict`, `…/reviews`, `…/ranking`: review and ranking
//! over JSON (see `review.rs` for the rules).

use super::review::{self, Reorder};
use super::Staff;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A review.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReviewRequest {
    /// A score from 1 to 5 for every criterion of the session's rubric, by key.
    pub scores: BTreeMap<String, i64>,
    /// A comment for the unit.
    #[serde(default)]
    pub comment: String,
}

/// A conflict of interest.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ConflictRequest {
    /// Why the reviewer steps aside (kept in the audit log).
    pub reason: String,
}

/// A stored review, as the caller may see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewBody {
    /// Whose: `mine`, or `reviewer N` for the coordinator.
    pub by: String,
    /// Scores by criterion.
    pub scores: BTreeMap<String, u8>,
    /// Weighted mean, 1 to 5.
    pub score: f64,
    /// Comment.
    pub comment: String,
}

/// The reviews of an application.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewsBody {
    /// A reviewer sees only their own review; the coordinator sees all.
    pub reviews: Vec<ReviewBody>,
    /// Two reviews further apart than the session's threshold (coordinators only).
    pub disagreement: bool,
}

/// A ranked application.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedBody {
    /// Application id.
    pub application_id: i64,
    /// Mean review score.
    pub score: Option<f64>,
    /// Number of reviews.
    pub reviews: usize,
    /// Its reviews disagree.
    pub disagreement: bool,
}

/// A placement's ranking.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankingBody {
    /// Placement id.
    pub placement_id: i64,
    /// Tie groups, best first.
    pub groups: Vec<Vec<RankedBody>>,
    /// Saved by the unit (false: proposed from the scores).
    pub saved: bool,
    /// Frozen by the coordinator.
    pub closed: bool,
}

/// A whole ranking.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RankingRequest {
    /// Tie groups of application ids, best first; an application left out is not ranked.
    pub groups: Vec<Vec<i64>>,
}

fn id_of(id: Result<Path<i64>, PathRejection>, missing: ApiError) -> Result<i64, ApiError> {
    id.map(|Path(id)| id).map_err(|_| missing)
}

/// Scores an application (reviewers of a unit it chose).
#[utoipa::path(put, path = "/api/v1/office/applications/{id}/review", operation_id = "office_review", tag = "office",
    params(("id" = i64, Path, description = "The application's id")),
    request_body = ReviewRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such application for this reviewer", body = ErrorBody),
        (status = 409, description = "Ranking is closed", body = ErrorBody),
        (status = 422, description = "A score is missing or out of 1–5; the criterion is named", body = ErrorBody),
    ))]
pub async fn put_review(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<ReviewRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id, ApiError::ApplicationNotFound).map_err(fail)?;
    staff
        .require(Permission::ReviewApplications)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    review::review(&state, &staff, peer, id, &body.scores, &body.comment)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Steps aside from an application (a conflict of interest).
#[utoipa::path(post, path = "/api/v1/office/applications/{id}/conflict", operation_id = "office_conflict", tag = "office",
    params(("id" = i64, Path, description = "The application's id")),
    request_body = ConflictRequest,
    responses(
        (status = 204, description = "Recorded; the application leaves the reviewer's lists"),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such application for this reviewer", body = ErrorBody),
        (status = 422, description = "No reason given", body = ErrorBody),
    ))]
pub async fn post_conflict(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<ConflictRequest>, JsonRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id, ApiError::ApplicationNotFound).map_err(fail)?;
    staff
        .require(Permission::ReviewApplications)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    review::step_aside(&state, &staff, peer, id, &body.reason)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The reviews of an application: a reviewer's own, or all of them for the coordinator.
#[utoipa::path(get, path = "/api/v1/office/applications/{id}/reviews", operation_id = "office_reviews", tag = "office",
    params(("id" = i64, Path, description = "The application's id")),
    responses(
        (status = 200, description = "The reviews", body = ReviewsBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such application for this account", body = ErrorBody),
    ))]
pub async fn get_reviews(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ReviewsBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id, ApiError::ApplicationNotFound).map_err(fail)?;
    reviews(&state, &staff, id).await.map(Json).map_err(fail)
}

/// The reviews of an application the caller may see (shared with the page).
pub(crate) async fn reviews(
    state: &AppState,
    staff: &Staff,
    id: i64,
) -> Result<ReviewsBody, ApiError> {
    let Some((list, index)) = super::api::visible_application(state, staff, id).await? else {
        return Err(ApiError::ApplicationNotFound);
    };
    let session = SessionId(list.entries[index].row.session_id);
    let (_, threshold) = review::settings(state, session).await?;
    let all = state
        .store
        .reviews_of(id)
        .await
        .map_err(ApiError::internal)?;
    let sees_all = staff.role.may(Permission::ScreenApplications);
    let disagreement = sees_all
        && all.iter().enumerate().any(|(i, a)| {
            all[i + 1..]
                .iter()
                .any(|b| cohort_domain::review::disagree(a.score, b.score, threshold))
        });
    let reviews = all
        .iter()
        .enumerate()
        .filter(|(_, r)| sees_all || r.reviewer_id == staff.account.id)
        .map(|(i, r)| ReviewBody {
            by: if r.reviewer_id == staff.account.id {
                "mine".to_owned()
            } else {
                format!("reviewer {}", i + 1)
            },
            scores: serde_json::from_str(&r.scores).unwrap_or_default(),
            score: r.score,
            comment: r.comment.clone(),
        })
        .collect();
    Ok(ReviewsBody {
        reviews,
        disagreement,
    })
}

fn ranking_body(r: review::PlacementRanking) -> RankingBody {
    RankingBody {
        placement_id: r.placement.id.0,
        groups: r
            .groups
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|x| RankedBody {
                        application_id: x.id,
                        score: x.score,
                        reviews: x.reviews,
                        disagreement: x.disagreement,
                    })
                    .collect()
            })
            .collect(),
        saved: r.saved,
        closed: r.closed,
    }
}

/// A placement's ranking: the unit's, or proposed from the review scores.
#[utoipa::path(get, path = "/api/v1/office/placements/{id}/ranking", operation_id = "office_get_ranking", tag = "office",
    params(("id" = i64, Path, description = "The placement's id")),
    responses(
        (status = 200, description = "The ranking", body = RankingBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such placement for this account", body = ErrorBody),
    ))]
pub async fn get_ranking(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<RankingBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id, ApiError::NoRoute).map_err(fail)?;
    review::placement_ranking(&state, &staff, id)
        .await
        .map(|r| Json(ranking_body(r)))
        .map_err(fail)
}

/// Replaces a placement's ranking (reviewers of its unit, while ranking is open).
#[utoipa::path(put, path = "/api/v1/office/placements/{id}/ranking", operation_id = "office_put_ranking", tag = "office",
    params(("id" = i64, Path, description = "The placement's id")),
    request_body = RankingRequest,
    responses(
        (status = 200, description = "The saved ranking", body = RankingBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such placement for this account", body = ErrorBody),
        (status = 409, description = "Ranking is closed", body = ErrorBody),
        (status = 422, description = "An id is not a shortlisted candidate of the placement, or appears twice", body = ErrorBody),
    ))]
pub async fn put_ranking(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<RankingRequest>, JsonRejection>,
) -> Result<Json<RankingBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let id = id_of(id, ApiError::NoRoute).map_err(fail)?;
    staff
        .require(Permission::ReviewApplications)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    review::reorder(&state, &staff, peer, id, Reorder::Whole(body.groups))
        .await
        .map_err(fail)?;
    review::placement_ranking(&state, &staff, id)
        .await
        .map(|r| Json(ranking_body(r)))
        .map_err(fail)
}

/// Freezes every ranking of the session (coordinators).
#[utoipa::path(post, path = "/api/v1/office/sessions/{id}/ranking/close", operation_id = "office_close_ranking", tag = "office",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 204, description = "Closed"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session for this account", body = ErrorBody),
        (status = 409, description = "Already closed", body = ErrorBody),
    ))]
pub async fn close_ranking(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff
        .require(Permission::ScreenApplications)
        .map_err(fail)?;
    let session = crate::api::sessions::find_session(&state, visitor, id).await?;
    review::close(&state, &staff, peer, session.id)
        .await
        .map_err(fail)?;
    Ok(StatusCode::NO_CONTENT)
}
