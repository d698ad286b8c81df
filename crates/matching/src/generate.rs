//! Random instances for tests, benchmarks and the `gen_instance` example.
//!
//! Built directly in the index-based form (no JSON, no per-entry strings
//! beyond the ids) so that a million-candidate instance stays small.

use crate::instance::{Instance, NO_NATIONALITY};
use crate::lottery::Xoshiro256;

/// Parameters of a random instance.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratorParams {
    /// Number of candidates (ids `c-0`, `c-1`, …).
    pub candidates: usize,
    /// Choices per candidate (at most `placements`).
    pub choices: usize,
    /// Number of placements (ids `p-0`, `p-1`, …).
    pub placements: usize,
    /// Seed of the generator, also written as the instance's lottery seed.
    pub seed: u64,
    /// Group placement rankings into tie groups of 1–3 candidates.
    pub ties: bool,
    /// Give candidates one of 8 nationalities, cap 4 of them at about 60%
    /// of their share of seats, and give half the candidates a priority.
    pub caps: bool,
}

/// Generates an instance: each candidate lists `choices` distinct placements
/// (popular placements more often), and each placement ranks, in random
/// order, exactly the candidates who list it. Capacities average about 90%
/// of candidates per placement, so some candidates stay unmatched.
pub fn random_instance(params: &GeneratorParams) -> Instance {
    let mut rng = Xoshiro256::from_seed(params.seed);
    let n = params.candidates;
    let m = params.placements.max(1);
    let k = params.choices.min(params.placements);
    let (pref_start, prefs) = random_preferences(&mut rng, n, m.min(params.placements), k);
    let (rank_start, rank_candidates, rank_group) =
        rankings(&mut rng, n, m, &pref_start, &prefs, params.ties);
    let avg = (n as u64 * 9 / 10 / m as u64).max(1);
    let capacity = (0..params.placements)
        .map(|_| 1 + rng.below(2 * avg))
        .collect();
    let (nationalities, nationality, caps, priority) = nationalities(&mut rng, n, params.caps);
    let rank_start = rank_start[..=params.placements].to_vec();
    Instance {
        seed: params.seed,
        candidate_ids: (0..n).map(|c| format!("c-{c}")).collect(),
        nationality,
        priority,
        pref_start,
        prefs,
        placement_ids: (0..params.placements).map(|p| format!("p-{p}")).collect(),
        capacity,
        rank_start,
        rank_candidates,
        rank_group,
        nationalities,
        caps,
    }
}

fn random_preferences(
    rng: &mut Xoshiro256,
    n: usize,
    m: usize,
    k: usize,
) -> (Vec<usize>, Vec<u32>) {
    let mut pref_start = Vec::with_capacity(n + 1);
    let mut prefs = Vec::with_capacity(n * k);
    for _ in 0..n {
        let from = prefs.len();
        pref_start.push(from);
        while prefs.len() - from < k {
            // Skewed towards low indices: popular placements attract more choices.
            let u = rng.unit_f64();
            let p = ((u * u * m as f64) as usize).min(m.saturating_sub(1)) as u32;
            if !prefs[from..].contains(&p) {
                prefs.push(p);
            }
        }
    }
    pref_start.push(prefs.len());
    (pref_start, prefs)
}

fn rankings(
    rng: &mut Xoshiro256,
    n: usize,
    m: usize,
    pref_start: &[usize],
    prefs: &[u32],
    ties: bool,
) -> (Vec<usize>, Vec<u32>, Vec<u32>) {
    let mut start = vec![0usize; m + 1];
    for &p in prefs {
        start[p as usize + 1] += 1;
    }
    for p in 0..m {
        start[p + 1] += start[p];
    }
    let mut fill = start.clone();
    let mut cands = vec![0u32; prefs.len()];
    for c in 0..n {
        for &p in &prefs[pref_start[c]..pref_start[c + 1]] {
            cands[fill[p as usize]] = c as u32;
            fill[p as usize] += 1;
        }
    }
    let mut groups = vec![0u32; prefs.len()];
    for p in 0..m {
        let slice = &mut cands[start[p]..start[p + 1]];
        for i in (1..slice.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            slice.swap(i, j);
        }
        let mut g = 0u32;
        let mut left_in_group = 0u64;
        for entry in &mut groups[start[p]..start[p + 1]] {
            if left_in_group == 0 {
                g += 1;
                left_in_group = if ties { 1 + rng.below(3) } else { 1 };
            }
            left_in_group -= 1;
            *entry = g - 1;
        }
    }
    (start, cands, groups)
}

type Nationalities = (Vec<String>, Vec<u32>, Vec<Option<u64>>, Vec<Option<f64>>);

fn nationalities(rng: &mut Xoshiro256, n: usize, caps: bool) -> Nationalities {
    if !caps {
        return (
            Vec::new(),
            vec![NO_NATIONALITY; n],
            Vec::new(),
            vec![None; n],
        );
    }
    let names: Vec<String> = ["FR", "DE", "PL", "IT", "ES", "NL", "SE", "PT"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut count = vec![0u64; names.len()];
    let mut nationality = Vec::with_capacity(n);
    let mut priority = Vec::with_capacity(n);
    for _ in 0..n {
        // Skewed: the first nationalities are the most common.
        let u = rng.unit_f64();
        let nat = ((u * u * names.len() as f64) as usize).min(names.len() - 1);
        count[nat] += 1;
        nationality.push(nat as u32);
        priority.push((rng.below(2) == 0).then(|| rng.below(100) as f64));
    }
    let caps = count
        .iter()
        .enumerate()
        .map(|(i, &c)| (i % 2 == 0).then_some(c * 6 / 10))
        .collect();
    (names, nationality, caps, priority)
}
