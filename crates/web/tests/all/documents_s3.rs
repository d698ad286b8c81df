//! Documents in an S3-compatible bucket instead of a folder: the same API stores, lists and
//! serves them, and they are really in the bucket, under random names and the configured
//! prefix. The bucket is served by moto (a local S3 server from PyPI, installed into the
//! test venv by ./scripts/test; `COHORT_PYTHON` points at that venv's python).

use crate::common;

use common::office::{open_session, placements, submitted, Applicant, MINIMAL_PDF};
use common::TestApp;
use object_store::ObjectStore;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A moto S3 server on a free port, killed on drop.
struct Moto {
    child: Child,
    addr: SocketAddr,
}

impl Moto {
    fn start() -> Moto {
        let python = std::env::var("COHORT_PYTHON").unwrap_or_else(|_| {
            panic!("COHORT_PYTHON is not set: run ./scripts/test, which creates the venv with moto, or point it at a python with `moto[server]`")
        });
        let probe = Command::new(&python)
            .args(["-c", "import moto.server"])
            .output()
            .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
        assert!(
            probe.status.success(),
            "{python} cannot import moto.server: pip install 'moto[server]' (./scripts/test does)"
        );
        let addr = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port");
        let child = Command::new(&python)
            .args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &addr.port().to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let mut moto = Moto { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(addr).is_err() {
            if let Some(status) = moto.child.try_wait().expect("poll moto") {
                panic!("moto exited ({status}) before listening");
            }
            assert!(Instant::now() < deadline, "moto did not listen on {addr}");
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    fn options(&self) -> Vec<(String, String)> {
        [
            ("aws_endpoint", format!("http://{}", self.addr)),
            ("aws_access_key_id", "test".into()),
            ("aws_secret_access_key", "test".into()),
            ("aws_region", "us-east-1".into()),
            ("aws_allow_http", "true".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn documents_go_to_an_s3_compatible_bucket_and_come_back_whole() {
    let moto = Moto::start();
    let bucket = reqwest::Client::new()
        .put(format!("http://{}/cohort-documents", moto.addr))
        .send()
        .await
        .expect("create the bucket");
    assert!(bucket.status().is_success(), "{}", bucket.status());
    let app = TestApp::spawn_with_files(Some(cohort_web::FilesAt::Url {
        url: "s3://cohort-documents/applicants".into(),
        options: moto.options(),
    }))
    .await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let who = Applicant {
        email: "s3@example.org",
        given_names: "Ana",
        family_name: "Popescu",
        birth_date: "2001-05-04",
        nationality: "RO",
        field: "law",
        languages: &[("en", "C1")],
        motivation: "Motivation.",
        cv: &[],
    };
    let (candidate, _) = submitted(&app, session, &who, &[offered[0].0]).await;

    for kind in ["cv", "letter"] {
        let response = candidate
            .client
            .get(app.url(&format!(
                "/api/v1/sessions/{session}/application/documents/{kind}"
            )))
            .send()
            .await
            .expect("download");
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        assert_eq!(
            response.bytes().await.expect("body").as_ref(),
            MINIMAL_PDF.as_bytes()
        );
    }

    // the files are in the bucket, under the prefix, under random names
    let (bucket, _) = object_store::parse_url_opts(
        &url::Url::parse("s3://cohort-documents").expect("url"),
        moto.options(),
    )
    .expect("bucket");
    let prefix = object_store::path::Path::from("applicants/documents");
    let objects: Vec<String> = bucket
        .list_with_delimiter(Some(&prefix))
        .await
        .expect("list")
        .objects
        .into_iter()
        .map(|o| o.location.to_string())
        .collect();
    assert_eq!(objects.len(), 2, "{objects:?}");
    for name in &objects {
        assert!(name.starts_with("applicants/documents/"), "{name}");
        assert!(
            !name.contains("Popescu") && !name.ends_with(".pdf"),
            "{name}"
        );
    }
}
