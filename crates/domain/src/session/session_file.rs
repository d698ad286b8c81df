//! A whole session written as TOML: a `[session]` table (code, names, internship period,
//! application window in the programme's time zone, maximum choices) and its
//! `[[placements]]`, as `cohort session import` reads it. Every mistake names the field.

use super::fields::SessionFields;
use super::placements_file::{placement, PlacementsError, RawPlacement};
use super::{Placement, Session, SessionId};
use crate::eligibility::RuleSet;
use crate::lang::Localized;
use crate::Catalogue;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    session: RawSession,
    #[serde(default)]
    placements: Vec<RawPlacement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSession {
    code: String,
    name: Localized<String>,
    period_start: String,
    period_end: String,
    opens: String,
    closes: String,
    time_zone: String,
    #[serde(default = "three")]
    max_choices: i64,
    /// A rules file, relative to this one; NATO's rules when absent.
    rules: Option<String>,
    /// Months unsuccessful applications are kept after the internships end.
    #[serde(default = "default_retention")]
    retention_months: i64,
}

fn default_retention() -> i64 {
    i64::from(super::DEFAULT_RETENTION_MONTHS)
}

fn three() -> i64 {
    3
}

/// A session file read: the session (with NATO's rules unless `rules_file` names others,
/// which the caller reads), its placements, and the rules file named, if any.
#[derive(Debug)]
pub struct SessionFile {
    /// The session (id 0: the store assigns it).
    pub session: Session,
    /// Its placements.
    pub placements: Vec<Placement>,
    /// `rules = "…"`, relative to the session file.
    pub rules_file: Option<String>,
}

/// Parses a session file, checking units against the catalogue.
pub fn session_from_toml(
    text: &str,
    catalogue: &Catalogue,
) -> Result<SessionFile, PlacementsError> {
    let fail = |field: &str, problem: String| PlacementsError {
        location: "session".into(),
        field: field.into(),
        problem,
    };
    let raw: RawFile = toml::from_str(text).map_err(|e| PlacementsError {
        location: "file".into(),
        field: "-".into(),
        problem: e.to_string(),
    })?;
    let s = raw.session;
    let fields = SessionFields {
        code: s.code,
        name_en: s.name.en,
        name_fr: s.name.fr,
        period_start: s.period_start,
        period_end: s.period_end,
        opens: s.opens,
        closes: s.closes,
        time_zone: s.time_zone,
        max_choices: s.max_choices,
        retention_months: s.retention_months,
    };
    let session = fields
        .check(SessionId(0), RuleSet::nato_default())
        .map_err(|problems| {
            let first = &problems[0];
            fail(first.field, first.problem.to_string())
        })?;
    let placements = raw
        .placements
        .into_iter()
        .enumerate()
        .map(|(i, p)| placement(i, p, catalogue, SessionId(0)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SessionFile {
        session,
        placements,
        rules_file: s.rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");

    fn file(session: &str) -> String {
        format!(
            "[session]\n{session}\n\n[[placements]]\nunit = \"DI\"\ncapacity = 1\ntitle.en = \"T\"\ntitle.fr = \"T\"\ndescription.en = \"D\"\ndescription.fr = \"D\"\n"
        )
    }

    const GOOD: &str = "code = \"2027-09\"\nname.en = \"Autumn 2027\"\nname.fr = \"Automne 2027\"\nperiod_start = \"2027-09-01\"\nperiod_end = \"2028-02-29\"\nopens = \"2027-01-10T09:00\"\ncloses = \"2027-02-15T23:59\"\ntime_zone = \"Europe/Brussels\"";

    #[test]
    fn a_session_file_reads_with_its_placements() {
        let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
        let read = session_from_toml(&file(GOOD), &catalogue).expect("valid");
        assert_eq!(read.session.code, "2027-09");
        assert_eq!(read.session.max_choices, 3);
        assert_eq!(read.session.retention_months, 12, "the default");
        let kept = file(&format!("{GOOD}\nretention_months = 36"));
        let read_kept = session_from_toml(&kept, &catalogue).expect("valid");
        assert_eq!(read_kept.session.retention_months, 36);
        assert_eq!(
            read.session.window.closes().to_string(),
            "2027-02-15T23:59:00+01:00[Europe/Brussels]"
        );
        assert_eq!(read.placements.len(), 1);
        assert_eq!(read.rules_file, None);
    }

    #[test]
    fn every_mistake_names_its_field() {
        let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
        for (from, to, field) in [
            ("code = \"2027-09\"", "code = \"\"", "code"),
            (
                "period_end = \"2028-02-29\"",
                "period_end = \"2027-08-01\"",
                "period_end",
            ),
            (
                "period_start = \"2027-09-01\"",
                "period_start = \"1 Sept\"",
                "period_start",
            ),
            (
                "time_zone = \"Europe/Brussels\"",
                "time_zone = \"Europe/Atlantis\"",
                "time_zone",
            ),
            (
                "closes = \"2027-02-15T23:59\"",
                "closes = \"2027-09-15T23:59\"",
                "closes",
            ),
        ] {
            let bad = file(&GOOD.replace(from, to));
            let error = session_from_toml(&bad, &catalogue).expect_err(field);
            assert_eq!(error.field, field, "{error}");
        }
        let many = file(&format!("{GOOD}\nmax_choices = 11"));
        assert_eq!(
            session_from_toml(&many, &catalogue).expect_err("max").field,
            "max_choices"
        );
        for months in ["0", "121", "-1"] {
            let bad = file(&format!("{GOOD}\nretention_months = {months}"));
            let error = session_from_toml(&bad, &catalogue).expect_err("retention");
            assert_eq!(error.field, "retention_months", "{months}");
        }
        let unit = file(GOOD).replace("unit = \"DI\"", "unit = \"NOPE\"");
        let error = session_from_toml(&unit, &catalogue).expect_err("unit");
        assert_eq!(
            (error.location.as_str(), error.field.as_str()),
            ("placement #1", "unit")
        );
    }
}
