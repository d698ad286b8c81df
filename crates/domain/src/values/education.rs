//! The level of a degree.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The level of the degree a candidate is studying for or holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum EducationLevel {
    /// A first degree (bachelor's, licence, or equivalent; EQF level 6).
    Bachelor,
    /// A master's degree or equivalent (EQF level 7).
    Master,
    /// A doctorate (EQF level 8).
    Doctorate,
    /// Any other higher education (e.g. a short-cycle degree or a diploma).
    Other,
}

/// Why a text is not a level of education.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a level of education (bachelor, master, doctorate or other)")]
pub struct EducationLevelError(pub String);

impl EducationLevel {
    /// Every level.
    pub const ALL: [EducationLevel; 4] = [
        EducationLevel::Bachelor,
        EducationLevel::Master,
        EducationLevel::Doctorate,
        EducationLevel::Other,
    ];

    /// Parses the lowercase name used in files and forms.
    pub fn parse(text: &str) -> Result<EducationLevel, EducationLevelError> {
        EducationLevel::ALL
            .into_iter()
            .find(|level| level.as_str() == text)
            .ok_or_else(|| EducationLevelError(text.to_owned()))
    }

    /// The lowercase name, e.g. `"master"`.
    pub fn as_str(self) -> &'static str {
        match self {
            EducationLevel::Bachelor => "bachelor",
            EducationLevel::Master => "master",
            EducationLevel::Doctorate => "doctorate",
            EducationLevel::Other => "other",
        }
    }
}

impl fmt::Display for EducationLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EducationLevel {
    type Err = EducationLevelError;

    fn from_str(text: &str) -> Result<EducationLevel, EducationLevelError> {
        EducationLevel::parse(text)
    }
}

impl TryFrom<String> for EducationLevel {
    type Error = EducationLevelError;

    fn try_from(text: String) -> Result<EducationLevel, EducationLevelError> {
        EducationLevel::parse(&text)
    }
}

impl From<EducationLevel> for String {
    fn from(level: EducationLevel) -> String {
        level.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_names() {
        for level in EducationLevel::ALL {
            assert_eq!(EducationLevel::parse(level.as_str()), Ok(level));
        }
        assert_eq!(
            EducationLevel::parse("Master"),
            Err(EducationLevelError("Master".to_owned()))
        );
        assert!(EducationLevel::parse("licence").is_err());
    }
}
