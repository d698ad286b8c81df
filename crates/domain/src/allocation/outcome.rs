//! A round's stored result (the engine's result document), read back for the preview,
//! the offers and the candidates' explanations.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The parts of a result document that the product uses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RoundOutcome {
    /// Candidate id → placement id, or `None` when unmatched.
    pub assignment: BTreeMap<String, Option<String>>,
    /// The seed the lottery used.
    pub seed: u64,
    /// The checker's verdict.
    pub stable: bool,
    /// Why each candidate did not get the choices above the one obtained.
    #[serde(default)]
    pub explanations: BTreeMap<String, Vec<Why>>,
}

/// Why a candidate did not get one choice.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Why {
    /// The placement's instance id.
    pub placement: String,
    /// The reason.
    #[serde(flatten)]
    pub reason: WhyReason,
}

/// The engine's reasons.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum WhyReason {
    /// The placement kept candidates it ranked higher (`lowest_admitted` is one of them;
    /// never shown to candidates).
    Cutoff {
        /// The lowest-ranked candidate kept.
        #[serde(default)]
        lowest_admitted: Option<String>,
    },
    /// The placement did not rank the candidate.
    NotRanked,
    /// The candidate's nationality had reached its cap.
    NationalityCap {
        /// The nationality.
        nationality: String,
    },
    /// The placement had no seats left in this round.
    CapacityZero,
}

impl RoundOutcome {
    /// Reads a result document.
    pub fn from_json(json: &str) -> Result<RoundOutcome, serde_json::Error> {
        serde_json::from_str(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_engine_writes() {
        let instance = r#"{"seed":3,"candidates":[
            {"id":"a-1","nationality":"FR","preferences":["p-1","p-2"]},
            {"id":"a-2","nationality":"FR","preferences":["p-1","p-3"]},
            {"id":"a-3","preferences":["p-2"]}],
          "placements":[{"id":"p-1","capacity":1,"ranking":["a-2","a-1"]},
            {"id":"p-2","capacity":1,"ranking":["a-1"]},
            {"id":"p-3","capacity":0,"ranking":["a-2"]}]}"#;
        let result = cohort_matching::solve_json(instance).expect("valid");
        let outcome = RoundOutcome::from_json(&result).expect("valid");
        assert!(outcome.stable);
        assert_eq!(outcome.seed, 3);
        assert_eq!(outcome.assignment["a-1"].as_deref(), Some("p-2"));
        assert_eq!(outcome.assignment["a-2"].as_deref(), Some("p-1"));
        assert_eq!(outcome.assignment["a-3"], None);
        assert_eq!(
            outcome.explanations["a-1"],
            vec![Why {
                placement: "p-1".into(),
                reason: WhyReason::Cutoff {
                    lowest_admitted: Some("a-2".into())
                }
            }]
        );
        assert_eq!(
            outcome.explanations["a-3"],
            vec![Why {
                placement: "p-2".into(),
                reason: WhyReason::NotRanked
            }]
        );
    }
}
