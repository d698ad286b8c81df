//! `GET /api/v1/sessions` and `GET /api/v1/sessions/{id}/placements`.

use super::error::{ApiError, ErrorBody, LocalizedError};
use super::types::Text;
use crate::state::AppState;
use crate::visitor::Visitor;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::Json;
use cohort_domain::session::{Placement, Session};
use serde::Serialize;
use utoipa::ToSchema;

/// A session: an intake of interns and its application window.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionBody {
    /// Id, for the other session paths.
    pub id: i64,
    /// Stable code.
    pub code: String,
    /// Name.
    pub name: Text,
    /// First day of the internships (YYYY-MM-DD).
    pub period_start: String,
    /// Last day of the internships (YYYY-MM-DD).
    pub period_end: String,
    /// When applications open, with the programme's offset and time zone.
    #[schema(example = "2027-04-01T09:00:00+02:00[Europe/Brussels]")]
    pub opens_at: String,
    /// The deadline, with the programme's offset and time zone.
    pub closes_at: String,
    /// The programme's time zone.
    pub time_zone: String,
    /// `not_yet_open`, `open` or `closed`, by the server's clock.
    pub window: String,
    /// How many placements a candidate may rank.
    pub max_choices: u8,
}

impl SessionBody {
    /// The API view of a session at `now`.
    pub fn of(session: &Session, now: jiff::Timestamp) -> SessionBody {
        SessionBody {
            id: session.id.0,
            code: session.code.clone(),
            name: (&session.name).into(),
            period_start: session.period_start.to_string(),
            period_end: session.period_end.to_string(),
            opens_at: session.window.opens().to_string(),
            closes_at: session.window.closes().to_string(),
            time_zone: session.window.time_zone().to_owned(),
            window: session.window.state(now).as_str().to_owned(),
            max_choices: session.max_choices,
        }
    }
}

/// A language a placement requires, at a minimum level.
#[derive(Debug, Serialize, ToSchema)]
pub struct LanguageBody {
    /// ISO 639-1 code.
    pub language: String,
    /// CEFR level.
    pub level: String,
}

/// A placement offered in a session.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlacementBody {
    /// Id, to use in an application's choices.
    pub id: i64,
    /// The host unit's code.
    pub unit: String,
    /// The host unit's name.
    pub unit_name: Text,
    /// Title.
    pub title: Text,
    /// What the intern will do.
    pub description: Text,
    /// Seats.
    pub capacity: u32,
    /// Languages required.
    pub languages: Vec<LanguageBody>,
    /// Fields of study sought.
    pub fields: Vec<String>,
}

impl PlacementBody {
    /// The API view of a placement; the unit's name comes from the catalogue.
    pub fn of(p: &Placement, catalogue: &cohort_domain::Catalogue) -> PlacementBody {
        let unit_name = catalogue
            .unit(&p.unit)
            .map(|u| (&u.name).into())
            .unwrap_or_else(|| Text {
                en: p.unit.to_string(),
                fr: p.unit.to_string(),
            });
        PlacementBody {
            id: p.id.0,
            unit: p.unit.to_string(),
            unit_name,
            title: (&p.title).into(),
            description: (&p.description).into(),
            capacity: p.capacity,
            languages: p
                .languages
                .iter()
                .map(|s| LanguageBody {
                    language: s.language.to_string(),
                    level: s.level.to_string(),
                })
                .collect(),
            fields: p.fields.clone(),
        }
    }
}

/// Every session, the latest first.
#[utoipa::path(get, path = "/api/v1/sessions", operation_id = "list_sessions", tag = "sessions",
    responses((status = 200, description = "The sessions", body = [SessionBody])))]
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Json<Vec<SessionBody>>, LocalizedError> {
    let sessions = state
        .store
        .sessions()
        .await
        .map_err(|e| ApiError::internal(e).into_localized(&state, visitor))?;
    let now = state.settings.now_timestamp();
    Ok(Json(
        sessions.iter().map(|s| SessionBody::of(s, now)).collect(),
    ))
}

/// The session named in the path, or the API's 404.
pub async fn find_session(
    state: &AppState,
    visitor: Visitor,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Session, LocalizedError> {
    let fail = |e: ApiError| e.into_localized(state, visitor);
    let Ok(Path(id)) = id else {
        return Err(fail(ApiError::SessionNotFound));
    };
    state
        .session(id)
        .await
        .map_err(|e| fail(ApiError::internal(e)))?
        .ok_or_else(|| fail(ApiError::SessionNotFound))
}

/// The placements of a session.
#[utoipa::path(get, path = "/api/v1/sessions/{id}/placements", operation_id = "list_placements", tag = "sessions",
    params(("id" = i64, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The placements", body = [PlacementBody]),
        (status = 404, description = "No such session", body = ErrorBody),
    ))]
pub async fn placements(
    State(state): State<AppState>,
    visitor: Visitor,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<Vec<PlacementBody>>, LocalizedError> {
    let session = find_session(&state, visitor, id).await?;
    let placements = state
        .store
        .placements(session.id)
        .await
        .map_err(|e| ApiError::internal(e).into_localized(&state, visitor))?;
    let snapshot = state.snapshot();
    Ok(Json(
        placements
            .iter()
            .map(|p| PlacementBody::of(p, &snapshot.catalogue))
            .collect(),
    ))
}
