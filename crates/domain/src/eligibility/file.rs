//! Rules in TOML: reading them (naming the field at fault) and writing them canonically.

use super::{AgeRule, EducationRule, LanguageRule, NationalityRule, RuleSet};
use crate::values::{CefrLevel, LanguageCode, Nationality};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use toml::{Table, Value};

/// A mistake in a rules file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleSetError {
    /// The text is not valid TOML.
    #[error("not a valid rules file: {0}")]
    Syntax(String),
    /// A field is unknown, missing or wrong.
    #[error("field `{field}`: {problem}")]
    Invalid {
        /// The dotted path of the field, e.g. `age.minimum_at_start`.
        field: String,
        /// What is wrong with it.
        problem: RuleProblem,
    },
}

/// What is wrong with a field of a rules file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleProblem {
    /// No such field or section.
    #[error("unknown field (sections: nationality, age, education, language)")]
    UnknownField,
    /// A required field is absent.
    #[error("missing")]
    Missing,
    /// The value has the wrong TOML type.
    #[error("expected {expected}")]
    WrongType {
        /// What was expected, e.g. `an integer`.
        expected: &'static str,
    },
    /// A number out of the accepted range.
    #[error("{value} is out of range ({min} to {max})")]
    OutOfRange {
        /// The value found.
        value: i64,
        /// The smallest accepted.
        min: i64,
        /// The largest accepted.
        max: i64,
    },
    /// Not an officially assigned ISO 3166-1 alpha-2 code in uppercase.
    #[error("{0:?} is not an ISO 3166-1 alpha-2 country code (e.g. \"FR\")")]
    BadNationality(String),
    /// Not an ISO 639-1 code in lowercase.
    #[error("{0:?} is not an ISO 639-1 language code (e.g. \"en\")")]
    BadLanguage(String),
    /// Not a CEFR level.
    #[error("{0:?} is not a CEFR level (A1, A2, B1, B2, C1, C2 or native)")]
    BadLevel(String),
    /// An item listed twice.
    #[error("{0:?} is listed twice")]
    Duplicate(String),
    /// An empty list where one item at least is needed.
    #[error("the list is empty")]
    Empty,
}

fn invalid(field: String, problem: RuleProblem) -> RuleSetError {
    RuleSetError::Invalid { field, problem }
}

/// One table of the file and its dotted name, for error messages.
struct Section<'a> {
    name: &'static str,
    table: &'a Table,
}

impl<'a> Section<'a> {
    fn path(&self, key: &str) -> String {
        format!("{}.{key}", self.name)
    }

    fn only(&self, known: &[&str]) -> Result<(), RuleSetError> {
        match self.table.keys().find(|k| !known.contains(&k.as_str())) {
            Some(key) => Err(invalid(self.path(key), RuleProblem::UnknownField)),
            None => Ok(()),
        }
    }

    fn wrong(&self, key: &str, expected: &'static str) -> RuleSetError {
        invalid(self.path(key), RuleProblem::WrongType { expected })
    }

    fn int(&self, key: &str, max: u16) -> Result<Option<u16>, RuleSetError> {
        let Some(value) = self.table.get(key) else {
            return Ok(None);
        };
        let value = value
            .as_integer()
            .ok_or_else(|| self.wrong(key, "an integer"))?;
        let problem = RuleProblem::OutOfRange {
            value,
            min: 0,
            max: i64::from(max),
        };
        match u16::try_from(value) {
            Ok(v) if v <= max => Ok(Some(v)),
            _ => Err(invalid(self.path(key), problem)),
        }
    }

    fn small_int(&self, key: &str, max: u8) -> Result<Option<u8>, RuleSetError> {
        let value = self.int(key, u16::from(max))?;
        // Within `max`, so it fits; the fallback is never taken.
        Ok(value.map(|v| u8::try_from(v).unwrap_or(max)))
    }

    fn bool(&self, key: &str) -> Result<Option<bool>, RuleSetError> {
        self.table
            .get(key)
            .map(|v| v.as_bool().ok_or_else(|| self.wrong(key, "true or false")))
            .transpose()
    }

    fn string(&self, key: &str) -> Result<Option<&'a str>, RuleSetError> {
        self.table
            .get(key)
            .map(|v| v.as_str().ok_or_else(|| self.wrong(key, "a string")))
            .transpose()
    }

    /// A list of strings, each parsed, none twice.
    fn set<T: Ord, E>(
        &self,
        key: &str,
        parse: impl Fn(&str) -> Result<T, E>,
        bad: impl Fn(String) -> RuleProblem,
    ) -> Result<Option<BTreeSet<T>>, RuleSetError> {
        let Some(value) = self.table.get(key) else {
            return Ok(None);
        };
        let expected = "a list of strings";
        let items = value.as_array().ok_or_else(|| self.wrong(key, expected))?;
        let mut set = BTreeSet::new();
        for item in items {
            let text = item.as_str().ok_or_else(|| self.wrong(key, expected))?;
            let parsed = parse(text).map_err(|_| invalid(self.path(key), bad(text.to_owned())))?;
            if !set.insert(parsed) {
                let problem = RuleProblem::Duplicate(text.to_owned());
                return Err(invalid(self.path(key), problem));
            }
        }
        Ok(Some(set))
    }
}

pub(super) fn from_toml(text: &str) -> Result<RuleSet, RuleSetError> {
    let file: Table = toml::from_str(text).map_err(|e| RuleSetError::Syntax(e.to_string()))?;
    let mut rules = RuleSet::default();
    for (key, value) in &file {
        let name = match key.as_str() {
            "nationality" => "nationality",
            "age" => "age",
            "education" => "education",
            "language" => "language",
            _ => return Err(invalid(key.clone(), RuleProblem::UnknownField)),
        };
        let expected = RuleProblem::WrongType {
            expected: "a table",
        };
        let table = value
            .as_table()
            .ok_or_else(|| invalid(key.clone(), expected))?;
        let section = Section { name, table };
        match name {
            "nationality" => rules.nationality = Some(nationality(&section)?),
            "age" => rules.age = Some(age(&section)?),
            "education" => rules.education = Some(education(&section)?),
            _ => rules.language = Some(language(&section)?),
        }
    }
    Ok(rules)
}

fn nationality(section: &Section<'_>) -> Result<NationalityRule, RuleSetError> {
    section.only(&["allowed"])?;
    let allowed = section
        .set("allowed", Nationality::parse, RuleProblem::BadNationality)?
        .ok_or_else(|| invalid(section.path("allowed"), RuleProblem::Missing))?;
    if allowed.is_empty() {
        return Err(invalid(section.path("allowed"), RuleProblem::Empty));
    }
    Ok(NationalityRule { allowed })
}

fn age(section: &Section<'_>) -> Result<AgeRule, RuleSetError> {
    section.only(&["minimum_at_start"])?;
    let minimum_at_start = section
        .small_int("minimum_at_start", 100)?
        .ok_or_else(|| invalid(section.path("minimum_at_start"), RuleProblem::Missing))?;
    Ok(AgeRule { minimum_at_start })
}

fn education(section: &Section<'_>) -> Result<EducationRule, RuleSetError> {
    section.only(&[
        "minimum_years_completed",
        "require_enrolled",
        "graduated_within_months",
    ])?;
    Ok(EducationRule {
        minimum_years_completed: section.small_int("minimum_years_completed", 20)?,
        require_enrolled: section.bool("require_enrolled")?.unwrap_or(false),
        graduated_within_months: section.int("graduated_within_months", 1200)?,
    })
}

fn language(section: &Section<'_>) -> Result<LanguageRule, RuleSetError> {
    section.only(&["minimum_level", "any_of"])?;
    let minimum_level = match section.string("minimum_level")? {
        None => None,
        Some(text) => Some(CefrLevel::parse(text).map_err(|_| {
            invalid(
                section.path("minimum_level"),
                RuleProblem::BadLevel(text.to_owned()),
            )
        })?),
    };
    let any_of = section
        .set("any_of", LanguageCode::parse, RuleProblem::BadLanguage)?
        .unwrap_or_default();
    Ok(LanguageRule {
        minimum_level,
        any_of,
    })
}

/// Lists of more than this many items are written one row of this many per line.
const PER_LINE: usize = 8;

pub(super) fn to_toml(rules: &RuleSet) -> String {
    let mut sections = Vec::new();
    if let Some(rule) = &rules.nationality {
        let codes: Vec<&str> = rule.allowed.iter().map(Nationality::as_str).collect();
        sections.push(format!("[nationality]\nallowed = {}\n", list(&codes)));
    }
    if let Some(rule) = &rules.age {
        sections.push(format!(
            "[age]\nminimum_at_start = {}\n",
            rule.minimum_at_start
        ));
    }
    if let Some(rule) = &rules.education {
        let mut s = String::from("[education]\n");
        if let Some(years) = rule.minimum_years_completed {
            let _ = writeln!(s, "minimum_years_completed = {years}");
        }
        let _ = writeln!(s, "require_enrolled = {}", rule.require_enrolled);
        if let Some(months) = rule.graduated_within_months {
            let _ = writeln!(s, "graduated_within_months = {months}");
        }
        sections.push(s);
    }
    if let Some(rule) = &rules.language {
        let mut s = String::from("[language]\n");
        if let Some(level) = rule.minimum_level {
            let _ = writeln!(s, "minimum_level = {}", quoted(level.as_str()));
        }
        if !rule.any_of.is_empty() {
            let codes: Vec<&str> = rule.any_of.iter().map(LanguageCode::as_str).collect();
            let _ = writeln!(s, "any_of = {}", list(&codes));
        }
        sections.push(s);
    }
    sections.join("\n")
}

fn quoted(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    if quoted.len() <= PER_LINE {
        return format!("[{}]", quoted.join(", "));
    }
    let rows: Vec<String> = quoted
        .chunks(PER_LINE)
        .map(|row| format!("  {},\n", row.join(", ")))
        .collect();
    format!("[\n{}]", rows.concat())
}
