//! What the internship office may do to a submitted application while screening: keep it
//! for review (shortlist), not keep it (reject), or take back either decision (reopen).
//! Every change needs a written reason, which is recorded and may be told to the candidate.

use super::ApplicationStatus;

/// A staff decision on an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Keep for review and ranking.
    Shortlist,
    /// Do not keep.
    Reject,
    /// Back to `submitted`: the previous decision is taken back.
    Reopen,
}

impl Decision {
    /// Every decision.
    pub const ALL: [Decision; 3] = [Decision::Shortlist, Decision::Reject, Decision::Reopen];

    /// `shortlist`, `reject`, `reopen` (API and forms).
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Shortlist => "shortlist",
            Decision::Reject => "reject",
            Decision::Reopen => "reopen",
        }
    }

    /// Parses the API name.
    pub fn parse(text: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// Why a decision cannot be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecisionRefusal {
    /// Drafts are the candidate's own until submitted.
    #[error("the application is not submitted")]
    NotSubmitted,
    /// The candidate took it back.
    #[error("the application was withdrawn")]
    Withdrawn,
    /// It already is where the decision would put it.
    #[error("the application already has this status")]
    Unchanged,
    /// An offer was made: the allocation, not screening, decides from here.
    #[error("an offer was made for this application")]
    OfferMade,
}

/// The longest reason kept, in characters.
pub const MAX_REASON_CHARS: usize = 2000;

/// A decision's written reason: not blank, at most [`MAX_REASON_CHARS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason(String);

/// Why a reason is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReasonProblem {
    /// Blank.
    #[error("a reason is required")]
    Missing,
    /// Longer than [`MAX_REASON_CHARS`].
    #[error("the reason is too long")]
    TooLong,
}

impl Reason {
    /// Trims and checks the text.
    pub fn parse(text: &str) -> Result<Reason, ReasonProblem> {
        let text = text.trim();
        if text.is_empty() {
            Err(ReasonProblem::Missing)
        } else if text.chars().count() > MAX_REASON_CHARS {
            Err(ReasonProblem::TooLong)
        } else {
            Ok(Reason(text.to_owned()))
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The status after `decision`, or why not.
pub fn decide_screening(
    status: ApplicationStatus,
    decision: Decision,
) -> Result<ApplicationStatus, DecisionRefusal> {
    use ApplicationStatus as S;
    let target = match decision {
        Decision::Shortlist => S::Shortlisted,
        Decision::Reject => S::Rejected,
        Decision::Reopen => S::Submitted,
    };
    match status {
        S::Draft => Err(DecisionRefusal::NotSubmitted),
        S::Withdrawn => Err(DecisionRefusal::Withdrawn),
        current if current.has_offer() => Err(DecisionRefusal::OfferMade),
        current if current == target => Err(DecisionRefusal::Unchanged),
        _ => Ok(target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus as S;

    #[test]
    fn every_status_and_decision() {
        use Decision::*;
        use DecisionRefusal::*;
        let cases = [
            (S::Draft, Shortlist, Err(NotSubmitted)),
            (S::Draft, Reject, Err(NotSubmitted)),
            (S::Draft, Reopen, Err(NotSubmitted)),
            (S::Submitted, Shortlist, Ok(S::Shortlisted)),
            (S::Submitted, Reject, Ok(S::Rejected)),
            (S::Submitted, Reopen, Err(Unchanged)),
            (S::Shortlisted, Shortlist, Err(Unchanged)),
            (S::Shortlisted, Reject, Ok(S::Rejected)),
            (S::Shortlisted, Reopen, Ok(S::Submitted)),
            (S::Rejected, Shortlist, Ok(S::Shortlisted)),
            (S::Rejected, Reject, Err(Unchanged)),
            (S::Rejected, Reopen, Ok(S::Submitted)),
            (S::Offered, Reject, Err(OfferMade)),
            (S::Accepted, Reopen, Err(OfferMade)),
            (S::Withdrawn, Shortlist, Err(Withdrawn)),
            (S::Withdrawn, Reject, Err(Withdrawn)),
            (S::Withdrawn, Reopen, Err(Withdrawn)),
        ];
        for (status, decision, expected) in cases {
            assert_eq!(
                decide_screening(status, decision),
                expected,
                "{status:?} {decision:?}"
            );
        }
    }

    #[test]
    fn a_reason_is_required_and_bounded() {
        assert_eq!(Reason::parse("  \n "), Err(ReasonProblem::Missing));
        assert_eq!(
            Reason::parse(" Profil très adapté ").map(|r| r.as_str().to_owned()),
            Ok("Profil très adapté".to_owned())
        );
        let longest = "é".repeat(MAX_REASON_CHARS);
        assert!(Reason::parse(&longest).is_ok(), "counted in characters");
        assert_eq!(
            Reason::parse(&format!("{longest}x")),
            Err(ReasonProblem::TooLong)
        );
        for decision in Decision::ALL {
            assert_eq!(Decision::parse(decision.as_str()), Some(decision));
        }
    }
}
