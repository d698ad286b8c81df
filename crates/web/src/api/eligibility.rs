//! The candidate's eligibility for a session, from their saved profile, worded.

use crate::state::AppState;
use crate::visitor::Visitor;
use cohort_domain::profile::{utc_date, Profile, RawProfile};
use cohort_domain::session::Session;

/// Every failed rule of the session for this profile (JSON as stored), as sentences in the visitor's
/// language; empty when eligible. A missing or unreadable profile fails every rule that
/// needs it ("missing information").
pub fn failed_rules(
    state: &AppState,
    visitor: Visitor,
    profile_json: Option<&str>,
    session: &Session,
) -> Vec<String> {
    let raw: RawProfile = profile_json
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    let today = utc_date(state.settings.now());
    let (profile, _) = Profile::parse_partial(&raw, today);
    let evaluation = session
        .rules
        .evaluate(&profile.facts(), session.period_start);
    let tr = state.locales.tr(visitor.lang);
    evaluation
        .failures()
        .map(|outcome| tr.with_args(outcome.reason.message_key(), &outcome.reason.message_args()))
        .collect()
}
