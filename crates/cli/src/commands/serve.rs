//! `cohort serve`: the web site, the API, the e-mail outbox worker, the daily retention
//! purge, the hourly reminders and the purge of expired limits, links and sign-ins (every
//! 15 minutes), until SIGTERM or Ctrl-C.

use crate::args::{DatabaseArgs, FilesArgs, ServeArgs};
use anyhow::Context;
use cohort_app::files::FilesAt;
use cohort_mail::{Mailbox, Sender, Transport};
use cohort_web::{AppState, IdleTimeouts, Settings, TrustedProxies};
use std::time::Duration;
use tokio::sync::watch;

/// A block of trusted proxy addresses (`--trusted-proxies`).
pub use cohort_web::Cidr;

impl crate::args::LimitArgs {
    /// The server's limits.
    pub fn limits(&self) -> cohort_web::ServerLimits {
        let seconds = std::time::Duration::from_secs;
        cohort_web::ServerLimits {
            header_read_timeout: seconds(self.header_read_timeout.max(1)),
            body_read_timeout: seconds(self.body_read_timeout.max(1)),
            request_timeout: seconds(self.request_timeout.max(1)),
            long_request_timeout: seconds(self.long_request_timeout.max(1)),
            max_connections: self.max_connections.max(1),
            max_in_flight: self.max_in_flight.max(1),
        }
    }
}

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let store = super::open_store(&args.database).await?;
    super::catalogue::seed_if_empty(&store).await?;
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", args.bind));
    let files = files_at(&args.files, &args.database);
    // each connection is a file descriptor: use all the system allows
    if let Err(error) = rlimit::increase_nofile_limit(u64::MAX) {
        tracing::warn!(%error, "could not raise the open-files limit");
    }
    let settings = Settings {
        files,
        limits: args.limits.limits(),
        idle: IdleTimeouts {
            staff: Duration::from_secs(args.staff_idle_minutes * 60),
            candidate: Duration::from_secs(args.candidate_idle_minutes * 60),
        },
        trusted_proxies: TrustedProxies(args.trusted_proxies.clone()),
        ..Settings::new(public_url)
    };
    let state = AppState::load(store.clone(), settings).await?;
    let sender = mail_sender(&args)?;
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, backend = ?store.backend(), "serving on http://{address}");

    let (stop, stopped) = watch::channel(false);
    let worker = tokio::spawn(cohort_mail::run_outbox_worker(
        store.clone(),
        sender,
        Duration::from_secs(2),
        cohort_mail::unix_millis,
        wait_for(stopped),
    ));
    let purger = tokio::spawn(cohort_app::jobs::retention::run_daily(
        state.app(),
        cohort_app::jobs::retention::EVERY,
        wait_for(stop.subscribe()),
    ));
    let reminders = tokio::spawn(cohort_web::reminders::run_hourly(
        state.clone(),
        cohort_web::reminders::EVERY,
        wait_for(stop.subscribe()),
    ));
    let expired = tokio::spawn(cohort_web::rate_limits::run_purge(
        state.clone(),
        cohort_web::rate_limits::PURGE_EVERY,
        wait_for(stop.subscribe()),
    ));
    cohort_web::serve(listener, state, shutdown_signal()).await?;
    let _ = stop.send(true);
    if let Err(error) = worker.await {
        tracing::error!(%error, "the outbox worker ended badly");
    }
    if let Err(error) = purger.await {
        tracing::error!(%error, "the retention purge ended badly");
    }
    if let Err(error) = reminders.await {
        tracing::error!(%error, "the checklist reminders ended badly");
    }
    if let Err(error) = expired.await {
        tracing::error!(%error, "the purge of expired rows ended badly");
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Where documents go: the bucket of `--files-url`, else `DATA_DIR/files`.
pub fn files_at(files: &FilesArgs, database: &DatabaseArgs) -> FilesAt {
    match &files.files_url {
        // credentials and endpoint come from the usual AWS_* variables
        Some(url) => FilesAt::Url {
            url: url.clone(),
            options: std::env::vars()
                .filter(|(k, _)| k.starts_with("AWS_"))
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect(),
        },
        None => FilesAt::Folder(database.data_dir.join("files")),
    }
}

fn mail_sender(args: &ServeArgs) -> anyhow::Result<Sender> {
    let transport = match (&args.smtp_url, &args.mail_dir) {
        (Some(url), _) => Transport::Smtp { url: url.clone() },
        (None, Some(dir)) => Transport::MailDir(dir.clone()),
        (None, None) => Transport::MailDir(args.database.data_dir.join("mail")),
    };
    let from: Mailbox = args
        .mail_from
        .parse()
        .with_context(|| format!("--mail-from {:?} is not an address", args.mail_from))?;
    Sender::new(from, transport).context("cannot set up e-mail")
}

async fn wait_for(mut stopped: watch::Receiver<bool>) {
    while !*stopped.borrow() {
        if stopped.changed().await.is_err() {
            return;
        }
    }
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM; requests in flight then finish.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
