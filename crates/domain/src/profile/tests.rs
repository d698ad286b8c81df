//! The profile parser, field by field, and its messages in both languages.

use super::*;
use crate::eligibility::{Education, EducationStatus, LanguageSkill};
use crate::values::{CefrLevel, EducationLevel, LanguageCode};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use jiff::civil::date;

const TODAY: Date = Date::constant(2026, 5, 10);
const EN: &str = include_str!("../../../../locales/en/profile.ftl");
const FR: &str = include_str!("../../../../locales/fr/profile.ftl");

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn lang(language: &str, level: &str) -> RawLanguage {
    RawLanguage {
        language: language.to_owned(),
        level: level.to_owned(),
    }
}

fn full() -> RawProfile {
    RawProfile {
        given_names: s("Ana María"),
        family_name: s("García <b>López</b>"),
        birth_date: s("2004-02-29"),
        nationalities: vec!["ES".to_owned(), "FR".to_owned()],
        gender: s("undisclosed"),
        phone: s("+34 600 00-00 00"),
        address: s("Calle Mayor 1"),
        city: s("Madrid"),
        country: s("ES"),
        education: Some(RawEducation {
            level: s("master"),
            field: s("International relations"),
            institution: s("Universidad Complutense"),
            years_completed: Some(4),
            enrolled: Some(true),
            graduation_date: s("2027-06-30"),
        }),
        languages: vec![lang("es", "native"), lang("en", "C1"), lang("fr", "B2")],
    }
}

/// The fields at fault, in order, with their problems.
fn problems(raw: &RawProfile) -> Vec<(String, Problem)> {
    match Profile::parse(raw, TODAY) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.into_iter().map(|p| (p.field, p.problem)).collect(),
    }
}

fn check(change: impl FnOnce(&mut RawProfile), expect: &[(&str, Problem)]) {
    let mut raw = full();
    change(&mut raw);
    let expect: Vec<(String, Problem)> =
        expect.iter().map(|(f, p)| ((*f).to_owned(), *p)).collect();
    assert_eq!(problems(&raw), expect, "{raw:?}");
}

#[test]
fn a_full_profile_parses_and_writes_back_the_same() {
    let profile = Profile::parse(&full(), TODAY).expect("valid");
    assert_eq!(profile.to_raw(), full());
    assert_eq!(profile.expected_graduation, Some(date(2027, 6, 30)));
    let facts = profile.facts();
    assert_eq!(facts.birth_date, Some(date(2004, 2, 29)));
    assert_eq!(facts.nationalities.len(), 2);
    assert_eq!(
        facts.education,
        Some(Education {
            level: EducationLevel::Master,
            field: "International relations".to_owned(),
            institution: "Universidad Complutense".to_owned(),
            years_completed: Some(4),
            status: Some(EducationStatus::Enrolled),
        })
    );
    assert_eq!(
        facts.languages[1],
        LanguageSkill {
            language: LanguageCode::parse("en").expect("code"),
            level: CefrLevel::C1,
        }
    );
}

#[test]
fn an_empty_profile_is_a_valid_draft() {
    let profile = Profile::parse(&RawProfile::default(), TODAY).expect("valid draft");
    assert_eq!(profile, Profile::default());
    assert_eq!(profile.to_raw(), RawProfile::default());
    let blank = RawProfile {
        given_names: s("   "),
        phone: s(" "),
        ..RawProfile::default()
    };
    assert_eq!(Profile::parse(&blank, TODAY), Ok(Profile::default()));
}

#[test]
fn texts() {
    check(|r| r.given_names = s("  Ana  "), &[]);
    check(|r| r.given_names = s(&"é".repeat(100)), &[]);
    check(
        |r| r.given_names = s(&"é".repeat(101)),
        &[("given_names", Problem::TooLong { max: 100 })],
    );
    check(
        |r| r.family_name = s("Gar\ncía"),
        &[("family_name", Problem::ControlCharacters)],
    );
    check(
        |r| r.address = s(&"a".repeat(201)),
        &[("address", Problem::TooLong { max: 200 })],
    );
    check(|r| r.given_names = s("<script>alert(1)</script>"), &[]);
}

#[test]
fn birth_dates() {
    check(|r| r.birth_date = s("2026-05-10"), &[]);
    check(|r| r.birth_date = s("1900-01-01"), &[]);
    for (text, problem) in [
        ("2026-05-11", Problem::DateInFuture),
        ("1899-12-31", Problem::DateTooEarly),
        ("2003-02-29", Problem::DateMalformed),
        ("2004-2-29", Problem::DateMalformed),
        ("20040229", Problem::DateMalformed),
        ("29/02/2004", Problem::DateMalformed),
        ("", Problem::DateMalformed),
    ] {
        check(|r| r.birth_date = s(text), &[("birth_date", problem)]);
    }
}

#[test]
fn nationalities_and_country() {
    let codes = |list: &[&str]| list.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    check(|r| r.nationalities = Vec::new(), &[]);
    check(|r| r.nationalities = codes(&["FR", "DE", "US"]), &[]);
    check(
        |r| r.nationalities = codes(&["FR", "fr", "XK", "FR"]),
        &[
            ("nationalities", Problem::TooManyNationalities { max: 3 }),
            ("nationalities[1]", Problem::CountryUnknown),
            ("nationalities[2]", Problem::CountryUnknown),
            ("nationalities[3]", Problem::NationalityRepeated),
        ],
    );
    check(
        |r| r.country = s("UK"),
        &[("country", Problem::CountryUnknown)],
    );
}

#[test]
fn phones() {
    for ok in [
        "+33 1 23 45 67 89",
        "(01) 234-567",
        "123456",
        "+123456789012345",
    ] {
        check(|r| r.phone = s(ok), &[]);
    }
    for bad in [
        "12345",
        "+1234567890123456",
        "+33 1 23 45 67 89 ext",
        "++33123456",
    ] {
        check(|r| r.phone = s(bad), &[("phone", Problem::PhoneMalformed)]);
    }
}

#[test]
fn languages() {
    check(|r| r.languages = Vec::new(), &[]);
    check(
        |r| r.languages = vec![lang("en", "b2"), lang("EN", "C1"), lang("en", "D1")],
        &[
            ("languages[1].language", Problem::LanguageUnknown),
            ("languages[2].language", Problem::LanguageRepeated),
            ("languages[2].level", Problem::LevelUnknown),
        ],
    );
    check(
        |r| r.languages = (0..11).map(|_| lang("xx", "A1")).collect(),
        &std::iter::once(("languages", Problem::TooManyLanguages { max: 10 }))
            .chain(
                [
                    "languages[0].language",
                    "languages[1].language",
                    "languages[2].language",
                    "languages[3].language",
                    "languages[4].language",
                    "languages[5].language",
                    "languages[6].language",
                    "languages[7].language",
                    "languages[8].language",
                    "languages[9].language",
                    "languages[10].language",
                ]
                .map(|f| (f, Problem::LanguageUnknown)),
            )
            .collect::<Vec<_>>(),
    );
}

fn education(change: impl FnOnce(&mut RawEducation)) -> impl FnOnce(&mut RawProfile) {
    move |r| {
        let mut e = r.education.clone().unwrap_or_default();
        change(&mut e);
        r.education = Some(e);
    }
}

#[test]
fn education_fields() {
    check(education(|e| e.years_completed = Some(0)), &[]);
    check(education(|e| e.years_completed = Some(10)), &[]);
    for years in [-1, 11, 300] {
        check(
            education(|e| e.years_completed = Some(years)),
            &[(
                "education.years_completed",
                Problem::YearsOutOfRange { max: 10 },
            )],
        );
    }
    check(
        education(|e| e.level = None),
        &[("education.level", Problem::EducationLevelMissing)],
    );
    check(
        education(|e| e.level = s("Master")),
        &[("education.level", Problem::EducationLevelUnknown)],
    );
    check(
        |r| {
            r.education = Some(RawEducation {
                level: s("other"),
                ..RawEducation::default()
            })
        },
        &[],
    );
}

#[test]
fn enrolment_and_graduation() {
    let status = |enrolled: Option<bool>, graduation: Option<&str>| {
        let mut raw = full();
        raw.education = Some(RawEducation {
            level: s("bachelor"),
            enrolled,
            graduation_date: graduation.map(str::to_owned),
            ..RawEducation::default()
        });
        match Profile::parse(&raw, TODAY) {
            Ok(p) => Ok((p.education.and_then(|e| e.status), p.expected_graduation)),
            Err(problems) => Err(problems.into_iter().map(|p| p.problem).collect::<Vec<_>>()),
        }
    };
    let graduated = |on| Some(EducationStatus::Graduated { on });
    assert_eq!(status(None, None), Ok((None, None)));
    assert_eq!(
        status(Some(true), None),
        Ok((Some(EducationStatus::Enrolled), None))
    );
    assert_eq!(
        status(Some(true), Some("2028-07-01")),
        Ok((Some(EducationStatus::Enrolled), Some(date(2028, 7, 1))))
    );
    assert_eq!(
        status(Some(true), Some("2036-05-10")),
        Ok((Some(EducationStatus::Enrolled), Some(date(2036, 5, 10))))
    );
    assert_eq!(
        status(Some(true), Some("2036-05-11")),
        Err(vec![Problem::DateTooFarAhead { max_years: 10 }])
    );
    assert_eq!(
        status(Some(false), None),
        Ok((Some(EducationStatus::NotEnrolled), None))
    );
    assert_eq!(
        status(Some(false), Some("2025-06-30")),
        Ok((graduated(date(2025, 6, 30)), None))
    );
    assert_eq!(
        status(None, Some("2026-05-10")),
        Ok((graduated(date(2026, 5, 10)), None))
    );
    for enrolled in [None, Some(false)] {
        assert_eq!(
            status(enrolled, Some("2026-05-11")),
            Err(vec![Problem::GraduationInFuture])
        );
    }
    assert_eq!(
        status(Some(false), Some("30/06/2025")),
        Err(vec![Problem::DateMalformed])
    );
}

#[test]
fn every_problem_is_reported_and_the_rest_is_kept() {
    let raw = RawProfile {
        given_names: s("Ana"),
        family_name: s("\u{7}"),
        birth_date: s("2030-01-01"),
        nationalities: vec!["FR".to_owned(), "zz".to_owned()],
        languages: vec![lang("en", "C1"), lang("fr", "Z9")],
        ..RawProfile::default()
    };
    let (partial, problems) = Profile::parse_partial(&raw, TODAY);
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "family_name",
            "birth_date",
            "nationalities[1]",
            "languages[1].level"
        ]
    );
    assert_eq!(partial.given_names.as_deref(), Some("Ana"));
    assert_eq!(partial.family_name, None);
    assert_eq!(partial.nationalities.len(), 1);
    assert_eq!(partial.languages.len(), 1);
}

#[test]
fn dates_of_the_clock_and_of_the_session() {
    assert_eq!(utc_date(0), date(1970, 1, 1));
    assert_eq!(utc_date(1_780_000_000_000), date(2026, 5, 28));
    assert_eq!(utc_date(i64::MAX), Date::MAX);
    assert_eq!(next_first_of_march(date(2026, 5, 10)), date(2027, 3, 1));
    assert_eq!(next_first_of_march(date(2026, 2, 28)), date(2026, 3, 1));
    assert_eq!(next_first_of_march(date(2026, 3, 1)), date(2027, 3, 1));
    assert_eq!(parse_date("2027-03-01"), Some(date(2027, 3, 1)));
    assert_eq!(parse_date("2027-02-30"), None);
    assert_eq!(parse_date("+02027-03-01"), None);
}

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![lang.parse().expect("a language id")]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent");
    bundle.add_resource(resource).expect("no duplicate keys");
    bundle
}

fn render(bundle: &FluentBundle<FluentResource>, problem: Problem) -> String {
    let key = problem.message_key();
    let pattern = bundle
        .get_message(key)
        .and_then(|m| m.value())
        .unwrap_or_else(|| panic!("no message {key}"));
    let given = problem.message_args();
    let mut args = FluentArgs::new();
    for (name, value) in &given {
        args.set(*name, FluentValue::try_number(value));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    assert!(errors.is_empty(), "{key}: {errors:?}");
    text.into_owned()
}

#[test]
fn every_problem_has_its_message_in_both_languages() {
    let en = bundle("en", EN);
    let fr = bundle("fr", FR);
    for problem in Problem::ALL {
        assert!(!render(&en, problem).is_empty());
        assert!(!render(&fr, problem).is_empty());
    }
    assert_eq!(
        render(&fr, Problem::TooLong { max: 100 }),
        "Ce texte est trop long : 100 caractères au plus."
    );
    assert_eq!(
        render(&en, Problem::TooManyNationalities { max: 3 }),
        "At most 3 nationalities can be given."
    );
}

#[test]
fn gender_is_optional_and_one_of_the_answers() {
    let today = jiff::civil::date(2026, 1, 1);
    let mut raw = RawProfile::default();
    for (typed, parsed) in [
        (None, None),
        (s("  "), None),
        (s("female"), Some(Gender::Female)),
    ] {
        raw.gender = typed;
        assert_eq!(Profile::parse(&raw, today).expect("valid").gender, parsed);
    }
    raw.gender = s("yes");
    let problems = Profile::parse(&raw, today).expect_err("unknown");
    assert_eq!(problems[0].field, "gender");
    assert_eq!(problems[0].problem, Problem::GenderUnknown);
}
