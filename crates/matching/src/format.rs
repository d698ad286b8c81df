//! The JSON exchange format (`shared/formats/allocation-instance.md`) as serde
//! types, and their validation into an [`Instance`].
//!
//! Unknown fields are rejected (`deny_unknown_fields`): a misspelt
//! `nationality_caps` must not silently drop the caps. `seed` defaults to 0,
//! `nationality` and `priority` are optional; `preferences`, `ranking` and
//! `capacity` are required.

// ids are short strings looked up millions of times: a fast non-cryptographic hash (the
// ids come from the instance's author, who gains nothing by colliding them)
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::error::{InstanceError, Problem};
use crate::instance::{Instance, NO_NATIONALITY};

/// An instance document exactly as written in JSON, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstanceDocument {
    /// Seed of the lottery that breaks ties (and cap priority without `priority`).
    #[serde(default)]
    pub seed: u64,
    /// The candidates, in the order used for output.
    pub candidates: Vec<CandidateEntry>,
    /// The placements.
    pub placements: Vec<PlacementEntry>,
    /// Caps per nationality, in document order (absolute counts).
    #[serde(default, skip_serializing_if = "NationalityCaps::is_empty")]
    pub nationality_caps: NationalityCaps,
}

/// One candidate as written in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateEntry {
    /// Non-empty id, unique among candidates.
    pub id: String,
    /// Nationality (optional); caps apply per nationality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// Programme-wide priority, higher first, used when a nationality cap binds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<f64>,
    /// Placement ids, most wanted first, no repeats.
    pub preferences: Vec<String>,
}

/// One placement as written in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementEntry {
    /// Non-empty id, unique among placements.
    pub id: String,
    /// Number of seats; validated to be an integer >= 0.
    pub capacity: serde_json::Number,
    /// The placement's order over candidates, best first.
    pub ranking: Vec<RankEntry>,
}

/// A ranking entry: one candidate id, or a tie group of ids.
#[derive(Debug, Clone, PartialEq)]
pub enum RankEntry {
    /// A single candidate id.
    One(String),
    /// Candidates tied with each other, broken by the seeded lottery.
    Tie(Vec<String>),
}

/// `nationality_caps` as a list of `(nationality, cap)` in document order,
/// keeping duplicates so that validation can report them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NationalityCaps(pub Vec<(String, serde_json::Number)>);

impl NationalityCaps {
    /// Whether there are no caps.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl InstanceDocument {
    /// Deserializes a document; malformed JSON gives line and column.
    pub fn from_json(input: &str) -> Result<Self, InstanceError> {
        serde_json::from_str(input).map_err(|e| InstanceError::from_json_error(&e))
    }

    /// Checks every rule of the format and builds the index-based [`Instance`].
    pub fn validate(&self) -> Result<Instance, InstanceError> {
        check_size(self.candidates.len(), "candidates")?;
        check_size(self.placements.len(), "placements")?;
        let placement_index = index_ids(self.placements.iter().map(|p| &p.id), "placements")?;
        let candidate_index = index_ids(self.candidates.iter().map(|c| &c.id), "candidates")?;
        let mut nat = Nationalities::default();
        let nationality = self.candidate_nationalities(&mut nat)?;
        let caps = self.caps(&mut nat)?;
        let capacity = self.capacities()?;
        let (pref_start, prefs) = self.preference_table(&placement_index)?;
        let rankings = self.ranking_table(&candidate_index)?;
        Ok(Instance {
            seed: self.seed,
            candidate_ids: self.candidates.iter().map(|c| c.id.clone()).collect(),
            nationality,
            priority: self.candidates.iter().map(|c| c.priority).collect(),
            pref_start,
            prefs,
            placement_ids: self.placements.iter().map(|p| p.id.clone()).collect(),
            capacity,
            rank_start: rankings.start,
            rank_candidates: rankings.candidates,
            rank_group: rankings.groups,
            nationalities: nat.names,
            caps,
        })
    }

    fn candidate_nationalities(&self, nat: &mut Nationalities) -> Result<Vec<u32>, InstanceError> {
        let mut out = Vec::with_capacity(self.candidates.len());
        for (i, c) in self.candidates.iter().enumerate() {
            out.push(match &c.nationality {
                None => NO_NATIONALITY,
                Some(n) if n.is_empty() => {
                    let path = format!("candidates[{i}].nationality");
                    return Err(InstanceError::invalid(path, Problem::EmptyNationality));
                }
                Some(n) => nat.intern(n),
            });
        }
        Ok(out)
    }

    fn caps(&self, nat: &mut Nationalities) -> Result<Vec<Option<u64>>, InstanceError> {
        let mut caps: Vec<Option<u64>> = vec![None; nat.names.len()];
        for (name, value) in &self.nationality_caps.0 {
            let path = format!("nationality_caps[{name:?}]");
            if name.is_empty() {
                return Err(InstanceError::invalid(path, Problem::EmptyNationality));
            }
            let n = nat.intern(name) as usize;
            caps.resize(nat.names.len(), None);
            if caps[n].is_some() {
                return Err(InstanceError::invalid(
                    path,
                    Problem::DuplicateCap(name.clone()),
                ));
            }
            let Some(cap) = value.as_u64() else {
                let problem = Problem::BadCap {
                    nationality: name.clone(),
                    value: value.to_string(),
                };
                return Err(InstanceError::invalid(path, problem));
            };
            caps[n] = Some(cap);
        }
        Ok(caps)
    }

    fn capacities(&self) -> Result<Vec<u64>, InstanceError> {
        let mut out = Vec::with_capacity(self.placements.len());
        for (i, p) in self.placements.iter().enumerate() {
            let Some(cap) = p.capacity.as_u64() else {
                let problem = Problem::BadCapacity {
                    placement: p.id.clone(),
                    value: p.capacity.to_string(),
                };
                return Err(InstanceError::invalid(
                    format!("placements[{i}].capacity"),
                    problem,
                ));
            };
            out.push(cap);
        }
        Ok(out)
    }

    fn preference_table(
        &self,
        placement_index: &HashMap<&str, u32>,
    ) -> Result<(Vec<usize>, Vec<u32>), InstanceError> {
        let total: usize = self.candidates.iter().map(|c| c.preferences.len()).sum();
        check_size(total, "preference entries")?;
        let mut start = Vec::with_capacity(self.candidates.len() + 1);
        let mut prefs = Vec::with_capacity(total);
        // last_seen[p] == c + 1 when candidate c already listed p: O(1) repeat check.
        let mut last_seen = vec![0u32; self.placements.len()];
        for (ci, c) in self.candidates.iter().enumerate() {
            start.push(prefs.len());
            for (k, id) in c.preferences.iter().enumerate() {
                let path = || format!("candidates[{ci}].preferences[{k}]");
                let Some(&p) = placement_index.get(id.as_str()) else {
                    return Err(InstanceError::invalid(
                        path(),
                        Problem::UnknownPlacement(id.clone()),
                    ));
                };
                if last_seen[p as usize] == ci as u32 + 1 {
                    let problem = Problem::RepeatedPreference {
                        candidate: c.id.clone(),
                        placement: id.clone(),
                    };
                    return Err(InstanceError::invalid(path(), problem));
                }
                last_seen[p as usize] = ci as u32 + 1;
                prefs.push(p);
            }
        }
        start.push(prefs.len());
        Ok((start, prefs))
    }

    fn ranking_table(
        &self,
        candidate_index: &HashMap<&str, u32>,
    ) -> Result<RankingTable, InstanceError> {
        let mut table = RankingTable {
            start: Vec::with_capacity(self.placements.len() + 1),
            candidates: Vec::new(),
            groups: Vec::new(),
            last_seen: vec![0u32; self.candidates.len()],
        };
        for (pi, p) in self.placements.iter().enumerate() {
            table.start.push(table.candidates.len());
            for (k, entry) in p.ranking.iter().enumerate() {
                let group = k as u32;
                match entry {
                    RankEntry::One(id) => {
                        let path = || format!("placements[{pi}].ranking[{k}]");
                        table.push(candidate_index, pi, &p.id, id, group, path)?;
                    }
                    RankEntry::Tie(ids) if ids.is_empty() => {
                        let path = format!("placements[{pi}].ranking[{k}]");
                        return Err(InstanceError::invalid(
                            path,
                            Problem::EmptyTieGroup(p.id.clone()),
                        ));
                    }
                    RankEntry::Tie(ids) => {
                        for (j, id) in ids.iter().enumerate() {
                            let path = || format!("placements[{pi}].ranking[{k}][{j}]");
                            table.push(candidate_index, pi, &p.id, id, group, path)?;
                        }
                    }
                }
            }
        }
        check_size(table.candidates.len(), "ranking entries")?;
        table.start.push(table.candidates.len());
        Ok(table)
    }
}

struct RankingTable {
    start: Vec<usize>,
    candidates: Vec<u32>,
    groups: Vec<u32>,
    /// last_seen[c] == p + 1 when placement p already ranked c.
    last_seen: Vec<u32>,
}

impl RankingTable {
    fn push(
        &mut self,
        candidate_index: &HashMap<&str, u32>,
        pi: usize,
        placement_id: &str,
        id: &str,
        group: u32,
        // built only on error: a million format! calls cost more than the whole matching
        path: impl FnOnce() -> String,
    ) -> Result<(), InstanceError> {
        let Some(&c) = candidate_index.get(id) else {
            return Err(InstanceError::invalid(
                path(),
                Problem::UnknownCandidate(id.to_string()),
            ));
        };
        if self.last_seen[c as usize] == pi as u32 + 1 {
            let problem = Problem::RepeatedInRanking {
                placement: placement_id.to_string(),
                candidate: id.to_string(),
            };
            return Err(InstanceError::invalid(path(), problem));
        }
        self.last_seen[c as usize] = pi as u32 + 1;
        self.candidates.push(c);
        self.groups.push(group);
        Ok(())
    }
}

#[derive(Default)]
struct Nationalities {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Nationalities {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.index.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), n);
        n
    }
}

fn check_size(len: usize, what: &'static str) -> Result<(), InstanceError> {
    if len >= u32::MAX as usize {
        return Err(InstanceError::invalid("$", Problem::TooLarge(what)));
    }
    Ok(())
}

fn index_ids<'a>(
    ids: impl Iterator<Item = &'a String>,
    list: &'static str,
) -> Result<HashMap<&'a str, u32>, InstanceError> {
    let mut index = HashMap::default();
    for (i, id) in ids.enumerate() {
        let path = || format!("{list}[{i}].id");
        if id.is_empty() {
            return Err(InstanceError::invalid(path(), Problem::EmptyId));
        }
        if index.insert(id.as_str(), i as u32).is_some() {
            let problem = if list == "candidates" {
                Problem::DuplicateCandidate(id.clone())
            } else {
                Problem::DuplicatePlacement(id.clone())
            };
            return Err(InstanceError::invalid(path(), problem));
        }
    }
    Ok(index)
}

impl From<&Instance> for InstanceDocument {
    fn from(instance: &Instance) -> Self {
        let candidates = (0..instance.candidate_count())
            .map(|c| CandidateEntry {
                id: instance.candidate_id(c).to_string(),
                nationality: instance
                    .nationality_of(c)
                    .map(|n| instance.nationality_name(n).to_string()),
                priority: instance.priority(c),
                preferences: instance
                    .preferences(c)
                    .iter()
                    .map(|&p| instance.placement_id(p as usize).to_string())
                    .collect(),
            })
            .collect();
        let placements = (0..instance.placement_count())
            .map(|p| PlacementEntry {
                id: instance.placement_id(p).to_string(),
                capacity: instance.capacity(p).into(),
                ranking: ranking_entries(instance, p),
            })
            .collect();
        let caps = (0..instance.nationality_count())
            .filter_map(|n| {
                Some((
                    instance.nationality_name(n).to_string(),
                    instance.cap(n)?.into(),
                ))
            })
            .collect();
        InstanceDocument {
            seed: instance.seed(),
            candidates,
            placements,
            nationality_caps: NationalityCaps(caps),
        }
    }
}

fn ranking_entries(instance: &Instance, p: usize) -> Vec<RankEntry> {
    let mut out: Vec<RankEntry> = Vec::new();
    let mut current: Option<u32> = None;
    let mut group: Vec<String> = Vec::new();
    let flush = |group: &mut Vec<String>, out: &mut Vec<RankEntry>| match group.len() {
        0 => {}
        1 => out.extend(group.drain(..).map(RankEntry::One)),
        _ => out.push(RankEntry::Tie(std::mem::take(group))),
    };
    for (c, g) in instance.ranking(p) {
        if current != Some(g) {
            flush(&mut group, &mut out);
            current = Some(g);
        }
        group.push(instance.candidate_id(c as usize).to_string());
    }
    flush(&mut group, &mut out);
    out
}

impl Serialize for RankEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RankEntry::One(id) => serializer.serialize_str(id),
            RankEntry::Tie(ids) => ids.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for RankEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = RankEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a candidate id or an array of candidate ids (a tie group)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RankEntry, E> {
                Ok(RankEntry::One(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RankEntry, E> {
                Ok(RankEntry::One(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RankEntry, A::Error> {
                let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(RankEntry::Tie(ids))
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

impl Serialize for NationalityCaps {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, cap) in &self.0 {
            map.serialize_entry(name, cap)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for NationalityCaps {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CapsVisitor;
        impl<'de> Visitor<'de> for CapsVisitor {
            type Value = NationalityCaps;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object mapping nationalities to caps")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NationalityCaps, A::Error> {
                let mut caps = Vec::new();
                while let Some(entry) = map.next_entry::<String, serde_json::Number>()? {
                    caps.push(entry);
                }
                Ok(NationalityCaps(caps))
            }
        }
        deserializer.deserialize_map(CapsVisitor)
    }
}
