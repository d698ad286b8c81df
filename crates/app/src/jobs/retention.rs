//! The retention purge: for every session whose retention has run out
//! (`Session::purge_due`), the applications the domain calls `purgeable` are deleted with
//! their files; so are alumni's (`alumni_purgeable`) once their own internship's last day
//! is `ALUMNI_RETENTION_MONTHS` behind (`alumni_purge_due`), with their internship record
//! and evaluations (deleted with the application), and one audit entry per session says how many (`retention.purge`, subject
//! `session:ID`, actor `system` or `cli`). A session with nothing to purge leaves no entry.
//! `cohort retention purge` runs it once; `cohort serve` runs it at start and then daily
//! ([`run_daily`]). Now comes from the caller's clock, so tests move time instead of
//! waiting for it.

use cohort_domain::session::{alumni_purge_due, alumni_purgeable, purgeable, Session};
use cohort_store::{NewAuditEntry, PurgeCandidate, Store, StoreError};
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt};
use std::time::Duration;

/// What one session's purge deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionPurge {
    /// The session's code.
    pub session: String,
    /// Applications deleted.
    pub applications: usize,
    /// Files deleted (documents of those applications).
    pub files: usize,
}

/// Purges every session due at `now`; `actor` names who ran it in the audit log.
pub async fn purge(
    store: &Store,
    files: &dyn ObjectStore,
    now: i64,
    actor: &str,
) -> Result<Vec<SessionPurge>, StoreError> {
    let mut done = Vec::new();
    for session in store.sessions().await? {
        let Some(due) = session.purge_due() else {
            continue;
        };
        let mut chosen: Vec<_> = if due.as_millisecond() > now {
            Vec::new()
        } else {
            store
                .purge_candidates(session.id)
                .await?
                .into_iter()
                .filter(|c| purgeable(c.status, c.ever_shortlisted))
                .collect()
        };
        let alumni = alumni_due(store, &session, now).await?;
        let alumni_count = alumni.len();
        chosen.extend(alumni);
        if chosen.is_empty() {
            continue;
        }
        let subject = format!("session:{}", session.id.0);
        let entry = NewAuditEntry {
            actor_id: None,
            actor,
            action: "retention.purge",
            subject: &subject,
            detail: "",
            address: None,
        };
        let describe = |purged: &cohort_store::Purged| {
            serde_json::json!({
                "session": session.code,
                "applications": purged.applications,
                "alumni": alumni_count,
                "files": purged.object_keys.len(),
                "retention_months": session.retention_months,
                "due": due.to_string(),
            })
            .to_string()
        };
        let purged = store
            .purge_applications(&chosen, describe, entry, now)
            .await?;
        for key in &purged.object_keys {
            // a file already gone (or a demo row without one) is what we wanted anyway
            match files.delete(&Path::from(key.as_str())).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(error) => {
                    tracing::warn!(%error, key, "a purged document's file could not be deleted")
                }
            }
        }
        tracing::info!(
            session = session.code,
            applications = purged.applications,
            files = purged.object_keys.len(),
            "retention purge"
        );
        done.push(SessionPurge {
            session: session.code.clone(),
            applications: purged.applications,
            files: purged.object_keys.len(),
        });
    }
    Ok(done)
}

/// The session's alumni whose data is due for purge at `now`.
async fn alumni_due(
    store: &Store,
    session: &Session,
    now: i64,
) -> Result<Vec<PurgeCandidate>, StoreError> {
    let found = store.alumni_candidates(session.id).await?;
    Ok(found
        .into_iter()
        .filter(|(_, status, _)| alumni_purgeable(*status))
        .filter(|(_, _, end)| {
            let last = end
                .as_deref()
                .and_then(|e| e.parse().ok())
                .unwrap_or(session.period_end);
            alumni_purge_due(last, session.window.time_zone())
                .is_some_and(|due| due.as_millisecond() <= now)
        })
        .map(|(id, status, _)| PurgeCandidate {
            id,
            status,
            ever_shortlisted: true,
        })
        .collect())
}

/// How often `cohort serve` purges.
pub const EVERY: Duration = Duration::from_secs(24 * 3600);

/// Purges now and then every `every`, as `system`, until `stop` completes. A failed run
/// is logged and tried again at the next turn.
pub async fn run_daily(
    app: crate::App,
    every: Duration,
    stop: impl std::future::Future<Output = ()>,
) {
    let work = async {
        loop {
            let now = app.now();
            if let Err(error) = purge(&app.store, app.files.as_ref(), now, "system").await {
                tracing::error!(%error, "the retention purge failed");
            }
            tokio::time::sleep(every).await;
        }
    };
    tokio::select! {
        () = work => {},
        () = stop => {},
    }
}
