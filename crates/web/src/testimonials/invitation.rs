//! Once an internship has ended, the intern is invited once, by e-mail in their language,
//! to fetch their certificate and to write what their internship looked like. Checked with
//! the checklist reminders by `cohort serve`'s hourly pass.

use crate::mail_templates::MailBook;
use crate::office::pages::unit_name;
use crate::state::AppState;
use cohort_domain::internship::may_write;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::session::SessionId;
use cohort_domain::Lang;
use cohort_store::NewMail;

/// The notice's stored kind.
const NOTICE: &str = "testimonial_invitation";

/// Invites every intern whose internship ended and who was not invited yet; gives how
/// many e-mails were queued.
pub async fn send_due(state: &AppState) -> anyhow::Result<usize> {
    let store = &state.store;
    let interns = store.accepted_interns().await?;
    if interns.is_empty() {
        return Ok(0);
    }
    let book = MailBook::load(store).await?;
    let link = format!(
        "{}/my-offer",
        state.settings.public_url.trim_end_matches('/')
    );
    let snapshot = state.snapshot();
    let mut sent = 0;
    for intern in interns {
        let Some(session) = store.session_by_id(SessionId(intern.session_id)).await? else {
            continue;
        };
        let period =
            crate::internship::period_of_application(state, intern.application_id, &session)
                .await
                .map_err(|e| anyhow::anyhow!("period of {}: {e:?}", intern.application_id))?;
        let today = crate::onboarding::today(state, &session);
        let status = cohort_domain::application::ApplicationStatus::Accepted;
        if !may_write(status, period.end(), today) {
            continue;
        }
        let Some(offer) = store.offer_of(intern.application_id).await? else {
            continue;
        };
        let Some(placement) = store.placement(offer.placement_id).await? else {
            continue;
        };
        let lang = Lang::parse(&intern.lang).unwrap_or(Lang::En);
        let values = [
            (
                "unit",
                unit_name(&snapshot.catalogue, placement.unit.as_str(), lang),
            ),
            ("end", period.end().to_string()),
            ("link", link.clone()),
        ];
        let Rendered { subject, body } =
            book.compose(&state.locales, MailKind::InternshipEnded, lang, &values);
        let mail = NewMail {
            to: &intern.email,
            lang: lang.code(),
            subject: &subject,
            body_text: &body,
        };
        if store
            .send_notice(intern.application_id, NOTICE, &mail, state.settings.now())
            .await?
        {
            sent += 1;
        }
    }
    Ok(sent)
}
