//! `/api/v1/sessions/{id}/application/outcome` and `…/offer`: the candidate's outcome and
//! their answer, as JSON.

use super::{reason_code, worded, Outcome};
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::auth::SignedIn;
use crate::client_addr::ClientAddr;
use crate::office::pages::unit_name;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::allocation::OfferAnswer;
use cohort_domain::session::SessionId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The offer made.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfferBody {
    /// The placement's id.
    pub placement_id: i64,
    /// Its title in the visitor's language.
    pub placement: String,
    /// Its unit's name.
    pub unit: String,
    /// The reply deadline (inclusive), unix milliseconds.
    pub reply_by: i64,
    /// When the candidate answered (or the offer lapsed).
    pub answered_at: Option<i64>,
}

/// A choice not obtained.
#[derive(Debug, Serialize, ToSchema)]
pub struct WhyBody {
    /// The placement's id.
    pub placement_id: i64,
    /// `cutoff`, `not_ranked`, `nationality_cap` or `capacity_zero`.
    pub reason: String,
    /// The explanation in the visitor's language.
    pub message: String,
}

/// Where the candidate stands after the published rounds.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutcomeBody {
    /// The round that decided it.
    pub round: i64,
    /// `shortlisted` (no offer yet), `offered`, `accepted`, `declined` or `expired`.
    pub status: String,
    /// The offer, if one was made.
    pub offer: Option<OfferBody>,
    /// The offer can be answered now.
    pub answerable: bool,
    /// Why not each choice ranked above the one obtained.
    pub explanations: Vec<WhyBody>,
}

/// An answer.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AnswerRequest {
    /// `accept` or `decline`.
    pub answer: String,
}

pub(crate) fn outcome_body(state: &AppState, visitor: Visitor, outcome: &Outcome) -> OutcomeBody {
    let tr = state.locales.tr(visitor.lang);
    let catalogue = &state.snapshot().catalogue;
    OutcomeBody {
        round: outcome.round,
        status: outcome.status.as_str().to_owned(),
        offer: outcome.offer.as_ref().map(|(o, p)| OfferBody {
            placement_id: p.id.0,
            placement: p.title.get(tr.lang).clone(),
            unit: unit_name(catalogue, p.unit.as_str(), tr.lang),
            reply_by: o.reply_by,
            answered_at: o.answered_at,
        }),
        answerable: outcome.answerable,
        explanations: outcome
            .explanations
            .iter()
            .map(|why| WhyBody {
                placement_id: why.placement.id.0,
                reason: reason_code(&why.reason).to_owned(),
                message: worded(
                    &tr,
                    &unit_name(catalogue, why.placement.unit.as_str(), tr.lang),
                    why,
                ),
            })
            .collect(),
    }
}

async fn session_outcome(
    state: &AppState,
    account: i64,
    session: i64,
) -> Result<Outcome, ApiError> {
    let found = state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    super::outcome(state, account, found)
        .await?
        .ok_or(ApiError::ApplicationNotFound)
}

/// The outcome of the published rounds for the candidate's application: the offer, or why
/// not, without naming anyone else.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application/outcome", operation_id = "get_outcome", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The outcome", body = OutcomeBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No published round includes this application yet", body = ErrorBody),
    ))]
pub async fn get_outcome(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<OutcomeBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let outcome = session_outcome(&state, who.account.id, id)
        .await
        .map_err(fail)?;
    Ok(Json(outcome_body(&state, visitor, &outcome)))
}

/// Accepts or declines the offer. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/offer", operation_id = "answer_offer", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "Answered; the new outcome", body = OutcomeBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No application in this session", body = ErrorBody),
        (status = 409, description = "No offer, already answered, or the deadline passed; nothing changed", body = ErrorBody),
        (status = 422, description = "The answer is neither accept nor decline", body = ErrorBody),
    ))]
pub async fn post_answer(
    State(state): State<AppState>,
    visitor: Visitor,
    who: SignedIn,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<AnswerRequest>, JsonRejection>,
) -> Result<Json<OutcomeBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Path(id) = id.map_err(|_| fail(ApiError::SessionNotFound))?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let answer = OfferAnswer::parse(&body.answer).ok_or_else(|| {
        fail(ApiError::Invalid {
            field: "answer",
            key: "offer-answer-unknown",
        })
    })?;
    super::answer(&state, &who.account, id, answer, &peer.ip().to_string())
        .await
        .map_err(fail)?;
    let outcome = session_outcome(&state, who.account.id, id)
        .await
        .map_err(fail)?;
    Ok(Json(outcome_body(&state, visitor, &outcome)))
}
