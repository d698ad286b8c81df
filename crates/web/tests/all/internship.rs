//! The internship: the office sets dates and a supervisor; a supervisor sees only their
//! own interns (404 otherwise, API and pages); evaluations are invisible to the intern
//! until submitted, final once submitted, and open at the midpoint / a week before the
//! end; after the end the intern is an alumnus who keeps certificate and evaluations,
//! until the retention purge deletes them with the application.

use crate::common;

use common::api::{call, call_in};
use common::candidates::{sign_in, Candidate, PASSWORD};
use common::intern::{accepted_intern, Intern, DAY};
use common::office::{staff, STAFF_PASSWORD};
use common::office_world::page;
use common::TestApp;
use jiff::civil::Date;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Moves the server's clock to noon (UTC) on `day`.
fn move_to(app: &TestApp, day: Date) {
    let target = day
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("instant")
        .timestamp()
        .as_millisecond();
    let now =
        cohort_web::system_clock()() + app.clock_offset.load(std::sync::atomic::Ordering::SeqCst);
    app.advance(target - now);
}

async fn coordinator(app: &TestApp, intern: &Intern) -> Candidate {
    sign_in(
        app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await
}

fn date(value: &Value) -> Date {
    value.as_str().expect("date").parse().expect("a date")
}

/// The internship as the office reads it.
async fn record(app: &TestApp, who: &Candidate, intern: &Intern) -> (StatusCode, Value) {
    let path = format!("/api/v1/office/internships/{}", intern.application);
    call(app, who, Method::GET, &path, None).await
}

async fn set(
    app: &TestApp,
    who: &Candidate,
    intern: &Intern,
    lang: &str,
    body: Value,
) -> (StatusCode, Value) {
    let path = format!("/api/v1/office/internships/{}", intern.application);
    call_in(app, who, Method::PUT, &path, lang, Some(body)).await
}

async fn evaluate(
    app: &TestApp,
    who: &Candidate,
    intern: &Intern,
    kind: &str,
    body: Value,
) -> (StatusCode, Value) {
    let path = format!(
        "/api/v1/office/internships/{}/evaluations/{kind}",
        intern.application
    );
    call(app, who, Method::PUT, &path, Some(body)).await
}

fn full(comments: &str) -> Value {
    json!({
        "scores": {"quality": 5, "initiative": 4, "teamwork": 5, "communication": 4, "conduct": 5},
        "comments": comments,
        "submit": true,
    })
}

#[tokio::test]
async fn a_supervisor_sees_only_their_own_interns() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let coord = coordinator(&app, &intern).await;

    // supervisors are invited like reviewers, by the office
    let (status, _) = call(
        &app,
        &coord,
        Method::POST,
        "/api/v1/office/staff",
        Some(json!({"email": "invited@nato.example", "role": "supervisor", "units": []})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let mine = staff(&app, "sup1@nato.example", "supervisor", &[]).await;
    let other = staff(&app, "sup2@nato.example", "supervisor", &[]).await;

    // not yet assigned: even the future supervisor gets 404
    assert_eq!(record(&app, &mine, &intern).await.0, StatusCode::NOT_FOUND);
    let (_, current) = record(&app, &coord, &intern).await;
    assert_eq!(current["unit"], intern.unit.as_str(), "the offer's unit");
    assert!(current["supervisor"].is_null());
    let (start, end) = (current["start"].clone(), current["end"].clone());

    // only a supervisor may be assigned
    let reviewer_id: i64 = app
        .store
        .staff_accounts()
        .await
        .expect("staff")
        .iter()
        .find(|(a, _)| a.role == "reviewer")
        .map(|(a, _)| a.id)
        .expect("reviewer");
    let (status, body) = set(
        &app,
        &coord,
        &intern,
        "en",
        json!({"start": start, "end": end, "supervisor": reviewer_id}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let assign = json!({"start": start, "end": end, "supervisor": mine.account_id});
    assert_eq!(
        set(&app, &coord, &intern, "en", assign.clone()).await.0,
        StatusCode::NO_CONTENT
    );
    // a supervisor cannot assign themselves anything
    assert_eq!(
        set(&app, &other, &intern, "en", assign).await.0,
        StatusCode::NOT_FOUND
    );

    let (status, seen) = record(&app, &mine, &intern).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["supervisor"], mine.account_id);
    assert_eq!(record(&app, &other, &intern).await.0, StatusCode::NOT_FOUND);
    let list = format!("/api/v1/office/sessions/{}/internships", intern.session);
    let (_, listed) = call(&app, &mine, Method::GET, &list, None).await;
    assert_eq!(listed["internships"].as_array().map(Vec::len), Some(1));
    let (_, listed) = call(&app, &other, Method::GET, &list, None).await;
    assert_eq!(listed["internships"], json!([]), "not theirs");

    // pages: the home lists one's own interns; another's page is missing
    let one = format!("/office/internships/{}", intern.application);
    let (status, html) = page(&app, &mine, "/office").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Test Intern") && html.contains(&one),
        "{html}"
    );
    let (_, html) = page(&app, &other, "/office").await;
    assert!(!html.contains("Test Intern"));
    let (status, html) = page(&app, &mine, &one).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Test Intern") && html.contains("Qualité du travail"),
        "{html}"
    );
    assert_eq!(page(&app, &other, &one).await.0, StatusCode::NOT_FOUND);
    let table = format!("/office/sessions/{}/internships", intern.session);
    let (status, html) = page(&app, &coord, &table).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Test Intern") && html.contains("sup1@nato.example"));
    let (_, html) = page(&app, &other, &table).await;
    assert!(!html.contains("Test Intern"));

    // a supervisor reads no application, review, list, export or log
    let s = intern.session;
    let a = intern.application;
    for path in [
        format!("/api/v1/office/sessions/{s}/applications"),
        format!("/api/v1/office/sessions/{s}/applications/export"),
        format!("/api/v1/office/applications/{a}"),
        format!("/api/v1/office/applications/{a}/reviews"),
        format!("/api/v1/office/sessions/{s}/onboarding"),
        format!("/api/v1/office/sessions/{s}/allocation"),
        "/api/v1/office/audit".to_owned(),
        "/api/v1/office/testimonials".to_owned(),
        "/api/v1/office/staff".to_owned(),
    ] {
        let (status, _) = call(&app, &mine, Method::GET, &path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    for path in [
        format!("/office/sessions/{s}/applications"),
        format!("/office/applications/{a}"),
        format!("/office/sessions/{s}/onboarding"),
        format!("/office/sessions/{s}/report"),
        "/office/audit".to_owned(),
    ] {
        assert_eq!(
            page(&app, &mine, &path).await.0,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // and the intern's own internship is not the office's
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    assert_eq!(record(&app, &ana, &intern).await.0, StatusCode::NOT_FOUND);

    // every look and change is in the audit log, by whom
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    let by = |action: &str, actor: &str| {
        entries
            .iter()
            .any(|e| e.action == action && e.actor.starts_with(actor))
    };
    assert!(by("internship.set", "coord@nato.example"));
    assert!(by("internship.view", "sup1@nato.example"));
    assert!(by("internships.list", "sup1@nato.example"));
    assert!(
        !by("internship.view", "sup2@nato.example"),
        "refused, not seen"
    );
    assert!(app.store.verify_audit().await.expect("verify").is_intact());
}

#[tokio::test]
async fn dates_out_of_order_are_refused_naming_both_dates_in_both_languages() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let coord = coordinator(&app, &intern).await;
    let backwards = json!({"start": "2028-09-01", "end": "2028-03-01"});
    let (status, body) = set(&app, &coord, &intern, "en", backwards.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = body["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("2028-09-01")
            && message.contains("2028-03-01")
            && message.contains("before"),
        "{message}"
    );
    assert_eq!(body["error"]["field"], "end");
    let (status, body) = set(&app, &coord, &intern, "fr", backwards).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = body["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("2028-09-01")
            && message.contains("2028-03-01")
            && message.contains("précède"),
        "{message}"
    );
    let (status, body) = set(
        &app,
        &coord,
        &intern,
        "en",
        json!({"start": "2028-03-01", "end": "2030-03-01"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "too long: {body}");
    let (status, _) = set(
        &app,
        &coord,
        &intern,
        "en",
        json!({"start": "1 March", "end": "2028-03-01"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // the page's form says the same, next to the form
    let form = format!(
        "start=2028-09-01&end=2028-03-01&supervisor=&csrf_token={}",
        coord.csrf
    );
    let response = coord
        .client
        .post(app.url(&format!("/office/internships/{}", intern.application)))
        .header("accept-language", "fr")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(html.contains("2028-09-01") && html.contains("2028-03-01"));
    // nothing was stored
    let (_, current) = record(&app, &coord, &intern).await;
    assert_ne!(current["start"], "2028-09-01");

    // dates in order are the intern's, in their calendar too
    let (status, _) = set(
        &app,
        &coord,
        &intern,
        "en",
        json!({"start": "2028-01-10", "end": "2028-06-30"}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let mine = format!("/api/v1/sessions/{}/application/internship", intern.session);
    let (_, seen) = call(&app, &ana, Method::GET, &mine, None).await;
    assert_eq!(
        (seen["start"].as_str(), seen["end"].as_str()),
        (Some("2028-01-10"), Some("2028-06-30"))
    );
    let (status, feed) = call(&app, &ana, Method::POST, "/api/v1/me/calendar", None).await;
    assert!(status.is_success(), "{feed}");
    let ics = reqwest::get(feed["url"].as_str().expect("url"))
        .await
        .expect("feed")
        .text()
        .await
        .expect("text");
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20280110") && ics.contains("DTSTART;VALUE=DATE:20280630"),
        "{ics}"
    );
}

#[tokio::test]
async fn evaluations_are_seen_by_the_intern_once_submitted_and_kept_by_alumni() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let coord = coordinator(&app, &intern).await;
    let sup = staff(&app, "sup1@nato.example", "supervisor", &[]).await;
    let (_, current) = record(&app, &coord, &intern).await;
    let (start, end) = (date(&current["start"]), date(&current["end"]));
    let assign =
        json!({"start": start.to_string(), "end": end.to_string(), "supervisor": sup.account_id});
    assert_eq!(
        set(&app, &coord, &intern, "en", assign).await.0,
        StatusCode::NO_CONTENT
    );

    // a draft, at the start: the intern does not see it
    move_to(&app, start);
    let sup = sign_in(&app, "sup1@nato.example", STAFF_PASSWORD, sup.account_id).await;
    let draft = json!({"scores": {"quality": 4}, "comments": "Draft note: promising start."});
    assert_eq!(
        evaluate(&app, &sup, &intern, "midterm", draft).await.0,
        StatusCode::NO_CONTENT
    );
    let (status, body) = evaluate(
        &app,
        &sup,
        &intern,
        "midterm",
        json!({"scores": {"quality": 6}, "comments": ""}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "quality");
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let mine = format!("/api/v1/sessions/{}/application/internship", intern.session);
    let (status, seen) = call(&app, &ana, Method::GET, &mine, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["evaluations"], json!([]), "a draft is not shown");
    assert_eq!(seen["alumni"], false);
    let (status, html) = page(&app, &ana, "/my-internship").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Draft note"), "{html}");
    let (_, html) = page(&app, &ana, "/my-offer").await;
    assert!(html.contains("/my-internship"), "linked from /my-offer");

    // too early to submit: the day it opens is named
    let (_, office) = record(&app, &sup, &intern).await;
    let opens = date(&office["evaluations"][0]["opens"]);
    let (status, body) = evaluate(&app, &sup, &intern, "midterm", full("Good.")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let message = body["error"]["message"].as_str().expect("message");
    assert!(message.contains(&opens.to_string()), "{message}");

    // from the midpoint: incomplete is refused, complete is final
    move_to(&app, opens);
    let sup = sign_in(&app, "sup1@nato.example", STAFF_PASSWORD, sup.account_id).await;
    let (status, body) = evaluate(
        &app,
        &sup,
        &intern,
        "midterm",
        json!({"scores": {"quality": 4}, "comments": "x", "submit": true}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let comments = "Ana writes clear <b>briefs</b> and works well with the team.";
    assert_eq!(
        evaluate(&app, &sup, &intern, "midterm", full(comments))
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    let (status, body) = evaluate(&app, &sup, &intern, "midterm", full("Again.")).await;
    assert_eq!(status, StatusCode::CONFLICT, "submitted is final");
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("already submitted")));
    let (status, _) = evaluate(
        &app,
        &sup,
        &intern,
        "midterm",
        json!({"scores": {}, "comments": "edit"}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "not even as a draft");
    // the final one is not open yet
    assert_eq!(
        evaluate(&app, &sup, &intern, "final", full("Done."))
            .await
            .0,
        StatusCode::CONFLICT
    );
    // the coordinator cannot write evaluations, but reads every one
    assert_eq!(
        evaluate(
            &app,
            &coord_again(&app, &intern).await,
            &intern,
            "final",
            full("x")
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );

    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let (_, seen) = call(&app, &ana, Method::GET, &mine, None).await;
    assert_eq!(seen["evaluations"][0]["kind"], "midterm");
    assert_eq!(seen["evaluations"][0]["comments"], comments);
    assert_eq!(seen["evaluations"][0]["scores"][0]["score"], 5);
    let (_, html) = page(&app, &ana, "/my-internship").await;
    assert!(
        html.contains("&lt;b&gt;briefs&lt;/b&gt;"),
        "as text: {html}"
    );

    // the final one, a week before the end
    move_to(&app, end.checked_sub(jiff::ToSpan::days(7)).expect("date"));
    let sup = sign_in(&app, "sup1@nato.example", STAFF_PASSWORD, sup.account_id).await;
    assert_eq!(
        evaluate(
            &app,
            &sup,
            &intern,
            "final",
            full("A very good internship.")
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    let coord = coord_again(&app, &intern).await;
    let list = format!("/api/v1/office/sessions/{}/internships", intern.session);
    let (_, listed) = call(&app, &coord, Method::GET, &list, None).await;
    let evaluations = &listed["internships"][0]["evaluations"];
    assert_eq!(evaluations.as_array().map(Vec::len), Some(2));
    assert!(evaluations[1]["submitted"].as_bool().unwrap_or(false));

    // alumni: after the last day, certificate and evaluations stay
    move_to(&app, end.tomorrow().expect("date"));
    let ana = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let (_, seen) = call(&app, &ana, Method::GET, &mine, None).await;
    assert_eq!(seen["alumni"], true);
    assert_eq!(seen["evaluations"].as_array().map(Vec::len), Some(2));
    let kept = end
        .checked_add(jiff::ToSpan::months(60))
        .expect("date")
        .to_string();
    assert_eq!(seen["kept_until"], kept.as_str());
    for link in seen["certificates"].as_array().expect("links") {
        let response = ana
            .client
            .get(app.url(link.as_str().expect("link")))
            .send()
            .await
            .expect("certificate");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()["content-type"],
            "application/pdf",
            "{link}"
        );
    }
    let (_, html) = page(&app, &ana, "/my-internship").await;
    assert!(html.contains("Alumni") && html.contains(&kept));
    assert!(html.contains("certificate?lang=fr") && html.contains("certificate?lang=en"));
    assert!(html.contains("A very good internship."));
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    let submits = entries
        .iter()
        .filter(|e| e.action == "evaluation.submit")
        .count();
    assert_eq!(submits, 2, "the mid-term and the final, once each");

    // the data export holds the internship and its submitted evaluations
    let zip = ana
        .client
        .get(app.url("/api/v1/me/export"))
        .send()
        .await
        .expect("export")
        .bytes()
        .await
        .expect("body");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.to_vec())).expect("a ZIP");
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("data.json").expect("data.json"),
        &mut text,
    )
    .expect("read");
    let data: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        data["internships"][0]["evaluations"][0]["comments"],
        comments
    );
    assert_eq!(data["internships"][0]["alumni"], true);
}

async fn coord_again(app: &TestApp, intern: &Intern) -> Candidate {
    coordinator(app, intern).await
}

#[tokio::test]
async fn the_retention_purge_deletes_an_alumnus_internship_and_evaluations() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let coord = coordinator(&app, &intern).await;
    let sup = staff(&app, "sup1@nato.example", "supervisor", &[]).await;
    let (_, current) = record(&app, &coord, &intern).await;
    let (start, end) = (date(&current["start"]), date(&current["end"]));
    let assign =
        json!({"start": start.to_string(), "end": end.to_string(), "supervisor": sup.account_id});
    assert_eq!(
        set(&app, &coord, &intern, "en", assign).await.0,
        StatusCode::NO_CONTENT
    );
    move_to(&app, end);
    let sup = sign_in(&app, "sup1@nato.example", STAFF_PASSWORD, sup.account_id).await;
    assert_eq!(
        evaluate(&app, &sup, &intern, "final", full("Fine."))
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    let files = app.state.files.as_ref();
    let due = cohort_domain::session::alumni_purge_due(end, "Europe/Brussels")
        .expect("due")
        .as_millisecond();
    let purge = |now| cohort_app::jobs::retention::purge(&app.store, files, now, "system");
    // the session's own retention (12 months) is long past, but an alumnus is kept
    let early = purge(due - DAY).await.expect("purge");
    assert!(early.iter().all(|p| p.applications == 0) || early.is_empty());
    assert!(app
        .store
        .internship(intern.application)
        .await
        .expect("read")
        .is_some());
    let done = purge(due).await.expect("purge");
    assert_eq!(done.iter().map(|p| p.applications).sum::<usize>(), 1);
    assert!(app
        .store
        .internship(intern.application)
        .await
        .expect("read")
        .is_none());
    assert!(app
        .store
        .evaluations(intern.application)
        .await
        .expect("read")
        .is_empty());
    assert!(app.store.verify_audit().await.expect("verify").is_intact());
}
