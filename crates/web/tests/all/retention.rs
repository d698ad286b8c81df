//! The retention purge over real uploads: once a session's retention has run out (the
//! clock is moved, not waited for), rejected, withdrawn and never-sent applications go
//! with their files, shortlisted and pending ones stay, each purge is one audit entry and
//! the chain still verifies; `cohort serve`'s daily run does the same on its own.

use crate::common;

use cohort_domain::session::SessionId;
use common::candidates::{candidate, Candidate};
use common::office::{open_session, placements, staff, submitted, Applicant, MINIMAL_PDF};
use common::TestApp;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;

fn applicant(email: &'static str) -> Applicant<'static> {
    Applicant {
        email,
        given_names: "Test",
        family_name: "Candidate",
        birth_date: "2001-05-04",
        nationality: "RO",
        field: "law",
        languages: &[("en", "C1")],
        motivation: "Une motivation sincère.",
        cv: &["Curriculum vitae"],
    }
}

async fn decide(app: &TestApp, coordinator: &Candidate, id: i64, decision: &str) {
    let response = coordinator
        .client
        .post(app.url("/api/v1/office/applications/decisions"))
        .header("x-csrf-token", &coordinator.csrf)
        .json(&json!({"ids": [id], "decision": decision, "reason": "retention test"}))
        .send()
        .await
        .expect("decide");
    let outcome: Value = response.json().await.expect("JSON");
    assert_eq!(outcome["changed"], json!([id]), "{outcome}");
}

/// A draft with a CV, never sent.
async fn draft(app: &TestApp, session: i64, email: &str, placement: i64) {
    let who = candidate(app, email).await;
    let base = app.url(&format!("/api/v1/sessions/{session}/application"));
    let r = who
        .client
        .put(&base)
        .header("x-csrf-token", &who.csrf)
        .json(&json!({"choices": [placement], "motivation": "Brouillon"}))
        .send()
        .await
        .expect("draft");
    assert_eq!(r.status(), StatusCode::OK);
    let form = reqwest::multipart::Form::new().text("kind", "cv").part(
        "file",
        reqwest::multipart::Part::bytes(MINIMAL_PDF.as_bytes()).file_name("cv.pdf"),
    );
    let r = who
        .client
        .post(format!("{base}/documents"))
        .header("x-csrf-token", &who.csrf)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(r.status(), StatusCode::CREATED);
}

fn files_in(app: &TestApp) -> usize {
    std::fs::read_dir(app.files_dir.join("documents")).map_or(0, |d| d.count())
}

fn purges(entries: &[cohort_store::AuditEntry]) -> Vec<&cohort_store::AuditEntry> {
    entries
        .iter()
        .filter(|e| e.action == "retention.purge")
        .collect()
}

#[tokio::test]
async fn unsuccessful_applications_and_their_files_go_once_the_retention_has_run_out() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let placement = placements(&app, session).await[0].0;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let (_, rejected) = submitted(&app, session, &applicant("ana@example.org"), &[placement]).await;
    decide(&app, &coordinator, rejected, "reject").await;
    let (ben, withdrawn) =
        submitted(&app, session, &applicant("ben@example.org"), &[placement]).await;
    let r = ben
        .client
        .post(app.url(&format!("/api/v1/sessions/{session}/application/withdraw")))
        .header("x-csrf-token", &ben.csrf)
        .send()
        .await
        .expect("withdraw");
    assert_eq!(r.status(), StatusCode::OK);
    let (_, once_shortlisted) =
        submitted(&app, session, &applicant("clo@example.org"), &[placement]).await;
    decide(&app, &coordinator, once_shortlisted, "shortlist").await;
    decide(&app, &coordinator, once_shortlisted, "reject").await;
    let (_, pending) = submitted(&app, session, &applicant("dan@example.org"), &[placement]).await;
    draft(&app, session, "eve@example.org", placement).await;
    assert_eq!(
        files_in(&app),
        9,
        "four applications with two files, a draft with one"
    );

    let spring = app
        .store
        .session_by_id(SessionId(session))
        .await
        .expect("read")
        .expect("session");
    assert_eq!(spring.retention_months, 12, "the default");
    let due = spring.purge_due().expect("due").as_millisecond();
    let files = app.state.files.as_ref();
    let purge = |now| cohort_app::jobs::retention::purge(&app.store, files, now, "system");

    // a moment before it is due: nothing
    assert!(purge(due - 1).await.expect("purge").is_empty());
    assert_eq!(files_in(&app), 9);

    let done = purge(due).await.expect("purge");
    assert_eq!(done.len(), 1);
    assert_eq!((done[0].applications, done[0].files), (3, 5));
    assert_eq!(done[0].session, spring.code);
    assert_eq!(files_in(&app), 4, "the files of the two kept applications");
    for gone in [rejected, withdrawn] {
        assert_eq!(app.store.application_by_id(gone).await.expect("read"), None);
    }
    for kept in [once_shortlisted, pending] {
        assert!(app
            .store
            .application_by_id(kept)
            .await
            .expect("read")
            .is_some());
    }
    // the office's list forgets them at once
    let list: Value = coordinator
        .client
        .get(app.url(&format!(
            "/api/v1/office/sessions/{session}/applications?sort=id"
        )))
        .send()
        .await
        .expect("list")
        .json()
        .await
        .expect("JSON");
    let ids: Vec<i64> = list["applications"]
        .as_array()
        .expect("applications")
        .iter()
        .map(|a| a["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, [once_shortlisted, pending]);

    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    let purged = purges(&entries);
    assert_eq!(purged.len(), 1);
    assert_eq!(purged[0].subject, format!("session:{session}"));
    assert_eq!(
        (purged[0].actor.as_str(), purged[0].actor_id),
        ("system", None)
    );
    let detail: Value = serde_json::from_str(&purged[0].detail).expect("JSON");
    assert_eq!(
        (detail["applications"].as_i64(), detail["files"].as_i64()),
        (Some(3), Some(5))
    );
    assert!(app.store.verify_audit().await.expect("verify").is_intact());

    // nothing left to purge: no run, no entry
    assert!(purge(due + 1).await.expect("purge").is_empty());
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    assert_eq!(purges(&entries).len(), 1);

    // the daily run of `cohort serve`, on a clock past the retention
    let (_, late) = submitted(&app, session, &applicant("fred@example.org"), &[placement]).await;
    decide(&app, &coordinator, late, "reject").await;
    let settings = cohort_web::Settings {
        files: cohort_web::FilesAt::Folder(app.files_dir.clone()),
        clock: Arc::new(move || due + 1),
        ..cohort_web::Settings::new(app.base.clone())
    };
    let later = cohort_web::AppState::load(app.store.clone(), settings)
        .await
        .expect("state");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let daily = tokio::spawn(cohort_app::jobs::retention::run_daily(
        later.app(),
        cohort_app::jobs::retention::EVERY,
        async {
            let _ = stopped.await;
        },
    ));
    // the run starts at once; wait for it, not for a day
    let mut seen = 0;
    for _ in 0..400 {
        let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
        seen = purges(&entries).len();
        if seen == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(seen, 2, "the daily run purged at start");
    let _ = stop.send(());
    daily.await.expect("the daily run stops when asked");
    assert_eq!(app.store.application_by_id(late).await.expect("read"), None);
    assert_eq!(files_in(&app), 4);
    assert!(app.store.verify_audit().await.expect("verify").is_intact());
}
