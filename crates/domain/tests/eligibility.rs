//! Eligibility rules: the shipped NATO file, each rule's pass and fail with their
//! boundaries, missing facts, the TOML errors, and properties of age and evaluation.

use cohort_domain::eligibility::{
    age_at, AgeRule, CandidateFacts, Education, EducationRule, EducationStatus, Field,
    LanguageRule, LanguageSkill, NationalityRule, Reason, RuleKind, RuleProblem, RuleSet,
    RuleSetError,
};
use cohort_domain::{CefrLevel, EducationLevel, LanguageCode, Nationality};
use jiff::civil::{date, Date};
use proptest::prelude::*;
use std::collections::BTreeSet;

const NATO_FILE: &str = include_str!("../../../catalogue/nato-eligibility.toml");

// ---- helpers -------------------------------------------------------------------------

fn nat(code: &str) -> Nationality {
    Nationality::parse(code).expect("a test code")
}

fn lang(code: &str) -> LanguageCode {
    LanguageCode::parse(code).expect("a test code")
}

fn skill(code: &str, level: CefrLevel) -> LanguageSkill {
    LanguageSkill {
        language: lang(code),
        level,
    }
}

fn studies(years: Option<u8>, status: Option<EducationStatus>) -> Option<Education> {
    Some(Education {
        level: EducationLevel::Bachelor,
        field: "Political science".to_owned(),
        institution: "Université libre de Bruxelles".to_owned(),
        years_completed: years,
        status,
    })
}

/// A candidate who meets every NATO rule for a start on 1 March 2027.
fn candidate() -> CandidateFacts {
    CandidateFacts {
        birth_date: Some(date(2003, 5, 10)),
        nationalities: vec![nat("BE")],
        education: studies(Some(3), Some(EducationStatus::Enrolled)),
        languages: vec![skill("en", CefrLevel::C1)],
    }
}

fn only_age(minimum_at_start: u8) -> RuleSet {
    RuleSet {
        age: Some(AgeRule { minimum_at_start }),
        ..RuleSet::default()
    }
}

fn only_nato(kind: RuleKind) -> RuleSet {
    let nato = RuleSet::nato_default();
    RuleSet {
        nationality: nato.nationality.filter(|_| kind == RuleKind::Nationality),
        age: nato.age.filter(|_| kind == RuleKind::Age),
        education: nato.education.filter(|_| kind == RuleKind::Education),
        language: nato.language.filter(|_| kind == RuleKind::Language),
    }
}

/// Evaluates a single-rule set and compares its one reason; `passed` must agree.
fn check(rules: &RuleSet, facts: &CandidateFacts, start: Date, expect: Reason) {
    let evaluation = rules.evaluate(facts, start);
    assert_eq!(evaluation.outcomes.len(), 1, "{facts:?}");
    let outcome = &evaluation.outcomes[0];
    assert_eq!(outcome.reason, expect, "{facts:?} starting {start}");
    assert_eq!(outcome.passed, expect.passes());
    assert_eq!(evaluation.is_eligible(), expect.passes());
}

fn invalid(field: &str, problem: RuleProblem) -> Result<RuleSet, RuleSetError> {
    Err(RuleSetError::Invalid {
        field: field.to_owned(),
        problem,
    })
}

// ---- the shipped rules ---------------------------------------------------------------

#[test]
fn the_shipped_nato_file_is_the_default_and_canonical() {
    assert_eq!(RuleSet::from_toml(NATO_FILE), Ok(RuleSet::nato_default()));
    assert_eq!(RuleSet::nato_default().to_toml(), NATO_FILE);
}

#[test]
fn a_typical_candidate_meets_every_nato_rule() {
    let evaluation = RuleSet::nato_default().evaluate(&candidate(), date(2027, 3, 1));
    let rules: Vec<RuleKind> = evaluation.outcomes.iter().map(|o| o.rule).collect();
    assert_eq!(
        rules,
        [
            RuleKind::Nationality,
            RuleKind::Age,
            RuleKind::Education,
            RuleKind::Language
        ]
    );
    assert!(evaluation.is_eligible(), "{evaluation:?}");
    assert_eq!(evaluation.failures().count(), 0);
}

#[test]
fn an_empty_profile_fails_every_rule_for_missing_information() {
    let evaluation = RuleSet::nato_default().evaluate(&CandidateFacts::default(), date(2027, 3, 1));
    let reasons: Vec<&Reason> = evaluation.outcomes.iter().map(|o| &o.reason).collect();
    assert_eq!(
        reasons,
        [
            &Reason::Missing(Field::Nationalities),
            &Reason::Missing(Field::BirthDate),
            &Reason::Missing(Field::Education),
            &Reason::Missing(Field::Languages),
        ]
    );
    assert!(!evaluation.is_eligible());
    assert_eq!(evaluation.failures().count(), 4);
}

#[test]
fn an_empty_rule_set_admits_everyone() {
    let evaluation = RuleSet::default().evaluate(&CandidateFacts::default(), date(2027, 3, 1));
    assert!(evaluation.outcomes.is_empty());
    assert!(evaluation.is_eligible());
}

// ---- nationality ---------------------------------------------------------------------

#[test]
fn nationality() {
    let rules = only_nato(RuleKind::Nationality);
    let start = date(2027, 3, 1);
    let with = |codes: &[&str]| CandidateFacts {
        nationalities: codes.iter().map(|c| nat(c)).collect(),
        ..candidate()
    };
    let table = [
        (
            with(&["FR"]),
            Reason::NationalityAllowed {
                nationality: nat("FR"),
            },
        ),
        (
            with(&["US"]),
            Reason::NationalityAllowed {
                nationality: nat("US"),
            },
        ),
        (
            with(&["SE"]),
            Reason::NationalityAllowed {
                nationality: nat("SE"),
            },
        ),
        (
            with(&["JP"]),
            Reason::NationalityNotAllowed {
                nationalities: vec![nat("JP")],
            },
        ),
        // One allowed nationality suffices, wherever it is listed.
        (
            with(&["JP", "CA"]),
            Reason::NationalityAllowed {
                nationality: nat("CA"),
            },
        ),
        (
            with(&["CA", "JP"]),
            Reason::NationalityAllowed {
                nationality: nat("CA"),
            },
        ),
        (
            with(&["JP", "BR", "CH"]),
            Reason::NationalityNotAllowed {
                nationalities: vec![nat("JP"), nat("BR"), nat("CH")],
            },
        ),
        (with(&[]), Reason::Missing(Field::Nationalities)),
    ];
    for (facts, expect) in table {
        check(&rules, &facts, start, expect);
    }
}

// ---- age -----------------------------------------------------------------------------

#[test]
fn age_at_start() {
    let born = |d: Date| CandidateFacts {
        birth_date: Some(d),
        ..candidate()
    };
    let ok = |age_at_start, start| Reason::AgeOk {
        age_at_start,
        minimum: 21,
        start,
    };
    let young = |age_at_start, start| Reason::TooYoung {
        age_at_start,
        minimum: 21,
        start,
    };
    let rules = only_age(21);
    let table = [
        // Exactly 21 on the start date; one day short.
        (date(2006, 3, 1), date(2027, 3, 1), ok(21, date(2027, 3, 1))),
        (
            date(2006, 3, 2),
            date(2027, 3, 1),
            young(20, date(2027, 3, 1)),
        ),
        (
            date(2006, 2, 28),
            date(2027, 3, 1),
            ok(21, date(2027, 3, 1)),
        ),
        (date(1990, 1, 1), date(2027, 9, 1), ok(37, date(2027, 9, 1))),
        (date(2006, 9, 1), date(2027, 9, 1), ok(21, date(2027, 9, 1))),
        (
            date(2006, 9, 2),
            date(2027, 9, 1),
            young(20, date(2027, 9, 1)),
        ),
        // Born 29 February: 21 on 1 March of a common year, not on 28 February.
        (
            date(2004, 2, 29),
            date(2025, 2, 28),
            young(20, date(2025, 2, 28)),
        ),
        (
            date(2004, 2, 29),
            date(2025, 3, 1),
            ok(21, date(2025, 3, 1)),
        ),
        (
            date(2008, 2, 29),
            date(2029, 2, 28),
            young(20, date(2029, 2, 28)),
        ),
        (
            date(2008, 2, 29),
            date(2029, 3, 1),
            ok(21, date(2029, 3, 1)),
        ),
        // ... and on 29 February itself when the start is in a leap year.
        (
            date(2003, 2, 28),
            date(2024, 2, 29),
            ok(21, date(2024, 2, 29)),
        ),
        (
            date(2003, 3, 1),
            date(2024, 2, 29),
            young(20, date(2024, 2, 29)),
        ),
        (
            date(1996, 2, 29),
            date(2017, 2, 28),
            young(20, date(2017, 2, 28)),
        ),
        (
            date(1980, 2, 29),
            date(2024, 2, 29),
            ok(44, date(2024, 2, 29)),
        ),
        // Born after the start: age 0.
        (
            date(2030, 1, 1),
            date(2027, 3, 1),
            young(0, date(2027, 3, 1)),
        ),
    ];
    for (birth, start, expect) in table {
        check(&rules, &born(birth), start, expect);
    }
    let missing = CandidateFacts {
        birth_date: None,
        ..candidate()
    };
    check(
        &rules,
        &missing,
        date(2027, 3, 1),
        Reason::Missing(Field::BirthDate),
    );
}

#[test]
fn age_at_counts_whole_years() {
    assert_eq!(age_at(date(2004, 2, 29), date(2025, 2, 28)), 20);
    assert_eq!(age_at(date(2004, 2, 29), date(2025, 3, 1)), 21);
    assert_eq!(age_at(date(2004, 2, 29), date(2008, 2, 29)), 4);
    assert_eq!(age_at(date(2000, 6, 15), date(2000, 6, 15)), 0);
    assert_eq!(age_at(date(2000, 6, 15), date(2000, 6, 14)), -1);
}

// ---- education -----------------------------------------------------------------------

#[test]
fn education_nato() {
    let rules = only_nato(RuleKind::Education);
    let start = date(2027, 9, 1);
    let limit_date = date(2026, 9, 1);
    let with = |education| CandidateFacts {
        education,
        ..candidate()
    };
    let graduated = |on| Some(EducationStatus::Graduated { on });
    let enrolled = Some(EducationStatus::Enrolled);
    let table = [
        (
            studies(Some(2), enrolled),
            Reason::EnoughYears {
                completed: 2,
                minimum: 2,
            },
        ),
        (
            studies(Some(4), enrolled),
            Reason::EnoughYears {
                completed: 4,
                minimum: 2,
            },
        ),
        (
            studies(Some(1), enrolled),
            Reason::NotEnoughYears {
                completed: 1,
                minimum: 2,
            },
        ),
        (
            studies(Some(0), enrolled),
            Reason::NotEnoughYears {
                completed: 0,
                minimum: 2,
            },
        ),
        // Graduated exactly 12 months before the start; one day more.
        (
            studies(Some(3), graduated(date(2026, 9, 1))),
            Reason::GraduatedRecently {
                graduated: date(2026, 9, 1),
                limit_date,
            },
        ),
        (
            studies(Some(3), graduated(date(2026, 8, 31))),
            Reason::GraduatedTooLongAgo {
                graduated: date(2026, 8, 31),
                limit_date,
            },
        ),
        (
            studies(None, graduated(date(2027, 6, 30))),
            Reason::GraduatedRecently {
                graduated: date(2027, 6, 30),
                limit_date,
            },
        ),
        (
            studies(Some(5), Some(EducationStatus::NotEnrolled)),
            Reason::NotEnrolled,
        ),
        (
            studies(None, enrolled),
            Reason::Missing(Field::YearsCompleted),
        ),
        (
            studies(Some(3), None),
            Reason::Missing(Field::EducationStatus),
        ),
        (None, Reason::Missing(Field::Education)),
    ];
    for (education, expect) in table {
        check(&rules, &with(education), start, expect);
    }
}

#[test]
fn education_variants() {
    let start = date(2027, 8, 31);
    let rule = |minimum_years_completed, require_enrolled, graduated_within_months| RuleSet {
        education: Some(EducationRule {
            minimum_years_completed,
            require_enrolled,
            graduated_within_months,
        }),
        ..RuleSet::default()
    };
    let with = |years, status| CandidateFacts {
        education: studies(years, Some(status)),
        ..candidate()
    };
    let long_ago = EducationStatus::Graduated {
        on: date(2015, 6, 30),
    };
    let table = [
        // Months are subtracted on the calendar: 31 August - 6 months = 28 February.
        (
            rule(Some(2), true, Some(6)),
            with(
                Some(3),
                EducationStatus::Graduated {
                    on: date(2027, 2, 28),
                },
            ),
            Reason::GraduatedRecently {
                graduated: date(2027, 2, 28),
                limit_date: date(2027, 2, 28),
            },
        ),
        (
            rule(Some(2), true, Some(6)),
            with(
                Some(3),
                EducationStatus::Graduated {
                    on: date(2027, 2, 27),
                },
            ),
            Reason::GraduatedTooLongAgo {
                graduated: date(2027, 2, 27),
                limit_date: date(2027, 2, 28),
            },
        ),
        // No time limit on graduation.
        (
            rule(Some(2), true, None),
            with(Some(3), long_ago),
            Reason::Graduated {
                graduated: date(2015, 6, 30),
            },
        ),
        // Enrolment not required: years alone count, even for an old graduate.
        (
            rule(Some(2), false, Some(12)),
            with(Some(3), long_ago),
            Reason::EnoughYears {
                completed: 3,
                minimum: 2,
            },
        ),
        (
            rule(Some(2), false, None),
            with(Some(1), EducationStatus::NotEnrolled),
            Reason::NotEnoughYears {
                completed: 1,
                minimum: 2,
            },
        ),
        // No minimum of years.
        (
            rule(None, true, Some(12)),
            with(None, EducationStatus::Enrolled),
            Reason::Enrolled,
        ),
        (
            rule(None, false, None),
            with(None, EducationStatus::NotEnrolled),
            Reason::EducationOk,
        ),
        (
            rule(Some(0), false, None),
            with(None, EducationStatus::Enrolled),
            Reason::Enrolled,
        ),
        // A limit of 0 months: graduated on the start date at the earliest.
        (
            rule(Some(2), true, Some(0)),
            with(
                Some(3),
                EducationStatus::Graduated {
                    on: date(2027, 8, 30),
                },
            ),
            Reason::GraduatedTooLongAgo {
                graduated: date(2027, 8, 30),
                limit_date: date(2027, 8, 31),
            },
        ),
    ];
    for (rules, facts, expect) in table {
        check(&rules, &facts, start, expect);
    }
}

// ---- language ------------------------------------------------------------------------

#[test]
fn language() {
    use CefrLevel::*;
    let rules = only_nato(RuleKind::Language);
    let start = date(2027, 3, 1);
    let speaks = |skills: &[(&str, CefrLevel)]| CandidateFacts {
        languages: skills.iter().map(|(c, l)| skill(c, *l)).collect(),
        ..candidate()
    };
    let ok = |code, level| Reason::LanguageOk {
        language: lang(code),
        level,
        minimum: B2,
    };
    let low = |code, best| Reason::LanguageLevelTooLow {
        language: lang(code),
        best,
        minimum: B2,
    };
    let table = [
        (speaks(&[("en", C1)]), ok("en", C1)),
        (speaks(&[("fr", B2)]), ok("fr", B2)),
        (speaks(&[("fr", Native)]), ok("fr", Native)),
        (speaks(&[("en", B1)]), low("en", B1)),
        (speaks(&[("en", A2), ("fr", B1)]), low("fr", B1)),
        // The best accepted language counts; others are ignored.
        (
            speaks(&[("en", B1), ("fr", C2), ("de", Native)]),
            ok("fr", C2),
        ),
        (speaks(&[("de", Native), ("en", B2)]), ok("en", B2)),
        (
            speaks(&[("de", Native), ("es", C2)]),
            Reason::NoAcceptedLanguage {
                accepted: vec![lang("en"), lang("fr")],
            },
        ),
        (speaks(&[]), Reason::Missing(Field::Languages)),
    ];
    for (facts, expect) in table {
        check(&rules, &facts, start, expect);
    }

    // Without a minimum level or a list, any language at any level passes.
    let lenient = RuleSet {
        language: Some(LanguageRule {
            minimum_level: None,
            any_of: BTreeSet::new(),
        }),
        ..RuleSet::default()
    };
    check(
        &lenient,
        &speaks(&[("de", A1)]),
        start,
        Reason::LanguageOk {
            language: lang("de"),
            level: A1,
            minimum: A1,
        },
    );
}

// ---- TOML ----------------------------------------------------------------------------

#[test]
fn toml_errors_name_the_field() {
    let table = [
        (
            "[salary]\nminimum = 1\n",
            invalid("salary", RuleProblem::UnknownField),
        ),
        (
            "[age]\nminimum_at_start = 21\nmaximum_at_start = 30\n",
            invalid("age.maximum_at_start", RuleProblem::UnknownField),
        ),
        (
            "[nationality]\nallowed = [\"FR\", \"XX\"]\n",
            invalid(
                "nationality.allowed",
                RuleProblem::BadNationality("XX".to_owned()),
            ),
        ),
        (
            "[nationality]\nallowed = [\"fr\"]\n",
            invalid(
                "nationality.allowed",
                RuleProblem::BadNationality("fr".to_owned()),
            ),
        ),
        (
            "[nationality]\nallowed = [\"FR\", \"DE\", \"FR\"]\n",
            invalid(
                "nationality.allowed",
                RuleProblem::Duplicate("FR".to_owned()),
            ),
        ),
        (
            "[nationality]\nallowed = []\n",
            invalid("nationality.allowed", RuleProblem::Empty),
        ),
        (
            "[nationality]\n",
            invalid("nationality.allowed", RuleProblem::Missing),
        ),
        (
            "[nationality]\nallowed = \"FR\"\n",
            invalid(
                "nationality.allowed",
                RuleProblem::WrongType {
                    expected: "a list of strings",
                },
            ),
        ),
        (
            "[language]\nminimum_level = \"D1\"\n",
            invalid(
                "language.minimum_level",
                RuleProblem::BadLevel("D1".to_owned()),
            ),
        ),
        (
            "[language]\nany_of = [\"english\"]\n",
            invalid(
                "language.any_of",
                RuleProblem::BadLanguage("english".to_owned()),
            ),
        ),
        (
            "[age]\nminimum_at_start = -1\n",
            invalid(
                "age.minimum_at_start",
                RuleProblem::OutOfRange {
                    value: -1,
                    min: 0,
                    max: 100,
                },
            ),
        ),
        (
            "[age]\nminimum_at_start = \"21\"\n",
            invalid(
                "age.minimum_at_start",
                RuleProblem::WrongType {
                    expected: "an integer",
                },
            ),
        ),
        (
            "[age]\n",
            invalid("age.minimum_at_start", RuleProblem::Missing),
        ),
        (
            "[education]\ngraduated_within_months = 5000\n",
            invalid(
                "education.graduated_within_months",
                RuleProblem::OutOfRange {
                    value: 5000,
                    min: 0,
                    max: 1200,
                },
            ),
        ),
        (
            "[education]\nrequire_enrolled = \"yes\"\n",
            invalid(
                "education.require_enrolled",
                RuleProblem::WrongType {
                    expected: "true or false",
                },
            ),
        ),
        (
            "age = 21\n",
            invalid(
                "age",
                RuleProblem::WrongType {
                    expected: "a table",
                },
            ),
        ),
    ];
    for (text, expect) in table {
        assert_eq!(RuleSet::from_toml(text), expect, "{text}");
    }
    assert!(matches!(
        RuleSet::from_toml("[age\n"),
        Err(RuleSetError::Syntax(_))
    ));
    let message =
        RuleSet::from_toml("[language]\nminimum_level = \"D1\"\n").map_err(|e| e.to_string());
    assert_eq!(
        message,
        Err("field `language.minimum_level`: \"D1\" is not a CEFR level (A1, A2, B1, B2, C1, C2 or native)".to_owned())
    );
}

#[test]
fn toml_sections_are_optional_and_written_canonically() {
    assert_eq!(RuleSet::from_toml(""), Ok(RuleSet::default()));
    assert_eq!(RuleSet::default().to_toml(), "");
    let text = "[language]\nany_of = [\"fr\", \"en\"]\nminimum_level = \"c1\"\n\n[education]\n";
    let rules = RuleSet::from_toml(text).expect("valid rules");
    assert_eq!(
        rules.language,
        Some(LanguageRule {
            minimum_level: Some(CefrLevel::C1),
            any_of: [lang("en"), lang("fr")].into_iter().collect(),
        })
    );
    assert_eq!(rules.education, Some(EducationRule::default()));
    assert_eq!(
        rules.to_toml(),
        "[education]\nrequire_enrolled = false\n\n[language]\nminimum_level = \"C1\"\nany_of = [\"en\", \"fr\"]\n"
    );
    let nationality = RuleSet {
        nationality: Some(NationalityRule {
            allowed: [nat("FR"), nat("BE")].into_iter().collect(),
        }),
        ..RuleSet::default()
    };
    assert_eq!(
        nationality.to_toml(),
        "[nationality]\nallowed = [\"BE\", \"FR\"]\n"
    );
}

// ---- properties ----------------------------------------------------------------------

fn any_date(years: std::ops::RangeInclusive<i16>) -> impl Strategy<Value = Date> {
    (years, 1i8..=12, 1i8..=31).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d).ok())
}

/// The birthday in year `year`: the same day, or 1 March for 29 February in a common year.
fn anniversary(birth: Date, year: i16) -> Option<Date> {
    if birth.month() == 2 && birth.day() == 29 {
        Date::new(year, 2, 29)
            .or_else(|_| Date::new(year, 3, 1))
            .ok()
    } else {
        Date::new(year, birth.month(), birth.day()).ok()
    }
}

/// Counts birthdays one by one: the naive reference for the age on `day` (`day >= birth`).
fn naive_age(birth: Date, day: Date) -> i32 {
    let mut age = 0;
    let mut year = birth.year();
    while let Some(next) = year.checked_add(1).and_then(|y| anniversary(birth, y)) {
        if next > day {
            break;
        }
        age += 1;
        year += 1;
    }
    age
}

fn any_facts() -> impl Strategy<Value = CandidateFacts> {
    let nationality = (0..cohort_domain::ISO_3166_1_ALPHA_2.len()).prop_filter_map("a code", |i| {
        Nationality::parse(cohort_domain::ISO_3166_1_ALPHA_2[i]).ok()
    });
    let language = (0..cohort_domain::ISO_639_1.len()).prop_filter_map("a code", |i| {
        LanguageCode::parse(cohort_domain::ISO_639_1[i]).ok()
    });
    let level = (0..CefrLevel::ALL.len()).prop_map(|i| CefrLevel::ALL[i]);
    let status = prop_oneof![
        Just(EducationStatus::Enrolled),
        Just(EducationStatus::NotEnrolled),
        any_date(-9999..=9999).prop_map(|on| EducationStatus::Graduated { on }),
    ];
    let education = (
        proptest::option::of(any::<u8>()),
        proptest::option::of(status),
    )
        .prop_map(|(years_completed, status)| Education {
            level: EducationLevel::Other,
            field: String::new(),
            institution: String::new(),
            years_completed,
            status,
        });
    (
        proptest::option::of(any_date(-9999..=9999)),
        proptest::collection::vec(nationality, 0..4),
        proptest::option::of(education),
        proptest::collection::vec(
            (language, level).prop_map(|(language, level)| LanguageSkill { language, level }),
            0..4,
        ),
    )
        .prop_map(
            |(birth_date, nationalities, education, languages)| CandidateFacts {
                birth_date,
                nationalities,
                education,
                languages,
            },
        )
}

fn any_rules(max_age: u8, max_years: u8, max_months: u16) -> impl Strategy<Value = RuleSet> {
    let nationality =
        proptest::sample::subsequence(cohort_domain::ISO_3166_1_ALPHA_2.to_vec(), 1..40).prop_map(
            |codes| NationalityRule {
                allowed: codes
                    .iter()
                    .filter_map(|c| Nationality::parse(c).ok())
                    .collect(),
            },
        );
    let age = (0..=max_age).prop_map(|minimum_at_start| AgeRule { minimum_at_start });
    let education = (
        proptest::option::of(0..=max_years),
        any::<bool>(),
        proptest::option::of(0..=max_months),
    )
        .prop_map(
            |(minimum_years_completed, require_enrolled, graduated_within_months)| EducationRule {
                minimum_years_completed,
                require_enrolled,
                graduated_within_months,
            },
        );
    let language = (
        proptest::option::of((0..CefrLevel::ALL.len()).prop_map(|i| CefrLevel::ALL[i])),
        proptest::sample::subsequence(cohort_domain::ISO_639_1.to_vec(), 0..5),
    )
        .prop_map(|(minimum_level, codes)| LanguageRule {
            minimum_level,
            any_of: codes
                .iter()
                .filter_map(|c| LanguageCode::parse(c).ok())
                .collect(),
        });
    (
        proptest::option::of(nationality),
        proptest::option::of(age),
        proptest::option::of(education),
        proptest::option::of(language),
    )
        .prop_map(|(nationality, age, education, language)| RuleSet {
            nationality,
            age,
            education,
            language,
        })
}

proptest! {
    #[test]
    fn the_age_rule_agrees_with_counting_birthdays(
        birth in any_date(1900..=2100),
        start in any_date(1900..=2100),
        minimum in 0u8..=100,
    ) {
        let facts = CandidateFacts { birth_date: Some(birth), ..CandidateFacts::default() };
        let evaluation = only_age(minimum).evaluate(&facts, start);
        let expected = if start >= birth { naive_age(birth, start) } else { 0 };
        let (age, passed) = match &evaluation.outcomes[..] {
            [o] => match o.reason {
                Reason::AgeOk { age_at_start, .. } | Reason::TooYoung { age_at_start, .. } => {
                    (i32::from(age_at_start), o.passed)
                }
                ref other => return Err(TestCaseError::fail(format!("{other:?}"))),
            },
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        prop_assert_eq!(age, expected);
        prop_assert_eq!(passed, expected >= i32::from(minimum));
        if start >= birth {
            prop_assert_eq!(age_at(birth, start), expected);
        }
    }

    #[test]
    fn evaluation_never_panics_and_is_consistent(
        rules in any_rules(u8::MAX, u8::MAX, u16::MAX),
        facts in any_facts(),
        start in any_date(-9999..=9999),
    ) {
        let evaluation = rules.evaluate(&facts, start);
        let present = [
            rules.nationality.is_some(),
            rules.age.is_some(),
            rules.education.is_some(),
            rules.language.is_some(),
        ];
        prop_assert_eq!(evaluation.outcomes.len(), present.iter().filter(|p| **p).count());
        for outcome in &evaluation.outcomes {
            prop_assert_eq!(outcome.passed, outcome.reason.passes());
            prop_assert!(outcome.reason.message_key().starts_with("eligibility-"));
            for (name, value) in outcome.reason.message_args() {
                prop_assert!(!name.is_empty() && !value.is_empty());
            }
        }
        prop_assert_eq!(
            evaluation.is_eligible(),
            evaluation.outcomes.iter().all(|o| o.passed)
        );
    }

    #[test]
    fn written_rules_read_back_the_same(rules in any_rules(100, 20, 1200)) {
        prop_assert_eq!(RuleSet::from_toml(&rules.to_toml()), Ok(rules));
    }
}
