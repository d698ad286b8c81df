//! Offer rounds: a session's nationality caps, allocation runs (each with the exact
//! instance and result, so it can be exported and replayed), and the offers a published
//! run makes. Publishing, answering and lapsing are each one transaction with the
//! applications' status, their timeline, the e-mails and the audit entry.

use crate::applications::Conflict;
use crate::audit::{append_audit, NewAuditEntry};
use crate::outbox::{enqueue_mail, NewMail};
use crate::transition::{transition, Transition};
use crate::{Store, StoreError};
use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{PlacementId, SessionId};
use sqlx::Row;

/// One stored run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRow {
    /// Its id.
    pub id: i64,
    /// The session.
    pub session_id: i64,
    /// 1 for the first offers, 2 for the seats declined in round 1, …
    pub round: i64,
    /// The lottery's seed.
    pub seed: i64,
    /// Who ran it.
    pub created_by: Option<i64>,
    /// When, unix milliseconds.
    pub created_at: i64,
    /// When it was published, if it was.
    pub published_at: Option<i64>,
    /// The reply deadline of its offers, once published.
    pub reply_by: Option<i64>,
}

/// A run to store.
#[derive(Debug)]
pub struct NewRun<'a> {
    /// The session.
    pub session: SessionId,
    /// Its round.
    pub round: i64,
    /// The lottery's seed.
    pub seed: i64,
    /// The instance given to the engine, JSON.
    pub instance: &'a str,
    /// The engine's result, JSON.
    pub result: &'a str,
    /// Who ran it.
    pub created_by: i64,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

/// One offer with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRow {
    /// The application.
    pub application_id: i64,
    /// The run that made it.
    pub run_id: i64,
    /// The run's round.
    pub round: i64,
    /// The placement offered.
    pub placement_id: PlacementId,
    /// When it was made.
    pub made_at: i64,
    /// The reply deadline (inclusive), unix milliseconds.
    pub reply_by: i64,
    /// When the candidate answered, or when it lapsed.
    pub answered_at: Option<i64>,
    /// `offered`, `accepted`, `declined` or `expired`.
    pub status: ApplicationStatus,
}

/// An offer to make when publishing.
#[derive(Debug)]
pub struct NewOffer<'a> {
    /// The application (must still be shortlisted).
    pub application_id: i64,
    /// The placement.
    pub placement_id: PlacementId,
    /// The candidate's e-mail.
    pub mail: NewMail<'a>,
}

/// The publication of a run.
#[derive(Debug)]
pub struct Publication<'a> {
    /// The run.
    pub run: &'a RunRow,
    /// Its offers.
    pub offers: &'a [NewOffer<'a>],
    /// Their reply deadline.
    pub reply_by: i64,
    /// Who publishes.
    pub actor_id: i64,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

/// A candidate's answer (or the lapse of an offer).
#[derive(Debug)]
pub struct OfferChange<'a> {
    /// The application.
    pub application_id: i64,
    /// `accepted`, `declined` or `expired`.
    pub to: ApplicationStatus,
    /// Who (the candidate), or `None` for the system.
    pub actor_id: Option<i64>,
    /// The audit entry.
    pub audit: NewAuditEntry<'a>,
}

const RUN_COLUMNS: &str =
    "id, session_id, round, seed, created_by, created_at, published_at, reply_by";

fn run(r: &sqlx::any::AnyRow) -> Result<RunRow, StoreError> {
    Ok(RunRow {
        id: r.try_get("id")?,
        session_id: r.try_get("session_id")?,
        round: i64::from(r.try_get::<i32, _>("round")?),
        seed: r.try_get("seed")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
        published_at: r.try_get("published_at")?,
        reply_by: r.try_get("reply_by")?,
    })
}

const OFFER_SELECT: &str = "SELECT o.application_id, o.run_id, r.round, o.placement_id, \
    o.made_at, o.reply_by, o.answered_at, a.status \
    FROM offers o JOIN allocation_runs r ON r.id = o.run_id \
    JOIN applications a ON a.id = o.application_id";

fn offer(r: &sqlx::any::AnyRow) -> Result<OfferRow, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(OfferRow {
        application_id: r.try_get("application_id")?,
        run_id: r.try_get("run_id")?,
        round: i64::from(r.try_get::<i32, _>("round")?),
        placement_id: PlacementId(r.try_get("placement_id")?),
        made_at: r.try_get("made_at")?,
        reply_by: r.try_get("reply_by")?,
        answered_at: r.try_get("answered_at")?,
        status: ApplicationStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("status {status:?}")))?,
    })
}

impl Store {
    /// A session's nationality caps (JSON), if the coordinator set any.
    pub async fn nationality_caps(&self, session: SessionId) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT caps FROM nationality_caps WHERE session_id = $1")
                .bind(session.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(caps,)| caps))
    }

    /// Replaces a session's nationality caps.
    pub async fn set_nationality_caps(
        &self,
        session: SessionId,
        caps: &str,
        audit: &NewAuditEntry<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO nationality_caps (session_id, caps) VALUES ($1, $2) \
             ON CONFLICT (session_id) DO UPDATE SET caps = excluded.caps",
        )
        .bind(session.0)
        .bind(caps)
        .execute(&mut *tx)
        .await?;
        append_audit(&mut tx, audit, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every placement ranking of a session: `(placement, application, rank)`, best first.
    pub async fn session_rankings(
        &self,
        session: SessionId,
    ) -> Result<Vec<(PlacementId, i64, i64)>, StoreError> {
        let rows: Vec<(i64, i64, i32)> = sqlx::query_as(
            "SELECT r.placement_id, r.application_id, r.rank FROM rankings r \
             JOIN placements p ON p.id = r.placement_id WHERE p.session_id = $1 \
             ORDER BY r.placement_id, r.rank, r.application_id",
        )
        .bind(session.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(p, a, rank)| (PlacementId(p), a, i64::from(rank)))
            .collect())
    }

    /// Stores a run (a preview until published) and returns its id.
    pub async fn insert_run(&self, new: &NewRun<'_>, now: i64) -> Result<i64, StoreError> {
        let mut tx = self.begin().await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO allocation_runs (session_id, round, seed, instance, result, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(new.session.0)
        .bind(new.round as i32)
        .bind(new.seed)
        .bind(new.instance)
        .bind(new.result)
        .bind(new.created_by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let subject = format!("allocation_run:{id}");
        let audit = NewAuditEntry {
            subject: &subject,
            ..new.audit
        };
        append_audit(&mut tx, &audit, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A session's runs, newest first.
    pub async fn runs(&self, session: SessionId) -> Result<Vec<RunRow>, StoreError> {
        let sql = format!(
            "SELECT {RUN_COLUMNS} FROM allocation_runs WHERE session_id = $1 ORDER BY id DESC"
        );
        let rows = sqlx::query(&sql)
            .bind(session.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(run).collect()
    }

    /// One run.
    pub async fn run(&self, id: i64) -> Result<Option<RunRow>, StoreError> {
        let sql = format!("SELECT {RUN_COLUMNS} FROM allocation_runs WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(run).transpose()
    }

    /// A run's instance and result, exactly as stored.
    pub async fn run_documents(&self, id: i64) -> Result<Option<(String, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT instance, result FROM allocation_runs WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Every offer of a session, by application.
    pub async fn offers(&self, session: SessionId) -> Result<Vec<OfferRow>, StoreError> {
        let sql = format!("{OFFER_SELECT} WHERE r.session_id = $1 ORDER BY o.application_id");
        let rows = sqlx::query(&sql)
            .bind(session.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(offer).collect()
    }

    /// The offer made to an application, if any.
    pub async fn offer_of(&self, application_id: i64) -> Result<Option<OfferRow>, StoreError> {
        let sql = format!("{OFFER_SELECT} WHERE o.application_id = $1");
        let row = sqlx::query(&sql)
            .bind(application_id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(offer).transpose()
    }

    /// Publishes a run: marks it published, makes its offers (each application must still
    /// be shortlisted), queues the e-mails and the audit entry — all or nothing.
    /// [`Conflict`] when the round was already published, a newer run exists, or an
    /// application changed meanwhile.
    pub async fn publish_run(
        &self,
        publication: &Publication<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let run = publication.run;
        let mut tx = self.begin().await?;
        let published = sqlx::query(
            "UPDATE allocation_runs SET published_at = $1, reply_by = $2 \
             WHERE id = $3 AND published_at IS NULL \
             AND id = (SELECT MAX(id) FROM allocation_runs WHERE session_id = $4) \
             AND NOT EXISTS (SELECT 1 FROM allocation_runs p WHERE p.session_id = $4 \
                 AND p.round = $5 AND p.published_at IS NOT NULL)",
        )
        .bind(now)
        .bind(publication.reply_by)
        .bind(run.id)
        .bind(run.session_id)
        .bind(run.round as i32)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if published != 1 {
            return Ok(Err(Conflict));
        }
        for new in publication.offers {
            let offer = Transition {
                application_id: new.application_id,
                from: ApplicationStatus::Shortlisted,
                to: ApplicationStatus::Offered,
                kind: "offered",
                actor_id: Some(publication.actor_id),
                reason: None,
            };
            if !transition(&mut tx, &offer, now).await? {
                return Ok(Err(Conflict));
            }
            sqlx::query(
                "INSERT INTO offers (application_id, run_id, placement_id, made_at, reply_by) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(new.application_id)
            .bind(run.id)
            .bind(new.placement_id.0)
            .bind(now)
            .bind(publication.reply_by)
            .execute(&mut *tx)
            .await?;
            enqueue_mail(&mut tx, &new.mail, now).await?;
        }
        append_audit(&mut tx, &publication.audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Records an answer to an offer, or its lapse, if the offer is still open.
    pub async fn change_offer(
        &self,
        change: &OfferChange<'_>,
        now: i64,
    ) -> Result<Result<(), Conflict>, StoreError> {
        let mut tx = self.begin().await?;
        let id = change.application_id;
        let kind = format!("offer_{}", change.to.as_str());
        let answer = Transition {
            application_id: id,
            from: ApplicationStatus::Offered,
            to: change.to,
            kind: &kind,
            actor_id: change.actor_id,
            reason: None,
        };
        if !transition(&mut tx, &answer, now).await? {
            return Ok(Err(Conflict));
        }
        sqlx::query("UPDATE offers SET answered_at = $1 WHERE application_id = $2")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        append_audit(&mut tx, &change.audit, now).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}
