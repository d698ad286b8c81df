//! The canonical TOML form of a catalogue. Written by hand, not by a serializer, so that
//! the layout is ours and stable: an export of an import gives the file back byte for byte.

use super::Catalogue;
use crate::lang::Localized;
use std::fmt::Write;

pub(super) fn to_toml(catalogue: &Catalogue) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let programme = catalogue.programme();
    out.push_str("[programme]\n");
    string(&mut out, "code", &programme.code);
    localized(&mut out, "name", &programme.name);
    for unit in catalogue.units() {
        out.push_str("\n[[units]]\n");
        string(&mut out, "code", unit.code.as_str());
        if let Some(parent) = &unit.parent {
            string(&mut out, "parent", parent.as_str());
        }
        string(&mut out, "kind", unit.kind.as_str());
        localized(&mut out, "name", &unit.name);
        localized(&mut out, "summary", &unit.summary);
        localized_list(&mut out, "responsibilities", &unit.responsibilities);
    }
    for testimonial in catalogue.testimonials() {
        out.push_str("\n[[testimonials]]\n");
        string(&mut out, "unit", testimonial.unit.as_str());
        localized(&mut out, "title", &testimonial.title);
        localized_list(&mut out, "body", &testimonial.body);
    }
    out
}

fn string(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", quoted(value));
}

fn localized(out: &mut String, key: &str, value: &Localized<String>) {
    string(out, &format!("{key}.en"), &value.en);
    string(out, &format!("{key}.fr"), &value.fr);
}

fn localized_list(out: &mut String, key: &str, value: &Localized<Vec<String>>) {
    list(out, &format!("{key}.en"), &value.en);
    list(out, &format!("{key}.fr"), &value.fr);
}

fn list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(out, "{key} = []");
        return;
    }
    let _ = writeln!(out, "{key} = [");
    for item in items {
        let _ = writeln!(out, "  {},", quoted(item));
    }
    out.push_str("]\n");
}

/// A TOML basic string; only what must be escaped is.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
