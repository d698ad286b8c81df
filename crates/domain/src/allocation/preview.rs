//! What the coordinator sees before publishing a round: fill per unit, how many got their
//! first, second, third… choice, nationalities against the caps, unfilled seats, and the
//! checker's verdict.

use super::outcome::RoundOutcome;
use super::round::{placement_key, Round};
use crate::unit::UnitCode;
use std::collections::{BTreeMap, HashMap};

/// One unit's seats in the round and how many are filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFill {
    /// The unit.
    pub unit: UnitCode,
    /// Seats offered in this round.
    pub seats: u32,
    /// Seats the round fills.
    pub filled: u32,
}

/// One nationality among those matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalityRow {
    /// ISO code, or empty when not given.
    pub nationality: String,
    /// Candidates of that nationality matched in this round.
    pub matched: u32,
    /// What the cap allowed in this round, if capped.
    pub cap: Option<u32>,
}

/// A round's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Candidates in the round.
    pub candidates: usize,
    /// Candidates matched.
    pub matched: usize,
    /// `by_choice[k]`: candidates matched to their choice number `k + 1`.
    pub by_choice: Vec<usize>,
    /// Per unit, by unit code.
    pub units: Vec<UnitFill>,
    /// Per nationality matched or capped, by code.
    pub nationalities: Vec<NationalityRow>,
    /// Seats in the round.
    pub seats: u32,
    /// Seats left empty.
    pub unfilled: u32,
    /// The checker found no violation.
    pub stable: bool,
}

/// The figures of `outcome`, the engine's result for `round`.
pub fn preview(round: &Round, outcome: &RoundOutcome) -> Preview {
    let unit_of: HashMap<String, &UnitCode> = round
        .placements
        .iter()
        .map(|p| (placement_key(p.id), &p.unit))
        .collect();
    let mut units: BTreeMap<&UnitCode, UnitFill> = BTreeMap::new();
    for p in &round.placements {
        let fill = units.entry(&p.unit).or_insert_with(|| UnitFill {
            unit: p.unit.clone(),
            seats: 0,
            filled: 0,
        });
        fill.seats += p.seats_left;
    }
    let mut nationalities: BTreeMap<String, NationalityRow> = round
        .caps_left
        .iter()
        .map(|(n, &cap)| {
            let row = NationalityRow {
                nationality: n.to_string(),
                matched: 0,
                cap: Some(cap),
            };
            (n.to_string(), row)
        })
        .collect();
    let mut by_choice = Vec::new();
    let mut matched = 0;
    for candidate in &round.candidates {
        let key = super::round::candidate_key(candidate.application_id);
        let Some(Some(got)) = outcome.assignment.get(&key) else {
            continue;
        };
        matched += 1;
        if let Some(k) = candidate
            .choices
            .iter()
            .position(|&p| placement_key(p) == *got)
        {
            if by_choice.len() <= k {
                by_choice.resize(k + 1, 0);
            }
            by_choice[k] += 1;
        }
        if let Some(fill) = unit_of.get(got).and_then(|u| units.get_mut(u)) {
            fill.filled += 1;
        }
        let code = candidate
            .nationality
            .map(|n| n.to_string())
            .unwrap_or_default();
        nationalities
            .entry(code.clone())
            .or_insert(NationalityRow {
                nationality: code,
                matched: 0,
                cap: None,
            })
            .matched += 1;
    }
    let seats: u32 = units.values().map(|u| u.seats).sum();
    let filled: u32 = units.values().map(|u| u.filled).sum();
    Preview {
        candidates: round.candidates.len(),
        matched,
        by_choice,
        units: units.into_values().collect(),
        nationalities: nationalities.into_values().collect(),
        seats,
        unfilled: seats.saturating_sub(filled),
        stable: outcome.stable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::{RoundCandidate, RoundPlacement};
    use crate::session::PlacementId;
    use crate::values::Nationality;

    #[test]
    fn figures_follow_the_engine_result() {
        let fr = Nationality::parse("FR").expect("valid");
        let cyber = UnitCode::parse("CYBER").expect("valid");
        let legal = UnitCode::parse("LEGAL").expect("valid");
        let candidate = |id, nationality, choices: &[i64]| RoundCandidate {
            application_id: id,
            nationality,
            choices: choices.iter().map(|&p| PlacementId(p)).collect(),
        };
        let round = Round {
            seed: 1,
            candidates: vec![
                candidate(1, Some(fr), &[1, 2]),
                candidate(2, Some(fr), &[1, 2]),
                candidate(3, None, &[2, 1]),
            ],
            placements: vec![
                RoundPlacement {
                    id: PlacementId(1),
                    unit: cyber.clone(),
                    seats_left: 2,
                    ranking: vec![vec![1], vec![2], vec![3]],
                },
                RoundPlacement {
                    id: PlacementId(2),
                    unit: legal.clone(),
                    seats_left: 1,
                    ranking: vec![vec![3, 1, 2]],
                },
            ],
            // one French intern at most: candidate 2 gives way
            caps_left: BTreeMap::from([(fr, 1)]),
        };
        let result = cohort_matching::solve_json(&round.to_json()).expect("valid");
        let outcome = RoundOutcome::from_json(&result).expect("valid");
        let p = preview(&round, &outcome);
        assert!(p.stable);
        assert_eq!((p.candidates, p.matched, p.seats, p.unfilled), (3, 2, 3, 1));
        assert_eq!(p.by_choice, vec![2], "1 and 3 got their first choice");
        assert_eq!(
            p.units,
            vec![
                UnitFill {
                    unit: cyber,
                    seats: 2,
                    filled: 1
                },
                UnitFill {
                    unit: legal,
                    seats: 1,
                    filled: 1
                },
            ]
        );
        assert_eq!(
            p.nationalities,
            vec![
                NationalityRow {
                    nationality: String::new(),
                    matched: 1,
                    cap: None
                },
                NationalityRow {
                    nationality: "FR".into(),
                    matched: 1,
                    cap: Some(1)
                },
            ]
        );
    }
}
