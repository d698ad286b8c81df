//! Sessions and placements edited by coordinators over the API: every mistake named (in
//! the caller's language), codes unique, a sheet import that lists every bad row and
//! writes all or nothing (CSV in either separator, XLSX), the window opened and closed
//! now, blind review as a session setting, and a rubric frozen once reviews exist.

use crate::common;

use cohort_domain::session::{SessionFields, SessionId};
use common::api::call_in as call;
use common::candidates::Candidate;
use common::office::{open_session, placements, staff, submitted, Applicant};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn sheet(
    app: &TestApp,
    who: &Candidate,
    session: i64,
    bytes: Vec<u8>,
    dry_run: bool,
) -> (StatusCode, Value) {
    let response = who
        .client
        .post(app.url(&format!(
            "/api/v1/office/sessions/{session}/placements/import?dry_run={dry_run}"
        )))
        .header("accept-language", "en")
        .header("x-csrf-token", &who.csrf)
        .body(bytes)
        .send()
        .await
        .expect("import");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn session_body() -> Value {
    json!({
        "code": "2031-09", "name_en": "Autumn 2031", "name_fr": "Automne 2031",
        "period_start": "2031-09-01", "period_end": "2032-02-29",
        "opens": "2031-01-10T09:00", "closes": "2031-02-15T23:59",
        "time_zone": "Europe/Brussels", "max_choices": 3
    })
}

#[tokio::test]
async fn coordinators_create_edit_and_import_with_every_mistake_named() {
    let app = TestApp::spawn().await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let (status, created) = call(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/sessions",
        "en",
        Some(session_body()),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("id");
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/sessions",
        "en",
        Some(session_body()),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("code"))
    );
    // the internship ends before it starts: named, in French, with both dates
    let mut bad = session_body();
    bad["period_end"] = json!("2031-08-01");
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/api/v1/office/sessions/{id}"),
        "fr",
        Some(bad),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "period_end");
    let message = body["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("2031-08-01")
            && message.contains("2031-09-01")
            && message.contains("se terminent"),
        "{message}"
    );
    let mut renamed = session_body();
    renamed["name_fr"] = json!("Automne 2031 (révisé)");
    renamed["rules"] = json!("not = [toml");
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/api/v1/office/sessions/{id}"),
        "en",
        Some(renamed.clone()),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("rules"))
    );
    renamed.as_object_mut().expect("object").remove("rules");
    let (status, _) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/api/v1/office/sessions/{id}"),
        "en",
        Some(renamed),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let stored = app
        .store
        .session_by_id(SessionId(id))
        .await
        .expect("read")
        .expect("session");
    assert_eq!(stored.name.fr, "Automne 2031 (révisé)");

    // a sheet with mistakes: every bad row named, nothing written
    let bad_sheet = "unit;capacity;title_en;title_fr;description_en;description_fr;languages\n\
        NOPE;2;Analyst;Analyste;Analyses.;Analyse.;\n\
        DI;two;Analyst;Analyste;Analyses.;Analyse.;en:Z9\n\
        DI;1;Analyst;Analyste;Analyses.;Analyse.;en:C1\n";
    let (status, preview) = sheet(&app, &coordinator, id, bad_sheet.into(), true).await;
    assert_eq!(status, StatusCode::OK);
    let fields: Vec<&str> = preview["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        ["rows[2].unit", "rows[3].capacity", "rows[3].languages"]
    );
    let (status, body) = sheet(&app, &coordinator, id, bad_sheet.into(), false).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("rows[2].unit"))
    );
    assert!(
        app.store
            .placements(SessionId(id))
            .await
            .expect("read")
            .is_empty(),
        "nothing written"
    );
    let (status, body) = sheet(
        &app,
        &coordinator,
        id,
        b"\xff\xfe not a sheet".to_vec(),
        false,
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("file"))
    );

    // a good CSV (French Excel: semicolons, BOM) and a good XLSX
    let good =
        "\u{feff}unit;capacity;title_en;title_fr;description_en;description_fr;languages;fields\n\
        DI;2;Analyst;Analyste;Analyses.;Analyse.;en:C1 fr:B2;\"international relations; law\"\n";
    let (status, body) = sheet(&app, &coordinator, id, good.into(), false).await;
    assert_eq!(
        (
            status,
            body["placements"].as_u64(),
            body["written"].as_bool()
        ),
        (StatusCode::OK, Some(1), Some(true))
    );
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet();
    for (c, cell) in [
        "unit",
        "capacity",
        "title_en",
        "title_fr",
        "description_en",
        "description_fr",
    ]
    .iter()
    .enumerate()
    {
        page.write(0, c as u16, *cell).expect("write");
    }
    for (c, cell) in ["OLA", "1", "Lawyer", "Juriste", "Advises.", "Conseille."]
        .iter()
        .enumerate()
    {
        page.write(1, c as u16, *cell).expect("write");
    }
    let (status, body) = sheet(
        &app,
        &coordinator,
        id,
        book.save_to_buffer().expect("xlsx"),
        false,
    )
    .await;
    assert_eq!(
        (status, body["placements"].as_u64()),
        (StatusCode::OK, Some(1)),
        "{body}"
    );
    let stored = app.store.placements(SessionId(id)).await.expect("read");
    assert_eq!(
        stored.iter().map(|p| p.unit.as_str()).collect::<Vec<_>>(),
        ["DI", "OLA"]
    );
    assert_eq!(stored[0].fields, ["international relations", "law"]);

    // one placement edited; a wrong capacity is named
    let path = format!("/api/v1/office/placements/{}", stored[1].id.0);
    let mut edit = json!({"unit": "OLA", "capacity": "-1", "title_en": "Lawyer", "title_fr": "Juriste",
        "description_en": "Advises.", "description_fr": "Conseille.", "languages": "", "fields": ""});
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &path,
        "en",
        Some(edit.clone()),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("capacity"))
    );
    edit["capacity"] = json!("3");
    assert_eq!(
        call(&app, &coordinator, Method::PUT, &path, "en", Some(edit))
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.store
            .placement(stored[1].id)
            .await
            .expect("read")
            .expect("placement")
            .capacity,
        3
    );

    // the window, opened and closed now
    let window = format!("/api/v1/office/sessions/{id}/window");
    let now = jiff::Timestamp::now();
    assert_eq!(
        call(
            &app,
            &coordinator,
            Method::POST,
            &window,
            "en",
            Some(json!({"open": true}))
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    let session = app
        .store
        .session_by_id(SessionId(id))
        .await
        .expect("read")
        .expect("session");
    assert_eq!(
        session
            .window
            .state(
                now.checked_add(jiff::SignedDuration::from_secs(60))
                    .expect("later")
            )
            .as_str(),
        "open"
    );
    assert_eq!(
        call(
            &app,
            &coordinator,
            Method::POST,
            &window,
            "en",
            Some(json!({"open": false}))
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    let session = app
        .store
        .session_by_id(SessionId(id))
        .await
        .expect("read")
        .expect("session");
    assert_eq!(
        session
            .window
            .state(
                now.checked_add(jiff::SignedDuration::from_secs(60))
                    .expect("later")
            )
            .as_str(),
        "closed"
    );

    // only coordinators
    let reviewer = staff(&app, "rev@nato.example", "reviewer", &["DI"]).await;
    let administrator = staff(&app, "admin@nato.example", "administrator", &[]).await;
    for who in [&reviewer, &administrator] {
        for (method, path) in [
            (Method::POST, "/api/v1/office/sessions".to_owned()),
            (Method::PUT, format!("/api/v1/office/sessions/{id}")),
            (Method::POST, format!("/api/v1/office/sessions/{id}/window")),
            (
                Method::POST,
                format!("/api/v1/office/sessions/{id}/placements"),
            ),
            (Method::PUT, path.clone()),
            (Method::GET, format!("/office/sessions/{id}/edit")),
            (Method::GET, "/office/sessions/new".to_owned()),
        ] {
            let (status, _) =
                call(&app, who, method.clone(), &path, "en", Some(session_body())).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}");
        }
    }
    app.stop().await.expect("stop");
}

#[tokio::test]
async fn blind_review_is_a_session_setting_and_the_rubric_freezes_once_used() {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let (placement, unit) = placements(&app, session).await[0].clone();
    let who = Applicant {
        email: "ana@example.org",
        given_names: "Ana",
        family_name: "Popescu",
        birth_date: "2001-05-04",
        nationality: "RO",
        field: "law",
        languages: &[("en", "C1")],
        motivation: "Une motivation sincère.",
        cv: &[],
    };
    let (_, application) = submitted(&app, session, &who, &[placement]).await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(&app, "rev@nato.example", "reviewer", &[&unit]).await;
    let stored = app
        .store
        .session_by_id(SessionId(session))
        .await
        .expect("read")
        .expect("session");
    let mut body = serde_json::to_value(SessionFields::of(&stored)).expect("fields");
    let one = format!("/api/v1/office/applications/{application}");
    let (_, seen) = call(&app, &reviewer, Method::GET, &one, "en", None).await;
    assert!(!seen.to_string().contains("Popescu"), "blind by default");
    body["blind"] = json!(false);
    let put = format!("/api/v1/office/sessions/{session}");
    assert_eq!(
        call(
            &app,
            &coordinator,
            Method::PUT,
            &put,
            "en",
            Some(body.clone())
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    let (_, seen) = call(&app, &reviewer, Method::GET, &one, "en", None).await;
    assert!(
        seen.to_string().contains("Popescu"),
        "sighted review when the session says so: {seen}"
    );
    body["blind"] = json!(true);
    assert_eq!(
        call(
            &app,
            &coordinator,
            Method::PUT,
            &put,
            "en",
            Some(body.clone())
        )
        .await
        .0,
        StatusCode::NO_CONTENT
    );
    let (_, seen) = call(&app, &reviewer, Method::GET, &one, "en", None).await;
    assert!(!seen.to_string().contains("Popescu"));

    // once a review is saved, the rubric cannot change (other settings still can)
    let shortlist = json!({"ids": [application], "decision": "shortlist", "reason": "ok"});
    call(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/applications/decisions",
        "en",
        Some(shortlist),
    )
    .await;
    let scores =
        json!({"scores": {"motivation": 4, "education": 4, "languages": 4, "experience": 4}});
    let (status, _) = call(
        &app,
        &reviewer,
        Method::PUT,
        &format!("{one}/review"),
        "en",
        Some(scores),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    body["rubric"] = json!({"criteria": [{"key": "charm", "label": {"en": "Charm", "fr": "Charme"}, "weight": 1}]});
    let (status, error) = call(
        &app,
        &coordinator,
        Method::PUT,
        &put,
        "en",
        Some(body.clone()),
    )
    .await;
    assert_eq!(
        (status, error["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("rubric"))
    );
    body.as_object_mut().expect("object").remove("rubric");
    body["disagreement"] = json!(2.0);
    assert_eq!(
        call(&app, &coordinator, Method::PUT, &put, "en", Some(body))
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    app.stop().await.expect("stop");
}
