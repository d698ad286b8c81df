//! Property tests: the checker accepts every result, capacities and caps hold,
//! output is reproducible, and on small instances brute force confirms that
//! the result is the candidate-optimal stable matching (no caps) or meets the
//! documented cap-stability notion (caps) — and that the checker's verdict on
//! *every* matching agrees with a brute-force reading of that notion.

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on unexpected values"
)]

use std::cmp::Ordering;

use cohort_matching::generate::{random_instance, GeneratorParams};
use cohort_matching::lottery::{Lottery, Xoshiro256};
use cohort_matching::{
    check, solve, solve_json_with, Allocation, CandidateEntry, Instance, InstanceDocument, Millis,
    NationalityCaps, PlacementEntry, RankEntry,
};
use proptest::prelude::*;

/// A small random instance: ≤ 7 candidates, ≤ 4 placements; rankings may
/// omit candidates who list the placement and include some who do not.
fn small_document(seed: u64, ties: bool, caps: bool) -> InstanceDocument {
    let mut rng = Xoshiro256::from_seed(seed);
    let n = 1 + rng.below(7) as usize;
    let m = 1 + rng.below(4) as usize;
    let mut candidates = Vec::new();
    for c in 0..n {
        let mut prefs: Vec<String> = (0..m)
            .filter(|_| rng.below(4) != 0)
            .map(|p| format!("p{p}"))
            .collect();
        shuffle(&mut rng, &mut prefs);
        let nationality = caps.then(|| ["A", "B", "C"][rng.below(3) as usize].to_string());
        let priority = (caps && rng.below(2) == 0).then(|| rng.below(3) as f64);
        candidates.push(CandidateEntry {
            id: format!("c{c}"),
            nationality,
            priority,
            preferences: prefs,
        });
    }
    let mut placements = Vec::new();
    for p in 0..m {
        let mut ranked: Vec<String> = (0..n)
            .filter(|_| rng.below(5) != 0)
            .map(|c| format!("c{c}"))
            .collect();
        shuffle(&mut rng, &mut ranked);
        let mut ranking = Vec::new();
        let mut i = 0;
        while i < ranked.len() {
            let size = if ties { 1 + rng.below(3) as usize } else { 1 };
            let group: Vec<String> = ranked[i..(i + size).min(ranked.len())].to_vec();
            i += size;
            ranking.push(if group.len() == 1 {
                RankEntry::One(group[0].clone())
            } else {
                RankEntry::Tie(group)
            });
        }
        placements.push(PlacementEntry {
            id: format!("p{p}"),
            capacity: rng.below(4).into(),
            ranking,
        });
    }
    let caps = if caps {
        let mut list = Vec::new();
        for n in ["A", "B"] {
            if rng.below(3) != 0 {
                list.push((n.to_string(), rng.below(3).into()));
            }
        }
        NationalityCaps(list)
    } else {
        NationalityCaps::default()
    };
    InstanceDocument {
        seed: rng.next_u64(),
        candidates,
        placements,
        nationality_caps: caps,
    }
}

fn shuffle<T>(rng: &mut Xoshiro256, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        v.swap(i, j);
    }
}

/// Brute-force view of an instance, written from the definitions.
struct Oracle<'a> {
    inst: &'a Instance,
    lottery: Lottery,
}

impl Oracle<'_> {
    /// Placement p's key for c after the lottery (lower is better), if ranked.
    fn key(&self, p: usize, c: usize) -> Option<(u32, u32)> {
        self.inst
            .ranking(p)
            .find(|&(x, _)| x as usize == c)
            .map(|(_, g)| (g, self.lottery.position(c)))
    }

    fn acceptable(&self, c: usize, p: usize) -> bool {
        self.inst.preferences(c).contains(&(p as u32)) && self.key(p, c).is_some()
    }

    /// Position of p in c's list (lower is better); unmatched is worst.
    fn pref_pos(&self, c: usize, p: Option<usize>) -> usize {
        match p {
            Some(p) => self
                .inst
                .preferences(c)
                .iter()
                .position(|&x| x as usize == p)
                .unwrap_or(usize::MAX),
            None => usize::MAX - 1,
        }
    }

    fn all_matchings(&self) -> Vec<Vec<Option<usize>>> {
        let mut out = Vec::new();
        let mut load = vec![0u64; self.inst.placement_count()];
        self.extend(&mut Vec::new(), &mut load, &mut out);
        out
    }

    fn extend(
        &self,
        partial: &mut Vec<Option<usize>>,
        load: &mut [u64],
        out: &mut Vec<Vec<Option<usize>>>,
    ) {
        let c = partial.len();
        if c == self.inst.candidate_count() {
            out.push(partial.clone());
            return;
        }
        partial.push(None);
        self.extend(partial, load, out);
        partial.pop();
        for p in 0..self.inst.placement_count() {
            if self.acceptable(c, p) && load[p] < self.inst.capacity(p) {
                load[p] += 1;
                partial.push(Some(p));
                self.extend(partial, load, out);
                partial.pop();
                load[p] -= 1;
            }
        }
    }

    /// Blocking pairs of matching `mu` in the plain (no caps) sense.
    fn blocking_pairs(&self, mu: &[Option<usize>]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for c in 0..mu.len() {
            for p in 0..self.inst.placement_count() {
                if !self.acceptable(c, p) || self.pref_pos(c, Some(p)) >= self.pref_pos(c, mu[c]) {
                    continue;
                }
                let holders: Vec<usize> = (0..mu.len()).filter(|&d| mu[d] == Some(p)).collect();
                let free = (holders.len() as u64) < self.inst.capacity(p);
                let kc = self.key(p, c);
                let displaces = holders.iter().any(|&d| kc < self.key(p, d));
                if free || displaces {
                    out.push((c, p));
                }
            }
        }
        out
    }

    fn cap_before(&self, a: usize, b: usize) -> bool {
        let by_priority = match (self.inst.priority(a), self.inst.priority(b)) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_priority.then(self.lottery.position(a).cmp(&self.lottery.position(b))) == Ordering::Less
    }

    /// The documented cap-stability notion, by brute force.
    fn cap_stable(&self, mu: &[Option<usize>]) -> bool {
        let nat = |c: usize| self.inst.nationality_of(c);
        let matched_of = |n: usize| {
            (0..mu.len())
                .filter(|&d| mu[d].is_some() && nat(d) == Some(n))
                .collect::<Vec<_>>()
        };
        for n in 0..self.inst.nationality_count() {
            if self
                .inst
                .cap(n)
                .is_some_and(|cap| matched_of(n).len() as u64 > cap)
            {
                return false;
            }
        }
        self.blocking_pairs(mu).into_iter().all(|(c, _)| {
            let Some(n) = nat(c) else { return false };
            let Some(cap) = self.inst.cap(n) else {
                return false;
            };
            let matched = matched_of(n);
            mu[c].is_none()
                && matched.len() as u64 == cap
                && matched.iter().all(|&d| self.cap_before(d, c))
        })
    }
}

fn as_usize(allocation: &Allocation) -> Vec<Option<usize>> {
    allocation
        .assignment()
        .iter()
        .map(|a| a.map(|p| p as usize))
        .collect()
}

fn as_allocation(mu: &[Option<usize>]) -> Allocation {
    Allocation::from_assignment(mu.iter().map(|a| a.map(|p| p as u32)).collect())
}

fn check_candidate_optimal(doc: &InstanceDocument) {
    let inst = Instance::from_document(doc).unwrap();
    let oracle = Oracle {
        inst: &inst,
        lottery: Lottery::draw(inst.seed(), inst.candidate_count()),
    };
    let ours = as_usize(&solve(&inst));
    let stable: Vec<Vec<Option<usize>>> = oracle
        .all_matchings()
        .into_iter()
        .filter(|mu| oracle.blocking_pairs(mu).is_empty())
        .collect();
    let optimal = stable.iter().find(|mu| {
        stable.iter().all(|other| {
            (0..mu.len()).all(|c| oracle.pref_pos(c, mu[c]) <= oracle.pref_pos(c, other[c]))
        })
    });
    assert_eq!(
        Some(&ours),
        optimal,
        "instance: {}",
        serde_json::to_string(doc).unwrap()
    );
}

fn check_caps_notion(doc: &InstanceDocument) {
    let inst = Instance::from_document(doc).unwrap();
    let oracle = Oracle {
        inst: &inst,
        lottery: Lottery::draw(inst.seed(), inst.candidate_count()),
    };
    let ours = as_usize(&solve(&inst));
    let json = serde_json::to_string(doc).unwrap();
    assert!(
        oracle.cap_stable(&ours),
        "result not cap-stable: {ours:?}\ninstance: {json}"
    );
    for mu in oracle.all_matchings() {
        let verdict = check(&inst, &as_allocation(&mu)).is_empty();
        assert_eq!(
            verdict,
            oracle.cap_stable(&mu),
            "checker disagrees on {mu:?}\ninstance: {json}"
        );
    }
}

fn generated(seed: u64, n: usize, ties: bool, caps: bool) -> Instance {
    random_instance(&GeneratorParams {
        candidates: n,
        choices: 4,
        placements: (n / 8).max(2),
        seed,
        ties,
        caps,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn small_strict_instances_give_the_candidate_optimal_stable_matching(seed in any::<u64>()) {
        check_candidate_optimal(&small_document(seed, false, false));
    }

    #[test]
    fn small_instances_with_ties_give_the_candidate_optimal_stable_matching_after_the_lottery(seed in any::<u64>()) {
        check_candidate_optimal(&small_document(seed, true, false));
    }

    #[test]
    fn small_instances_with_caps_meet_the_notion_and_the_checker_agrees_with_brute_force(
        seed in any::<u64>(), ties in any::<bool>()
    ) {
        check_caps_notion(&small_document(seed, ties, true));
    }

    #[test]
    fn every_result_passes_the_checker_and_respects_capacities_and_caps(
        seed in any::<u64>(), n in 1usize..400, ties in any::<bool>(), caps in any::<bool>()
    ) {
        let inst = generated(seed, n, ties, caps);
        let allocation = solve(&inst);
        prop_assert_eq!(check(&inst, &allocation), vec![]);
        let mut load = vec![0u64; inst.placement_count()];
        let mut per_nat = vec![0u64; inst.nationality_count()];
        for c in 0..inst.candidate_count() {
            if let Some(p) = allocation.placement_of(c) {
                load[p] += 1;
                if let Some(k) = inst.nationality_of(c) { per_nat[k] += 1; }
            }
        }
        for (p, &l) in load.iter().enumerate() { prop_assert!(l <= inst.capacity(p)); }
        for (k, &count) in per_nat.iter().enumerate() {
            prop_assert!(inst.cap(k).is_none_or(|cap| count <= cap));
        }
    }

    #[test]
    fn same_seed_gives_byte_identical_output_and_json_round_trips(
        seed in any::<u64>(), n in 1usize..200, ties in any::<bool>(), caps in any::<bool>()
    ) {
        let inst = generated(seed, n, ties, caps);
        let json = serde_json::to_string(&InstanceDocument::from(&inst)).unwrap();
        let reparsed = Instance::from_json(&json).unwrap();
        prop_assert_eq!(solve(&reparsed), solve(&inst));
        let a = solve_json_with(&json, Millis::Fixed(1.5)).unwrap();
        let b = solve_json_with(&json, Millis::Fixed(1.5)).unwrap();
        prop_assert_eq!(a, b);
    }
}
