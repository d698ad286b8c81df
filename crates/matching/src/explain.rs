//! Why each candidate did not get the choices it ranked above the one it got.

use crate::instance::Instance;
use crate::lottery::Lottery;
use crate::solve::Allocation;
use crate::tables::{RankTables, NOT_RANKED};

/// Why a candidate did not obtain one of its choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The placement has no seats (checked first).
    CapacityZero,
    /// The placement does not rank the candidate.
    NotRanked,
    /// The placement would have admitted the candidate, but the candidate's
    /// nationality cap is full and its matched compatriots come first in cap
    /// priority.
    NationalityCap {
        /// Nationality index (see [`Instance::nationality_name`]).
        nationality: usize,
    },
    /// The placement is full with candidates it ranks higher (after the
    /// lottery); `lowest_admitted` is the lowest-ranked candidate it kept.
    /// `None` only if the placement kept nobody, which a stable result rules out.
    Cutoff {
        /// Candidate index of the lowest-ranked candidate kept.
        lowest_admitted: Option<usize>,
    },
}

/// One explained choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Placement index of the choice not obtained.
    pub placement: usize,
    /// Why.
    pub reason: Reason,
}

/// For every candidate (by index), an explanation for each choice ranked
/// above the one obtained (every choice if unmatched), in preference order.
pub fn explain(instance: &Instance, allocation: &Allocation) -> Vec<Vec<Explanation>> {
    let lottery = Lottery::draw(instance.seed(), instance.candidate_count());
    let tables = RankTables::build(instance, &lottery);
    let assignment = allocation.assignment();
    let (count, worst) = placement_state(instance, &tables, assignment);
    let nat_full = full_nationalities(instance, assignment);
    (0..instance.candidate_count())
        .map(|c| {
            let mut out = Vec::new();
            let own = assignment.get(c).copied().flatten();
            for slot in instance.pref_start[c]..instance.pref_start[c + 1] {
                let p = instance.prefs[slot];
                if Some(p) == own {
                    break;
                }
                let p = p as usize;
                let rank = tables.choices[slot].rank;
                let reason = if instance.capacity(p) == 0 {
                    Reason::CapacityZero
                } else if rank == NOT_RANKED {
                    Reason::NotRanked
                } else {
                    let admits =
                        count[p] < instance.capacity(p) || worst[p].is_some_and(|(w, _)| rank < w);
                    match instance.nationality_of(c) {
                        Some(n) if admits && own.is_none() && nat_full[n] => {
                            Reason::NationalityCap { nationality: n }
                        }
                        _ => Reason::Cutoff {
                            lowest_admitted: worst[p].map(|(_, w)| w),
                        },
                    }
                };
                out.push(Explanation {
                    placement: p,
                    reason,
                });
            }
            out
        })
        .collect()
}

/// Per placement: number of holders and the strict rank and index of the worst one.
fn placement_state(
    instance: &Instance,
    tables: &RankTables,
    assignment: &[Option<u32>],
) -> (Vec<u64>, Vec<Option<(u32, usize)>>) {
    let m = instance.placement_count();
    let mut count = vec![0u64; m];
    let mut worst: Vec<Option<(u32, usize)>> = vec![None; m];
    for (c, a) in assignment.iter().enumerate() {
        let Some(p) = *a else { continue };
        let Some(slot) =
            (instance.pref_start[c]..instance.pref_start[c + 1]).find(|&s| instance.prefs[s] == p)
        else {
            continue;
        };
        let p = p as usize;
        if p >= m {
            continue;
        }
        count[p] += 1;
        let rank = tables.choices[slot].rank;
        if rank != NOT_RANKED && worst[p].is_none_or(|(w, _)| rank > w) {
            worst[p] = Some((rank, c));
        }
    }
    (count, worst)
}

fn full_nationalities(instance: &Instance, assignment: &[Option<u32>]) -> Vec<bool> {
    let mut matched = vec![0u64; instance.nationality_count()];
    for (c, a) in assignment.iter().enumerate() {
        if let (Some(_), Some(n)) = (a, instance.nationality_of(c)) {
            matched[n] += 1;
        }
    }
    (0..instance.nationality_count())
        .map(|n| instance.cap(n).is_some_and(|cap| matched[n] >= cap))
        .collect()
}
