//! Each session's evaluation rubric is data the coordinators set: checked whole (the
//! mistake named in their language), what supervisors then score on and interns read,
//! and frozen once the first evaluation is saved.

use crate::common;

use common::api::{call, call_in};
use common::candidates::sign_in;
use common::intern::accepted_intern;
use common::office::{staff, STAFF_PASSWORD};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::json;

const RUBRIC: &str = r#"
lowest = 1
highest = 4
max_comment_chars = 2000

[[criteria]]
key = "analysis"
label.en = "Analysis"
label.fr = "Analyse"

[[criteria]]
key = "writing"
label.en = "Writing"
label.fr = "Rédaction"
"#;

#[tokio::test]
async fn coordinators_set_the_rubric_supervisors_score_on_until_the_first_evaluation() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ines@example.org").await;
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let path = format!(
        "/api/v1/office/sessions/{}/evaluation-rubric",
        intern.session
    );

    let (status, current) = call(&app, &coordinator, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(current["rubric"]
        .as_str()
        .expect("TOML")
        .contains("key = \"teamwork\""));

    // mistakes named in French, nothing stored
    let bad = RUBRIC.replace("highest = 4", "highest = 1");
    let (status, body) = call_in(
        &app,
        &coordinator,
        Method::PUT,
        &path,
        "fr",
        Some(json!({"rubric": bad})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "rubric");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("au moins un critère"),
        "{body}"
    );
    let (_, unchanged) = call(&app, &coordinator, Method::GET, &path, None).await;
    assert_eq!(unchanged, current);

    let (status, saved) = call(
        &app,
        &coordinator,
        Method::PUT,
        &path,
        Some(json!({"rubric": RUBRIC})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert!(saved["rubric"]
        .as_str()
        .expect("TOML")
        .contains("key = \"writing\""));

    // the supervisor scores on the session's criteria and scale
    let supervisor = staff(&app, "sup@nato.example", "supervisor", &[]).await;
    let internship = format!("/api/v1/office/internships/{}", intern.application);
    let (_, record) = call(&app, &coordinator, Method::GET, &internship, None).await;
    let assign = json!({"start": record["start"], "end": record["end"], "supervisor": supervisor.account_id});
    let (status, _) = call(&app, &coordinator, Method::PUT, &internship, Some(assign)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let evaluation = format!("{internship}/evaluations/midterm");
    let (status, body) = call(
        &app,
        &supervisor,
        Method::PUT,
        &evaluation,
        Some(json!({"scores": {"analysis": 5}, "comments": ""})),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "5 is off a 1–4 scale: {body}"
    );
    let (status, body) = call(
        &app,
        &supervisor,
        Method::PUT,
        &evaluation,
        Some(json!({"scores": {"quality": 3}, "comments": ""})),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not this session's criterion: {body}"
    );
    let (status, body) = call(
        &app,
        &supervisor,
        Method::PUT,
        &evaluation,
        Some(json!({"scores": {"analysis": 4, "writing": 3}, "comments": "Draft."})),
    )
    .await;
    assert!(status.is_success(), "{status} {body}");
    let (_, record) = call(&app, &coordinator, Method::GET, &internship, None).await;
    let criteria: Vec<&str> = record["evaluations"][0]["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .map(|s| s["criterion"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(criteria, ["analysis", "writing"], "{record}");

    // from now on the rubric stays as it is
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &path,
        Some(json!({"rubric": current["rubric"]})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (_, kept) = call(&app, &coordinator, Method::GET, &path, None).await;
    assert_eq!(kept, saved);
    let html = coordinator
        .client
        .get(app.url(&format!("/office/sessions/{}/internships", intern.session)))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("the rubric can no longer change") && !html.contains("id=\"f-rubric\""));

    // only coordinators
    let (status, _) = call(
        &app,
        &supervisor,
        Method::PUT,
        &path,
        Some(json!({"rubric": RUBRIC})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.action == "evaluation.rubric")
            .count(),
        1
    );
}

#[tokio::test]
async fn the_form_keeps_the_text_and_names_the_mistake() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "max@example.org").await;
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let action = format!("/office/sessions/{}/evaluation-rubric", intern.session);
    let twice = RUBRIC.replace("key = \"writing\"", "key = \"analysis\"");
    let response = coordinator
        .client
        .post(app.url(&action))
        .form(&[
            ("csrf_token", coordinator.csrf.as_str()),
            ("rubric", twice.as_str()),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("id=\"f-rubric-error\">The criterion key “analysis” is empty or used twice"),
        "{html}"
    );
    assert!(html.contains("Rédaction"), "the text typed is kept");
    let response = coordinator
        .client
        .post(app.url(&action))
        .form(&[
            ("csrf_token", coordinator.csrf.as_str()),
            ("rubric", RUBRIC),
        ])
        .send()
        .await
        .expect("post");
    assert!(response.status().is_success());
    let html = response.text().await.expect("html");
    assert!(html.contains("Rubric saved.") && html.contains("Rédaction"));
}
