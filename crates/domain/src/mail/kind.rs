//! Every kind of e-mail the product sends, and the variables each may use.

/// A variable an e-mail may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variable {
    /// Its name in placeholders: `{ $link }`.
    pub name: &'static str,
    /// The e-mail is useless without it (a link to follow), so a template must keep it.
    pub required: bool,
}

const fn var(name: &'static str, required: bool) -> Variable {
    Variable { name, required }
}

const LINK: Variable = var("link", true);
const REASON: Variable = var("reason", false);
const ITEM: Variable = var("item", false);
const DUE: Variable = var("due", false);
const ENDED: &[Variable] = &[var("unit", false), var("end", false), LINK];
const OFFICE_OVERDUE: &[Variable] = &[var("items", true), LINK];
const EVALUATION_OPEN: &[Variable] = &[
    var("evaluation", false),
    var("intern", false),
    var("end", false),
    LINK,
];
const INVITE: &[Variable] = &[var("role", false), LINK];
const OFFER: &[Variable] = &[
    var("placement", false),
    var("unit", false),
    var("deadline", false),
    LINK,
];

/// A kind of e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MailKind {
    /// Confirm the address of a new account.
    Verify,
    /// Someone tried to register an address that has an account.
    Exists,
    /// Choose a new password.
    Reset,
    /// A staff member is invited to the back office.
    Invite,
    /// The office shortlisted an application.
    DecisionShortlisted,
    /// The office did not retain an application.
    DecisionRejected,
    /// The office reopened an application.
    DecisionSubmitted,
    /// An internship is offered.
    Offer,
    /// A checklist item is due soon.
    ReminderDueSoon,
    /// A checklist item is overdue.
    ReminderOverdue,
    /// The internship has ended: the certificate is ready, a testimonial is welcome.
    InternshipEnded,
    /// Items the office owns went past their due date (to coordinators).
    OfficeOverdue,
    /// A mid-term or final evaluation opened (to the supervisor).
    EvaluationOpen,
}

impl MailKind {
    /// Every kind, in the order the office's list shows them.
    pub const ALL: [MailKind; 13] = [
        MailKind::Verify,
        MailKind::Exists,
        MailKind::Reset,
        MailKind::Invite,
        MailKind::DecisionShortlisted,
        MailKind::DecisionRejected,
        MailKind::DecisionSubmitted,
        MailKind::Offer,
        MailKind::ReminderDueSoon,
        MailKind::ReminderOverdue,
        MailKind::InternshipEnded,
        MailKind::OfficeOverdue,
        MailKind::EvaluationOpen,
    ];

    /// The stable name, in URLs and the database: `verify`, `decision-rejected`, …
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Verify => "verify",
            MailKind::Exists => "exists",
            MailKind::Reset => "reset",
            MailKind::Invite => "invite",
            MailKind::DecisionShortlisted => "decision-shortlisted",
            MailKind::DecisionRejected => "decision-rejected",
            MailKind::DecisionSubmitted => "decision-submitted",
            MailKind::Offer => "offer",
            MailKind::ReminderDueSoon => "reminder-due-soon",
            MailKind::ReminderOverdue => "reminder-overdue",
            MailKind::InternshipEnded => "internship-ended",
            MailKind::OfficeOverdue => "office-overdue",
            MailKind::EvaluationOpen => "evaluation-open",
        }
    }

    /// Parses the stable name.
    pub fn parse(text: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Whether this kind's `link` opens an account or leads to opening one (address
    /// confirmation, new password, back-office invitation, and the "you already have an
    /// account" notice pointing to the password reset). Its link must stand alone on a
    /// line of its own, so that no wording can wrap, prefix or embed it in another
    /// address (see `TemplateProblem::LinkNotAlone`).
    pub fn guards_link(self) -> bool {
        matches!(
            self,
            MailKind::Verify | MailKind::Exists | MailKind::Reset | MailKind::Invite
        )
    }

    /// The variables this kind may use.
    pub fn variables(self) -> &'static [Variable] {
        match self {
            MailKind::Verify | MailKind::Exists | MailKind::Reset => &[LINK],
            MailKind::Invite => INVITE,
            MailKind::DecisionShortlisted
            | MailKind::DecisionRejected
            | MailKind::DecisionSubmitted => &[REASON],
            MailKind::Offer => OFFER,
            MailKind::ReminderDueSoon | MailKind::ReminderOverdue => &[ITEM, DUE, LINK],
            MailKind::InternshipEnded => ENDED,
            MailKind::OfficeOverdue => OFFICE_OVERDUE,
            MailKind::EvaluationOpen => EVALUATION_OPEN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MailKind;

    #[test]
    fn names_round_trip_and_are_unique() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.as_str()), Some(kind));
        }
        let mut names: Vec<_> = MailKind::ALL.iter().map(|k| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), MailKind::ALL.len());
        assert_eq!(MailKind::parse("nope"), None);
    }
}
