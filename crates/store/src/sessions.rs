//! Sessions and their placements.

use crate::{Store, StoreError};
use cohort_domain::eligibility::{LanguageSkill, RuleSet};
use cohort_domain::session::{ApplicationWindow, Placement, PlacementId, Session, SessionId};
use cohort_domain::{CefrLevel, LanguageCode, Localized, UnitCode};
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::Row;

fn corrupt(what: &str, detail: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {detail}"))
}

pub(crate) fn millis(ts: Timestamp) -> i64 {
    ts.as_millisecond()
}

fn session(row: &AnyRow) -> Result<Session, StoreError> {
    let instant = |column: &str| -> Result<Timestamp, StoreError> {
        Timestamp::from_millisecond(row.try_get(column)?).map_err(|e| corrupt(column, e))
    };
    let date = |column: &str| -> Result<jiff::civil::Date, StoreError> {
        row.try_get::<String, _>(column)?
            .parse()
            .map_err(|e| corrupt(column, e))
    };
    let time_zone: String = row.try_get("time_zone")?;
    let rules: String = row.try_get("rules")?;
    Ok(Session {
        id: SessionId(row.try_get("id")?),
        code: row.try_get("code")?,
        name: Localized {
            en: row.try_get("name_en")?,
            fr: row.try_get("name_fr")?,
        },
        period_start: date("period_start")?,
        period_end: date("period_end")?,
        window: ApplicationWindow::from_instants(
            instant("opens_at")?,
            instant("closes_at")?,
            &time_zone,
        )
        .map_err(|e| corrupt("window", e))?,
        max_choices: u8::try_from(row.try_get::<i32, _>("max_choices")?)
            .map_err(|e| corrupt("max_choices", e))?,
        rules: RuleSet::from_toml(&rules).map_err(|e| corrupt("rules", e))?,
        retention_months: u16::try_from(row.try_get::<i32, _>("retention_months")?)
            .map_err(|e| corrupt("retention_months", e))?,
    })
}

fn placement(row: &AnyRow) -> Result<Placement, StoreError> {
    let languages: Vec<(String, String)> =
        serde_json::from_str(&row.try_get::<String, _>("languages")?)
            .map_err(|e| corrupt("languages", e))?;
    let languages = languages
        .iter()
        .map(|(language, level)| {
            Ok(LanguageSkill {
                language: LanguageCode::parse(language).map_err(|e| corrupt("languages", e))?,
                level: CefrLevel::parse(level).map_err(|e| corrupt("languages", e))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let unit: String = row.try_get("unit_code")?;
    Ok(Placement {
        id: PlacementId(row.try_get("id")?),
        session: SessionId(row.try_get("session_id")?),
        unit: UnitCode::parse(&unit).map_err(|e| corrupt("unit_code", e))?,
        title: Localized {
            en: row.try_get("title_en")?,
            fr: row.try_get("title_fr")?,
        },
        description: Localized {
            en: row.try_get("description_en")?,
            fr: row.try_get("description_fr")?,
        },
        capacity: u32::try_from(row.try_get::<i32, _>("capacity")?)
            .map_err(|e| corrupt("capacity", e))?,
        languages,
        fields: serde_json::from_str(&row.try_get::<String, _>("fields")?)
            .map_err(|e| corrupt("fields", e))?,
    })
}

/// Adds a session's row (no placements); returns its id.
pub(crate) async fn insert_session_row(
    tx: &mut crate::WriteTx,
    session: &Session,
) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO sessions (code, name_en, name_fr, period_start, period_end, opens_at, closes_at, \
         time_zone, max_choices, rules, retention_months) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(&session.code)
    .bind(&session.name.en)
    .bind(&session.name.fr)
    .bind(session.period_start.to_string())
    .bind(session.period_end.to_string())
    .bind(millis(session.window.opens().timestamp()))
    .bind(millis(session.window.closes().timestamp()))
    .bind(session.window.time_zone())
    .bind(i32::from(session.max_choices))
    .bind(session.rules.to_toml())
    .bind(i32::from(session.retention_months))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// Adds one placement to session `session_id` at `position`; returns its id.
pub(crate) async fn insert_placement(
    tx: &mut crate::WriteTx,
    session_id: i64,
    position: i64,
    p: &Placement,
) -> Result<i64, StoreError> {
    let (languages, fields) = placement_lists(p)?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO placements (session_id, unit_code, position, title_en, title_fr, description_en, \
         description_fr, capacity, languages, fields) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         RETURNING id",
    )
    .bind(session_id)
    .bind(p.unit.as_str())
    .bind(position)
    .bind(&p.title.en)
    .bind(&p.title.fr)
    .bind(&p.description.en)
    .bind(&p.description.fr)
    .bind(i32::try_from(p.capacity).unwrap_or(i32::MAX))
    .bind(languages)
    .bind(fields)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// A placement's languages and fields as their stored JSON.
pub(crate) fn placement_lists(p: &Placement) -> Result<(String, String), StoreError> {
    let languages: Vec<(String, String)> = p
        .languages
        .iter()
        .map(|s| (s.language.to_string(), s.level.to_string()))
        .collect();
    Ok((
        serde_json::to_string(&languages).map_err(|e| corrupt("languages", e))?,
        serde_json::to_string(&p.fields).map_err(|e| corrupt("fields", e))?,
    ))
}

impl Store {
    /// Adds a session with its placements in one transaction; returns its id. The ids in
    /// `session.id` and each `placement.id`/`session` are ignored.
    pub async fn insert_session(
        &self,
        session: &Session,
        placements: &[Placement],
    ) -> Result<SessionId, StoreError> {
        let mut tx = self.begin().await?;
        let id = insert_session_row(&mut tx, session).await?;
        for (position, p) in placements.iter().enumerate() {
            insert_placement(&mut tx, id, position as i64, p).await?;
        }
        tx.commit().await?;
        Ok(SessionId(id))
    }

    /// Every session, the latest period first.
    pub async fn sessions(&self) -> Result<Vec<Session>, StoreError> {
        sqlx::query("SELECT * FROM sessions ORDER BY period_start DESC, id DESC")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(session)
            .collect()
    }

    /// One session.
    pub async fn session_by_id(&self, id: SessionId) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query("SELECT * FROM sessions WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(session).transpose()
    }

    /// The ids of a session's placements (what checking a choice needs).
    pub async fn placement_ids(&self, session: SessionId) -> Result<Vec<PlacementId>, StoreError> {
        let ids: Vec<(i64,)> = sqlx::query_as("SELECT id FROM placements WHERE session_id = $1")
            .bind(session.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(ids.into_iter().map(|(id,)| PlacementId(id)).collect())
    }

    /// One placement by id.
    pub async fn placement(&self, id: PlacementId) -> Result<Option<Placement>, StoreError> {
        sqlx::query("SELECT * FROM placements WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(placement)
            .transpose()
    }

    /// The placements of a session, in their order.
    pub async fn placements(&self, session: SessionId) -> Result<Vec<Placement>, StoreError> {
        sqlx::query("SELECT * FROM placements WHERE session_id = $1 ORDER BY position")
            .bind(session.0)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(placement)
            .collect()
    }
}
