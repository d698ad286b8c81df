//! Publishing a run: its offers are made, each candidate is e-mailed in their language
//! with the placement and the reply deadline, and the run can no longer change.

use super::round::lapse_expired_offers;
use super::{check_round_may_run, coordinator_session, refused, Staff};
use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::mail_templates::MailBook;
use crate::state::AppState;
use cohort_domain::allocation::{
    application_of, placement_of, ReplyDays, RoundOutcome, RoundRefusal,
};
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::Lang;
use cohort_store::{NewMail, NewOffer, Publication};
use std::collections::HashMap;

/// Publishes a run of the session; returns how many offers were made and their deadline. 409 when the round
/// was already published, a newer run replaces this one, or the session is not ready.
pub async fn publish(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    session: i64,
    run: i64,
    reply: ReplyDays,
) -> Result<(usize, i64), ApiError> {
    let session = coordinator_session(state, staff, session).await?;
    let store = &state.store;
    let runs = store.runs(session.id).await.map_err(ApiError::internal)?;
    let Some(run) = runs.iter().find(|r| r.id == run) else {
        return Err(ApiError::NoRoute);
    };
    if runs
        .iter()
        .any(|r| r.round == run.round && r.published_at.is_some())
    {
        return Err(refused(RoundRefusal::AlreadyPublished));
    }
    if runs.first().map(|r| r.id) != Some(run.id) {
        return Err(refused(RoundRefusal::Superseded));
    }
    check_round_may_run(state, &session).await?;
    lapse_expired_offers(state, &session).await?;
    let (_, result) = store
        .run_documents(run.id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Internal)?;
    let outcome = RoundOutcome::from_json(&result).map_err(ApiError::internal)?;
    let candidates: HashMap<i64, (String, String)> = store
        .screening_rows(session.id)
        .await
        .map_err(ApiError::internal)?
        .into_iter()
        .map(|r| (r.id, (r.email, r.lang)))
        .collect();
    let placements: HashMap<_, _> = store
        .placements(session.id)
        .await
        .map_err(ApiError::internal)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let now = state.settings.now();
    let reply_by = reply.deadline(now);
    let deadline = crate::pages::candidate::zoned(reply_by, &session);
    let snapshot = state.snapshot();
    let link = format!(
        "{}/my-offer",
        state.settings.public_url.trim_end_matches('/')
    );
    // the texts first (they borrow nothing from the offers), then the offers
    let book = MailBook::load(store).await.map_err(ApiError::internal)?;
    let mut letters = Vec::new();
    for (key, placement) in &outcome.assignment {
        let Some(placement) = placement else { continue };
        let (Some(application), Some(placement)) = (application_of(key), placement_of(placement))
        else {
            return Err(ApiError::internal(anyhow::anyhow!(
                "run {} names {key}",
                run.id
            )));
        };
        let (Some((email, lang)), Some(placement)) =
            (candidates.get(&application), placements.get(&placement))
        else {
            return Err(ApiError::internal(anyhow::anyhow!(
                "run {} names an unknown {key}",
                run.id
            )));
        };
        let tr = state.locales.tr(Lang::parse(lang).unwrap_or(Lang::En));
        let unit =
            super::super::pages::unit_name(&snapshot.catalogue, placement.unit.as_str(), tr.lang);
        let args = [
            ("placement", placement.title.get(tr.lang).clone()),
            ("unit", unit),
            ("deadline", deadline.clone()),
            ("link", link.clone()),
        ];
        let Rendered { subject, body } =
            book.compose(&state.locales, MailKind::Offer, tr.lang, &args);
        letters.push((application, placement.id, email, lang, subject, body));
    }
    let offers: Vec<NewOffer<'_>> = letters
        .iter()
        .map(
            |(application, placement, email, lang, subject, body)| NewOffer {
                application_id: *application,
                placement_id: *placement,
                mail: NewMail {
                    to: email,
                    lang,
                    subject,
                    body_text: body,
                },
            },
        )
        .collect();
    let label = staff.label();
    let subject = format!("allocation_run:{}", run.id);
    let detail =
        serde_json::json!({ "round": run.round, "offers": offers.len(), "reply_by": reply_by })
            .to_string();
    let address = peer.ip().to_string();
    let publication = Publication {
        run,
        offers: &offers,
        reply_by,
        actor_id: staff.account.id,
        audit: staff.audit_entry(&label, "allocation.publish", &subject, &detail, &address),
    };
    store
        .publish_run(&publication, now)
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| ApiError::Conflict {
            key: "allocation-changed-meanwhile",
            args: Vec::new(),
        })?;
    Ok((offers.len(), reply_by))
}
