//! A level of language proficiency on the Common European Framework of Reference (CEFR).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A CEFR level, ordered from beginner to native: `A1 < A2 < B1 < B2 < C1 < C2 < Native`.
///
/// `Native` is not a CEFR level; it is above C2 because application forms ask for it
/// ("mother tongue") and a rule that asks for C1 should accept a native speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CefrLevel {
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery.
    C2,
    /// Mother tongue.
    Native,
}

/// Why a text is not a CEFR level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a CEFR level (A1, A2, B1, B2, C1, C2 or native)")]
pub struct CefrLevelError(pub String);

impl CefrLevel {
    /// Every level, lowest first.
    pub const ALL: [CefrLevel; 7] = [
        CefrLevel::A1,
        CefrLevel::A2,
        CefrLevel::B1,
        CefrLevel::B2,
        CefrLevel::C1,
        CefrLevel::C2,
        CefrLevel::Native,
    ];

    /// Parses a level in either case: `"b2"` and `"B2"` are both [`CefrLevel::B2`];
    /// `"native"` is [`CefrLevel::Native`].
    pub fn parse(text: &str) -> Result<CefrLevel, CefrLevelError> {
        CefrLevel::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| CefrLevelError(text.to_owned()))
    }

    /// The canonical text: `"A1"` … `"C2"`, or `"native"`.
    pub fn as_str(self) -> &'static str {
        match self {
            CefrLevel::A1 => "A1",
            CefrLevel::A2 => "A2",
            CefrLevel::B1 => "B1",
            CefrLevel::B2 => "B2",
            CefrLevel::C1 => "C1",
            CefrLevel::C2 => "C2",
            CefrLevel::Native => "native",
        }
    }
}

impl fmt::Display for CefrLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CefrLevel {
    type Err = CefrLevelError;

    fn from_str(text: &str) -> Result<CefrLevel, CefrLevelError> {
        CefrLevel::parse(text)
    }
}

impl TryFrom<String> for CefrLevel {
    type Error = CefrLevelError;

    fn try_from(text: String) -> Result<CefrLevel, CefrLevelError> {
        CefrLevel::parse(&text)
    }
}

impl From<CefrLevel> for String {
    fn from(level: CefrLevel) -> String {
        level.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_either_case_and_orders_levels() {
        for (text, expect) in [
            ("A1", Ok(CefrLevel::A1)),
            ("b2", Ok(CefrLevel::B2)),
            ("B2", Ok(CefrLevel::B2)),
            ("c2", Ok(CefrLevel::C2)),
            ("Native", Ok(CefrLevel::Native)),
            ("native", Ok(CefrLevel::Native)),
            ("D1", Err(CefrLevelError("D1".to_owned()))),
            ("B", Err(CefrLevelError("B".to_owned()))),
            ("", Err(CefrLevelError(String::new()))),
            (" B2", Err(CefrLevelError(" B2".to_owned()))),
        ] {
            assert_eq!(CefrLevel::parse(text), expect, "{text:?}");
        }
        assert!(CefrLevel::ALL.windows(2).all(|w| w[0] < w[1]));
        for level in CefrLevel::ALL {
            assert_eq!(CefrLevel::parse(level.as_str()), Ok(level));
        }
    }
}
