//! Supervisors are told, once per intern and evaluation, in their language, when a mid-term
//! or final evaluation opens and is not yet submitted. Checked with the checklist's
//! reminders by `cohort serve`'s hourly pass.

use crate::mail_templates::MailBook;
use crate::state::AppState;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::internship::EvaluationKind;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::Lang;
use cohort_store::NewMail;

/// Queues the e-mails of evaluations that opened; gives how many.
pub async fn send_due(state: &AppState) -> anyhow::Result<usize> {
    let store = &state.store;
    let book = MailBook::load(store).await?;
    let mut sent = 0;
    // from the store: a session created since the snapshot's last refresh counts too
    for session in &store.sessions().await? {
        let rows = store.internships(session.id).await?;
        let today = super::today(state, session);
        for row in rows {
            let (Some(email), ApplicationStatus::Accepted) = (&row.supervisor_email, row.status)
            else {
                continue;
            };
            let period = super::period_of(&row, session);
            if today > period.end() {
                continue;
            }
            let submitted = store.evaluations(row.application_id).await?;
            let Some(supervisor) = store.account_by_email(&email.to_lowercase()).await? else {
                continue;
            };
            let lang = Lang::parse(&supervisor.lang).unwrap_or(Lang::En);
            let tr = state.locales.tr(lang);
            for kind in EvaluationKind::ALL {
                let done = submitted
                    .iter()
                    .any(|e| e.kind == kind.as_str() && e.submitted_at.is_some());
                if done || today < period.opens_on(kind) {
                    continue;
                }
                let name = super::intern_name(state, row.application_id)
                    .await
                    .map_err(|e| anyhow::anyhow!("intern's name: {e:?}"))?;
                let values = [
                    (
                        "evaluation",
                        tr.t(&format!("evaluation-kind-{}", kind.as_str())),
                    ),
                    ("intern", name),
                    ("end", period.end().to_string()),
                    (
                        "link",
                        format!(
                            "{}/office/internships/{}",
                            state.settings.public_url.trim_end_matches('/'),
                            row.application_id
                        ),
                    ),
                ];
                let Rendered { subject, body } =
                    book.compose(&state.locales, MailKind::EvaluationOpen, lang, &values);
                let mail = NewMail {
                    to: email,
                    lang: lang.code(),
                    subject: &subject,
                    body_text: &body,
                };
                let notice = format!("evaluation_open_{}", kind.as_str());
                if store
                    .send_notice(row.application_id, &notice, &mail, state.settings.now())
                    .await?
                {
                    sent += 1;
                }
            }
        }
    }
    Ok(sent)
}
