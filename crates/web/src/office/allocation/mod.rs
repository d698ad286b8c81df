//! Offer rounds, for coordinators: nationality caps, a round run as a preview from the
//! frozen rankings and the candidates' choices, stored with its exact instance and seed,
//! and published as offers. `api.rs` serves it as JSON, `page.rs` as the allocation page.

pub mod api;
pub mod page;
mod publish;
mod round;

pub use publish::publish;
pub use round::{caps_of, run, set_caps, view, RunView};

use super::Staff;
use crate::api::ApiError;
use crate::state::AppState;
use cohort_domain::allocation::{may_run_round, CapsProblem, RoundRefusal};
use cohort_domain::session::{Session, SessionId};
use cohort_domain::Permission;

/// The session, when a coordinator asks for it.
async fn coordinator_session(
    state: &AppState,
    staff: &Staff,
    id: i64,
) -> Result<Session, ApiError> {
    staff.require(Permission::ManageSessions)?;
    state
        .store
        .session_by_id(SessionId(id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)
}

/// 409 unless the window is closed and the rankings are frozen.
async fn check_round_may_run(state: &AppState, session: &Session) -> Result<(), ApiError> {
    let closed = state
        .store
        .ranking_closed_at(session.id)
        .await
        .map_err(ApiError::internal)?
        .is_some();
    may_run_round(session.window.state(state.settings.now_timestamp()), closed).map_err(refused)
}

/// A round refusal as a 409 with its reason.
fn refused(refusal: RoundRefusal) -> ApiError {
    let key = match refusal {
        RoundRefusal::WindowOpen => "allocation-window-open",
        RoundRefusal::RankingOpen => "allocation-ranking-open",
        RoundRefusal::AlreadyPublished => "allocation-already-published",
        RoundRefusal::Superseded => "allocation-superseded",
    };
    ApiError::Conflict {
        key,
        args: Vec::new(),
    }
}

/// The message of a caps mistake.
pub(crate) fn caps_problem_key(problem: &CapsProblem) -> &'static str {
    match problem {
        CapsProblem::Nationality(_) => "allocation-caps-nationality",
        CapsProblem::Limit(_) => "allocation-caps-limit",
        CapsProblem::Duplicate(_) => "allocation-caps-duplicate",
    }
}
