//! Which reminder an open item calls for on a given day: one "due soon" in the week
//! before its due date, one "overdue" after it. Each is sent once per item (the store
//! remembers), so running the check often never repeats a message.

use super::item::{is_overdue, ItemStatus};
use jiff::civil::Date;

/// How many days before the due date the "due soon" reminder goes.
pub const DUE_SOON_DAYS: i64 = 7;

/// A reminder about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reminder {
    /// Due within [`DUE_SOON_DAYS`].
    DueSoon,
    /// Past its due date and still open.
    Overdue,
}

impl Reminder {
    /// The stored name: `due_soon`, `overdue`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reminder::DueSoon => "due_soon",
            Reminder::Overdue => "overdue",
        }
    }
}

/// The reminder an item with `status`, due on `due`, calls for `today`, if any. Only open
/// items are reminded of; a document already sent waits for the office, not the intern.
pub fn reminder(status: ItemStatus, due: Date, today: Date) -> Option<Reminder> {
    if status != ItemStatus::Todo {
        return None;
    }
    if is_overdue(status, due, today) {
        return Some(Reminder::Overdue);
    }
    let soon = due
        .checked_sub(jiff::Span::new().days(DUE_SOON_DAYS))
        .unwrap_or(due);
    (today >= soon).then_some(Reminder::DueSoon)
}

#[cfg(test)]
mod tests {
    use super::{reminder, Reminder};
    use crate::onboarding::ItemStatus;
    use jiff::civil::date;

    #[test]
    fn a_week_before_then_after_the_due_date_and_only_while_to_do() {
        let due = date(2027, 8, 2);
        let open = ItemStatus::Todo;
        assert_eq!(reminder(open, due, date(2027, 7, 25)), None);
        assert_eq!(
            reminder(open, due, date(2027, 7, 26)),
            Some(Reminder::DueSoon)
        );
        assert_eq!(reminder(open, due, due), Some(Reminder::DueSoon));
        assert_eq!(
            reminder(open, due, date(2027, 8, 3)),
            Some(Reminder::Overdue)
        );
        for closed in [
            ItemStatus::Done,
            ItemStatus::Refused,
            ItemStatus::InProgress,
            ItemStatus::Requested,
        ] {
            assert_eq!(reminder(closed, due, date(2027, 8, 3)), None);
        }
    }
}
