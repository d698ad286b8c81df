//! What every handler shares: the store, the messages, and an in-memory snapshot of the
//! catalogue with its search index (derived from the database, reloaded when it changes).

pub use crate::auth::password::Passwords;
pub use crate::client_addr::TrustedProxies;
pub use crate::gate::WorkLimit;
use cohort_domain::session::{Placement, Session};
use cohort_domain::Catalogue;
use cohort_i18n::Locales;
use cohort_search::SearchIndex;
use cohort_store::Store;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// The catalogue as of one revision, with its search index, and the sessions and
/// placements the public pages show: read once, served from memory.
#[derive(Debug)]
pub struct Snapshot {
    /// The catalogue.
    pub catalogue: Catalogue,
    /// Its search index.
    pub index: SearchIndex,
    /// `GET /api/v1/units`, ready to send.
    pub units_json: axum::body::Bytes,
    /// Every session.
    pub sessions: Vec<Session>,
    /// Every placement of every session.
    pub placements: Vec<Placement>,
    /// Interns' testimonials approved by the office.
    pub intern_testimonials: Vec<cohort_store::TestimonialRow>,
    /// The store's revision it was read at (see `Store::snapshot_revision`).
    pub revision: (i64, i64, i64),
}

pub use cohort_app::files::FilesAt;
pub use cohort_app::{system_clock, Clock};

/// How this deployment is reached and what time it is.
#[derive(Clone)]
pub struct Settings {
    /// The address people use, e.g. `https://interns.example.org`, for links in e-mails.
    /// Cookies get `Secure` when it is `https`.
    pub public_url: String,
    /// The clock.
    pub clock: Clock,
    /// Where uploaded documents are kept.
    pub files: FilesAt,
    /// How to start the child process that parses untrusted files (the running binary's
    /// hidden `sandbox` subcommand by default).
    pub sandbox: cohort_untrusted::sandbox::ChildCommand,
    /// Timeouts and limits of connections and requests.
    pub limits: crate::limits::ServerLimits,
    /// How long a sign-in may go unused before it ends (beside its absolute lifetime).
    pub idle: IdleTimeouts,
    /// The reverse proxies whose `X-Forwarded-For` names the client (none by default:
    /// the TCP peer is the client).
    pub trusted_proxies: TrustedProxies,
    /// How many password hashes and checks (argon2, ~19 MiB each) run and wait at once.
    pub password_hashing: WorkLimit,
}

/// How long a sign-in may go unused before it is treated as signed out, by kind of
/// account: the back office's accounts reach every application, so they lapse sooner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleTimeouts {
    /// Reviewers, coordinators, administrators and supervisors.
    pub staff: Duration,
    /// Candidates (and interns).
    pub candidate: Duration,
}

impl Default for IdleTimeouts {
    /// 30 minutes for staff, 2 hours for candidates.
    fn default() -> Self {
        IdleTimeouts {
            staff: Duration::from_secs(30 * 60),
            candidate: Duration::from_secs(2 * 60 * 60),
        }
    }
}

impl IdleTimeouts {
    /// The idle limit of an account with `role`, in milliseconds.
    pub fn millis_for(&self, role: &str) -> i64 {
        let limit = if role == "candidate" {
            self.candidate
        } else {
            self.staff
        };
        i64::try_from(limit.as_millis()).unwrap_or(i64::MAX)
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("public_url", &self.public_url)
            .field("files", &self.files)
            .field("idle", &self.idle)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("password_hashing", &self.password_hashing)
            .finish()
    }
}

impl Settings {
    /// Settings for `public_url` with the system clock.
    pub fn new(public_url: impl Into<String>) -> Settings {
        Settings {
            public_url: public_url.into().trim_end_matches('/').to_owned(),
            clock: system_clock(),
            files: FilesAt::Memory,
            sandbox: cohort_untrusted::sandbox::ChildCommand::this_binary().unwrap_or_else(|_| {
                cohort_untrusted::sandbox::ChildCommand {
                    program: "cohort".into(),
                    args: vec!["sandbox".into()],
                }
            }),
            limits: crate::limits::ServerLimits::default(),
            idle: IdleTimeouts::default(),
            trusted_proxies: TrustedProxies::default(),
            password_hashing: WorkLimit::for_this_machine(),
        }
    }

    /// Whether cookies must carry `Secure`.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// Now, in Unix milliseconds.
    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    /// Now, as an instant.
    pub fn now_timestamp(&self) -> jiff::Timestamp {
        jiff::Timestamp::from_millisecond(self.now()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }
}

/// Shared application state; cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Messages in every language.
    pub locales: Arc<Locales>,
    /// Deployment settings.
    pub settings: Settings,
    /// Uploaded documents, under random names (see `crate::documents`).
    pub files: Arc<dyn object_store::ObjectStore>,
    /// Parses untrusted files in limited child processes, a bounded number at once.
    pub sandbox: cohort_untrusted::sandbox::Sandbox,
    /// Turns of uploads in flight (`crate::documents::admit`).
    pub(crate) uploads: crate::admission::Admission,
    /// Wakes this node's readers of CV texts (`crate::documents::cv_text`).
    pub(crate) cv_uploaded: crate::documents::cv_text::CvUploaded,
    /// Password hashing and checking, bounded (see `crate::auth::password`).
    pub passwords: Passwords,
    snapshot: Arc<RwLock<Arc<Snapshot>>>,
    /// Screening lists by session, rebuilt when applications change.
    pub(crate) screening: crate::office::ScreeningCache,
}

impl AppState {
    /// Loads the catalogue from the store; fails when there is none yet.
    pub async fn load(store: Store, settings: Settings) -> anyhow::Result<AppState> {
        let snapshot = read_snapshot(&store).await?;
        let files = crate::documents::open_files(&settings.files)?;
        let sandbox =
            cohort_untrusted::sandbox::Sandbox::sized_to_machine(settings.sandbox.clone());
        Ok(AppState {
            store,
            locales: Arc::new(Locales::load()?),
            passwords: Passwords::new(settings.password_hashing),
            settings,
            files,
            sandbox,
            uploads: crate::documents::admit::uploads(),
            cv_uploaded: Default::default(),
            snapshot: Arc::new(RwLock::new(Arc::new(snapshot))),
            screening: Default::default(),
        })
    }

    /// What the use cases of `cohort-app` work with (cheap clones of the same parts).
    pub fn app(&self) -> cohort_app::App {
        cohort_app::App {
            store: self.store.clone(),
            files: self.files.clone(),
            clock: self.settings.clock.clone(),
            locales: self.locales.clone(),
            public_url: self.settings.public_url.clone(),
        }
    }

    /// The session `id`: from the snapshot (no query, no parsing of its rules), else from
    /// the store (created since the last refresh). A change to a session reaches the other
    /// nodes' snapshots with their next refresh.
    pub async fn session(&self, id: i64) -> Result<Option<Session>, cohort_store::StoreError> {
        if let Some(session) = self.snapshot().sessions.iter().find(|s| s.id.0 == id) {
            return Ok(Some(session.clone()));
        }
        self.store
            .session_by_id(cohort_domain::session::SessionId(id))
            .await
    }

    /// The current snapshot (a cheap clone of an `Arc`).
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Reloads the snapshot when the stored catalogue changed (e.g. after `cohort catalogue
    /// import` on this or another node).
    pub async fn refresh(&self) -> anyhow::Result<bool> {
        let revision = self.store.snapshot_revision().await?;
        if revision == self.snapshot().revision {
            return Ok(false);
        }
        let fresh = Arc::new(read_snapshot(&self.store).await?);
        match self.snapshot.write() {
            Ok(mut guard) => *guard = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        tracing::info!(?revision, "catalogue, sessions and placements reloaded");
        Ok(true)
    }

    /// Checks for a new catalogue every `period`, until the process ends.
    pub fn spawn_refresher(&self, period: Duration) {
        let state = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(period);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(error) = state.refresh().await {
                    tracing::warn!(%error, "catalogue refresh failed; serving the previous one");
                }
            }
        });
    }
}

async fn read_snapshot(store: &Store) -> anyhow::Result<Snapshot> {
    let revision = store.snapshot_revision().await?;
    let catalogue = store
        .catalogue()
        .await?
        .ok_or_else(|| anyhow::anyhow!("the database holds no catalogue: import one first"))?;
    let index = SearchIndex::build(&catalogue);
    let units_json = crate::api::units::tree_json(&catalogue).into();
    let sessions = store.sessions().await?;
    let mut placements = Vec::new();
    for session in &sessions {
        placements.extend(store.placements(session.id).await?);
    }
    let intern_testimonials = store
        .testimonials(cohort_domain::internship::Moderation::Approved)
        .await?;
    Ok(Snapshot {
        catalogue,
        index,
        units_json,
        sessions,
        placements,
        intern_testimonials,
        revision,
    })
}
