//! A session's sent applications held in memory for screening: filters, facet counts and
//! full-text search (over motivations and the text of CVs) answer from here, not from
//! SQL, so that a list over 100,000 applications stays fast. When applications change (the store's applications revision
//! moves), only the changed ones are read again and patched into a copy of the list; a
//! large change, or an application gone (a deleted account), rebuilds it whole.

mod query;

use query::facet_values;
use query::COLUMNS;
pub use query::{query, Filter, Sort, FACETS};

use cohort_domain::profile::RawProfile;
use cohort_domain::session::SessionId;
use cohort_search::TextIndex;
use cohort_store::{ScreeningRow, Store, StoreError};
use std::collections::HashMap;
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

/// A session's list, as of one revision. Cheap to copy: entries are shared.
#[derive(Debug, Clone)]
pub struct ScreeningList {
    /// The store's applications revision it reflects.
    revision: (i64, i64, i64),
    /// Every sent application, in the order they came into the list.
    pub entries: Vec<Arc<Entry>>,
    /// Application id → position in `entries`.
    by_id: HashMap<i64, u32>,
    /// Positions by application id.
    by_id_order: Vec<u32>,
    /// Motivations and CV texts, indexed by position.
    text: Arc<TextIndex>,
    /// One column per entry of `COLUMNS` (the facets, then a hidden one), in that order.
    columns: Vec<FacetColumn>,
    /// Positions, most recently sent first.
    newest: Vec<u32>,
}

/// A facet's values numbered once, and each entry's values as numbers, all in one flat
/// array (entry `i` owns `flat[starts[i]..starts[i + 1]]`): a pass over 100,000 entries
/// then reads memory in order and compares integers instead of strings.
#[derive(Debug, Clone)]
struct FacetColumn {
    values: Vec<String>,
    numbers: HashMap<String, u32>,
    starts: Vec<u32>,
    flat: Vec<u32>,
}

impl Default for FacetColumn {
    fn default() -> Self {
        FacetColumn {
            values: Vec::new(),
            numbers: HashMap::new(),
            starts: vec![0],
            flat: Vec::new(),
        }
    }
}

impl FacetColumn {
    /// The value numbers of the entry at `position`.
    fn of_entry(&self, position: usize) -> &[u32] {
        &self.flat[self.starts[position] as usize..self.starts[position + 1] as usize]
    }

    fn push(&mut self, numbers: &[u32]) {
        self.flat.extend_from_slice(numbers);
        self.starts.push(self.flat.len() as u32);
    }

    /// Replaces an entry's numbers (in place when as many; by rebuilding otherwise).
    fn replace(&mut self, position: usize, numbers: &[u32]) {
        let (start, end) = (
            self.starts[position] as usize,
            self.starts[position + 1] as usize,
        );
        if end - start == numbers.len() {
            self.flat[start..end].copy_from_slice(numbers);
            return;
        }
        let mut flat = Vec::with_capacity(self.flat.len() + numbers.len());
        let mut starts = vec![0u32];
        for i in 0..self.starts.len() - 1 {
            if i == position {
                flat.extend_from_slice(numbers);
            } else {
                flat.extend_from_slice(self.of_entry(i));
            }
            starts.push(flat.len() as u32);
        }
        self.flat = flat;
        self.starts = starts;
    }

    /// The numbers of an entry's values, numbering new values.
    fn number(&mut self, entry: &Entry, facet: &str) -> Vec<u32> {
        facet_values(entry, facet)
            .into_iter()
            .map(|value| match self.numbers.get(&value) {
                Some(&n) => n,
                None => {
                    let n = self.values.len() as u32;
                    self.values.push(value.clone());
                    self.numbers.insert(value, n);
                    n
                }
            })
            .collect()
    }
}

/// The lists built so far, by session.
pub type ScreeningCache = Arc<Mutex<HashMap<i64, Arc<ScreeningList>>>>;

fn entry(row: ScreeningRow, unit_of: &impl Fn(i64) -> Option<String>) -> Entry {
    Entry {
        profile: row
            .profile
            .as_deref()
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default(),
        units: row.choices.iter().filter_map(|p| unit_of(p.0)).collect(),
        row,
    }
}

fn newest_key(entry: &Entry) -> (std::cmp::Reverse<Option<i64>>, i64) {
    (std::cmp::Reverse(entry.row.submitted_at), entry.row.id)
}

impl ScreeningList {
    fn build(
        revision: (i64, i64, i64),
        rows: Vec<ScreeningRow>,
        unit_of: &impl Fn(i64) -> Option<String>,
    ) -> ScreeningList {
        let mut list = ScreeningList {
            revision,
            entries: Vec::with_capacity(rows.len()),
            by_id: HashMap::with_capacity(rows.len()),
            by_id_order: Vec::with_capacity(rows.len()),
            text: Arc::new(TextIndex::default()),
            columns: vec![FacetColumn::default(); COLUMNS.len()],
            newest: Vec::with_capacity(rows.len()),
        };
        let entries: Vec<Entry> = rows.into_iter().map(|row| entry(row, unit_of)).collect();
        list.text = Arc::new(TextIndex::build(entries.iter().enumerate().flat_map(
            |(i, e)| {
                [
                    (i as u32, e.row.motivation.as_str()),
                    (i as u32, e.row.cv_text.as_str()),
                ]
            },
        )));
        for (position, mut e) in entries.into_iter().enumerate() {
            // indexed: the CV's text is read again from the store when shown
            e.row.cv_text = String::new();
            for (column, facet) in list.columns.iter_mut().zip(COLUMNS) {
                let numbers = column.number(&e, facet);
                column.push(&numbers);
            }
            list.by_id.insert(e.row.id, position as u32);
            list.entries.push(Arc::new(e));
        }
        list.by_id_order = (0..list.entries.len() as u32).collect();
        list.by_id_order
            .sort_by_key(|&p| list.entries[p as usize].row.id);
        list.newest = (0..list.entries.len() as u32).collect();
        list.newest
            .sort_by_key(|&p| newest_key(&list.entries[p as usize]));
        list
    }

    /// A copy with `rows` replaced or added.
    fn patch(
        &self,
        revision: (i64, i64, i64),
        rows: Vec<ScreeningRow>,
        new_cv_texts: &[i64],
        unit_of: &impl Fn(i64) -> Option<String>,
    ) -> ScreeningList {
        let mut list = self.clone();
        list.revision = revision;
        for row in rows {
            let mut e = entry(row, unit_of);
            let cv_text = std::mem::take(&mut e.row.cv_text);
            let position = match list.by_id.get(&e.row.id) {
                Some(&p) => {
                    // the motivation and CV of a sent application never change, but the
                    // CV's text may be read after it was sent
                    if new_cv_texts.contains(&e.row.id) {
                        Arc::make_mut(&mut list.text).add(p, &cv_text);
                    }
                    let old_key = newest_key(&list.entries[p as usize]);
                    if old_key != newest_key(&e) {
                        list.newest.retain(|&x| x != p);
                        let at = list.newest.partition_point(|&x| {
                            newest_key(&list.entries[x as usize]) < newest_key(&e)
                        });
                        list.newest.insert(at, p);
                    }
                    for (column, facet) in list.columns.iter_mut().zip(COLUMNS) {
                        let numbers = column.number(&e, facet);
                        column.replace(p as usize, &numbers);
                    }
                    list.entries[p as usize] = Arc::new(e);
                    continue;
                }
                None => list.entries.len() as u32,
            };
            let text = Arc::make_mut(&mut list.text);
            text.add(position, &e.row.motivation);
            text.add(position, &cv_text);
            for (column, facet) in list.columns.iter_mut().zip(COLUMNS) {
                let numbers = column.number(&e, facet);
                column.push(&numbers);
            }
            let id = e.row.id;
            let at = list
                .newest
                .partition_point(|&x| newest_key(&list.entries[x as usize]) < newest_key(&e));
            let by_id_at = list
                .by_id_order
                .partition_point(|&x| list.entries[x as usize].row.id < id);
            list.entries.push(Arc::new(e));
            list.newest.insert(at, position);
            list.by_id_order.insert(by_id_at, position);
            list.by_id.insert(id, position);
        }
        list
    }

    /// How many applications in one of `statuses` have each value of `facet` (an
    /// application counts once per value): integer passes over the columns, for reports.
    pub fn counts(
        &self,
        facet: &str,
        statuses: &[cohort_domain::application::ApplicationStatus],
    ) -> std::collections::BTreeMap<String, usize> {
        let column_of = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
        let status = &self.columns[column_of("status")];
        let wanted: Vec<u32> = statuses
            .iter()
            .filter_map(|s| status.numbers.get(s.as_str()).copied())
            .collect();
        let column = &self.columns[column_of(facet)];
        let mut counts = vec![0usize; column.values.len()];
        for i in 0..self.entries.len() {
            if status.of_entry(i).iter().any(|s| wanted.contains(s)) {
                for &value in column.of_entry(i) {
                    counts[value as usize] += 1;
                }
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|(_, n)| *n > 0)
            .map(|(value, n)| (column.values[value].clone(), n))
            .collect()
    }

    /// The position of an application in [`ScreeningList::entries`].
    pub fn position(&self, id: i64) -> Option<usize> {
        self.by_id.get(&id).map(|&p| p as usize)
    }
}

/// The session's list as of now: the cached one, patched with the applications changed
/// since, or built anew.
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
    if let Some(list) = cached.as_ref().filter(|l| l.revision == revision) {
        return Ok(list.clone());
    }
    let mut fresh = None;
    // the same accounts (none deleted): only what changed since is read again
    if let Some(old) = cached.filter(|l| l.revision.1 == revision.1) {
        let mut changed = store
            .applications_changed_since(session, old.revision.0)
            .await?;
        let new_cv_texts = store.cv_texts_saved_since(session, old.revision.2).await?;
        changed.extend(&new_cv_texts);
        changed.sort_unstable();
        changed.dedup();
        // a few changes are patched in; many (a bulk import) are cheaper read whole
        if changed.len() <= 100.max(old.entries.len() / 10) {
            let mut rows = Vec::with_capacity(changed.len());
            for id in changed {
                if let Some(row) = store.screening_row(id).await? {
                    rows.push(row);
                }
            }
            let patched = old.patch(revision, rows, &new_cv_texts, &unit_of);
            // an application that left (a deleted account) is only seen in the count
            if store.sent_count(session).await? == patched.entries.len() as i64 {
                fresh = Some(patched);
            }
        }
    }
    let list = match fresh {
        Some(list) => Arc::new(list),
        None => Arc::new(ScreeningList::build(
            revision,
            store.screening_rows(session).await?,
            &unit_of,
        )),
    };
    if let Ok(mut cache) = cache.lock() {
        cache.insert(session.0, list.clone());
    }
    Ok(list)
}
