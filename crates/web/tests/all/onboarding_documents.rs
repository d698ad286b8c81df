//! Documents for checklist items: sent by the intern under the same rules as application
//! documents (PDF only, 5 MB), checked by the office, seen by nobody else.

use crate::common;

use common::api::call;
use common::candidates::{candidate, sign_in, Candidate, PASSWORD};
use common::intern::accepted_intern;
use common::office::{staff, STAFF_PASSWORD};
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn send_file(
    app: &TestApp,
    who: &Candidate,
    path: &str,
    bytes: Vec<u8>,
    lang: &str,
) -> (StatusCode, Value) {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("attestation.pdf"),
    );
    let response = who
        .client
        .post(app.url(path))
        .header("x-csrf-token", &who.csrf)
        .header("accept-language", lang)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn get_bytes(app: &TestApp, who: &Candidate, path: &str) -> (StatusCode, Vec<u8>) {
    let response = who.client.get(app.url(path)).send().await.expect("get");
    let status = response.status();
    (status, response.bytes().await.expect("body").to_vec())
}

#[tokio::test]
async fn the_intern_sends_a_document_the_office_checks_it_and_nobody_else_sees_it() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "olga@example.org").await;
    let olga = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let session = intern.session;
    let item = format!("/api/v1/sessions/{session}/application/checklist/insurance");
    let document = format!("{item}/document");

    // ticking the item is not enough: the document is what counts
    let (status, body) = call(
        &app,
        &olga,
        Method::POST,
        &item,
        Some(json!({"action": "complete"})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("document"),
        "{body}"
    );
    // the same rules as application documents, said in the intern's language
    let (status, body) =
        send_file(&app, &olga, &document, b"GIF89a not a pdf".to_vec(), "fr").await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("PDF"),
        "{body}"
    );
    let big = [b"%PDF-1.4\n".to_vec(), vec![b'x'; 5 * 1024 * 1024 + 1]].concat();
    let (status, _) = send_file(&app, &olga, &document, big, "en").await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let (status, _) = send_file(
        &app,
        &olga,
        &format!("/api/v1/sessions/{session}/application/checklist/travel/document"),
        common::pdf::with_text(&["travel"]),
        "en",
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "travel is a task, not a document"
    );

    let pdf = common::pdf::with_text(&["Health insurance certificate"]);
    let (status, body) = send_file(&app, &olga, &document, pdf.clone(), "en").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::CREATED, Some("in_progress"))
    );
    assert_eq!(
        get_bytes(&app, &olga, &document).await,
        (StatusCode::OK, pdf.clone())
    );

    // the office sees it and downloads it (audited); a reviewer and another candidate do not
    let office_document = format!(
        "/api/v1/office/applications/{}/checklist/insurance/document",
        intern.application
    );
    assert_eq!(
        get_bytes(&app, &coordinator, &office_document).await,
        (StatusCode::OK, pdf.clone())
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
    assert!(html.contains(&office_document) && html.contains("attestation.pdf"));
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    assert!(entries
        .iter()
        .any(|e| e.action == "onboarding.document.view"));
    let reviewer = sign_in(&app, "rev@nato.example", STAFF_PASSWORD, {
        app.store
            .account_by_email("rev@nato.example")
            .await
            .expect("read")
            .expect("reviewer")
            .id
    })
    .await;
    assert_eq!(
        get_bytes(&app, &reviewer, &office_document).await.0,
        StatusCode::NOT_FOUND
    );
    let stranger = candidate(&app, "stranger@example.org").await;
    assert_eq!(
        get_bytes(&app, &stranger, &document).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _) = send_file(&app, &stranger, &document, pdf.clone(), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let other_coordinator = staff(&app, "coord2@nato.example", "coordinator", &[]).await;
    assert_eq!(
        get_bytes(
            &app,
            &other_coordinator,
            &format!(
                "/api/v1/office/applications/{}/checklist/agreement/document",
                intern.application
            )
        )
        .await
        .0,
        StatusCode::NOT_FOUND,
        "nothing sent for that item"
    );

    // a second file replaces the first until the office checks it; then it is final
    let files = || {
        std::fs::read_dir(app.files_dir.join("documents"))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    let before = files();
    let second = common::pdf::with_text(&["Corrected certificate"]);
    let (status, _) = send_file(&app, &olga, &document, second.clone(), "en").await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(get_bytes(&app, &olga, &document).await.1, second);
    assert_eq!(files(), before, "the replaced file is deleted");
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!(
            "/api/v1/office/applications/{}/checklist/insurance",
            intern.application
        ),
        Some(json!({"action": "complete"})),
    )
    .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("done"))
    );
    let (status, _) = send_file(&app, &olga, &document, pdf, "en").await;
    assert_eq!(status, StatusCode::CONFLICT, "checked: no more changes");
    // "download my data" holds the checklist and the document sent, file included
    let response = olga
        .client
        .get(app.url("/api/v1/me/export"))
        .send()
        .await
        .expect("export");
    assert_eq!(response.status(), StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(
        response.bytes().await.expect("zip").to_vec(),
    ))
    .expect("a ZIP");
    let data: Value = {
        let file = archive.by_name("data.json").expect("data.json");
        serde_json::from_reader(file).expect("JSON")
    };
    let application = &data["applications"][0];
    let insurance = application["checklist"]
        .as_array()
        .expect("checklist")
        .iter()
        .find(|i| i["item"] == "insurance")
        .expect("insurance");
    assert_eq!(insurance["status"], "done");
    let sent = &application["checklist_documents"][0];
    assert_eq!(
        (sent["item"].as_str(), sent["file_name"].as_str()),
        (Some("insurance"), Some("attestation.pdf"))
    );
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut archive
            .by_name(sent["path"].as_str().expect("path"))
            .expect("the file"),
        &mut bytes,
    )
    .expect("read");
    assert_eq!(bytes, second);

    // an "upload" without its file is refused, naming the field
    let (status, body) = call(
        &app,
        &olga,
        Method::POST,
        &format!("/api/v1/sessions/{session}/application/checklist/agreement"),
        Some(json!({"action": "upload"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("action"))
    );
}

#[tokio::test]
async fn the_offer_page_sends_the_document_with_a_plain_form() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "paul@example.org").await;
    let paul = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let page = paul
        .client
        .get(app.url("/my-offer?lang=fr"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    let action = format!("/my-offer/{}/checklist/agreement/document", intern.session);
    assert!(page.contains(&action), "an upload form for the agreement");
    assert!(page.contains("enctype=\"multipart/form-data\""));
    let csrf = page
        .split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("token")
        .to_owned();
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", csrf)
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"not a pdf".to_vec()).file_name("x.pdf"),
        );
    let response = paul
        .client
        .post(app.url(&action))
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let html = response.text().await.expect("html");
    assert!(html.contains("PDF"), "the error shown on the page");
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(common::pdf::with_text(&["signed"]))
            .file_name("convention.pdf"),
    );
    let response = paul
        .client
        .post(app.url(&action))
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "no token, nothing stored"
    );
    assert!(app
        .store
        .item_documents(intern.application)
        .await
        .expect("read")
        .is_empty());
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", paul.csrf.clone())
        .part(
            "file",
            reqwest::multipart::Part::bytes(common::pdf::with_text(&["signed"]))
                .file_name("convention.pdf"),
        );
    let response = paul
        .client
        .post(app.url(&action))
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert!(response.status().is_success(), "{}", response.status());
    let page = response.text().await.expect("html");
    assert!(
        page.contains("convention.pdf"),
        "the page names what was sent"
    );
}
