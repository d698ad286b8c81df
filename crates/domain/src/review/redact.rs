//! Blind review of a CV's text: the candidate's own identifying words (names, e-mail
//! address, date of birth) are blacked out before a reviewer reads it. What a CV says
//! otherwise is shown as written.

/// What replaces each identifying word.
pub const REDACTED: &str = "█████";

/// `text` with every occurrence of each of `secrets` as a whole word replaced by
/// [`REDACTED`], ignoring case. Secrets shorter than two characters are ignored (an initial would black out
/// letters everywhere); a name of several words is blacked out word by word too, so that
/// "Ana Maria" also hides a lone "Maria".
pub fn redact(text: &str, secrets: &[&str]) -> String {
    let mut words: Vec<Vec<char>> = Vec::new();
    for secret in secrets {
        let whole = secret.trim();
        let parts = std::iter::once(whole).chain(whole.split_whitespace());
        for part in parts {
            let folded: Vec<char> = part.chars().flat_map(char::to_lowercase).collect();
            if folded.len() >= 2 && !words.contains(&folded) {
                words.push(folded);
            }
        }
    }
    // longest first, so that a whole name is replaced before its parts
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<Vec<char>> = chars.iter().map(|c| c.to_lowercase().collect()).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        let found = words
            .iter()
            .filter(|_| starts_word)
            .filter_map(|w| matches_at(&folded, i, w))
            .find(|&end| chars.get(end).is_none_or(|c| !c.is_alphanumeric()));
        match found {
            Some(end) => {
                out.push_str(REDACTED);
                i = end;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// Where the match of `word` starting at character `start` ends, if it matches there.
fn matches_at(folded: &[Vec<char>], start: usize, word: &[char]) -> Option<usize> {
    let mut k = 0;
    let mut i = start;
    while k < word.len() {
        let c = folded.get(i)?;
        if word.get(k..k + c.len())? != c.as_slice() {
            return None;
        }
        k += c.len();
        i += 1;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::{redact, REDACTED};

    #[test]
    fn check() {
        let secrets = [
            "Ana Maria",
            "POPESCU",
            "ana.popescu@example.org",
            "2001-05-04",
            "X",
        ];
        let cases = [
            (
                "Ana Maria Popescu, born 2001-05-04",
                "█████ █████, born █████",
            ),
            ("Contact: ANA.POPESCU@EXAMPLE.ORG", "Contact: █████"),
            ("Maria worked at Popescu & Co", "█████ worked at █████ & Co"),
            ("Banana, Anatole and X-rays", "Banana, Anatole and X-rays"),
            ("Nothing to hide", "Nothing to hide"),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(redact(text, &secrets), expected, "{text}");
        }
        assert!(REDACTED.chars().all(|c| c == '█'));
    }

    #[test]
    fn case_folding_that_changes_lengths_is_safe() {
        assert_eq!(
            redact("İstanbul and Yılmaz", &["yılmaz"]),
            "İstanbul and █████"
        );
        assert_eq!(redact("ß", &["ss"]), "ß");
    }
}
