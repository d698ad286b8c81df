//! Reminders about checklist items, through the outbox: for each accepted intern's open
//! item of theirs, "due soon" in the week before its due date and "overdue" after it, each
//! once, in the intern's language, from the office's templates. `cohort serve` checks
//! every hour ([`run_hourly`]); the clock is the caller's, so tests move time instead of
//! waiting for it.

use super::{checklist_of, items};
use crate::mail_templates::MailBook;
use crate::state::AppState;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::onboarding::{reminder, Owner, Reminder};
use cohort_domain::session::SessionId;
use cohort_domain::Lang;
use cohort_store::NewMail;
use std::time::Duration;

/// Sends the reminders due now; gives how many were queued.
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
    let mut sent = 0;
    for intern in interns {
        let Some(session) = store.session_by_id(SessionId(intern.session_id)).await? else {
            continue;
        };
        let checklist = checklist_of(state, session.id)
            .await
            .map_err(|e| anyhow::anyhow!("checklist of session {}: {e:?}", session.id.0))?;
        let today = super::today(state, &session);
        let rows = store.items_of(intern.application_id).await?;
        let already = store.reminders_sent(intern.application_id).await?;
        let lang = Lang::parse(&intern.lang).unwrap_or(Lang::En);
        for view in items(&checklist, &rows, session.period_start, today) {
            if view.item.owner != Owner::Candidate {
                continue;
            }
            let Some(which) = reminder(view.status, view.due, today) else {
                continue;
            };
            let done = |kind: Reminder| {
                already
                    .iter()
                    .any(|(key, k)| key == &view.item.key && k == kind.as_str())
            };
            // once overdue, a "due soon" that was never sent is no longer news
            if done(which) || (which == Reminder::DueSoon && done(Reminder::Overdue)) {
                continue;
            }
            let kind = match which {
                Reminder::DueSoon => MailKind::ReminderDueSoon,
                Reminder::Overdue => MailKind::ReminderOverdue,
            };
            let values = [
                ("item", view.item.label.get(lang).clone()),
                ("due", view.due.to_string()),
                ("link", link.clone()),
            ];
            let Rendered { subject, body } = book.compose(&state.locales, kind, lang, &values);
            let mail = NewMail {
                to: &intern.email,
                lang: lang.code(),
                subject: &subject,
                body_text: &body,
            };
            let now = state.settings.now();
            if store
                .send_reminder(
                    intern.application_id,
                    &view.item.key,
                    which.as_str(),
                    &mail,
                    now,
                )
                .await?
            {
                sent += 1;
            }
        }
    }
    if sent > 0 {
        tracing::info!(sent, "checklist reminders queued");
    }
    Ok(sent)
}

/// How often `cohort serve` checks.
pub const EVERY: Duration = Duration::from_secs(3600);

/// Checks now and then every `every` (the checklist's reminders, then the invitations of
/// interns whose internship ended), until `stop` completes. A failed check is logged and
/// tried again at the next turn.
pub async fn run_hourly(
    state: AppState,
    every: Duration,
    stop: impl std::future::Future<Output = ()>,
) {
    let work = async {
        loop {
            if let Err(error) = send_due(&state).await {
                tracing::error!(%error, "checking the checklist reminders failed");
            }
            if let Err(error) = crate::testimonials::invitation::send_due(&state).await {
                tracing::error!(%error, "inviting former interns failed");
            }
            tokio::time::sleep(every).await;
        }
    };
    tokio::select! {
        () = work => {},
        () = stop => {},
    }
}
