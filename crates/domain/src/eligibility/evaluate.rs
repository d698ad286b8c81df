//! Applying a [`RuleSet`] to a candidate's facts.

use super::facts::{CandidateFacts, Education, EducationStatus};
use super::reason::{Field, Reason};
use super::{AgeRule, EducationRule, LanguageRule, NationalityRule, RuleSet};
use crate::values::CefrLevel;
use jiff::civil::Date;
use jiff::Span;

/// Which rule an outcome is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKind {
    /// Nationality.
    Nationality,
    /// Age at the start.
    Age,
    /// Education.
    Education,
    /// Language.
    Language,
}

impl RuleKind {
    /// The Fluent message naming the rule, e.g. `eligibility-rule-age`.
    pub fn message_key(self) -> &'static str {
        match self {
            RuleKind::Nationality => "eligibility-rule-nationality",
            RuleKind::Age => "eligibility-rule-age",
            RuleKind::Education => "eligibility-rule-education",
            RuleKind::Language => "eligibility-rule-language",
        }
    }
}

/// The result of one rule for one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    /// The rule.
    pub rule: RuleKind,
    /// Whether the candidate meets it; always `reason.passes()`.
    pub passed: bool,
    /// Why, with what a message needs.
    pub reason: Reason,
}

impl RuleOutcome {
    fn new(rule: RuleKind, reason: Reason) -> RuleOutcome {
        RuleOutcome {
            rule,
            passed: reason.passes(),
            reason,
        }
    }
}

/// The outcome of every rule of a set for one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// One outcome per rule of the set, in the order nationality, age, education, language.
    pub outcomes: Vec<RuleOutcome>,
}

impl Evaluation {
    /// Whether every rule passes (an empty rule set admits everyone).
    pub fn is_eligible(&self) -> bool {
        self.outcomes.iter().all(|o| o.passed)
    }

    /// The outcomes of the rules that fail.
    pub fn failures(&self) -> impl Iterator<Item = &RuleOutcome> {
        self.outcomes.iter().filter(|o| !o.passed)
    }
}

/// Age in whole years on `day` of someone born on `birth` (negative if `day` is before
/// `birth`).
///
/// A birthday counts from its month and day: someone born on 29 February has their
/// birthday on 1 March in a year that is not a leap year (as in UK and French law for
/// coming of age), so they turn 21 on 1 March, not on 28 February.
pub fn age_at(birth: Date, day: Date) -> i32 {
    let years = i32::from(day.year()) - i32::from(birth.year());
    // Comparing (month, day) puts 29 February after 28 February and before 1 March,
    // which gives the 1 March birthday in common years without a special case.
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

pub(super) fn evaluate(rules: &RuleSet, facts: &CandidateFacts, start: Date) -> Evaluation {
    let outcomes = [
        rules.nationality.as_ref().map(|r| nationality(r, facts)),
        rules.age.as_ref().map(|r| age(r, facts, start)),
        rules.education.as_ref().map(|r| education(r, facts, start)),
        rules.language.as_ref().map(|r| language(r, facts)),
    ];
    Evaluation {
        outcomes: outcomes.into_iter().flatten().collect(),
    }
}

fn nationality(rule: &NationalityRule, facts: &CandidateFacts) -> RuleOutcome {
    let reason = if facts.nationalities.is_empty() {
        Reason::Missing(Field::Nationalities)
    } else {
        match facts
            .nationalities
            .iter()
            .find(|n| rule.allowed.contains(n))
        {
            Some(&nationality) => Reason::NationalityAllowed { nationality },
            None => Reason::NationalityNotAllowed {
                nationalities: facts.nationalities.clone(),
            },
        }
    };
    RuleOutcome::new(RuleKind::Nationality, reason)
}

fn age(rule: &AgeRule, facts: &CandidateFacts, start: Date) -> RuleOutcome {
    let reason = match facts.birth_date {
        None => Reason::Missing(Field::BirthDate),
        Some(birth) => {
            // Born after the start: not yet born then, so age 0 (too young).
            let age_at_start = u16::try_from(age_at(birth, start)).unwrap_or(0);
            let minimum = rule.minimum_at_start;
            if age_at_start >= u16::from(minimum) {
                Reason::AgeOk {
                    age_at_start,
                    minimum,
                    start,
                }
            } else {
                Reason::TooYoung {
                    age_at_start,
                    minimum,
                    start,
                }
            }
        }
    };
    RuleOutcome::new(RuleKind::Age, reason)
}

/// The earliest graduation date accepted: `start` minus `months` (the day is clamped to
/// the end of a shorter month), or the earliest date there is if that is out of range.
fn graduation_limit(start: Date, months: u16) -> Date {
    Span::new()
        .try_months(i64::from(months))
        .ok()
        .and_then(|span| start.checked_sub(span).ok())
        .unwrap_or(Date::MIN)
}

fn education(rule: &EducationRule, facts: &CandidateFacts, start: Date) -> RuleOutcome {
    let reason = match &facts.education {
        None => Reason::Missing(Field::Education),
        Some(education) => match education.status {
            None => Reason::Missing(Field::EducationStatus),
            Some(status) => education_reason(rule, education, status, start),
        },
    };
    RuleOutcome::new(RuleKind::Education, reason)
}

fn education_reason(
    rule: &EducationRule,
    education: &Education,
    status: EducationStatus,
    start: Date,
) -> Reason {
    // As a graduate first: a recent graduation is the clearest reason.
    let mut graduate_failure = None;
    if let EducationStatus::Graduated { on } = status {
        match rule.graduated_within_months {
            None => return Reason::Graduated { graduated: on },
            Some(months) => {
                let limit_date = graduation_limit(start, months);
                if on >= limit_date {
                    return Reason::GraduatedRecently {
                        graduated: on,
                        limit_date,
                    };
                }
                graduate_failure = Some(Reason::GraduatedTooLongAgo {
                    graduated: on,
                    limit_date,
                });
            }
        }
    }
    // Then as a student.
    if rule.require_enrolled && status != EducationStatus::Enrolled {
        return graduate_failure.unwrap_or(Reason::NotEnrolled);
    }
    let minimum = rule.minimum_years_completed.unwrap_or(0);
    if minimum == 0 {
        return match status {
            EducationStatus::Enrolled => Reason::Enrolled,
            _ => Reason::EducationOk,
        };
    }
    match education.years_completed {
        None => Reason::Missing(Field::YearsCompleted),
        Some(completed) if completed >= minimum => Reason::EnoughYears { completed, minimum },
        Some(completed) => Reason::NotEnoughYears { completed, minimum },
    }
}

fn language(rule: &LanguageRule, facts: &CandidateFacts) -> RuleOutcome {
    let reason = if facts.languages.is_empty() {
        Reason::Missing(Field::Languages)
    } else {
        let minimum = rule.minimum_level.unwrap_or(CefrLevel::A1);
        // The best accepted skill; on a tie, the first listed by the candidate.
        let best = facts
            .languages
            .iter()
            .filter(|s| rule.any_of.is_empty() || rule.any_of.contains(&s.language))
            .fold(None, |best: Option<&super::LanguageSkill>, s| match best {
                Some(b) if b.level >= s.level => Some(b),
                _ => Some(s),
            });
        match best {
            None => Reason::NoAcceptedLanguage {
                accepted: rule.any_of.iter().copied().collect(),
            },
            Some(skill) if skill.level >= minimum => Reason::LanguageOk {
                language: skill.language,
                level: skill.level,
                minimum,
            },
            Some(skill) => Reason::LanguageLevelTooLow {
                language: skill.language,
                best: skill.level,
                minimum,
            },
        }
    };
    RuleOutcome::new(RuleKind::Language, reason)
}
