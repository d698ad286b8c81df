//! Reading and replacing the catalogue. An import replaces everything in one transaction.

use crate::{Store, StoreError};
use cohort_domain::{Catalogue, Localized, Programme, Testimonial, Unit, UnitCode, UnitKind};
use sqlx::any::AnyRow;
use sqlx::Row;

impl Store {
    /// Replaces the whole catalogue in one transaction: on any error nothing changes.
    #[tracing::instrument(skip_all, fields(units = catalogue.units().len()))]
    pub async fn replace_catalogue(&self, catalogue: &Catalogue) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM testimonials")
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM units").execute(&mut *tx).await?;
        let p = catalogue.programme();
        sqlx::query(
            "INSERT INTO programme (id, code, name_en, name_fr, revision) VALUES (1, $1, $2, $3, 1) \
             ON CONFLICT (id) DO UPDATE SET code = $1, name_en = $2, name_fr = $3, \
             revision = programme.revision + 1",
        )
        .bind(&p.code)
        .bind(&p.name.en)
        .bind(&p.name.fr)
        .execute(&mut *tx)
        .await?;
        for (position, unit) in catalogue.units().iter().enumerate() {
            sqlx::query(
                "INSERT INTO units (code, parent, kind, position, name_en, name_fr, summary_en, \
                 summary_fr, responsibilities_en, responsibilities_fr) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(unit.code.as_str())
            .bind(unit.parent.as_ref().map(|p| p.as_str().to_owned()))
            .bind(unit.kind.as_str())
            .bind(position as i64)
            .bind(&unit.name.en)
            .bind(&unit.name.fr)
            .bind(&unit.summary.en)
            .bind(&unit.summary.fr)
            .bind(json(&unit.responsibilities.en))
            .bind(json(&unit.responsibilities.fr))
            .execute(&mut *tx)
            .await?;
        }
        for (position, t) in catalogue.testimonials().iter().enumerate() {
            sqlx::query(
                "INSERT INTO testimonials (unit_code, position, title_en, title_fr, body_en, body_fr) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(t.unit.as_str())
            .bind(position as i64)
            .bind(&t.title.en)
            .bind(&t.title.fr)
            .bind(json(&t.body.en))
            .bind(json(&t.body.fr))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The stored catalogue, or `None` before the first import.
    pub async fn catalogue(&self) -> Result<Option<Catalogue>, StoreError> {
        let Some(row) = sqlx::query("SELECT code, name_en, name_fr FROM programme WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let programme = Programme {
            code: row.try_get("code")?,
            name: Localized {
                en: row.try_get("name_en")?,
                fr: row.try_get("name_fr")?,
            },
        };
        let units = sqlx::query("SELECT * FROM units ORDER BY position")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(unit)
            .collect::<Result<Vec<_>, _>>()?;
        let testimonials = sqlx::query("SELECT * FROM testimonials ORDER BY position")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(testimonial)
            .collect::<Result<Vec<_>, _>>()?;
        Catalogue::new(programme, units, testimonials)
            .map(Some)
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// What the servers' in-memory snapshot depends on: the catalogue's revision, the number
    /// of sessions and the newest placement. Any change means "reload".
    pub async fn snapshot_revision(&self) -> Result<(i64, i64, i64), StoreError> {
        let revision: (i64, i64, i64) = sqlx::query_as(
            "SELECT COALESCE((SELECT revision FROM programme WHERE id = 1), 0), \
             (SELECT COUNT(*) FROM sessions), (SELECT COALESCE(MAX(id), 0) FROM placements)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(revision)
    }

    /// A number that grows with every import; 0 before the first.
    pub async fn catalogue_revision(&self) -> Result<i64, StoreError> {
        let revision: Option<(i64,)> =
            sqlx::query_as("SELECT revision FROM programme WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(revision.map_or(0, |r| r.0))
    }
}

fn json(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

fn list(row: &AnyRow, column: &str) -> Result<Vec<String>, StoreError> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt(format!("{column}: {e}")))
}

fn code(text: &str) -> Result<UnitCode, StoreError> {
    UnitCode::parse(text).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn unit(row: &AnyRow) -> Result<Unit, StoreError> {
    let kind: String = row.try_get("kind")?;
    let parent: Option<String> = row.try_get("parent")?;
    Ok(Unit {
        code: code(&row.try_get::<String, _>("code")?)?,
        parent: parent.as_deref().map(code).transpose()?,
        kind: UnitKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("kind {kind:?}")))?,
        name: Localized {
            en: row.try_get("name_en")?,
            fr: row.try_get("name_fr")?,
        },
        summary: Localized {
            en: row.try_get("summary_en")?,
            fr: row.try_get("summary_fr")?,
        },
        responsibilities: Localized {
            en: list(row, "responsibilities_en")?,
            fr: list(row, "responsibilities_fr")?,
        },
    })
}

fn testimonial(row: &AnyRow) -> Result<Testimonial, StoreError> {
    Ok(Testimonial {
        unit: code(&row.try_get::<String, _>("unit_code")?)?,
        title: Localized {
            en: row.try_get("title_en")?,
            fr: row.try_get("title_fr")?,
        },
        body: Localized {
            en: list(row, "body_en")?,
            fr: list(row, "body_fr")?,
        },
    })
}
