//! Calendar feeds: a private link that calendar applications fetch without signing in,
//! with the person's own dates only; a new link revokes the old one, and revoking ends it.

use crate::common;

use common::candidates::Candidate;
use common::office::{open_session, placements, staff, submitted, Applicant};
use common::TestApp;
use reqwest::StatusCode;

async fn new_link(app: &TestApp, who: &Candidate) -> String {
    let response = who
        .client
        .post(app.url("/api/v1/me/calendar"))
        .header("x-csrf-token", &who.csrf)
        .send()
        .await
        .expect("create");
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: serde_json::Value = response.json().await.expect("JSON");
    body["url"].as_str().expect("url").to_owned()
}

async fn fetch(url: &str) -> (StatusCode, String, String) {
    // a calendar application: no cookie, no token but the link's
    let response = reqwest::get(url).await.expect("fetch");
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn a_private_link_shows_ones_own_dates_until_replaced_or_revoked() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let (placement, _) = placements(&app, session).await[0].clone();
    let who = Applicant {
        email: "ana@example.org",
        given_names: "Ana",
        family_name: "Popescu",
        birth_date: "2001-05-04",
        nationality: "RO",
        field: "law",
        languages: &[("en", "C1")],
        motivation: "Une motivation sincère.",
        cv: &[],
    };
    let (ana, _) = submitted(&app, session, &who, &[placement]).await;
    let first = new_link(&app, &ana).await;
    assert!(first.starts_with(&app.url("/calendar/")) && first.ends_with(".ics"));
    let (status, kind, body) = fetch(&first).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/calendar"), "{kind}");
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n"), "{body}");
    assert!(body.contains("SUMMARY:Applications close:"), "{body}");
    assert!(
        !body.contains("Applications open"),
        "the office's dates are not a candidate's"
    );
    assert!(
        !body.contains("Popescu") && !body.contains("ana@example.org"),
        "no personal data in the feed"
    );

    // a new link revokes the old one; revoking ends the new one
    let second = new_link(&app, &ana).await;
    assert_ne!(first, second);
    assert_eq!(fetch(&first).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&second).await.0, StatusCode::OK);
    let revoked = ana
        .client
        .delete(app.url("/api/v1/me/calendar"))
        .header("x-csrf-token", &ana.csrf)
        .send()
        .await
        .expect("revoke");
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    assert_eq!(fetch(&second).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        fetch(&app.url("/calendar/0123456789abcdef.ics")).await.0,
        StatusCode::NOT_FOUND
    );
    let no_csrf = ana
        .client
        .post(app.url("/api/v1/me/calendar"))
        .send()
        .await
        .expect("post");
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);

    // the office's feed holds every session's window and period
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let link = new_link(&app, &coordinator).await;
    let (_, _, body) = fetch(&link).await;
    for summary in [
        "Applications open:",
        "Applications close:",
        "Internships start:",
        "Internships end:",
    ] {
        assert!(
            body.contains(&format!("SUMMARY:{summary}")),
            "{summary} in {body}"
        );
    }
    app.stop().await.expect("stop");
}
