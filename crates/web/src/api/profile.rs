//! `GET|PUT /api/v1/me/profile`: the signed-in candidate's own profile, with a preview of
//! their eligibility under the NATO rules.
//!
//! Only the signed-in account's profile is ever read or written: the account id comes from
//! the session, never from the request. Text is stored and sent back as typed (JSON has no
//! markup); pages escape it when they show it.

use super::error::{ApiError, ErrorBody, ErrorDetail, LocalizedError};
use crate::auth::SignedIn;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::JsonRejection;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohort_domain::eligibility::{RuleKind, RuleSet};
use cohort_domain::profile::{
    self, Date, Profile, ProfileProblem, RawEducation, RawLanguage, RawProfile,
};
use cohort_i18n::Tr;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A candidate's profile. Every field is optional (a draft); `null` or an empty list when
/// not given. Texts are trimmed; dates are `YYYY-MM-DD`.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileBody {
    /// Given names, 1–100 characters.
    #[schema(example = "Ana María")]
    pub given_names: Option<String>,
    /// Family name, 1–100 characters.
    #[schema(example = "García")]
    pub family_name: Option<String>,
    /// Date of birth: not in the future, not before 1900.
    #[schema(example = "2003-04-23", format = Date)]
    pub birth_date: Option<String>,
    /// One to three distinct ISO 3166-1 alpha-2 codes, in capitals.
    #[schema(example = json!(["ES", "FR"]))]
    pub nationalities: Vec<String>,
    /// Optional, for the programme's statistics only (never shown to reviewers): `female`,
    /// `male`, `other` or `undisclosed`.
    #[schema(example = "undisclosed")]
    pub gender: Option<String>,
    /// Telephone: an optional `+`, then 6 to 15 digits with spaces, dots, hyphens, brackets.
    #[schema(example = "+34 600 000 000")]
    pub phone: Option<String>,
    /// Postal address (street and number), 1–200 characters.
    pub address: Option<String>,
    /// City, 1–100 characters.
    pub city: Option<String>,
    /// Country of the address, ISO 3166-1 alpha-2.
    #[schema(example = "ES")]
    pub country: Option<String>,
    /// Current or latest higher education.
    pub education: Option<EducationBody>,
    /// Up to ten distinct languages with a CEFR level each.
    pub languages: Vec<LanguageBody>,
}

/// Current or latest higher education.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EducationBody {
    /// Required when education is given: `bachelor`, `master`, `doctorate` or `other`.
    #[schema(example = "master")]
    pub level: Option<String>,
    /// Field of study, 1–200 characters.
    pub field: Option<String>,
    /// Institution, 1–200 characters.
    pub institution: Option<String>,
    /// Full years of higher education completed, 0–10.
    #[schema(example = 3)]
    pub years_completed: Option<i64>,
    /// Enrolled now; `null` when not said.
    pub enrolled: Option<bool>,
    /// Date of graduation; when enrolled, the expected date (at most 10 years ahead),
    /// otherwise not in the future.
    #[schema(format = Date)]
    pub graduation_date: Option<String>,
}

/// A language and the candidate's level in it.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LanguageBody {
    /// ISO 639-1 code, lowercase.
    #[schema(example = "en")]
    pub language: String,
    /// CEFR level `A1` … `C2`, or `native`.
    #[schema(example = "C1")]
    pub level: String,
}

/// A refused field.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemBody {
    /// JSON path of the field, e.g. `birth_date`, `nationalities[1]`, `languages[0].level`.
    #[schema(example = "nationalities[1]")]
    pub field: String,
    /// What is wrong, in the visitor's language.
    pub message: String,
}

/// One eligibility rule for this profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleBody {
    /// `nationality`, `age`, `education` or `language`.
    #[schema(example = "age")]
    pub rule: String,
    /// The rule's name, in the visitor's language.
    pub label: String,
    /// Whether the profile meets it.
    pub passed: bool,
    /// Why, in the visitor's language.
    pub message: String,
}

/// The eligibility of this profile for a session starting on `start`.
#[derive(Debug, Serialize, ToSchema)]
pub struct EligibilityBody {
    /// First day of the internship.
    #[schema(example = "2027-03-01", format = Date)]
    pub start: String,
    /// Whether every rule passes.
    pub eligible: bool,
    /// Every rule, in the order nationality, age, education, language.
    pub rules: Vec<RuleBody>,
}

/// The profile, with the eligibility preview.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileResponse {
    /// The profile as stored.
    pub profile: ProfileBody,
    /// Problems of the stored profile under today's rules: normally empty (a profile is
    /// checked when saved), listed if the rules became stricter since.
    pub problems: Vec<ProblemBody>,
    /// Eligibility under the NATO rules.
    pub eligibility: EligibilityBody,
}

/// A 422 answer: `error` as in every error (its `field` is the first one at fault), and
/// every refused field in `problems`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileErrorBody {
    /// The error.
    pub error: ErrorDetail,
    /// Every field at fault, in the order of the profile.
    pub problems: Vec<ProblemBody>,
}

/// The signed-in candidate's profile (empty fields until saved), with an eligibility
/// preview.
#[utoipa::path(get, path = "/api/v1/me/profile", operation_id = "get_profile", tag = "profile",
    params(
        ("start" = Option<String>, Query, description = "First day of the internship for the eligibility preview, YYYY-MM-DD (default: the next 1 March)"),
    ),
    responses(
        (status = 200, description = "The profile and the eligibility preview", body = ProfileResponse),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "start is not a date", body = ErrorBody),
    ))]
pub async fn get_profile(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    RawQuery(query): RawQuery,
) -> Result<Json<ProfileResponse>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let today = profile::utc_date(state.settings.now());
    let start = start_date(query.as_deref(), today).map_err(fail)?;
    let account_id = signed_in.account.id;
    let raw = crate::profiles::load(&state, account_id)
        .await
        .map_err(fail)?;
    let (parsed, problems) = Profile::parse_partial(&raw, today);
    if !problems.is_empty() {
        tracing::warn!(
            account_id,
            count = problems.len(),
            "stored profile no longer valid"
        );
    }
    let tr = state.locales.tr(visitor.lang);
    Ok(Json(response(&tr, raw, &parsed, &problems, start)))
}

/// Saves the signed-in candidate's profile after checking every field.
#[utoipa::path(put, path = "/api/v1/me/profile", operation_id = "put_profile", tag = "profile",
    request_body = ProfileBody,
    params(
        ("start" = Option<String>, Query, description = "First day of the internship for the eligibility preview, YYYY-MM-DD (default: the next 1 March)"),
    ),
    responses(
        (status = 200, description = "Saved: the profile as stored and the eligibility preview", body = ProfileResponse),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing or wrong", body = ErrorBody),
        (status = 422, description = "Some fields are refused; problems lists each", body = ProfileErrorBody),
    ))]
pub async fn put_profile(
    State(state): State<AppState>,
    visitor: Visitor,
    signed_in: SignedIn,
    RawQuery(query): RawQuery,
    body: Result<Json<ProfileBody>, JsonRejection>,
) -> Result<Response, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let now = state.settings.now();
    let today = profile::utc_date(now);
    let tr = state.locales.tr(visitor.lang);
    // a 422 here has the shape the schema gives it: `start` listed among the problems
    let Ok(start) = start_date(query.as_deref(), today) else {
        return Ok(start_refused(&tr));
    };
    let saved = crate::profiles::save(&state, signed_in.account.id, &body.into())
        .await
        .map_err(fail)?;
    let (canonical, parsed) = match saved {
        Ok(saved) => saved,
        Err(problems) => return Ok(refused(&tr, &problems)),
    };
    Ok(Json(response(&tr, canonical, &parsed, &[], start)).into_response())
}

/// `?start=YYYY-MM-DD`, or the first 1 March after today.
fn start_date(query: Option<&str>, today: Date) -> Result<Date, ApiError> {
    let given = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(name, _)| name == "start")
        .map(|(_, value)| value.into_owned());
    match given {
        None => Ok(profile::next_first_of_march(today)),
        Some(text) => profile::parse_date(&text).ok_or(ApiError::Invalid {
            field: "start",
            key: "profile-start-invalid",
        }),
    }
}

fn problem_bodies(tr: &Tr<'_>, problems: &[ProfileProblem]) -> Vec<ProblemBody> {
    problems
        .iter()
        .map(|p| ProblemBody {
            field: p.field.clone(),
            message: tr.with_args(p.problem.message_key(), &p.problem.message_args()),
        })
        .collect()
}

fn refused(tr: &Tr<'_>, problems: &[ProfileProblem]) -> Response {
    let body = ProfileErrorBody {
        error: ErrorDetail {
            code: "invalid".to_owned(),
            message: tr.t("profile-invalid"),
            field: problems.first().map(|p| p.field.clone()),
        },
        problems: problem_bodies(tr, problems),
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// A PUT's `?start=` that is not a date: nothing saved, the answer a refused profile's.
fn start_refused(tr: &Tr<'_>) -> Response {
    let message = tr.t("profile-start-invalid");
    let body = ProfileErrorBody {
        error: ErrorDetail {
            code: "invalid".to_owned(),
            message: message.clone(),
            field: Some("start".to_owned()),
        },
        problems: vec![ProblemBody {
            field: "start".to_owned(),
            message,
        }],
    };
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

fn rule_name(rule: RuleKind) -> &'static str {
    match rule {
        RuleKind::Nationality => "nationality",
        RuleKind::Age => "age",
        RuleKind::Education => "education",
        RuleKind::Language => "language",
    }
}

fn response(
    tr: &Tr<'_>,
    raw: RawProfile,
    parsed: &Profile,
    problems: &[ProfileProblem],
    start: Date,
) -> ProfileResponse {
    ProfileResponse {
        profile: raw.into(),
        problems: problem_bodies(tr, problems),
        eligibility: eligibility(tr, parsed, &RuleSet::nato_default(), start),
    }
}

/// Every rule of `rules` for this profile, passed or not, with the reason worded.
pub(crate) fn eligibility(
    tr: &Tr<'_>,
    parsed: &Profile,
    rules: &RuleSet,
    start: Date,
) -> EligibilityBody {
    let evaluation = rules.evaluate(&parsed.facts(), start);
    let rules = evaluation
        .outcomes
        .iter()
        .map(|o| RuleBody {
            rule: rule_name(o.rule).to_owned(),
            label: tr.t(o.rule.message_key()),
            passed: o.passed,
            message: tr.with_args(o.reason.message_key(), &o.reason.message_args()),
        })
        .collect();
    EligibilityBody {
        start: start.to_string(),
        eligible: evaluation.is_eligible(),
        rules,
    }
}

impl From<ProfileBody> for RawProfile {
    fn from(body: ProfileBody) -> RawProfile {
        RawProfile {
            given_names: body.given_names,
            family_name: body.family_name,
            birth_date: body.birth_date,
            nationalities: body.nationalities,
            gender: body.gender,
            phone: body.phone,
            address: body.address,
            city: body.city,
            country: body.country,
            education: body.education.map(|e| RawEducation {
                level: e.level,
                field: e.field,
                institution: e.institution,
                years_completed: e.years_completed,
                enrolled: e.enrolled,
                graduation_date: e.graduation_date,
            }),
            languages: body
                .languages
                .into_iter()
                .map(|l| RawLanguage {
                    language: l.language,
                    level: l.level,
                })
                .collect(),
        }
    }
}

impl From<RawProfile> for ProfileBody {
    fn from(raw: RawProfile) -> ProfileBody {
        ProfileBody {
            given_names: raw.given_names,
            family_name: raw.family_name,
            birth_date: raw.birth_date,
            nationalities: raw.nationalities,
            gender: raw.gender,
            phone: raw.phone,
            address: raw.address,
            city: raw.city,
            country: raw.country,
            education: raw.education.map(|e| EducationBody {
                level: e.level,
                field: e.field,
                institution: e.institution,
                years_completed: e.years_completed,
                enrolled: e.enrolled,
                graduation_date: e.graduation_date,
            }),
            languages: raw
                .languages
                .into_iter()
                .map(|l| LanguageBody {
                    language: l.language,
                    level: l.level,
                })
                .collect(),
        }
    }
}
