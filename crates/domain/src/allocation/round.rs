//! A round's instance for the engine, in the exchange format: candidates are the
//! applications still waiting (`a-<id>`), placements are the session's placements
//! (`p-<id>`) with the seats no offer holds, rankings are the frozen ones restricted to
//! the waiting candidates, caps are what accepted and pending offers leave.

use crate::session::PlacementId;
use crate::unit::UnitCode;
use crate::values::Nationality;
use cohort_matching::{
    CandidateEntry, InstanceDocument, NationalityCaps, PlacementEntry, RankEntry,
};
use std::collections::{BTreeMap, HashSet};

/// A candidate still waiting for an offer.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundCandidate {
    /// The application.
    pub application_id: i64,
    /// The nationality as submitted (caps apply to it).
    pub nationality: Option<Nationality>,
    /// The candidate's choices, most wanted first.
    pub choices: Vec<PlacementId>,
}

/// A placement in a round.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundPlacement {
    /// The placement.
    pub id: PlacementId,
    /// Its host unit.
    pub unit: UnitCode,
    /// Seats that no accepted or pending offer holds.
    pub seats_left: u32,
    /// The frozen ranking: tie groups of application ids, best first.
    pub ranking: Vec<Vec<i64>>,
}

/// Everything the engine is given for one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Seed of the lottery that breaks ties (recorded with the run).
    pub seed: u64,
    /// The candidates still waiting.
    pub candidates: Vec<RoundCandidate>,
    /// Every placement of the session.
    pub placements: Vec<RoundPlacement>,
    /// What each nationality may still take.
    pub caps_left: BTreeMap<Nationality, u32>,
}

/// The id of an application in an instance.
pub fn candidate_key(application_id: i64) -> String {
    format!("a-{application_id}")
}

/// The id of a placement in an instance.
pub fn placement_key(id: PlacementId) -> String {
    format!("p-{}", id.0)
}

/// The application behind an instance's candidate id.
pub fn application_of(key: &str) -> Option<i64> {
    key.strip_prefix("a-")?.parse().ok()
}

/// The placement behind an instance's placement id.
pub fn placement_of(key: &str) -> Option<PlacementId> {
    key.strip_prefix("p-")?.parse().ok().map(PlacementId)
}

impl Round {
    /// The instance document; ids that the rankings or choices name but that are not in
    /// the round (an application that already holds an offer, a placement of another
    /// session) are left out, so the document is always valid.
    pub fn instance(&self) -> InstanceDocument {
        let waiting: HashSet<i64> = self.candidates.iter().map(|c| c.application_id).collect();
        let placements: HashSet<PlacementId> = self.placements.iter().map(|p| p.id).collect();
        let candidates = self
            .candidates
            .iter()
            .map(|c| {
                let mut seen = HashSet::new();
                CandidateEntry {
                    id: candidate_key(c.application_id),
                    nationality: c.nationality.map(|n| n.to_string()),
                    priority: None,
                    preferences: c
                        .choices
                        .iter()
                        .filter(|p| placements.contains(p) && seen.insert(**p))
                        .map(|&p| placement_key(p))
                        .collect(),
                }
            })
            .collect();
        let placements = self
            .placements
            .iter()
            .map(|p| PlacementEntry {
                id: placement_key(p.id),
                capacity: p.seats_left.into(),
                ranking: p
                    .ranking
                    .iter()
                    .filter_map(|group| {
                        let mut ids: Vec<String> = group
                            .iter()
                            .filter(|a| waiting.contains(a))
                            .map(|&a| candidate_key(a))
                            .collect();
                        match ids.len() {
                            0 => None,
                            1 => ids.pop().map(RankEntry::One),
                            _ => Some(RankEntry::Tie(ids)),
                        }
                    })
                    .collect(),
            })
            .collect();
        InstanceDocument {
            seed: self.seed,
            candidates,
            placements,
            nationality_caps: NationalityCaps(
                self.caps_left
                    .iter()
                    .map(|(n, &count)| (n.to_string(), count.into()))
                    .collect(),
            ),
        }
    }

    /// The round back from a stored instance (for the preview of a stored run);
    /// `None` when an id is not one this module writes or a placement is unknown.
    pub fn from_instance(
        doc: &InstanceDocument,
        unit_of: impl Fn(PlacementId) -> Option<UnitCode>,
    ) -> Option<Round> {
        let candidates = doc
            .candidates
            .iter()
            .map(|c| {
                Some(RoundCandidate {
                    application_id: application_of(&c.id)?,
                    nationality: match &c.nationality {
                        Some(n) => Some(Nationality::parse(n).ok()?),
                        None => None,
                    },
                    choices: c
                        .preferences
                        .iter()
                        .map(|p| placement_of(p))
                        .collect::<Option<_>>()?,
                })
            })
            .collect::<Option<_>>()?;
        let placements = doc
            .placements
            .iter()
            .map(|p| {
                let id = placement_of(&p.id)?;
                let ranking = p
                    .ranking
                    .iter()
                    .map(|entry| match entry {
                        RankEntry::One(a) => Some(vec![application_of(a)?]),
                        RankEntry::Tie(group) => group.iter().map(|a| application_of(a)).collect(),
                    })
                    .collect::<Option<_>>()?;
                Some(RoundPlacement {
                    id,
                    unit: unit_of(id)?,
                    seats_left: u32::try_from(p.capacity.as_u64()?).ok()?,
                    ranking,
                })
            })
            .collect::<Option<_>>()?;
        let caps_left = doc
            .nationality_caps
            .0
            .iter()
            .map(|(n, count)| {
                Some((
                    Nationality::parse(n).ok()?,
                    u32::try_from(count.as_u64()?).ok()?,
                ))
            })
            .collect::<Option<_>>()?;
        Some(Round {
            seed: doc.seed,
            candidates,
            placements,
            caps_left,
        })
    }

    /// The instance as the JSON stored with the run and given to the engine.
    pub fn to_json(&self) -> String {
        // plain strings and numbers: serializing cannot fail
        serde_json::to_string_pretty(&self.instance()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round() -> Round {
        let fr = Nationality::parse("FR").expect("valid");
        Round {
            seed: 7,
            candidates: vec![
                RoundCandidate {
                    application_id: 1,
                    nationality: Some(fr),
                    choices: vec![PlacementId(10), PlacementId(99), PlacementId(11)],
                },
                RoundCandidate {
                    application_id: 2,
                    nationality: None,
                    choices: vec![PlacementId(10)],
                },
            ],
            placements: vec![
                RoundPlacement {
                    id: PlacementId(10),
                    unit: UnitCode::parse("CYBER").expect("valid"),
                    seats_left: 1,
                    // 3 holds an offer already: not in the round
                    ranking: vec![vec![3], vec![1, 2]],
                },
                RoundPlacement {
                    id: PlacementId(11),
                    unit: UnitCode::parse("LEGAL").expect("valid"),
                    seats_left: 0,
                    ranking: vec![vec![1, 3]],
                },
            ],
            caps_left: BTreeMap::from([(fr, 1)]),
        }
    }

    #[test]
    fn the_instance_is_valid_and_names_only_what_is_in_the_round() {
        let doc = round().instance();
        let json = serde_json::to_string(&doc).expect("valid");
        assert_eq!(
            json,
            r#"{"seed":7,"candidates":[{"id":"a-1","nationality":"FR","preferences":["p-10","p-11"]},{"id":"a-2","preferences":["p-10"]}],"placements":[{"id":"p-10","capacity":1,"ranking":[["a-1","a-2"]]},{"id":"p-11","capacity":0,"ranking":["a-1"]}],"nationality_caps":{"FR":1}}"#
        );
        assert!(doc.validate().is_ok());
        let units =
            |p: PlacementId| UnitCode::parse(if p.0 == 10 { "CYBER" } else { "LEGAL" }).ok();
        let back = Round::from_instance(&doc, units).expect("valid");
        assert_eq!(
            back.instance(),
            doc,
            "a stored instance reads back into the same round"
        );
        assert_eq!(
            back.candidates[0].choices,
            vec![PlacementId(10), PlacementId(11)]
        );
    }

    #[test]
    fn keys_round_trip() {
        assert_eq!(application_of(&candidate_key(42)), Some(42));
        assert_eq!(
            placement_of(&placement_key(PlacementId(7))),
            Some(PlacementId(7))
        );
        assert_eq!(application_of("p-1"), None);
        assert_eq!(placement_of("p-x"), None);
    }
}
