//! The application window: opening and closing instants defined in the programme's time
//! zone, compared with the server's clock in UTC.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// When applications are accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct ApplicationWindow {
    opens: Zoned,
    closes: Zoned,
}

/// Where now is relative to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    /// Before the opening instant.
    NotYetOpen,
    /// Applications are accepted.
    Open,
    /// After the closing instant.
    Closed,
}

impl WindowState {
    /// `not_yet_open`, `open` or `closed`.
    pub fn as_str(self) -> &'static str {
        match self {
            WindowState::NotYetOpen => "not_yet_open",
            WindowState::Open => "open",
            WindowState::Closed => "closed",
        }
    }
}

/// Why a window cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    /// Not an IANA time zone name.
    #[error("unknown time zone {0:?}")]
    UnknownTimeZone(String),
    /// Not a local date-time (`YYYY-MM-DDTHH:MM`).
    #[error("{0:?} is not a date and time (YYYY-MM-DDTHH:MM)")]
    BadDateTime(String),
    /// Closing is not after opening.
    #[error("the window closes ({closes}) before it opens ({opens})")]
    ClosesBeforeOpening {
        /// Opening, local time.
        opens: String,
        /// Closing, local time.
        closes: String,
    },
}

impl ApplicationWindow {
    /// A window from local date-times in `time_zone` (e.g. `Europe/Brussels`).
    pub fn parse(
        opens: &str,
        closes: &str,
        time_zone: &str,
    ) -> Result<ApplicationWindow, WindowError> {
        let tz = TimeZone::get(time_zone)
            .map_err(|_| WindowError::UnknownTimeZone(time_zone.to_owned()))?;
        let local = |text: &str| -> Result<Zoned, WindowError> {
            let civil: DateTime = text
                .trim()
                .parse()
                .map_err(|_| WindowError::BadDateTime(text.to_owned()))?;
            civil
                .to_zoned(tz.clone())
                .map_err(|_| WindowError::BadDateTime(text.to_owned()))
        };
        ApplicationWindow::new(local(opens)?, local(closes)?)
    }

    /// A window from instants; they are shown in `opens`' time zone.
    pub fn from_instants(
        opens: Timestamp,
        closes: Timestamp,
        time_zone: &str,
    ) -> Result<ApplicationWindow, WindowError> {
        let tz = TimeZone::get(time_zone)
            .map_err(|_| WindowError::UnknownTimeZone(time_zone.to_owned()))?;
        ApplicationWindow::new(opens.to_zoned(tz.clone()), closes.to_zoned(tz))
    }

    fn new(opens: Zoned, closes: Zoned) -> Result<ApplicationWindow, WindowError> {
        if closes.timestamp() <= opens.timestamp() {
            return Err(WindowError::ClosesBeforeOpening {
                opens: opens.datetime().to_string(),
                closes: closes.datetime().to_string(),
            });
        }
        Ok(ApplicationWindow { opens, closes })
    }

    /// The state at `now`. The closing instant itself is already closed.
    pub fn state(&self, now: Timestamp) -> WindowState {
        if now < self.opens.timestamp() {
            WindowState::NotYetOpen
        } else if now < self.closes.timestamp() {
            WindowState::Open
        } else {
            WindowState::Closed
        }
    }

    /// Opening, in the programme's time zone.
    pub fn opens(&self) -> &Zoned {
        &self.opens
    }

    /// Closing (the deadline), in the programme's time zone.
    pub fn closes(&self) -> &Zoned {
        &self.closes
    }

    /// The IANA name of the programme's time zone.
    pub fn time_zone(&self) -> &str {
        self.opens.time_zone().iana_name().unwrap_or("UTC")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        text.parse().expect("timestamp")
    }

    #[test]
    fn brussels_deadline_in_summer_time_is_two_hours_ahead_of_utc() {
        let w = ApplicationWindow::parse("2027-04-01T09:00", "2027-05-15T23:59", "Europe/Brussels")
            .expect("window");
        assert_eq!(w.closes().timestamp(), ts("2027-05-15T21:59:00Z"));
        assert_eq!(w.state(ts("2027-04-01T06:59:59Z")), WindowState::NotYetOpen);
        assert_eq!(w.state(ts("2027-04-01T07:00:00Z")), WindowState::Open);
        assert_eq!(w.state(ts("2027-05-15T21:58:59Z")), WindowState::Open);
        assert_eq!(w.state(ts("2027-05-15T21:59:00Z")), WindowState::Closed);
        assert_eq!(w.time_zone(), "Europe/Brussels");
    }

    #[test]
    fn winter_time_is_one_hour_ahead() {
        let w = ApplicationWindow::parse("2026-11-01T00:00", "2027-01-15T12:00", "Europe/Brussels")
            .expect("window");
        assert_eq!(w.closes().timestamp(), ts("2027-01-15T11:00:00Z"));
    }

    #[test]
    fn bad_windows_are_refused() {
        assert_eq!(
            ApplicationWindow::parse("2027-04-01T09:00", "2027-05-15T23:59", "Europe/Nowhere"),
            Err(WindowError::UnknownTimeZone("Europe/Nowhere".into()))
        );
        assert_eq!(
            ApplicationWindow::parse("1 April", "2027-05-15T23:59", "UTC"),
            Err(WindowError::BadDateTime("1 April".into()))
        );
        assert!(matches!(
            ApplicationWindow::parse("2027-05-15T23:59", "2027-04-01T09:00", "UTC"),
            Err(WindowError::ClosesBeforeOpening { .. })
        ));
    }
}
