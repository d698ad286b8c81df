//! Offer rounds over the API: a round runs only once the window is closed and ranking is
//! frozen; the preview is stored with its exact instance (the engine on the export gives
//! the stored result byte for byte); publishing makes offers once; candidates accept or
//! decline before the deadline and see why they did not get their other choices; a second
//! round fills the declined seat while accepted offers stay fixed.

use crate::common;

use common::api::call;
use common::candidates::{sign_in, PASSWORD};
use common::office::{staff, submitted, two_placement_session, Applicant, STAFF_PASSWORD};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const DAY: i64 = 24 * 3600 * 1000;

fn applicant(email: &'static str, nationality: &'static str) -> Applicant<'static> {
    Applicant {
        email,
        given_names: "Test",
        family_name: "Candidate",
        birth_date: "2001-05-04",
        nationality,
        field: "law",
        languages: &[("en", "C1"), ("fr", "C1")],
        motivation: "Une motivation sincère.",
        cv: &[],
    }
}

#[tokio::test]
async fn offer_rounds_from_preview_to_second_round() {
    let app = TestApp::spawn().await;
    let (session, [(p1, unit1), (p2, unit2)]) = two_placement_session(&app).await;
    let (ana, ana_id) = submitted(
        &app,
        session,
        &applicant("ana@example.org", "RO"),
        &[p1, p2],
    )
    .await;
    let (_, ben_id) = submitted(&app, session, &applicant("ben@example.org", "FR"), &[p1]).await;
    let (_, cat_id) = submitted(&app, session, &applicant("cat@example.org", "FR"), &[p1]).await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer1 = staff(&app, "rev1@nato.example", "reviewer", &[&unit1]).await;
    let reviewer2 = staff(&app, "rev2@nato.example", "reviewer", &[&unit2]).await;
    let everyone =
        json!({"ids": [ana_id, ben_id, cat_id], "decision": "shortlist", "reason": "strong"});
    let (status, _) = call(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/applications/decisions",
        Some(everyone),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // unit 1 ranks ben and cat (tied) above ana; unit 2 ranks ana
    let ranking1 = json!({"groups": [[ben_id, cat_id], [ana_id]]});
    let (status, body) = call(
        &app,
        &reviewer1,
        Method::PUT,
        &format!("/api/v1/office/placements/{p1}/ranking"),
        Some(ranking1),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = call(
        &app,
        &reviewer2,
        Method::PUT,
        &format!("/api/v1/office/placements/{p2}/ranking"),
        Some(json!({"groups": [[ana_id]]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let base = format!("/api/v1/office/sessions/{session}/allocation");
    let runs = format!("{base}/runs");
    // while candidates may still apply, no round runs
    let (status, body) = call(&app, &coordinator, Method::POST, &runs, Some(json!({}))).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("window"),
        "{body}"
    );

    app.advance(121 * DAY);
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        coordinator.account_id,
    )
    .await;
    let (status, body) = call(&app, &coordinator, Method::POST, &runs, None).await;
    assert_eq!(status, StatusCode::CONFLICT, "ranking still open");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("Ranking"),
        "{body}"
    );
    let close = format!("/api/v1/office/sessions/{session}/ranking/close");
    assert_eq!(
        call(&app, &coordinator, Method::POST, &close, None).await.0,
        StatusCode::NO_CONTENT
    );

    // caps: a wrong entry is named and nothing is saved; then one French intern at most
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("{base}/caps"),
        Some(
            json!({"caps": [{"nationality": "FR", "count": 1}, {"nationality": "XX", "count": 2}]}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "caps[1]");
    let (_, allocation) = call(&app, &coordinator, Method::GET, &base, None).await;
    assert_eq!(allocation["caps"], json!([]));
    let (status, _) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("{base}/caps"),
        Some(json!({"caps": [{"nationality": "FR", "count": 1}]})),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let report = coordinator
        .client
        .get(app.url(&format!("/office/sessions/{session}/report")))
        .header("accept-language", "en")
        .send()
        .await
        .expect("report");
    let report = report.text().await.expect("html");
    assert!(report.contains("FR ≤ 1"), "the report shows the caps");

    // round 1, a preview: ana gets her first choice; one of ben and cat gives way to the cap
    let (status, run) = call(
        &app,
        &coordinator,
        Method::POST,
        &runs,
        Some(json!({"seed": 7})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{run}");
    assert_eq!(
        (run["round"].as_i64(), run["seed"].as_i64()),
        (Some(1), Some(7))
    );
    assert_eq!(run["stable"], true);
    assert_eq!(
        (run["candidates"].as_u64(), run["matched"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(run["by_choice"], json!([2]));
    let seats = run["seats"].as_u64().expect("seats");
    assert_eq!(
        run["unfilled"].as_u64(),
        Some(seats - 2),
        "every other seat of the session stays empty"
    );
    assert!(run["nationalities"]
        .as_array()
        .expect("rows")
        .contains(&json!({"nationality": "FR", "matched": 1, "cap": 1})));
    let run1 = run["id"].as_i64().expect("id");
    // nothing is sent by a preview
    let (status, _) = call(
        &app,
        &ana,
        Method::GET,
        &format!("/api/v1/sessions/{session}/application/outcome"),
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "ana's sign-in lapsed with the clock"
    );
    let ana = sign_in(&app, "ana@example.org", PASSWORD, ana.account_id).await;
    let outcome_path = format!("/api/v1/sessions/{session}/application/outcome");
    assert_eq!(
        call(&app, &ana, Method::GET, &outcome_path, None).await.0,
        StatusCode::NOT_FOUND
    );

    // the stored instance, given to the engine again, gives the stored result byte for byte
    let instance = coordinator
        .client
        .get(app.url(&format!("{runs}/{run1}/instance")))
        .send()
        .await
        .expect("instance");
    assert_eq!(instance.status(), StatusCode::OK);
    let instance = instance.text().await.expect("text");
    let result = coordinator
        .client
        .get(app.url(&format!("{runs}/{run1}/result")))
        .send()
        .await
        .expect("result")
        .text()
        .await
        .expect("text");
    let replayed = cohort_matching::solve_json_with(&instance, cohort_matching::Millis::Fixed(0.0))
        .expect("valid instance");
    assert_eq!(
        format!("{replayed}\n"),
        result,
        "what `cohort match --reproducible` writes"
    );
    assert!(
        instance.contains("\"seed\": 7") && instance.contains("\"FR\": 1"),
        "{instance}"
    );
    assert!(
        !instance.contains("example.org"),
        "no personal data beyond ids and nationalities"
    );

    // publish once; twice is refused and changes nothing
    let publish = format!("{runs}/{run1}/publish");
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &publish,
        Some(json!({"reply_days": 0})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reply_days"))
    );
    let (status, published) = call(
        &app,
        &coordinator,
        Method::POST,
        &publish,
        Some(json!({"reply_days": 3})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["offers"], 2);
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &publish,
        Some(json!({"reply_days": 3})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap_or("")
        .contains("already been published"));
    let mails = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox");
    let offer_mails: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Internship offer"))
        .collect();
    assert_eq!(
        offer_mails.len(),
        2,
        "one e-mail per offer, nothing more after the refusal"
    );
    assert!(offer_mails
        .iter()
        .any(|m| m.to == "ana@example.org" && m.body_text.contains("/my-offer")));

    // who got what
    let result: Value = serde_json::from_str(&result).expect("JSON");
    let (winner, loser) = if result["assignment"][format!("a-{ben_id}")].is_null() {
        ("cat@example.org", "ben@example.org")
    } else {
        ("ben@example.org", "cat@example.org")
    };
    let account = |email: &str| {
        let store = app.store.clone();
        let email = email.to_owned();
        async move {
            store
                .account_by_email(&email)
                .await
                .expect("read")
                .expect("account")
                .id
        }
    };
    let winner = sign_in(&app, winner, PASSWORD, account(winner).await).await;
    let loser_email = loser;
    let loser = sign_in(&app, loser, PASSWORD, account(loser).await).await;

    // the one who gave way is told why, in their language, naming nobody
    let (status, why) = call(&app, &loser, Method::GET, &outcome_path, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (why["round"].as_i64(), why["status"].as_str()),
        (Some(1), Some("shortlisted"))
    );
    assert!(why["offer"].is_null());
    assert_eq!(why["explanations"][0]["reason"], "nationality_cap");
    let message = why["explanations"][0]["message"].as_str().expect("message");
    assert!(message.contains("(FR)"), "{message}");
    let french = loser
        .client
        .get(app.url(&outcome_path))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("fr");
    let french: Value = french.json().await.expect("JSON");
    assert!(
        french["explanations"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("plafond"),
        "{french}"
    );
    assert!(
        !why.to_string().contains("example.org") && !why.to_string().contains("a-"),
        "{why}"
    );

    // ana accepts once; the winner declines; answering again is refused
    let answer = format!("/api/v1/sessions/{session}/application/offer");
    let (status, body) = call(
        &app,
        &ana,
        Method::POST,
        &answer,
        Some(json!({"answer": "maybe"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("answer"))
    );
    let (status, body) = call(
        &app,
        &ana,
        Method::POST,
        &answer,
        Some(json!({"answer": "accept"})),
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("accepted")),
        "{body}"
    );
    let (status, _) = call(
        &app,
        &ana,
        Method::POST,
        &answer,
        Some(json!({"answer": "decline"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = call(
        &app,
        &winner,
        Method::POST,
        &answer,
        Some(json!({"answer": "decline"})),
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("declined"))
    );
    let (status, _) = call(
        &app,
        &loser,
        Method::POST,
        &answer,
        Some(json!({"answer": "accept"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "no offer to accept");

    // round 2: the declined seat goes to the one still waiting; ana's acceptance stays
    let (status, stale) = call(
        &app,
        &coordinator,
        Method::POST,
        &runs,
        Some(json!({"seed": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
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
        (run2["round"].as_i64(), run2["candidates"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        run2["seats"].as_u64(),
        Some(seats - 1),
        "ana's accepted seat is held"
    );
    assert_eq!(run2["matched"], 1);
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{runs}/{}/publish", stale["id"]),
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a newer run replaces it: {body}"
    );
    let (status, _) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{runs}/{}/publish", run2["id"]),
        Some(json!({"reply_days": 2})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, mine) = call(&app, &ana, Method::GET, &outcome_path, None).await;
    assert_eq!(
        (mine["status"].as_str(), mine["round"].as_i64()),
        (Some("accepted"), Some(1))
    );
    let (_, second) = call(&app, &loser, Method::GET, &outcome_path, None).await;
    assert_eq!(
        (
            second["status"].as_str(),
            second["round"].as_i64(),
            second["answerable"].as_bool()
        ),
        (Some("offered"), Some(2), Some(true))
    );
    assert_eq!(second["offer"]["placement_id"].as_i64(), Some(p1));

    // past the deadline the offer cannot be accepted, and the next round records the lapse
    app.advance(3 * DAY);
    let loser = sign_in(&app, loser_email, PASSWORD, loser.account_id).await;
    let (status, body) = call(
        &app,
        &loser,
        Method::POST,
        &answer,
        Some(json!({"answer": "accept"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("deadline"),
        "{body}"
    );
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        coordinator.account_id,
    )
    .await;
    let (status, run3) = call(&app, &coordinator, Method::POST, &runs, None).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        (run3["round"].as_i64(), run3["candidates"].as_u64()),
        (Some(3), Some(0))
    );
    let (_, lapsed) = call(&app, &loser, Method::GET, &outcome_path, None).await;
    assert_eq!(lapsed["status"], "expired");
    app.stop().await.expect("stop");
}

#[tokio::test]
async fn only_coordinators_reach_the_offer_rounds() {
    let app = TestApp::spawn().await;
    let (session, [(_, unit1), _]) = two_placement_session(&app).await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(&app, "rev@nato.example", "reviewer", &[&unit1]).await;
    let administrator = staff(&app, "admin@nato.example", "administrator", &[]).await;
    let candidate = common::candidates::candidate(&app, "cand@example.org").await;
    let base = format!("/api/v1/office/sessions/{session}/allocation");
    for who in [&reviewer, &administrator, &candidate] {
        for (method, path) in [
            (Method::GET, base.clone()),
            (Method::POST, format!("{base}/runs")),
            (Method::GET, format!("{base}/runs/1")),
            (Method::GET, format!("{base}/runs/1/instance")),
            (Method::POST, format!("{base}/runs/1/publish")),
            (
                Method::GET,
                format!("/office/sessions/{session}/allocation"),
            ),
        ] {
            let (status, _) = call(&app, who, method.clone(), &path, Some(json!({}))).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}");
        }
    }
    let page = coordinator
        .client
        .get(app.url(&format!("/office/sessions/{session}/allocation")))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(
        html.contains("Close ranking") && html.contains("Run round 1"),
        "{html}"
    );
    app.stop().await.expect("stop");
}
