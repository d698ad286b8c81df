//! The demo session a fresh installation shows: open now, for an intake a few months ahead.

use super::{ApplicationWindow, Session, SessionId};
use crate::eligibility::RuleSet;
use crate::lang::Localized;
use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};

/// A session whose window opened a day before `now` and closes 120 days after, for the
/// first 1 March or 1 September at least two months after the deadline, with NATO's rules.
pub fn demo_session(now: Timestamp, time_zone: &str) -> Option<Session> {
    let opens = now.checked_sub(24.hours()).ok()?;
    let closes = now.checked_add((120 * 24).hours()).ok()?;
    let window = ApplicationWindow::from_instants(opens, closes, time_zone).ok()?;
    let earliest = window.closes().date().checked_add(2.months()).ok()?;
    let period_start = next_intake(earliest)?;
    let period_end = period_start
        .checked_add(6.months())
        .ok()?
        .checked_sub(1.day())
        .ok()?;
    let year = period_start.year();
    let (en, fr) = if period_start.month() == 3 {
        (
            format!("Spring {year} intake (demo)"),
            format!("Session de printemps {year} (démo)"),
        )
    } else {
        (
            format!("Autumn {year} intake (demo)"),
            format!("Session d’automne {year} (démo)"),
        )
    };
    Some(Session {
        id: SessionId(0),
        code: format!("demo-{period_start}"),
        name: Localized { en, fr },
        period_start,
        period_end,
        window,
        max_choices: 3,
        rules: RuleSet::nato_default(),
        retention_months: super::DEFAULT_RETENTION_MONTHS,
    })
}

/// The first 1 March or 1 September on or after `day`.
fn next_intake(day: Date) -> Option<Date> {
    let candidates = [
        Date::new(day.year(), 3, 1).ok()?,
        Date::new(day.year(), 9, 1).ok()?,
        Date::new(day.year() + 1, 3, 1).ok()?,
    ];
    candidates.into_iter().find(|d| *d >= day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::WindowState;

    #[test]
    fn the_demo_is_open_now_for_a_later_intake() {
        let now: Timestamp = "2026-11-27T10:00:00Z".parse().expect("ts");
        let session = demo_session(now, "Europe/Brussels").expect("demo");
        assert_eq!(session.window.state(now), WindowState::Open);
        assert_eq!(session.period_start.to_string(), "2027-09-01");
        assert_eq!(session.period_end.to_string(), "2028-02-29");
        assert_eq!(session.max_choices, 3);
        assert_eq!(
            next_intake("2027-03-02".parse().expect("date")).map(|d| d.to_string()),
            Some("2027-09-01".into())
        );
        assert_eq!(
            next_intake("2027-09-02".parse().expect("date")).map(|d| d.to_string()),
            Some("2028-03-01".into())
        );
    }
}
