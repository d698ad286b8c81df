//! Privacy over the API: "download my data" gives the caller's data and files and nobody
//! else's; "delete my account" erases the person's data and files, keeps the anonymous
//! counts, signs out, and frees the address for a new registration.

use crate::common;

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{demo_session, placements_from_toml, PlacementId, SessionId};
use common::candidates::{candidate, Candidate, PASSWORD};
use common::TestApp;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::io::Read;

const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

/// A small PDF carrying `text`, so that its bytes can be recognised.
fn pdf(text: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
         2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% {text}\n\
         trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

async fn send_json(client: &Client, url: String, body: &Value) -> (StatusCode, Value) {
    let response = client.post(url).json(body).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// An open session with the demo placements: its id and its placements' ids.
async fn open_session(app: &TestApp) -> (i64, Vec<i64>) {
    let session = demo_session(jiff::Timestamp::now(), "Europe/Brussels").expect("demo session");
    let catalogue = app
        .store
        .catalogue()
        .await
        .expect("read")
        .expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    let id = app
        .store
        .insert_session(&session, &placements)
        .await
        .expect("insert");
    let ids = app
        .store
        .placements(id)
        .await
        .expect("placements")
        .iter()
        .map(|p| p.id.0)
        .collect();
    (id.0, ids)
}

async fn upload(app: &TestApp, who: &Candidate, session: i64, kind: &str, bytes: Vec<u8>) {
    let form = Form::new().text("kind", kind.to_owned()).part(
        "file",
        Part::bytes(bytes)
            .file_name(format!("{kind}.pdf"))
            .mime_str("application/pdf")
            .expect("mime"),
    );
    let status = who
        .client
        .post(app.url(&format!("/api/v1/sessions/{session}/application/documents")))
        .header("x-csrf-token", &who.csrf)
        .multipart(form)
        .send()
        .await
        .expect("upload")
        .status();
    assert_eq!(status, StatusCode::CREATED);
}

/// A draft with a choice, a motivation, a profile and the given documents; submitted when
/// asked (in the store: the submission rules have their own tests).
async fn apply(
    app: &TestApp,
    who: &Candidate,
    session: i64,
    placement: i64,
    words: &str,
    documents: &[(&str, Vec<u8>)],
    submit: bool,
) {
    let profile = json!({"given_names": words, "family_name": words});
    app.store
        .save_profile(who.account_id, &profile.to_string(), 1)
        .await
        .expect("profile");
    let id = app
        .store
        .save_draft(
            who.account_id,
            SessionId(session),
            &[PlacementId(placement)],
            &format!("Motivation of {words}"),
            jiff::Timestamp::now().as_millisecond(),
        )
        .await
        .expect("save")
        .expect("a draft");
    for (kind, bytes) in documents {
        upload(app, who, session, kind, bytes.clone()).await;
    }
    if submit {
        app.store
            .change_status(
                id,
                ApplicationStatus::Draft,
                ApplicationStatus::Submitted,
                "submitted",
                jiff::Timestamp::now().as_millisecond(),
            )
            .await
            .expect("submit")
            .expect("was a draft");
    }
}

/// Every entry of the archive, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).expect("entry");
            let mut content = Vec::new();
            entry.read_to_end(&mut content).expect("read entry");
            (entry.name().to_owned(), content)
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn export(app: &TestApp, who: &Candidate) -> Vec<(String, Vec<u8>)> {
    let response = who
        .client
        .get(app.url("/api/v1/me/export"))
        .send()
        .await
        .expect("export");
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers();
    assert_eq!(headers["content-type"], "application/zip");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"cohort-data.zip\""
    );
    assert_eq!(headers["cache-control"], "private, no-store");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    unzip(&response.bytes().await.expect("body"))
}

fn data_json(entries: &[(String, Vec<u8>)]) -> Value {
    let (_, bytes) = entries
        .iter()
        .find(|(name, _)| name == "data.json")
        .expect("data.json");
    serde_json::from_slice(bytes).expect("JSON")
}

#[tokio::test]
async fn the_export_holds_the_callers_data_and_files_and_nobody_elses() {
    let app = TestApp::spawn().await;
    let (session, placements) = open_session(&app).await;
    let ana = candidate(&app, "ana.popescu@example.org").await;
    let ben = candidate(&app, "ben@example.org").await;
    let (ana_cv, ana_letter) = (pdf("Ana's secret CV"), pdf("Ana's secret letter"));
    apply(
        &app,
        &ana,
        session,
        placements[0],
        "Anastasia",
        &[("cv", ana_cv.clone()), ("letter", ana_letter.clone())],
        true,
    )
    .await;
    let ben_cv = pdf("Ben's CV");
    apply(
        &app,
        &ben,
        session,
        placements[1],
        "Benedikt",
        &[("cv", ben_cv.clone())],
        false,
    )
    .await;

    let entries = export(&app, &ana).await;
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "data.json",
            "documents/demo-cv.pdf",
            "documents/demo-letter.pdf"
        ]
        .map(|n| n.replace("demo", &demo_code()))
    );
    assert_eq!(entries[1].1, ana_cv);
    assert_eq!(entries[2].1, ana_letter);
    let data = data_json(&entries);
    assert_eq!(data["account"]["email"], "ana.popescu@example.org");
    assert_eq!(data["account"]["role"], "candidate");
    assert_eq!(data["profile"]["given_names"], "Anastasia");
    let application = &data["applications"][0];
    assert_eq!(data["applications"].as_array().map(Vec::len), Some(1));
    assert_eq!(application["session_code"], demo_code());
    assert_eq!(application["status"], "submitted");
    assert_eq!(application["motivation"], "Motivation of Anastasia");
    assert_eq!(application["choices"][0]["placement_id"], placements[0]);
    assert!(application["choices"][0]["title_en"].is_string());
    let timeline: Vec<&str> = application["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(timeline, ["created", "submitted"]);
    assert_eq!(application["documents"][0]["kind"], "cv");
    assert_eq!(application["documents"][0]["size"], ana_cv.len());
    assert_eq!(application["documents"][0]["path"], entries[1].0);

    let entries = export(&app, &ben).await;
    assert_eq!(entries.len(), 2, "data.json and Ben's CV");
    assert_eq!(entries[1].1, ben_cv);
    for (name, bytes) in &entries {
        for secret in [
            "ana.popescu".as_bytes(),
            b"Anastasia",
            b"Ana's secret",
            &ana_cv,
            &ana_letter,
        ] {
            assert!(!contains(bytes, secret), "{name} holds Ana's data");
        }
    }
    assert_eq!(data_json(&entries)["account"]["email"], "ben@example.org");

    let status = reqwest::get(app.url("/api/v1/me/export"))
        .await
        .expect("anonymous export")
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// The demo session's code.
fn demo_code() -> String {
    demo_session(jiff::Timestamp::now(), "Europe/Brussels")
        .expect("demo session")
        .code
}

/// The document files the server keeps.
fn stored_files(app: &TestApp) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(app.files_dir.join("documents")) else {
        return Vec::new();
    };
    entries
        .map(|e| std::fs::read(e.expect("entry").path()).expect("read"))
        .collect()
}

#[tokio::test]
async fn deleting_the_account_erases_the_person_and_keeps_the_counts() {
    let app = TestApp::spawn().await;
    let (session, placements) = open_session(&app).await;
    let ana = candidate(&app, "Ana@Example.org").await;
    let ben = candidate(&app, "ben@example.org").await;
    let (ana_cv, ana_letter) = (pdf("Ana's CV"), pdf("Ana's letter"));
    apply(
        &app,
        &ana,
        session,
        placements[0],
        "Ana",
        &[("cv", ana_cv.clone()), ("letter", ana_letter.clone())],
        true,
    )
    .await;
    let ben_cv = pdf("Ben's CV");
    apply(
        &app,
        &ben,
        session,
        placements[0],
        "Ben",
        &[("cv", ben_cv.clone())],
        false,
    )
    .await;
    assert_eq!(stored_files(&app).len(), 3);
    let ana_application = app
        .store
        .application(ana.account_id, SessionId(session))
        .await
        .expect("read")
        .expect("Ana's application");

    // without the CSRF token, or signed out: refused, nothing changes
    let status = ana
        .client
        .delete(app.url("/api/v1/me"))
        .send()
        .await
        .expect("delete")
        .status();
    assert_eq!(status, StatusCode::FORBIDDEN);
    let status = Client::new()
        .delete(app.url("/api/v1/me"))
        .header("x-csrf-token", &ana.csrf)
        .send()
        .await
        .expect("delete")
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(app
        .store
        .account_by_email("ana@example.org")
        .await
        .expect("read")
        .is_some());

    let response = ana
        .client
        .delete(app.url("/api/v1/me"))
        .header("x-csrf-token", &ana.csrf)
        .send()
        .await
        .expect("delete");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_owned();
    assert!(cookie.contains("Max-Age=0"), "{cookie}");

    // the data and the files are gone; Ben's are not
    let store = &app.store;
    assert!(store
        .account_by_email("ana@example.org")
        .await
        .expect("read")
        .is_none());
    assert!(store.profile(ana.account_id).await.expect("read").is_none());
    assert!(store
        .application(ana.account_id, SessionId(session))
        .await
        .expect("read")
        .is_none());
    assert!(store
        .documents(ana_application.id)
        .await
        .expect("read")
        .is_empty());
    assert!(store
        .application_events(ana_application.id)
        .await
        .expect("read")
        .is_empty());
    assert_eq!(stored_files(&app), [ben_cv]);
    let mails = store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox");
    assert!(mails
        .iter()
        .all(|m| !m.to.eq_ignore_ascii_case("ana@example.org")));
    assert!(mails.iter().any(|m| m.to == "ben@example.org"));

    // the anonymous counts remain
    let counts = store
        .application_counts(SessionId(session))
        .await
        .expect("counts");
    assert_eq!(counts.of(ApplicationStatus::Submitted), 1);
    assert_eq!(counts.of(ApplicationStatus::Draft), 1);

    // signed out; the old credentials are refused; the address can register again
    let status = ana
        .client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me")
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let credentials = json!({"email": "Ana@Example.org", "password": PASSWORD});
    let (status, _) = send_json(&Client::new(), app.url("/api/v1/auth/login"), &credentials).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let again = candidate(&app, "Ana@Example.org").await;
    assert_ne!(again.account_id, ana.account_id);
    let response = again
        .client
        .get(app.url("/api/v1/me/export"))
        .send()
        .await
        .expect("export");
    let entries = unzip(&response.bytes().await.expect("body"));
    assert_eq!(entries.len(), 1, "a new account starts empty");
    assert_eq!(data_json(&entries)["applications"], json!([]));
}
