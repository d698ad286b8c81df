//! Catalogue search in French and English: accent- and case-insensitive, stemmed,
//! tolerant of one typo, and aware that "cyber défense" and "cyberdéfense" are one idea.
//!
//! The index is derived from the catalogue and rebuilt in memory whenever the catalogue
//! changes; it is small (a programme has tens to hundreds of units), so a hand-made
//! inverted index beats a search engine dependency on start-up time and memory.
//!
//! ```
//! use cohort_domain::Catalogue;
//! use cohort_search::SearchIndex;
//!
//! let catalogue = Catalogue::from_toml(r#"
//! [programme]
//! code = "demo"
//! name.en = "Demo"
//! name.fr = "Démo"
//!
//! [[units]]
//! code = "CYBER"
//! kind = "section"
//! name.en = "Cyber Defence Section"
//! name.fr = "Section Cyberdéfense"
//! summary.en = "Protects networks."
//! summary.fr = "Protège les réseaux."
//! responsibilities.en = [
//!   "Defend.",
//! ]
//! responsibilities.fr = [
//!   "Défendre.",
//! ]
//! "#).unwrap();
//! let index = SearchIndex::build(&catalogue);
//! for query in ["cyberdefense", "cyber défense", "Cyber Defence", "cyberdefnse"] {
//!     assert_eq!(index.search(query, 10)[0].code.as_str(), "CYBER", "{query}");
//! }
//! ```

mod distance;
mod documents;
mod index;
mod text;

pub use documents::TextIndex;
pub use index::{Hit, SearchIndex};
pub use text::MAX_QUERY_CHARS;
