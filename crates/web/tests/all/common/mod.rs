//! `TestApp`: the real server on 127.0.0.1:0 with its own fresh SQLite database holding the
//! NATO catalogue. The listener is bound before the test runs: no sleeps, no retries.

pub mod api;
pub mod candidates;
pub mod intern;
pub mod office;
pub mod office_world;
pub mod pdf;

use cohort_domain::Catalogue;
use cohort_store::Store;
use cohort_web::{AppState, Settings};
use tokio::sync::oneshot;

pub const NATO: &str = include_str!("../../../../../catalogue/nato-international-staff.toml");

pub struct TestApp {
    pub base: String,
    // not every test binary uses every field of this shared helper
    #[allow(dead_code)]
    pub store: Store,
    /// Where the server keeps uploaded documents.
    #[allow(dead_code)]
    pub files_dir: std::path::PathBuf,
    /// The server's state, e.g. to reload its snapshot after writing to the store.
    #[allow(dead_code)]
    pub state: AppState,
    /// Added to the system time by the server's clock ([`TestApp::advance`]).
    #[allow(dead_code)]
    pub clock_offset: std::sync::Arc<std::sync::atomic::AtomicI64>,
    /// When not 0, the server's clock stands still there ([`TestApp::freeze`]).
    #[allow(dead_code)]
    pub frozen_at: std::sync::Arc<std::sync::atomic::AtomicI64>,
    /// The SMTP sink the outbox worker delivers to ([`TestApp::spawn_with_smtp`]).
    #[allow(dead_code)]
    pub smtp: Option<cohort_smtp_sink::SmtpSink>,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    _dir: tempfile::TempDir,
}

/// The sandbox's child of this crate's tests (`cohort sandbox` in production).
pub fn sandbox_child() -> cohort_web::ChildCommand {
    cohort_web::ChildCommand {
        program: env!("CARGO_BIN_EXE_cohort-web-sandbox").into(),
        args: Vec::new(),
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with_files(None).await
    }

    /// Like [`TestApp::spawn`], with documents kept where `files` says (a folder of the
    /// test by default).
    pub async fn spawn_with_files(files: Option<cohort_web::FilesAt>) -> TestApp {
        TestApp::spawn_configured(files, |_| {}).await
    }

    /// Like [`TestApp::spawn_with_files`], with the settings changed by `configure` (e.g.
    /// trusted proxies) before the server starts.
    pub async fn spawn_configured(
        files: Option<cohort_web::FilesAt>,
        configure: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&Store::sqlite_url_in(dir.path()))
            .await
            .expect("store");
        let catalogue = Catalogue::from_toml(NATO).expect("valid catalogue");
        store.replace_catalogue(&catalogue).await.expect("import");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let files_dir = dir.path().join("files");
        let clock_offset = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
        let offset = clock_offset.clone();
        let frozen_at = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
        let frozen = frozen_at.clone();
        let system = cohort_web::system_clock();
        let mut settings = Settings {
            files: files.unwrap_or_else(|| cohort_web::FilesAt::Folder(files_dir.clone())),
            clock: std::sync::Arc::new(move || {
                let at = match frozen.load(std::sync::atomic::Ordering::SeqCst) {
                    0 => system(),
                    at => at,
                };
                at + offset.load(std::sync::atomic::Ordering::SeqCst)
            }),
            sandbox: sandbox_child(),
            ..Settings::new(base.clone())
        };
        configure(&mut settings);
        let state = AppState::load(store.clone(), settings)
            .await
            .expect("state");
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(cohort_web::serve(listener, state.clone(), async {
            let _ = rx.await;
        }));
        TestApp {
            base,
            store,
            files_dir,
            state,
            clock_offset,
            frozen_at,
            smtp: None,
            shutdown: Some(tx),
            server: Some(server),
            _dir: dir,
        }
    }

    /// Like [`TestApp::spawn`], with the outbox worker sending every e-mail through SMTP to
    /// a real local sink (aiosmtpd), as in production; the worker ends with the runtime.
    #[allow(dead_code)]
    pub async fn spawn_with_smtp() -> TestApp {
        TestApp::spawn().await.with_smtp()
    }

    /// This app, with the outbox worker sending through SMTP to a real local sink.
    #[allow(dead_code)]
    pub fn with_smtp(mut self) -> TestApp {
        let app = &mut self;
        let sink = cohort_smtp_sink::SmtpSink::start(&app._dir.path().join("smtp-sink"));
        let from = "Cohort <noreply@cohort.example>".parse().expect("from");
        let sender = cohort_mail::Sender::new(
            from,
            cohort_mail::Transport::Smtp {
                url: format!("smtp://{}", sink.addr),
            },
        )
        .expect("sender");
        tokio::spawn(cohort_mail::run_outbox_worker(
            app.store.clone(),
            sender,
            std::time::Duration::from_millis(50),
            cohort_mail::unix_millis,
            std::future::pending(),
        ));
        app.smtp = Some(sink);
        self
    }

    /// Stops the server's clock now (it moves only by [`TestApp::advance`]), so that rate
    /// limits and delays are decided by the test, not by how fast the machine runs it.
    #[allow(dead_code)]
    pub fn freeze(&self) {
        let now = (cohort_web::system_clock())();
        self.frozen_at
            .store(now, std::sync::atomic::Ordering::SeqCst);
    }

    /// Moves the server's clock forward (sign-ins older than 12 hours then lapse).
    #[allow(dead_code)]
    pub fn advance(&self, millis: i64) {
        self.clock_offset
            .fetch_add(millis, std::sync::atomic::Ordering::SeqCst);
    }

    /// Waits until the server has read the text of every uploaded CV (it does so just
    /// after answering the upload); fails after 20 s.
    #[allow(dead_code)]
    pub async fn cv_texts_read(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while self.store.cvs_to_read().await.expect("count") > 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "CV texts still unread after 20 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Asks the server to stop and waits until it has.
    #[allow(dead_code)]
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.server.take() {
            Some(server) => server.await.expect("server task"),
            None => Ok(()),
        }
    }
}
