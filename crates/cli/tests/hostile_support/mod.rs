//! The real `cohort serve` in a child process for the hostile suite: started on a free
//! port with its own data folder, e-mails read from its `.eml` files, its memory read from
//! `/proc`.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The password of every account the suite makes.
pub const PASSWORD: &str = "correct horse battery";

/// A running server, killed when dropped.
pub struct Server {
    pub address: SocketAddr,
    child: Child,
    dir: tempfile::TempDir,
}

/// A signed-in person: a cookie client and the CSRF token.
pub struct Candidate {
    pub client: Client,
    pub csrf: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `cohort serve` with `args` and waits until `/readyz` answers.
    pub async fn start(args: &[&str]) -> Server {
        let dir = tempfile::tempdir().expect("dir");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let address: SocketAddr = ([127, 0, 0, 1], port).into();
        let child = Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["serve", "--bind", &address.to_string()])
            .args(args)
            .env("COHORT_DATA_DIR", dir.path())
            .env("COHORT_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start");
        let server = Server {
            address,
            child,
            dir,
        };
        for _ in 0..400 {
            if server.get_status("/readyz").await == Some(StatusCode::OK) {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the server did not become ready");
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    async fn get_status(&self, path: &str) -> Option<StatusCode> {
        let client = Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .ok()?;
        client
            .get(self.url(path))
            .send()
            .await
            .ok()
            .map(|r| r.status())
    }

    /// Waits until the server has read the text of every uploaded CV (it does so just
    /// after answering the upload), reading its database; fails after 30 s.
    pub async fn cv_texts_read(&self) {
        let store = cohort_store::Store::open(&cohort_store::Store::sqlite_url_in(self.dir.path()))
            .await
            .expect("the server's database");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while store.cvs_to_read().await.expect("count") > 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "CV texts still unread after 30 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        store.close().await;
    }

    /// Whether the process runs and answers `/healthz`.
    pub async fn alive(&self) -> bool {
        self.get_status("/healthz").await == Some(StatusCode::OK)
    }

    /// The most resident memory the server process has used so far (`VmHWM`), in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("the server's /proc status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM")
    }

    /// Prints the peak memory so far, for the figures in the test's log.
    pub fn report(&self, after: &str) {
        eprintln!("peak RSS after {after}: {} MiB", self.peak_rss_kib() / 1024);
    }

    fn mail_dir(&self) -> PathBuf {
        self.dir.path().join("mail")
    }

    /// Waits until the outbox has written every queued e-mail (it polls every 2 s).
    pub async fn wait_for_outbox(&self) {
        tokio::time::sleep(Duration::from_secs(5)).await;
    }

    /// The bodies of the e-mails to `to` that contain `needle`, oldest first.
    pub fn mails_to(&self, to: &str, needle: &str) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.mail_dir())
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .filter_map(|file| std::fs::read_to_string(file).ok())
            .map(|mail| decode_quoted_printable(&mail))
            .filter(|mail| mail.lines().any(|l| l == format!("To: {to}")) && mail.contains(needle))
            .collect()
    }

    /// The token of the last link to `path` mailed to `to`, waiting for the outbox.
    pub async fn token_mailed(&self, to: &str, path: &str) -> String {
        for _ in 0..100 {
            if let Some(mail) = self.mails_to(to, path).last() {
                if let Some(token) = token_after(mail, path) {
                    return token;
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("no mail to {to} with {path}");
    }

    /// Registers, verifies (by the mailed link) and signs in a candidate with a draft in
    /// the demo session.
    pub async fn candidate(&self, email: &str) -> Candidate {
        let client = cookie_client();
        let credentials = json!({"email": email, "password": PASSWORD});
        let register = client
            .post(self.url("/api/v1/auth/register"))
            .json(&credentials)
            .send()
            .await
            .expect("register");
        assert_eq!(register.status(), StatusCode::ACCEPTED);
        let token = self.token_mailed(email, "verify?token=").await;
        let verify = client
            .post(self.url("/api/v1/auth/verify"))
            .json(&json!({"token": token}))
            .send()
            .await
            .expect("verify");
        assert_eq!(verify.status(), StatusCode::OK);
        let who = self.sign_in(client, email, PASSWORD).await;
        let draft = who
            .client
            .put(self.url("/api/v1/sessions/1/application"))
            .header("X-CSRF-Token", &who.csrf)
            .json(&json!({"choices": [], "motivation": ""}))
            .send()
            .await
            .expect("draft");
        assert_eq!(draft.status(), StatusCode::OK);
        who
    }

    /// A staff account made with `cohort user add`, its password set by its link.
    pub async fn staff(&self, role: &str, email: &str) -> Candidate {
        let added = Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["user", "add", "--email", email, "--role", role])
            .env("COHORT_DATA_DIR", self.dir.path())
            .output()
            .expect("user add");
        assert!(added.status.success(), "{added:?}");
        let printed = String::from_utf8_lossy(&added.stdout).into_owned();
        let token = token_after(&printed, "token=").expect("a link");
        self.set_password(&token, PASSWORD).await;
        self.sign_in(cookie_client(), email, PASSWORD).await
    }

    async fn set_password(&self, token: &str, password: &str) {
        let set = Client::new()
            .post(self.url("/api/v1/auth/password-reset"))
            .json(&json!({"token": token, "password": password}))
            .send()
            .await
            .expect("set password");
        assert!(set.status().is_success(), "{}", set.status());
    }

    /// Asks for a reset link, follows it with a new password, signs in.
    pub async fn sign_in_by_mailed_link(&self, email: &str, password: &str) -> Candidate {
        let before = self.mails_to(email, "password-reset?token=").len();
        let asked = Client::new()
            .post(self.url("/api/v1/auth/password-reset/request"))
            .header("X-Forwarded-For", "203.0.113.9")
            .json(&json!({"email": email}))
            .send()
            .await
            .expect("ask");
        assert!(asked.status().is_success(), "{}", asked.status());
        for _ in 0..100 {
            if self.mails_to(email, "password-reset?token=").len() > before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let token = self.token_mailed(email, "password-reset?token=").await;
        self.set_password(&token, password).await;
        self.sign_in(cookie_client(), email, password).await
    }

    async fn sign_in(&self, client: Client, email: &str, password: &str) -> Candidate {
        let login = client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .expect("login");
        assert_eq!(login.status(), StatusCode::OK, "{email} signs in");
        let body: Value = login.json().await.expect("JSON");
        Candidate {
            client,
            csrf: body["csrf_token"].as_str().expect("csrf").to_owned(),
        }
    }

    /// A session's placements as the public API lists them.
    pub async fn placements(&self, session: i64) -> Value {
        let answer = Client::new()
            .get(self.url(&format!("/api/v1/sessions/{session}/placements")))
            .send()
            .await
            .expect("placements");
        answer.json().await.expect("JSON")
    }
}

impl Candidate {
    /// Uploads `pdf` as the CV of the demo session's draft; the answer's status.
    pub async fn upload_cv(&self, server: &Server, pdf: Vec<u8>) -> StatusCode {
        let form = reqwest::multipart::Form::new().text("kind", "cv").part(
            "file",
            reqwest::multipart::Part::bytes(pdf)
                .file_name("cv.pdf")
                .mime_str("application/pdf")
                .expect("mime"),
        );
        self.client
            .post(server.url("/api/v1/sessions/1/application/documents"))
            .header("X-CSRF-Token", &self.csrf)
            .multipart(form)
            .send()
            .await
            .expect("upload")
            .status()
    }

    /// The draft's documents.
    pub async fn documents(&self, server: &Server) -> Vec<Value> {
        let answer = self
            .client
            .get(server.url("/api/v1/sessions/1/application/documents"))
            .send()
            .await
            .expect("documents");
        let body: Value = answer.json().await.expect("JSON");
        body["documents"].as_array().cloned().unwrap_or_default()
    }
}

fn cookie_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .build()
        .expect("client")
}

/// The hexadecimal token right after `marker` in `text`.
fn token_after(text: &str, marker: &str) -> Option<String> {
    let rest = text.rsplit(marker).next()?;
    let token: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
    (token.len() >= 32).then_some(token)
}

/// Enough of quoted-printable for links: soft line breaks and `=3D`.
fn decode_quoted_printable(mail: &str) -> String {
    mail.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}
