//! How long a session's unsuccessful applications are kept: a number of months after the
//! internships end (a session setting, 12 by default). Once that has passed, applications
//! that came to nothing — rejected, withdrawn, or drafts never sent — are purged with their
//! files. Anything that was ever shortlisted is kept: it took part in review and ranking,
//! and may have led to an offer.
//!
//! Alumni — applications that led to an accepted offer, whether the internship was
//! completed or the offer ended before it began — are kept longer, so that former interns
//! keep their certificate and evaluations: [`ALUMNI_RETENTION_MONTHS`] after the
//! internship's last day, then purged with their internship record and evaluations.
//! Declined and lapsed offers stay as before (kept: they took part in ranking).

use super::Session;
use crate::application::ApplicationStatus;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// Months an alumnus's application, internship record and evaluations are kept after the
/// internship's last day: five years, long enough to ask for a certificate for a job
/// application, short enough not to keep a person's file for life.
pub const ALUMNI_RETENTION_MONTHS: u16 = 60;

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

/// When an alumnus's data falls due for purge: the start of the day after the
/// internship's last day plus [`ALUMNI_RETENTION_MONTHS`], in the programme's time zone.
pub fn alumni_purge_due(last_day: Date, time_zone: &str) -> Option<Timestamp> {
    let tz = TimeZone::get(time_zone).unwrap_or(TimeZone::UTC);
    let last_kept = last_day
        .checked_add(i64::from(ALUMNI_RETENTION_MONTHS).months())
        .ok()?;
    let day = last_kept.tomorrow().ok()?;
    day.to_zoned(tz).ok().map(|z| z.timestamp())
}

/// The last day an alumnus's data is kept (the day before [`alumni_purge_due`]).
pub fn alumni_kept_until(last_day: Date) -> Option<Date> {
    last_day
        .checked_add(i64::from(ALUMNI_RETENTION_MONTHS).months())
        .ok()
}

/// Whether an application is an alumnus's, purged on the alumni schedule: it led to an
/// accepted offer (completed, or ended before the start).
pub fn alumni_purgeable(status: ApplicationStatus) -> bool {
    matches!(
        status,
        ApplicationStatus::Accepted | ApplicationStatus::Ended
    )
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
    fn alumni_are_kept_five_years_after_their_last_day() {
        use ApplicationStatus as S;
        let last: Date = "2027-08-31".parse().expect("date");
        assert_eq!(
            alumni_kept_until(last),
            Some("2032-08-31".parse().expect("date"))
        );
        assert_eq!(
            alumni_purge_due(last, "Europe/Brussels"),
            Some("2032-08-31T22:00:00Z".parse().expect("instant"))
        );
        assert!(alumni_purgeable(S::Accepted) && alumni_purgeable(S::Ended));
        for status in [S::Declined, S::Expired, S::Shortlisted, S::Rejected] {
            assert!(!alumni_purgeable(status), "{status:?}");
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
