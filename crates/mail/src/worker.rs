//! The outbox worker: every period, send what is due; on failure, record it and retry later.

use crate::Sender;
use cohort_store::{QueuedMail, Store, StoreError};
use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::time::MissedTickBehavior;

const MINUTE_MILLIS: i64 = 60_000;
const HOUR_MILLIS: i64 = 60 * MINUTE_MILLIS;
/// Rows read per query; a drain goes on until the outbox has nothing more due.
const BATCH: i64 = 50;
/// How long a claimed row is kept from other workers; longer than one SMTP conversation.
const LEASE_MILLIS: i64 = 5 * MINUTE_MILLIS;

/// The current time in unix milliseconds: the clock to give [`run_outbox_worker`].
pub fn unix_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// How long to wait after a failed try, given how many tries had failed before it:
/// 1 min, 2 min, 4 min, … at most 1 h.
pub fn retry_delay_millis(failed_before: i64) -> i64 {
    match failed_before {
        n if n <= 0 => MINUTE_MILLIS,
        n if n < 6 => MINUTE_MILLIS << n,
        _ => HOUR_MILLIS,
    }
}

/// Sends every row due at `now_millis` and returns how many went out. A failed row gets its
/// error and a retry time; only a store error stops the drain (the rows it had not reached
/// stay due for the next one).
pub async fn drain_once(
    store: &Store,
    sender: &Sender,
    now_millis: i64,
) -> Result<usize, StoreError> {
    let mut sent = 0;
    loop {
        let due = store.pending_mail(now_millis, BATCH).await?;
        let mut claimed_any = false;
        for mail in &due {
            // Another node may be draining the same database: one of us takes each row.
            if !store
                .claim_mail(mail.id, now_millis, now_millis + LEASE_MILLIS)
                .await?
            {
                continue;
            }
            claimed_any = true;
            if send_one(store, sender, mail, now_millis).await? {
                sent += 1;
            }
        }
        if (due.len() as i64) < BATCH || !claimed_any {
            return Ok(sent);
        }
    }
}

async fn send_one(
    store: &Store,
    sender: &Sender,
    mail: &QueuedMail,
    now_millis: i64,
) -> Result<bool, StoreError> {
    let to_domain = domain_of(&mail.to);
    match sender.send(mail).await {
        Ok(()) => {
            store.mark_mail_sent(mail.id, now_millis).await?;
            tracing::info!(outbox_id = mail.id, to_domain, "mail sent");
            Ok(true)
        }
        Err(error) => {
            let delay = retry_delay_millis(mail.attempts);
            let error = error.to_string();
            store
                .mark_mail_failed(mail.id, &error, now_millis + delay)
                .await?;
            tracing::warn!(
                outbox_id = mail.id,
                to_domain,
                attempts = mail.attempts + 1,
                retry_in_s = delay / 1000,
                %error,
                "mail not sent; will retry"
            );
            Ok(false)
        }
    }
}

/// Drains the outbox every `period` until `shutdown` completes; `clock` gives unix
/// milliseconds ([`unix_millis`] in production, a fixed or stepped clock in tests). Errors
/// are logged and the next period tries again. Stopping mid-send is safe: the row was
/// claimed and comes back when its lease ends.
pub async fn run_outbox_worker(
    store: Store,
    sender: Sender,
    period: Duration,
    clock: impl Fn() -> i64 + Send + 'static,
    shutdown: impl Future<Output = ()>,
) {
    tokio::pin!(shutdown);
    let mut ticks = tokio::time::interval(period.max(Duration::from_millis(10)));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    tracing::info!(
        period_ms = period.as_millis() as u64,
        "outbox worker started"
    );
    loop {
        tokio::select! {
            biased;
            () = &mut shutdown => break,
            _ = ticks.tick() => {}
        }
        tokio::select! {
            biased;
            () = &mut shutdown => break,
            drained = drain_once(&store, &sender, clock()) => match drained {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "outbox drained"),
                Err(error) => tracing::error!(%error, "outbox drain failed; will try again"),
            },
        }
    }
    tracing::info!("outbox worker stopped");
}

/// The domain of an address, the only part of it that goes to the logs.
pub(crate) fn domain_of(address: &str) -> &str {
    address
        .rsplit_once('@')
        .map_or("?", |(_, domain)| domain.trim_end_matches('>').trim())
}
