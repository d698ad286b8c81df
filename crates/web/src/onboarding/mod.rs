//! The pre-arrival checklist of each intern: the candidate sees theirs and completes what
//! is theirs; the office sees everyone's in one table (overdue items marked) and moves any
//! item — a refused clearance ends the offer and frees the seat for the next round.

pub mod api;
pub mod checklist_edit;
pub mod documents;
pub mod page;
pub mod reminders;

use crate::api::ApiError;
use crate::documents::upload::PdfFile;
use crate::office::Staff;
use crate::state::AppState;
use cohort_domain::application::ApplicationStatus;
use cohort_domain::onboarding::{
    act, due_date, is_overdue, Actor, Checklist, ChecklistItem, DueProblem, ItemAction, ItemKind,
    ItemRefusal, ItemStatus,
};
use cohort_domain::session::{Session, SessionId};
use cohort_domain::Permission;
use cohort_store::{ItemChange, ItemRow, NewAuditEntry};
use jiff::civil::Date;

/// One item of one intern.
#[derive(Debug, Clone)]
pub struct ItemView {
    /// The checklist's item.
    pub item: ChecklistItem,
    /// Where it stands.
    pub status: ItemStatus,
    /// When it is due.
    pub due: Date,
    /// Open and past its due date.
    pub overdue: bool,
}

/// Who acts on an item.
pub enum Who<'a> {
    /// The intern, by account.
    Candidate(&'a cohort_store::Account),
    /// The internship office.
    Office(&'a Staff),
}

/// A session's checklist: the office's, or NATO's.
pub async fn checklist_of(state: &AppState, session: SessionId) -> Result<Checklist, ApiError> {
    match state
        .store
        .checklist(session)
        .await
        .map_err(ApiError::internal)?
    {
        Some(text) => Checklist::from_toml(&text).map_err(ApiError::internal),
        None => Ok(Checklist::nato_default()),
    }
}

/// Today in the session's time zone.
pub(crate) fn today(state: &AppState, session: &Session) -> Date {
    state
        .settings
        .now_timestamp()
        .to_zoned(session.window.closes().time_zone().clone())
        .date()
}

/// The items of one intern, in the checklist's order.
pub fn items(checklist: &Checklist, rows: &[ItemRow], start: Date, today: Date) -> Vec<ItemView> {
    checklist
        .items
        .iter()
        .map(|item| {
            let row = rows.iter().find(|r| r.key == item.key);
            let status = row.map_or(ItemStatus::Todo, |r| r.status);
            let due = row
                .and_then(|r| r.due.as_deref())
                .and_then(|d| d.parse().ok())
                .unwrap_or_else(|| due_date(item, start));
            ItemView {
                item: item.clone(),
                status,
                due,
                overdue: is_overdue(status, due, today),
            }
        })
        .collect()
}

/// The candidate's checklist in a session, once they accepted an offer.
pub async fn candidate_items(
    state: &AppState,
    account: i64,
    session: i64,
) -> Result<(Session, i64, Vec<ItemView>), ApiError> {
    let (session, application) = accepted(state, account, session).await?;
    let checklist = checklist_of(state, session.id).await?;
    let rows = state
        .store
        .items_of(application)
        .await
        .map_err(ApiError::internal)?;
    let views = items(
        &checklist,
        &rows,
        session.period_start,
        today(state, &session),
    );
    Ok((session, application, views))
}

async fn accepted(
    state: &AppState,
    account: i64,
    session: i64,
) -> Result<(Session, i64), ApiError> {
    let found = state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    let application = state
        .store
        .application(account, found.id)
        .await
        .map_err(ApiError::internal)?
        .filter(|a| {
            matches!(
                a.status,
                ApplicationStatus::Accepted | ApplicationStatus::Ended
            )
        })
        .ok_or(ApiError::ApplicationNotFound)?;
    Ok((found, application.id))
}

fn refusal(refusal: ItemRefusal) -> ApiError {
    let key = match refusal {
        ItemRefusal::OfficeOnly => "onboarding-office-only",
        ItemRefusal::NotForThisItem => "onboarding-not-for-item",
        ItemRefusal::NotNow => "onboarding-not-now",
        ItemRefusal::Final => "onboarding-final",
        ItemRefusal::NeedsDocument => "onboarding-needs-document",
    };
    ApiError::Conflict {
        key,
        args: Vec::new(),
    }
}

/// What to do to an item.
#[derive(Debug, Default)]
pub struct Move<'a> {
    /// Move it.
    pub action: Option<ItemAction>,
    /// Set its due date (the office).
    pub due: Option<&'a str>,
    /// The document sent with an `upload` (the intern).
    pub document: Option<PdfFile>,
}

/// Moves one item (and/or, for the office, sets its due date; for the intern, stores the
/// document sent), audited. A refused clearance ends the accepted offer in the same
/// transaction.
pub async fn act_on(
    state: &AppState,
    who: Who<'_>,
    application: i64,
    key: &str,
    change: Move<'_>,
    address: &str,
) -> Result<ItemStatus, ApiError> {
    let Move {
        action,
        due,
        document,
    } = change;
    // an upload comes with its file, and a file only with an upload
    if (action == Some(ItemAction::Upload)) != document.is_some() {
        return Err(ApiError::Invalid {
            field: "action",
            key: "onboarding-upload-with-file",
        });
    }
    let store = &state.store;
    let row = store
        .screening_row(application)
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::ApplicationNotFound)?;
    let (actor, actor_id, label) = match &who {
        Who::Candidate(account) if account.id == row.account_id => {
            (Actor::Candidate, account.id, account.email.clone())
        }
        Who::Candidate(_) => return Err(ApiError::ApplicationNotFound),
        Who::Office(staff) => {
            staff.require(Permission::ManageSessions)?;
            (Actor::Office, staff.account.id, staff.label())
        }
    };
    let session = store
        .session_by_id(SessionId(row.session_id))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    if row.status != ApplicationStatus::Accepted {
        return Err(refusal(ItemRefusal::NotNow));
    }
    let checklist = checklist_of(state, session.id).await?;
    let item = checklist.item(key).ok_or(ApiError::NoRoute)?;
    let rows = store
        .items_of(application)
        .await
        .map_err(ApiError::internal)?;
    let from = rows
        .iter()
        .find(|r| r.key == key)
        .map_or(ItemStatus::Todo, |r| r.status);
    let to = match action {
        Some(action) => act(item, from, actor, action).map_err(refusal)?,
        None => from,
    };
    let due = match (due, actor) {
        (None, _) => None,
        (Some(_), Actor::Candidate) => return Err(refusal(ItemRefusal::OfficeOnly)),
        (Some(text), Actor::Office) => {
            let date: Date = text.trim().parse().map_err(|_| ApiError::InvalidArgs {
                field: "due".into(),
                key: "session-problem-date",
                args: vec![("value", text.to_owned())],
            })?;
            DueProblem::check(date, session.period_start).map_err(|p| ApiError::InvalidArgs {
                field: "due".into(),
                key: "onboarding-due-after-start",
                args: vec![("due", p.due.to_string()), ("start", p.start.to_string())],
            })?;
            Some(date.to_string())
        }
    };
    let subject = format!("application:{application}");
    let detail = serde_json::json!({
        "item": key, "from": from.as_str(), "to": to.as_str(), "due": due,
        "document": document.as_ref().map(|d| &d.sha256),
    })
    .to_string();
    let change = ItemChange {
        application_id: application,
        key,
        from,
        to,
        due: due.as_deref(),
        actor_id,
        end_offer: item.kind == ItemKind::Clearance && to == ItemStatus::Refused,
        audit: NewAuditEntry {
            actor_id: Some(actor_id),
            actor: &label,
            action: "onboarding.item",
            subject: &subject,
            detail: &detail,
            address: Some(address),
        },
    };
    let changed = match document {
        None => store
            .change_item(&change, state.settings.now())
            .await
            .map_err(ApiError::internal)?,
        Some(pdf) => documents::store_with(state, &change, pdf).await?,
    };
    changed.map_err(|_| ApiError::Conflict {
        key: "onboarding-changed-meanwhile",
        args: Vec::new(),
    })?;
    Ok(to)
}

/// One intern's row of the office's table.
pub struct InternRow {
    /// The application.
    pub application: i64,
    /// The intern's name as submitted.
    pub name: String,
    /// Still accepted (not ended).
    pub active: bool,
    /// Their items.
    pub items: Vec<ItemView>,
}

/// Every intern of a session with their items (coordinators).
pub async fn session_table(
    state: &AppState,
    staff: &Staff,
    session: i64,
) -> Result<(Session, Checklist, Vec<InternRow>), ApiError> {
    staff.require(Permission::ManageSessions)?;
    let session = state
        .store
        .session_by_id(SessionId(session))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::SessionNotFound)?;
    let checklist = checklist_of(state, session.id).await?;
    let list = crate::office::api::session_list(state, session.id).await?;
    let rows = state
        .store
        .onboarding_items(session.id)
        .await
        .map_err(ApiError::internal)?;
    let today = today(state, &session);
    let interns = list
        .entries
        .iter()
        .filter(|e| {
            matches!(
                e.row.status,
                ApplicationStatus::Accepted | ApplicationStatus::Ended
            )
        })
        .map(|e| {
            let mine: Vec<ItemRow> = rows
                .iter()
                .filter(|r| r.application_id == e.row.id)
                .cloned()
                .collect();
            InternRow {
                application: e.row.id,
                name: e.name(),
                active: e.row.status == ApplicationStatus::Accepted,
                items: items(&checklist, &mine, session.period_start, today),
            }
        })
        .collect();
    Ok((session, checklist, interns))
}
