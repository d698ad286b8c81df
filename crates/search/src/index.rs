//! The inverted index over the catalogue and the ranking of hits.

use crate::distance::within_one_edit;
use crate::text::{words, Stemmers, MAX_QUERY_CHARS};
use cohort_domain::{Catalogue, Lang, UnitCode};
use std::collections::HashMap;

/// How much a match in each part of a unit counts.
const CODE: f32 = 6.0;
const NAME: f32 = 4.0;
const SUMMARY: f32 = 2.0;
const RESPONSIBILITY: f32 = 1.0;
/// A match found through one typo or a prefix counts less than an exact one.
const FUZZY: f32 = 0.6;
const PREFIX: f32 = 0.5;
/// Words shorter than this must match exactly (or as a prefix): one edit is too much.
const MIN_FUZZY_LEN: usize = 5;
const MAX_QUERY_WORDS: usize = 12;

/// One unit found by a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The unit.
    pub code: UnitCode,
    /// Relevance; only the order matters.
    pub score: f32,
}

/// The search index of one catalogue.
#[derive(Debug)]
pub struct SearchIndex {
    codes: Vec<UnitCode>,
    /// Every term, sorted (prefix matches are one range of it).
    terms: Vec<String>,
    /// For each term of `terms`: (unit number, best weight of the term in that unit).
    postings: Vec<Vec<(u32, f32)>>,
    /// Term numbers by length in bytes: a word within one edit has a length within one.
    by_len: HashMap<usize, Vec<u32>>,
    stemmers: Stemmers,
}

impl SearchIndex {
    /// Indexes names, summaries, responsibilities and codes in both languages.
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        let stemmers = Stemmers::new();
        let mut postings: HashMap<String, HashMap<u32, f32>> = HashMap::new();
        let mut codes = Vec::with_capacity(catalogue.units().len());
        for (doc, unit) in catalogue.units().iter().enumerate() {
            let doc = doc as u32;
            codes.push(unit.code.clone());
            let mut add = |text: &str, weight: f32| {
                for term in terms_of(text, &stemmers) {
                    let best = postings.entry(term).or_default().entry(doc).or_insert(0.0);
                    *best = best.max(weight);
                }
            };
            add(unit.code.as_str(), CODE);
            for lang in Lang::ALL {
                add(unit.name.get(lang), NAME);
                add(unit.summary.get(lang), SUMMARY);
                for item in unit.responsibilities.get(lang) {
                    add(item, RESPONSIBILITY);
                }
            }
        }
        let docs = codes.len().max(1) as f32;
        let mut sorted: Vec<(String, Vec<(u32, f32)>)> = postings
            .into_iter()
            .map(|(term, units)| {
                let idf = (1.0 + docs / units.len() as f32).ln();
                let mut list: Vec<(u32, f32)> =
                    units.into_iter().map(|(d, w)| (d, w * idf)).collect();
                list.sort_by_key(|(d, _)| *d);
                (term, list)
            })
            .collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings): (Vec<String>, Vec<_>) = sorted.into_iter().unzip();
        let mut by_len: HashMap<usize, Vec<u32>> = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            by_len.entry(term.len()).or_default().push(i as u32);
        }
        SearchIndex {
            codes,
            terms,
            postings,
            by_len,
            stemmers,
        }
    }

    /// Units matching `query`, best first, at most `limit`. Units matching every word of
    /// the query come first; when none does, those matching the most words.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut query_words = words(&query);
        query_words.truncate(MAX_QUERY_WORDS);
        if query_words.is_empty() {
            return Vec::new();
        }
        // per unit: best score for each query word
        let mut found: HashMap<u32, Vec<f32>> = HashMap::new();
        let mut credit = |doc: u32, word: usize, score: f32| {
            let slots = found
                .entry(doc)
                .or_insert_with(|| vec![0.0; query_words.len()]);
            slots[word] = slots[word].max(score);
        };
        for (i, word) in query_words.iter().enumerate() {
            for (doc, score) in self.lookup(word) {
                credit(doc, i, score);
            }
        }
        // "cyber défense" written as two words finds "cyberdéfense" written as one
        for i in 1..query_words.len() {
            let joined = format!("{}{}", query_words[i - 1], query_words[i]);
            for (doc, score) in self.lookup(&joined) {
                credit(doc, i - 1, score);
                credit(doc, i, score);
            }
        }
        rank(found, &self.codes, limit)
    }

    /// Units containing `word` exactly, by stem, within one edit, or as a prefix.
    fn lookup(&self, word: &str) -> Vec<(u32, f32)> {
        let mut forms = vec![word.to_owned()];
        forms.extend(self.stemmers.both(word));
        forms.sort();
        forms.dedup();
        // best factor per matching term, found without scanning the whole vocabulary
        let mut best: HashMap<u32, f32> = HashMap::new();
        let mut note = |term: u32, factor: f32| {
            let slot = best.entry(term).or_insert(0.0);
            *slot = slot.max(factor);
        };
        for form in &forms {
            let lengths = form.len().saturating_sub(1)..=form.len() + 1;
            for term in lengths.filter_map(|len| self.by_len.get(&len)).flatten() {
                let factor = match_factor(form, &self.terms[*term as usize]);
                if factor > 0.0 {
                    note(*term, factor);
                }
            }
            if form.len() >= 4 {
                let start = self.terms.partition_point(|t| t.as_str() < form.as_str());
                let prefixed = self.terms[start..]
                    .iter()
                    .take_while(|t| t.starts_with(form.as_str()));
                for (offset, term) in prefixed.enumerate() {
                    note((start + offset) as u32, match_factor(form, term));
                }
            }
        }
        best.into_iter()
            .flat_map(|(term, factor)| {
                self.postings[term as usize]
                    .iter()
                    .map(move |&(doc, w)| (doc, w * factor))
            })
            .collect()
    }
}

fn match_factor(form: &str, term: &str) -> f32 {
    if form == term {
        1.0
    } else if form.len() >= MIN_FUZZY_LEN && within_one_edit(form, term) {
        FUZZY
    } else if form.len() >= 4 && term.starts_with(form) {
        PREFIX
    } else {
        0.0
    }
}

/// Every term a text contributes: its words, their stems, and adjacent words joined.
fn terms_of(text: &str, stemmers: &Stemmers) -> Vec<String> {
    let words = words(text);
    let mut terms = Vec::with_capacity(words.len() * 4);
    for (i, word) in words.iter().enumerate() {
        terms.push(word.clone());
        terms.extend(stemmers.both(word));
        if let Some(next) = words.get(i + 1) {
            terms.push(format!("{word}{next}"));
        }
    }
    terms
}

fn rank(found: HashMap<u32, Vec<f32>>, codes: &[UnitCode], limit: usize) -> Vec<Hit> {
    let scored: Vec<(usize, f32, u32)> = found
        .into_iter()
        .map(|(doc, slots)| {
            let matched = slots.iter().filter(|s| **s > 0.0).count();
            (matched, slots.iter().sum(), doc)
        })
        .collect();
    let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
    let mut kept: Vec<_> = scored.into_iter().filter(|s| s.0 == best).collect();
    kept.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    kept.into_iter()
        .take(limit)
        .map(|(_, score, doc)| Hit {
            code: codes[doc as usize].clone(),
            score,
        })
        .collect()
}
