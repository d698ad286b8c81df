//! Filtering, counting and paging a [`ScreeningList`]: every facet value is a number, so
//! that a pass over 100,000 applications compares integers.

use super::{Entry, ScreeningList};
use cohort_domain::application::ApplicationStatus;
use std::collections::BTreeMap;

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
    /// Words of the motivation or of the CV's text.
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

/// The hidden column of language levels met (not counted, not shown).
const LANGUAGE_AT_LEAST: &str = "language_at_least";

/// Every column of a list: the facets, then the hidden one.
pub const COLUMNS: [&str; 8] = [
    "status",
    "unit",
    "nationality",
    "language",
    "level",
    "field",
    "eligible",
    LANGUAGE_AT_LEAST,
];

const CEFR: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// How many CEFR levels `level` meets: a native speaker meets them all.
fn cefr_rank(level: &str) -> usize {
    if level.eq_ignore_ascii_case("native") {
        return CEFR.len();
    }
    CEFR.iter()
        .position(|l| l.eq_ignore_ascii_case(level))
        .map_or(0, |i| i + 1)
}

pub(super) fn facet_values(entry: &Entry, facet: &str) -> Vec<String> {
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
        // hidden: every "language:level" the entry meets or exceeds, so that "at least B2"
        // is one lookup
        LANGUAGE_AT_LEAST => entry
            .profile
            .languages
            .iter()
            .flat_map(|l| {
                let code = l.language.to_lowercase();
                CEFR[..cefr_rank(&l.level)]
                    .iter()
                    .map(move |level| format!("{code}:{level}"))
            })
            .collect(),
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

impl Filter {
    /// The wanted value of each facet filter that is set, as (facet position, value).
    fn facet_wants(&self) -> Vec<(usize, String)> {
        let position = |facet: &str| FACETS.iter().position(|f| *f == facet).unwrap_or(0);
        let mut wants = Vec::new();
        if let Some(s) = self.status {
            wants.push((position("status"), s.as_str().to_owned()));
        }
        if let Some(u) = &self.unit {
            wants.push((position("unit"), u.clone()));
        }
        if let Some(n) = &self.nationality {
            wants.push((position("nationality"), n.to_uppercase()));
        }
        match &self.language {
            Some((code, Some(level))) => wants.push((
                COLUMNS.len() - 1,
                format!("{}:{}", code.to_lowercase(), level.to_uppercase()),
            )),
            Some((code, None)) => wants.push((position("language"), code.to_lowercase())),
            None => {}
        }
        if let Some(l) = &self.level {
            wants.push((position("level"), l.clone()));
        }
        if let Some(f) = &self.field {
            wants.push((position("field"), f.clone()));
        }
        if let Some(e) = self.eligible {
            wants.push((
                position("eligible"),
                if e { "yes" } else { "no" }.to_owned(),
            ));
        }
        wants
    }

    /// The filter that is not a column: a placement.
    fn passes_others(&self, entry: &Entry) -> bool {
        self.placement
            .is_none_or(|p| entry.row.choices.iter().any(|c| c.0 == p))
    }
}

/// Filters `list` within `scope` (entries a reviewer may see; all for `None`), sorts,
/// and cuts page `page` (from 1) of `per_page`. `facets` lists the facets to count, each
/// among the entries that pass every other filter.
pub fn query<'a>(
    list: &'a ScreeningList,
    scope: Option<&[String]>,
    filter: &Filter,
    facets: &[&'static str],
    sort: Sort,
    page: usize,
    per_page: usize,
) -> Results<'a> {
    let unit_column = FACETS.iter().position(|f| *f == "unit").unwrap_or(0);
    let scope_numbers: Option<Vec<u32>> = scope.map(|units| {
        units
            .iter()
            .filter_map(|u| list.columns[unit_column].numbers.get(u).copied())
            .collect()
    });
    // each set facet filter as (column, wanted number); an unknown value matches nothing
    let wants: Vec<(usize, Option<u32>)> = filter
        .facet_wants()
        .into_iter()
        .map(|(column, value)| (column, list.columns[column].numbers.get(&value).copied()))
        .collect();
    let texts = filter.text.as_deref().and_then(|q| list.text.matching(q));
    let order: Box<dyn Iterator<Item = u32> + '_> = match (&texts, sort) {
        (Some(ids), _) => {
            let mut ids = ids.clone();
            ids.sort_by_key(|&i| {
                let row = &list.entries[i as usize].row;
                (std::cmp::Reverse(row.submitted_at), row.id)
            });
            match sort {
                Sort::Oldest => ids.reverse(),
                Sort::Id => ids.sort_by_key(|&i| list.entries[i as usize].row.id),
                Sort::Newest => {}
            }
            Box::new(ids.into_iter())
        }
        (None, Sort::Id) => Box::new(list.by_id_order.iter().copied()),
        (None, Sort::Newest) => Box::new(list.newest.iter().copied()),
        (None, Sort::Oldest) => Box::new(list.newest.iter().rev().copied()),
    };
    let counted: Vec<usize> = facets
        .iter()
        .filter_map(|f| FACETS.iter().position(|x| x == f))
        .collect();
    let mut counts: Vec<Vec<usize>> = counted
        .iter()
        .map(|&c| vec![0; list.columns[c].values.len()])
        .collect();
    let start = page.saturating_sub(1).saturating_mul(per_page);
    let needs_entry = filter.placement.is_some();
    let (mut total, mut page_entries) = (0usize, Vec::new());
    for i in order {
        let index = i as usize;
        if let Some(numbers) = &scope_numbers {
            let units = list.columns[unit_column].of_entry(index);
            if !units.iter().any(|u| numbers.contains(u)) {
                continue;
            }
        }
        // the entry itself is read only when a filter needs it, or for the page
        if needs_entry && !filter.passes_others(&list.entries[index]) {
            continue;
        }
        // which facet filters this entry fails, as a bit set over `wants`
        let mut failed = 0u32;
        for (bit, (column, wanted)) in wants.iter().enumerate() {
            let has = wanted.is_some_and(|w| list.columns[*column].of_entry(index).contains(&w));
            if !has {
                failed |= 1 << bit;
            }
        }
        for (k, &column) in counted.iter().enumerate() {
            // counted when it passes every filter but this facet's own
            // a facet's own filter does not narrow its counts (the language facet owns the
            // hidden level column too)
            let language = FACETS.iter().position(|f| *f == "language");
            let own = wants
                .iter()
                .enumerate()
                .filter(|(_, (c, _))| {
                    *c == column || (Some(column) == language && *c == COLUMNS.len() - 1)
                })
                .fold(0u32, |bits, (bit, _)| bits | (1 << bit));
            if failed & !own == 0 {
                for &value in list.columns[column].of_entry(index) {
                    counts[k][value as usize] += 1;
                }
            }
        }
        if failed == 0 {
            if total >= start && page_entries.len() < per_page {
                page_entries.push(list.entries[index].as_ref());
            }
            total += 1;
        }
    }
    let facets_out = counted
        .iter()
        .zip(counts)
        .map(|(&column, numbers)| {
            let values: BTreeMap<String, usize> = numbers
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(value, n)| (list.columns[column].values[value].clone(), n))
                .collect();
            (FACETS[column], values)
        })
        .collect();
    Results {
        total,
        page: page_entries,
        facets: facets_out,
    }
}
