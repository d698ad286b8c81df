//! The deterministic solver: rank tables, DA, and the cap loop.

use std::time::{Duration, Instant};

use crate::caps::remove_excess;
use crate::deferred_acceptance::DeferredAcceptance;
use crate::instance::Instance;
use crate::lottery::Lottery;
use crate::tables::RankTables;

/// A matching of candidates to placements, as computed by [`solve`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    assignment: Vec<Option<u32>>,
    proposals: u64,
    rounds: u32,
}

impl Allocation {
    /// An allocation from an explicit assignment (placement index per
    /// candidate), e.g. to check another tool's result with [`crate::check`].
    pub fn from_assignment(assignment: Vec<Option<u32>>) -> Self {
        Allocation {
            assignment,
            proposals: 0,
            rounds: 0,
        }
    }

    /// Placement index per candidate index (`None` = unmatched).
    pub fn assignment(&self) -> &[Option<u32>] {
        &self.assignment
    }

    /// The placement of candidate `c`, if matched.
    pub fn placement_of(&self, c: usize) -> Option<usize> {
        self.assignment
            .get(c)
            .copied()
            .flatten()
            .map(|p| p as usize)
    }

    /// Number of matched candidates.
    pub fn matched(&self) -> usize {
        self.assignment.iter().filter(|a| a.is_some()).count()
    }

    /// Proposals made, summed over all DA runs (a proposal is an application
    /// to a placement that ranks the candidate).
    pub fn proposals(&self) -> u64 {
        self.proposals
    }

    /// Number of DA runs (1 when no cap was exceeded).
    pub fn rounds(&self) -> u32 {
        self.rounds
    }
}

/// Allocates `instance`: candidate-proposing deferred acceptance with ties
/// broken by the seeded lottery, repeated with removals while a nationality
/// cap is exceeded. Deterministic: the same instance gives the same result.
pub fn solve(instance: &Instance) -> Allocation {
    let lottery = Lottery::draw(instance.seed(), instance.candidate_count());
    let tables = RankTables::build(instance, &lottery);
    let mut da = DeferredAcceptance::new(instance, &tables);
    let mut removed = vec![false; instance.candidate_count()];
    let mut proposals = 0u64;
    let mut rounds = 0u32;
    loop {
        proposals += da.run(&removed);
        rounds += 1;
        let assignment = da.assignment();
        if !instance.has_caps() || !remove_excess(instance, &lottery, &assignment, &mut removed) {
            return Allocation {
                assignment,
                proposals,
                rounds,
            };
        }
    }
}

/// [`solve`], also returning the wall-clock time it took (the only
/// non-deterministic figure in a result).
pub fn solve_timed(instance: &Instance) -> (Allocation, Duration) {
    let start = Instant::now();
    let allocation = solve(instance);
    (allocation, start.elapsed())
}
