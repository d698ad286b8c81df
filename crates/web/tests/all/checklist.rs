//! Coordinators define a session's pre-arrival checklist as data: checked whole (the
//! mistake named in the user's language, nothing stored), then what every intern of the
//! session sees; audited; nobody else may change it.

use crate::common;

use common::api::call;
use common::candidates::{sign_in, PASSWORD};
use common::intern::accepted_intern;
use common::office::STAFF_PASSWORD;
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const CUSTOM: &str = r#"
[[items]]
key = "clearance"
label.en = "Security clearance"
label.fr = "Habilitation de sécurité"
owner = "office"
kind = "clearance"
due_days_before_start = 10

[[items]]
key = "visa"
label.en = "Visa for Belgium"
label.fr = "Visa pour la Belgique"
owner = "candidate"
kind = "document"
due_days_before_start = 20
"#;

#[tokio::test]
async fn coordinators_define_the_checklist_their_interns_see() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "eva@example.org").await;
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let eva = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let path = format!("/api/v1/office/sessions/{}/checklist", intern.session);

    let (status, current) = call(&app, &coordinator, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK);
    let text = current["checklist"].as_str().expect("TOML");
    assert!(text.contains("key = \"clearance\"") && text.contains("key = \"badge_photo\""));

    // mistakes are named in the coordinator's language; nothing changes
    let put_fr = |checklist: String| {
        let request = coordinator
            .client
            .put(app.url(&path))
            .header("x-csrf-token", &coordinator.csrf)
            .header("accept-language", "fr")
            .json(&json!({ "checklist": checklist }));
        async move {
            let response = request.send().await.expect("put");
            let status = response.status();
            (status, response.json::<Value>().await.expect("JSON"))
        }
    };
    let twice = CUSTOM.replace("key = \"visa\"", "key = \"clearance\"");
    let (status, body) = put_fr(twice).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "checklist");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("La clé « clearance » est vide ou employée deux fois"),
        "{body}"
    );
    let (status, body) = put_fr("[[items]]\nkey = ".to_owned()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap_or("")
        .starts_with("Ce n’est pas une liste"));
    let unlabelled = CUSTOM.replace("label.fr = \"Visa pour la Belgique\"", "label.fr = \"\"");
    let (status, body) = put_fr(unlabelled).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap_or("")
        .contains("« visa »"));
    let (_, unchanged) = call(&app, &coordinator, Method::GET, &path, None).await;
    assert_eq!(unchanged, current);

    // a good one: what the intern sees from now on, and the change is audited
    let (status, _) = put_fr(CUSTOM.to_owned()).await;
    assert_eq!(status, StatusCode::OK);
    let (status, mine) = call(
        &app,
        &eva,
        Method::GET,
        &format!("/api/v1/sessions/{}/application/checklist", intern.session),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let keys: Vec<&str> = mine["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["key"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(keys, ["clearance", "visa"]);
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    assert!(entries.iter().any(|e| e.action == "onboarding.checklist"));

    // the intern and a reviewer may not change it
    for who in [
        &eva,
        &sign_in(
            &app,
            "rev@nato.example",
            STAFF_PASSWORD,
            reviewer_id(&app).await,
        )
        .await,
    ] {
        let (status, _) = call(
            &app,
            who,
            Method::PUT,
            &path,
            Some(json!({"checklist": CUSTOM})),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

async fn reviewer_id(app: &TestApp) -> i64 {
    app.store
        .account_by_email("rev@nato.example")
        .await
        .expect("read")
        .expect("reviewer")
        .id
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
    let action = format!("/office/sessions/{}/checklist", intern.session);
    let twice = CUSTOM.replace("kind = \"document\"", "kind = \"clearance\"");
    let response = coordinator
        .client
        .post(app.url(&action))
        .form(&[
            ("csrf_token", coordinator.csrf.as_str()),
            ("checklist", twice.as_str()),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(html.contains("id=\"f-checklist-error\">Only one item may be the security clearance."));
    assert!(html.contains("Visa for Belgium"), "the text typed is kept");
    let response = coordinator
        .client
        .post(app.url(&action))
        .form(&[
            ("csrf_token", coordinator.csrf.as_str()),
            ("checklist", CUSTOM),
        ])
        .send()
        .await
        .expect("post");
    assert!(response.status().is_success());
    let html = response.text().await.expect("html");
    assert!(html.contains("Checklist saved.") && html.contains("Visa for Belgium"));
    let response = coordinator
        .client
        .post(app.url(&action))
        .form(&[("checklist", CUSTOM)])
        .send()
        .await
        .expect("post");
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "no token, no change"
    );
}
