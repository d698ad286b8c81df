//! Reminders about checklist items, through the outbox: for each accepted intern's open
//! item of theirs, "due soon" in the week before its due date and "overdue" after it, each
//! once, in the intern's language, from the office's templates; and for the office's own
//! items gone past their date (a clearance still pending), one e-mail to each coordinator
//! listing them, each item once. `cohort serve` checks every hour ([`run_hourly`]); the
//! clock is the caller's, so tests move time instead of waiting for it.

use super::{checklist_of, items, ItemView};
use crate::mail_templates::MailBook;
use crate::state::AppState;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::onboarding::{is_overdue, reminder, Owner, Reminder};
use cohort_domain::session::SessionId;
use cohort_domain::{Lang, Role};
use cohort_store::{InternContact, NewMail};
use jiff::civil::Date;
use std::time::Duration;

/// The stored kind of the office's reminders.
const OFFICE_OVERDUE: &str = "office_overdue";

/// One accepted intern's checklist as of today, with the reminders already sent.
struct Intern {
    contact: InternContact,
    today: Date,
    items: Vec<ItemView>,
    already: Vec<(String, String)>,
}

impl Intern {
    fn sent(&self, key: &str, kind: &str) -> bool {
        self.already.iter().any(|(k, s)| k == key && s == kind)
    }
}

async fn interns(state: &AppState) -> anyhow::Result<Vec<Intern>> {
    let store = &state.store;
    let mut found = Vec::new();
    for contact in store.accepted_interns().await? {
        let Some(session) = store.session_by_id(SessionId(contact.session_id)).await? else {
            continue;
        };
        let checklist = checklist_of(state, session.id)
            .await
            .map_err(|e| anyhow::anyhow!("checklist of session {}: {e:?}", session.id.0))?;
        let today = super::today(state, &session);
        let rows = store.items_of(contact.application_id).await?;
        let already = store.reminders_sent(contact.application_id).await?;
        found.push(Intern {
            items: items(&checklist, &rows, session.period_start, today),
            contact,
            today,
            already,
        });
    }
    Ok(found)
}

fn public(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.settings.public_url.trim_end_matches('/'))
}

/// Sends the interns' reminders due now; gives how many were queued.
pub async fn send_due(state: &AppState) -> anyhow::Result<usize> {
    let interns = interns(state).await?;
    if interns.is_empty() {
        return Ok(0);
    }
    let store = &state.store;
    let book = MailBook::load(store).await?;
    let link = public(state, "/my-offer");
    let mut sent = 0;
    for intern in &interns {
        let lang = Lang::parse(&intern.contact.lang).unwrap_or(Lang::En);
        for view in &intern.items {
            if view.item.owner != Owner::Candidate {
                continue;
            }
            let Some(which) = reminder(view.status, view.due, intern.today) else {
                continue;
            };
            // once overdue, a "due soon" that was never sent is no longer news
            let key = &view.item.key;
            if intern.sent(key, which.as_str())
                || (which == Reminder::DueSoon && intern.sent(key, Reminder::Overdue.as_str()))
            {
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
                to: &intern.contact.email,
                lang: lang.code(),
                subject: &subject,
                body_text: &body,
            };
            let now = state.settings.now();
            let application = intern.contact.application_id;
            if store
                .send_reminder(application, key, which.as_str(), &mail, now)
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

/// Tells every coordinator, in their language, of the office's items that went past their
/// due date since the last check; gives how many e-mails were queued.
pub async fn send_office_due(state: &AppState) -> anyhow::Result<usize> {
    let mut late = Vec::new();
    for intern in interns(state).await? {
        for view in &intern.items {
            let key = &view.item.key;
            if view.item.owner == Owner::Office
                && is_overdue(view.status, view.due, intern.today)
                && !intern.sent(key, OFFICE_OVERDUE)
            {
                let name = crate::internship::intern_name(state, intern.contact.application_id)
                    .await
                    .map_err(|e| anyhow::anyhow!("intern's name: {e:?}"))?;
                late.push((intern.contact.application_id, view.clone(), name));
            }
        }
    }
    if late.is_empty() {
        return Ok(0);
    }
    let store = &state.store;
    let coordinators: Vec<_> = store
        .staff_accounts()
        .await?
        .into_iter()
        .map(|(account, _)| account)
        .filter(|a| a.role == Role::Coordinator.as_str())
        .collect();
    let book = MailBook::load(store).await?;
    let link = public(state, "/office");
    let letters: Vec<(String, String, Rendered)> = coordinators
        .iter()
        .map(|c| {
            let lang = Lang::parse(&c.lang).unwrap_or(Lang::En);
            let tr = state.locales.tr(lang);
            let lines: Vec<String> = late
                .iter()
                .map(|(_, view, name)| {
                    let args = [
                        ("item", view.item.label.get(lang).clone()),
                        ("intern", name.clone()),
                        ("due", view.due.to_string()),
                    ];
                    tr.with_args("mail-office-overdue-line", &args)
                })
                .collect();
            let values = [("items", lines.join("\n")), ("link", link.clone())];
            let mail = book.compose(&state.locales, MailKind::OfficeOverdue, lang, &values);
            (c.email.clone(), lang.code().to_owned(), mail)
        })
        .collect();
    let mails: Vec<NewMail<'_>> = letters
        .iter()
        .map(|(to, lang, mail)| NewMail {
            to,
            lang,
            subject: &mail.subject,
            body_text: &mail.body,
        })
        .collect();
    let items: Vec<(i64, &str)> = late
        .iter()
        .map(|(application, view, _)| (*application, view.item.key.as_str()))
        .collect();
    let sent = store
        .send_office_reminders(&items, &mails, state.settings.now())
        .await?;
    Ok(if sent { mails.len() } else { 0 })
}

/// How often `cohort serve` checks.
pub const EVERY: Duration = Duration::from_secs(3600);

/// Checks now and then every `every` (the interns' reminders, the office's, the
/// supervisors' open evaluations, then the invitations of interns whose internship
/// ended), until `stop` completes. A failed
/// check is logged and tried again at the next turn.
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
            if let Err(error) = send_office_due(&state).await {
                tracing::error!(%error, "checking the office's overdue items failed");
            }
            if let Err(error) = crate::internship::due::send_due(&state).await {
                tracing::error!(%error, "telling supervisors of open evaluations failed");
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
