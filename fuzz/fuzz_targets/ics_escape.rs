//! The iCalendar writer (RFC 5545): every physical line ends with CRLF and holds at most
//! 75 octets, a folded line goes on with one space, no text value holds a control
//! character or an unescaped `;` or `,`, and unfolding then unescaping gives back each
//! name, UID and summary (less the control characters, which iCalendar text cannot hold).
#![no_main]

use cohort_domain::calendar::{ics, Event, When};
use jiff::civil::date;
use jiff::{Span, Timestamp};
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    name: String,
    stamp: u32,
    events: Vec<(String, String, bool, u32)>,
}

fn unescape(value: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                '\\' => out.push('\\'),
                ';' => out.push(';'),
                ',' => out.push(','),
                'n' | 'N' => out.push('\n'),
                _ => return None,
            },
            ';' | ',' => return None,
            c if c.is_control() && c != '\t' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// What a text value may keep: iCalendar text holds no control character but the tab
/// (a line break is written `\n`).
fn expected(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

fuzz_target!(|input: Input| {
    let stamp = Timestamp::from_second(i64::from(input.stamp)).expect("in range");
    let events: Vec<Event> = input
        .events
        .into_iter()
        .map(|(uid, summary, whole_day, n)| Event {
            uid,
            summary,
            when: if whole_day {
                let days = Span::new().days(i64::from(n % 100_000));
                When::Day(date(1970, 1, 1).checked_add(days).expect("in range"))
            } else {
                When::At(Timestamp::from_second(i64::from(n)).expect("in range"))
            },
        })
        .collect();
    let text = ics(&input.name, &events, stamp);
    let body = text.strip_suffix("\r\n").expect("ends with CRLF");
    let mut logical: Vec<String> = Vec::new();
    for physical in body.split("\r\n") {
        assert!(
            physical.len() <= 75,
            "{physical:?} is longer than 75 octets"
        );
        assert!(
            !physical.contains(['\r', '\n']),
            "a bare CR or LF in {physical:?}"
        );
        match physical.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("a fold follows a line")
                .push_str(rest),
            None => logical.push(physical.to_owned()),
        }
    }
    let mut lines = logical
        .iter()
        .map(|l| l.split_once(':').expect("NAME:value"));
    let mut next = || lines.next().expect("more lines");
    let check_text = |(n, v): (&str, &str), name: &str, of: &str| {
        assert_eq!(n, name);
        let back = unescape(v).unwrap_or_else(|| panic!("{name} is not escaped: {v:?}"));
        assert_eq!(back, expected(of), "{name}");
    };
    for fixed in ["BEGIN", "VERSION", "PRODID", "CALSCALE"] {
        assert_eq!(next().0, fixed);
    }
    check_text(next(), "X-WR-CALNAME", &input.name);
    for event in &events {
        assert_eq!(next(), ("BEGIN", "VEVENT"));
        check_text(next(), "UID", &event.uid);
        assert_eq!(next().0, "DTSTAMP");
        match event.when {
            When::Day(_) => {
                assert_eq!(next().0, "DTSTART;VALUE=DATE");
                assert_eq!(next().0, "DTEND;VALUE=DATE");
            }
            When::At(_) => assert_eq!(next().0, "DTSTART"),
        }
        check_text(next(), "SUMMARY", &event.summary);
        assert_eq!(next(), ("END", "VEVENT"));
    }
    assert_eq!(next(), ("END", "VCALENDAR"));
    assert!(lines.next().is_none());
});
