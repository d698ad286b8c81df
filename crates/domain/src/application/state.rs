//! The application state machine: which action is allowed in which state, and why not.

use crate::session::WindowState;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationStatus {
    /// Being written; saved at every step.
    Draft,
    /// Sent before the deadline; read-only.
    Submitted,
    /// Taken back by the candidate.
    Withdrawn,
    /// Kept by the internship office for review and ranking.
    Shortlisted,
    /// Not kept by the internship office (the reason is recorded).
    Rejected,
    /// The allocation gave the candidate a placement; the offer awaits an answer.
    Offered,
    /// The candidate accepted the offer.
    Accepted,
    /// The candidate declined the offer.
    Declined,
    /// The offer's reply deadline passed without an answer.
    Expired,
    /// The accepted offer ended before the internship: the security clearance was refused.
    Ended,
}

impl ApplicationStatus {
    /// Every status, in the order of the funnel.
    pub const ALL: [ApplicationStatus; 10] = [
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::Shortlisted,
        ApplicationStatus::Rejected,
        ApplicationStatus::Offered,
        ApplicationStatus::Accepted,
        ApplicationStatus::Declined,
        ApplicationStatus::Expired,
        ApplicationStatus::Ended,
        ApplicationStatus::Withdrawn,
    ];

    /// The stored and API name: `draft`, `submitted`, `withdrawn`, `shortlisted`,
    /// `rejected`, `offered`, `accepted`, `declined`, `expired`, `ended`.
    pub fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::Withdrawn => "withdrawn",
            ApplicationStatus::Shortlisted => "shortlisted",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Offered => "offered",
            ApplicationStatus::Accepted => "accepted",
            ApplicationStatus::Declined => "declined",
            ApplicationStatus::Expired => "expired",
            ApplicationStatus::Ended => "ended",
        }
    }

    /// Parses the stored name.
    pub fn parse(text: &str) -> Option<ApplicationStatus> {
        ApplicationStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    /// Sent and not taken back: the office works on it.
    pub fn is_submitted(self) -> bool {
        !matches!(
            self,
            ApplicationStatus::Draft | ApplicationStatus::Withdrawn
        )
    }

    /// The allocation has reached it: an offer was made (whatever became of it).
    pub fn has_offer(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Offered
                | ApplicationStatus::Accepted
                | ApplicationStatus::Declined
                | ApplicationStatus::Expired
                | ApplicationStatus::Ended
        )
    }
}

/// What the candidate asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Save choices and motivation.
    SaveDraft,
    /// Send the application.
    Submit,
    /// Take it back.
    Withdraw,
}

/// What a submission depends on, gathered by the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmitContext {
    /// The session's window now.
    pub window: WindowState,
    /// Every eligibility rule passes.
    pub eligible: bool,
    /// At least one placement chosen.
    pub has_choices: bool,
    /// CV and motivation letter uploaded.
    pub has_documents: bool,
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// A submitted application is read-only.
    #[error("the application is already submitted")]
    AlreadySubmitted,
    /// A withdrawn application is closed.
    #[error("the application was withdrawn")]
    Withdrawn,
    /// The office decided not to keep it; there is nothing left to withdraw.
    #[error("the application was not retained")]
    Rejected,
    /// An offer was made: the candidate answers it (declines) rather than withdraws.
    #[error("an offer was made; answer it instead")]
    OfferMade,
    /// Outside the application window.
    #[error("the application window is not open")]
    WindowNotOpen(WindowState),
    /// Some eligibility rule fails.
    #[error("the candidate is not eligible")]
    Ineligible,
    /// No placement chosen.
    #[error("no placement chosen")]
    NoChoices,
    /// CV or letter missing.
    #[error("a document is missing")]
    MissingDocuments,
}

/// The new status after `action`, or why it is refused. `submit` is only consulted for
/// [`Action::Submit`].
pub fn decide(
    status: ApplicationStatus,
    action: Action,
    submit: SubmitContext,
) -> Result<ApplicationStatus, Refusal> {
    use ApplicationStatus as S;
    match (status, action) {
        (S::Withdrawn, _) => Err(Refusal::Withdrawn),
        (S::Rejected, Action::Withdraw) => Err(Refusal::Rejected),
        (S::Offered | S::Accepted | S::Declined | S::Expired | S::Ended, Action::Withdraw) => {
            Err(Refusal::OfferMade)
        }
        (
            S::Submitted
            | S::Shortlisted
            | S::Rejected
            | S::Offered
            | S::Accepted
            | S::Declined
            | S::Expired
            | S::Ended,
            Action::SaveDraft | Action::Submit,
        ) => Err(Refusal::AlreadySubmitted),
        (S::Draft | S::Submitted | S::Shortlisted, Action::Withdraw) => Ok(S::Withdrawn),
        (S::Draft, Action::SaveDraft) => match submit.window {
            WindowState::Closed => Err(Refusal::WindowNotOpen(WindowState::Closed)),
            _ => Ok(S::Draft),
        },
        (S::Draft, Action::Submit) => {
            if submit.window != WindowState::Open {
                Err(Refusal::WindowNotOpen(submit.window))
            } else if !submit.has_choices {
                Err(Refusal::NoChoices)
            } else if !submit.eligible {
                Err(Refusal::Ineligible)
            } else if !submit.has_documents {
                Err(Refusal::MissingDocuments)
            } else {
                Ok(S::Submitted)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus as S;

    const READY: SubmitContext = SubmitContext {
        window: WindowState::Open,
        eligible: true,
        has_choices: true,
        has_documents: true,
    };

    #[test]
    fn every_state_and_action() {
        let cases = [
            (S::Draft, Action::SaveDraft, READY, Ok(S::Draft)),
            (S::Draft, Action::Submit, READY, Ok(S::Submitted)),
            (S::Draft, Action::Withdraw, READY, Ok(S::Withdrawn)),
            (
                S::Submitted,
                Action::SaveDraft,
                READY,
                Err(Refusal::AlreadySubmitted),
            ),
            (
                S::Submitted,
                Action::Submit,
                READY,
                Err(Refusal::AlreadySubmitted),
            ),
            (S::Submitted, Action::Withdraw, READY, Ok(S::Withdrawn)),
            (
                S::Withdrawn,
                Action::SaveDraft,
                READY,
                Err(Refusal::Withdrawn),
            ),
            (S::Withdrawn, Action::Submit, READY, Err(Refusal::Withdrawn)),
            (
                S::Withdrawn,
                Action::Withdraw,
                READY,
                Err(Refusal::Withdrawn),
            ),
            (S::Shortlisted, Action::Withdraw, READY, Ok(S::Withdrawn)),
            (
                S::Shortlisted,
                Action::SaveDraft,
                READY,
                Err(Refusal::AlreadySubmitted),
            ),
            (
                S::Rejected,
                Action::Submit,
                READY,
                Err(Refusal::AlreadySubmitted),
            ),
            (S::Rejected, Action::Withdraw, READY, Err(Refusal::Rejected)),
            (S::Offered, Action::Withdraw, READY, Err(Refusal::OfferMade)),
            (
                S::Accepted,
                Action::Withdraw,
                READY,
                Err(Refusal::OfferMade),
            ),
            (
                S::Expired,
                Action::Submit,
                READY,
                Err(Refusal::AlreadySubmitted),
            ),
        ];
        for (status, action, context, expect) in cases {
            assert_eq!(
                decide(status, action, context),
                expect,
                "{status:?} {action:?}"
            );
        }
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for status in ApplicationStatus::ALL {
            assert_eq!(ApplicationStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ApplicationStatus::parse("Submitted"), None);
    }

    #[test]
    fn submission_needs_window_choices_eligibility_and_documents() {
        let with = |f: fn(&mut SubmitContext)| {
            let mut c = READY;
            f(&mut c);
            decide(S::Draft, Action::Submit, c)
        };
        assert_eq!(
            with(|c| c.window = WindowState::Closed),
            Err(Refusal::WindowNotOpen(WindowState::Closed))
        );
        assert_eq!(
            with(|c| c.window = WindowState::NotYetOpen),
            Err(Refusal::WindowNotOpen(WindowState::NotYetOpen))
        );
        assert_eq!(with(|c| c.has_choices = false), Err(Refusal::NoChoices));
        assert_eq!(with(|c| c.eligible = false), Err(Refusal::Ineligible));
        assert_eq!(
            with(|c| c.has_documents = false),
            Err(Refusal::MissingDocuments)
        );
        let mut closed = READY;
        closed.window = WindowState::Closed;
        assert_eq!(
            decide(S::Draft, Action::SaveDraft, closed),
            Err(Refusal::WindowNotOpen(WindowState::Closed))
        );
        assert_eq!(
            decide(S::Submitted, Action::Withdraw, closed),
            Ok(S::Withdrawn),
            "withdrawing works after the deadline"
        );
    }
}
