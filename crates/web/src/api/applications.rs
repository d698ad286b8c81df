//! `/api/v1/sessions/{id}/application`: the signed-in candidate's own application.
//! Every path answers only about the caller's application: another's is unreachable.

use super::error::{ApiError, ErrorBody, LocalizedError};
use super::sessions::find_session;
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::application::{
    decide, Action, ApplicationStatus, ChoiceProblem, Choices, Motivation, MotivationProblem,
    Refusal, SubmitContext, MAX_MOTIVATION_CHARS,
};
use cohort_domain::session::{Session, WindowState};
use cohort_store::ApplicationRow;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::ToSchema;

/// What a candidate writes in a draft.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DraftRequest {
    /// Placement ids, best first; at most the session's `max_choices`, distinct.
    #[serde(default)]
    pub choices: Vec<i64>,
    /// Motivation, at most 4,000 characters.
    #[serde(default)]
    pub motivation: String,
}

/// One change in the application's life.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventBody {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// `created`, `saved`, `submitted`, `withdrawn`.
    pub kind: String,
    /// The status after it.
    pub status: String,
}

/// The candidate's application.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicationBody {
    /// The session.
    pub session_id: i64,
    /// `draft`, `submitted` or `withdrawn`.
    pub status: String,
    /// Placement ids, best first.
    pub choices: Vec<i64>,
    /// Motivation text.
    pub motivation: String,
    /// The most characters the motivation may have.
    pub motivation_max_chars: usize,
    /// The deadline, in the programme's time zone.
    pub deadline: String,
    /// When it was submitted (RFC 3339, UTC), if it was.
    pub submitted_at: Option<String>,
    /// Every change, oldest first.
    pub timeline: Vec<EventBody>,
}

fn rfc3339(millis: i64) -> String {
    jiff::Timestamp::from_millisecond(millis).map_or_else(|_| millis.to_string(), |t| t.to_string())
}

async fn body(
    state: &AppState,
    session: &Session,
    row: &ApplicationRow,
) -> Result<ApplicationBody, cohort_store::StoreError> {
    let timeline = state
        .store
        .application_events(row.id)
        .await?
        .into_iter()
        .map(|e| EventBody {
            at: rfc3339(e.at),
            kind: e.kind,
            status: e.status.as_str().to_owned(),
        })
        .collect();
    Ok(ApplicationBody {
        session_id: session.id.0,
        status: row.status.as_str().to_owned(),
        choices: row.choices.iter().map(|p| p.0).collect(),
        motivation: row.motivation.clone(),
        motivation_max_chars: MAX_MOTIVATION_CHARS,
        deadline: session.window.closes().to_string(),
        submitted_at: row.submitted_at.map(rfc3339),
        timeline,
    })
}

/// The refusal of the state machine, worded for the candidate.
fn refusal(refusal: Refusal, session: &Session) -> ApiError {
    let deadline = session
        .window
        .closes()
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    let zone = session.window.time_zone().to_owned();
    let conflict = |key: &'static str| ApiError::Conflict {
        key,
        args: vec![("deadline", deadline.clone()), ("zone", zone.clone())],
    };
    match refusal {
        Refusal::AlreadySubmitted => conflict("application-already-submitted"),
        Refusal::Withdrawn => conflict("application-withdrawn"),
        Refusal::WindowNotOpen(WindowState::NotYetOpen) => ApiError::Conflict {
            key: "application-not-yet-open",
            args: vec![
                (
                    "opens",
                    session
                        .window
                        .opens()
                        .strftime("%Y-%m-%d %H:%M")
                        .to_string(),
                ),
                ("zone", zone.clone()),
            ],
        },
        Refusal::WindowNotOpen(_) => conflict("application-deadline-passed"),
        Refusal::Ineligible => ApiError::Ineligible(Vec::new()),
        Refusal::NoChoices => ApiError::Invalid {
            field: "choices",
            key: "application-no-choices",
        },
        Refusal::MissingDocuments => ApiError::Invalid {
            field: "documents",
            key: "application-missing-documents",
        },
    }
}

fn choice_problem(problem: ChoiceProblem) -> ApiError {
    let key = match problem {
        ChoiceProblem::TooMany { .. } => "application-too-many-choices",
        ChoiceProblem::Repeated { .. } => "application-repeated-choice",
        ChoiceProblem::NotInSession { .. } => "application-foreign-choice",
    };
    ApiError::InvalidAt {
        field: problem.field(),
        key,
    }
}

fn motivation_problem(problem: MotivationProblem) -> ApiError {
    let key = match problem {
        MotivationProblem::TooLong { .. } => "application-motivation-too-long",
        MotivationProblem::ControlCharacters => "application-motivation-control",
    };
    ApiError::Invalid {
        field: "motivation",
        key,
    }
}

/// The caller's application to the session in the path, or the API's 404.
async fn own_application(
    state: &AppState,
    visitor: Visitor,
    account: i64,
    id: Result<Path<i64>, PathRejection>,
) -> Result<(Session, ApplicationRow), LocalizedError> {
    let session = find_session(state, visitor, id).await?;
    let fail = |e: ApiError| e.into_localized(state, visitor);
    let row = state
        .store
        .application(account, session.id)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .ok_or_else(|| fail(ApiError::ApplicationNotFound))?;
    Ok((session, row))
}

/// Stores a status change the state machine allowed and answers with the application.
/// Another request changing it first is answered like the state it left behind.
async fn apply(
    state: &AppState,
    visitor: Visitor,
    session: &Session,
    row: ApplicationRow,
    next: ApplicationStatus,
    kind: &str,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(state, visitor);
    let internal = |e: cohort_store::StoreError| fail(ApiError::internal(e));
    let lost = if next == ApplicationStatus::Withdrawn {
        Refusal::Withdrawn
    } else {
        Refusal::AlreadySubmitted
    };
    state
        .store
        .change_status(row.id, row.status, next, kind, state.settings.now())
        .await
        .map_err(internal)?
        .map_err(|_| fail(refusal(lost, session)))?;
    let ApplicationRow { id, .. } = row;
    let row = state
        .store
        .application_by_id(id)
        .await
        .map_err(internal)?
        .ok_or_else(|| fail(ApiError::ApplicationNotFound))?;
    body(state, session, &row).await.map(Json).map_err(internal)
}

/// The caller's application to the session.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/application", operation_id = "get_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The application", body = ApplicationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session, or no application yet", body = ErrorBody),
    ))]
pub async fn get(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let (session, row) = own_application(&state, visitor, signed_in.account.id, id).await?;
    body(&state, &session, &row)
        .await
        .map(Json)
        .map_err(|e| ApiError::internal(e).into_localized(&state, visitor))
}

/// Creates or updates the caller's draft (choices and motivation). Needs `X-CSRF-Token`.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/application", operation_id = "save_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    request_body = DraftRequest,
    responses(
        (status = 200, description = "The saved draft", body = ApplicationBody),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session", body = ErrorBody),
        (status = 409, description = "Already submitted or withdrawn, or the deadline has passed", body = ErrorBody),
        (status = 422, description = "A choice or the motivation is refused; the field is named", body = ErrorBody),
    ))]
pub async fn save(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
    request: Result<Json<DraftRequest>, JsonRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let internal = |e: cohort_store::StoreError| fail(ApiError::internal(e));
    let session = find_session(&state, visitor, id).await?;
    let Json(request) = request.map_err(|_| fail(ApiError::BadBody))?;
    let store = &state.store;
    let offered: HashSet<_> = store
        .placements(session.id)
        .await
        .map_err(internal)?
        .iter()
        .map(|p| p.id)
        .collect();
    let choices = Choices::parse(&request.choices, &offered, session.max_choices)
        .map_err(|p| fail(choice_problem(p)))?;
    let motivation =
        Motivation::parse(&request.motivation).map_err(|p| fail(motivation_problem(p)))?;
    let account = signed_in.account.id;
    let current = store
        .application(account, session.id)
        .await
        .map_err(internal)?;
    let status = current
        .as_ref()
        .map_or(ApplicationStatus::Draft, |a| a.status);
    // documents only matter for submission
    let context = submit_context(&state, &session, true, !choices.is_empty(), true);
    decide(status, Action::SaveDraft, context).map_err(|r| fail(refusal(r, &session)))?;
    let id = store
        .save_draft(
            account,
            session.id,
            choices.ids(),
            motivation.as_str(),
            state.settings.now(),
        )
        .await
        .map_err(internal)?
        .map_err(|_| fail(refusal(Refusal::AlreadySubmitted, &session)))?;
    let row = store
        .application_by_id(id)
        .await
        .map_err(internal)?
        .ok_or_else(|| fail(ApiError::ApplicationNotFound))?;
    body(&state, &session, &row)
        .await
        .map(Json)
        .map_err(internal)
}

fn submit_context(
    state: &AppState,
    session: &Session,
    eligible: bool,
    has_choices: bool,
    has_documents: bool,
) -> SubmitContext {
    SubmitContext {
        window: session.window.state(state.settings.now_timestamp()),
        eligible,
        has_choices,
        has_documents,
    }
}

/// Submits the caller's draft: inside the window, eligible, with at least one choice and
/// both documents. After this the application is read-only. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/submit", operation_id = "submit_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "Submitted", body = ApplicationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session, or no application yet", body = ErrorBody),
        (status = 409, description = "Already submitted or withdrawn, or outside the window (the deadline is shown in the programme's time zone)", body = ErrorBody),
        (status = 422, description = "Not eligible (every failed rule is stated), no choice, or a document missing", body = ErrorBody),
    ))]
pub async fn submit(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let internal = |e: cohort_store::StoreError| fail(ApiError::internal(e));
    let account = signed_in.account.id;
    let (session, row) = own_application(&state, visitor, account, id).await?;
    let failed = super::eligibility::failed_rules(&state, visitor, account, &session)
        .await
        .map_err(internal)?;
    let has_documents = state
        .store
        .has_all_documents(row.id)
        .await
        .map_err(internal)?;
    let context = submit_context(
        &state,
        &session,
        failed.is_empty(),
        !row.choices.is_empty(),
        has_documents,
    );
    let next = decide(row.status, Action::Submit, context).map_err(|r| match r {
        Refusal::Ineligible => fail(ApiError::Ineligible(failed.clone())),
        r => fail(refusal(r, &session)),
    })?;
    apply(&state, visitor, &session, row, next, "submitted").await
}

/// Withdraws the caller's application (possible until an offer is accepted). Needs
/// `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/application/withdraw", operation_id = "withdraw_application", tag = "applications",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "Withdrawn", body = ApplicationBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "No such session, or no application yet", body = ErrorBody),
        (status = 409, description = "Already withdrawn", body = ErrorBody),
    ))]
pub async fn withdraw(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<ApplicationBody>, LocalizedError> {
    let (session, row) = own_application(&state, visitor, signed_in.account.id, id).await?;
    let context = submit_context(&state, &session, true, true, true);
    let next = decide(row.status, Action::Withdraw, context)
        .map_err(|r| refusal(r, &session).into_localized(&state, visitor))?;
    apply(&state, visitor, &session, row, next, "withdrawn").await
}
