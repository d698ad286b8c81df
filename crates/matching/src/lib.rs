//! Cohort's allocation engine: many-to-one matching of candidates to
//! placements with capacities, seeded tie-breaking and nationality caps.
//!
//! ```
//! let input = r#"{
//!   "seed": 7,
//!   "candidates": [
//!     { "id": "c-1", "nationality": "FR", "preferences": ["p-a", "p-b"] },
//!     { "id": "c-2", "nationality": "PL", "preferences": ["p-a"] }
//!   ],
//!   "placements": [
//!     { "id": "p-a", "capacity": 1, "ranking": ["c-2", "c-1"] },
//!     { "id": "p-b", "capacity": 1, "ranking": ["c-1"] }
//!   ]
//! }"#;
//!
//! // One call for the CLI: parse, validate, solve, check, explain, serialize.
//! let json = cohort_matching::solve_json_with(input, cohort_matching::Millis::Fixed(0.0))?;
//! let result: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(result["assignment"]["c-1"], "p-b");
//! assert_eq!(result["assignment"]["c-2"], "p-a");
//! assert_eq!(result["stable"], true);
//! assert_eq!(result["explanations"]["c-1"][0]["reason"], "cutoff");
//! assert_eq!(result["explanations"]["c-1"][0]["lowest_admitted"], "c-2");
//!
//! // Or step by step, index-based.
//! let instance = cohort_matching::Instance::from_json(input)?;
//! let allocation = cohort_matching::solve(&instance);
//! assert_eq!(allocation.placement_of(0), Some(1));
//! assert!(cohort_matching::check(&instance, &allocation).is_empty());
//! # Ok::<(), cohort_matching::InstanceError>(())
//! ```
//!
//! # Model
//!
//! The exchange format is `shared/formats/allocation-instance.md`. A pair
//! (candidate, placement) is *acceptable* when each lists the other; nobody is
//! matched to an unacceptable pair. Tie groups in rankings are broken by one
//! lottery over all candidates drawn from `seed` (single tie-breaking, see
//! [`lottery`]); stability below is with respect to the rankings *after* the
//! lottery, which implies stability with respect to the strict part of the
//! written rankings. Without caps the result is the candidate-optimal stable
//! matching of candidate-proposing deferred acceptance (Gale and Shapley 1962;
//! many-to-one as in Roth and Sotomayor 1990).
//!
//! # Nationality caps
//!
//! A cap bounds how many candidates of a nationality are matched in the whole
//! instance. *Cap priority* orders candidates: higher `priority` first,
//! candidates without one after all those with one, then the lottery.
//!
//! **Algorithm.** Let R = ∅. Repeat: run DA on the market without R; for each
//! nationality n matched more than `cap(n)` times, add to R its matched
//! candidates beyond the first `cap(n)` in cap priority. Stop when no cap is
//! exceeded. Each round adds at least one candidate to R, so it terminates
//! (in practice in a few rounds).
//!
//! **Guaranteed notion (“cap-stability”).** The result μ is individually
//! rational (only acceptable pairs), respects capacities and caps, and every
//! blocking pair (c, p) — c prefers p to μ(c) and p has a free seat or ranks
//! c above one of its holders — satisfies *all* of: c is unmatched; c's
//! nationality n is capped and exactly full (`matched(n) = cap(n)`); and every
//! matched candidate of nationality n comes before c in cap priority. This
//! includes the format's minimum (no blocking pair involving a matched
//! candidate, or an unmatched one whose nationality is uncapped or not full)
//! and adds that a cap only ever excludes its lowest-priority candidates. The
//! [`check`]er verifies exactly this notion.
//!
//! **Proof.** (1) *Monotonicity:* in candidate-proposing DA, removing
//! candidates makes every remaining candidate weakly better off (Gale and
//! Sotomayor 1985; Crawford 1991 for many-to-one) — the lottery, hence every
//! strict order, is the same in every round — so a candidate outside R
//! matched in one round is matched in every later round. (2) Let c ∈ R of nationality n be removed in round t, and K
//! the `cap(n)` compatriots kept matched in that round; all of K precede c in
//! cap priority. By (1) K stays matched in every later round, and the loop
//! stops only when `matched(n) ≤ cap(n)`, so at the end the matched
//! candidates of nationality n are exactly K: n is exactly full and every
//! matched compatriot precedes c.
//! (3) μ is the DA outcome on the market without R, hence stable there: any
//! blocking pair has its candidate in R, so it is unmatched and (2) applies.
//! Caps hold by the stopping rule, capacities and acceptability by DA. ∎
//!
//! **Relation to the literature.** Kamada and Kojima (AER 2015) study caps on
//! *regions of placements* and define *weak stability*: a blocking pair is
//! tolerated only when admitting it would break a binding regional cap; their
//! flexible deferred acceptance reaches it. Goto et al. (AIJ 2016) extend this
//! to hierarchical regional minimum and maximum quotas. Our caps bound a type
//! of the *proposing* side across all placements, so the constraint family
//! (capacities per placement × caps per nationality) is not a hierarchy and
//! those mechanisms do not apply verbatim; cap-stability is the analogue of
//! their weak stability (a pair may block only if honouring it would exceed a
//! binding cap) plus the priority condition of (2). As the format notes, a
//! matching with no blocking pair at all for unmatched capped candidates may
//! not exist, so the exemption is necessary. Removal is not strategy-proof in
//! general, and the result is not claimed to be candidate-optimal among
//! cap-stable matchings.
//!
//! # Explanations
//!
//! For each candidate, every choice ranked above the one obtained (all of
//! them if unmatched), in preference order, with the first reason that
//! applies: `capacity_zero` (the placement has no seats), `not_ranked` (the
//! placement does not rank the candidate), `nationality_cap` with
//! `nationality` (the placement would admit the candidate but the cap is full
//! with compatriots ahead in cap priority), else `cutoff` with
//! `lowest_admitted`: the id of the lowest-ranked candidate the placement kept
//! (after the lottery; it may be tied with the candidate in the written
//! ranking). Candidates with nothing to explain are omitted from
//! `explanations`.
//!
//! # Determinism
//!
//! [`solve`] is a pure function of the instance. The JSON result writes maps
//! in input order (candidates as listed in the instance, not sorted by id); only `stats.millis` varies between runs, and
//! [`solve_json_with`] with [`Millis::Fixed`] makes the output byte-for-byte
//! reproducible.
//!
//! # Architecture invariant
//!
//! This crate knows nothing about files, HTTP, SQL or the other Cohort
//! crates: text in, text out.

#![warn(missing_docs)]

mod caps;
mod checker;
mod deferred_acceptance;
mod error;
mod explain;
mod format;
pub mod generate;
mod instance;
pub mod lottery;
mod result;
mod solve;
mod tables;

pub use caps::cap_priority_cmp;
pub use checker::{check, Violation};
pub use error::{InstanceError, Problem};
pub use explain::{explain, Explanation, Reason};
pub use format::{CandidateEntry, InstanceDocument, NationalityCaps, PlacementEntry, RankEntry};
pub use instance::Instance;
pub use result::Report;
pub use solve::{solve, solve_timed, Allocation};

/// What to record as `stats.millis` in a JSON result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Millis {
    /// The measured solving time (parsing and serialization excluded).
    Measured,
    /// A fixed value, for byte-for-byte reproducible output.
    Fixed(f64),
}

/// Parses, validates, solves, checks and explains an instance; returns the
/// result JSON with the measured solving time as `stats.millis`.
pub fn solve_json(input: &str) -> Result<String, InstanceError> {
    solve_json_with(input, Millis::Measured)
}

/// [`solve_json`] with control over `stats.millis`.
pub fn solve_json_with(input: &str, millis: Millis) -> Result<String, InstanceError> {
    let instance = Instance::from_json(input)?;
    let (allocation, elapsed) = solve_timed(&instance);
    let millis = match millis {
        Millis::Measured => elapsed.as_secs_f64() * 1000.0,
        Millis::Fixed(value) => value,
    };
    Ok(Report::new(&instance, &allocation, millis).to_json())
}
