//! A candidate's application as the API and the pages both change it: save a draft, submit,
//! withdraw. Every status change goes through `application::decide`, then a conditional
//! update of the store.

use crate::api::ApiError;
use crate::state::AppState;
use crate::visitor::Visitor;
use cohort_domain::application::{
    decide, Action, ApplicationStatus, ChoiceProblem, Choices, Motivation, MotivationProblem,
    Refusal, SubmitContext,
};
use cohort_domain::session::{PlacementId, Session, SessionId, WindowState};
use cohort_store::ApplicationRow;
use std::collections::HashSet;

/// The refusal of the state machine, worded for the candidate.
pub(crate) fn refusal(refusal: Refusal, session: &Session) -> ApiError {
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
        Refusal::Rejected => conflict("application-rejected"),
        Refusal::OfferMade => conflict("application-offer-made"),
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

/// The session's placements, from the snapshot unless a choice is missing there (a
/// placement added since the last refresh): then from the store.
async fn offered_placements(
    state: &AppState,
    session: SessionId,
    choices: &[i64],
) -> Result<HashSet<PlacementId>, ApiError> {
    let known: HashSet<PlacementId> = state
        .snapshot()
        .placements
        .iter()
        .filter(|p| p.session == session)
        .map(|p| p.id)
        .collect();
    if choices.iter().all(|&c| known.contains(&PlacementId(c))) {
        return Ok(known);
    }
    Ok(state
        .store
        .placement_ids(session)
        .await
        .map_err(ApiError::internal)?
        .into_iter()
        .collect())
}

/// Creates or updates the account's draft: checks the choices (ids of the session's
/// placements, best first) and the motivation. A refused choice names its index in
/// `choices`.
pub async fn save_draft(
    state: &AppState,
    account: i64,
    session: &Session,
    choices: &[i64],
    motivation: &str,
) -> Result<ApplicationRow, ApiError> {
    let store = &state.store;
    let offered = offered_placements(state, session.id, choices).await?;
    let choices = Choices::parse(choices, &offered, session.max_choices).map_err(choice_problem)?;
    let motivation = Motivation::parse(motivation).map_err(motivation_problem)?;
    // documents only matter for submission
    let context = submit_context(state, session, true, !choices.is_empty(), true);
    // Most saves are of a draft: the store refuses any other status, and only then is the
    // application read to word the refusal (one read fewer per save on deadline day).
    let refused = |status| decide(status, Action::SaveDraft, context).err();
    if refused(ApplicationStatus::Draft).is_none() {
        let now = state.settings.now();
        let saved = store
            .save_draft(account, session.id, choices.ids(), motivation.as_str(), now)
            .await
            .map_err(ApiError::internal)?;
        if let Ok(id) = saved {
            return Ok(ApplicationRow {
                id,
                status: ApplicationStatus::Draft,
                motivation: motivation.as_str().to_owned(),
                choices: choices.ids().to_vec(),
                updated_at: now,
                submitted_at: None,
            });
        }
    }
    let status = store
        .application(account, session.id)
        .await
        .map_err(ApiError::internal)?
        .map_or(ApplicationStatus::Draft, |a| a.status);
    Err(refusal(
        refused(status).unwrap_or(Refusal::AlreadySubmitted),
        session,
    ))
}

/// Stores a status change the state machine allowed. Another request changing it first is
/// answered like the state it left behind.
async fn apply(
    state: &AppState,
    session: &Session,
    row: ApplicationRow,
    next: ApplicationStatus,
    kind: &str,
) -> Result<ApplicationRow, ApiError> {
    let lost = if next == ApplicationStatus::Withdrawn {
        Refusal::Withdrawn
    } else {
        Refusal::AlreadySubmitted
    };
    let now = state.settings.now();
    state
        .store
        .change_status(row.id, row.status, next, kind, now)
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| refusal(lost, session))?;
    Ok(ApplicationRow {
        status: next,
        updated_at: now,
        submitted_at: if next == ApplicationStatus::Submitted {
            Some(now)
        } else {
            row.submitted_at
        },
        ..row
    })
}

/// Submits the draft: inside the window, eligible (every failed rule is worded in the
/// visitor's language), with a choice and both documents.
pub async fn submit(
    state: &AppState,
    visitor: Visitor,
    account: i64,
    session: &Session,
    row: ApplicationRow,
) -> Result<ApplicationRow, ApiError> {
    let profile = state
        .store
        .profile(account)
        .await
        .map_err(ApiError::internal)?;
    let failed =
        crate::api::applications::failed_rules(state, visitor, profile.as_deref(), session);
    let has_documents = state
        .store
        .has_all_documents(row.id)
        .await
        .map_err(ApiError::internal)?;
    let context = submit_context(
        state,
        session,
        failed.is_empty(),
        !row.choices.is_empty(),
        has_documents,
    );
    decide(row.status, Action::Submit, context).map_err(|r| match r {
        Refusal::Ineligible => ApiError::Ineligible(failed.clone()),
        r => refusal(r, session),
    })?;
    let now = state.settings.now();
    state
        .store
        .submit_application(
            row.id,
            profile.as_deref().unwrap_or("{}"),
            failed.is_empty(),
            now,
        )
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| refusal(Refusal::AlreadySubmitted, session))?;
    Ok(ApplicationRow {
        status: ApplicationStatus::Submitted,
        updated_at: now,
        submitted_at: Some(now),
        ..row
    })
}

/// Withdraws the application (possible until an offer is accepted).
pub async fn withdraw(
    state: &AppState,
    session: &Session,
    row: ApplicationRow,
) -> Result<ApplicationRow, ApiError> {
    let context = submit_context(state, session, true, true, true);
    let next = decide(row.status, Action::Withdraw, context).map_err(|r| refusal(r, session))?;
    apply(state, session, row, next, "withdrawn").await
}
