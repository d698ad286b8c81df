//! A language: an ISO 639-1 two-letter code that is assigned.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Every ISO 639-1 code (184), sorted, as listed by the ISO 639-2 Registration Authority
/// (taken from Debian's `iso-codes`; it still lists the deprecated `bh`, which we keep so
/// that older profiles stay readable).
pub const ISO_639_1: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// A language, as its ISO 639-1 code, e.g. `en` or `fr`.
///
/// Only assigned codes parse, and only in lowercase: `EN` is refused rather than silently
/// changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode([u8; 2]);

/// Why a text is not a language code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not an ISO 639-1 language code (two lowercase letters, assigned, e.g. \"en\")")]
pub struct LanguageCodeError(pub String);

impl LanguageCode {
    /// Parses a lowercase, assigned ISO 639-1 code.
    pub fn parse(text: &str) -> Result<LanguageCode, LanguageCodeError> {
        match text.as_bytes() {
            [a, b] if ISO_639_1.binary_search(&text).is_ok() => Ok(LanguageCode([*a, *b])),
            _ => Err(LanguageCodeError(text.to_owned())),
        }
    }

    /// The code, e.g. `"en"`.
    pub fn as_str(&self) -> &str {
        super::two_letters(&self.0)
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LanguageCode {
    type Err = LanguageCodeError;

    fn from_str(text: &str) -> Result<LanguageCode, LanguageCodeError> {
        LanguageCode::parse(text)
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = LanguageCodeError;

    fn try_from(text: String) -> Result<LanguageCode, LanguageCodeError> {
        LanguageCode::parse(&text)
    }
}

impl From<LanguageCode> for String {
    fn from(language: LanguageCode) -> String {
        language.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_unique_and_two_lowercase_letters() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_639_1
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn parses_assigned_codes_only() {
        for (text, ok) in [
            ("en", true),
            ("fr", true),
            ("zu", true),
            ("EN", false),
            ("En", false),
            ("xx", false),
            ("eng", false),
            ("e", false),
            ("", false),
            ("en ", false),
        ] {
            let parsed = LanguageCode::parse(text);
            assert_eq!(parsed.is_ok(), ok, "{text:?}");
            if let Ok(code) = parsed {
                assert_eq!(code.as_str(), text);
            }
        }
    }
}
