//! Testimonials over the API: written only once the internship has ended, shown as text
//! (never as markup) on the unit's page after approval, edited only with consent.

use crate::common;

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

#[tokio::test]
async fn the_certificate_is_a_pdf_with_the_interns_name_unit_and_dates() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let path = format!(
        "/api/v1/sessions/{}/application/certificate",
        intern.session
    );
    let early = ana.client.get(app.url(&path)).send().await.expect("get");
    assert_eq!(
        early.status(),
        StatusCode::CONFLICT,
        "not before the internship is completed"
    );
    app.advance(400 * DAY);
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let session = app
        .store
        .session_by_id(cohort_domain::session::SessionId(intern.session))
        .await
        .expect("read")
        .expect("session");
    for (lang, title) in [
        ("en", "Certificate of internship"),
        ("fr", "Attestation de stage"),
    ] {
        let response = ana
            .client
            .get(app.url(&format!("{path}?lang={lang}")))
            .send()
            .await
            .expect("get");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let pdf = response.bytes().await.expect("bytes");
        // read back with a PDF text extractor, as a reader of the file would
        let text = cohort_untrusted::pdf_text::extract_in_this_process(&pdf);
        assert!(!text.is_empty(), "a readable PDF");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(title), "{flat}");
        assert!(flat.contains("Test Intern"), "the intern's name: {flat}");
        assert!(
            flat.contains(&session.period_start.to_string())
                && flat.contains(&session.period_end.to_string()),
            "{flat}"
        );
        let unit = app
            .state
            .snapshot()
            .catalogue
            .unit(&cohort_domain::UnitCode::parse(&intern.unit).expect("code"))
            .map(|u| {
                u.name
                    .get(cohort_domain::Lang::parse(lang).expect("lang"))
                    .clone()
            })
            .expect("unit");
        let unit_flat = unit.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&unit_flat), "{unit_flat} in {flat}");
        if lang == "fr" {
            assert!(flat.contains("Délivrée"), "accents survive: {flat}");
        }
    }
    let stranger = common::candidates::candidate(&app, "ben@example.org").await;
    let theirs = stranger
        .client
        .get(app.url(&path))
        .send()
        .await
        .expect("get");
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND, "only one's own");
    app.stop().await.expect("stop");
}

#[tokio::test]
async fn once_the_internship_has_ended_the_intern_is_invited_once() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let session = app
        .store
        .session_by_id(cohort_domain::session::SessionId(intern.session))
        .await
        .expect("read")
        .expect("session");
    let invite = || cohort_web::testimonial_invitation::send_due(&app.state);
    let invitations = || async {
        app.store
            .pending_mail(i64::MAX / 2, 1000)
            .await
            .expect("outbox")
            .into_iter()
            .filter(|m| m.to == intern.email && m.subject.starts_with("Your internship has ended"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        invite().await.expect("check"),
        0,
        "not during the internship"
    );
    // the day after the last day, in the session's time zone
    common::intern::move_to(&app, session.period_end.tomorrow().expect("date"));
    assert_eq!(invite().await.expect("check"), 1);
    assert_eq!(invite().await.expect("check again"), 0, "once");
    let mails = invitations().await;
    assert_eq!(mails.len(), 1);
    let body = &mails[0].body_text;
    assert!(body.contains(&session.period_end.to_string()), "{body}");
    assert!(body.contains("/my-offer"), "{body}");
    let unit = app
        .state
        .snapshot()
        .catalogue
        .unit(&cohort_domain::UnitCode::parse(&intern.unit).expect("code"))
        .map(|u| u.name.en.clone())
        .expect("unit");
    assert!(body.contains(&unit), "{body}");
}
