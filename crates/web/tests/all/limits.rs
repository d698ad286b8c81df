//! Bodies and sheets over their limits: refused with the limit named in the caller's
//! language, nothing written.

use crate::common;

use common::office::{open_session, placements, staff};
use common::TestApp;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_body_over_its_route_limit_is_refused_naming_the_limit() {
    let app = TestApp::spawn().await;
    let padding = "x".repeat(300 * 1024);
    let body = format!(r#"{{"email":"a@example.org","password":"{padding}"}}"#);
    for (lang, expected) in [("fr", "256 Ko au plus"), ("en", "256 KB at most")] {
        let answer = reqwest::Client::new()
            .post(app.url("/api/v1/auth/register"))
            .header("content-type", "application/json")
            .header("accept-language", lang)
            .body(body.clone())
            .send()
            .await
            .expect("register");
        assert_eq!(answer.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let error: Value = answer.json().await.expect("JSON");
        assert_eq!(error["error"]["code"], "payload_too_large");
        let message = error["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(expected), "{lang}: {message}");
    }
    let accounts = app
        .store
        .account_by_email("a@example.org")
        .await
        .expect("read");
    assert!(accounts.is_none(), "nothing stored");
}

#[tokio::test]
async fn sheets_past_their_bounds_are_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let session = open_session(&app).await;
    let before = placements(&app, session).await;
    let far_cell = {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "unit").expect("write");
        sheet.write(1_048_575, 16_383, "x").expect("write");
        book.save_to_buffer().expect("xlsx")
    };
    let many_rows = format!("unit,capacity\n{}", "DI,1\n".repeat(6_000)).into_bytes();
    for (name, bytes) in [("XFD1048576", far_cell), ("6,000 rows", many_rows)] {
        let answer = coordinator
            .client
            .post(app.url(&format!(
                "/api/v1/office/sessions/{session}/placements/import"
            )))
            .header("accept-language", "en")
            .header("x-csrf-token", &coordinator.csrf)
            .body(bytes)
            .send()
            .await
            .expect("import");
        assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let error: Value = answer.json().await.expect("JSON");
        let message = error["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("5,000 rows"), "{name}: {message}");
        assert_eq!(error["error"]["field"], "file", "{name}");
    }
    assert_eq!(placements(&app, session).await, before, "nothing written");
}
