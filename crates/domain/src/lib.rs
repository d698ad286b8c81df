//! The domain of Cohort: what a programme's catalogue is, in which languages it
//! speaks, and the value types that are valid once parsed.
//!
//! This crate decides and never acts: no I/O, no async, no HTTP, no SQL.
//!
//! ```
//! use cohort_domain::{Catalogue, Lang, UnitCode};
//!
//! let toml = r#"
//! [programme]
//! code = "demo"
//! name.en = "Demo programme"
//! name.fr = "Programme de démonstration"
//!
//! [[units]]
//! code = "LEGAL"
//! kind = "office"
//! name.en = "Legal Office"
//! name.fr = "Bureau juridique"
//! summary.en = "Gives legal advice."
//! summary.fr = "Donne des avis juridiques."
//! responsibilities.en = [
//!   "Advise.",
//! ]
//! responsibilities.fr = [
//!   "Conseiller.",
//! ]
//! "#;
//! let catalogue = Catalogue::from_toml(toml).expect("a valid catalogue");
//! let legal = catalogue.unit(&UnitCode::parse("LEGAL").unwrap()).unwrap();
//! assert_eq!(legal.name.get(Lang::Fr), "Bureau juridique");
//! // The canonical export gives back the same bytes.
//! assert_eq!(catalogue.to_toml().trim_start(), toml.trim_start());
//! ```

mod account;
pub mod allocation;
pub mod application;
pub mod calendar;
mod catalogue;
pub mod eligibility;
pub mod instant;
pub mod internship;
mod lang;
pub mod mail;
pub mod onboarding;
pub mod profile;
pub mod review;
pub mod session;
mod unit;
mod values;

pub use account::limits;
pub use account::{
    Email, EmailError, NewPassword, PasswordProblem, Permission, Role, MIN_PASSWORD_CHARS,
};
pub use catalogue::{Catalogue, CatalogueError, Programme, Testimonial};
pub use lang::{Lang, Localized};
pub use unit::{Unit, UnitCode, UnitCodeError, UnitKind};
pub use values::{
    CefrLevel, CefrLevelError, EducationLevel, EducationLevelError, LanguageCode,
    LanguageCodeError, Nationality, NationalityError, ISO_3166_1_ALPHA_2, ISO_639_1,
};
