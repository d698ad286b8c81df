//! Staff accounts and the audit log: invitations by e-mail, and administrators browsing,
//! filtering and exporting the log.

use crate::common;

use common::candidates::Candidate;
use common::office::staff;
use common::office_world::{call, page, world};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

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
