//! A session's sent applications held in memory for screening: filters, facet counts and
//! full-text search answer from here, not from SQL, so that a list over 100,000
//! applications stays fast. The list is rebuilt when any application changes (the store's
//! applications revision moves).

use cohort_domain::application::ApplicationStatus;
use cohort_domain::profile::RawProfile;
use cohort_domain::session::SessionId;
use cohort_search::TextIndex;
use cohort_store::{ScreeningRow, Store, StoreError};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// One application with what filtering needs, parsed once.
#[derive(Debug)]
pub struct Entry {
    /// As stored.
    pub row: ScreeningRow,
    /// The profile as submitted.
    pub profile: RawProfile,
    /// The units of its choices, in choice order (a unit may repeat).
    pub units: Vec<String>,
}

impl Entry {
    /// "Given Family", or empty.
    pub fn name(&self) -> String {
        let parts = [&self.profile.given_names, &self.profile.family_name];
        parts
            .iter()
            .filter_map(|p| p.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn education(&self) -> (Option<&str>, Option<&str>) {
        self.profile
            .education
            .as_ref()
            .map_or((None, None), |e| (e.level.as_deref(), e.field.as_deref()))
    }
}

/// A session's list, as of one revision.
#[derive(Debug)]
pub struct ScreeningList {
    revision: i64,
    /// Every sent application, by id.
    pub entries: Vec<Entry>,
    text: TextIndex,
}

/// The lists built so far, by session.
pub type ScreeningCache = Arc<Mutex<HashMap<i64, Arc<ScreeningList>>>>;

/// The session's list, rebuilt when an application changed since it was built.
pub async fn current(
    store: &Store,
    cache: &ScreeningCache,
    unit_of: impl Fn(i64) -> Option<String>,
    session: SessionId,
) -> Result<Arc<ScreeningList>, StoreError> {
    let revision = store.applications_revision().await?;
    let cached = cache
        .lock()
        .map(|c| c.get(&session.0).cloned())
        .unwrap_or_default();
    if let Some(list) = cached.filter(|l| l.revision == revision) {
        return Ok(list);
    }
    let rows = store.screening_rows(session).await?;
    let entries: Vec<Entry> = rows
        .into_iter()
        .map(|row| Entry {
            profile: row
                .profile
                .as_deref()
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default(),
            units: row.choices.iter().filter_map(|p| unit_of(p.0)).collect(),
            row,
        })
        .collect();
    let text = TextIndex::build(
        entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i as u32, e.row.motivation.as_str())),
    );
    let list = Arc::new(ScreeningList {
        revision,
        entries,
        text,
    });
    if let Ok(mut cache) = cache.lock() {
        cache.insert(session.0, list.clone());
    }
    Ok(list)
}

/// What a list is narrowed to; `None` filters nothing.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Status.
    pub status: Option<ApplicationStatus>,
    /// A unit among the choices.
    pub unit: Option<String>,
    /// A placement among the choices.
    pub placement: Option<i64>,
    /// One of the nationalities (ISO code).
    pub nationality: Option<String>,
    /// A language (ISO 639-1), at least at a CEFR level when given.
    pub language: Option<(String, Option<String>)>,
    /// Education level.
    pub level: Option<String>,
    /// Field of study.
    pub field: Option<String>,
    /// Met the rules at submission.
    pub eligible: Option<bool>,
    /// Words of the motivation.
    pub text: Option<String>,
}

/// The facets counted beside the filters.
pub const FACETS: [&str; 7] = [
    "status",
    "unit",
    "nationality",
    "language",
    "level",
    "field",
    "eligible",
];

fn cefr_rank(level: &str) -> usize {
    ["A1", "A2", "B1", "B2", "C1", "C2"]
        .iter()
        .position(|l| l.eq_ignore_ascii_case(level))
        .map_or(0, |i| i + 1)
}

impl Filter {
    /// Whether `entry` passes every filter but `skip` (a facet counts with the others).
    fn passes(&self, entry: &Entry, skip: Option<&str>) -> bool {
        let (level, field) = entry.education();
        let on = |facet: &str| skip != Some(facet);
        (!on("status") || self.status.is_none_or(|s| entry.row.status == s))
            && (!on("unit") || self.unit.as_ref().is_none_or(|u| entry.units.contains(u)))
            && self
                .placement
                .is_none_or(|p| entry.row.choices.iter().any(|c| c.0 == p))
            && (!on("nationality")
                || self.nationality.as_ref().is_none_or(|n| {
                    entry
                        .profile
                        .nationalities
                        .iter()
                        .any(|m| m.eq_ignore_ascii_case(n))
                }))
            && (!on("language")
                || self.language.as_ref().is_none_or(|(code, at_least)| {
                    entry.profile.languages.iter().any(|l| {
                        l.language.eq_ignore_ascii_case(code)
                            && at_least
                                .as_ref()
                                .is_none_or(|min| cefr_rank(&l.level) >= cefr_rank(min))
                    })
                }))
            && (!on("level")
                || self
                    .level
                    .as_ref()
                    .is_none_or(|l| level == Some(l.as_str())))
            && (!on("field")
                || self
                    .field
                    .as_ref()
                    .is_none_or(|f| field == Some(f.as_str())))
            && (!on("eligible") || self.eligible.is_none_or(|e| entry.row.eligible == e))
    }
}

fn facet_values(entry: &Entry, facet: &str) -> Vec<String> {
    let (level, field) = entry.education();
    let mut values: Vec<String> = match facet {
        "status" => vec![entry.row.status.as_str().to_owned()],
        "unit" => entry.units.clone(),
        "nationality" => entry
            .profile
            .nationalities
            .iter()
            .map(|n| n.to_uppercase())
            .collect(),
        "language" => entry
            .profile
            .languages
            .iter()
            .map(|l| l.language.to_lowercase())
            .collect(),
        "level" => level.map(str::to_owned).into_iter().collect(),
        "field" => field.map(str::to_owned).into_iter().collect(),
        "eligible" => vec![if entry.row.eligible { "yes" } else { "no" }.to_owned()],
        _ => Vec::new(),
    };
    values.sort();
    values.dedup();
    values
}

/// A page of results with the facet counts.
#[derive(Debug)]
pub struct Results<'a> {
    /// How many match.
    pub total: usize,
    /// This page's entries.
    pub page: Vec<&'a Entry>,
    /// Facet → value → count among the entries matching every other filter.
    pub facets: BTreeMap<&'static str, BTreeMap<String, usize>>,
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most recently sent first.
    #[default]
    Newest,
    /// First sent first.
    Oldest,
    /// By id.
    Id,
}

/// Filters `list` within `scope` (entries a reviewer may see; all for `None`), sorts,
/// and cuts page `page` (from 1) of `per_page`. `facets` lists the facets to count.
pub fn query<'a>(
    list: &'a ScreeningList,
    scope: Option<&[String]>,
    filter: &Filter,
    facets: &[&'static str],
    sort: Sort,
    page: usize,
    per_page: usize,
) -> Results<'a> {
    let texts = filter.text.as_deref().and_then(|q| list.text.matching(q));
    let in_scope = |e: &Entry| scope.is_none_or(|units| e.units.iter().any(|u| units.contains(u)));
    let candidates: Vec<&Entry> = match &texts {
        Some(ids) => ids.iter().map(|&i| &list.entries[i as usize]).collect(),
        None => list.entries.iter().collect(),
    };
    let candidates: Vec<&Entry> = candidates.into_iter().filter(|e| in_scope(e)).collect();
    let mut counts = BTreeMap::new();
    for &facet in facets {
        let mut values: BTreeMap<String, usize> = BTreeMap::new();
        for entry in candidates.iter().filter(|e| filter.passes(e, Some(facet))) {
            for value in facet_values(entry, facet) {
                *values.entry(value).or_default() += 1;
            }
        }
        counts.insert(facet, values);
    }
    let mut matching: Vec<&Entry> = candidates
        .into_iter()
        .filter(|e| filter.passes(e, None))
        .collect();
    match sort {
        Sort::Newest => matching.sort_by_key(|e| (std::cmp::Reverse(e.row.submitted_at), e.row.id)),
        Sort::Oldest => matching.sort_by_key(|e| (e.row.submitted_at, e.row.id)),
        Sort::Id => matching.sort_by_key(|e| e.row.id),
    }
    let total = matching.len();
    let start = page.saturating_sub(1).saturating_mul(per_page).min(total);
    let page = matching[start..(start + per_page).min(total)].to_vec();
    Results {
        total,
        page,
        facets: counts,
    }
}
