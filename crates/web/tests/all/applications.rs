//! Sessions, placements and a candidate's application over the API: draft, ranked choices,
//! submission inside the window and only when eligible, read-only afterwards, withdrawal,
//! the timeline — and nobody else's application is reachable.

use crate::common;

use cohort_domain::session::{
    demo_session, placements_from_toml, ApplicationWindow, Session, SessionId,
};
use common::candidates::{candidate, Candidate};
use common::TestApp;
use reqwest::header::ACCEPT_LANGUAGE;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");
const MINIMAL_PDF: &str = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
    2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A session whose window is open now, with the demo placements.
async fn open_session(app: &TestApp) -> i64 {
    let session = demo_session(jiff::Timestamp::now(), "Europe/Brussels").expect("demo session");
    insert(app, session).await
}

/// A session whose deadline passed (Brussels time).
async fn closed_session(app: &TestApp) -> i64 {
    let mut session =
        demo_session(jiff::Timestamp::now(), "Europe/Brussels").expect("demo session");
    session.code = "closed".into();
    session.window =
        ApplicationWindow::parse("2026-01-05T09:00", "2026-02-15T23:59", "Europe/Brussels")
            .expect("window");
    insert(app, session).await
}

async fn insert(app: &TestApp, session: Session) -> i64 {
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

/// A profile that meets NATO's rules for any start in the next years.
async fn eligible_profile(app: &TestApp, who: &Candidate) {
    let profile = json!({
        "given_names": "Ana", "family_name": "Popescu", "birth_date": "2001-05-04",
        "nationalities": ["RO"],
        "education": {"level": "master", "field": "law", "institution": "Universitatea din București",
                      "years_completed": 4, "enrolled": true, "graduation_date": "2029-07-01"},
        "languages": [{"language": "en", "level": "C1"}, {"language": "fr", "level": "B2"}]
    });
    app.store
        .save_profile(who.account_id, &profile.to_string(), 0)
        .await
        .expect("profile");
}

async fn send(
    app: &TestApp,
    who: &Candidate,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = who
        .client
        .request(method, app.url(path))
        .header("x-csrf-token", &who.csrf)
        .header(ACCEPT_LANGUAGE, "fr");
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn placement_ids(app: &TestApp, session: i64) -> Vec<i64> {
    let list: Value = reqwest::get(app.url(&format!("/api/v1/sessions/{session}/placements")))
        .await
        .expect("placements")
        .json()
        .await
        .expect("JSON");
    list.as_array()
        .expect("array")
        .iter()
        .map(|p| p["id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn sessions_and_placements_are_public() {
    let app = TestApp::spawn().await;
    let id = open_session(&app).await;
    let sessions: Value = reqwest::get(app.url("/api/v1/sessions"))
        .await
        .expect("get")
        .json()
        .await
        .expect("JSON");
    assert_eq!(sessions[0]["id"], id);
    assert_eq!(sessions[0]["window"], "open");
    assert_eq!(sessions[0]["max_choices"], 3);
    assert!(sessions[0]["closes_at"]
        .as_str()
        .expect("deadline")
        .ends_with("[Europe/Brussels]"));
    let placements: Value = reqwest::get(app.url(&format!("/api/v1/sessions/{id}/placements")))
        .await
        .expect("get")
        .json()
        .await
        .expect("JSON");
    let cyber = placements
        .as_array()
        .expect("array")
        .iter()
        .find(|p| p["unit"] == "ESCD-CYBER")
        .expect("cyber");
    assert_eq!(cyber["unit_name"]["fr"], "Section Cyberdéfense");
    assert_eq!(
        cyber["languages"][0],
        json!({"language": "en", "level": "C1"})
    );
    let status = reqwest::get(app.url("/api/v1/sessions/999/placements"))
        .await
        .expect("get")
        .status();
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_candidate_drafts_submits_and_withdraws() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let ids = placement_ids(&app, session).await;
    let ana = candidate(&app, "ana@example.org").await;
    let path = format!("/api/v1/sessions/{session}/application");
    let (status, _) = send(&app, &ana, reqwest::Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no application yet");

    let draft =
        json!({"choices": [ids[2], ids[0], ids[1]], "motivation": "Je veux <b>servir</b>."});
    let (status, body) = send(&app, &ana, reqwest::Method::PUT, &path, Some(draft)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "draft");
    assert_eq!(body["choices"], json!([ids[2], ids[0], ids[1]]));
    assert_eq!(
        body["motivation"], "Je veux <b>servir</b>.",
        "markup is kept as text"
    );

    let (status, body) = send(
        &app,
        &ana,
        reqwest::Method::POST,
        &format!("{path}/submit"),
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no profile, not eligible: {body}"
    );
    assert_eq!(body["error"]["code"], "ineligible");
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("conditions"),
        "{body}"
    );

    eligible_profile(&app, &ana).await;
    let submit = format!("{path}/submit");
    let (status, body) = send(&app, &ana, reqwest::Method::POST, &submit, None).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no documents yet: {body}"
    );
    assert_eq!(body["error"]["field"], "documents");
    for kind in ["cv", "letter"] {
        let pdf = reqwest::multipart::Part::bytes(MINIMAL_PDF.as_bytes().to_vec())
            .file_name(format!("{kind}.pdf"));
        let form = reqwest::multipart::Form::new()
            .text("kind", kind)
            .part("file", pdf);
        let response = ana
            .client
            .post(app.url(&format!("{path}/documents")))
            .header("x-csrf-token", &ana.csrf)
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(response.status(), StatusCode::CREATED, "{kind}");
    }
    let (status, body) = send(&app, &ana, reqwest::Method::POST, &submit, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "submitted");
    assert!(body["submitted_at"].is_string());

    let (status, body) = send(
        &app,
        &ana,
        reqwest::Method::PUT,
        &path,
        Some(json!({"choices": [ids[0]]})),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "read-only after submission: {body}"
    );
    let (status, _) = send(
        &app,
        &ana,
        reqwest::Method::POST,
        &format!("{path}/submit"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let (status, body) = send(
        &app,
        &ana,
        reqwest::Method::POST,
        &format!("{path}/withdraw"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "withdrawn");
    let kinds: Vec<_> = body["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind").to_owned())
        .collect();
    assert_eq!(kinds, ["created", "submitted", "withdrawn"]);
}

#[tokio::test]
async fn bad_choices_are_named() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let other = closed_session(&app).await;
    let ids = placement_ids(&app, session).await;
    let foreign = placement_ids(&app, other).await[0];
    let ana = candidate(&app, "ana@example.org").await;
    let path = format!("/api/v1/sessions/{session}/application");
    for (choices, field, message) in [
        (
            json!([ids[0], ids[1], ids[2], ids[3]]),
            "choices[3]",
            "plus de postes",
        ),
        (json!([ids[0], ids[0]]), "choices[1]", "deux fois"),
        (json!([ids[0], foreign]), "choices[1]", "pas proposé"),
    ] {
        let (status, body) = send(
            &app,
            &ana,
            reqwest::Method::PUT,
            &path,
            Some(json!({"choices": choices})),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["field"], field);
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .contains(message),
            "{body}"
        );
    }
    let long = "é".repeat(4001);
    let (status, body) = send(
        &app,
        &ana,
        reqwest::Method::PUT,
        &path,
        Some(json!({"motivation": long})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "motivation");
    let (status, _) = send(&app, &ana, reqwest::Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nothing was saved");
}

#[tokio::test]
async fn after_the_deadline_submission_is_refused_with_the_deadline_in_brussels_time() {
    let app = TestApp::spawn().await;
    let session = closed_session(&app).await;
    let ana = candidate(&app, "ana@example.org").await;
    let path = format!("/api/v1/sessions/{session}/application");
    let (status, body) = send(
        &app,
        &ana,
        reqwest::Method::PUT,
        &path,
        Some(json!({"choices": []})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let message = body["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("2026-02-15 23:59") && message.contains("Europe/Brussels"),
        "{message}"
    );
}

#[tokio::test]
async fn another_candidates_application_is_unreachable() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let ids = placement_ids(&app, session).await;
    let ana = candidate(&app, "ana@example.org").await;
    let bob = candidate(&app, "bob@example.org").await;
    let path = format!("/api/v1/sessions/{session}/application");
    send(
        &app,
        &ana,
        reqwest::Method::PUT,
        &path,
        Some(json!({"choices": [ids[0]], "motivation": "Ana's secret"})),
    )
    .await;
    let (status, body) = send(&app, &bob, reqwest::Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(!body.to_string().contains("Ana's secret"));
    for action in ["submit", "withdraw"] {
        let (status, _) = send(
            &app,
            &bob,
            reqwest::Method::POST,
            &format!("{path}/{action}"),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{action}");
    }
    let (status, body) = send(&app, &ana, reqwest::Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "draft", "Bob changed nothing");
    let anonymous = reqwest::get(app.url(&path)).await.expect("get").status();
    assert_eq!(anonymous, StatusCode::UNAUTHORIZED);
    let no_csrf = ana
        .client
        .put(app.url(&path))
        .json(&json!({"choices": []}))
        .send()
        .await
        .expect("put")
        .status();
    assert_eq!(no_csrf, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn unit_pages_list_their_open_placements_only() {
    let app = TestApp::spawn().await;
    open_session(&app).await;
    closed_session(&app).await;
    app.state
        .refresh()
        .await
        .expect("the server sees the new sessions");
    let page = |path: &'static str| {
        let url = app.url(path);
        async move {
            reqwest::Client::new()
                .get(url)
                .header(ACCEPT_LANGUAGE, "fr")
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("html")
        }
    };
    let html = page("/units/ESCD-CYBER").await;
    assert!(html.contains("Postes ouverts"));
    assert_eq!(
        html.matches("Stagiaire en politique de cyberdéfense")
            .count(),
        1,
        "the closed session's copy is hidden"
    );
    assert!(html.contains("2 places"));
    let html = page("/units/DPP-PLAN").await;
    assert!(html.contains("Aucun poste n’est ouvert"));
}
