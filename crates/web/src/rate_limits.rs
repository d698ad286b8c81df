//! The rate limits as the use cases apply them (the rules are `cohort_domain::limits`, the
//! counters are the store's, shared by every node), and the periodic purge of what no
//! longer counts: quota and failure rows past their time, expired one-time links and
//! expired sign-ins. `cohort serve` runs [`run_purge`] every [`PURGE_EVERY`].

use crate::api::ApiError;
use crate::client_addr::ClientAddr;
use crate::state::AppState;
use cohort_domain::limits::{self, Quota};
use cohort_store::{ExpiredPurge, Grant, Limited, Store, StoreError};
use std::time::Duration;

/// The answer to a limited request: 429 with the message `key` and `Retry-After` in whole
/// seconds until `retry_at` (at least one).
pub(crate) fn refused(key: &'static str, retry_at: i64, now: i64) -> ApiError {
    let millis = (retry_at - now).max(1);
    let seconds = u64::try_from((millis + 999) / 1000).unwrap_or(1).max(1);
    ApiError::RateLimited {
        key,
        retry_after: seconds,
    }
}

/// Takes one request of `quota` for `what` and `key` now.
pub(crate) async fn take(
    state: &AppState,
    what: Limited,
    key: &str,
    quota: Quota,
) -> Result<Grant, ApiError> {
    state
        .store
        .take_quota(&what.subject(key), quota, state.settings.now())
        .await
        .map_err(ApiError::internal)
}

/// Takes one request per client address, or refuses it with the message `key`.
pub(crate) async fn per_client(
    state: &AppState,
    what: Limited,
    client: ClientAddr,
    quota: Quota,
    key: &'static str,
) -> Result<(), ApiError> {
    match take(state, what, &client.limit_key(), quota).await? {
        Grant::Granted => Ok(()),
        Grant::Refused { retry_at } => Err(refused(key, retry_at, state.settings.now())),
    }
}

/// The subjects of a sign-in attempt for the lower-cased address `email_key` from `client`:
/// the account's, then the client's.
pub(crate) fn sign_in_subjects(email_key: &str, client: ClientAddr) -> [String; 2] {
    [
        Limited::SignInAccount.subject(email_key),
        Limited::SignInClient.subject(&client.limit_key()),
    ]
}

/// Reserves a sign-in attempt, counted as a failure until it proves right, before the
/// password is checked; refused (429) while the account or the client waits out a delay.
pub(crate) async fn reserve_sign_in(
    state: &AppState,
    subjects: &[String; 2],
) -> Result<(), ApiError> {
    let now = state.settings.now();
    let grant = state
        .store
        .reserve_sign_in(
            &[
                (subjects[0].as_str(), limits::SIGN_IN_PER_ACCOUNT),
                (subjects[1].as_str(), limits::SIGN_IN_PER_CLIENT),
            ],
            now,
        )
        .await
        .map_err(ApiError::internal)?;
    match grant {
        Grant::Granted => Ok(()),
        Grant::Refused { retry_at } => Err(refused("api-error-signin-limited", retry_at, now)),
    }
}

/// How often `cohort serve` purges what no longer counts.
pub const PURGE_EVERY: Duration = Duration::from_secs(15 * 60);

/// Deletes, at `now`, the limit rows that no longer limit anything, expired one-time links
/// and expired sign-ins.
pub async fn purge_expired(store: &Store, now: i64) -> Result<ExpiredPurge, StoreError> {
    let window = limits::SIGN_IN_PER_ACCOUNT
        .window_ms
        .max(limits::SIGN_IN_PER_CLIENT.window_ms);
    store.purge_expired(now, window).await
}

/// Purges now and then every `every`, until `stop` completes. A failed run is logged and
/// tried again at the next turn.
pub async fn run_purge(
    state: AppState,
    every: Duration,
    stop: impl std::future::Future<Output = ()>,
) {
    let work = async {
        loop {
            match purge_expired(&state.store, state.settings.now()).await {
                Ok(purged) if purged != ExpiredPurge::default() => tracing::info!(
                    limits = purged.limits,
                    tokens = purged.tokens,
                    sign_ins = purged.sign_ins,
                    "expired rows purged"
                ),
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "the purge of expired rows failed"),
            }
            tokio::time::sleep(every).await;
        }
    };
    tokio::select! {
        () = work => {},
        () = stop => {},
    }
}
