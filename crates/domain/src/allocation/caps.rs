//! Nationality caps of a session: at most so many interns of one nationality, as a count
//! or as a share of the session's seats. The engine takes counts, so a share becomes
//! `floor(share × seats)` before a round (a cap on the share of those *matched* would make
//! candidates complements and break deferred acceptance).

use crate::values::Nationality;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How much of a session one nationality may take.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapLimit {
    /// At most this many interns.
    Count(u32),
    /// At most this share of the session's seats, in percent (0 < p ≤ 100).
    Percent(f64),
}

/// One nationality's cap.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NationalityCap {
    /// The nationality.
    pub nationality: Nationality,
    /// Its limit.
    #[serde(flatten)]
    pub limit: CapLimit,
}

/// A session's caps, one per nationality, sorted by nationality.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NationalityCaps(Vec<NationalityCap>);

/// What is wrong with one line of caps.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CapsProblem {
    /// Not an ISO 3166-1 alpha-2 code.
    #[error("{0:?} is not a nationality (two uppercase letters, e.g. FR)")]
    Nationality(String),
    /// Neither a whole number nor a percentage in (0, 100].
    #[error("{0:?} is neither a count nor a percentage between 0 and 100")]
    Limit(String),
    /// The nationality was already capped above.
    #[error("{0} is capped twice")]
    Duplicate(String),
}

/// A problem and the line (1-based) where it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct CapsError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: CapsProblem,
}

impl NationalityCaps {
    /// Checks caps given as data (the API's JSON): unique nationalities, sane limits.
    pub fn new(caps: Vec<NationalityCap>) -> Result<NationalityCaps, CapsError> {
        let mut seen = BTreeMap::new();
        for (i, cap) in caps.iter().enumerate() {
            let line = i + 1;
            let valid = match cap.limit {
                CapLimit::Count(_) => true,
                CapLimit::Percent(p) => p > 0.0 && p <= 100.0,
            };
            if !valid {
                let problem = CapsProblem::Limit(format!("{:?}", cap.limit));
                return Err(CapsError { line, problem });
            }
            if seen.insert(cap.nationality, ()).is_some() {
                let problem = CapsProblem::Duplicate(cap.nationality.to_string());
                return Err(CapsError { line, problem });
            }
        }
        let mut caps = caps;
        caps.sort_by_key(|c| c.nationality);
        Ok(NationalityCaps(caps))
    }

    /// Parses the form's text: one cap a line, `FR 3` (a count) or `PL 20%` (a share of
    /// the seats); blank lines are ignored.
    pub fn parse(text: &str) -> Result<NationalityCaps, CapsError> {
        let mut caps: Vec<NationalityCap> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let fail = |problem| CapsError { line, problem };
            let mut words = raw
                .split(|c: char| c.is_whitespace() || c == '=' || c == ':')
                .filter(|w| !w.is_empty());
            let Some(code) = words.next() else { continue };
            let nationality = Nationality::parse(code)
                .map_err(|_| fail(CapsProblem::Nationality(code.to_owned())))?;
            if caps.iter().any(|c| c.nationality == nationality) {
                return Err(fail(CapsProblem::Duplicate(code.to_owned())));
            }
            let rest: Vec<&str> = words.collect();
            let limit = parse_limit(&rest.join(""))
                .ok_or_else(|| fail(CapsProblem::Limit(rest.join(" "))))?;
            caps.push(NationalityCap { nationality, limit });
        }
        caps.sort_by_key(|c| c.nationality);
        Ok(NationalityCaps(caps))
    }

    /// The caps as the form shows them, one a line.
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|c| match c.limit {
                CapLimit::Count(n) => format!("{} {n}\n", c.nationality),
                CapLimit::Percent(p) => format!("{} {p}%\n", c.nationality),
            })
            .collect()
    }

    /// The caps.
    pub fn caps(&self) -> &[NationalityCap] {
        &self.0
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each cap as a count of interns for a session of `seats` seats.
    pub fn counts(&self, seats: u32) -> BTreeMap<Nationality, u32> {
        self.0
            .iter()
            .map(|c| {
                let count = match c.limit {
                    CapLimit::Count(n) => n,
                    // floor: a cap never lets in more than its share
                    CapLimit::Percent(p) => (f64::from(seats) * p / 100.0).floor() as u32,
                };
                (c.nationality, count)
            })
            .collect()
    }
}

fn parse_limit(text: &str) -> Option<CapLimit> {
    if let Some(percent) = text.strip_suffix('%') {
        let p: f64 = percent.replace(',', ".").parse().ok()?;
        (p > 0.0 && p <= 100.0).then_some(CapLimit::Percent(p))
    } else {
        text.parse().ok().map(CapLimit::Count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr() -> Nationality {
        Nationality::parse("FR").expect("valid")
    }

    #[test]
    fn counts_and_shares_become_counts_rounded_down() {
        let caps = NationalityCaps::parse("PL 20%\nFR 3\n\nDE: 12,5%").expect("valid");
        let counts = caps.counts(10);
        assert_eq!(counts[&fr()], 3);
        assert_eq!(counts[&Nationality::parse("PL").expect("valid")], 2);
        assert_eq!(
            counts[&Nationality::parse("DE").expect("valid")],
            1,
            "1.25 → 1"
        );
        assert_eq!(
            caps.to_text(),
            "DE 12.5%\nFR 3\nPL 20%\n",
            "sorted, canonical"
        );
        assert_eq!(
            NationalityCaps::parse(&caps.to_text()).expect("valid"),
            caps
        );
    }

    #[test]
    fn every_mistake_names_its_line() {
        let error = |text: &str| NationalityCaps::parse(text).expect_err("an error");
        assert_eq!(error("FR 3\nfr 2").line, 2);
        assert!(matches!(error("XX 2").problem, CapsProblem::Nationality(_)));
        assert!(matches!(error("FR").problem, CapsProblem::Limit(_)));
        assert!(matches!(error("FR -1").problem, CapsProblem::Limit(_)));
        assert!(matches!(error("FR 0%").problem, CapsProblem::Limit(_)));
        assert!(matches!(error("FR 101%").problem, CapsProblem::Limit(_)));
        let twice = error("FR 3\n\nFR 20%");
        assert_eq!(
            (twice.line, twice.problem),
            (3, CapsProblem::Duplicate("FR".into()))
        );
    }

    #[test]
    fn json_names_the_kind_of_limit() {
        let caps = NationalityCaps::parse("FR 3\nPL 20%").expect("valid");
        let json = serde_json::to_string(&caps).expect("valid");
        assert_eq!(
            json,
            r#"[{"nationality":"FR","count":3},{"nationality":"PL","percent":20.0}]"#
        );
        let back: Vec<NationalityCap> = serde_json::from_str(&json).expect("valid");
        assert_eq!(NationalityCaps::new(back).expect("valid"), caps);
    }
}
