//! Eligibility overrides: a coordinator holds an ineligible application eligible with a
//! written justification; audited; refused to everyone else.

use crate::common;

use common::office::{placements, staff};
use common::office_world::{call, facet, page, world};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// An application that failed the rules at submission (sent before they changed, or
/// imported), written straight to the store: the site itself refuses such a submission.
async fn ineligible(app: &TestApp, session: i64, email: &str, placement: i64) -> i64 {
    let applicant = cohort_store::DemoApplicant {
        email: email.to_owned(),
        lang: "fr",
        profile: r#"{"given_names":"Iara","family_name":"Souza","nationalities":["BR"]}"#.into(),
        eligible: false,
        status: cohort_domain::application::ApplicationStatus::Submitted,
        choices: vec![cohort_domain::session::PlacementId(placement)],
        motivation: "Bolsista em direito internacional.".into(),
        cv_text: String::new(),
        submitted_at: 1_780_000_000_000,
        reviews: Vec::new(),
    };
    app.store
        .insert_demo_batch(
            cohort_domain::session::SessionId(session),
            &[applicant],
            "x",
            1_780_000_000_000,
        )
        .await
        .expect("insert");
    app.store
        .account_by_email(email)
        .await
        .expect("read")
        .map(|account| account.id)
        .expect("account");
    let rows = app
        .store
        .screening_rows(cohort_domain::session::SessionId(session))
        .await
        .expect("rows");
    rows.iter()
        .find(|r| r.email == email)
        .map(|r| r.id)
        .expect("the application")
}

#[tokio::test]
async fn a_coordinator_holds_an_ineligible_application_eligible_with_a_justification() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    let offered = placements(app, w.session).await;
    let placement_a = offered
        .iter()
        .find(|(_, u)| *u == w.unit_a)
        .expect("a placement of unit A")
        .0;
    let iara = ineligible(app, w.session, "iara@example.org", placement_a).await;
    let list = |query: &str| format!("/api/v1/office/sessions/{}/applications?{query}", w.session);
    let ids = |text: &str| -> Vec<i64> {
        let page: Value = serde_json::from_str(text).expect("JSON");
        page["applications"]
            .as_array()
            .expect("array")
            .iter()
            .map(|a| a["id"].as_i64().expect("id"))
            .collect()
    };
    let (_, before) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &list("eligible=no"),
        None,
    )
    .await;
    assert_eq!(ids(&before), [iara]);

    let path = format!("/api/v1/office/applications/{iara}/eligibility");
    let post = |who, justification: String| {
        call(
            app,
            Some(who),
            Method::POST,
            &path,
            Some(json!({ "justification": justification })),
        )
    };
    let (status, _) = post(&reviewer, "Je la connais".into()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "reviewers cannot override");
    for (bad, key) in [
        ("   ", "Write the justification"),
        (&*"x".repeat(2001), "too long"),
    ] {
        let (status, text) = post(&coordinator, bad.to_owned()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        assert!(
            text.contains("\"field\":\"justification\"") && text.contains(key),
            "{text}"
        );
    }
    let (status, text) = post(&coordinator, "x".repeat(2000)).await;
    assert_eq!(
        status,
        StatusCode::NO_CONTENT,
        "2,000 characters are enough: {text}"
    );
    let (status, text) = post(&coordinator, "again".into()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(text.contains("already eligible"), "{text}");

    // the list's eligibility filter and facet follow at once
    let (_, after) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &list("eligible=no"),
        None,
    )
    .await;
    assert_eq!(ids(&after), Vec::<i64>::new());
    let one = format!("/api/v1/office/applications/{iara}");
    let (_, sighted) = call(app, Some(&coordinator), Method::GET, &one, None).await;
    let sighted: Value = serde_json::from_str(&sighted).expect("JSON");
    assert_eq!(sighted["eligible"], true);
    assert_eq!(sighted["eligibility_override"], "x".repeat(2000));
    let (_, blind) = call(app, Some(&reviewer), Method::GET, &one, None).await;
    let blind: Value = serde_json::from_str(&blind).expect("JSON");
    assert_eq!(blind["eligible"], true);
    assert!(blind.get("eligibility_override").is_none(), "{blind}");
    let (_, all) = call(app, Some(&coordinator), Method::GET, &list(""), None).await;
    let all: Value = serde_json::from_str(&all).expect("JSON");
    assert_eq!(facet(&all, "eligible"), [("yes".into(), 4)]);
    let audited = app.store.audit_entries(0, 1000).await.expect("audit");
    let overrides: Vec<_> = audited
        .iter()
        .filter(|e| e.action == "application.eligibility_override")
        .collect();
    assert_eq!(overrides.len(), 1, "refusals change nothing");
    assert_eq!(overrides[0].subject, format!("application:{iara}"));
    assert!(overrides[0].actor.contains("coord@nato.example"));
    assert!(app.store.verify_audit().await.expect("verify").is_intact());

    // through the application's page, in French: the form, then the justification shown
    let second = ineligible(app, w.session, "joao@example.org", placement_a).await;
    let page_path = format!("/office/applications/{second}");
    let (_, html) = page(app, &coordinator, &page_path).await;
    assert!(
        html.contains("Déclarer cette candidature éligible"),
        "{html}"
    );
    let (_, html) = page(app, &reviewer, &page_path).await;
    assert!(
        !html.contains("name=\"justification\""),
        "not for reviewers"
    );
    let (_, html) = page(app, &reviewer, &format!("/office/applications/{iara}")).await;
    assert!(
        html.contains("oui, par dérogation") && !html.contains("xxxx"),
        "reviewers see that it is eligible, not why"
    );
    let (_, html) = page(
        app,
        &coordinator,
        &format!("/office/applications/{}", w.ana.1),
    )
    .await;
    assert!(
        !html.contains("name=\"justification\""),
        "Ana met the rules"
    );
    let form = |csrf: &str, justification: &str| {
        vec![
            ("csrf_token".to_owned(), csrf.to_owned()),
            ("justification".to_owned(), justification.to_owned()),
        ]
    };
    let submit = |fields: Vec<(String, String)>| {
        let coordinator = &coordinator;
        let url = app.url(&format!("{page_path}/eligibility"));
        async move {
            coordinator
                .client
                .post(url)
                .header("accept-language", "fr")
                .form(&fields)
                .send()
                .await
                .expect("post")
        }
    };
    assert_eq!(
        submit(form("wrong", "Équivalence")).await.status(),
        StatusCode::FORBIDDEN
    );
    let blank = submit(form(&coordinator.csrf, " ")).await;
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(blank
        .text()
        .await
        .expect("html")
        .contains("Écrivez la justification"));
    let done = submit(form(&coordinator.csrf, "Diplôme reconnu par équivalence")).await;
    assert_eq!(done.status(), StatusCode::OK, "back on the application");
    let html = done.text().await.expect("html");
    assert!(
        html.contains("oui, par dérogation") && html.contains("Diplôme reconnu par équivalence"),
        "{html}"
    );
    assert!(!html.contains("name=\"justification\""), "once");
}
