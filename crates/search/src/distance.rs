//! Is one word at most one edit (insert, delete, substitute, swap) away from another?

/// True when `a` and `b` differ by at most one edit, counting a swap of neighbours as one.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        let rest = prefix + 1;
        let substituted = short[rest..] == long[rest..];
        let swapped = rest < short.len()
            && short[prefix] == long[rest]
            && short[rest] == long[prefix]
            && short[rest + 1..] == long[rest + 1..];
        substituted || swapped
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn one_edit_cases() {
        for (a, b) in [
            ("defence", "defense"),
            ("legal", "legl"),
            ("legal", "legall"),
            ("traduction", "tarduction"),
            ("same", "same"),
            ("", "a"),
        ] {
            assert!(within_one_edit(a, b), "{a} ~ {b}");
            assert!(within_one_edit(b, a), "{b} ~ {a}");
        }
        for (a, b) in [
            ("defence", "offense"),
            ("legal", "lgl"),
            ("abcd", "badc"),
            ("", "ab"),
        ] {
            assert!(!within_one_edit(a, b), "{a} !~ {b}");
        }
    }
}
