//! iCalendar (RFC 5545) feeds of a person's dates — deadlines, start and end, items due —
//! written here, by hand: a handful of all-day or timed events needs no library, only the
//! format's rules (CRLF lines folded at 75 octets, text escaped).

use jiff::civil::Date;
use jiff::Timestamp;

/// When an event happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// A whole day (a start date, an item's due date).
    Day(Date),
    /// An instant (a deadline), written in UTC.
    At(Timestamp),
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across refreshes, so calendars update the event instead of adding one.
    pub uid: String,
    /// When.
    pub when: When,
    /// The title, in the person's language.
    pub summary: String,
}

/// Escapes text per RFC 5545 §3.3.11. Text holds no control character but the tab
/// (`TSAFE-CHAR`): a line break is written `\n`, the others (a carriage return, a NUL
/// from a pasted title) are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The feed: a calendar named `name` with `events`; `stamp` is when it was produced.
pub fn ics(name: &str, events: &[Event], stamp: Timestamp) -> String {
    let utc = |t: Timestamp| t.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Cohort//Internship programme//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&event.uid)));
        line(&mut out, &format!("DTSTAMP:{}", utc(stamp)));
        match &event.when {
            When::Day(day) => {
                line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", day.strftime("%Y%m%d")),
                );
                if let Ok(next) = day.tomorrow() {
                    line(
                        &mut out,
                        &format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")),
                    );
                }
            }
            When::At(at) => line(&mut out, &format!("DTSTART:{}", utc(*at))),
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn control_characters_never_reach_the_feed() {
        // found by the fuzz target ics_escape: a NUL in the calendar's name was written
        // as it was, and iCalendar text may hold no control character but the tab
        let stamp: Timestamp = "2027-01-02T03:04:05Z".parse().expect("instant");
        let events = [Event {
            uid: "a\u{1}b@cohort".into(),
            when: When::Day(date(2027, 9, 1)),
            summary: "Badge\u{0}\u{7f}\tphoto\r\ndue\u{1b}[31m".into(),
        }];
        let text = ics("Cohort\u{0}, ana", &events, stamp);
        assert!(text.contains("X-WR-CALNAME:Cohort\\, ana\r\n"));
        assert!(text.contains("UID:ab@cohort\r\n"));
        assert!(text.contains("SUMMARY:Badge\tphoto\\ndue[31m\r\n"));
        assert!(text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n')));
    }

    #[test]
    fn events_are_written_escaped_and_folded() {
        let stamp: Timestamp = "2027-01-02T03:04:05Z".parse().expect("instant");
        let long = "Échéance : assurance, convention; photo — ".repeat(3);
        let events = [
            Event {
                uid: "deadline-1@cohort".into(),
                when: When::At("2027-02-15T22:59:00Z".parse().expect("instant")),
                summary: "Applications close".into(),
            },
            Event {
                uid: "start-1@cohort".into(),
                when: When::Day(date(2027, 9, 1)),
                summary: long.clone(),
            },
        ];
        let text = ics("Cohort, ana", &events, stamp);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("X-WR-CALNAME:Cohort\\, ana\r\n"));
        assert!(text.contains("DTSTART:20270215T225900Z\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270901\r\nDTEND;VALUE=DATE:20270902\r\n"));
        for physical in text.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{physical:?} is longer than 75 octets"
            );
        }
        // unfolding gives back the escaped summary
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", escape(&long))));
        assert!(escape(&long).contains("assurance\\, convention\\; photo"));
    }
}
