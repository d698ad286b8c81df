//! Between the accepted offer and the first day: the pre-arrival checklist, defined as
//! data (security clearance, health insurance, the signed agreement, travel details, a
//! badge photo…), each item with an owner, a due date before the start and a status that
//! changes only as [`act`] allows. A refused clearance ends the offer.

mod checklist;
mod item;
mod reminder;

pub use checklist::{Checklist, ChecklistError, ChecklistItem, ItemKind, Owner};
pub use item::{act, due_date, is_overdue, Actor, DueProblem, ItemAction, ItemRefusal, ItemStatus};
pub use reminder::{reminder, Reminder, DUE_SOON_DAYS};
