//! Every reason has its message in both languages, with exactly the variables it is given,
//! and the messages read as intended once formatted.

use super::{Field, Reason, RuleKind};
use crate::values::{CefrLevel, LanguageCode, Nationality};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use jiff::civil::{date, Date};
use std::collections::{BTreeMap, BTreeSet};

const EN: &str = include_str!("../../../../locales/en/eligibility.ftl");
const FR: &str = include_str!("../../../../locales/fr/eligibility.ftl");

fn nat(code: &str) -> Nationality {
    Nationality::parse(code).expect("a test code")
}

fn lang(code: &str) -> LanguageCode {
    LanguageCode::parse(code).expect("a test code")
}

/// One reason of each variant; `covered` makes adding a variant a compile error here.
fn every_reason() -> Vec<Reason> {
    let start = date(2027, 3, 1);
    let mut reasons = vec![
        Reason::NationalityAllowed {
            nationality: nat("FR"),
        },
        Reason::NationalityNotAllowed {
            nationalities: vec![nat("JP")],
        },
        Reason::NationalityNotAllowed {
            nationalities: vec![nat("JP"), nat("BR")],
        },
        Reason::AgeOk {
            age_at_start: 23,
            minimum: 21,
            start,
        },
        Reason::TooYoung {
            age_at_start: 20,
            minimum: 21,
            start,
        },
        Reason::EnoughYears {
            completed: 3,
            minimum: 2,
        },
        Reason::NotEnoughYears {
            completed: 1,
            minimum: 2,
        },
        Reason::Enrolled,
        Reason::EducationOk,
        Reason::NotEnrolled,
        Reason::GraduatedRecently {
            graduated: date(2026, 6, 15),
            limit_date: date(2026, 3, 1),
        },
        Reason::Graduated {
            graduated: date(2020, 7, 1),
        },
        Reason::GraduatedTooLongAgo {
            graduated: date(2025, 12, 31),
            limit_date: date(2026, 3, 1),
        },
        Reason::LanguageOk {
            language: lang("en"),
            level: CefrLevel::Native,
            minimum: CefrLevel::B2,
        },
        Reason::LanguageLevelTooLow {
            language: lang("fr"),
            best: CefrLevel::B1,
            minimum: CefrLevel::B2,
        },
        Reason::NoAcceptedLanguage {
            accepted: vec![lang("en"), lang("fr")],
        },
    ];
    for field in [
        Field::BirthDate,
        Field::Nationalities,
        Field::Education,
        Field::EducationStatus,
        Field::YearsCompleted,
        Field::Languages,
    ] {
        reasons.push(Reason::Missing(field));
    }
    reasons.iter().for_each(covered);
    reasons
}

fn covered(reason: &Reason) {
    match reason {
        Reason::NationalityAllowed { .. }
        | Reason::NationalityNotAllowed { .. }
        | Reason::AgeOk { .. }
        | Reason::TooYoung { .. }
        | Reason::EnoughYears { .. }
        | Reason::NotEnoughYears { .. }
        | Reason::Enrolled
        | Reason::EducationOk
        | Reason::NotEnrolled
        | Reason::GraduatedRecently { .. }
        | Reason::Graduated { .. }
        | Reason::GraduatedTooLongAgo { .. }
        | Reason::LanguageOk { .. }
        | Reason::LanguageLevelTooLow { .. }
        | Reason::NoAcceptedLanguage { .. } => {}
        Reason::Missing(field) => match field {
            Field::BirthDate
            | Field::Nationalities
            | Field::Education
            | Field::EducationStatus
            | Field::YearsCompleted
            | Field::Languages => {}
        },
    }
}

/// Each message's key and its whole text (first line and indented continuation lines).
fn messages(source: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            let (key, body) = line.split_once(" = ").expect("`key = value`");
            map.insert(key.to_owned(), body.to_owned());
            current = Some(key.to_owned());
        } else if line.starts_with(' ') {
            let key = current
                .as_ref()
                .expect("a continuation line follows a message");
            map.entry(key.clone())
                .or_insert_with(String::new)
                .push_str(line);
        } else {
            current = None;
        }
    }
    map
}

fn variables(body: &str) -> BTreeSet<String> {
    body.split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn both_files_have_the_same_keys() {
    let en: BTreeSet<_> = messages(EN).into_keys().collect();
    let fr: BTreeSet<_> = messages(FR).into_keys().collect();
    assert_eq!(en, fr);
}

#[test]
fn every_reason_has_its_message_with_exactly_its_variables_in_both_languages() {
    for (name, source) in [("en", EN), ("fr", FR)] {
        let messages = messages(source);
        for reason in every_reason() {
            let key = reason.message_key();
            let body = messages
                .get(key)
                .unwrap_or_else(|| panic!("{name}: no message {key}"));
            let given: BTreeSet<String> = reason
                .message_args()
                .into_iter()
                .map(|(arg, _)| arg.to_owned())
                .collect();
            assert_eq!(variables(body), given, "{name}: variables of {key}");
        }
        for kind in [
            RuleKind::Nationality,
            RuleKind::Age,
            RuleKind::Education,
            RuleKind::Language,
        ] {
            let key = kind.message_key();
            let body = messages.get(key).unwrap_or_else(|| panic!("{name}: {key}"));
            assert!(
                variables(body).is_empty(),
                "{name}: {key} takes no variable"
            );
        }
    }
}

fn bundle(lang: &str, source: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(source.to_owned()).expect("valid Fluent syntax");
    let mut bundle = FluentBundle::new(vec![lang.parse().expect("a language tag")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate message");
    bundle
}

fn render(bundle: &FluentBundle<FluentResource>, reason: &Reason) -> String {
    let key = reason.message_key();
    let pattern = bundle
        .get_message(key)
        .and_then(|m| m.value())
        .unwrap_or_else(|| panic!("no message {key}"));
    let given = reason.message_args();
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
fn messages_read_as_intended() {
    let en = bundle("en", EN);
    let fr = bundle("fr", FR);
    for reason in every_reason() {
        // Formats without error in both languages.
        render(&en, &reason);
        render(&fr, &reason);
    }
    let too_young = Reason::TooYoung {
        age_at_start: 20,
        minimum: 21,
        start: date(2027, 3, 1),
    };
    assert_eq!(
        render(&en, &too_young),
        "You will be 20 on 1 March 2027; the minimum is 21."
    );
    assert_eq!(
        render(&fr, &too_young),
        "Vous aurez 20 ans le 1er mars 2027 ; l’âge minimum est de 21 ans."
    );
    let late = Reason::GraduatedTooLongAgo {
        graduated: date(2025, 12, 31),
        limit_date: date(2026, 9, 1),
    };
    assert_eq!(
        render(&en, &late),
        "You graduated on 31 December 2025; for this session, you must have graduated on or after 1 September 2026."
    );
    assert_eq!(
        render(&fr, &late),
        "Vous avez obtenu votre diplôme le 31 décembre 2025 ; pour cette session, il doit l’avoir été le 1er septembre 2026 ou après."
    );
    let one_year = Reason::NotEnoughYears {
        completed: 1,
        minimum: 2,
    };
    assert_eq!(
        render(&en, &one_year),
        "You have completed one year of higher education; at least 2 are required."
    );
    assert_eq!(
        render(&fr, &one_year),
        "Vous avez achevé 1 année d’études supérieures ; il en faut au moins 2."
    );
    let native = Reason::LanguageOk {
        language: lang("fr"),
        level: CefrLevel::Native,
        minimum: CefrLevel::B2,
    };
    assert_eq!(
        render(&en, &native),
        "Your level in French: native (minimum B2)."
    );
    assert_eq!(
        render(&fr, &native),
        "Votre niveau en français : langue maternelle (minimum : B2)."
    );
    let two = Reason::NationalityNotAllowed {
        nationalities: vec![nat("JP"), nat("BR")],
    };
    assert_eq!(
        render(&en, &two),
        "None of your nationalities (JP, BR) is eligible for this session."
    );
}

#[test]
fn every_month_is_named() {
    let en = bundle("en", EN);
    let fr = bundle("fr", FR);
    let names: Vec<(String, String)> = (1..=12)
        .map(|m| {
            let reason = Reason::Graduated {
                graduated: Date::new(2026, m, 2).expect("a valid date"),
            };
            (render(&en, &reason), render(&fr, &reason))
        })
        .collect();
    assert_eq!(names[0].0, "You graduated on 2 January 2026.");
    assert_eq!(names[7].1, "Vous avez obtenu votre diplôme le 2 août 2026.");
    let distinct: BTreeSet<_> = names.iter().collect();
    assert_eq!(distinct.len(), 12);
}
