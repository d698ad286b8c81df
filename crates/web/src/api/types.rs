//! The shapes the API sends, kept apart from the domain types they are built from.

use cohort_domain::{Catalogue, Localized, Testimonial, Unit};
use serde::Serialize;
use utoipa::ToSchema;

/// A text in English and French.
#[derive(Debug, Serialize, ToSchema)]
pub struct Text {
    /// English.
    pub en: String,
    /// French.
    pub fr: String,
}

/// A list of texts in English and French.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextList {
    /// English.
    pub en: Vec<String>,
    /// French.
    pub fr: Vec<String>,
}

impl From<&Localized<String>> for Text {
    fn from(value: &Localized<String>) -> Text {
        Text {
            en: value.en.clone(),
            fr: value.fr.clone(),
        }
    }
}

impl From<&Localized<Vec<String>>> for TextList {
    fn from(value: &Localized<Vec<String>>) -> TextList {
        TextList {
            en: value.en.clone(),
            fr: value.fr.clone(),
        }
    }
}

/// A unit in the tree, with its sub-units.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitNode {
    /// Stable code.
    #[schema(example = "ESCD")]
    pub code: String,
    /// division, office, project_office, directorate, section, branch, service, centre,
    /// agency, board or unit.
    #[schema(example = "division")]
    pub kind: String,
    /// Name.
    pub name: Text,
    /// What it does, in a sentence or two.
    pub summary: Text,
    /// Its sub-units.
    #[schema(no_recursion)]
    pub children: Vec<UnitNode>,
}

impl UnitNode {
    /// The tree under `unit`.
    pub fn tree(unit: &Unit, catalogue: &Catalogue) -> UnitNode {
        UnitNode {
            code: unit.code.to_string(),
            kind: unit.kind.as_str().to_owned(),
            name: (&unit.name).into(),
            summary: (&unit.summary).into(),
            children: catalogue
                .children(&unit.code)
                .map(|child| UnitNode::tree(child, catalogue))
                .collect(),
        }
    }
}

/// A reference to another unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitRef {
    /// Stable code.
    pub code: String,
    /// Name.
    pub name: Text,
}

impl From<&Unit> for UnitRef {
    fn from(unit: &Unit) -> UnitRef {
        UnitRef {
            code: unit.code.to_string(),
            name: (&unit.name).into(),
        }
    }
}

/// A testimonial of a former intern (summarised).
#[derive(Debug, Serialize, ToSchema)]
pub struct TestimonialBody {
    /// Title.
    pub title: Text,
    /// Paragraphs.
    pub body: TextList,
}

impl From<&Testimonial> for TestimonialBody {
    fn from(t: &Testimonial) -> TestimonialBody {
        TestimonialBody {
            title: (&t.title).into(),
            body: (&t.body).into(),
        }
    }
}

/// Everything about one unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnitDetail {
    /// Stable code.
    #[schema(example = "ESCD-CYBER")]
    pub code: String,
    /// The unit it belongs to, if any.
    pub parent: Option<String>,
    /// Kind of unit.
    pub kind: String,
    /// Name.
    pub name: Text,
    /// What it does.
    pub summary: Text,
    /// Main responsibilities.
    pub responsibilities: TextList,
    /// From the top-level unit down to the parent.
    pub breadcrumb: Vec<UnitRef>,
    /// Direct sub-units.
    pub children: Vec<UnitRef>,
    /// What an internship here can look like.
    pub testimonials: Vec<TestimonialBody>,
}

/// One search hit, in the language asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// Stable code.
    pub code: String,
    /// Kind of unit.
    pub kind: String,
    /// Name.
    pub name: String,
    /// What it does.
    pub summary: String,
    /// The code of the unit it belongs to, if any.
    pub parent: Option<String>,
    /// Relevance; only the order matters.
    pub score: f32,
}

/// The answer to a search.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query, as received.
    pub query: String,
    /// The language of names and summaries: `en` or `fr`.
    pub lang: String,
    /// Best first.
    pub hits: Vec<SearchHit>,
}
