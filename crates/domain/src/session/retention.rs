//! How long a session's unsuccessful applications are kept: a number of months after the
//! internships end (a session setting, 12 by default). Once that has passed, applications
//! that came to nothing — rejected, withdrawn, or drafts never sent — are purged with their
//! files. Anything that was ever shortlisted is kept: it took part in review and ranking,
//! and may have led to an offer.

use super::Session;
use crate::application::ApplicationStatus;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// Months kept after the session ends, unless the session says otherwise.
pub const DEFAULT_RETENTION_MONTHS: u16 = 12;

/// The longest retention a session may set: ten years.
pub const MAX_RETENTION_MONTHS: u16 = 120;

impl Session {
    /// When its unsuccessful applications fall due for purge: the start of the day after
    /// the last day of the internships plus the retention, in the programme's time zone.
    pub fn purge_due(&self) -> Option<Timestamp> {
        let tz = TimeZone::get(self.window.time_zone()).unwrap_or(TimeZone::UTC);
        let last_kept = self
            .period_end
            .checked_add(i64::from(self.retention_months).months())
            .ok()?;
        let day = last_kept.tomorrow().ok()?;
        day.to_zoned(tz).ok().map(|z| z.timestamp())
    }
}

/// Whether an application of a session whose retention has run out is purged: rejected,
/// withdrawn and never-sent applications are, unless they were ever shortlisted.
pub fn purgeable(status: ApplicationStatus, ever_shortlisted: bool) -> bool {
    use ApplicationStatus as S;
    !ever_shortlisted && matches!(status, S::Draft | S::Rejected | S::Withdrawn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::demo_session;

    #[test]
    fn what_is_purged() {
        use ApplicationStatus as S;
        let cases = [
            (S::Draft, false, true),
            (S::Rejected, false, true),
            (S::Withdrawn, false, true),
            (S::Submitted, false, false),
            (S::Shortlisted, false, false),
            (S::Rejected, true, false),
            (S::Withdrawn, true, false),
        ];
        for (status, shortlisted, expected) in cases {
            assert_eq!(
                purgeable(status, shortlisted),
                expected,
                "{status:?} {shortlisted}"
            );
        }
    }

    #[test]
    fn due_the_day_after_the_period_end_plus_the_months_in_the_programme_zone() {
        let now: Timestamp = "2026-01-10T12:00:00Z".parse().expect("instant");
        let mut session = demo_session(now, "Europe/Brussels").expect("demo");
        session.period_end = "2026-08-31".parse().expect("date");
        session.retention_months = 12;
        let due = session.purge_due().expect("due");
        assert_eq!(
            due,
            "2027-08-31T22:00:00Z"
                .parse::<Timestamp>()
                .expect("instant")
        );
        session.retention_months = 6;
        // 31 August + 6 months is 28 February; purged from 1 March, midnight in Brussels
        let due = session.purge_due().expect("due");
        assert_eq!(
            due,
            "2027-02-28T23:00:00Z"
                .parse::<Timestamp>()
                .expect("instant")
        );
    }
}
