//! The result document (the "Result" section of the exchange format).
//!
//! Maps are written in **input order** (candidates as they appear in the
//! instance), not sorted by id, so that a result reads side by side with its
//! instance. Only `stats.millis` depends on the run; everything else is a pure
//! function of the instance, so with a fixed `millis` the output is
//! byte-for-byte reproducible.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::checker::{check, Violation};
use crate::explain::{explain, Explanation, Reason};
use crate::instance::Instance;
use crate::solve::Allocation;

/// A complete result, ready to serialize: the allocation, the checker's
/// verdict and the explanations.
#[derive(Debug)]
pub struct Report<'a> {
    instance: &'a Instance,
    allocation: &'a Allocation,
    violations: Vec<Violation>,
    explanations: Vec<Vec<Explanation>>,
    millis: f64,
}

impl<'a> Report<'a> {
    /// Checks and explains `allocation`; `millis` is recorded as `stats.millis`
    /// (rounded to microseconds).
    pub fn new(instance: &'a Instance, allocation: &'a Allocation, millis: f64) -> Self {
        Report {
            instance,
            allocation,
            violations: check(instance, allocation),
            explanations: explain(instance, allocation),
            millis: (millis * 1000.0).round() / 1000.0,
        }
    }

    /// The checker's verdict (`stable` in the JSON).
    pub fn stable(&self) -> bool {
        self.violations.is_empty()
    }

    /// Every violation the checker found.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Explanations per candidate index.
    pub fn explanations(&self) -> &[Vec<Explanation>] {
        &self.explanations
    }

    /// The result as pretty-printed JSON (no trailing newline).
    pub fn to_json(&self) -> String {
        // Serializing plain strings, numbers and maps into a String cannot fail.
        // compact: a 100,000-candidate result is tens of megabytes; `jq .` pretty-prints it
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let inst = self.instance;
        let mut doc = serializer.serialize_struct("Result", 6)?;
        doc.serialize_field("assignment", &Assignment(self))?;
        let unmatched: Vec<&str> = (0..inst.candidate_count())
            .filter(|&c| self.allocation.placement_of(c).is_none())
            .map(|c| inst.candidate_id(c))
            .collect();
        doc.serialize_field("unmatched", &unmatched)?;
        doc.serialize_field("seed", &inst.seed())?;
        doc.serialize_field("stable", &self.stable())?;
        doc.serialize_field("explanations", &Explanations(self))?;
        doc.serialize_field("stats", &Stats(self))?;
        doc.end()
    }
}

struct Assignment<'r, 'a>(&'r Report<'a>);

impl Serialize for Assignment<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let inst = self.0.instance;
        let mut map = serializer.serialize_map(Some(inst.candidate_count()))?;
        for c in 0..inst.candidate_count() {
            let placement = self
                .0
                .allocation
                .placement_of(c)
                .filter(|&p| p < inst.placement_count())
                .map(|p| inst.placement_id(p));
            map.serialize_entry(inst.candidate_id(c), &placement)?;
        }
        map.end()
    }
}

struct Explanations<'r, 'a>(&'r Report<'a>);

impl Serialize for Explanations<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let inst = self.0.instance;
        let mut map = serializer.serialize_map(None)?;
        for (c, list) in self.0.explanations.iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            let entries: Vec<Entry> = list.iter().map(|e| Entry(inst, e)).collect();
            map.serialize_entry(inst.candidate_id(c), &entries)?;
        }
        map.end()
    }
}

struct Entry<'a>(&'a Instance, &'a Explanation);

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Entry(inst, e) = self;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("placement", inst.placement_id(e.placement))?;
        match &e.reason {
            Reason::CapacityZero => map.serialize_entry("reason", "capacity_zero")?,
            Reason::NotRanked => map.serialize_entry("reason", "not_ranked")?,
            Reason::NationalityCap { nationality } => {
                map.serialize_entry("reason", "nationality_cap")?;
                map.serialize_entry("nationality", inst.nationality_name(*nationality))?;
            }
            Reason::Cutoff { lowest_admitted } => {
                map.serialize_entry("reason", "cutoff")?;
                let id = lowest_admitted.map(|c| inst.candidate_id(c));
                map.serialize_entry("lowest_admitted", &id)?;
            }
        }
        map.end()
    }
}

struct Stats<'r, 'a>(&'r Report<'a>);

impl Serialize for Stats<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut s = serializer.serialize_struct("Stats", 6)?;
        s.serialize_field("candidates", &r.instance.candidate_count())?;
        s.serialize_field("placements", &r.instance.placement_count())?;
        s.serialize_field("seats", &r.instance.seats())?;
        s.serialize_field("matched", &r.allocation.matched())?;
        s.serialize_field("proposals", &r.allocation.proposals())?;
        s.serialize_field("millis", &r.millis)?;
        s.end()
    }
}
