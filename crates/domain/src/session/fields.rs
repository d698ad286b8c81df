//! A session's fields as typed — in the office's form, the API's JSON or a session file —
//! checked all together: every problem names its field, so a form shows each one next to
//! its input.

use super::{ApplicationWindow, Session, SessionId, WindowError};
use crate::eligibility::RuleSet;
use crate::lang::Localized;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The fields of a session, as text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFields {
    /// Stable code, e.g. `2027-09`.
    pub code: String,
    /// Name in English.
    pub name_en: String,
    /// Name in French.
    pub name_fr: String,
    /// First day of the internships, `YYYY-MM-DD`.
    pub period_start: String,
    /// Last day, `YYYY-MM-DD`.
    pub period_end: String,
    /// Applications open, local time `YYYY-MM-DDTHH:MM` in `time_zone`.
    pub opens: String,
    /// Applications close, same form.
    pub closes: String,
    /// IANA time zone, e.g. `Europe/Brussels`.
    pub time_zone: String,
    /// How many placements a candidate may rank, 1 to 10.
    pub max_choices: i64,
    /// Months unsuccessful applications are kept after the internships end.
    #[serde(default = "default_retention")]
    pub retention_months: i64,
}

fn default_retention() -> i64 {
    i64::from(super::DEFAULT_RETENTION_MONTHS)
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionProblem {
    /// Empty, too long, or with spaces.
    #[error("a code of 1 to 64 characters without spaces, e.g. 2027-09")]
    Code,
    /// Blank.
    #[error("a name is required")]
    Name,
    /// Not `YYYY-MM-DD`.
    #[error("{0:?} is not a date (YYYY-MM-DD)")]
    Date(String),
    /// The internship ends before it starts.
    #[error("the internship ends ({end}) before it starts ({start})")]
    EndsBeforeStart {
        /// First day.
        start: String,
        /// Last day.
        end: String,
    },
    /// The window cannot be built.
    #[error(transparent)]
    Window(WindowError),
    /// Applications would still be open when the internship starts.
    #[error("applications close ({closes}) after the internship starts ({start})")]
    ClosesAfterStart {
        /// Closing day.
        closes: String,
        /// First day of the internship.
        start: String,
    },
    /// Not 1 to 10.
    #[error("a number from 1 to 10")]
    MaxChoices,
    /// Not 1 to [`super::MAX_RETENTION_MONTHS`].
    #[error("a number of months from 1 to {}", super::MAX_RETENTION_MONTHS)]
    RetentionMonths,
}

/// A problem and its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {problem}")]
pub struct SessionFieldError {
    /// The field, as named in [`SessionFields`].
    pub field: &'static str,
    /// What is wrong.
    pub problem: SessionProblem,
}

impl SessionFields {
    /// The fields of a stored session, for editing.
    pub fn of(session: &Session) -> SessionFields {
        let local = |z: &jiff::Zoned| z.strftime("%Y-%m-%dT%H:%M").to_string();
        SessionFields {
            code: session.code.clone(),
            name_en: session.name.en.clone(),
            name_fr: session.name.fr.clone(),
            period_start: session.period_start.to_string(),
            period_end: session.period_end.to_string(),
            opens: local(session.window.opens()),
            closes: local(session.window.closes()),
            time_zone: session.window.time_zone().to_owned(),
            max_choices: i64::from(session.max_choices),
            retention_months: i64::from(session.retention_months),
        }
    }

    /// The session, or every problem found.
    pub fn check(&self, id: SessionId, rules: RuleSet) -> Result<Session, Vec<SessionFieldError>> {
        let mut problems = Vec::new();
        let mut fail = |field, problem| problems.push(SessionFieldError { field, problem });
        let code = self.code.trim().to_owned();
        if code.is_empty() || code.len() > 64 || code.contains(char::is_whitespace) {
            fail("code", SessionProblem::Code);
        }
        for (field, name) in [("name_en", &self.name_en), ("name_fr", &self.name_fr)] {
            if name.trim().is_empty() {
                fail(field, SessionProblem::Name);
            }
        }
        let mut date = |field, text: &str| -> Option<Date> {
            let parsed = text.trim().parse().ok();
            if parsed.is_none() {
                fail(field, SessionProblem::Date(text.to_owned()));
            }
            parsed
        };
        let start = date("period_start", &self.period_start);
        let end = date("period_end", &self.period_end);
        let mut problems_after = Vec::new();
        let mut later = |field, problem| problems_after.push(SessionFieldError { field, problem });
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                let (start, end) = (start.to_string(), end.to_string());
                later("period_end", SessionProblem::EndsBeforeStart { start, end });
            }
        }
        let window = ApplicationWindow::parse(&self.opens, &self.closes, &self.time_zone)
            .map_err(|e| {
                let field = match &e {
                    WindowError::UnknownTimeZone(_) => "time_zone",
                    WindowError::BadDateTime(text) if *text == self.opens => "opens",
                    _ => "closes",
                };
                later(field, SessionProblem::Window(e));
            })
            .ok();
        if let (Some(window), Some(start)) = (&window, start) {
            if window.closes().date() >= start {
                later(
                    "closes",
                    SessionProblem::ClosesAfterStart {
                        closes: window.closes().date().to_string(),
                        start: start.to_string(),
                    },
                );
            }
        }
        let max_choices = u8::try_from(self.max_choices)
            .ok()
            .filter(|n| (1..=10).contains(n));
        if max_choices.is_none() {
            later("max_choices", SessionProblem::MaxChoices);
        }
        let retention_months = u16::try_from(self.retention_months)
            .ok()
            .filter(|n| (1..=super::MAX_RETENTION_MONTHS).contains(n));
        if retention_months.is_none() {
            later("retention_months", SessionProblem::RetentionMonths);
        }
        problems.extend(problems_after);
        match (start, end, window, max_choices, retention_months) {
            (
                Some(period_start),
                Some(period_end),
                Some(window),
                Some(max_choices),
                Some(retention_months),
            ) if problems.is_empty() => Ok(Session {
                id,
                code,
                name: Localized {
                    en: self.name_en.trim().to_owned(),
                    fr: self.name_fr.trim().to_owned(),
                },
                period_start,
                period_end,
                window,
                max_choices,
                rules,
                retention_months,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> SessionFields {
        SessionFields {
            code: "2027-09".into(),
            name_en: "Autumn 2027".into(),
            name_fr: "Automne 2027".into(),
            period_start: "2027-09-01".into(),
            period_end: "2028-02-29".into(),
            opens: "2027-01-10T09:00".into(),
            closes: "2027-02-15T23:59".into(),
            time_zone: "Europe/Brussels".into(),
            max_choices: 3,
            retention_months: 12,
        }
    }

    #[test]
    fn a_good_session_reads_back_into_the_same_fields() {
        let session = good()
            .check(SessionId(4), RuleSet::nato_default())
            .expect("valid");
        assert_eq!(session.id, SessionId(4));
        assert_eq!(SessionFields::of(&session), good());
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let bad = SessionFields {
            code: "20 27".into(),
            name_fr: " ".into(),
            period_start: "1 Sept".into(),
            time_zone: "Europe/Atlantis".into(),
            max_choices: 0,
            ..good()
        };
        let problems = bad
            .check(SessionId(0), RuleSet::nato_default())
            .expect_err("bad");
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "code",
                "name_fr",
                "period_start",
                "time_zone",
                "max_choices"
            ]
        );
        let order = SessionFields {
            period_end: "2027-08-31".into(),
            closes: "2027-09-15T12:00".into(),
            ..good()
        };
        let problems = order
            .check(SessionId(0), RuleSet::nato_default())
            .expect_err("bad");
        assert_eq!(
            problems,
            [
                SessionFieldError {
                    field: "period_end",
                    problem: SessionProblem::EndsBeforeStart {
                        start: "2027-09-01".into(),
                        end: "2027-08-31".into()
                    }
                },
                SessionFieldError {
                    field: "closes",
                    problem: SessionProblem::ClosesAfterStart {
                        closes: "2027-09-15".into(),
                        start: "2027-09-01".into()
                    }
                },
            ]
        );
        let window = SessionFields {
            closes: "2027-01-01T00:00".into(),
            ..good()
        };
        let problems = window
            .check(SessionId(0), RuleSet::nato_default())
            .expect_err("bad");
        assert_eq!(problems[0].field, "closes");
        assert!(matches!(
            problems[0].problem,
            SessionProblem::Window(WindowError::ClosesBeforeOpening { .. })
        ));
    }
}
