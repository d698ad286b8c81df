//! Offer rounds: what the allocation engine is given for a round of a session, what the
//! coordinator previews before publishing, and the offer a candidate answers.
//!
//! A round's instance is built from the frozen rankings, the choices of the candidates
//! still waiting, the seats not yet held by an offer and the nationality caps less what
//! accepted and pending offers already use; the engine (`cohort-matching`) solves it.

mod caps;
mod offer;
mod outcome;
mod preview;
mod round;

pub use caps::{CapLimit, CapsError, CapsProblem, NationalityCap, NationalityCaps};
pub use offer::{
    answer_offer, may_run_round, OfferAnswer, OfferRefusal, ReplyDays, RoundRefusal,
    DEFAULT_REPLY_DAYS, MAX_REPLY_DAYS,
};
pub use outcome::{RoundOutcome, Why, WhyReason};
pub use preview::{preview, NationalityRow, Preview, UnitFill};
pub use round::{
    application_of, candidate_key, placement_key, placement_of, Round, RoundCandidate,
    RoundPlacement,
};
