//! Placements written as TOML (`catalogue/demo-placements.toml`, or a coordinator's file).

use super::placement_fields::PlacementFields;
use super::{Placement, PlacementId, SessionId};
use crate::lang::Localized;
use crate::Catalogue;
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
    let fields = PlacementFields {
        unit: raw.unit,
        capacity: raw.capacity.to_string(),
        title_en: raw.title.en,
        title_fr: raw.title.fr,
        description_en: raw.description.en,
        description_fr: raw.description.fr,
        languages: raw.languages.join(" "),
        fields: raw.fields.join(";"),
    };
    fields
        .check(catalogue, session, PlacementId(0))
        .map_err(|problems| {
            let first = &problems[0];
            PlacementsError {
                location: format!("placement #{}", index + 1),
                // the file's own names: `title.en`, not `title_en`
                field: first.field.replacen('_', ".", 1),
                problem: first.problem.to_string(),
            }
        })
}
