//! Rank tables: for every preference entry of every candidate, the placement
//! and the candidate's strict rank there after the lottery.
//!
//! Built once per solve in O(total list length) with flat arrays and no
//! hashing, so that a proposal reads one 8-byte entry, next to the previous one.

use crate::instance::Instance;
use crate::lottery::Lottery;

/// Rank of a candidate at a placement that does not rank them.
pub(crate) const NOT_RANKED: u32 = u32::MAX;

/// One preference entry: the placement and the candidate's strict rank there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Choice {
    pub(crate) placement: u32,
    /// Strict rank (0 = best) after the lottery, or [`NOT_RANKED`].
    pub(crate) rank: u32,
}

/// Flat rank tables for one instance and lottery.
#[derive(Debug)]
pub(crate) struct RankTables {
    /// Parallel to `Instance::prefs`.
    pub(crate) choices: Vec<Choice>,
    /// Seats that can actually be filled: min(capacity, ranking length).
    pub(crate) seats: Vec<u32>,
}

impl RankTables {
    /// Builds the tables; ties are broken by ascending lottery position.
    pub(crate) fn build(instance: &Instance, lottery: &Lottery) -> Self {
        let choices = ranks_per_slot(instance, lottery);
        let seats = (0..instance.placement_count())
            .map(|p| {
                let ranked = (instance.rank_start[p + 1] - instance.rank_start[p]) as u64;
                instance.capacity[p].min(ranked) as u32
            })
            .collect();
        RankTables { choices, seats }
    }
}

fn ranks_per_slot(instance: &Instance, lottery: &Lottery) -> Vec<Choice> {
    let n = instance.candidate_count();
    // Until its rank is known, a choice's `rank` field holds its owner candidate.
    let mut choices = Vec::with_capacity(instance.prefs.len());
    for c in 0..n {
        let own = &instance.prefs[instance.pref_start[c]..instance.pref_start[c + 1]];
        choices.extend(own.iter().map(|&placement| Choice {
            placement,
            rank: c as u32,
        }));
    }
    let (rev_start, rev) = reverse_index(instance);
    let mut mark = vec![NOT_RANKED; n];
    let mut tie: Vec<u32> = Vec::new();
    for p in 0..instance.placement_count() {
        let from = instance.rank_start[p];
        let to = instance.rank_start[p + 1];
        mark_strict_ranks(instance, lottery, from, to, &mut mark, &mut tie);
        for &slot in &rev[rev_start[p] as usize..rev_start[p + 1] as usize] {
            let choice = &mut choices[slot as usize];
            choice.rank = mark[choice.rank as usize];
        }
        for &c in &instance.rank_candidates[from..to] {
            mark[c as usize] = NOT_RANKED;
        }
    }
    choices
}

/// Sets `mark[c]` to the strict rank of every candidate in the ranking
/// entries `from..to`; a tie group is ordered by lottery position.
fn mark_strict_ranks(
    instance: &Instance,
    lottery: &Lottery,
    from: usize,
    to: usize,
    mark: &mut [u32],
    tie: &mut Vec<u32>,
) {
    let groups = &instance.rank_group;
    let cands = &instance.rank_candidates;
    let mut i = from;
    while i < to {
        let mut j = i + 1;
        while j < to && groups[j] == groups[i] {
            j += 1;
        }
        if j - i == 1 {
            mark[cands[i] as usize] = (i - from) as u32;
        } else {
            tie.clear();
            tie.extend_from_slice(&cands[i..j]);
            tie.sort_unstable_by_key(|&c| lottery.position(c as usize));
            for (k, &c) in tie.iter().enumerate() {
                mark[c as usize] = (i - from + k) as u32;
            }
        }
        i = j;
    }
}

/// For each placement, the preference slots that name it (a counting sort
/// of the preference entries by placement). Offsets fit in u32: the number of
/// entries is validated to be below 2^32.
fn reverse_index(instance: &Instance) -> (Vec<u32>, Vec<u32>) {
    let m = instance.placement_count();
    let mut rev_start = vec![0u32; m + 1];
    for &p in &instance.prefs {
        rev_start[p as usize + 1] += 1;
    }
    for p in 0..m {
        rev_start[p + 1] += rev_start[p];
    }
    let mut fill = rev_start.clone();
    let mut rev = vec![0u32; instance.prefs.len()];
    for (slot, &p) in instance.prefs.iter().enumerate() {
        rev[fill[p as usize] as usize] = slot as u32;
        fill[p as usize] += 1;
    }
    (rev_start, rev)
}
