//! The internship's dates: the session's period unless the office sets others, checked;
//! when each evaluation may be submitted; and when the intern becomes an alumnus.
//!
//! The mid-term evaluation opens at the internship's midpoint (the start plus half its
//! days, rounded down); the final one [`FINAL_OPENS_DAYS_BEFORE_END`] days before the last
//! day (never before the start). A submitted evaluation is final.

use jiff::civil::Date;
use jiff::ToSpan;

use super::EvaluationKind;

/// The longest internship, in days from the first to the last (a year and a day: a
/// six-month internship extended once still fits).
pub const MAX_INTERNSHIP_DAYS: i32 = 366;

/// How many days before the last day the final evaluation may be submitted.
pub const FINAL_OPENS_DAYS_BEFORE_END: i32 = 7;

/// The first and last day of an internship (both included), in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InternshipPeriod {
    start: Date,
    end: Date,
}

/// Why dates are refused; each names both dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PeriodProblem {
    /// The end comes before the start.
    #[error("the end {end} is before the start {start}")]
    EndBeforeStart {
        /// The first day given.
        start: Date,
        /// The last day given.
        end: Date,
    },
    /// Longer than [`MAX_INTERNSHIP_DAYS`].
    #[error("from {start} to {end} is longer than {MAX_INTERNSHIP_DAYS} days")]
    TooLong {
        /// The first day given.
        start: Date,
        /// The last day given.
        end: Date,
    },
}

impl PeriodProblem {
    /// The dates, for the message.
    pub fn dates(&self) -> (Date, Date) {
        match *self {
            PeriodProblem::EndBeforeStart { start, end }
            | PeriodProblem::TooLong { start, end } => (start, end),
        }
    }
}

/// Why an evaluation may not be submitted now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SubmitRefusal {
    /// Too early: it opens on that day.
    #[error("this evaluation may be submitted from {0}")]
    NotYet(Date),
    /// It was submitted already; it is final.
    #[error("this evaluation was already submitted")]
    AlreadySubmitted,
}

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i32 {
    a.until(b).map_or(0, |span| span.get_days())
}

impl InternshipPeriod {
    /// Checks the order and the length.
    pub fn new(start: Date, end: Date) -> Result<InternshipPeriod, PeriodProblem> {
        if end < start {
            return Err(PeriodProblem::EndBeforeStart { start, end });
        }
        if days_between(start, end) > MAX_INTERNSHIP_DAYS {
            return Err(PeriodProblem::TooLong { start, end });
        }
        Ok(InternshipPeriod { start, end })
    }

    /// From `start` to `end`, or the single day `start` when they are out of order; for
    /// periods checked when they were saved (a session's), where a refusal cannot help.
    pub fn clamped(start: Date, end: Date) -> InternshipPeriod {
        InternshipPeriod {
            start,
            end: end.max(start),
        }
    }

    /// The first day.
    pub fn start(&self) -> Date {
        self.start
    }

    /// The last day.
    pub fn end(&self) -> Date {
        self.end
    }

    /// The first day an evaluation of `kind` may be submitted.
    pub fn opens_on(&self, kind: EvaluationKind) -> Date {
        let days = match kind {
            EvaluationKind::Midterm => days_between(self.start, self.end) / 2,
            EvaluationKind::Final => {
                (days_between(self.start, self.end) - FINAL_OPENS_DAYS_BEFORE_END).max(0)
            }
        };
        self.start.checked_add(days.days()).unwrap_or(self.end)
    }

    /// Whether an evaluation of `kind` may be submitted on `today`, given whether it was.
    pub fn may_submit(
        &self,
        kind: EvaluationKind,
        submitted: bool,
        today: Date,
    ) -> Result<(), SubmitRefusal> {
        if submitted {
            return Err(SubmitRefusal::AlreadySubmitted);
        }
        let opens = self.opens_on(kind);
        if today < opens {
            return Err(SubmitRefusal::NotYet(opens));
        }
        Ok(())
    }

    /// Whether the internship is over on `today` (its last day has passed): the intern
    /// is then an alumnus, keeping their certificate and evaluations.
    pub fn is_over(&self, today: Date) -> bool {
        today > self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_in_order_and_of_sensible_length() {
        let (start, end) = (date(2027, 3, 1), date(2027, 8, 31));
        assert!(InternshipPeriod::new(start, end).is_ok());
        assert!(InternshipPeriod::new(start, start).is_ok(), "one day");
        assert_eq!(
            InternshipPeriod::new(end, start),
            Err(PeriodProblem::EndBeforeStart {
                start: end,
                end: start
            })
        );
        let far = date(2028, 3, 2);
        assert_eq!(
            InternshipPeriod::new(start, far),
            Err(PeriodProblem::TooLong { start, end: far })
        );
        assert!(InternshipPeriod::new(start, date(2028, 3, 1)).is_ok());
        assert_eq!(
            PeriodProblem::EndBeforeStart { start, end }.dates(),
            (start, end)
        );
    }

    #[test]
    fn when_evaluations_open() {
        use EvaluationKind as K;
        let period = InternshipPeriod::new(date(2027, 3, 1), date(2027, 8, 31)).expect("period");
        // 183 days from the first to the last: the midpoint is 91 days in
        assert_eq!(period.opens_on(K::Midterm), date(2027, 5, 31));
        assert_eq!(period.opens_on(K::Final), date(2027, 8, 24));
        assert_eq!(
            period.may_submit(K::Midterm, false, date(2027, 5, 30)),
            Err(SubmitRefusal::NotYet(date(2027, 5, 31)))
        );
        assert_eq!(
            period.may_submit(K::Midterm, false, date(2027, 5, 31)),
            Ok(())
        );
        assert_eq!(
            period.may_submit(K::Final, true, date(2027, 9, 1)),
            Err(SubmitRefusal::AlreadySubmitted)
        );
        assert_eq!(
            period.may_submit(K::Final, false, date(2027, 9, 30)),
            Ok(())
        );
        let short = InternshipPeriod::new(date(2027, 3, 1), date(2027, 3, 3)).expect("short");
        assert_eq!(
            short.opens_on(K::Final),
            date(2027, 3, 1),
            "never before the start"
        );
    }

    #[test]
    fn alumni_from_the_day_after_the_last() {
        let period = InternshipPeriod::new(date(2027, 3, 1), date(2027, 8, 31)).expect("period");
        assert!(!period.is_over(date(2027, 8, 31)));
        assert!(period.is_over(date(2027, 9, 1)));
    }
}
