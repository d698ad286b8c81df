//! The ranked placements a candidate chooses, and the motivation text.

use crate::session::PlacementId;
use std::collections::HashSet;

/// Distinct placements of one session, best first, no more than the session allows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices(Vec<PlacementId>);

/// Why choices are refused; `index` is the position in the list sent (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceProblem {
    /// More choices than the session allows.
    #[error("at most {max} choices")]
    TooMany {
        /// The session's maximum.
        max: u8,
    },
    /// The same placement twice.
    #[error("choice {index} repeats an earlier one")]
    Repeated {
        /// Position of the repeat.
        index: usize,
    },
    /// Not a placement of this session.
    #[error("choice {index} is not a placement of this session")]
    NotInSession {
        /// Position of the stranger.
        index: usize,
    },
}

impl ChoiceProblem {
    /// The JSON field at fault, e.g. `choices[3]`.
    pub fn field(&self) -> String {
        match self {
            ChoiceProblem::TooMany { max } => format!("choices[{max}]"),
            ChoiceProblem::Repeated { index } | ChoiceProblem::NotInSession { index } => {
                format!("choices[{index}]")
            }
        }
    }
}

impl Choices {
    /// Checks `ids` against the session's placements and maximum.
    pub fn parse(
        ids: &[i64],
        session_placements: &HashSet<PlacementId>,
        max: u8,
    ) -> Result<Choices, ChoiceProblem> {
        if ids.len() > usize::from(max) {
            return Err(ChoiceProblem::TooMany { max });
        }
        let mut seen = HashSet::new();
        for (index, &id) in ids.iter().enumerate() {
            let id = PlacementId(id);
            if !session_placements.contains(&id) {
                return Err(ChoiceProblem::NotInSession { index });
            }
            if !seen.insert(id) {
                return Err(ChoiceProblem::Repeated { index });
            }
        }
        Ok(Choices(ids.iter().map(|&id| PlacementId(id)).collect()))
    }

    /// Rebuilds stored choices (already checked when saved).
    pub fn from_stored(ids: Vec<PlacementId>) -> Choices {
        Choices(ids)
    }

    /// Best first.
    pub fn ids(&self) -> &[PlacementId] {
        &self.0
    }

    /// No choice yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The longest motivation text, in characters (not bytes: accents count once).
pub const MAX_MOTIVATION_CHARS: usize = 4000;

/// The candidate's motivation, within the limit, without control characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Motivation(String);

/// Why a motivation text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MotivationProblem {
    /// Over [`MAX_MOTIVATION_CHARS`].
    #[error("the motivation has {chars} characters; at most {MAX_MOTIVATION_CHARS}")]
    TooLong {
        /// Characters sent.
        chars: usize,
    },
    /// Invisible control characters (other than line breaks and tabs).
    #[error("the motivation contains control characters")]
    ControlCharacters,
}

impl Motivation {
    /// Checks the text; surrounding blanks are trimmed, line breaks kept.
    pub fn parse(text: &str) -> Result<Motivation, MotivationProblem> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars > MAX_MOTIVATION_CHARS {
            return Err(MotivationProblem::TooLong { chars });
        }
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(MotivationProblem::ControlCharacters);
        }
        Ok(Motivation(text.to_owned()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> HashSet<PlacementId> {
        [1, 2, 3, 4].into_iter().map(PlacementId).collect()
    }

    #[test]
    fn choices_table() {
        let check = |ids: &[i64], expect: Result<(), ChoiceProblem>| {
            assert_eq!(
                Choices::parse(ids, &session(), 3).map(|_| ()),
                expect,
                "{ids:?}"
            );
        };
        check(&[], Ok(()));
        check(&[3, 1, 2], Ok(()));
        check(&[1, 2, 3, 4], Err(ChoiceProblem::TooMany { max: 3 }));
        check(&[1, 1], Err(ChoiceProblem::Repeated { index: 1 }));
        check(&[1, 99], Err(ChoiceProblem::NotInSession { index: 1 }));
        assert_eq!(ChoiceProblem::TooMany { max: 3 }.field(), "choices[3]");
        assert_eq!(ChoiceProblem::Repeated { index: 1 }.field(), "choices[1]");
    }

    #[test]
    fn motivation_counts_characters_not_bytes() {
        assert!(Motivation::parse(&"é".repeat(MAX_MOTIVATION_CHARS)).is_ok());
        assert_eq!(
            Motivation::parse(&"é".repeat(MAX_MOTIVATION_CHARS + 1)),
            Err(MotivationProblem::TooLong {
                chars: MAX_MOTIVATION_CHARS + 1
            })
        );
        assert_eq!(
            Motivation::parse("a\u{0}b"),
            Err(MotivationProblem::ControlCharacters)
        );
        assert_eq!(
            Motivation::parse("  line one\nline two  ")
                .expect("ok")
                .as_str(),
            "line one\nline two"
        );
    }
}
