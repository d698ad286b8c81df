//! From TOML text to a validated [`Catalogue`]: parse, don't validate.

use super::error::{CatalogueError, Problem};
use super::{Catalogue, Programme, Testimonial};
use crate::lang::Localized;
use crate::unit::{Unit, UnitCode, UnitKind};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    programme: RawProgramme,
    #[serde(default)]
    units: Vec<RawUnit>,
    #[serde(default)]
    testimonials: Vec<RawTestimonial>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    code: Option<String>,
    name: Option<RawText>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: Option<String>,
    fr: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawList {
    en: Option<Vec<String>>,
    fr: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    code: Option<String>,
    parent: Option<String>,
    kind: Option<String>,
    name: Option<RawText>,
    summary: Option<RawText>,
    responsibilities: Option<RawList>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTestimonial {
    unit: Option<String>,
    title: Option<RawText>,
    body: Option<RawList>,
}

pub(super) fn from_toml(text: &str) -> Result<Catalogue, CatalogueError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| CatalogueError::Syntax(e.to_string()))?;
    let programme = programme(raw.programme)?;
    let units = raw
        .units
        .into_iter()
        .enumerate()
        .map(|(i, u)| unit(i, u))
        .collect::<Result<Vec<_>, _>>()?;
    let testimonials = raw
        .testimonials
        .into_iter()
        .enumerate()
        .map(|(i, t)| testimonial(i, t))
        .collect::<Result<Vec<_>, _>>()?;
    validate(programme, units, testimonials)
}

fn programme(raw: RawProgramme) -> Result<Programme, CatalogueError> {
    let at = || "programme".to_owned();
    Ok(Programme {
        code: required(raw.code, at, "code")?,
        name: text(raw.name, at, "name")?,
    })
}

fn unit(index: usize, raw: RawUnit) -> Result<Unit, CatalogueError> {
    let code_text = required(raw.code, || format!("unit #{}", index + 1), "code")?;
    let at = || format!("unit {code_text:?}");
    let code = UnitCode::parse(&code_text)
        .map_err(|_| CatalogueError::invalid(at(), "code", Problem::BadCode(code_text.clone())))?;
    let parent = match raw.parent {
        None => None,
        Some(p) => Some(
            UnitCode::parse(&p)
                .map_err(|_| CatalogueError::invalid(at(), "parent", Problem::UnknownParent(p)))?,
        ),
    };
    let kind_text = required(raw.kind, at, "kind")?;
    let kind = UnitKind::parse(&kind_text).ok_or_else(|| {
        CatalogueError::invalid(at(), "kind", Problem::BadKind(kind_text.clone()))
    })?;
    Ok(Unit {
        code,
        parent,
        kind,
        name: text(raw.name, at, "name")?,
        summary: text(raw.summary, at, "summary")?,
        responsibilities: list(raw.responsibilities, at, "responsibilities")?,
    })
}

fn testimonial(index: usize, raw: RawTestimonial) -> Result<Testimonial, CatalogueError> {
    let at = || format!("testimonial #{}", index + 1);
    let unit_text = required(raw.unit, at, "unit")?;
    let unit = UnitCode::parse(&unit_text).map_err(|_| {
        CatalogueError::invalid(at(), "unit", Problem::UnknownUnit(unit_text.clone()))
    })?;
    Ok(Testimonial {
        unit,
        title: text(raw.title, at, "title")?,
        body: list(raw.body, at, "body")?,
    })
}

fn required(
    value: Option<String>,
    at: impl Fn() -> String,
    field: &str,
) -> Result<String, CatalogueError> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(CatalogueError::invalid(at(), field, Problem::Missing)),
    }
}

fn text(
    raw: Option<RawText>,
    at: impl Fn() -> String,
    field: &str,
) -> Result<Localized<String>, CatalogueError> {
    let raw = raw.unwrap_or_default();
    Ok(Localized {
        en: required(raw.en, &at, &format!("{field}.en"))?,
        fr: required(raw.fr, &at, &format!("{field}.fr"))?,
    })
}

fn list(
    raw: Option<RawList>,
    at: impl Fn() -> String,
    field: &str,
) -> Result<Localized<Vec<String>>, CatalogueError> {
    let raw = raw.unwrap_or_default();
    let one = |items: Option<Vec<String>>, lang: &str| {
        let field = format!("{field}.{lang}");
        let items = items.ok_or_else(|| CatalogueError::invalid(at(), &field, Problem::Missing))?;
        if items.iter().any(|i| i.trim().is_empty()) {
            return Err(CatalogueError::invalid(at(), &field, Problem::Missing));
        }
        Ok(items)
    };
    Ok(Localized {
        en: one(raw.en, "en")?,
        fr: one(raw.fr, "fr")?,
    })
}

/// Checks what no single entry can: unique codes, known parents, no cycles, known units.
pub(super) fn validate(
    programme: Programme,
    units: Vec<Unit>,
    testimonials: Vec<Testimonial>,
) -> Result<Catalogue, CatalogueError> {
    let mut index = HashMap::with_capacity(units.len());
    for (i, unit) in units.iter().enumerate() {
        if index.insert(unit.code.clone(), i).is_some() {
            let at = format!("unit {:?}", unit.code.as_str());
            return Err(CatalogueError::invalid(at, "code", Problem::DuplicateCode));
        }
    }
    for unit in &units {
        let at = || format!("unit {:?}", unit.code.as_str());
        if let Some(parent) = &unit.parent {
            if !index.contains_key(parent) {
                let problem = Problem::UnknownParent(parent.to_string());
                return Err(CatalogueError::invalid(at(), "parent", problem));
            }
        }
        if has_cycle(unit, &units, &index) {
            return Err(CatalogueError::invalid(at(), "parent", Problem::Cycle));
        }
    }
    for (i, t) in testimonials.iter().enumerate() {
        if !index.contains_key(&t.unit) {
            let at = format!("testimonial #{}", i + 1);
            let problem = Problem::UnknownUnit(t.unit.to_string());
            return Err(CatalogueError::invalid(at, "unit", problem));
        }
    }
    Ok(Catalogue {
        programme,
        units,
        testimonials,
        index,
    })
}

fn has_cycle(start: &Unit, units: &[Unit], index: &HashMap<UnitCode, usize>) -> bool {
    let mut seen = HashSet::new();
    let mut next = start.parent.as_ref();
    while let Some(code) = next {
        if code == &start.code || !seen.insert(code) {
            return true;
        }
        next = index.get(code).and_then(|&i| units[i].parent.as_ref());
    }
    false
}

#[cfg(test)]
mod tests;
