//! How often people may ask for what costs us or them: e-mails (registration and reset
//! links) and password guesses. The rules only; the store keeps the counters so that every
//! node shares them, and the web shell answers 429 with `Retry-After`.
//!
//! Two shapes:
//!
//! - a [`Quota`] for e-mails: `burst` at once, then one more every `every_ms` (a generic
//!   cell rate algorithm: one number per subject, the "theoretical arrival time"). With
//!   `every_ms` equal to the period it also means "at most `burst` in any such period";
//! - a [`FailureLimit`] for sign-ins: `free` failures, then each further attempt waits
//!   twice as long as the previous one ([`FailureLimit::delay_after`]), up to a cap. Never
//!   a hard lock: an attacker can slow an account down, never close it, and the owner can
//!   always get in through a mailed reset link, which clears the account's count.

/// Milliseconds in a minute.
const MINUTE: i64 = 60 * 1000;
/// Milliseconds in an hour.
const HOUR: i64 = 60 * MINUTE;

/// `burst` requests at once, then one more every `every_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Granted at once to a subject with no recent request.
    pub burst: u32,
    /// One more is granted after each such interval.
    pub every_ms: i64,
}

impl Quota {
    /// How far ahead of now the subject's theoretical arrival time may be while a request
    /// is still granted.
    pub fn tolerance_ms(&self) -> i64 {
        i64::from(self.burst.max(1) - 1) * self.every_ms
    }

    /// Whether a request arriving at `now` is granted when the subject's theoretical
    /// arrival time is `tat` (`None`: no request yet), and the new `tat` if it is.
    /// The store runs the same rule in one conditional statement; this is its statement
    /// in Rust, for tests and for reading.
    pub fn grant(&self, tat: Option<i64>, now: i64) -> Option<i64> {
        let tat = tat.unwrap_or(now).max(now);
        (tat <= now + self.tolerance_ms()).then_some(tat + self.every_ms)
    }

    /// When a refused subject (theoretical arrival time `tat`) may ask again.
    pub fn retry_at(&self, tat: i64) -> i64 {
        tat - self.tolerance_ms()
    }
}

/// `free` failed sign-ins, then growing delays: after the `n`-th failure (n ≥ `free`) the
/// next attempt waits 2^(n − free + 1) seconds, at most `cap_ms`. The count starts again
/// once `window_ms` passed without a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureLimit {
    /// Failures evaluated without delay.
    pub free: u32,
    /// A quiet period that forgets the failures.
    pub window_ms: i64,
    /// The longest wait.
    pub cap_ms: i64,
}

impl FailureLimit {
    /// How long the next attempt waits after the `failures`-th failure in a row.
    pub fn delay_after(&self, failures: i64) -> i64 {
        let beyond = failures - i64::from(self.free);
        if beyond < 0 {
            return 0;
        }
        // 2 s, 4 s, 8 s, …: shifting past the cap's size would overflow, so stop at 40
        let exponent = (beyond + 1).min(40) as u32;
        (1000_i64 << exponent).min(self.cap_ms)
    }
}

/// Sign-in failures per account (by address, whether or not it has an account): five
/// evaluated at once, then 2 s, 4 s, 8 s… up to 15 minutes between attempts.
pub const SIGN_IN_PER_ACCOUNT: FailureLimit = FailureLimit {
    free: 5,
    window_ms: 15 * MINUTE,
    cap_ms: 15 * MINUTE,
};

/// Sign-in failures per client address: more, since many people may share one (a
/// university's network, a carrier's NAT).
pub const SIGN_IN_PER_CLIENT: FailureLimit = FailureLimit {
    free: 20,
    window_ms: 15 * MINUTE,
    cap_ms: 15 * MINUTE,
};

/// Registrations (each sends a mail) per e-mail address: three in any hour.
pub const REGISTER_PER_EMAIL: Quota = Quota {
    burst: 3,
    every_ms: HOUR,
};

/// Registrations per client address: twenty at once, then twenty an hour.
pub const REGISTER_PER_CLIENT: Quota = Quota {
    burst: 20,
    every_ms: 3 * MINUTE,
};

/// Password-reset mails per e-mail address: three in any hour.
pub const RESET_PER_EMAIL: Quota = Quota {
    burst: 3,
    every_ms: HOUR,
};

/// Password-reset requests per client address: ten at once, then ten an hour.
pub const RESET_PER_CLIENT: Quota = Quota {
    burst: 10,
    every_ms: 6 * MINUTE,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_grants_its_burst_then_one_per_interval() {
        let q = REGISTER_PER_EMAIL;
        let mut tat = None;
        let mut granted = 0;
        for _ in 0..20 {
            if let Some(next) = q.grant(tat, 0) {
                tat = Some(next);
                granted += 1;
            }
        }
        assert_eq!(granted, 3, "three in the first instant");
        let tat = tat.expect("granted");
        assert_eq!(q.retry_at(tat), HOUR, "the next one an hour later");
        assert_eq!(q.grant(Some(tat), HOUR - 1), None);
        let after = q.grant(Some(tat), HOUR).expect("one more");
        assert_eq!(q.grant(Some(after), HOUR), None, "only one");
        // a subject quiet for long starts again from its burst
        assert_eq!(q.grant(Some(after), 100 * HOUR), Some(101 * HOUR));
    }

    #[test]
    fn at_most_burst_in_any_window_of_the_interval() {
        // requests every 10 minutes for a day: no hour-long window holds more than three
        let q = RESET_PER_EMAIL;
        let mut tat = None;
        let mut times = Vec::new();
        for i in 0..144 {
            let now = i * 10 * MINUTE;
            if let Some(next) = q.grant(tat, now) {
                tat = Some(next);
                times.push(now);
            }
        }
        for (i, start) in times.iter().enumerate() {
            let within = times[i..].iter().filter(|t| **t < start + HOUR).count();
            assert!(within <= 3, "{within} within an hour of {start}");
        }
        assert!(
            times.len() >= 24,
            "one an hour goes through: {}",
            times.len()
        );
    }

    #[test]
    fn delays_grow_after_the_free_failures_and_stop_at_the_cap() {
        let l = SIGN_IN_PER_ACCOUNT;
        let delays: Vec<i64> = (1..=9).map(|n| l.delay_after(n)).collect();
        assert_eq!(
            delays,
            [0, 0, 0, 0, 2000, 4000, 8000, 16_000, 32_000],
            "five free, then doubling from two seconds"
        );
        assert_eq!(l.delay_after(30), 15 * MINUTE);
        assert_eq!(l.delay_after(i64::MAX), 15 * MINUTE, "no overflow");
        assert!(
            l.cap_ms <= l.window_ms,
            "a capped wait never outlasts the window"
        );
        assert_eq!(SIGN_IN_PER_CLIENT.delay_after(19), 0);
        assert_eq!(SIGN_IN_PER_CLIENT.delay_after(20), 2000);
    }
}
