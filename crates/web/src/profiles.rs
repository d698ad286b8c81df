//! A candidate's profile as the API and the pages both use it: read it, check and save it.

use crate::api::ApiError;
use crate::state::AppState;
use cohort_domain::profile::{self, Profile, ProfileProblem, RawProfile};

/// The stored profile as typed (empty until saved).
pub async fn load(state: &AppState, account_id: i64) -> Result<RawProfile, ApiError> {
    match state
        .store
        .profile(account_id)
        .await
        .map_err(ApiError::internal)?
    {
        None => Ok(RawProfile::default()),
        Some(json) => serde_json::from_str(&json).map_err(ApiError::internal),
    }
}

/// Checks every field and saves the canonical form; `Ok(Err(problems))` names every field
/// at fault, and nothing is saved.
pub async fn save(
    state: &AppState,
    account_id: i64,
    raw: &RawProfile,
) -> Result<Result<(RawProfile, Profile), Vec<ProfileProblem>>, ApiError> {
    let now = state.settings.now();
    let parsed = match Profile::parse(raw, profile::utc_date(now)) {
        Ok(parsed) => parsed,
        Err(problems) => return Ok(Err(problems)),
    };
    let canonical = parsed.to_raw();
    let json = serde_json::to_string(&canonical).map_err(ApiError::internal)?;
    state
        .store
        .save_profile(account_id, &json, now)
        .await
        .map_err(ApiError::internal)?;
    tracing::info!(account_id, "profile saved");
    Ok(Ok((canonical, parsed)))
}
