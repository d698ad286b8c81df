//! Full-text search over many free texts (motivations, CV text): every word of the query
//! must appear, in French or English form (either language's stem matches), accents and
//! case ignored. An inverted index of sorted id lists, so that a query over 100,000
//! applications intersects a few lists instead of reading every text.

use crate::text::{words, Stemmers};
use std::collections::HashMap;

/// Texts by id, indexed.
#[derive(Debug, Default, Clone)]
pub struct TextIndex {
    postings: HashMap<String, Vec<u32>>,
}

impl TextIndex {
    /// Indexes `(id, text)` pairs; an id may come with several texts.
    pub fn build<'a>(texts: impl IntoIterator<Item = (u32, &'a str)>) -> TextIndex {
        let stemmers = Stemmers::new();
        // texts share most of their words: each distinct word is stemmed and its two
        // posting lists found once, then every later occurrence is one lookup
        let mut lists: Vec<Vec<u32>> = Vec::new();
        let mut list_of_stem: HashMap<String, usize> = HashMap::new();
        let mut lists_of_word: HashMap<String, [usize; 2]> = HashMap::new();
        for (id, text) in texts {
            for word in words(text) {
                let pair = match lists_of_word.get(&word) {
                    Some(&pair) => pair,
                    None => {
                        let pair = stemmers.both(&word).map(|stem| {
                            let next = lists.len();
                            let list = *list_of_stem.entry(stem).or_insert(next);
                            if list == next {
                                lists.push(Vec::new());
                            }
                            list
                        });
                        lists_of_word.insert(word, pair);
                        pair
                    }
                };
                for list in pair {
                    let ids = &mut lists[list];
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        let postings = list_of_stem
            .into_iter()
            .map(|(stem, list)| {
                let mut ids = std::mem::take(&mut lists[list]);
                ids.sort_unstable();
                ids.dedup();
                (stem, ids)
            })
            .collect();
        TextIndex { postings }
    }

    /// Adds a text under an id larger than every id already indexed (ids stay sorted).
    pub fn add(&mut self, id: u32, text: &str) {
        let stemmers = Stemmers::new();
        for word in words(text) {
            for stem in stemmers.both(&word) {
                let ids = self.postings.entry(stem).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            }
        }
    }

    /// The ids whose texts hold every word of `query`, ascending; `None` when the query has
    /// no searchable word (then it filters nothing).
    pub fn matching(&self, query: &str) -> Option<Vec<u32>> {
        let stemmers = Stemmers::new();
        let mut result: Option<Vec<u32>> = None;
        for word in words(query) {
            let mut ids: Vec<u32> = stemmers
                .both(&word)
                .iter()
                .filter_map(|stem| self.postings.get(stem))
                .flatten()
                .copied()
                .collect();
            ids.sort_unstable();
            ids.dedup();
            result = Some(match result {
                None => ids,
                Some(previous) => intersect(&previous, &ids),
            });
        }
        result
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::TextIndex;

    #[test]
    fn every_word_must_match_in_either_language_without_accents() {
        let index = TextIndex::build([
            (1, "J'ai étudié la cyberdéfense et les réseaux."),
            (2, "I studied network security and cryptography."),
            (3, "Droit international humanitaire."),
            (3, "CV: networks, law"),
        ]);
        assert_eq!(index.matching("réseaux"), Some(vec![1]));
        assert_eq!(index.matching("NETWORK"), Some(vec![2, 3]));
        assert_eq!(index.matching("networks security"), Some(vec![2]));
        assert_eq!(
            index.matching("droit law"),
            Some(vec![3]),
            "several texts per id"
        );
        assert_eq!(index.matching("cyberdefense"), Some(vec![1]));
        assert_eq!(index.matching("astronomie"), Some(vec![]));
        assert_eq!(index.matching("  , ; "), None);
        let mut more = index.clone();
        more.add(7, "Réseaux et droit");
        assert_eq!(more.matching("reseaux droit"), Some(vec![7]));
        assert_eq!(more.matching("network"), Some(vec![2, 3]));
    }
}
