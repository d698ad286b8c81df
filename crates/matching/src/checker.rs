//! An independent checker, written from the definitions in the crate docs
//! rather than from the solver's data structures: it looks ranks up in the
//! instance's own rankings and the lottery, and reports every violation.

use std::cmp::Ordering;

use crate::caps::cap_priority_cmp;
use crate::instance::Instance;
use crate::lottery::Lottery;
use crate::solve::Allocation;

/// One way in which an allocation breaks the documented rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    /// The assignment does not have one entry per candidate.
    #[error("assignment has {found} entries for {expected} candidates")]
    WrongLength {
        /// Number of candidates.
        expected: usize,
        /// Number of entries.
        found: usize,
    },
    /// A candidate is assigned to a placement index that does not exist.
    #[error("candidate \"{candidate}\" is assigned to unknown placement index {placement}")]
    UnknownPlacement {
        /// Candidate id.
        candidate: String,
        /// The out-of-range index.
        placement: u32,
    },
    /// A candidate is matched to a placement that it does not list or that
    /// does not rank it.
    #[error("candidate \"{candidate}\" is matched to \"{placement}\", which is not acceptable")]
    NotAcceptable {
        /// Candidate id.
        candidate: String,
        /// Placement id.
        placement: String,
    },
    /// A placement holds more candidates than its capacity.
    #[error("placement \"{placement}\" holds {assigned} candidates for capacity {capacity}")]
    OverCapacity {
        /// Placement id.
        placement: String,
        /// Candidates assigned.
        assigned: u64,
        /// Its capacity.
        capacity: u64,
    },
    /// More candidates of a nationality are matched than its cap.
    #[error("nationality \"{nationality}\" has {matched} matched for cap {cap}")]
    OverCap {
        /// The nationality.
        nationality: String,
        /// Candidates of that nationality matched.
        matched: u64,
        /// Its cap.
        cap: u64,
    },
    /// A pair that blocks in the documented notion: the candidate prefers the
    /// placement, the placement would admit the candidate, and the cap
    /// exemption does not apply.
    #[error("candidate \"{candidate}\" and placement \"{placement}\" form a blocking pair")]
    BlockingPair {
        /// Candidate id.
        candidate: String,
        /// Placement id.
        placement: String,
    },
}

/// Checks `allocation` against `instance` and returns every violation found
/// (empty means the allocation satisfies the documented notion).
pub fn check(instance: &Instance, allocation: &Allocation) -> Vec<Violation> {
    let assignment = allocation.assignment();
    let n = instance.candidate_count();
    if assignment.len() != n {
        return vec![Violation::WrongLength {
            expected: n,
            found: assignment.len(),
        }];
    }
    let lottery = Lottery::draw(instance.seed(), n);
    let book = RankBook::new(instance);
    let mut violations = Vec::new();
    let holders = holders(instance, assignment, &mut violations);
    check_acceptability(instance, &book, &holders, &mut violations);
    check_capacities(instance, &holders, &mut violations);
    let nat = NationalityState::new(instance, &lottery, assignment, &mut violations);
    check_blocking(
        instance,
        &book,
        &lottery,
        &holders,
        &nat,
        assignment,
        &mut violations,
    );
    violations
}

/// Each placement's `(candidate, tie group)` entries sorted by candidate, for
/// binary-search lookups.
struct RankBook {
    entries: Vec<(u32, u32)>,
    start: Vec<usize>,
}

impl RankBook {
    fn new(instance: &Instance) -> Self {
        let mut entries = Vec::new();
        let mut start = vec![0];
        for p in 0..instance.placement_count() {
            let from = entries.len();
            entries.extend(instance.ranking(p));
            entries[from..].sort_unstable();
            start.push(entries.len());
        }
        RankBook { entries, start }
    }

    /// The tie group of candidate `c` in placement `p`'s ranking, if ranked.
    fn group(&self, p: usize, c: usize) -> Option<u32> {
        let slice = &self.entries[self.start[p]..self.start[p + 1]];
        let i = slice.binary_search_by_key(&(c as u32), |e| e.0).ok()?;
        Some(slice[i].1)
    }
}

fn holders(
    instance: &Instance,
    assignment: &[Option<u32>],
    violations: &mut Vec<Violation>,
) -> Vec<Vec<usize>> {
    let mut holders = vec![Vec::new(); instance.placement_count()];
    for (c, a) in assignment.iter().enumerate() {
        let Some(p) = *a else { continue };
        match holders.get_mut(p as usize) {
            Some(list) => list.push(c),
            None => violations.push(Violation::UnknownPlacement {
                candidate: instance.candidate_id(c).to_string(),
                placement: p,
            }),
        }
    }
    holders
}

fn check_acceptability(
    instance: &Instance,
    book: &RankBook,
    holders: &[Vec<usize>],
    violations: &mut Vec<Violation>,
) {
    for (p, list) in holders.iter().enumerate() {
        for &c in list {
            let listed = instance.preferences(c).contains(&(p as u32));
            if !listed || book.group(p, c).is_none() {
                violations.push(Violation::NotAcceptable {
                    candidate: instance.candidate_id(c).to_string(),
                    placement: instance.placement_id(p).to_string(),
                });
            }
        }
    }
}

fn check_capacities(instance: &Instance, holders: &[Vec<usize>], violations: &mut Vec<Violation>) {
    for (p, list) in holders.iter().enumerate() {
        if list.len() as u64 > instance.capacity(p) {
            violations.push(Violation::OverCapacity {
                placement: instance.placement_id(p).to_string(),
                assigned: list.len() as u64,
                capacity: instance.capacity(p),
            });
        }
    }
}

/// Matched counts per nationality and the weakest matched candidate (in cap
/// priority order) of each.
struct NationalityState {
    matched: Vec<u64>,
    weakest: Vec<Option<usize>>,
}

impl NationalityState {
    fn new(
        instance: &Instance,
        lottery: &Lottery,
        assignment: &[Option<u32>],
        violations: &mut Vec<Violation>,
    ) -> Self {
        let k = instance.nationality_count();
        let mut matched = vec![0u64; k];
        let mut weakest: Vec<Option<usize>> = vec![None; k];
        for (c, a) in assignment.iter().enumerate() {
            let (Some(_), Some(n)) = (a, instance.nationality_of(c)) else {
                continue;
            };
            matched[n] += 1;
            let weaker = match weakest[n] {
                None => true,
                Some(w) => cap_priority_cmp(instance, lottery, c, w) == Ordering::Greater,
            };
            if weaker {
                weakest[n] = Some(c);
            }
        }
        for (n, &count) in matched.iter().enumerate() {
            match instance.cap(n) {
                Some(cap) if count > cap => violations.push(Violation::OverCap {
                    nationality: instance.nationality_name(n).to_string(),
                    matched: count,
                    cap,
                }),
                _ => {}
            }
        }
        NationalityState { matched, weakest }
    }

    /// Whether a blocking pair of unmatched candidate `c` is exempt: its
    /// nationality's cap is full and every matched compatriot comes before it
    /// in cap priority.
    fn exempt(&self, instance: &Instance, lottery: &Lottery, c: usize) -> bool {
        let Some(n) = instance.nationality_of(c) else {
            return false;
        };
        let Some(cap) = instance.cap(n) else {
            return false;
        };
        if self.matched[n] < cap {
            return false;
        }
        match self.weakest[n] {
            None => true,
            Some(w) => cap_priority_cmp(instance, lottery, w, c) == Ordering::Less,
        }
    }
}

fn check_blocking(
    instance: &Instance,
    book: &RankBook,
    lottery: &Lottery,
    holders: &[Vec<usize>],
    nat: &NationalityState,
    assignment: &[Option<u32>],
    violations: &mut Vec<Violation>,
) {
    // Placement p's order after the lottery: (tie group, lottery position), lower first.
    let key = |p: usize, c: usize| book.group(p, c).map(|g| (g, lottery.position(c)));
    let worst: Vec<Option<(u32, u32)>> = holders
        .iter()
        .enumerate()
        .map(|(p, list)| list.iter().filter_map(|&c| key(p, c)).max())
        .collect();
    for (c, a) in assignment.iter().enumerate() {
        let exempt = a.is_none() && nat.exempt(instance, lottery, c);
        for &p in instance.preferences(c) {
            let p = p as usize;
            if Some(p as u32) == *a {
                break;
            }
            let Some(k) = key(p, c) else { continue };
            let free_seat = (holders[p].len() as u64) < instance.capacity(p);
            let displaces = worst[p].is_some_and(|w| k < w);
            if (free_seat || displaces) && !exempt {
                violations.push(Violation::BlockingPair {
                    candidate: instance.candidate_id(c).to_string(),
                    placement: instance.placement_id(p).to_string(),
                });
            }
        }
    }
}
