//! A programme's catalogue of host units and the testimonials of former interns.

mod error;
mod parse;
mod write;

pub use error::CatalogueError;

use crate::lang::Localized;
use crate::unit::{Unit, UnitCode};
use std::collections::HashMap;

/// The programme a catalogue describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Programme {
    /// Stable code, e.g. `nato-international-staff`.
    pub code: String,
    /// Display name.
    pub name: Localized<String>,
}

/// What an internship in a unit looked like, in a former intern's words as summarised by us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Testimonial {
    /// The unit it is about.
    pub unit: UnitCode,
    /// A short title.
    pub title: Localized<String>,
    /// Paragraphs.
    pub body: Localized<Vec<String>>,
}

/// A validated catalogue: codes unique, every parent known, no cycle, both languages present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    programme: Programme,
    units: Vec<Unit>,
    testimonials: Vec<Testimonial>,
    index: HashMap<UnitCode, usize>,
}

impl Catalogue {
    /// Builds a catalogue from parts, checking every invariant.
    pub fn new(
        programme: Programme,
        units: Vec<Unit>,
        testimonials: Vec<Testimonial>,
    ) -> Result<Catalogue, CatalogueError> {
        parse::validate(programme, units, testimonials)
    }

    /// Parses the TOML catalogue format (see `catalogue/README.md`).
    pub fn from_toml(text: &str) -> Result<Catalogue, CatalogueError> {
        parse::from_toml(text)
    }

    /// Writes the canonical TOML form; `from_toml(c.to_toml())` gives `c` back, and a file
    /// already in canonical form is reproduced byte for byte.
    pub fn to_toml(&self) -> String {
        write::to_toml(self)
    }

    /// The programme.
    pub fn programme(&self) -> &Programme {
        &self.programme
    }

    /// Every unit, parents before children, in catalogue order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Every testimonial, in catalogue order.
    pub fn testimonials(&self) -> &[Testimonial] {
        &self.testimonials
    }

    /// The unit with this code.
    pub fn unit(&self, code: &UnitCode) -> Option<&Unit> {
        self.index.get(code).map(|&i| &self.units[i])
    }

    /// Divisions and offices: the units without a parent.
    pub fn roots(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|u| u.parent.is_none())
    }

    /// The direct sub-units of `code`, in catalogue order.
    pub fn children<'a>(&'a self, code: &'a UnitCode) -> impl Iterator<Item = &'a Unit> + 'a {
        self.units
            .iter()
            .filter(move |u| u.parent.as_ref() == Some(code))
    }

    /// The chain from the top-level unit down to `code`'s parent (the breadcrumb).
    pub fn ancestors(&self, code: &UnitCode) -> Vec<&Unit> {
        let mut chain = Vec::new();
        let mut next = self.unit(code).and_then(|u| u.parent.as_ref());
        while let Some(parent) = next.and_then(|c| self.unit(c)) {
            chain.push(parent);
            next = parent.parent.as_ref();
        }
        chain.reverse();
        chain
    }

    /// The testimonials attached to `code`.
    pub fn testimonials_of<'a>(
        &'a self,
        code: &'a UnitCode,
    ) -> impl Iterator<Item = &'a Testimonial> + 'a {
        self.testimonials.iter().filter(move |t| &t.unit == code)
    }
}
