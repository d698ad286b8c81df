//! Testimonials over the API: written only once the internship has ended, shown as text
//! (never as markup) on the unit's page after approval, edited only with consent.

mod common;

use common::candidates::{sign_in, PASSWORD};
use common::intern::{accepted_intern, DAY};
use common::office::STAFF_PASSWORD;
use common::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn an_approved_testimonial_joins_the_unit_page_as_text() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let path = format!(
        "/api/v1/sessions/{}/application/testimonial",
        intern.session
    );
    let write = |body: Value| {
        ana.client
            .post(app.url(&path))
            .header("x-csrf-token", &ana.csrf)
            .header("accept-language", "en")
            .json(&body)
            .send()
    };
    let text = "Six mois <script>alert(1)</script> passionnants.\n\nUne équipe formidable.";
    let draft = json!({"lang": "fr", "body": text, "other": "Six exciting months.", "consent_to_edit": false});
    let early = write(draft.clone()).await.expect("write");
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "not before the internship has ended"
    );
    app.advance(400 * DAY);
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let write = |body: Value| {
        ana.client
            .post(app.url(&path))
            .header("x-csrf-token", &ana.csrf)
            .json(&body)
            .send()
    };
    let empty = write(json!({"lang": "fr", "body": "  "}))
        .await
        .expect("write");
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        write(draft).await.expect("write").status(),
        StatusCode::NO_CONTENT
    );

    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let pending: Value = coordinator
        .client
        .get(app.url("/api/v1/office/testimonials"))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("JSON");
    let id = pending[0]["id"].as_i64().expect("id");
    let moderate = |body: Value| {
        coordinator
            .client
            .post(app.url(&format!("/api/v1/office/testimonials/{id}")))
            .header("x-csrf-token", &coordinator.csrf)
            .json(&body)
            .send()
    };
    let edit = moderate(json!({"action": "edit", "body": "Shorter."}))
        .await
        .expect("edit");
    assert_eq!(
        edit.status(),
        StatusCode::CONFLICT,
        "the author did not consent to edits"
    );
    assert_eq!(
        moderate(json!({"action": "approve"}))
            .await
            .expect("approve")
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        moderate(json!({"action": "reject"}))
            .await
            .expect("again")
            .status(),
        StatusCode::CONFLICT
    );

    let page = reqwest::get(app.url(&format!("/units/{}?lang=en", intern.unit)))
        .await
        .expect("unit page")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("In an intern's words") || page.contains("In an intern&#x27;s words"),
        "{page}"
    );
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
    assert!(!page.contains("<script>alert(1)"), "never as markup");
    assert!(page.contains("lang=\"fr\"") && page.contains("Six exciting months."));
    app.stop().await.expect("stop");
}
