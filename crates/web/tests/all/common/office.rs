//! Staff and submitted applications for the back-office tests.
// shared by several test binaries; each uses a part
#![allow(dead_code)]

use super::candidates::{candidate, Candidate};
use super::TestApp;
use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use cohort_store::{NewAccount, NewStaff, NO_PASSWORD};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const PLACEMENTS: &str = include_str!("../../../../../catalogue/demo-placements.toml");
pub const MINIMAL_PDF: &str = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
    2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
pub const STAFF_PASSWORD: &str = "the office never sleeps";

/// A session open now with the demo placements; its id.
pub async fn open_session(app: &TestApp) -> i64 {
    let session = demo_session(jiff::Timestamp::now(), "Europe/Brussels").expect("demo session");
    let catalogue = app
        .store
        .catalogue()
        .await
        .expect("read")
        .expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    app.store
        .insert_session(&session, &placements)
        .await
        .expect("insert")
        .0
}

/// A session open now (like [`open_session`]) whose first placement has 2 seats and
/// another, of another unit, 1: their (id, unit code).
pub async fn two_placement_session(app: &TestApp) -> (i64, [(i64, String); 2]) {
    let session = demo_session(jiff::Timestamp::now(), "Europe/Brussels").expect("session");
    let catalogue = app
        .store
        .catalogue()
        .await
        .expect("read")
        .expect("catalogue");
    let mut placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    placements[0].capacity = 2;
    let second = placements
        .iter()
        .position(|p| p.unit != placements[0].unit)
        .expect("two units");
    placements[second].capacity = 1;
    let id = app
        .store
        .insert_session(&session, &placements)
        .await
        .expect("insert")
        .0;
    let stored = app
        .store
        .placements(SessionId(id))
        .await
        .expect("placements");
    let pick = |unit: &cohort_domain::UnitCode, capacity| {
        stored
            .iter()
            .find(|p| &p.unit == unit && p.capacity == capacity)
            .map(|p| (p.id.0, p.unit.as_str().to_owned()))
            .expect("placement")
    };
    (
        id,
        [
            pick(&placements[0].unit, 2),
            pick(&placements[second].unit, 1),
        ],
    )
}

/// The session's placements as the API lists them: (id, unit code).
pub async fn placements(app: &TestApp, session: i64) -> Vec<(i64, String)> {
    let list: Value = reqwest::get(app.url(&format!("/api/v1/sessions/{session}/placements")))
        .await
        .expect("placements")
        .json()
        .await
        .expect("JSON");
    list.as_array()
        .expect("array")
        .iter()
        .map(|p| {
            (
                p["id"].as_i64().expect("id"),
                p["unit"].as_str().expect("unit code").to_owned(),
            )
        })
        .collect()
}

/// A staff member created the way `cohort user add` does, who chose a password through
/// the one-time link and signed in.
pub async fn staff(app: &TestApp, email: &str, role: &str, units: &[&str]) -> Candidate {
    // a token known to the test (the CLI prints a random one)
    let token = sha256_hex(email);
    let digest = sha256_hex(&token);
    let units: Vec<String> = units.iter().map(|u| (*u).to_owned()).collect();
    let key = email.to_lowercase();
    let new = NewStaff {
        account: NewAccount {
            email_key: &key,
            email,
            password_hash: NO_PASSWORD,
            role,
            lang: "en",
        },
        units: &units,
        token_hash: &digest,
        token_expires_at: i64::MAX / 2,
        mail: None,
    };
    let id = app
        .store
        .create_staff(&new, 0)
        .await
        .expect("create")
        .expect("new address");
    let client = Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let refused = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": ""}))
        .send()
        .await
        .expect("login");
    assert_eq!(
        refused.status(),
        StatusCode::UNAUTHORIZED,
        "no password yet"
    );
    let reset = client
        .post(app.url("/api/v1/auth/password-reset"))
        .json(&json!({"token": token, "password": STAFF_PASSWORD}))
        .send()
        .await
        .expect("reset");
    assert_eq!(reset.status(), StatusCode::OK);
    let login = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": STAFF_PASSWORD}))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    let body: Value = login.json().await.expect("JSON");
    Candidate {
        client,
        csrf: body["csrf_token"].as_str().expect("csrf").to_owned(),
        account_id: id,
    }
}

fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Someone applying: their profile facts and motivation.
pub struct Applicant<'a> {
    pub email: &'a str,
    pub given_names: &'a str,
    pub family_name: &'a str,
    pub birth_date: &'a str,
    pub nationality: &'a str,
    pub field: &'a str,
    pub languages: &'a [(&'a str, &'a str)],
    pub motivation: &'a str,
    /// The lines of text of their CV (an empty CV without text when none).
    pub cv: &'a [&'a str],
}

/// Signs `who` up and submits an eligible application choosing `choices`, and waits until
/// its CV's text is read; returns the candidate and the application id.
pub async fn submitted(
    app: &TestApp,
    session: i64,
    who: &Applicant<'_>,
    choices: &[i64],
) -> (Candidate, i64) {
    let sent = sent_before_its_cv_is_read(app, session, who, choices).await;
    app.cv_texts_read().await;
    sent
}

/// Like [`submitted`], returning as soon as the application is sent (its CV's text is
/// read by the server a moment later).
pub async fn sent_before_its_cv_is_read(
    app: &TestApp,
    session: i64,
    who: &Applicant<'_>,
    choices: &[i64],
) -> (Candidate, i64) {
    let candidate = candidate(app, who.email).await;
    let languages: Vec<Value> = who
        .languages
        .iter()
        .map(|(l, level)| json!({"language": l, "level": level}))
        .collect();
    let profile = json!({
        "given_names": who.given_names, "family_name": who.family_name,
        "birth_date": who.birth_date, "nationalities": [who.nationality], "gender": "female",
        "education": {"level": "master", "field": who.field, "institution": "Université libre",
                      "years_completed": 4, "enrolled": true, "graduation_date": "2029-07-01"},
        "languages": languages,
    });
    let send = |method: reqwest::Method, path: String| {
        candidate
            .client
            .request(method, app.url(&path))
            .header("x-csrf-token", &candidate.csrf)
    };
    let base = format!("/api/v1/sessions/{session}/application");
    let r = send(reqwest::Method::PUT, "/api/v1/me/profile".into())
        .json(&profile)
        .send()
        .await
        .expect("profile");
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "{}",
        r.text().await.unwrap_or_default()
    );
    let r = send(reqwest::Method::PUT, base.clone())
        .json(&json!({"choices": choices, "motivation": who.motivation}))
        .send()
        .await
        .expect("draft");
    assert_eq!(r.status(), StatusCode::OK);
    for kind in ["cv", "letter"] {
        let bytes = if kind == "cv" && !who.cv.is_empty() {
            super::pdf::with_text(who.cv)
        } else {
            MINIMAL_PDF.as_bytes().to_vec()
        };
        let form = reqwest::multipart::Form::new().text("kind", kind).part(
            "file",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(format!("{}-{kind}.pdf", who.family_name))
                .mime_str("application/pdf")
                .expect("mime"),
        );
        let r = send(reqwest::Method::POST, format!("{base}/documents"))
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(r.status(), StatusCode::CREATED);
    }
    let r = send(reqwest::Method::POST, format!("{base}/submit"))
        .send()
        .await
        .expect("submit");
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "{}",
        r.text().await.unwrap_or_default()
    );
    let id = app
        .store
        .application(candidate.account_id, SessionId(session))
        .await
        .expect("read")
        .expect("application")
        .id;
    (candidate, id)
}
