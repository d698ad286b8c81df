//! From what a candidate typed to a valid profile, collecting every problem.

use super::problem::{
    Problem, ProfileProblem, MAX_LANGUAGES, MAX_NATIONALITIES, MAX_YEARS_AHEAD, MAX_YEARS_COMPLETED,
};
use super::{parse_date, Date, Gender, Profile, RawEducation, RawLanguage, RawProfile};
use crate::eligibility::{Education, EducationStatus, LanguageSkill};
use crate::values::{CefrLevel, EducationLevel, LanguageCode, Nationality};

const NAME_CHARS: usize = 100;
const LONG_TEXT_CHARS: usize = 200;
const MIN_PHONE_DIGITS: usize = 6;
const MAX_PHONE_DIGITS: usize = 15;

/// Collects the problems of one parse.
#[derive(Default)]
struct Problems(Vec<ProfileProblem>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(ProfileProblem {
            field: field.into(),
            problem,
        });
    }

    /// The value, or `None` with the problem recorded.
    fn check<T>(&mut self, field: &str, result: Result<T, Problem>) -> Option<T> {
        result.map_err(|p| self.add(field, p)).ok()
    }
}

pub(super) fn parse(raw: &RawProfile, today: Date) -> (Profile, Vec<ProfileProblem>) {
    let mut problems = Problems::default();
    let p = &mut problems;
    let opt_text = |p: &mut Problems, field: &str, value: &Option<String>, max: usize| {
        value
            .as_deref()
            .and_then(|v| p.check(field, text(v, max)).flatten())
    };
    let given_names = opt_text(p, "given_names", &raw.given_names, NAME_CHARS);
    let family_name = opt_text(p, "family_name", &raw.family_name, NAME_CHARS);
    let birth_date = raw
        .birth_date
        .as_deref()
        .and_then(|v| p.check("birth_date", past_date(v, today, Problem::DateInFuture)));
    let nationalities = nationalities(p, &raw.nationalities);
    let gender = raw
        .gender
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .and_then(|v| p.check("gender", Gender::parse(v).ok_or(Problem::GenderUnknown)));
    let phone = raw
        .phone
        .as_deref()
        .and_then(|v| p.check("phone", phone(v)).flatten());
    let address = opt_text(p, "address", &raw.address, LONG_TEXT_CHARS);
    let city = opt_text(p, "city", &raw.city, NAME_CHARS);
    let country = raw.country.as_deref().and_then(|v| {
        let parsed = Nationality::parse(v).map_err(|_| Problem::CountryUnknown);
        p.check("country", parsed)
    });
    let (education, expected_graduation) = match &raw.education {
        Some(e) => education(p, e, today),
        None => (None, None),
    };
    let languages = languages(p, &raw.languages);
    let profile = Profile {
        given_names,
        family_name,
        birth_date,
        nationalities,
        gender,
        phone,
        address,
        city,
        country,
        education,
        expected_graduation,
        languages,
    };
    (profile, problems.0)
}

/// A trimmed text of at most `max` characters without control characters; `None` if blank.
fn text(value: &str, max: usize) -> Result<Option<String>, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Problem::ControlCharacters);
    }
    if trimmed.chars().count() > max {
        return Err(Problem::TooLong { max });
    }
    Ok(Some(trimmed.to_owned()))
}

fn phone(value: &str) -> Result<Option<String>, Problem> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let rest = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')');
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    if rest.chars().all(allowed) && (MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits) {
        Ok(Some(trimmed.to_owned()))
    } else {
        Err(Problem::PhoneMalformed)
    }
}

fn any_date(value: &str) -> Result<Date, Problem> {
    let date = parse_date(value.trim()).ok_or(Problem::DateMalformed)?;
    if date < Date::constant(1900, 1, 1) {
        return Err(Problem::DateTooEarly);
    }
    Ok(date)
}

/// A date not after `today`; `late` says what is wrong otherwise.
fn past_date(value: &str, today: Date, late: Problem) -> Result<Date, Problem> {
    let date = any_date(value)?;
    if date > today {
        return Err(late);
    }
    Ok(date)
}

fn nationalities(p: &mut Problems, raw: &[String]) -> Vec<Nationality> {
    if raw.len() > MAX_NATIONALITIES {
        p.add(
            "nationalities",
            Problem::TooManyNationalities {
                max: MAX_NATIONALITIES,
            },
        );
    }
    let mut found: Vec<Nationality> = Vec::new();
    for (i, code) in raw.iter().enumerate() {
        let field = format!("nationalities[{i}]");
        match Nationality::parse(code.trim()) {
            Err(_) => p.add(field, Problem::CountryUnknown),
            Ok(n) if found.contains(&n) => p.add(field, Problem::NationalityRepeated),
            Ok(n) => found.push(n),
        }
    }
    found.truncate(MAX_NATIONALITIES);
    found
}

fn languages(p: &mut Problems, raw: &[RawLanguage]) -> Vec<LanguageSkill> {
    if raw.len() > MAX_LANGUAGES {
        p.add(
            "languages",
            Problem::TooManyLanguages { max: MAX_LANGUAGES },
        );
    }
    let mut found: Vec<LanguageSkill> = Vec::new();
    for (i, entry) in raw.iter().enumerate() {
        let language = match LanguageCode::parse(entry.language.trim()) {
            Err(_) => {
                p.add(format!("languages[{i}].language"), Problem::LanguageUnknown);
                None
            }
            Ok(l) if found.iter().any(|s| s.language == l) => {
                p.add(
                    format!("languages[{i}].language"),
                    Problem::LanguageRepeated,
                );
                None
            }
            Ok(l) => Some(l),
        };
        let level = CefrLevel::parse(entry.level.trim())
            .map_err(|_| p.add(format!("languages[{i}].level"), Problem::LevelUnknown))
            .ok();
        if let (Some(language), Some(level)) = (language, level) {
            found.push(LanguageSkill { language, level });
        }
    }
    found.truncate(MAX_LANGUAGES);
    found
}

fn education(
    p: &mut Problems,
    raw: &RawEducation,
    today: Date,
) -> (Option<Education>, Option<Date>) {
    let level = match raw.level.as_deref().map(str::trim) {
        None | Some("") => {
            p.add("education.level", Problem::EducationLevelMissing);
            None
        }
        Some(text) => {
            let parsed = EducationLevel::parse(text).map_err(|_| Problem::EducationLevelUnknown);
            p.check("education.level", parsed)
        }
    };
    let field = raw.field.as_deref().and_then(|v| {
        p.check("education.field", text(v, LONG_TEXT_CHARS))
            .flatten()
    });
    let institution = raw.institution.as_deref().and_then(|v| {
        p.check("education.institution", text(v, LONG_TEXT_CHARS))
            .flatten()
    });
    let years_completed = raw.years_completed.and_then(|years| {
        let in_range = u8::try_from(years)
            .ok()
            .filter(|y| *y <= MAX_YEARS_COMPLETED)
            .ok_or(Problem::YearsOutOfRange {
                max: MAX_YEARS_COMPLETED,
            });
        p.check("education.years_completed", in_range)
    });
    let (status, expected) = status(p, raw, today);
    let education = level.map(|level| Education {
        level,
        field: field.unwrap_or_default(),
        institution: institution.unwrap_or_default(),
        years_completed,
        status,
    });
    (education, expected)
}

/// Enrolled (with an expected graduation date, if given), graduated on a past date, not
/// enrolled, or not said.
fn status(
    p: &mut Problems,
    raw: &RawEducation,
    today: Date,
) -> (Option<EducationStatus>, Option<Date>) {
    const FIELD: &str = "education.graduation_date";
    let date = raw
        .graduation_date
        .as_deref()
        .filter(|v| !v.trim().is_empty());
    match (raw.enrolled, date) {
        (Some(true), None) => (Some(EducationStatus::Enrolled), None),
        (Some(true), Some(text)) => {
            let expected = p.check(FIELD, expected_date(text, today));
            (Some(EducationStatus::Enrolled), expected)
        }
        (_, Some(text)) => {
            let on = p.check(FIELD, past_date(text, today, Problem::GraduationInFuture));
            (on.map(|on| EducationStatus::Graduated { on }), None)
        }
        (Some(false), None) => (Some(EducationStatus::NotEnrolled), None),
        (None, None) => (None, None),
    }
}

fn expected_date(text: &str, today: Date) -> Result<Date, Problem> {
    let date = any_date(text)?;
    let limit = today
        .year()
        .checked_add(MAX_YEARS_AHEAD)
        .and_then(|y| Date::new(y, today.month(), today.day().min(28)).ok())
        .unwrap_or(Date::MAX);
    if date > limit {
        return Err(Problem::DateTooFarAhead {
            max_years: MAX_YEARS_AHEAD,
        });
    }
    Ok(date)
}
