//! Placements written as TOML (`catalogue/demo-placements.toml`, or a coordinator's file).

use super::{Placement, PlacementId, SessionId};
use crate::eligibility::LanguageSkill;
use crate::lang::Localized;
use crate::unit::UnitCode;
use crate::{Catalogue, CefrLevel, LanguageCode};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    placements: Vec<RawPlacement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlacement {
    unit: String,
    capacity: i64,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    fields: Vec<String>,
    title: Localized<String>,
    description: Localized<String>,
}

/// A mistake in a placements file: which placement, which field, what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}, field `{field}`: {problem}")]
pub struct PlacementsError {
    /// e.g. `placement #3`.
    pub location: String,
    /// e.g. `unit`.
    pub field: String,
    /// What is wrong.
    pub problem: String,
}

/// Parses placements for `session`, checking units against the catalogue. Ids are left 0:
/// the store assigns them.
pub fn placements_from_toml(
    text: &str,
    catalogue: &Catalogue,
    session: SessionId,
) -> Result<Vec<Placement>, PlacementsError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| PlacementsError {
        location: "file".into(),
        field: "-".into(),
        problem: e.to_string(),
    })?;
    raw.placements
        .into_iter()
        .enumerate()
        .map(|(i, p)| placement(i, p, catalogue, session))
        .collect()
}

pub(super) fn placement(
    index: usize,
    raw: RawPlacement,
    catalogue: &Catalogue,
    session: SessionId,
) -> Result<Placement, PlacementsError> {
    let fail = |field: &str, problem: String| PlacementsError {
        location: format!("placement #{}", index + 1),
        field: field.into(),
        problem,
    };
    let unit = UnitCode::parse(&raw.unit)
        .ok()
        .filter(|code| catalogue.unit(code).is_some())
        .ok_or_else(|| {
            fail(
                "unit",
                format!("{:?} is not a unit of the catalogue", raw.unit),
            )
        })?;
    let capacity = u32::try_from(raw.capacity)
        .ok()
        .filter(|c| *c <= 1000)
        .ok_or_else(|| {
            fail(
                "capacity",
                format!("{} is not between 0 and 1000", raw.capacity),
            )
        })?;
    let languages = raw
        .languages
        .iter()
        .map(|text| {
            let (language, level) = text.split_once(':').unwrap_or((text, ""));
            Ok(LanguageSkill {
                language: LanguageCode::parse(language)
                    .map_err(|e| fail("languages", e.to_string()))?,
                level: CefrLevel::parse(level).map_err(|e| fail("languages", e.to_string()))?,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    for (field, text) in [
        ("title.en", &raw.title.en),
        ("title.fr", &raw.title.fr),
        ("description.en", &raw.description.en),
        ("description.fr", &raw.description.fr),
    ] {
        if text.trim().is_empty() {
            return Err(fail(field, "missing or blank".into()));
        }
    }
    Ok(Placement {
        id: PlacementId(0),
        session,
        unit,
        title: raw.title,
        description: raw.description,
        capacity,
        languages,
        fields: raw.fields,
    })
}
