//! Running a round: lapse the offers past their deadline, build the round's instance from
//! the store, solve it, store the run, and show its preview.

use super::{check_round_may_run, coordinator_session, Staff};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use cohort_domain::allocation::{
    preview, NationalityCaps, Preview, Round, RoundCandidate, RoundOutcome, RoundPlacement,
};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::profile::RawProfile;
use cohort_domain::session::{PlacementId, Session};
use cohort_domain::Nationality;
use cohort_matching::{InstanceDocument, Millis};
use cohort_store::{NewAuditEntry, NewRun, OfferChange, RunRow};
use std::collections::HashMap;

/// A stored run and its figures.
#[derive(Debug)]
pub struct RunView {
    /// The run.
    pub run: RunRow,
    /// Its figures.
    pub preview: Preview,
}

/// A session's nationality caps (none until set).
pub async fn caps_of(state: &AppState, session: &Session) -> Result<NationalityCaps, ApiError> {
    let stored = state
        .store
        .nationality_caps(session.id)
        .await
        .map_err(ApiError::internal)?;
    match stored {
        None => Ok(NationalityCaps::default()),
        Some(json) => serde_json::from_str(&json).map_err(ApiError::internal),
    }
}

/// Replaces a session's caps (coordinators); audited.
pub async fn set_caps(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    session: i64,
    caps: &NationalityCaps,
) -> Result<(), ApiError> {
    let session = coordinator_session(state, staff, session).await?;
    let json = serde_json::to_string(caps).map_err(ApiError::internal)?;
    let label = staff.label();
    let subject = format!("session:{}", session.id.0);
    let address = peer.ip().to_string();
    let entry = staff.audit_entry(&label, "session.caps", &subject, &json, &address);
    state
        .store
        .set_nationality_caps(session.id, &json, &entry, state.settings.now())
        .await
        .map_err(ApiError::internal)
}

/// Runs the next round of a session as a preview (nothing is sent): 409 while the window
/// is open or the rankings are not frozen. `seed` is drawn at random when not given.
pub async fn run(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    session: i64,
    seed: Option<u64>,
) -> Result<RunView, ApiError> {
    let session = coordinator_session(state, staff, session).await?;
    check_round_may_run(state, &session).await?;
    lapse_expired_offers(state, &session).await?;
    // 53 bits: the seed stays exact in any JSON reader
    let seed = seed.unwrap_or_else(|| rand::random::<u64>() >> 11);
    let (number, round) = next_round(state, &session, seed).await?;
    let instance = round.to_json();
    let result = cohort_matching::solve_json_with(&instance, Millis::Fixed(0.0))
        .map_err(|e| ApiError::internal(anyhow::anyhow!("built an invalid instance: {e}")))?;
    // both kept as `cohort match` writes files (a final newline), so that
    // `cohort match --reproducible` on the downloaded instance gives the result file
    let (instance, result) = (format!("{instance}\n"), format!("{result}\n"));
    let outcome = RoundOutcome::from_json(&result).map_err(ApiError::internal)?;
    let preview = preview(&round, &outcome);
    let label = staff.label();
    let address = peer.ip().to_string();
    let detail = serde_json::json!({
        "session": session.id.0, "round": number, "seed": seed,
        "candidates": preview.candidates, "matched": preview.matched, "stable": preview.stable,
    })
    .to_string();
    let new = NewRun {
        session: session.id,
        round: number,
        seed: i64::try_from(seed).map_err(ApiError::internal)?,
        instance: &instance,
        result: &result,
        created_by: staff.account.id,
        // the store names the subject once the run has its id
        audit: staff.audit_entry(&label, "allocation.run", "", &detail, &address),
    };
    let now = state.settings.now();
    let id = state
        .store
        .insert_run(&new, now)
        .await
        .map_err(ApiError::internal)?;
    let run = state
        .store
        .run(id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Internal)?;
    Ok(RunView { run, preview })
}

/// A stored run of a session with its figures, read back from its exact instance.
pub async fn view(
    state: &AppState,
    staff: &Staff,
    session: i64,
    run: i64,
) -> Result<RunView, ApiError> {
    let session = coordinator_session(state, staff, session).await?;
    let store = &state.store;
    let run = store
        .run(run)
        .await
        .map_err(ApiError::internal)?
        .filter(|r| r.session_id == session.id.0)
        .ok_or(ApiError::NoRoute)?;
    let (instance, result) = store
        .run_documents(run.id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NoRoute)?;
    let placements = store
        .placements(session.id)
        .await
        .map_err(ApiError::internal)?;
    let unit_of: HashMap<PlacementId, _> = placements.into_iter().map(|p| (p.id, p.unit)).collect();
    let doc = InstanceDocument::from_json(&instance).map_err(ApiError::internal)?;
    let round = Round::from_instance(&doc, |p| unit_of.get(&p).cloned()).ok_or_else(|| {
        ApiError::internal(anyhow::anyhow!("run {} has a foreign instance", run.id))
    })?;
    let outcome = RoundOutcome::from_json(&result).map_err(ApiError::internal)?;
    Ok(RunView {
        preview: preview(&round, &outcome),
        run,
    })
}

/// Offers past their reply deadline lapse (status `expired`) and free their seats; done
/// before each round and before publishing, so no seat stays held by a silent candidate.
pub(super) async fn lapse_expired_offers(
    state: &AppState,
    session: &Session,
) -> Result<(), ApiError> {
    let now = state.settings.now();
    let offers = state
        .store
        .offers(session.id)
        .await
        .map_err(ApiError::internal)?;
    for offer in offers
        .iter()
        .filter(|o| o.status == ApplicationStatus::Offered && o.reply_by < now)
    {
        let subject = format!("application:{}", offer.application_id);
        let detail = serde_json::json!({ "reply_by": offer.reply_by }).to_string();
        let change = OfferChange {
            application_id: offer.application_id,
            to: ApplicationStatus::Expired,
            actor_id: None,
            audit: NewAuditEntry {
                actor_id: None,
                actor: "system",
                action: "offer.expire",
                subject: &subject,
                detail: &detail,
                address: None,
            },
        };
        // a concurrent answer wins: nothing to do then
        let _ = state
            .store
            .change_offer(&change, now)
            .await
            .map_err(ApiError::internal)?;
    }
    Ok(())
}

/// The number of the round that comes next: 1 + the highest round published (previews
/// of a round do not count).
pub(crate) fn next_round_number(runs: &[cohort_store::RunRow]) -> i64 {
    1 + runs
        .iter()
        .filter(|r| r.published_at.is_some())
        .map(|r| r.round)
        .max()
        .unwrap_or(0)
}

/// The round that comes next: its number (1 + the rounds published) and its instance —
/// the shortlisted candidates who have had no offer, the seats no accepted or pending
/// offer holds, the frozen rankings, and the caps less what offers already use.
async fn next_round(
    state: &AppState,
    session: &Session,
    seed: u64,
) -> Result<(i64, Round), ApiError> {
    let store = &state.store;
    let internal = ApiError::internal;
    let rows = store.screening_rows(session.id).await.map_err(internal)?;
    let placements = store.placements(session.id).await.map_err(internal)?;
    let offers = store.offers(session.id).await.map_err(internal)?;
    let rankings = store.session_rankings(session.id).await.map_err(internal)?;
    let runs = store.runs(session.id).await.map_err(internal)?;
    let caps = caps_of(state, session).await?;
    let number = next_round_number(&runs);
    let nationality: HashMap<i64, Option<Nationality>> = rows
        .iter()
        .map(|r| (r.id, first_nationality(r.profile.as_deref())))
        .collect();
    let mut held_seats: HashMap<PlacementId, u32> = HashMap::new();
    let mut held_caps: HashMap<Nationality, u32> = HashMap::new();
    for offer in offers.iter().filter(|o| {
        matches!(
            o.status,
            ApplicationStatus::Offered | ApplicationStatus::Accepted
        )
    }) {
        *held_seats.entry(offer.placement_id).or_default() += 1;
        if let Some(Some(n)) = nationality.get(&offer.application_id) {
            *held_caps.entry(*n).or_default() += 1;
        }
    }
    let seats: u32 = placements.iter().map(|p| p.capacity).sum();
    let caps_left = caps
        .counts(seats)
        .into_iter()
        .map(|(n, cap)| {
            (
                n,
                cap.saturating_sub(held_caps.get(&n).copied().unwrap_or(0)),
            )
        })
        .collect();
    let mut groups: HashMap<PlacementId, Vec<Vec<i64>>> = HashMap::new();
    let mut last: Option<(PlacementId, i64)> = None;
    for &(placement, application, rank) in &rankings {
        let list = groups.entry(placement).or_default();
        if last == Some((placement, rank)) {
            if let Some(group) = list.last_mut() {
                group.push(application);
            }
        } else {
            list.push(vec![application]);
        }
        last = Some((placement, rank));
    }
    let round = Round {
        seed,
        candidates: rows
            .iter()
            .filter(|r| r.status == ApplicationStatus::Shortlisted)
            .map(|r| RoundCandidate {
                application_id: r.id,
                nationality: nationality.get(&r.id).copied().flatten(),
                choices: r.choices.clone(),
            })
            .collect(),
        placements: placements
            .iter()
            .map(|p| RoundPlacement {
                id: p.id,
                unit: p.unit.clone(),
                seats_left: p
                    .capacity
                    .saturating_sub(held_seats.get(&p.id).copied().unwrap_or(0)),
                ranking: groups.remove(&p.id).unwrap_or_default(),
            })
            .collect(),
        caps_left,
    };
    Ok((number, round))
}

/// Caps count a candidate under the first nationality they gave.
fn first_nationality(profile: Option<&str>) -> Option<Nationality> {
    let profile: RawProfile = serde_json::from_str(profile?).ok()?;
    profile
        .nationalities
        .first()
        .and_then(|n| Nationality::parse(n).ok())
}
