//! The candidate's eligibility for a session, from their saved profile, worded.

use crate::state::AppState;
use crate::visitor::Visitor;
use cohort_domain::profile::{utc_date, Profile, RawProfile};
use cohort_domain::session::Session;
use cohort_store::StoreError;

/// Every failed rule of the session for this account, as sentences in the visitor's
/// language; empty when eligible. A missing or unreadable profile fails every rule that
/// needs it ("missing information").
pub async fn failed_rules(
    state: &AppState,
    visitor: Visitor,
    account_id: i64,
    session: &Session,
) -> Result<Vec<String>, StoreError> {
    let raw: RawProfile = match state.store.profile(account_id).await? {
        Some(json) => serde_json::from_str(&json).unwrap_or_default(),
        None => RawProfile::default(),
    };
    let today = utc_date(state.settings.now());
    let (profile, _) = Profile::parse_partial(&raw, today);
    let evaluation = session
        .rules
        .evaluate(&profile.facts(), session.period_start);
    let tr = state.locales.tr(visitor.lang);
    Ok(evaluation
        .failures()
        .map(|outcome| tr.with_args(outcome.reason.message_key(), &outcome.reason.message_args()))
        .collect())
}
