//! Review and ranking over the API: independent reviews against the rubric, the
//! disagreement flag, conflicts of interest, rankings proposed from the scores with ties,
//! reordered by the unit, frozen by the coordinator — each refused to anyone outside the
//! unit's scope.

use crate::common;

use common::api::call;
use common::office::{open_session, placements, staff, submitted, Applicant};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn applicant(email: &'static str, family_name: &'static str) -> Applicant<'static> {
    Applicant {
        email,
        given_names: "Test",
        family_name,
        birth_date: "2001-05-04",
        nationality: "RO",
        field: "law",
        languages: &[("en", "C1")],
        motivation: "Une motivation sincère.",
        cv: &[],
    }
}

fn scores(m: i64, e: i64, l: i64, x: i64) -> Value {
    json!({"scores": {"motivation": m, "education": e, "languages": l, "experience": x}, "comment": "ok"})
}

fn ids(ranking: &Value) -> Vec<Vec<i64>> {
    ranking["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            g.as_array()
                .expect("group")
                .iter()
                .map(|r| r["application_id"].as_i64().expect("id"))
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn units_review_independently_rank_with_ties_and_the_coordinator_freezes_it() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let (pa, unit_a) = offered[0].clone();
    let (pb, unit_b) = offered
        .iter()
        .find(|(_, u)| *u != unit_a)
        .cloned()
        .expect("two units");
    let (_, ana) = submitted(
        &app,
        session,
        &applicant("ana@example.org", "Popescu"),
        &[pa],
    )
    .await;
    let (_, clo) = submitted(
        &app,
        session,
        &applicant("clo@example.org", "Martin"),
        &[pa],
    )
    .await;
    let (_, eve) = submitted(&app, session, &applicant("eve@example.org", "Evans"), &[pa]).await;
    let (_, ben) = submitted(
        &app,
        session,
        &applicant("ben@example.org", "Okafor"),
        &[pb],
    )
    .await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let first = staff(&app, "a1@nato.example", "reviewer", &[&unit_a]).await;
    let second = staff(&app, "a2@nato.example", "reviewer", &[&unit_a]).await;
    let other = staff(&app, "b@nato.example", "reviewer", &[&unit_b]).await;
    let (status, _) = call(&app, &coordinator, Method::POST, "/api/v1/office/applications/decisions", Some(json!({"ids": [ana, clo, eve, ben], "decision": "shortlist", "reason": "Ready for review"}))).await;
    assert_eq!(status, StatusCode::OK);

    let review = |id: i64| format!("/api/v1/office/applications/{id}/review");
    // (5×3+5×2+5+5×2)/8 = 5.0 and (2×3+2×2+2+2×2)/8 = 2.0: far apart
    assert_eq!(
        call(
            &app,
            &first,
            Method::PUT,
            &review(ana),
            Some(scores(5, 5, 5, 5))
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(
            &app,
            &second,
            Method::PUT,
            &review(ana),
            Some(scores(2, 2, 2, 2))
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(
            &app,
            &first,
            Method::PUT,
            &review(clo),
            Some(scores(4, 4, 4, 4))
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(
            &app,
            &first,
            Method::PUT,
            &review(eve),
            Some(scores(4, 4, 4, 4))
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    let (status, body) = call(
        &app,
        &first,
        Method::PUT,
        &review(clo),
        Some(json!({"scores": {"motivation": 4, "education": 9, "languages": 3, "experience": 3}})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "scores.education", "{body}");
    let (status, body) = call(
        &app,
        &first,
        Method::PUT,
        &review(clo),
        Some(json!({"scores": {"motivation": 4}})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        call(
            &app,
            &other,
            Method::PUT,
            &review(ana),
            Some(scores(3, 3, 3, 3))
        )
        .await
        .0,
        StatusCode::NOT_FOUND,
        "not their unit"
    );
    assert_eq!(
        call(
            &app,
            &coordinator,
            Method::PUT,
            &review(ana),
            Some(scores(3, 3, 3, 3))
        )
        .await
        .0,
        StatusCode::NOT_FOUND,
        "coordinators do not review"
    );

    // independence: a reviewer sees their own review only; the coordinator sees both and the flag
    let reviews = format!("/api/v1/office/applications/{ana}/reviews");
    let (_, mine) = call(&app, &first, Method::GET, &reviews, None).await;
    assert_eq!(mine["reviews"].as_array().expect("list").len(), 1);
    assert_eq!(mine["reviews"][0]["by"], "mine");
    assert_eq!(mine["disagreement"], false, "not shown to reviewers");
    let (_, all) = call(&app, &coordinator, Method::GET, &reviews, None).await;
    assert_eq!(all["reviews"].as_array().expect("list").len(), 2);
    assert_eq!(all["disagreement"], true, "{all}");

    // the second reviewer knows Eve: steps aside, and Eve leaves their lists
    let (status, _) = call(
        &app,
        &second,
        Method::POST,
        &format!("/api/v1/office/applications/{eve}/conflict"),
        Some(json!({"reason": "My cousin"})),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        call(
            &app,
            &second,
            Method::PUT,
            &review(eve),
            Some(scores(1, 1, 1, 1))
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );

    // proposed from the mean scores: Clo and Eve tie at 4.0, Ana at 3.5
    let ranking = format!("/api/v1/office/placements/{pa}/ranking");
    let (status, proposed) = call(&app, &first, Method::GET, &ranking, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ids(&proposed), vec![vec![clo, eve], vec![ana]]);
    assert_eq!(proposed["saved"], false);
    assert_eq!(proposed["groups"][1][0]["disagreement"], true);
    assert_eq!(
        call(&app, &other, Method::GET, &ranking, None).await.0,
        StatusCode::NOT_FOUND
    );

    // the unit breaks the tie and puts Ana first
    let (status, saved) = call(
        &app,
        &first,
        Method::PUT,
        &ranking,
        Some(json!({"groups": [[ana], [eve], [clo]]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(ids(&saved), vec![vec![ana], vec![eve], vec![clo]]);
    assert_eq!(saved["saved"], true);
    for bad in [
        json!({"groups": [[ana], [ben]]}),
        json!({"groups": [[ana, ana]]}),
        json!({"groups": [[]]}),
    ] {
        let (status, body) = call(&app, &first, Method::PUT, &ranking, Some(bad.clone())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
    }
    assert_eq!(
        call(
            &app,
            &other,
            Method::PUT,
            &ranking,
            Some(json!({"groups": [[ana]]}))
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );

    // frozen: nothing changes any more
    let close = format!("/api/v1/office/sessions/{session}/ranking/close");
    assert_eq!(
        call(&app, &first, Method::POST, &close, None).await.0,
        StatusCode::NOT_FOUND,
        "reviewers do not close"
    );
    assert_eq!(
        call(&app, &coordinator, Method::POST, &close, None).await.0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        call(&app, &coordinator, Method::POST, &close, None).await.0,
        StatusCode::CONFLICT
    );
    assert_eq!(
        call(
            &app,
            &first,
            Method::PUT,
            &ranking,
            Some(json!({"groups": [[clo]]}))
        )
        .await
        .0,
        StatusCode::CONFLICT
    );
    assert_eq!(
        call(
            &app,
            &first,
            Method::PUT,
            &review(clo),
            Some(scores(1, 1, 1, 1))
        )
        .await
        .0,
        StatusCode::CONFLICT
    );
    let (_, frozen) = call(&app, &coordinator, Method::GET, &ranking, None).await;
    assert_eq!(ids(&frozen), vec![vec![ana], vec![eve], vec![clo]]);
    assert_eq!(frozen["closed"], true);
    assert!(app.store.verify_audit().await.expect("verify").is_intact());
}

#[tokio::test]
async fn each_shortlisted_application_gets_two_reviewers_of_its_units() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let (pa, unit_a) = offered[0].clone();
    let (pb, unit_b) = offered
        .iter()
        .find(|(_, u)| *u != unit_a)
        .cloned()
        .expect("two units");
    let mut ids = Vec::new();
    for (email, name) in [
        ("ana@example.org", "Ana"),
        ("ben@example.org", "Ben"),
        ("cat@example.org", "Cat"),
    ] {
        ids.push(
            submitted(&app, session, &applicant(email, name), &[pa])
                .await
                .1,
        );
    }
    let (_, lone) = submitted(&app, session, &applicant("dan@example.org", "Dan"), &[pb]).await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let first = staff(&app, "rev1@nato.example", "reviewer", &[&unit_a]).await;
    staff(&app, "rev2@nato.example", "reviewer", &[&unit_a]).await;
    staff(&app, "rev3@nato.example", "reviewer", &[&unit_b]).await;
    let mut all = ids.clone();
    all.push(lone);
    let shortlist = json!({"ids": all, "decision": "shortlist", "reason": "ok"});
    call(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/applications/decisions",
        Some(shortlist),
    )
    .await;
    let path = format!("/api/v1/office/sessions/{session}/assignments");
    let (status, body) = call(&app, &coordinator, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // unit A's three applications get both its reviewers; unit B has only one reviewer
    assert_eq!(body["assigned"], 7);
    assert_eq!(body["short"], json!([lone]));
    let (status, again) = call(&app, &coordinator, Method::POST, &path, None).await;
    assert_eq!(
        (status, again["assigned"].as_u64()),
        (StatusCode::OK, Some(0)),
        "nothing twice"
    );
    let (status, _) = call(&app, &first, Method::POST, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "reviewers do not assign");
    // the reviewer's home lists what they were given
    let home = first
        .client
        .get(app.url("/office"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("home")
        .text()
        .await
        .expect("html");
    assert!(home.contains("0 of 3 reviewed"), "{home}");
    for id in &ids {
        assert!(home.contains(&format!("href=\"/office/applications/{id}\"")));
    }
    app.stop().await.expect("stop");
}
