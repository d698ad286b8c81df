//! Former interns write "what my internship looked like"; the office approves, edits (only
//! with the author's consent) or rejects; approved ones join the unit's public page.

pub mod api;
pub mod invitation;
pub mod page;

use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::office::Staff;
use crate::state::AppState;
use cohort_domain::internship::{
    may_write, moderate as decide, Moderation, ModerationAction, ModerationRefusal,
    TestimonialDraft, TestimonialProblem, MAX_TESTIMONIAL_CHARS,
};
use cohort_domain::session::SessionId;
use cohort_domain::Permission;
use cohort_store::NewTestimonial;

fn problem(p: TestimonialProblem) -> ApiError {
    match p {
        TestimonialProblem::Empty => ApiError::Invalid {
            field: "body",
            key: "testimonial-empty",
        },
        TestimonialProblem::TooLong(field) => ApiError::Invalid {
            field,
            key: "testimonial-too-long",
        },
    }
}

fn conflict(key: &'static str) -> ApiError {
    ApiError::Conflict {
        key,
        args: Vec::new(),
    }
}

/// Whether the intern may write about this session now; the application's id and unit.
pub async fn writable(
    state: &AppState,
    account: i64,
    session: i64,
) -> Result<(i64, String), ApiError> {
    let store = &state.store;
    let found = store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    let application = store
        .application(account, found.id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)?;
    let today = state
        .settings
        .now_timestamp()
        .to_zoned(found.window.closes().time_zone().clone())
        .date();
    let period = crate::internship::period_of_application(state, application.id, &found).await?;
    if !may_write(application.status, period.end(), today) {
        return Err(conflict("testimonial-not-yet"));
    }
    let offer = store
        .offer_of(application.id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)?;
    let placement = store
        .placement(offer.placement_id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::Internal)?;
    Ok((application.id, placement.unit.as_str().to_owned()))
}

/// Stores (or, while pending, replaces) the intern's testimonial.
pub async fn submit(
    state: &AppState,
    account: i64,
    session: i64,
    draft: TestimonialDraft,
) -> Result<(), ApiError> {
    let (application, unit) = writable(state, account, session).await?;
    let draft = draft.check().map_err(problem)?;
    let new = NewTestimonial {
        application_id: application,
        unit_code: &unit,
        lang: draft.lang.code(),
        body: &draft.body,
        body_other: draft.other.as_deref(),
        consent_edit: draft.consent_to_edit,
    };
    state
        .store
        .submit_testimonial(&new, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| conflict("testimonial-already-moderated"))
}

/// Approves, edits and approves, or rejects a pending testimonial; audited. An approved
/// testimonial shows on the unit's page at once on this node (others within seconds).
pub async fn moderate(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    id: i64,
    action: ModerationAction,
    body: Option<&str>,
) -> Result<(), ApiError> {
    staff.require(Permission::ManageSessions)?;
    let row = state
        .store
        .testimonial(id)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NoRoute)?;
    let to = decide(row.status, action, row.consent_edit).map_err(|r| match r {
        ModerationRefusal::NoConsent => conflict("testimonial-no-consent"),
        ModerationRefusal::AlreadyModerated => conflict("testimonial-already-moderated"),
    })?;
    let body = match (action, body.map(str::trim)) {
        (ModerationAction::EditAndApprove, Some(text)) if !text.is_empty() => {
            if text.chars().count() > MAX_TESTIMONIAL_CHARS {
                return Err(problem(TestimonialProblem::TooLong("body")));
            }
            Some(text)
        }
        (ModerationAction::EditAndApprove, _) => return Err(problem(TestimonialProblem::Empty)),
        _ => None,
    };
    let label = staff.label();
    let address = peer.ip().to_string();
    let subject = format!("testimonial:{id}");
    let detail = serde_json::json!({ "to": to.as_str(), "edited": body.is_some() }).to_string();
    let audit = staff.audit_entry(&label, "testimonial.moderate", &subject, &detail, &address);
    state
        .store
        .moderate_testimonial(id, to, body, staff.account.id, &audit, state.settings.now())
        .await
        .map_err(ApiError::internal)?
        .map_err(|_| conflict("testimonial-already-moderated"))?;
    if to == Moderation::Approved {
        // this node shows it now; the refresher brings the others along
        state.refresh().await.map_err(ApiError::internal)?;
    }
    Ok(())
}
