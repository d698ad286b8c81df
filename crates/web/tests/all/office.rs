//! The back-office API: who may reach what (every route × every role and scope), blind
//! review, the screening list's filters, facets and full text, bulk decisions that notify
//! the candidate and are audited, what each role's pages show, and a list that follows
//! changes.

use crate::common;

use common::candidates::Candidate;
use common::office::{
    open_session, placements, sent_before_its_cv_is_read, staff, submitted, Applicant,
};
use common::office_world::{call, facet, page, world, ANA};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test]
async fn every_office_route_checks_the_role_and_the_scope() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let administrator = staff(app, "admin@nato.example", "administrator", &[]).await;
    let reviewer_a = staff(app, "rev.a@nato.example", "reviewer", &[&w.unit_a]).await;
    let reviewer_b = staff(app, "rev.b@nato.example", "reviewer", &[&w.unit_b]).await;
    let supervisor = staff(app, "sup@nato.example", "supervisor", &[]).await;
    let candidate = &w.ben.0;
    let list = format!("/api/v1/office/sessions/{}/applications", w.session);
    let export = format!("{list}/export");
    let ana_path = format!("/api/v1/office/applications/{}", w.ana.1);
    let ben_path = format!("/api/v1/office/applications/{}", w.ben.1);
    let ana_reviews = format!("{ana_path}/reviews");
    let ana_eligibility = format!("{ana_path}/eligibility");
    let ana_review = format!("{ana_path}/review");
    let clo_conflict = format!("/api/v1/office/applications/{}/conflict", w.clo.1);
    let placement_a = placements(app, w.session)
        .await
        .into_iter()
        .find(|(_, u)| *u == w.unit_a)
        .expect("a placement of unit A")
        .0;
    let ranking = format!("/api/v1/office/placements/{placement_a}/ranking");
    let close = format!("/api/v1/office/sessions/{}/ranking/close", w.session);
    let decide = "/api/v1/office/applications/decisions";
    let allocation = format!("/api/v1/office/sessions/{}/allocation", w.session);
    let caps = format!("{allocation}/caps");
    let runs = format!("{allocation}/runs");
    let no_run = format!("{runs}/999999");
    let assign = format!("/api/v1/office/sessions/{}/assignments", w.session);
    let staff_path = "/api/v1/office/staff";
    let scores =
        json!({"scores": {"motivation": 3, "education": 3, "languages": 3, "experience": 3}});

    let internships = format!("/api/v1/office/sessions/{}/internships", w.session);
    let ana_internship = format!("/api/v1/office/internships/{}", w.ana.1);
    let who: [(&str, Option<&Candidate>); 7] = [
        ("anonymous", None),
        ("candidate", Some(candidate)),
        ("reviewer of A", Some(&reviewer_a)),
        ("reviewer of B", Some(&reviewer_b)),
        ("coordinator", Some(&coordinator)),
        ("administrator", Some(&administrator)),
        ("supervisor", Some(&supervisor)),
    ];
    // Every back-office route, in an order where the state changes do not hide later
    // rows; columns as in `who`.
    let routes: Vec<(Method, &str, Option<Value>, [u16; 7])> = vec![
        (
            Method::GET,
            &list,
            None,
            [401, 404, 200, 200, 200, 404, 404],
        ),
        (
            Method::GET,
            &ana_path,
            None,
            [401, 404, 200, 404, 200, 404, 404],
        ),
        (
            Method::GET,
            &ben_path,
            None,
            [401, 404, 404, 200, 200, 404, 404],
        ),
        (
            Method::GET,
            &export,
            None,
            [401, 404, 404, 404, 200, 404, 404],
        ),
        // reopening a submitted application changes nothing: a harmless decision
        (
            Method::POST,
            decide,
            Some(json!({"ids": [w.clo.1], "decision": "reopen", "reason": "matrix"})),
            [401, 404, 404, 404, 200, 404, 404],
        ),
        (
            Method::PUT,
            &ana_review,
            Some(scores),
            [401, 404, 204, 404, 404, 404, 404],
        ),
        (
            Method::GET,
            &ana_reviews,
            None,
            [401, 404, 200, 404, 200, 404, 404],
        ),
        (
            Method::GET,
            &ranking,
            None,
            [401, 404, 200, 404, 200, 404, 404],
        ),
        (
            Method::PUT,
            &ranking,
            Some(json!({"groups": []})),
            [401, 404, 200, 404, 404, 404, 404],
        ),
        (
            Method::GET,
            staff_path,
            None,
            [401, 404, 404, 404, 200, 200, 404],
        ),
        // a refused role: allowed callers get 422, others 404
        (
            Method::POST,
            staff_path,
            Some(json!({"email": "x@nato.example", "role": "candidate"})),
            [401, 404, 404, 404, 422, 422, 404],
        ),
        (
            Method::POST,
            &clo_conflict,
            Some(json!({"reason": "I know her"})),
            [401, 404, 204, 404, 404, 404, 404],
        ),
        (
            Method::GET,
            &allocation,
            None,
            [401, 404, 404, 404, 200, 404, 404],
        ),
        (
            Method::PUT,
            &caps,
            Some(json!({"caps": []})),
            [401, 404, 404, 404, 204, 404, 404],
        ),
        // the window is open: a coordinator is told so, everyone else sees nothing
        (
            Method::POST,
            &runs,
            Some(json!({})),
            [401, 404, 404, 404, 409, 404, 404],
        ),
        (
            Method::GET,
            &no_run,
            None,
            [401, 404, 404, 404, 404, 404, 404],
        ),
        (
            Method::POST,
            &assign,
            None,
            [401, 404, 404, 404, 200, 404, 404],
        ),
        // Ana met the rules: allowed callers are refused with 409, others get 404
        (
            Method::POST,
            &ana_eligibility,
            Some(json!({"justification": "matrix"})),
            [401, 404, 404, 404, 409, 404, 404],
        ),
        (
            Method::GET,
            "/api/v1/office/audit",
            None,
            [401, 404, 404, 404, 404, 200, 404],
        ),
        (
            Method::GET,
            "/api/v1/office/audit/export",
            None,
            [401, 404, 404, 404, 404, 200, 404],
        ),
        // a supervisor lists their own interns (none here); an application that is not
        // an internship is nobody's internship
        (
            Method::GET,
            &internships,
            None,
            [401, 404, 404, 404, 200, 404, 200],
        ),
        (
            Method::GET,
            &ana_internship,
            None,
            [401, 404, 404, 404, 404, 404, 404],
        ),
        (
            Method::PUT,
            &ana_internship,
            Some(json!({"start": "2028-03-01", "end": "2028-08-31"})),
            [401, 404, 404, 404, 404, 404, 404],
        ),
        (
            Method::POST,
            &close,
            None,
            [401, 404, 404, 404, 204, 404, 404],
        ),
    ];
    for (method, path, body, row) in routes {
        for ((name, person), status) in who.iter().zip(row) {
            let (got, text) = call(app, *person, method.clone(), path, body.clone()).await;
            assert_eq!(got.as_u16(), status, "{name} {method} {path}: {text}");
        }
    }
    // a reviewer's list holds only their unit's applications
    let (_, text) = call(app, Some(&reviewer_b), Method::GET, &list, None).await;
    let page: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(page["total"], 1);
    assert_eq!(page["applications"][0]["id"], w.ben.1);
    // writes need the CSRF token, even for a coordinator
    let no_csrf = coordinator
        .client
        .post(app.url(decide))
        .json(&json!({"ids": [w.clo.1], "decision": "shortlist", "reason": "x"}))
        .send()
        .await
        .expect("post");
    assert_eq!(no_csrf.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_reviewer_sees_nothing_that_identifies_the_candidate() {
    let w = world().await;
    let app = &w.app;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let list = format!("/api/v1/office/sessions/{}/applications", w.session);
    let one = format!("/api/v1/office/applications/{}", w.ana.1);
    let identifying = [
        "Ana",
        "Popescu",
        "ana.popescu",
        "2001-05-04",
        "\"RO\"",
        "Clothilde",
        "Martin",
        "1999-02-14",
        "\"FR\"",
        ".pdf",
        "nationalit",
        "female",
        "gender",
    ];
    for path in [&list, &one] {
        let (status, text) = call(app, Some(&reviewer), Method::GET, path, None).await;
        assert_eq!(status, StatusCode::OK, "{text}");
        for needle in identifying {
            assert!(
                !text.contains(needle),
                "{needle} in the reviewer's {path}: {text}"
            );
        }
        assert!(
            text.contains("cyberdéfense") || path == &list,
            "the motivation is there"
        );
        assert!(
            text.contains("La Haye") == (path == &one),
            "the CV's text on the application only: {text}"
        );
        // the coordinator sees who it is
        let (_, sighted) = call(app, Some(&coordinator), Method::GET, path, None).await;
        assert!(sighted.contains("Popescu"), "{sighted}");
    }
    // the reviewer's CV text has the identifying words blacked out, the coordinator's not
    let (_, blind) = call(app, Some(&reviewer), Method::GET, &one, None).await;
    let blind: Value = serde_json::from_str(&blind).expect("JSON");
    assert_eq!(
        blind["cv_text"],
        "█████ █████\n█████ - █████\nStage: Cour pénale internationale, La Haye"
    );
    let (_, sighted) = call(app, Some(&coordinator), Method::GET, &one, None).await;
    let sighted: Value = serde_json::from_str(&sighted).expect("JSON");
    assert!(
        sighted["cv_text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Ana Popescu\nana.popescu@example.org")),
        "{sighted}"
    );
}

#[tokio::test]
async fn the_list_filters_counts_and_searches() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let list = |query: &str| format!("/api/v1/office/sessions/{}/applications?{query}", w.session);
    let get = |query: String| {
        let coordinator = &coordinator;
        async move {
            let (status, text) = call(app, Some(coordinator), Method::GET, &query, None).await;
            assert_eq!(status, StatusCode::OK, "{query}: {text}");
            serde_json::from_str::<Value>(&text).expect("JSON")
        }
    };
    let ids = |page: &Value| -> Vec<i64> {
        let mut ids: Vec<i64> = page["applications"]
            .as_array()
            .expect("array")
            .iter()
            .map(|a| a["id"].as_i64().expect("id"))
            .collect();
        ids.sort();
        ids
    };
    let all = get(list("")).await;
    assert_eq!(all["total"], 3);
    assert_eq!(
        facet(&all, "nationality"),
        [("DE".into(), 1), ("FR".into(), 1), ("RO".into(), 1)]
    );
    assert_eq!(
        facet(&all, "field"),
        [("computer_science".into(), 1), ("law".into(), 2)]
    );

    let law = get(list("field=law")).await;
    assert_eq!(ids(&law), [w.ana.1, w.clo.1]);
    // a facet counts with the other filters, not its own
    assert_eq!(
        facet(&law, "field"),
        [("computer_science".into(), 1), ("law".into(), 2)]
    );
    assert_eq!(
        facet(&law, "nationality"),
        [("FR".into(), 1), ("RO".into(), 1)]
    );

    assert_eq!(ids(&get(list("language=fr:C1")).await), [w.clo.1]);
    assert_eq!(ids(&get(list("language=en")).await).len(), 3);
    assert_eq!(
        ids(&get(list(&format!("unit={}", w.unit_b))).await),
        [w.ben.1]
    );
    // full text, accents and language ignored
    assert_eq!(ids(&get(list("q=reseaux")).await), [w.clo.1]);
    assert_eq!(ids(&get(list("q=networks")).await), [w.ben.1]);
    assert_eq!(ids(&get(list("q=cyberdefense+droit")).await), [w.ana.1]);
    // and over the text of the CVs, alone or with the motivation's words
    assert_eq!(ids(&get(list("q=haye")).await), [w.ana.1]);
    assert_eq!(ids(&get(list("q=penale+cyberdefense")).await), [w.ana.1]);
    assert_eq!(ids(&get(list("q=kubernetes")).await), [w.ben.1]);
    assert!(ids(&get(list("q=kubernetes&field=law")).await).is_empty());
    // pages
    let first = get(list("per_page=2&sort=id")).await;
    assert_eq!(ids(&first), [w.ana.1, w.ben.1]);
    let second = get(list("per_page=2&sort=id&page=2")).await;
    assert_eq!(ids(&second), [w.clo.1]);
    // bad filters are named
    for bad in [
        "status=maybe",
        "per_page=0",
        "eligible=perhaps",
        "sort=name",
    ] {
        let (status, text) = call(app, Some(&coordinator), Method::GET, &list(bad), None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {text}");
        let field = bad.split('=').next().expect("name");
        assert!(text.contains(&format!("\"field\":\"{field}\"")), "{text}");
    }
}

#[tokio::test]
async fn decisions_change_the_status_tell_the_candidate_and_are_audited() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let decide = |body: Value| {
        let coordinator = &coordinator;
        async move {
            call(
                app,
                Some(coordinator),
                Method::POST,
                "/api/v1/office/applications/decisions",
                Some(body),
            )
            .await
        }
    };
    let (status, text) = decide(json!({"ids": [w.ana.1, w.clo.1], "decision": "shortlist", "reason": "Strong legal profile"})).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let outcome: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(outcome["changed"], json!([w.ana.1, w.clo.1]));

    // Ben withdraws; rejecting him is then refused, with why
    let withdraw = w
        .ben
        .0
        .client
        .post(app.url(&format!(
            "/api/v1/sessions/{}/application/withdraw",
            w.session
        )))
        .header("x-csrf-token", &w.ben.0.csrf)
        .send()
        .await
        .expect("withdraw");
    assert_eq!(withdraw.status(), StatusCode::OK);
    let (_, text) =
        decide(json!({"ids": [w.ben.1, w.ana.1], "decision": "shortlist", "reason": "again"}))
            .await;
    let outcome: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(outcome["changed"], json!([]));
    let refused = outcome["refused"].as_array().expect("refused");
    assert!(
        refused[0]["message"]
            .as_str()
            .expect("text")
            .contains("withdrew"),
        "{outcome}"
    );
    assert!(
        refused[1]["message"]
            .as_str()
            .expect("text")
            .contains("already"),
        "{outcome}"
    );

    // no reason, unknown decision: named
    let (status, text) =
        decide(json!({"ids": [w.ana.1], "decision": "reject", "reason": "  "})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("\"field\":\"reason\""), "{text}");
    let (status, text) =
        decide(json!({"ids": [w.ana.1], "decision": "promote", "reason": "x"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("\"field\":\"decision\""), "{text}");

    // the candidate sees the new status and got an e-mail with the reason, in French
    // (Ana registered with a French browser? no: in the default language, English)
    let (_, mine) = call(
        app,
        Some(&w.ana.0),
        Method::GET,
        &format!("/api/v1/sessions/{}/application", w.session),
        None,
    )
    .await;
    let mine: Value = serde_json::from_str(&mine).expect("JSON");
    assert_eq!(mine["status"], "shortlisted");
    let mails = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox");
    let to_ana: Vec<_> = mails.iter().filter(|m| m.to == ANA.email).collect();
    let last = to_ana.last().expect("a mail to Ana");
    assert!(
        last.body_text.contains("Strong legal profile"),
        "{}",
        last.body_text
    );
    assert!(last.subject.contains("shortlisted"), "{}", last.subject);

    // the audit log holds the views and the decisions, and its chain is intact
    let report = app.store.verify_audit().await.expect("verify");
    assert!(report.is_intact(), "{:?}", report.problems);
    let entries = app.store.audit_entries(0, 100).await.expect("entries");
    let decisions: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "application.status")
        .collect();
    assert_eq!(decisions.len(), 2);
    assert_eq!(decisions[0].subject, format!("application:{}", w.ana.1));
    assert!(decisions[0].actor.contains("coord@nato.example"));
    assert!(decisions[0].detail.contains("Strong legal profile"));
}

#[tokio::test]
async fn the_office_pages_show_each_role_what_it_may_see() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_b]).await;
    let administrator = staff(app, "admin@nato.example", "administrator", &[]).await;
    let supervisor = staff(app, "sup@nato.example", "supervisor", &[]).await;
    let list = format!("/office/sessions/{}/applications", w.session);
    let ana = format!("/office/applications/{}", w.ana.1);
    let ben = format!("/office/applications/{}", w.ben.1);

    let (status, html) = page(app, &coordinator, "/office").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&list), "a link to the session's list: {html}");
    let (status, html) = page(app, &coordinator, &format!("{list}?field=law")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("2 candidatures correspondent."), "{html}");
    assert!(html.contains("Popescu") && html.contains("Martin") && !html.contains("Okafor"));
    assert!(html.contains("name=\"csrf_token\""), "the bulk form");

    let (status, html) = page(app, &reviewer, &list).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Une candidature correspond."), "{html}");
    for needle in [
        "Okafor",
        "Benedikt",
        "ben.okafor",
        "2000-11-23",
        "DE",
        "csrf_token\" value=\"x",
    ] {
        assert!(!html.contains(needle), "{needle} in the reviewer's page");
    }
    assert!(
        !html.contains("name=\"decision\""),
        "reviewers do not decide"
    );
    let (status, html) = page(app, &reviewer, &ben).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("network security") && !html.contains("Okafor"),
        "{html}"
    );
    assert_eq!(
        page(app, &reviewer, &ana).await.0,
        StatusCode::NOT_FOUND,
        "not their unit"
    );
    assert_eq!(
        page(app, &administrator, &list).await.0,
        StatusCode::NOT_FOUND
    );
    for path in [&list, &ana, &ben] {
        assert_eq!(
            page(app, &supervisor, path).await.0,
            StatusCode::NOT_FOUND,
            "a supervisor reads no application: {path}"
        );
    }
    let (status, html) = page(app, &supervisor, "/office").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !html.contains(&list),
        "no session list for a supervisor: {html}"
    );
    assert_eq!(
        page(app, &w.ana.0, "/office").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(page(app, &w.ana.0, &ana).await.0, StatusCode::NOT_FOUND);

    // the bulk form: refused without the CSRF token, then shortlists and comes back
    let form = |csrf: &str| {
        vec![
            ("csrf_token".to_owned(), csrf.to_owned()),
            ("id".to_owned(), w.ana.1.to_string()),
            ("id".to_owned(), w.clo.1.to_string()),
            ("decision".to_owned(), "shortlist".to_owned()),
            ("reason".to_owned(), "Profil juridique solide".to_owned()),
        ]
    };
    let post = |csrf: String| {
        let coordinator = &coordinator;
        let path = format!("{list}/decisions?field=law");
        async move {
            coordinator
                .client
                .post(app.url(&path))
                .header("accept-language", "fr")
                .form(&form(&csrf))
                .send()
                .await
                .expect("post")
        }
    };
    assert_eq!(post("wrong".into()).await.status(), StatusCode::FORBIDDEN);
    let done = post(coordinator.csrf.clone()).await;
    assert_eq!(done.status(), StatusCode::OK, "followed back to the list");
    assert!(done.url().as_str().contains("field=law"), "{}", done.url());
    let html = done.text().await.expect("html");
    assert!(html.contains("2 modifiée(s), 0 inchangée(s)."), "{html}");
    let (_, html) = page(app, &coordinator, &format!("{list}?status=shortlisted")).await;
    assert!(html.contains("2 candidatures correspondent."), "{html}");
}

/// The sandbox's child of the tests, started a second late: the CV's text is read after
/// the application has been sent, as on a busy deadline day.
fn slow_sandbox() -> cohort_web::ChildCommand {
    let child = common::sandbox_child();
    cohort_web::ChildCommand {
        program: "/bin/sh".into(),
        args: vec![
            "-c".into(),
            "/bin/sleep 1 && exec \"$0\" \"$@\"".into(),
            child.program.into_os_string(),
        ],
    }
}

#[tokio::test]
async fn a_cv_read_after_its_application_was_sent_is_found_by_its_text() {
    let app = common::TestApp::spawn_configured(None, |s| s.sandbox = slow_sandbox()).await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let search = |word: &str| format!("/api/v1/office/sessions/{session}/applications?q={word}");
    let ids = |text: &str| -> Vec<i64> {
        let page: Value = serde_json::from_str(text).expect("JSON");
        page["applications"]
            .as_array()
            .expect("array")
            .iter()
            .map(|a| a["id"].as_i64().expect("id"))
            .collect()
    };
    let eve = Applicant {
        email: "eve@example.org",
        motivation: "Passionnée d'astronomie et de satellites.",
        cv: &["Observatoire de Paris, 2024"],
        ..ANA
    };
    let (_, eve_id) = sent_before_its_cv_is_read(&app, session, &eve, &[offered[0].0]).await;
    // the office's list holds the application (found by its motivation) before its CV's
    // text is in
    let (_, found) = call(
        &app,
        Some(&coordinator),
        Method::GET,
        &search("satellites"),
        None,
    )
    .await;
    assert_eq!(ids(&found), [eve_id]);
    let unread = app.store.cvs_to_read().await.expect("count");
    let (_, early) = call(
        &app,
        Some(&coordinator),
        Method::GET,
        &search("observatoire"),
        None,
    )
    .await;
    if unread == 1 && app.store.cvs_to_read().await.expect("count") == 1 {
        assert_eq!(ids(&early), Vec::<i64>::new(), "not read yet");
    }
    app.cv_texts_read().await;
    let (_, found) = call(
        &app,
        Some(&coordinator),
        Method::GET,
        &search("observatoire"),
        None,
    )
    .await;
    assert_eq!(ids(&found), [eve_id], "the list learnt the CV's text");
    let (_, one) = call(
        &app,
        Some(&coordinator),
        Method::GET,
        &format!("/api/v1/office/applications/{eve_id}"),
        None,
    )
    .await;
    assert!(one.contains("Observatoire de Paris"), "{one}");
}

#[tokio::test]
async fn the_list_follows_new_applications_decisions_and_deleted_accounts() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let list = |query: &str| format!("/api/v1/office/sessions/{}/applications?{query}", w.session);
    let ids = |text: &str| -> Vec<i64> {
        let page: Value = serde_json::from_str(text).expect("JSON");
        let mut ids: Vec<i64> = page["applications"]
            .as_array()
            .expect("array")
            .iter()
            .map(|a| a["id"].as_i64().expect("id"))
            .collect();
        ids.sort();
        ids
    };
    let (_, before) = call(app, Some(&coordinator), Method::GET, &list("sort=id"), None).await;
    assert_eq!(ids(&before), [w.ana.1, w.ben.1, w.clo.1]);

    // a new application, searched by a word only it has
    let offered = placements(app, w.session).await;
    let eve = Applicant {
        email: "eve@example.org",
        motivation: "Passionnée d'astronomie et de satellites.",
        cv: &["Observatoire de Paris, 2024"],
        ..ANA
    };
    let (_, eve_id) = submitted(app, w.session, &eve, &[offered[0].0]).await;
    let (_, found) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &list("q=satellites"),
        None,
    )
    .await;
    assert_eq!(ids(&found), [eve_id]);
    let (_, found) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &list("q=observatoire"),
        None,
    )
    .await;
    assert_eq!(ids(&found), [eve_id], "its CV is indexed too");
    let (_, newest) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &list("per_page=1"),
        None,
    )
    .await;
    assert_eq!(ids(&newest), [eve_id], "the most recent first");

    // a decision moves it between facets
    call(
        app,
        Some(&coordinator),
        Method::POST,
        "/api/v1/office/applications/decisions",
        Some(json!({"ids": [eve_id], "decision": "reject", "reason": "x"})),
    )
    .await;
    let (_, rejected) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &list("status=rejected"),
        None,
    )
    .await;
    assert_eq!(ids(&rejected), [eve_id]);

    // a deleted account takes its application out of the list
    let gone = w
        .ben
        .0
        .client
        .delete(app.url("/api/v1/me"))
        .header("x-csrf-token", &w.ben.0.csrf)
        .send()
        .await
        .expect("delete");
    assert!(gone.status().is_success(), "{}", gone.status());
    let (_, after) = call(app, Some(&coordinator), Method::GET, &list("sort=id"), None).await;
    assert_eq!(ids(&after), [w.ana.1, w.clo.1, eve_id]);
    assert!(!after.contains("Okafor"));
}
