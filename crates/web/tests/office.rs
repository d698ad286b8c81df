//! The back-office API: who may reach what (every route × every role and scope), blind
//! review, the screening list's filters, facets and full text, and bulk decisions that
//! notify the candidate and are audited.

mod common;

use common::candidates::Candidate;
use common::office::{open_session, placements, staff, submitted, Applicant};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const ANA: Applicant<'static> = Applicant {
    email: "ana.popescu@example.org",
    given_names: "Ana",
    family_name: "Popescu",
    birth_date: "2001-05-04",
    nationality: "RO",
    field: "law",
    languages: &[("en", "C1"), ("fr", "B2")],
    motivation: "J'ai étudié le droit international et la cyberdéfense.",
    cv: &[
        "Ana Popescu",
        "ana.popescu@example.org - 2001-05-04",
        "Stage: Cour pénale internationale, La Haye",
    ],
};
const BEN: Applicant<'static> = Applicant {
    email: "ben.okafor@example.org",
    given_names: "Benedikt",
    family_name: "Okafor",
    birth_date: "2000-11-23",
    nationality: "DE",
    field: "computer_science",
    languages: &[("en", "B2")],
    motivation: "I studied network security and cryptography.",
    cv: &["Benedikt Okafor", "Skills: Kubernetes, penetration testing"],
};
const CLO: Applicant<'static> = Applicant {
    email: "clothilde.martin@example.org",
    given_names: "Clothilde",
    family_name: "Martin",
    birth_date: "1999-02-14",
    nationality: "FR",
    field: "law",
    languages: &[("fr", "C2"), ("en", "C1")],
    motivation: "Juriste, je souhaite travailler sur les réseaux de partenariats.",
    cv: &[],
};

/// Two units of the demo session, a placement in each, and applications: Ana and Clothilde
/// chose a placement of unit A, Ben one of unit B.
struct World {
    app: TestApp,
    session: i64,
    unit_a: String,
    unit_b: String,
    ana: (Candidate, i64),
    ben: (Candidate, i64),
    clo: (Candidate, i64),
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let (a, unit_a) = offered[0].clone();
    let (b, unit_b) = offered
        .iter()
        .find(|(_, u)| *u != unit_a)
        .cloned()
        .expect("two units");
    let ana = submitted(&app, session, &ANA, &[a]).await;
    let ben = submitted(&app, session, &BEN, &[b]).await;
    let clo = submitted(&app, session, &CLO, &[a]).await;
    World {
        app,
        session,
        unit_a,
        unit_b,
        ana,
        ben,
        clo,
    }
}

async fn call(
    app: &TestApp,
    who: Option<&Candidate>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    let client = who.map_or_else(reqwest::Client::new, |w| w.client.clone());
    let mut request = client
        .request(method, app.url(path))
        .header("accept-language", "en");
    if let Some(w) = who {
        request = request.header("x-csrf-token", &w.csrf);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    (response.status(), response.text().await.expect("body"))
}

#[tokio::test]
async fn every_office_route_checks_the_role_and_the_scope() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let administrator = staff(app, "admin@nato.example", "administrator", &[]).await;
    let reviewer_a = staff(app, "rev.a@nato.example", "reviewer", &[&w.unit_a]).await;
    let reviewer_b = staff(app, "rev.b@nato.example", "reviewer", &[&w.unit_b]).await;
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

    let who: [(&str, Option<&Candidate>); 6] = [
        ("anonymous", None),
        ("candidate", Some(candidate)),
        ("reviewer of A", Some(&reviewer_a)),
        ("reviewer of B", Some(&reviewer_b)),
        ("coordinator", Some(&coordinator)),
        ("administrator", Some(&administrator)),
    ];
    // Every back-office route, in an order where the state changes do not hide later
    // rows; columns as in `who`.
    let routes: Vec<(Method, &str, Option<Value>, [u16; 6])> = vec![
        (Method::GET, &list, None, [401, 404, 200, 200, 200, 404]),
        (Method::GET, &ana_path, None, [401, 404, 200, 404, 200, 404]),
        (Method::GET, &ben_path, None, [401, 404, 404, 200, 200, 404]),
        (Method::GET, &export, None, [401, 404, 404, 404, 200, 404]),
        // reopening a submitted application changes nothing: a harmless decision
        (
            Method::POST,
            decide,
            Some(json!({"ids": [w.clo.1], "decision": "reopen", "reason": "matrix"})),
            [401, 404, 404, 404, 200, 404],
        ),
        (
            Method::PUT,
            &ana_review,
            Some(scores),
            [401, 404, 204, 404, 404, 404],
        ),
        (
            Method::GET,
            &ana_reviews,
            None,
            [401, 404, 200, 404, 200, 404],
        ),
        (Method::GET, &ranking, None, [401, 404, 200, 404, 200, 404]),
        (
            Method::PUT,
            &ranking,
            Some(json!({"groups": []})),
            [401, 404, 200, 404, 404, 404],
        ),
        (
            Method::GET,
            staff_path,
            None,
            [401, 404, 404, 404, 200, 200],
        ),
        // a refused role: allowed callers get 422, others 404
        (
            Method::POST,
            staff_path,
            Some(json!({"email": "x@nato.example", "role": "candidate"})),
            [401, 404, 404, 404, 422, 422],
        ),
        (
            Method::POST,
            &clo_conflict,
            Some(json!({"reason": "I know her"})),
            [401, 404, 204, 404, 404, 404],
        ),
        (
            Method::GET,
            &allocation,
            None,
            [401, 404, 404, 404, 200, 404],
        ),
        (
            Method::PUT,
            &caps,
            Some(json!({"caps": []})),
            [401, 404, 404, 404, 204, 404],
        ),
        // the window is open: a coordinator is told so, everyone else sees nothing
        (
            Method::POST,
            &runs,
            Some(json!({})),
            [401, 404, 404, 404, 409, 404],
        ),
        (Method::GET, &no_run, None, [401, 404, 404, 404, 404, 404]),
        (Method::POST, &assign, None, [401, 404, 404, 404, 200, 404]),
        // Ana met the rules: allowed callers are refused with 409, others get 404
        (
            Method::POST,
            &ana_eligibility,
            Some(json!({"justification": "matrix"})),
            [401, 404, 404, 404, 409, 404],
        ),
        (
            Method::GET,
            "/api/v1/office/audit",
            None,
            [401, 404, 404, 404, 404, 200],
        ),
        (
            Method::GET,
            "/api/v1/office/audit/export",
            None,
            [401, 404, 404, 404, 404, 200],
        ),
        (Method::POST, &close, None, [401, 404, 404, 404, 204, 404]),
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

fn facet(page: &Value, name: &str) -> Vec<(String, u64)> {
    page["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("facet {name} in {page}"))
        .iter()
        .map(|f| {
            (
                f["value"].as_str().expect("value").to_owned(),
                f["count"].as_u64().expect("count"),
            )
        })
        .collect()
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

async fn page(app: &TestApp, who: &Candidate, path: &str) -> (StatusCode, String) {
    let response = who
        .client
        .get(app.url(path))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("get");
    (response.status(), response.text().await.expect("html"))
}

#[tokio::test]
async fn the_office_pages_show_each_role_what_it_may_see() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_b]).await;
    let administrator = staff(app, "admin@nato.example", "administrator", &[]).await;
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

#[tokio::test]
async fn exports_follow_the_filters_and_neutralise_formulas() {
    let w = world().await;
    let app = &w.app;
    let offered = placements(app, w.session).await;
    let trap = Applicant {
        email: "formula@example.org",
        given_names: "=HYPERLINK(\"http://evil.example\";\"x\")",
        family_name: "Piège",
        motivation: "-1+2; « guillemets » et \"citations\"",
        ..ANA
    };
    let (_, trap_id) = submitted(app, w.session, &trap, &[offered[0].0]).await;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    let base = format!("/api/v1/office/sessions/{}/applications/export", w.session);

    let response = coordinator
        .client
        .get(app.url(&format!("{base}?field=law")))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("csv");
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        disposition.starts_with("attachment;") && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let bytes = response.bytes().await.expect("body");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0].starts_with("Candidature;Statut;"),
        "French header with ';': {}",
        lines[0]
    );
    assert_eq!(
        lines.len(),
        1 + 3,
        "Ana, Clothilde and the trap study law: {text}"
    );
    let trap_line = lines
        .iter()
        .find(|l| l.starts_with(&trap_id.to_string()))
        .expect("the trap's row");
    assert!(
        trap_line.contains(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\") Piège\";"),
        "{trap_line}"
    );
    assert!(!trap_line.contains(";=HYPERLINK"), "{trap_line}");
    assert!(
        trap_line.contains("\"'-1+2; « guillemets » et \"\"citations\"\"\""),
        "{trap_line}"
    );

    let english = coordinator
        .client
        .get(app.url(&base))
        .header("accept-language", "en")
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    assert!(
        english
            .trim_start_matches('\u{feff}')
            .starts_with("Application,Status,"),
        "{english}"
    );

    let xlsx = coordinator
        .client
        .get(app.url(&format!("{base}?format=xlsx&field=law")))
        .send()
        .await
        .expect("xlsx");
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.expect("body");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX is a zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("xl/worksheets/sheet1.xml")
            .expect("the sheet"),
        &mut sheet,
    )
    .expect("read");
    assert!(
        sheet.contains("&apos;=HYPERLINK") || sheet.contains("'=HYPERLINK"),
        "{sheet}"
    );
    assert!(
        sheet.contains("Popescu") && !sheet.contains("Okafor"),
        "filtered"
    );

    let (status, text) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &format!("{base}?format=pdf"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert_eq!(
        call(app, Some(&reviewer), Method::GET, &base, None).await.0,
        StatusCode::NOT_FOUND
    );
    let audited = app.store.audit_entries(0, 1000).await.expect("audit");
    assert_eq!(
        audited
            .iter()
            .filter(|e| e.action == "applications.export")
            .count(),
        3
    );
}

async fn invite(app: &TestApp, who: &Candidate, body: Value) -> (StatusCode, String) {
    call(
        app,
        Some(who),
        Method::POST,
        "/api/v1/office/staff",
        Some(body),
    )
    .await
}

#[tokio::test]
async fn staff_are_invited_by_mail_and_choose_their_password() {
    let w = world().await;
    let app = &w.app;
    let administrator = staff(app, "admin@nato.example", "administrator", &[]).await;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let (status, text) = invite(
        app,
        &administrator,
        json!({"email": "New.Coord@nato.example", "role": "coordinator", "lang": "fr"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let (status, _) = invite(
        app,
        &coordinator,
        json!({"email": "boss@nato.example", "role": "administrator"}),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a coordinator invites reviewers only"
    );
    let (status, text) = invite(
        app,
        &coordinator,
        json!({"email": "rev@nato.example", "role": "reviewer", "units": [w.unit_a]}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    for (body, field) in [
        (
            json!({"email": "rev@nato.example", "role": "reviewer", "units": [w.unit_a]}),
            "email",
        ),
        (
            json!({"email": "rev2@nato.example", "role": "reviewer"}),
            "units",
        ),
        (
            json!({"email": "rev2@nato.example", "role": "reviewer", "units": ["NOPE"]}),
            "units",
        ),
        (
            json!({"email": "not an address", "role": "reviewer", "units": [w.unit_a]}),
            "email",
        ),
        (
            json!({"email": "c@nato.example", "role": "coordinator", "units": [w.unit_a]}),
            "units",
        ),
    ] {
        let (status, text) = invite(app, &administrator, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {text}");
        assert!(
            text.contains(&format!("\"field\":\"{field}\"")),
            "{body}: {text}"
        );
    }

    // the invitation, in French, carries a link that sets the password once
    let mails = app
        .store
        .pending_mail(i64::MAX / 2, 100)
        .await
        .expect("outbox");
    let mail = mails
        .iter()
        .find(|m| m.to == "New.Coord@nato.example")
        .expect("an invitation");
    assert!(mail.subject.contains("back-office"), "{}", mail.subject);
    assert!(
        mail.body_text.contains("coordinateur"),
        "{}",
        mail.body_text
    );
    let token: String = mail
        .body_text
        .split("/password-reset?token=")
        .nth(1)
        .expect("a link")
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let set = client
        .post(app.url("/api/v1/auth/password-reset"))
        .json(&json!({"token": token, "password": "a brand new office phrase"}))
        .send()
        .await
        .expect("reset");
    assert_eq!(set.status(), StatusCode::OK);
    let login = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "new.coord@nato.example", "password": "a brand new office phrase"}))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    let list = client
        .get(app.url(&format!(
            "/api/v1/office/sessions/{}/applications",
            w.session
        )))
        .send()
        .await
        .expect("list");
    assert_eq!(
        list.status(),
        StatusCode::OK,
        "the new coordinator works at once"
    );

    let (status, text) = call(
        app,
        Some(&administrator),
        Method::GET,
        "/api/v1/office/staff",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let listed: Value = serde_json::from_str(&text).expect("JSON");
    let rev = listed
        .as_array()
        .expect("array")
        .iter()
        .find(|s| s["email"] == "rev@nato.example")
        .expect("the reviewer");
    assert_eq!(rev["role"], "reviewer");
    assert_eq!(rev["units"], json!([w.unit_a]));
    let audited = app.store.audit_entries(0, 1000).await.expect("audit");
    assert_eq!(
        audited
            .iter()
            .filter(|e| e.action == "staff.invite")
            .count(),
        2
    );
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

#[tokio::test]
async fn the_report_draws_charts_with_their_numbers_for_coordinators_only() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    let path = format!("/office/sessions/{}/report", w.session);
    let (status, html) = page(app, &coordinator, &path).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(
        html.matches("<svg class=\"chart\" role=\"img\"").count(),
        7,
        "seven charts"
    );
    assert_eq!(html.matches("<table>").count(), 7, "each with its table");
    // the optional gender question: all three answered "female"
    assert!(
        html.contains("<td>Femme</td><td>3</td><td>100.0 %</td>"),
        "{html}"
    );
    // three sent applications: RO, DE, FR one each; two in law
    assert!(
        html.contains("<td>RO</td><td>1</td><td>33.3 %</td>"),
        "{html}"
    );
    assert!(
        html.contains("<td>law</td><td>2</td><td>66.7 %</td>"),
        "{html}"
    );
    assert!(html.contains("Candidatures par place"));
    assert!(
        html.contains("<td>envoyée</td><td>3</td>"),
        "the funnel: {html}"
    );
    assert_eq!(page(app, &reviewer, &path).await.0, StatusCode::NOT_FOUND);
    assert_eq!(page(app, &w.ana.0, &path).await.0, StatusCode::NOT_FOUND);
    let audited = app.store.audit_entries(0, 1000).await.expect("audit");
    assert!(audited.iter().any(|e| e.action == "report.view"));
}

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

#[tokio::test]
async fn administrators_browse_filter_page_and_export_the_audit_log() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let administrator = staff(app, "admin@nato.example", "administrator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    // 60 views by the coordinator, one entry a spreadsheet would run, one by the system
    for _ in 0..30 {
        for id in [w.ana.1, w.ben.1] {
            let path = format!("/api/v1/office/applications/{id}");
            assert_eq!(
                call(app, Some(&coordinator), Method::GET, &path, None)
                    .await
                    .0,
                200
            );
        }
    }
    let formula = cohort_store::NewAuditEntry {
        actor_id: None,
        actor: "=HYPERLINK(\"http://evil.example\")",
        action: "staff.invite",
        subject: "-1+2",
        detail: "{}",
        address: None,
    };
    app.store
        .audit(&formula, jiff::Timestamp::now().as_millisecond())
        .await
        .expect("append");
    let get = |query: &str| {
        let path = format!("/api/v1/office/audit?{query}");
        let administrator = &administrator;
        async move {
            let (status, text) = call(app, Some(administrator), Method::GET, &path, None).await;
            assert_eq!(status, StatusCode::OK, "{path}: {text}");
            serde_json::from_str::<Value>(&text).expect("JSON")
        }
    };
    let seqs = |page: &Value| -> Vec<i64> {
        page["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["seq"].as_i64().expect("seq"))
            .collect()
    };

    // newest first, 50 a page, then the rest from next_before
    let first = get("").await;
    let first_seqs = seqs(&first);
    assert_eq!(first_seqs.len(), 50);
    assert!(
        first_seqs.windows(2).all(|p| p[0] == p[1] + 1),
        "{first_seqs:?}"
    );
    assert_eq!(first["entries"][0]["actor"], formula.actor);
    let before = first["next_before"].as_i64().expect("more");
    let second = get(&format!("before={before}")).await;
    assert_eq!(seqs(&second)[0], before - 1);

    // filters: by address, by action, by days
    let views = get("actor=coord%40nato.example&action=application.view").await;
    assert_eq!(seqs(&views).len(), 50);
    assert!(views["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .all(|e| e["actor"] == "coord@nato.example (coordinator)"
            && e["action"] == "application.view"));
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date();
    let day = |d: jiff::civil::Date| d.to_string();
    let tomorrow = today.tomorrow().expect("date");
    let yesterday = today.yesterday().expect("date");
    assert_eq!(
        seqs(&get(&format!("from={}", day(tomorrow))).await),
        Vec::<i64>::new()
    );
    assert_eq!(
        seqs(&get(&format!("to={}", day(yesterday))).await),
        Vec::<i64>::new()
    );
    let today_only = get(&format!("from={0}&to={0}&action=staff.invite", day(today))).await;
    assert_eq!(today_only["entries"].as_array().expect("entries").len(), 1);
    let (status, text) = call(
        app,
        Some(&administrator),
        Method::GET,
        "/api/v1/office/audit?from=27/11/2026",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text.contains("\"field\":\"from\""), "{text}");

    // the export, in French: BOM, ';', formulas neutralised, the filters followed
    let response = administrator
        .client
        .get(app.url("/api/v1/office/audit/export?action=staff.invite"))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("csv");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .contains("audit.csv"));
    let bytes = response.bytes().await.expect("body");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "N°;Quand (UTC);Qui;Action;Objet;Détails;Adresse d’origine"
    );
    assert_eq!(lines.len(), 2, "only the filtered entry: {text}");
    assert!(
        lines[1].ends_with(";\"'=HYPERLINK(\"\"http://evil.example\"\")\";staff.invite;'-1+2;{};"),
        "{}",
        lines[1]
    );
    let english = administrator
        .client
        .get(app.url("/api/v1/office/audit/export"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    assert!(english
        .trim_start_matches('\u{feff}')
        .starts_with("No.,When (UTC),Who,"));
    assert!(english.lines().count() > 60, "the whole log, unpaged");

    // looking and exporting are on record; the chain holds
    let views = get("action=audit.view").await;
    assert_eq!(seqs(&views).len(), 6, "{views}");
    let exports = get("action=audit.export").await;
    assert_eq!(seqs(&exports).len(), 2);
    assert!(exports["entries"][1]["detail"]
        .as_str()
        .expect("detail")
        .contains("\"rows\":1"));
    assert!(app.store.verify_audit().await.expect("verify").is_intact());

    // the page: administrators only, in both languages, with the filters and the export
    let (status, html) = page(app, &administrator, "/office/audit?action=staff.invite").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Journal d’audit") && html.contains("=HYPERLINK"),
        "{html}"
    );
    assert!(
        html.contains("href=\"/api/v1/office/audit/export?action=staff.invite\""),
        "{html}"
    );
    let (_, html) = page(app, &administrator, "/office/audit").await;
    assert!(
        html.contains("Entrées plus anciennes") && html.contains("before="),
        "paged"
    );
    let english = administrator
        .client
        .get(app.url("/office/audit"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(english.contains("Audit log") && english.contains("Older entries"));
    let (status, html) = page(app, &administrator, "/office/audit?to=demain").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("AAAA-MM-JJ") && html.contains("href=\"#audit-to\""),
        "{html}"
    );
    for who in [&coordinator, &reviewer, &w.ana.0] {
        assert_eq!(
            page(app, who, "/office/audit").await.0,
            StatusCode::NOT_FOUND
        );
    }
    let (_, home) = page(app, &administrator, "/office").await;
    assert!(home.contains("href=\"/office/audit\""), "{home}");
    let (_, home) = page(app, &coordinator, "/office").await;
    assert!(!home.contains("/office/audit"));
}
