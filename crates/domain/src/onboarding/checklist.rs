//! A session's pre-arrival checklist as TOML data (`[[items]]` with key, labels, owner,
//! kind and days before the start), NATO's by default.

use crate::Localized;
use serde::{Deserialize, Serialize};

/// Who must act on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The future intern.
    Candidate,
    /// The internship office.
    Office,
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Something to do and confirm.
    Task,
    /// A document to provide.
    Document,
    /// The security clearance: requested, in progress, granted or refused.
    Clearance,
}

/// One item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable key, e.g. `clearance`.
    pub key: String,
    /// Shown to both sides.
    pub label: Localized<String>,
    /// Who acts.
    pub owner: Owner,
    /// What it is.
    pub kind: ItemKind,
    /// Due this many days before the internship starts.
    pub due_days_before_start: u32,
}

/// The checklist of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Items, in the order shown.
    pub items: Vec<ChecklistItem>,
}

/// Why a checklist file is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistError {
    /// Not TOML of the expected shape.
    #[error("not a checklist: {0}")]
    Syntax(String),
    /// A key is empty or used twice.
    #[error("item {0:?}: keys must be unique and not empty")]
    Key(String),
    /// More than one clearance item.
    #[error("at most one clearance item")]
    Clearances,
    /// An item without its label in one of the two languages.
    #[error("item {0:?}: a label in English and in French")]
    Label(String),
}

fn text(en: &str, fr: &str) -> Localized<String> {
    Localized {
        en: en.to_owned(),
        fr: fr.to_owned(),
    }
}

impl Checklist {
    /// What NATO asks before an intern starts (clearance takes 8 weeks to 18 months).
    pub fn nato_default() -> Checklist {
        let item = |key: &str, en, fr, owner, kind, days| ChecklistItem {
            key: key.to_owned(),
            label: text(en, fr),
            owner,
            kind,
            due_days_before_start: days,
        };
        Checklist {
            items: vec![
                item(
                    "clearance",
                    "National and NATO security clearance",
                    "Habilitation de sécurité nationale et OTAN",
                    Owner::Office,
                    ItemKind::Clearance,
                    14,
                ),
                item(
                    "insurance",
                    "Proof of health insurance",
                    "Attestation d’assurance maladie",
                    Owner::Candidate,
                    ItemKind::Document,
                    30,
                ),
                item(
                    "agreement",
                    "Signed internship agreement",
                    "Convention de stage signée",
                    Owner::Candidate,
                    ItemKind::Document,
                    30,
                ),
                item(
                    "travel",
                    "Travel and arrival details",
                    "Voyage et arrivée",
                    Owner::Candidate,
                    ItemKind::Task,
                    14,
                ),
                item(
                    "badge_photo",
                    "Photo for the badge",
                    "Photo pour le badge",
                    Owner::Candidate,
                    ItemKind::Document,
                    21,
                ),
            ],
        }
    }

    /// Reads a checklist written as TOML.
    pub fn from_toml(text: &str) -> Result<Checklist, ChecklistError> {
        let list: Checklist =
            toml::from_str(text).map_err(|e| ChecklistError::Syntax(e.to_string()))?;
        for (i, item) in list.items.iter().enumerate() {
            if item.key.trim().is_empty() || list.items[..i].iter().any(|o| o.key == item.key) {
                return Err(ChecklistError::Key(item.key.clone()));
            }
            if item.label.en.trim().is_empty() || item.label.fr.trim().is_empty() {
                return Err(ChecklistError::Label(item.key.clone()));
            }
        }
        if list
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Clearance)
            .count()
            > 1
        {
            return Err(ChecklistError::Clearances);
        }
        Ok(list)
    }

    /// The checklist as TOML ([`Checklist::from_toml`] reads it back).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// The item with `key`.
    pub fn item(&self, key: &str) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_checklist_round_trips_and_mistakes_are_named() {
        let list = Checklist::nato_default();
        assert_eq!(Checklist::from_toml(&list.to_toml()), Ok(list.clone()));
        let twice = list
            .to_toml()
            .replace("key = \"travel\"", "key = \"insurance\"");
        assert_eq!(
            Checklist::from_toml(&twice),
            Err(ChecklistError::Key("insurance".into()))
        );
        let clearances = list
            .to_toml()
            .replace("kind = \"task\"", "kind = \"clearance\"");
        assert_eq!(
            Checklist::from_toml(&clearances),
            Err(ChecklistError::Clearances)
        );
        assert!(matches!(
            Checklist::from_toml("items = 3"),
            Err(ChecklistError::Syntax(_))
        ));
        let unlabelled = list
            .to_toml()
            .replace("fr = \"Voyage et arrivée\"", "fr = \" \"");
        assert_eq!(
            Checklist::from_toml(&unlabelled),
            Err(ChecklistError::Label("travel".into()))
        );
    }
}
