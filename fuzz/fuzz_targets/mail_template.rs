//! Mail templates as the office writes them: checking and rendering never panic, a
//! subject never carries a line break, and for the kinds whose link signs in, resets or
//! invites, a guarded render holds the link alone on its line (or is refused) — and is
//! not refused when the check passed and no value could break a line.
#![no_main]

use cohort_domain::mail::{MailKind, MailTemplate};
use libfuzzer_sys::fuzz_target;

const LINK: &str = "https://cohort.example/verify?token=Zq3xV9";

// The input is text: `kind NUL subject NUL body NUL value NUL value …`, the values going
// to the kind's variables other than `link` in order (the link is a real one).
fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut parts = text.split('\0');
    let kind = parts.next().unwrap_or_default();
    let kind =
        MailKind::parse(kind.trim()).unwrap_or(MailKind::ALL[kind.len() % MailKind::ALL.len()]);
    let template = MailTemplate {
        subject: parts.next().unwrap_or_default().to_owned(),
        body: parts.next().unwrap_or_default().to_owned(),
    };
    let mut values: Vec<(&str, String)> = kind
        .variables()
        .iter()
        .filter(|v| v.name != "link")
        .zip(parts)
        .map(|(v, value)| (v.name, value.to_owned()))
        .collect();
    values.push(("link", LINK.to_owned()));
    let checked = template.check(kind);
    let rendered = template.render(&values);
    assert!(
        !rendered.subject.contains(['\r', '\n']),
        "{:?}",
        rendered.subject
    );
    let guarded = template.render_guarded(kind, &values);
    if checked.is_err() {
        assert_eq!(
            guarded, None,
            "a template refused by the check is never sent"
        );
    }
    if !kind.guards_link() {
        return;
    }
    if let Some(out) = &guarded {
        assert!(!out.subject.contains(LINK));
        let mut seen = false;
        for line in out.body.split(['\r', '\n']) {
            if line.contains(LINK) {
                assert_eq!(line.trim(), LINK, "the link shares its line: {line:?}");
                seen = true;
            }
        }
        assert!(seen, "the link is in the body");
    }
    let harmless = values
        .iter()
        .filter(|(name, _)| *name != "link")
        .all(|(_, v)| !v.contains(['\r', '\n']) && !v.contains(LINK))
        && !template.subject.contains(LINK)
        && !template.body.contains(LINK);
    if checked.is_ok() && harmless {
        assert!(
            guarded.is_some(),
            "a checked template with plain values renders"
        );
    }
});
