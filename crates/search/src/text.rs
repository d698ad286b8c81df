//! From text to terms: fold case and accents, split words, drop the commonest words, stem.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The longest query we look at; longer ones are refused by the callers with a clear message.
pub const MAX_QUERY_CHARS: usize = 200;

/// Words too common in either language to tell units apart.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "au", "aux", "by", "ce", "d", "dans", "de", "des", "du", "en",
    "et", "for", "from", "in", "into", "is", "it", "its", "l", "la", "le", "les", "of", "on", "or",
    "ou", "par", "pour", "qui", "s", "sa", "ses", "son", "sur", "that", "the", "their", "to", "un",
    "une", "with",
];

/// Lower-case, accent-free words of `text`, stop words removed, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    // ligatures are rare: the text is copied again only when it has one
    if folded.contains(['œ', 'æ', 'ß']) {
        folded = folded
            .replace('œ', "oe")
            .replace('æ', "ae")
            .replace('ß', "ss");
    }
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// The stemmers of both languages, built once.
pub struct Stemmers {
    en: Stemmer,
    fr: Stemmer,
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmers")
    }
}

impl Stemmers {
    pub fn new() -> Stemmers {
        Stemmers {
            en: Stemmer::create(Algorithm::English),
            fr: Stemmer::create(Algorithm::French),
        }
    }

    /// The word's stems in English and in French (a query's language is often unknown).
    pub fn both(&self, word: &str) -> [String; 2] {
        [
            self.en.stem(word).into_owned(),
            self.fr.stem(word).into_owned(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_ligatures() {
        assert_eq!(words("Cyber Défense"), ["cyber", "defense"]);
        assert_eq!(words("l’Œuvre de l'ÉTAT"), ["oeuvre", "etat"]);
        assert_eq!(words("  --  "), Vec::<String>::new());
    }

    #[test]
    fn stems_both_languages() {
        let stemmers = Stemmers::new();
        assert_eq!(
            stemmers.both("translations")[0],
            stemmers.both("translation")[0]
        );
        assert_eq!(
            stemmers.both("juridiques")[1],
            stemmers.both("juridique")[1]
        );
    }
}
