//! A placement's fields as typed — in a form, a CSV or XLSX row, the API's JSON or a TOML
//! file — checked all together against the catalogue; each problem names its field.

use super::{Placement, PlacementId, SessionId};
use crate::eligibility::LanguageSkill;
use crate::lang::Localized;
use crate::unit::UnitCode;
use crate::{Catalogue, CefrLevel, LanguageCode};
use serde::{Deserialize, Serialize};

/// The most seats one placement may have.
pub const MAX_SEATS: u32 = 1000;

/// A placement's fields, as text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementFields {
    /// The host unit's code.
    pub unit: String,
    /// Seats, 0 to [`MAX_SEATS`].
    pub capacity: String,
    /// Title in English.
    pub title_en: String,
    /// Title in French.
    pub title_fr: String,
    /// Description in English.
    pub description_en: String,
    /// Description in French.
    pub description_fr: String,
    /// Languages required, e.g. `en:C1 fr:B2`.
    #[serde(default)]
    pub languages: String,
    /// Fields of study sought, separated by `;`.
    #[serde(default)]
    pub fields: String,
}

/// What is wrong with one field of a placement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlacementProblem {
    /// Not a unit of the catalogue.
    #[error("{0:?} is not a unit of the catalogue")]
    Unit(String),
    /// Not a whole number from 0 to 1000.
    #[error("{0:?} is not a number of seats from 0 to 1000")]
    Capacity(String),
    /// Not `language:LEVEL` with an ISO 639-1 code and a CEFR level.
    #[error("{0:?} is not a language and level such as en:C1")]
    Language(String),
    /// Blank.
    #[error("missing or blank")]
    Blank,
}

/// A problem and its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {problem}")]
pub struct PlacementFieldError {
    /// The field, as named in [`PlacementFields`].
    pub field: &'static str,
    /// What is wrong.
    pub problem: PlacementProblem,
}

impl PlacementFields {
    /// The fields of a stored placement, for editing.
    pub fn of(placement: &Placement) -> PlacementFields {
        PlacementFields {
            unit: placement.unit.as_str().to_owned(),
            capacity: placement.capacity.to_string(),
            title_en: placement.title.en.clone(),
            title_fr: placement.title.fr.clone(),
            description_en: placement.description.en.clone(),
            description_fr: placement.description.fr.clone(),
            languages: placement
                .languages
                .iter()
                .map(|s| format!("{}:{}", s.language, s.level))
                .collect::<Vec<_>>()
                .join(" "),
            fields: placement.fields.join("; "),
        }
    }

    /// The placement (id 0 unless `id` is given), or every problem found.
    pub fn check(
        &self,
        catalogue: &Catalogue,
        session: SessionId,
        id: PlacementId,
    ) -> Result<Placement, Vec<PlacementFieldError>> {
        let mut problems = Vec::new();
        let mut fail = |field, problem| problems.push(PlacementFieldError { field, problem });
        let unit = UnitCode::parse(self.unit.trim())
            .ok()
            .filter(|code| catalogue.unit(code).is_some());
        if unit.is_none() {
            fail("unit", PlacementProblem::Unit(self.unit.clone()));
        }
        let capacity = self
            .capacity
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|c| *c <= MAX_SEATS);
        if capacity.is_none() {
            fail(
                "capacity",
                PlacementProblem::Capacity(self.capacity.clone()),
            );
        }
        for (field, text) in [
            ("title_en", &self.title_en),
            ("title_fr", &self.title_fr),
            ("description_en", &self.description_en),
            ("description_fr", &self.description_fr),
        ] {
            if text.trim().is_empty() {
                fail(field, PlacementProblem::Blank);
            }
        }
        let mut languages = Vec::new();
        for item in self
            .languages
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .filter(|s| !s.is_empty())
        {
            let (language, level) = item.split_once(':').unwrap_or((item, ""));
            match (LanguageCode::parse(language), CefrLevel::parse(level)) {
                (Ok(language), Ok(level)) => languages.push(LanguageSkill { language, level }),
                _ => fail("languages", PlacementProblem::Language(item.to_owned())),
            }
        }
        let fields = self
            .fields
            .split(';')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect();
        match (unit, capacity) {
            (Some(unit), Some(capacity)) if problems.is_empty() => Ok(Placement {
                id,
                session,
                unit,
                title: Localized {
                    en: self.title_en.trim().to_owned(),
                    fr: self.title_fr.trim().to_owned(),
                },
                description: Localized {
                    en: self.description_en.trim().to_owned(),
                    fr: self.description_fr.trim().to_owned(),
                },
                capacity,
                languages,
                fields,
            }),
            _ => Err(problems),
        }
    }
}

/// The columns of a placements sheet, in the order a template lists them.
pub const COLUMNS: [&str; 8] = [
    "unit",
    "capacity",
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "languages",
    "fields",
];

/// A problem in a sheet: its row (1 is the header), its column, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// 1-based row of the sheet (the header is row 1).
    pub row: usize,
    /// The column.
    pub column: &'static str,
    /// What is wrong; `None` when the header lacks the column.
    pub problem: Option<PlacementProblem>,
}

/// Placements from a sheet's rows (CSV or XLSX, already split into cells), the first row
/// naming the columns (any order, any case; `languages` and `fields` optional). Every bad
/// row is named; nothing is returned unless every row is good. Blank rows are skipped.
pub fn placements_from_rows(
    rows: &[Vec<String>],
    catalogue: &Catalogue,
    session: SessionId,
) -> Result<Vec<Placement>, Vec<RowProblem>> {
    let Some(header) = rows.first() else {
        return Ok(Vec::new());
    };
    let position = |column: &str| {
        header.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(column)
        })
    };
    let columns: Vec<Option<usize>> = COLUMNS.iter().map(|c| position(c)).collect();
    let missing: Vec<RowProblem> = COLUMNS
        .iter()
        .zip(&columns)
        .filter(|(c, at)| at.is_none() && !matches!(**c, "languages" | "fields"))
        .map(|(c, _)| RowProblem {
            row: 1,
            column: c,
            problem: None,
        })
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut placements = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(1) {
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |k: usize| {
            columns[k]
                .and_then(|at| row.get(at))
                .cloned()
                .unwrap_or_default()
        };
        let fields = PlacementFields {
            unit: cell(0),
            capacity: cell(1),
            title_en: cell(2),
            title_fr: cell(3),
            description_en: cell(4),
            description_fr: cell(5),
            languages: cell(6),
            fields: cell(7),
        };
        match fields.check(catalogue, session, PlacementId(0)) {
            Ok(placement) => placements.push(placement),
            Err(found) => problems.extend(found.into_iter().map(|p| RowProblem {
                row: i + 1,
                column: p.field,
                problem: Some(p.problem),
            })),
        }
    }
    if problems.is_empty() {
        Ok(placements)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");

    fn cells(rows: &[&str]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.split('|').map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn a_sheet_reads_in_any_column_order() {
        let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
        let rows = cells(&[
            "\u{feff}Title_EN|title_fr|description_en|description_fr|unit|capacity|languages",
            "Analyst|Analyste|Analyses.|Analyse.|DI|2|en:C1 fr:B2",
            "|||||",
            "Lawyer|Juriste|Advises.|Conseille.|OLA|0|",
        ]);
        let placements = placements_from_rows(&rows, &catalogue, SessionId(3)).expect("valid");
        assert_eq!(placements.len(), 2);
        assert_eq!(placements[0].capacity, 2);
        assert_eq!(placements[0].languages.len(), 2);
        assert_eq!(placements[1].session, SessionId(3));
        assert_eq!(PlacementFields::of(&placements[0]).languages, "en:C1 fr:B2");
    }

    #[test]
    fn every_bad_row_and_cell_is_named() {
        let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
        let rows = cells(&[
            "unit|capacity|title_en|title_fr|description_en|description_fr|languages",
            "NOPE|2|A|A|D|D|",
            "DI|two|A|A|D|D|en:Z9",
            "DI|1|A|A|D|D|",
            "DI|1001||A|D|D|",
        ]);
        let problems = placements_from_rows(&rows, &catalogue, SessionId(1)).expect_err("bad");
        let named: Vec<_> = problems.iter().map(|p| (p.row, p.column)).collect();
        assert_eq!(
            named,
            [
                (2, "unit"),
                (3, "capacity"),
                (3, "languages"),
                (5, "capacity"),
                (5, "title_en")
            ]
        );
        let header = cells(&["unit|title_en|title_fr|description_en|description_fr"]);
        let missing = placements_from_rows(&header, &catalogue, SessionId(1)).expect_err("bad");
        assert_eq!(
            missing,
            [RowProblem {
                row: 1,
                column: "capacity",
                problem: None
            }]
        );
    }
}
