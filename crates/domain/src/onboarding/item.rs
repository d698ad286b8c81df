//! An item's life: who may move it where, when it is due, and when it is overdue.

use super::checklist::{ChecklistItem, ItemKind, Owner};
use jiff::civil::Date;

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus {
    /// Nothing done yet.
    Todo,
    /// Asked of the authority (clearance).
    Requested,
    /// Under way.
    InProgress,
    /// Done (for a clearance: granted).
    Done,
    /// The clearance was refused: the offer ends.
    Refused,
}

impl ItemStatus {
    /// Every status.
    pub const ALL: [ItemStatus; 5] = [
        ItemStatus::Todo,
        ItemStatus::Requested,
        ItemStatus::InProgress,
        ItemStatus::Done,
        ItemStatus::Refused,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Todo => "todo",
            ItemStatus::Requested => "requested",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Done => "done",
            ItemStatus::Refused => "refused",
        }
    }

    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<ItemStatus> {
        ItemStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// What someone does to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAction {
    /// Ask the authority (clearance).
    Request,
    /// Mark as under way.
    Progress,
    /// Mark as done (grant a clearance).
    Complete,
    /// Refuse a clearance.
    Refuse,
    /// Back to to-do (a mistake, a document to send again).
    Reopen,
    /// A document was sent: the office checks it next.
    Upload,
}

impl ItemAction {
    /// `request`, `progress`, `complete`, `refuse`, `reopen`, `upload`.
    pub fn parse(text: &str) -> Option<ItemAction> {
        Some(match text {
            "request" => ItemAction::Request,
            "progress" => ItemAction::Progress,
            "complete" => ItemAction::Complete,
            "refuse" => ItemAction::Refuse,
            "reopen" => ItemAction::Reopen,
            "upload" => ItemAction::Upload,
            _ => return None,
        })
    }
}

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The future intern.
    Candidate,
    /// The internship office.
    Office,
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ItemRefusal {
    /// Only the office acts on this item.
    #[error("only the internship office acts on this item")]
    OfficeOnly,
    /// The action does not fit the item (requesting a photo, refusing a document).
    #[error("this action does not apply to this item")]
    NotForThisItem,
    /// Not from this status.
    #[error("not possible from this status")]
    NotNow,
    /// A refused clearance is final.
    #[error("the clearance was refused; the offer has ended")]
    Final,
    /// A document item is completed by sending the document, which the office checks.
    #[error("send the document; the office marks it done once checked")]
    NeedsDocument,
}

/// The new status, or why not.
pub fn act(
    item: &ChecklistItem,
    status: ItemStatus,
    actor: Actor,
    action: ItemAction,
) -> Result<ItemStatus, ItemRefusal> {
    use ItemAction as A;
    use ItemStatus as S;
    if status == S::Refused {
        return Err(ItemRefusal::Final);
    }
    let document = item.kind == ItemKind::Document;
    let candidates_move = matches!(action, A::Complete | A::Upload);
    if actor == Actor::Candidate && (item.owner == Owner::Office || !candidates_move) {
        return Err(ItemRefusal::OfficeOnly);
    }
    if actor == Actor::Candidate && document && action == A::Complete {
        return Err(ItemRefusal::NeedsDocument);
    }
    let clearance = item.kind == ItemKind::Clearance;
    match action {
        A::Request | A::Refuse if !clearance => Err(ItemRefusal::NotForThisItem),
        A::Upload if !document => Err(ItemRefusal::NotForThisItem),
        // a second upload replaces the first while the office has not checked it
        A::Upload if matches!(status, S::Todo | S::InProgress) => Ok(S::InProgress),
        A::Reopen if document && status == S::InProgress => Ok(S::Todo),
        A::Request if status == S::Todo => Ok(S::Requested),
        A::Progress if matches!(status, S::Todo | S::Requested) => Ok(S::InProgress),
        A::Complete if status != S::Done => Ok(S::Done),
        A::Refuse if matches!(status, S::Requested | S::InProgress) => Ok(S::Refused),
        A::Reopen if status == S::Done => Ok(S::Todo),
        _ => Err(ItemRefusal::NotNow),
    }
}

/// An item's due date: `days` before the start unless the office set one.
pub fn due_date(item: &ChecklistItem, start: Date) -> Date {
    start
        .checked_sub(jiff::Span::new().days(i64::from(item.due_days_before_start)))
        .unwrap_or(start)
}

/// A due date set by the office that falls after the internship starts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the due date ({due}) is after the internship starts ({start})")]
pub struct DueProblem {
    /// The due date asked for.
    pub due: Date,
    /// The first day.
    pub start: Date,
}

impl DueProblem {
    /// `Err` when `due` is after `start`.
    pub fn check(due: Date, start: Date) -> Result<Date, DueProblem> {
        if due > start {
            Err(DueProblem { due, start })
        } else {
            Ok(due)
        }
    }
}

/// Not done (nor refused) and past its due date.
pub fn is_overdue(status: ItemStatus, due: Date, today: Date) -> bool {
    !matches!(status, ItemStatus::Done | ItemStatus::Refused) && today > due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::onboarding::Checklist;
    use jiff::civil::date;

    #[test]
    fn every_actor_action_and_status() {
        let list = Checklist::nato_default();
        let clearance = list.item("clearance").expect("clearance");
        let insurance = list.item("insurance").expect("insurance");
        use ItemAction as A;
        use ItemStatus as S;
        // the office moves a clearance from request to a verdict
        assert_eq!(
            act(clearance, S::Todo, Actor::Office, A::Request),
            Ok(S::Requested)
        );
        assert_eq!(
            act(clearance, S::Requested, Actor::Office, A::Progress),
            Ok(S::InProgress)
        );
        assert_eq!(
            act(clearance, S::InProgress, Actor::Office, A::Complete),
            Ok(S::Done)
        );
        assert_eq!(
            act(clearance, S::InProgress, Actor::Office, A::Refuse),
            Ok(S::Refused)
        );
        assert_eq!(
            act(clearance, S::Todo, Actor::Office, A::Refuse),
            Err(ItemRefusal::NotNow)
        );
        assert_eq!(
            act(clearance, S::Refused, Actor::Office, A::Reopen),
            Err(ItemRefusal::Final)
        );
        // the candidate completes their own tasks, and sends their documents
        let travel = list.item("travel").expect("travel");
        assert_eq!(
            act(travel, S::Todo, Actor::Candidate, A::Complete),
            Ok(S::Done)
        );
        assert_eq!(
            act(travel, S::Done, Actor::Candidate, A::Complete),
            Err(ItemRefusal::NotNow)
        );
        assert_eq!(
            act(insurance, S::Todo, Actor::Candidate, A::Complete),
            Err(ItemRefusal::NeedsDocument)
        );
        assert_eq!(
            act(insurance, S::Todo, Actor::Candidate, A::Upload),
            Ok(S::InProgress)
        );
        assert_eq!(
            act(insurance, S::InProgress, Actor::Candidate, A::Upload),
            Ok(S::InProgress),
            "sent again before the check"
        );
        assert_eq!(
            act(insurance, S::Done, Actor::Candidate, A::Upload),
            Err(ItemRefusal::NotNow),
            "not once checked"
        );
        assert_eq!(
            act(travel, S::Todo, Actor::Candidate, A::Upload),
            Err(ItemRefusal::NotForThisItem)
        );
        // the office checks the document, or sends it back
        assert_eq!(
            act(insurance, S::InProgress, Actor::Office, A::Complete),
            Ok(S::Done)
        );
        assert_eq!(
            act(insurance, S::InProgress, Actor::Office, A::Reopen),
            Ok(S::Todo)
        );
        assert_eq!(
            act(insurance, S::Done, Actor::Candidate, A::Reopen),
            Err(ItemRefusal::OfficeOnly)
        );
        assert_eq!(
            act(clearance, S::Todo, Actor::Candidate, A::Complete),
            Err(ItemRefusal::OfficeOnly)
        );
        // documents are not requested or refused; the office reopens them
        assert_eq!(
            act(insurance, S::Todo, Actor::Office, A::Request),
            Err(ItemRefusal::NotForThisItem)
        );
        assert_eq!(
            act(insurance, S::Done, Actor::Office, A::Refuse),
            Err(ItemRefusal::NotForThisItem)
        );
        assert_eq!(
            act(insurance, S::Done, Actor::Office, A::Reopen),
            Ok(S::Todo)
        );
        for status in ItemStatus::ALL {
            assert_eq!(ItemStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn due_dates_come_before_the_start_and_overdue_means_late_and_open() {
        let list = Checklist::nato_default();
        let start = date(2027, 9, 1);
        let insurance = list.item("insurance").expect("insurance");
        assert_eq!(due_date(insurance, start), date(2027, 8, 2));
        assert!(is_overdue(
            ItemStatus::Todo,
            date(2027, 8, 2),
            date(2027, 8, 3)
        ));
        assert!(!is_overdue(
            ItemStatus::Todo,
            date(2027, 8, 2),
            date(2027, 8, 2)
        ));
        assert!(!is_overdue(
            ItemStatus::Done,
            date(2027, 8, 2),
            date(2027, 9, 3)
        ));
        assert_eq!(
            DueProblem::check(date(2027, 9, 2), start),
            Err(DueProblem {
                due: date(2027, 9, 2),
                start
            })
        );
        assert_eq!(DueProblem::check(start, start), Ok(start));
    }
}
