//! A coordinator may hold an application that failed the session's rules at submission as
//! eligible after all (a diploma recognised by equivalence, a nationality acquired since):
//! an override, which always needs a written justification, the same [`Reason`] a
//! decision needs. It is recorded once and never taken back silently.

use super::ApplicationStatus;

/// Why an eligibility override cannot be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OverrideRefusal {
    /// Drafts are the candidate's own until submitted.
    #[error("the application is not submitted")]
    NotSubmitted,
    /// The candidate took it back: there is nothing left to screen.
    #[error("the application was withdrawn")]
    Withdrawn,
    /// It met the rules, or was already held eligible.
    #[error("the application is already eligible")]
    AlreadyEligible,
}

/// Whether an application with `status`, eligible or not (at submission or by an earlier
/// override), may be held eligible by an override.
///
/// [`Reason`]: super::Reason
pub fn decide_override(status: ApplicationStatus, eligible: bool) -> Result<(), OverrideRefusal> {
    match status {
        ApplicationStatus::Draft => Err(OverrideRefusal::NotSubmitted),
        ApplicationStatus::Withdrawn => Err(OverrideRefusal::Withdrawn),
        _ if eligible => Err(OverrideRefusal::AlreadyEligible),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::{decide_override, OverrideRefusal as R};
    use crate::application::ApplicationStatus as S;

    #[test]
    fn check() {
        let cases = [
            (S::Draft, false, Err(R::NotSubmitted)),
            (S::Withdrawn, false, Err(R::Withdrawn)),
            (S::Submitted, true, Err(R::AlreadyEligible)),
            (S::Shortlisted, true, Err(R::AlreadyEligible)),
            (S::Submitted, false, Ok(())),
            (S::Shortlisted, false, Ok(())),
            (S::Rejected, false, Ok(())),
        ];
        for (status, eligible, expected) in cases {
            assert_eq!(
                decide_override(status, eligible),
                expected,
                "{status:?} {eligible}"
            );
        }
    }
}
