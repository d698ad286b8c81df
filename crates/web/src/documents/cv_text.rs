//! Reads the text of uploaded CVs after their upload has been answered, so a surge of
//! uploads on deadline day never waits for a sandbox. Every node runs a few readers; the
//! database hands each CV to one of them ([`Store::claim_cv_to_read`]). An upload on this
//! node wakes a reader at once; the others' uploads and expired claims are found by a
//! poll. A child that crashes or hits a limit means "no text", as at upload before; one
//! killed at its time limit (perhaps only starved of processor) is tried again, twice.

use crate::state::AppState;
use cohort_app::files::path;
use cohort_store::{CvToRead, Store};
use cohort_untrusted::sandbox::{Answer, Failure, Job};
use object_store::ObjectStoreExt;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// How long a claim holds: the sandbox's wait for a turn and time limit, and room.
const CLAIM_MS: i64 = 60_000;
/// How often readers look for CVs uploaded on other nodes or left by a dead one.
const POLL: Duration = Duration::from_secs(2);
/// Claims of one CV killed at its time limit before it is taken as having no text.
const ATTEMPTS: i64 = 3;

/// Wakes a reader of this node: a CV was just uploaded here.
#[derive(Debug, Clone, Default)]
pub struct CvUploaded(Arc<Notify>);

impl CvUploaded {
    /// Tells one waiting reader (or the next to wait) that there is work.
    pub fn notify(&self) {
        self.0.notify_one();
    }
}

/// Starts as many readers as the machine has cores; they run until the process ends.
pub fn spawn_readers(state: &AppState) {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    for _ in 0..cores {
        let state = state.clone();
        tokio::spawn(async move { read_forever(&state).await });
    }
}

async fn read_forever(state: &AppState) {
    loop {
        match read_one(state).await {
            Ok(true) => continue,
            Ok(false) => {}
            Err(error) => tracing::warn!(%error, "reading a CV's text failed; trying later"),
        }
        let _ = tokio::time::timeout(POLL, state.cv_uploaded.0.notified()).await;
    }
}

/// Reads one CV, if one is waiting; `true` when there may be more.
async fn read_one(state: &AppState) -> Result<bool, cohort_store::StoreError> {
    let store = &state.store;
    let now = state.settings.now();
    let Some(cv) = store.claim_cv_to_read(now, now + CLAIM_MS).await? else {
        return Ok(false);
    };
    let bytes = match state.files.get(&path(&cv.object_key)).await {
        Ok(file) => file.bytes().await,
        Err(error) => Err(error),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        // replaced and deleted meanwhile, or the store is out: the claim runs out and a
        // reader tries again (a replaced CV is no longer to read)
        Err(error) if cv.attempts < ATTEMPTS => {
            tracing::warn!(%error, application = cv.application_id, "a CV to read could not be fetched");
            return Ok(false);
        }
        Err(error) => {
            tracing::error!(%error, application = cv.application_id, "a CV's file is missing: saved with no text");
            return save(store, &cv, "").await;
        }
    };
    match state.sandbox.run(Job::PdfText, &bytes).await {
        Ok(Answer::Text(text)) => save(store, &cv, &text).await,
        Err(Failure::Busy) => {
            store.release_cv_to_read(&cv, now).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            Ok(true)
        }
        Err(Failure::TimedOut) if cv.attempts < ATTEMPTS => {
            tracing::warn!(
                application = cv.application_id,
                "a CV's reading timed out; trying again"
            );
            store.release_cv_to_read(&cv, now).await?;
            Ok(true)
        }
        Ok(_) => {
            tracing::warn!("the PDF sandbox answered with the wrong kind of answer");
            save(store, &cv, "").await
        }
        Err(failure) => {
            tracing::warn!(%failure, application = cv.application_id, "no text from a CV");
            save(store, &cv, "").await
        }
    }
}

async fn save(store: &Store, cv: &CvToRead, text: &str) -> Result<bool, cohort_store::StoreError> {
    if store.save_cv_text(cv, text).await? {
        tracing::debug!(
            application = cv.application_id,
            chars = text.len(),
            "CV text read"
        );
    }
    Ok(true)
}
