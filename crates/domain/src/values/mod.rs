//! Value types of a candidate's profile that are valid once parsed: a nationality, a
//! language, a CEFR level, a level of education.

mod cefr;
mod education;
mod language;
mod nationality;

pub use cefr::{CefrLevel, CefrLevelError};
pub use education::{EducationLevel, EducationLevelError};
pub use language::{LanguageCode, LanguageCodeError, ISO_639_1};
pub use nationality::{Nationality, NationalityError, ISO_3166_1_ALPHA_2};

/// The text of a two-letter code stored as bytes; both bytes are ASCII letters by
/// construction, so this never fails in practice and falls back to `"??"` otherwise.
fn two_letters(bytes: &[u8; 2]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("??")
}
