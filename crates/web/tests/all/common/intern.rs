//! An intern: a candidate who applied, was ranked, offered a placement and accepted it,
//! with the clock moved past the application window.
// shared by several test binaries; each uses a part
#![allow(dead_code)]

use super::candidates::{sign_in, Candidate, PASSWORD};
use super::office::{staff, submitted, two_placement_session, Applicant, STAFF_PASSWORD};
use super::TestApp;
use serde_json::{json, Value};

pub const DAY: i64 = 24 * 3600 * 1000;

pub struct Intern {
    pub session: i64,
    pub application: i64,
    pub unit: String,
    pub email: &'static str,
    pub account_id: i64,
    pub coordinator_id: i64,
}

async fn send(
    app: &TestApp,
    who: &Candidate,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> reqwest::StatusCode {
    who.client
        .request(method, app.url(path))
        .header("x-csrf-token", &who.csrf)
        .json(&body)
        .send()
        .await
        .expect("request")
        .status()
}

/// `email` applies to a one-seat placement, is ranked, offered it and accepts; the
/// coordinator is `coord@nato.example`.
pub async fn accepted_intern(app: &TestApp, email: &'static str) -> Intern {
    use reqwest::Method;
    let (session, [_, (placement, unit)]) = two_placement_session(app).await;
    let who = Applicant {
        email,
        given_names: "Test",
        family_name: "Intern",
        birth_date: "2001-05-04",
        nationality: "BE",
        field: "law",
        languages: &[("en", "C1"), ("fr", "C1")],
        motivation: "Une motivation sincère.",
        cv: &[],
    };
    let (intern, application) = submitted(app, session, &who, &[placement]).await;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&unit]).await;
    let decide = json!({"ids": [application], "decision": "shortlist", "reason": "ok"});
    assert!(send(
        app,
        &coordinator,
        Method::POST,
        "/api/v1/office/applications/decisions",
        decide
    )
    .await
    .is_success());
    let ranking = json!({"groups": [[application]]});
    let path = format!("/api/v1/office/placements/{placement}/ranking");
    assert!(send(app, &reviewer, Method::PUT, &path, ranking)
        .await
        .is_success());
    app.advance(121 * DAY);
    let coordinator = sign_in(
        app,
        "coord@nato.example",
        STAFF_PASSWORD,
        coordinator.account_id,
    )
    .await;
    let close = format!("/api/v1/office/sessions/{session}/ranking/close");
    assert!(send(app, &coordinator, Method::POST, &close, json!({}))
        .await
        .is_success());
    let runs = format!("/api/v1/office/sessions/{session}/allocation/runs");
    let run: Value = coordinator
        .client
        .post(app.url(&runs))
        .header("x-csrf-token", &coordinator.csrf)
        .json(&json!({"seed": 1}))
        .send()
        .await
        .expect("run")
        .json()
        .await
        .expect("JSON");
    let publish = format!("{runs}/{}/publish", run["id"]);
    assert!(send(app, &coordinator, Method::POST, &publish, json!({}))
        .await
        .is_success());
    let intern = sign_in(app, email, PASSWORD, intern.account_id).await;
    let answer = format!("/api/v1/sessions/{session}/application/offer");
    assert!(send(
        app,
        &intern,
        Method::POST,
        &answer,
        json!({"answer": "accept"})
    )
    .await
    .is_success());
    Intern {
        session,
        application,
        unit,
        email,
        account_id: intern.account_id,
        coordinator_id: coordinator.account_id,
    }
}

/// Moves the server's clock forward by whole days until it is `day` in the sessions' time
/// zone (Europe/Brussels).
pub fn move_to(app: &TestApp, day: jiff::civil::Date) {
    let today = app
        .state
        .settings
        .now_timestamp()
        .to_zoned(jiff::tz::TimeZone::get("Europe/Brussels").expect("zone"))
        .date();
    let days = (day - today).get_days();
    assert!(
        days >= 0,
        "the test moves the clock forward only: {today} → {day}"
    );
    app.advance(i64::from(days) * DAY);
}
