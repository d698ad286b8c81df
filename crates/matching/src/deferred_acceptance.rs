//! Candidate-proposing deferred acceptance (Gale and Shapley 1962) with
//! capacities, on flat arrays.
//!
//! Each placement holds its tentatively accepted candidates in a binary
//! max-heap keyed by strict rank (worst on top), stored in one shared array.
//! A held entry carries where its candidate resumes proposing, so a displaced
//! candidate continues without touching any per-candidate array: a proposal
//! costs one sequential read, one placement record and at most one
//! O(log capacity) heap update, with no hashing or allocation.

use crate::instance::Instance;
use crate::tables::{RankTables, NOT_RANKED};

/// A candidate held by a placement, or waiting to propose.
#[derive(Debug, Clone, Copy, Default)]
struct Held {
    /// Strict rank at the holding placement (heap key).
    rank: u32,
    candidate: u32,
    /// Next preference slot to propose to, and the end of the candidate's list.
    next: u32,
    end: u32,
}

/// Per-placement heap bookkeeping, packed into one cache-friendly record.
#[derive(Debug, Clone, Copy)]
struct Seats {
    heap_start: u32,
    seats: u32,
    len: u32,
}

/// Reusable DA state (reset at the start of every run).
#[derive(Debug)]
pub(crate) struct DeferredAcceptance<'a> {
    instance: &'a Instance,
    tables: &'a RankTables,
    placements: Vec<Seats>,
    heap: Vec<Held>,
    free: Vec<Held>,
}

impl<'a> DeferredAcceptance<'a> {
    pub(crate) fn new(instance: &'a Instance, tables: &'a RankTables) -> Self {
        let mut total = 0u32;
        let placements = tables
            .seats
            .iter()
            .map(|&seats| {
                let record = Seats {
                    heap_start: total,
                    seats,
                    len: 0,
                };
                // Fits: seats never exceed ranking entries, validated < 2^32 in total.
                total += seats;
                record
            })
            .collect();
        DeferredAcceptance {
            instance,
            tables,
            placements,
            heap: vec![Held::default(); total as usize],
            free: Vec::with_capacity(instance.candidate_count()),
        }
    }

    /// Runs DA on the market without the candidates marked in `removed`;
    /// returns the number of proposals (applications to placements that rank
    /// the candidate).
    pub(crate) fn run(&mut self, removed: &[bool]) -> u64 {
        for p in &mut self.placements {
            p.len = 0;
        }
        self.free.clear();
        let starts = &self.instance.pref_start;
        let n = self.instance.candidate_count();
        self.free
            .extend((0..n).rev().filter(|&c| !removed[c]).map(|c| Held {
                rank: NOT_RANKED,
                candidate: c as u32,
                next: starts[c] as u32,
                end: starts[c + 1] as u32,
            }));
        let mut proposals = 0u64;
        while let Some(held) = self.free.pop() {
            proposals += self.propose_until_held(held);
        }
        proposals
    }

    /// A candidate proposes down its list until a placement holds it or the
    /// list ends. A displaced candidate goes back on the free stack.
    fn propose_until_held(&mut self, mut held: Held) -> u64 {
        let mut proposals = 0;
        while held.next < held.end {
            let choice = self.tables.choices[held.next as usize];
            held.next += 1;
            if choice.rank == NOT_RANKED {
                continue;
            }
            proposals += 1;
            held.rank = choice.rank;
            if let Some(displaced) = self.offer(choice.placement as usize, held) {
                if displaced.rank != NOT_RANKED {
                    self.free.push(displaced);
                }
                break;
            }
        }
        proposals
    }

    /// Offers `held` to placement `p`. Returns `None` if rejected; otherwise
    /// the displaced entry, or one with rank [`NOT_RANKED`] if a seat was free.
    fn offer(&mut self, p: usize, held: Held) -> Option<Held> {
        let record = &mut self.placements[p];
        let base = record.heap_start as usize;
        let heap = &mut self.heap[base..base + record.seats as usize];
        let len = record.len as usize;
        if len < heap.len() {
            record.len += 1;
            heap_push(&mut heap[..=len], held);
            return Some(Held {
                rank: NOT_RANKED,
                ..held
            });
        }
        match heap.first() {
            Some(&worst) if held.rank < worst.rank => {
                heap[0] = held;
                sift_down(heap);
                Some(worst)
            }
            _ => None,
        }
    }

    /// The matching found by the last run: placement index per candidate.
    pub(crate) fn assignment(&self) -> Vec<Option<u32>> {
        let mut out = vec![None; self.instance.candidate_count()];
        for (p, record) in self.placements.iter().enumerate() {
            let base = record.heap_start as usize;
            for held in &self.heap[base..base + record.len as usize] {
                out[held.candidate as usize] = Some(p as u32);
            }
        }
        out
    }
}

/// Pushes `value` as the last element of `heap` (whose last slot is free) and
/// restores the max-heap order on rank.
fn heap_push(heap: &mut [Held], value: Held) {
    let mut i = heap.len() - 1;
    while i > 0 {
        let parent = (i - 1) / 2;
        if heap[parent].rank >= value.rank {
            break;
        }
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = value;
}

/// Restores the max-heap order after the root was replaced.
fn sift_down(heap: &mut [Held]) {
    let len = heap.len();
    let value = heap[0];
    let mut i = 0;
    loop {
        let left = 2 * i + 1;
        if left >= len {
            break;
        }
        let right = left + 1;
        let child = if right < len && heap[right].rank > heap[left].rank {
            right
        } else {
            left
        };
        if heap[child].rank <= value.rank {
            break;
        }
        heap[i] = heap[child];
        i = child;
    }
    heap[i] = value;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(rank: u32) -> Held {
        Held {
            rank,
            ..Held::default()
        }
    }

    #[test]
    fn heap_keeps_the_worst_rank_on_top() {
        let mut heap = [Held::default(); 6];
        for (len, v) in [5, 1, 9, 3, 7, 2].into_iter().enumerate() {
            heap_push(&mut heap[..=len], held(v));
        }
        assert_eq!(heap[0].rank, 9);
        heap[0] = held(4);
        sift_down(&mut heap);
        assert_eq!(heap[0].rank, 7);
    }
}
