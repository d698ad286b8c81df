//! The pre-arrival checklist over the API: the intern completes their own items and no
//! other; the office moves any item, sets due dates (never after the start, both dates
//! named), sees overdue items; a refused clearance ends the offer, and the next round
//! gives the seat to the candidate still waiting.

use crate::common;

use common::api::call;
use common::candidates::{sign_in, PASSWORD};
use common::office::{staff, submitted, two_placement_session, Applicant, STAFF_PASSWORD};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const DAY: i64 = 24 * 3600 * 1000;

fn applicant(email: &'static str) -> Applicant<'static> {
    Applicant {
        email,
        given_names: "Test",
        family_name: email,
        birth_date: "2001-05-04",
        nationality: "BE",
        field: "law",
        languages: &[("en", "C1"), ("fr", "C1")],
        motivation: "Une motivation sincère.",
        cv: &[],
    }
}

fn status_of(items: &Value, key: &str) -> String {
    items
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["key"] == key)
        .map(|i| i["status"].as_str().unwrap_or_default().to_owned())
        .expect("item")
}

#[tokio::test]
async fn a_refused_clearance_frees_the_seat_for_the_next_round() {
    let app = TestApp::spawn().await;
    let (session, [_, (p2, unit2)]) = two_placement_session(&app).await;
    let (ana, ana_id) = submitted(&app, session, &applicant("ana@example.org"), &[p2]).await;
    let (_, ben_id) = submitted(&app, session, &applicant("ben@example.org"), &[p2]).await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(&app, "rev@nato.example", "reviewer", &[&unit2]).await;
    let shortlist = json!({"ids": [ana_id, ben_id], "decision": "shortlist", "reason": "ok"});
    call(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/applications/decisions",
        Some(shortlist),
    )
    .await;
    let ranking = json!({"groups": [[ana_id], [ben_id]]});
    let (status, _) = call(
        &app,
        &reviewer,
        Method::PUT,
        &format!("/api/v1/office/placements/{p2}/ranking"),
        Some(ranking),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    app.advance(121 * DAY);
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        coordinator.account_id,
    )
    .await;
    let ana = sign_in(&app, "ana@example.org", PASSWORD, ana.account_id).await;
    call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/api/v1/office/sessions/{session}/ranking/close"),
        None,
    )
    .await;
    let runs = format!("/api/v1/office/sessions/{session}/allocation/runs");
    let (_, run) = call(
        &app,
        &coordinator,
        Method::POST,
        &runs,
        Some(json!({"seed": 1})),
    )
    .await;
    let (status, _) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{runs}/{}/publish", run["id"]),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let checklist = format!("/api/v1/sessions/{session}/application/checklist");
    assert_eq!(
        call(&app, &ana, Method::GET, &checklist, None).await.0,
        StatusCode::NOT_FOUND,
        "not before accepting"
    );
    let (status, _) = call(
        &app,
        &ana,
        Method::POST,
        &format!("/api/v1/sessions/{session}/application/offer"),
        Some(json!({"answer": "accept"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // the intern sees their checklist and completes their own items only
    let (status, list) = call(&app, &ana, Method::GET, &checklist, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&list["items"], "clearance"), "todo");
    let (status, body) = call(
        &app,
        &ana,
        Method::POST,
        &format!("{checklist}/travel"),
        Some(json!({"action": "complete"})),
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("done"))
    );
    let (status, body) = call(
        &app,
        &ana,
        Method::POST,
        &format!("{checklist}/clearance"),
        Some(json!({"action": "complete"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("internship office"),
        "{body}"
    );

    // the office: a due date after the start is refused naming both dates
    let office = format!("/api/v1/office/applications/{ana_id}/checklist");
    let start = app
        .store
        .session_by_id(cohort_domain::session::SessionId(session))
        .await
        .expect("read")
        .expect("session")
        .period_start;
    let late = start
        .checked_add(jiff::Span::new().days(3))
        .expect("date")
        .to_string();
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{office}/agreement"),
        Some(json!({"due": late})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("due"))
    );
    let message = body["error"]["message"].as_str().expect("message");
    assert!(
        message.contains(&late) && message.contains(&start.to_string()),
        "{message}"
    );
    // an early due date makes the item overdue in the office's table
    let past = app
        .state
        .settings
        .now_timestamp()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .checked_sub(jiff::Span::new().days(2))
        .expect("date")
        .to_string();
    let (status, _) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{office}/agreement"),
        Some(json!({"due": past})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, table) = call(
        &app,
        &coordinator,
        Method::GET,
        &format!("/api/v1/office/sessions/{session}/onboarding"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let agreement = table["interns"][0]["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["key"] == "agreement")
        .cloned()
        .expect("agreement");
    assert_eq!(
        (agreement["due"].as_str(), agreement["overdue"].as_bool()),
        (Some(past.as_str()), Some(true))
    );
    let html = coordinator
        .client
        .get(app.url(&format!("/office/sessions/{session}/onboarding")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("class=\"overdue\"") && html.contains("overdue</strong>"),
        "marked in words too"
    );

    // clearance: requested, in progress, refused → the offer ends
    for action in ["request", "progress"] {
        let (status, _) = call(
            &app,
            &coordinator,
            Method::POST,
            &format!("{office}/clearance"),
            Some(json!({"action": action})),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{action}");
    }
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{office}/clearance"),
        Some(json!({"action": "bogus"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("action"))
    );
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{office}/clearance"),
        Some(json!({"action": "refuse"})),
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("refused"))
    );
    let (status, _) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{office}/clearance"),
        Some(json!({"action": "reopen"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "a refusal is final");
    let (_, outcome) = call(
        &app,
        &ana,
        Method::GET,
        &format!("/api/v1/sessions/{session}/application/outcome"),
        None,
    )
    .await;
    assert_eq!(outcome["status"], "ended");

    // round 2 gives the freed seat to ben
    let (status, run2) = call(
        &app,
        &coordinator,
        Method::POST,
        &runs,
        Some(json!({"seed": 2})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        (run2["round"].as_i64(), run2["matched"].as_u64()),
        (Some(2), Some(1))
    );
    let (status, _) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{runs}/{}/publish", run2["id"]),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let ben = app
        .store
        .screening_row(ben_id)
        .await
        .expect("read")
        .expect("row");
    assert_eq!(ben.status.as_str(), "offered");
    app.stop().await.expect("stop");
}
