//! `/api/v1/office/*`: the screening list of a session (filters, facets, full text),
//! one application, and bulk decisions. Coordinators see everything; reviewers see only
//! applications that chose one of their units, without anything that identifies the
//! candidate (blind review); administrators see no applications. Every view and every
//! decision is written to the audit log.

use super::list::{self, Entry, Filter, Sort, FACETS};
use super::Staff;
use crate::api::{ApiError, ErrorBody, LocalizedError};
use crate::client_addr::ClientAddr;
use crate::mail_templates::MailBook;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, RawQuery, State};
use axum::Json;
use cohort_domain::application::{
    decide_screening, ApplicationStatus, Decision, Reason, ReasonProblem,
};
use cohort_domain::instant::rfc3339;
use cohort_domain::mail::{MailKind, Rendered};
use cohort_domain::session::SessionId;
use cohort_domain::{Lang, Permission, Role};
use cohort_store::{NewAuditEntry, NewMail, StaffDecision};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The most applications on one page.
pub const MAX_PER_PAGE: usize = 200;

/// A chosen placement.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChoiceBody {
    /// Placement id.
    pub placement_id: i64,
    /// Its host unit.
    pub unit: String,
}

/// A language and level.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkillBody {
    /// ISO 639-1.
    pub language: String,
    /// CEFR level.
    pub level: String,
}

/// An application in a list or on its own. Fields that identify the candidate are left
/// out for reviewers (blind review).
#[derive(Debug, Serialize, ToSchema)]
pub struct OfficeApplication {
    /// Application id.
    pub id: i64,
    /// `submitted`, `shortlisted`, `rejected` or `withdrawn`.
    pub status: String,
    /// When it was sent (RFC 3339).
    pub submitted_at: Option<String>,
    /// Met the rules at submission, or held eligible by a coordinator's override.
    pub eligible: bool,
    /// The justification of an eligibility override (not for reviewers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligibility_override: Option<String>,
    /// Choices, best first.
    pub choices: Vec<ChoiceBody>,
    /// Education level.
    pub education_level: Option<String>,
    /// Field of study.
    pub field_of_study: Option<String>,
    /// Languages.
    pub languages: Vec<SkillBody>,
    /// The motivation text (whole on the application, cut in lists).
    pub motivation: String,
    /// The text extracted from the CV, on the application alone (not in lists); for
    /// reviewers, the candidate's names, e-mail and date of birth are blacked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cv_text: Option<String>,
    /// Given and family names (not for reviewers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail (not for reviewers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Nationalities (not for reviewers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationalities: Option<Vec<String>>,
    /// Date of birth (not for reviewers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
}

/// A facet value and how many applications have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    /// The value, as the filter takes it.
    pub value: String,
    /// Applications matching every other filter that have it.
    pub count: usize,
}

/// A page of a session's applications.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfficeList {
    /// How many match the filters.
    pub total: usize,
    /// This page (from 1).
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// The applications of this page.
    pub applications: Vec<OfficeApplication>,
    /// Counts beside each filter: `status`, `unit`, `language`, `level`, `field`,
    /// `eligible`, and `nationality` (not for reviewers).
    pub facets: BTreeMap<String, Vec<FacetCount>>,
}

/// Bulk decision.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DecisionRequest {
    /// Application ids.
    pub ids: Vec<i64>,
    /// `shortlist`, `reject` or `reopen`.
    pub decision: String,
    /// Why; recorded, and told to the candidate.
    pub reason: String,
}

/// What a bulk decision did.
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOutcome {
    /// Ids changed.
    pub changed: Vec<i64>,
    /// Ids left as they were, with why, in the caller's language.
    pub refused: Vec<RefusedBody>,
}

/// An application a decision did not change.
#[derive(Debug, Serialize, ToSchema)]
pub struct RefusedBody {
    /// Application id.
    pub id: i64,
    /// Why.
    pub message: String,
}

/// The API view of an entry; identifying fields only when `blind` is false.
pub(crate) fn view(entry: &Entry, blind: bool, whole_motivation: bool) -> OfficeApplication {
    let row = &entry.row;
    let education = entry.profile.education.as_ref();
    let motivation = if whole_motivation {
        row.motivation.clone()
    } else {
        row.motivation.chars().take(280).collect()
    };
    OfficeApplication {
        id: row.id,
        status: row.status.as_str().to_owned(),
        submitted_at: row.submitted_at.map(rfc3339),
        eligible: row.eligible,
        eligibility_override: if blind {
            None
        } else {
            row.eligibility_override.clone()
        },
        choices: row
            .choices
            .iter()
            .zip(entry.units.iter())
            .map(|(p, u)| ChoiceBody {
                placement_id: p.0,
                unit: u.clone(),
            })
            .collect(),
        education_level: education.and_then(|e| e.level.clone()),
        field_of_study: education.and_then(|e| e.field.clone()),
        languages: entry
            .profile
            .languages
            .iter()
            .map(|l| SkillBody {
                language: l.language.clone(),
                level: l.level.clone(),
            })
            .collect(),
        motivation,
        cv_text: None,
        name: (!blind).then(|| entry.name()),
        email: (!blind).then(|| row.email.clone()),
        nationalities: (!blind).then(|| entry.profile.nationalities.clone()),
        birth_date: if blind {
            None
        } else {
            entry.profile.birth_date.clone()
        },
    }
}

/// The CV's text as the caller may read it: blind callers get it with the candidate's
/// identifying words blacked out.
pub(crate) async fn cv_text(
    state: &AppState,
    entry: &Entry,
    blind: bool,
) -> Result<String, ApiError> {
    let text = state
        .store
        .cv_text(entry.row.id)
        .await
        .map_err(ApiError::internal)?;
    if !blind {
        return Ok(text);
    }
    let profile = &entry.profile;
    let secrets: Vec<&str> = [
        profile.given_names.as_deref(),
        profile.family_name.as_deref(),
        profile.birth_date.as_deref(),
        Some(entry.row.email.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(cohort_domain::review::redact(&text, &secrets))
}

/// Whether `staff` reviews the session blind: reviewers do, unless the session's review
/// settings turn blind review off (it is on by default); coordinators see identities.
pub(crate) async fn is_blind(
    state: &AppState,
    staff: &Staff,
    session: SessionId,
) -> Result<bool, ApiError> {
    if staff.role != Role::Reviewer {
        return Ok(false);
    }
    let settings = state
        .store
        .review_settings(session)
        .await
        .map_err(ApiError::internal)?;
    Ok(settings.is_none_or(|s| s.blind))
}

pub(crate) fn parse_filter(raw: Option<&str>) -> Result<(Filter, Sort, usize, usize), ApiError> {
    let mut filter = Filter::default();
    let (mut sort, mut page, mut per_page) = (Sort::default(), 1, 50);
    let invalid = |field: &'static str| ApiError::Invalid {
        field,
        key: "office-filter-invalid",
    };
    for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim().to_owned();
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "status" => {
                filter.status =
                    Some(ApplicationStatus::parse(&value).ok_or_else(|| invalid("status"))?)
            }
            "unit" => filter.unit = Some(value),
            "placement" => {
                filter.placement = Some(value.parse().map_err(|_| invalid("placement"))?)
            }
            "nationality" => filter.nationality = Some(value.to_uppercase()),
            "language" => {
                let (code, level) = match value.split_once(':') {
                    Some((c, l)) => (c.to_lowercase(), Some(l.to_uppercase())),
                    None => (value.to_lowercase(), None),
                };
                filter.language = Some((code, level));
            }
            "level" => filter.level = Some(value),
            "field" => filter.field = Some(value),
            "eligible" => {
                filter.eligible = Some(match value.as_str() {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(invalid("eligible")),
                })
            }
            "q" => {
                if value.chars().count() > cohort_search::MAX_QUERY_CHARS {
                    return Err(ApiError::QueryTooLong);
                }
                filter.text = Some(value)
            }
            "sort" => {
                sort = match value.as_str() {
                    "newest" => Sort::Newest,
                    "oldest" => Sort::Oldest,
                    "id" => Sort::Id,
                    _ => return Err(invalid("sort")),
                }
            }
            "page" => {
                page = value
                    .parse()
                    .ok()
                    .filter(|p| *p >= 1)
                    .ok_or_else(|| invalid("page"))?
            }
            "per_page" => {
                per_page = value
                    .parse()
                    .ok()
                    .filter(|p| (1..=MAX_PER_PAGE).contains(p))
                    .ok_or_else(|| invalid("per_page"))?
            }
            _ => {}
        }
    }
    Ok((filter, sort, page, per_page))
}

/// A session's list as the caller may see it, read through the cache.
pub(crate) async fn session_list(
    state: &AppState,
    session: SessionId,
) -> Result<std::sync::Arc<list::ScreeningList>, ApiError> {
    let snapshot = state.snapshot();
    let mut units: std::collections::HashMap<i64, String> = snapshot
        .placements
        .iter()
        .filter(|p| p.session == session)
        .map(|p| (p.id.0, p.unit.as_str().to_owned()))
        .collect();
    if units.is_empty() {
        // a session created since the last refresh
        let placements = state
            .store
            .placements(session)
            .await
            .map_err(ApiError::internal)?;
        units = placements
            .iter()
            .map(|p| (p.id.0, p.unit.as_str().to_owned()))
            .collect();
    }
    list::current(
        &state.store,
        &state.screening,
        |p| units.get(&p).cloned(),
        session,
    )
    .await
    .map_err(ApiError::internal)
}

pub(crate) async fn audit(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    action: &str,
    subject: &str,
    detail: serde_json::Value,
) -> Result<(), ApiError> {
    let actor = staff.label();
    let detail = detail.to_string();
    let address = peer.ip().to_string();
    let entry = NewAuditEntry {
        actor_id: Some(staff.account.id),
        actor: &actor,
        action,
        subject,
        detail: &detail,
        address: Some(&address),
    };
    state
        .store
        .audit(&entry, state.settings.now())
        .await
        .map(|_| ())
        .map_err(ApiError::internal)
}

/// A session's sent applications: filtered, faceted, searched, paginated.
#[utoipa::path(get, path = "/api/v1/office/sessions/{id}/applications", operation_id = "office_list_applications", tag = "office",
    params(
        ("id" = i64, Path, description = "The session's id"),
        ("status" = Option<String>, Query, description = "submitted, shortlisted, rejected or withdrawn"),
        ("unit" = Option<String>, Query, description = "A host unit among the choices"),
        ("placement" = Option<i64>, Query, description = "A placement among the choices"),
        ("nationality" = Option<String>, Query, description = "ISO 3166-1 alpha-2 (coordinators)"),
        ("language" = Option<String>, Query, description = "ISO 639-1, optionally with a minimum CEFR level: en or en:C1"),
        ("level" = Option<String>, Query, description = "Education level"),
        ("field" = Option<String>, Query, description = "Field of study"),
        ("eligible" = Option<String>, Query, description = "yes or no"),
        ("q" = Option<String>, Query, description = "Words of the motivation or of the CV's text, in French or English"),
        ("sort" = Option<String>, Query, description = "newest (default), oldest or id"),
        ("page" = Option<usize>, Query, description = "From 1"),
        ("per_page" = Option<usize>, Query, description = "1 to 200 (default 50)"),
    ),
    responses(
        (status = 200, description = "The page", body = OfficeList),
        (status = 400, description = "The search is too long", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such session, or not for this account", body = ErrorBody),
        (status = 422, description = "A filter is not understood; the field is named", body = ErrorBody),
    ))]
pub async fn list_applications(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<OfficeList>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    if !staff.role.may(Permission::ScreenApplications) {
        staff
            .require(Permission::ReviewApplications)
            .map_err(fail)?;
    }
    let session = crate::api::sessions::find_session(&state, visitor, id).await?;
    let (filter, sort, page, per_page) = parse_filter(raw.as_deref()).map_err(fail)?;
    let blind = is_blind(&state, &staff, session.id).await.map_err(fail)?;
    let list = session_list(&state, session.id).await.map_err(fail)?;
    let scope = (staff.role == Role::Reviewer).then_some(staff.units.as_slice());
    let facets: Vec<&'static str> = FACETS
        .into_iter()
        .filter(|f| !(blind && *f == "nationality"))
        .collect();
    let results = list::query(&list, scope, &filter, &facets, sort, page, per_page);
    audit(
        &state,
        &staff,
        peer,
        "applications.list",
        &format!("session:{}", session.id.0),
        serde_json::json!({ "query": raw.unwrap_or_default(), "total": results.total }),
    )
    .await
    .map_err(fail)?;
    Ok(Json(OfficeList {
        total: results.total,
        page,
        per_page,
        applications: results.page.iter().map(|e| view(e, blind, false)).collect(),
        facets: results
            .facets
            .into_iter()
            .map(|(facet, values)| {
                let counts = values
                    .into_iter()
                    .map(|(value, count)| FacetCount { value, count })
                    .collect();
                (facet.to_owned(), counts)
            })
            .collect(),
    }))
}

/// The application with this id, if the caller may see it; `None` otherwise.
pub(crate) async fn visible_application(
    state: &AppState,
    staff: &Staff,
    id: i64,
) -> Result<Option<(std::sync::Arc<list::ScreeningList>, usize)>, ApiError> {
    if !staff.role.may(Permission::ScreenApplications)
        && !staff.role.may(Permission::ReviewApplications)
    {
        return Ok(None);
    }
    let Some(row) = state
        .store
        .screening_row(id)
        .await
        .map_err(ApiError::internal)?
    else {
        return Ok(None);
    };
    let list = session_list(state, SessionId(row.session_id)).await?;
    let Some(index) = list.position(id) else {
        return Ok(None);
    };
    let entry = &list.entries[index];
    if !staff.sees_any_of(entry.units.iter().map(String::as_str)) {
        return Ok(None);
    }
    Ok(Some((list, index)))
}

/// One application, whole.
#[utoipa::path(get, path = "/api/v1/office/applications/{id}", operation_id = "office_get_application", tag = "office",
    params(("id" = i64, Path, description = "The application's id")),
    responses(
        (status = 200, description = "The application", body = OfficeApplication),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such application, or not for this account", body = ErrorBody),
    ))]
pub async fn get_application(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<OfficeApplication>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    let Ok(Path(id)) = id else {
        return Err(fail(ApiError::ApplicationNotFound));
    };
    let (list, index) = visible_application(&state, &staff, id)
        .await
        .map_err(fail)?
        .ok_or_else(|| fail(ApiError::ApplicationNotFound))?;
    audit(
        &state,
        &staff,
        peer,
        "application.view",
        &format!("application:{id}"),
        serde_json::json!({}),
    )
    .await
    .map_err(fail)?;
    let entry = &list.entries[index];
    let session = SessionId(entry.row.session_id);
    let blind = is_blind(&state, &staff, session).await.map_err(fail)?;
    let mut body = view(entry, blind, true);
    body.cv_text = Some(cv_text(&state, entry, blind).await.map_err(fail)?);
    Ok(Json(body))
}

fn decision_refusal_key(refusal: cohort_domain::application::DecisionRefusal) -> &'static str {
    use cohort_domain::application::DecisionRefusal as R;
    match refusal {
        R::NotSubmitted => "office-decision-not-submitted",
        R::Withdrawn => "office-decision-withdrawn",
        R::Unchanged => "office-decision-unchanged",
        R::OfferMade => "office-decision-offer-made",
    }
}

/// Applies one decision to many applications, each on its own: those that cannot take it
/// are listed with why, the others change, and each candidate is told by e-mail.
pub(crate) async fn decide_many(
    state: &AppState,
    staff: &Staff,
    peer: ClientAddr,
    lang: Lang,
    ids: &[i64],
    decision: Decision,
    reason: &Reason,
) -> Result<DecisionOutcome, ApiError> {
    staff.require(Permission::ScreenApplications)?;
    let tr = state.locales.tr(lang);
    let mut outcome = DecisionOutcome {
        changed: Vec::new(),
        refused: Vec::new(),
    };
    let actor = staff.label();
    let address = peer.ip().to_string();
    let book = MailBook::load(&state.store)
        .await
        .map_err(ApiError::internal)?;
    for &id in ids {
        let Some(row) = state
            .store
            .screening_row(id)
            .await
            .map_err(ApiError::internal)?
        else {
            outcome.refused.push(RefusedBody {
                id,
                message: tr.t("api-error-application-not-found"),
            });
            continue;
        };
        let to = match decide_screening(row.status, decision) {
            Ok(to) => to,
            Err(refusal) => {
                outcome.refused.push(RefusedBody {
                    id,
                    message: tr.t(decision_refusal_key(refusal)),
                });
                continue;
            }
        };
        let kind = to.as_str();
        let mail_kind = MailKind::parse(&format!("decision-{kind}")).ok_or(ApiError::Internal)?;
        let Rendered { subject, body } = book.compose(
            &state.locales,
            mail_kind,
            Lang::parse(&row.lang).unwrap_or(Lang::En),
            &[("reason", reason.as_str().to_owned())],
        );
        let detail = serde_json::json!({
            "from": row.status.as_str(), "to": kind, "reason": reason.as_str()
        })
        .to_string();
        let subject_ref = format!("application:{id}");
        let change = StaffDecision {
            application_id: id,
            from: row.status,
            to,
            kind,
            reason: reason.as_str(),
            actor_id: staff.account.id,
            mail: Some(NewMail {
                to: &row.email,
                lang: &row.lang,
                subject: &subject,
                body_text: &body,
            }),
            audit: NewAuditEntry {
                actor_id: Some(staff.account.id),
                actor: &actor,
                action: "application.status",
                subject: &subject_ref,
                detail: &detail,
                address: Some(&address),
            },
        };
        match state
            .store
            .decide_application(&change, state.settings.now())
            .await
            .map_err(ApiError::internal)?
        {
            Ok(()) => outcome.changed.push(id),
            Err(_) => outcome.refused.push(RefusedBody {
                id,
                message: tr.t("office-decision-changed-meanwhile"),
            }),
        }
    }
    Ok(outcome)
}

/// Shortlists, rejects or reopens applications, with a reason. Needs `X-CSRF-Token`.
#[utoipa::path(post, path = "/api/v1/office/applications/decisions", operation_id = "office_decide", tag = "office",
    request_body = DecisionRequest,
    responses(
        (status = 200, description = "What changed and what did not, with why", body = DecisionOutcome),
        (status = 400, description = "Not the expected JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "CSRF token missing", body = ErrorBody),
        (status = 404, description = "Not for this account", body = ErrorBody),
        (status = 422, description = "Unknown decision, no reason, or too many ids; the field is named", body = ErrorBody),
    ))]
pub async fn decide(
    State(state): State<AppState>,
    visitor: Visitor,
    staff: Staff,
    peer: ClientAddr,
    body: Result<Json<DecisionRequest>, JsonRejection>,
) -> Result<Json<DecisionOutcome>, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(&state, visitor);
    staff
        .require(Permission::ScreenApplications)
        .map_err(fail)?;
    let Json(body) = body.map_err(|_| fail(ApiError::BadBody))?;
    let decision = Decision::parse(&body.decision).ok_or_else(|| {
        fail(ApiError::Invalid {
            field: "decision",
            key: "office-decision-unknown",
        })
    })?;
    let reason = Reason::parse(&body.reason).map_err(|p| {
        fail(ApiError::Invalid {
            field: "reason",
            key: match p {
                ReasonProblem::Missing => "office-reason-missing",
                ReasonProblem::TooLong => "office-reason-too-long",
            },
        })
    })?;
    if body.ids.is_empty() || body.ids.len() > 1000 {
        return Err(fail(ApiError::Invalid {
            field: "ids",
            key: "office-ids-count",
        }));
    }
    decide_many(
        &state,
        &staff,
        peer,
        visitor.lang,
        &body.ids,
        decision,
        &reason,
    )
    .await
    .map(Json)
    .map_err(fail)
}
