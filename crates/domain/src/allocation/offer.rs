//! The offer a candidate answers, and when a round may run.

use crate::application::ApplicationStatus;
use crate::session::WindowState;

/// The candidate's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAnswer {
    /// Takes the placement.
    Accept,
    /// Gives the seat back.
    Decline,
}

impl OfferAnswer {
    /// `accept` or `decline`.
    pub fn parse(text: &str) -> Option<OfferAnswer> {
        match text {
            "accept" => Some(OfferAnswer::Accept),
            "decline" => Some(OfferAnswer::Decline),
            _ => None,
        }
    }
}

/// Why an answer is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OfferRefusal {
    /// There is no offer to answer.
    #[error("there is no offer to answer")]
    NoOffer,
    /// The reply deadline has passed.
    #[error("the reply deadline has passed")]
    Expired,
    /// Already answered (or lapsed); the status says how.
    #[error("the offer was already answered")]
    Answered(ApplicationStatus),
}

/// The status after the candidate's answer at `now`, or why not. The deadline is
/// inclusive: an answer at `reply_by` itself still counts.
pub fn answer_offer(
    status: ApplicationStatus,
    reply_by: i64,
    now: i64,
    answer: OfferAnswer,
) -> Result<ApplicationStatus, OfferRefusal> {
    use ApplicationStatus as S;
    match status {
        S::Offered if now > reply_by => Err(OfferRefusal::Expired),
        S::Offered => Ok(match answer {
            OfferAnswer::Accept => S::Accepted,
            OfferAnswer::Decline => S::Declined,
        }),
        S::Accepted | S::Declined | S::Expired | S::Ended => Err(OfferRefusal::Answered(status)),
        _ => Err(OfferRefusal::NoOffer),
    }
}

/// Days a candidate has to answer, when the coordinator does not say.
pub const DEFAULT_REPLY_DAYS: u32 = 14;
/// The longest reply period.
pub const MAX_REPLY_DAYS: u32 = 90;

/// A reply period in days, 1 to [`MAX_REPLY_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReplyDays(u32);

impl ReplyDays {
    /// Checks the period.
    pub fn new(days: i64) -> Option<ReplyDays> {
        u32::try_from(days)
            .ok()
            .filter(|d| (1..=MAX_REPLY_DAYS).contains(d))
            .map(ReplyDays)
    }

    /// The deadline for an offer made at `now` (unix milliseconds).
    pub fn deadline(self, now: i64) -> i64 {
        now + i64::from(self.0) * 24 * 3600 * 1000
    }
}

impl Default for ReplyDays {
    fn default() -> Self {
        ReplyDays(DEFAULT_REPLY_DAYS)
    }
}

/// Why a round cannot run or be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RoundRefusal {
    /// Candidates may still apply.
    #[error("the application window is not closed yet")]
    WindowOpen,
    /// Units may still reorder their rankings.
    #[error("ranking is not closed yet")]
    RankingOpen,
    /// This run's round was already published (by this run or another).
    #[error("this round was already published")]
    AlreadyPublished,
    /// A later run exists: only the newest preview of a round can be published.
    #[error("a newer run replaces this one")]
    Superseded,
}

/// Whether a round may run now: after the window has closed and ranking is frozen.
pub fn may_run_round(window: WindowState, ranking_closed: bool) -> Result<(), RoundRefusal> {
    if window != WindowState::Closed {
        Err(RoundRefusal::WindowOpen)
    } else if !ranking_closed {
        Err(RoundRefusal::RankingOpen)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus as S;

    #[test]
    fn an_offer_is_answered_once_before_its_deadline() {
        let at = 1_000;
        assert_eq!(
            answer_offer(S::Offered, at, at, OfferAnswer::Accept),
            Ok(S::Accepted)
        );
        assert_eq!(
            answer_offer(S::Offered, at, at - 1, OfferAnswer::Decline),
            Ok(S::Declined)
        );
        assert_eq!(
            answer_offer(S::Offered, at, at + 1, OfferAnswer::Accept),
            Err(OfferRefusal::Expired)
        );
        for done in [S::Accepted, S::Declined, S::Expired] {
            assert_eq!(
                answer_offer(done, at, at, OfferAnswer::Accept),
                Err(OfferRefusal::Answered(done))
            );
        }
        for none in [
            S::Draft,
            S::Submitted,
            S::Shortlisted,
            S::Rejected,
            S::Withdrawn,
        ] {
            assert_eq!(
                answer_offer(none, at, at, OfferAnswer::Accept),
                Err(OfferRefusal::NoOffer)
            );
        }
    }

    #[test]
    fn a_round_needs_a_closed_window_and_frozen_rankings() {
        assert_eq!(
            may_run_round(WindowState::Open, true),
            Err(RoundRefusal::WindowOpen)
        );
        assert_eq!(
            may_run_round(WindowState::NotYetOpen, true),
            Err(RoundRefusal::WindowOpen)
        );
        assert_eq!(
            may_run_round(WindowState::Closed, false),
            Err(RoundRefusal::RankingOpen)
        );
        assert_eq!(may_run_round(WindowState::Closed, true), Ok(()));
    }

    #[test]
    fn reply_periods_are_bounded() {
        assert_eq!(ReplyDays::new(0), None);
        assert_eq!(ReplyDays::new(91), None);
        assert_eq!(ReplyDays::new(1).expect("valid").deadline(0), 86_400_000);
        assert_eq!(ReplyDays::default(), ReplyDays::new(14).expect("valid"));
    }
}
