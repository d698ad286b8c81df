//! The validated, index-based instance the engine works on.
//!
//! Candidates and placements are numbered by their position in the input
//! (`0..candidate_count()`, `0..placement_count()`). Lists are stored flat
//! (one array plus offsets) so that a million candidates cost a handful of
//! allocations. An [`Instance`] can only be obtained through validation
//! ([`Instance::from_json`], [`Instance::from_document`]) or the generator, so
//! every index in it is in range and no list repeats an entry.

use crate::error::InstanceError;
use crate::format::InstanceDocument;

/// Marker for "no nationality" in the per-candidate nationality table.
pub(crate) const NO_NATIONALITY: u32 = u32::MAX;

/// A validated allocation instance (see the crate docs for the model).
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    pub(crate) seed: u64,
    pub(crate) candidate_ids: Vec<String>,
    /// Index into `nationalities`, or [`NO_NATIONALITY`].
    pub(crate) nationality: Vec<u32>,
    pub(crate) priority: Vec<Option<f64>>,
    /// `prefs[pref_start[c]..pref_start[c + 1]]` are candidate `c`'s choices, best first.
    pub(crate) pref_start: Vec<usize>,
    pub(crate) prefs: Vec<u32>,
    pub(crate) placement_ids: Vec<String>,
    pub(crate) capacity: Vec<u64>,
    /// `rank_candidates[rank_start[p]..rank_start[p + 1]]` is placement `p`'s ranking, best first.
    pub(crate) rank_start: Vec<usize>,
    pub(crate) rank_candidates: Vec<u32>,
    /// Tie-group number of each ranking entry: equal numbers are tied, and
    /// numbers increase along a ranking.
    pub(crate) rank_group: Vec<u32>,
    pub(crate) nationalities: Vec<String>,
    pub(crate) caps: Vec<Option<u64>>,
}

impl Instance {
    /// Parses and validates an instance in the JSON exchange format.
    ///
    /// Errors name the JSON path and the id of the first wrong entry, or the
    /// line and column of malformed JSON.
    pub fn from_json(input: &str) -> Result<Self, InstanceError> {
        InstanceDocument::from_json(input)?.validate()
    }

    /// Validates an already deserialized (or programmatically built) document.
    pub fn from_document(document: &InstanceDocument) -> Result<Self, InstanceError> {
        document.validate()
    }

    /// The lottery seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Number of candidates.
    pub fn candidate_count(&self) -> usize {
        self.candidate_ids.len()
    }

    /// Number of placements.
    pub fn placement_count(&self) -> usize {
        self.placement_ids.len()
    }

    /// The id of candidate `c`.
    pub fn candidate_id(&self, c: usize) -> &str {
        &self.candidate_ids[c]
    }

    /// The id of placement `p`.
    pub fn placement_id(&self, p: usize) -> &str {
        &self.placement_ids[p]
    }

    /// Candidate `c`'s choices (placement indices), most wanted first.
    pub fn preferences(&self, c: usize) -> &[u32] {
        &self.prefs[self.pref_start[c]..self.pref_start[c + 1]]
    }

    /// Placement `p`'s capacity.
    pub fn capacity(&self, p: usize) -> u64 {
        self.capacity[p]
    }

    /// Placement `p`'s ranking as `(candidate index, tie group)` pairs, best
    /// first; entries with the same tie group are tied.
    pub fn ranking(&self, p: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
        let range = self.rank_start[p]..self.rank_start[p + 1];
        self.rank_candidates[range.clone()]
            .iter()
            .copied()
            .zip(self.rank_group[range].iter().copied())
    }

    /// The nationality index of candidate `c`, if it has one.
    pub fn nationality_of(&self, c: usize) -> Option<usize> {
        let n = self.nationality[c];
        (n != NO_NATIONALITY).then_some(n as usize)
    }

    /// The name of nationality index `n`.
    pub fn nationality_name(&self, n: usize) -> &str {
        &self.nationalities[n]
    }

    /// Number of distinct nationalities (of candidates or caps).
    pub fn nationality_count(&self) -> usize {
        self.nationalities.len()
    }

    /// The cap of nationality index `n`, if it is capped.
    pub fn cap(&self, n: usize) -> Option<u64> {
        self.caps[n]
    }

    /// Whether any nationality is capped.
    pub fn has_caps(&self) -> bool {
        self.caps.iter().any(Option::is_some)
    }

    /// Candidate `c`'s programme-wide priority (higher first), if given.
    pub fn priority(&self, c: usize) -> Option<f64> {
        self.priority[c]
    }

    /// Whether any placement ranking contains a tie group of two or more.
    pub fn has_ties(&self) -> bool {
        (0..self.placement_count()).any(|p| {
            let groups = &self.rank_group[self.rank_start[p]..self.rank_start[p + 1]];
            groups.windows(2).any(|w| w[0] == w[1])
        })
    }

    /// Total number of seats (sum of capacities, saturating).
    pub fn seats(&self) -> u64 {
        self.capacity.iter().fold(0u64, |a, &b| a.saturating_add(b))
    }
}
