//! The candidate's side of the offer rounds: the outcome of the last round that included
//! their application (the offer, or why not), explained in their language without naming
//! anyone else, and their answer. `api.rs` serves it as JSON, `page.rs` as `/my-offer`.

pub mod api;
pub mod page;

use crate::api::ApiError;
use crate::state::AppState;
use cohort_domain::allocation::{
    answer_offer, candidate_key, placement_of, OfferAnswer, OfferRefusal, RoundOutcome, WhyReason,
};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{Placement, Session, SessionId};
use cohort_i18n::Tr;
use cohort_matching::InstanceDocument;
use cohort_store::{NewAuditEntry, OfferChange, OfferRow};

/// A choice the candidate did not get, and why.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The placement.
    pub placement: Placement,
    /// Why.
    pub reason: WhyReason,
    /// Its seats in that round.
    pub seats: u32,
}

/// Where a candidate stands after the rounds published so far.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The session.
    pub session: Session,
    /// The round that decided it.
    pub round: i64,
    /// The application's status.
    pub status: ApplicationStatus,
    /// The offer, if one was made, with its placement.
    pub offer: Option<(OfferRow, Placement)>,
    /// Why not each choice ranked above the one obtained.
    pub explanations: Vec<Explained>,
    /// The offer can still be answered now.
    pub answerable: bool,
}

/// The candidate's outcome in every session where a published round included them.
pub async fn outcomes(state: &AppState, account: i64) -> Result<Vec<Outcome>, ApiError> {
    let store = &state.store;
    let mut found = Vec::new();
    for session in store.sessions().await.map_err(ApiError::internal)? {
        if let Some(outcome) = outcome(state, account, session).await? {
            found.push(outcome);
        }
    }
    Ok(found)
}

/// The outcome in one session, if a published round included the candidate.
pub async fn outcome(
    state: &AppState,
    account: i64,
    session: Session,
) -> Result<Option<Outcome>, ApiError> {
    let store = &state.store;
    let Some(application) = store
        .application(account, session.id)
        .await
        .map_err(ApiError::internal)?
    else {
        return Ok(None);
    };
    if !matches!(application.status, ApplicationStatus::Shortlisted)
        && !application.status.has_offer()
    {
        return Ok(None);
    }
    let offer = store
        .offer_of(application.id)
        .await
        .map_err(ApiError::internal)?;
    let runs = store.runs(session.id).await.map_err(ApiError::internal)?;
    let key = candidate_key(application.id);
    // the run that made the offer, else the latest published run that included them
    for run in runs.iter().filter(|r| r.published_at.is_some()) {
        if offer.as_ref().is_some_and(|o| o.run_id != run.id) {
            continue;
        }
        let (instance, result) = store
            .run_documents(run.id)
            .await
            .map_err(ApiError::internal)?
            .ok_or(ApiError::Internal)?;
        let result = RoundOutcome::from_json(&result).map_err(ApiError::internal)?;
        if !result.assignment.contains_key(&key) {
            continue;
        }
        let placements = store
            .placements(session.id)
            .await
            .map_err(ApiError::internal)?;
        let find = |id| placements.iter().find(|p| p.id == id).cloned();
        let doc = InstanceDocument::from_json(&instance).map_err(ApiError::internal)?;
        let seats_of = |key: &str| {
            doc.placements
                .iter()
                .find(|p| p.id == key)
                .and_then(|p| p.capacity.as_u64())
                .unwrap_or(0) as u32
        };
        let explanations = result
            .explanations
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(|why| {
                Some(Explained {
                    placement: find(placement_of(&why.placement)?)?,
                    reason: why.reason.clone(),
                    seats: seats_of(&why.placement),
                })
            })
            .collect();
        let now = state.settings.now();
        let answerable = offer.as_ref().is_some_and(|o| {
            answer_offer(application.status, o.reply_by, now, OfferAnswer::Accept).is_ok()
        });
        let offer = offer.and_then(|o| find(o.placement_id).map(|p| (o, p)));
        return Ok(Some(Outcome {
            session,
            round: run.round,
            status: application.status,
            offer,
            explanations,
            answerable,
        }));
    }
    Ok(None)
}

/// The candidate accepts or declines their offer in a session: 409 with the reason when
/// there is none, it was answered, or its deadline passed; nothing changes then.
pub async fn answer(
    state: &AppState,
    account: &cohort_store::Account,
    session: i64,
    answer: OfferAnswer,
    address: &str,
) -> Result<ApplicationStatus, ApiError> {
    let store = &state.store;
    let application = store
        .application(account.id, SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)?;
    let offer = store
        .offer_of(application.id)
        .await
        .map_err(ApiError::internal)?;
    let now = state.settings.now();
    let to = match &offer {
        None => Err(OfferRefusal::NoOffer),
        Some(o) => answer_offer(application.status, o.reply_by, now, answer),
    }
    .map_err(refusal)?;
    let subject = format!("application:{}", application.id);
    let change = OfferChange {
        application_id: application.id,
        to,
        actor_id: Some(account.id),
        audit: NewAuditEntry {
            actor_id: Some(account.id),
            actor: &account.email,
            action: "offer.answer",
            subject: &subject,
            detail: &serde_json::json!({ "status": to.as_str() }).to_string(),
            address: Some(address),
        },
    };
    store
        .change_offer(&change, now)
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| refusal(OfferRefusal::Answered(to)))?;
    Ok(to)
}

fn refusal(refusal: OfferRefusal) -> ApiError {
    let key = match refusal {
        OfferRefusal::NoOffer => "offer-none",
        OfferRefusal::Expired => "offer-expired",
        OfferRefusal::Answered(_) => "offer-answered",
    };
    ApiError::Conflict {
        key,
        args: Vec::new(),
    }
}

/// One explanation, worded for the candidate: the placement and the reason, never who.
pub fn worded(tr: &Tr<'_>, unit: &str, why: &Explained) -> String {
    let mut args = vec![
        ("placement", why.placement.title.get(tr.lang).clone()),
        ("unit", unit.to_owned()),
        ("seats", why.seats.to_string()),
    ];
    let key = match &why.reason {
        WhyReason::Cutoff { .. } => "offer-why-cutoff",
        WhyReason::NotRanked => "offer-why-not-ranked",
        WhyReason::NationalityCap { nationality } => {
            args.push(("nationality", nationality.clone()));
            "offer-why-cap"
        }
        WhyReason::CapacityZero => "offer-why-no-seats",
    };
    tr.with_args(key, &args)
}

/// The reason's stable name in the API.
pub fn reason_code(reason: &WhyReason) -> &'static str {
    match reason {
        WhyReason::Cutoff { .. } => "cutoff",
        WhyReason::NotRanked => "not_ranked",
        WhyReason::NationalityCap { .. } => "nationality_cap",
        WhyReason::CapacityZero => "capacity_zero",
    }
}
