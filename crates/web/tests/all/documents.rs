//! Application documents over the API: upload a PDF, list, download with safe headers;
//! refuse what is not a PDF, too large, of an unknown kind, or without the CSRF token;
//! another candidate sees nothing and changes nothing; a new CV replaces the old one.

use crate::common;

use common::TestApp;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const MAX_BYTES: usize = 5 * 1024 * 1024;

/// A small PDF that readers open: one empty page.
fn pdf(text: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n\
         1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
         2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
         3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n\
         % {text}\n\
         trailer << /Root 1 0 R >>\n\
         %%EOF\n"
    )
    .into_bytes()
}

struct Candidate {
    client: Client,
    csrf: String,
    session: i64,
}

/// A new open session.
async fn open_session(app: &TestApp, code: &str) -> i64 {
    let mut session =
        cohort_domain::session::demo_session(jiff::Timestamp::now(), "Europe/Brussels")
            .expect("demo session");
    session.code = code.to_owned();
    app.store
        .insert_session(&session, &[])
        .await
        .expect("insert session")
        .0
}

/// A signed-in candidate with a draft application to a session of their own. The draft
/// is made in the store (the application endpoints have their own tests).
async fn candidate_with_draft(app: &TestApp, email: &str) -> Candidate {
    let (client, csrf) = {
        let who = common::candidates::candidate(app, email).await;
        (who.client, who.csrf)
    };
    let session = open_session(app, email).await;
    let account = app
        .store
        .account_by_email(email)
        .await
        .expect("account")
        .expect("registered");
    let now = jiff::Timestamp::now().as_millisecond();
    app.store
        .save_draft(
            account.id,
            cohort_domain::session::SessionId(session),
            &[],
            "x",
            now,
        )
        .await
        .expect("save draft")
        .expect("a draft");
    Candidate {
        client,
        csrf,
        session,
    }
}

fn documents_path(session: i64) -> String {
    format!("/api/v1/sessions/{session}/application/documents")
}

async fn upload(
    app: &TestApp,
    who: &Candidate,
    session: i64,
    kind: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> (StatusCode, Value) {
    let form = Form::new().text("kind", kind.to_owned()).part(
        "file",
        Part::bytes(bytes)
            .file_name(file_name.to_owned())
            .mime_str("application/pdf")
            .expect("mime"),
    );
    let response = who
        .client
        .post(app.url(&documents_path(session)))
        .header("x-csrf-token", &who.csrf)
        .header("accept-language", "fr")
        .multipart(form)
        .send()
        .await
        .expect("upload");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

async fn get_json(app: &TestApp, who: &Candidate, path: &str) -> (StatusCode, Value) {
    let response = who.client.get(app.url(path)).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

/// The files the server keeps.
fn stored_files(app: &TestApp) -> Vec<Vec<u8>> {
    let dir = app.files_dir.join("documents");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .map(|e| std::fs::read(e.expect("entry").path()).expect("read"))
        .collect()
}

#[tokio::test]
async fn a_pdf_is_uploaded_listed_and_downloaded_as_an_attachment() {
    let app = TestApp::spawn().await;
    let ana = candidate_with_draft(&app, "ana@example.org").await;
    let cv = pdf("Ana's CV");
    let (status, body) = upload(
        &app,
        &ana,
        ana.session,
        "cv",
        "Mon CV \"final\".pdf",
        cv.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["kind"], "cv");
    assert_eq!(body["file_name"], "Mon CV \"final\".pdf");
    assert_eq!(body["size"], cv.len());
    assert_eq!(body["sha256"].as_str().expect("sha256").len(), 64);
    assert!(body["uploaded_at"].as_i64().expect("time") > 0);

    let (status, list) = get_json(&app, &ana, &documents_path(ana.session)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["documents"], json!([body]));

    let response = ana
        .client
        .get(app.url(&format!("{}/cv", documents_path(ana.session))))
        .send()
        .await
        .expect("download");
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"cv.pdf\""
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "private, no-store");
    assert_eq!(
        response.bytes().await.expect("body").as_ref(),
        cv.as_slice()
    );

    let (status, body) = get_json(
        &app,
        &ana,
        &format!("{}/letter", documents_path(ana.session)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no letter yet");
    assert_eq!(body["error"]["code"], "not_found");
    assert_eq!(stored_files(&app), [cv], "stored once, under a random name");
}

#[tokio::test]
async fn what_is_not_a_pdf_too_large_or_of_no_kind_is_refused() {
    let app = TestApp::spawn().await;
    let ana = candidate_with_draft(&app, "ana@example.org").await;
    let png =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    let (status, body) = upload(&app, &ana, ana.session, "cv", "cv.pdf", png).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    assert_eq!(body["error"]["code"], "unsupported_media_type");
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("n’est pas un PDF"),
        "in the visitor's language: {body}"
    );

    let mut big = pdf("big");
    big.resize(MAX_BYTES + 1, b' ');
    let (status, body) = upload(&app, &ana, ana.session, "cv", "cv.pdf", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["error"]["code"], "payload_too_large");

    let (status, body) = upload(
        &app,
        &ana,
        ana.session,
        "cv",
        "cv.pdf",
        vec![b'%'; 8 * 1024 * 1024],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "beyond the body limit, still our 413: {body}"
    );

    let mut exactly = pdf("max");
    let end = b"\n%%EOF\n";
    exactly.resize(MAX_BYTES - end.len(), b' ');
    exactly.extend_from_slice(end);
    let (status, body) = upload(&app, &ana, ana.session, "letter", "l.pdf", exactly).await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "5 MB exactly is accepted: {body}"
    );

    let (status, body) = upload(&app, &ana, ana.session, "photo", "cv.pdf", pdf("x")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "kind");

    let response = ana
        .client
        .post(app.url(&documents_path(ana.session)))
        .multipart(
            Form::new()
                .text("kind", "cv")
                .part("file", Part::bytes(pdf("x"))),
        )
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "no CSRF token");

    let (_, list) = get_json(&app, &ana, &documents_path(ana.session)).await;
    let kinds: Vec<&Value> = list["documents"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| &d["kind"])
        .collect();
    assert_eq!(
        kinds,
        [&json!("letter")],
        "only the accepted upload is kept"
    );
    assert_eq!(stored_files(&app).len(), 1, "refused uploads leave no file");
}

#[tokio::test]
async fn another_candidate_sees_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let ana = candidate_with_draft(&app, "ana@example.org").await;
    let cv = pdf("Ana's CV");
    let (status, _) = upload(&app, &ana, ana.session, "cv", "cv.pdf", cv.clone()).await;
    assert_eq!(status, StatusCode::CREATED);

    let ben = common::candidates::candidate(&app, "ben@example.org").await;
    let (client, csrf) = (ben.client, ben.csrf);
    let ben = Candidate {
        client,
        csrf,
        session: ana.session,
    };
    let path = documents_path(ana.session);
    for path in [path.clone(), format!("{path}/cv"), format!("{path}/letter")] {
        let (status, body) = get_json(&app, &ben, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
    }
    let (status, _) = upload(&app, &ben, ana.session, "cv", "cv.pdf", pdf("Ben's")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "cannot overwrite Ana's CV");

    let response = ana
        .client
        .get(app.url(&format!("{path}/cv")))
        .send()
        .await
        .expect("download");
    assert_eq!(
        response.bytes().await.expect("body").as_ref(),
        cv.as_slice()
    );

    let response = Client::new()
        .get(app.url(&path))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "signed out");
}

#[tokio::test]
async fn a_new_cv_replaces_the_old_and_a_submitted_application_is_read_only() {
    let app = TestApp::spawn().await;
    let ana = candidate_with_draft(&app, "ana@example.org").await;
    let (first, second) = (pdf("first"), pdf("second"));
    let (status, _) = upload(&app, &ana, ana.session, "cv", "a.pdf", first).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = upload(&app, &ana, ana.session, "cv", "b.pdf", second.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let (_, list) = get_json(&app, &ana, &documents_path(ana.session)).await;
    let documents = list["documents"].as_array().expect("list");
    assert_eq!(documents.len(), 1, "one CV: {list}");
    assert_eq!(documents[0]["file_name"], "b.pdf");
    assert_eq!(
        stored_files(&app),
        std::slice::from_ref(&second),
        "the old file is gone"
    );

    let account = app
        .store
        .account_by_email("ana@example.org")
        .await
        .expect("account")
        .expect("registered");
    let application = app
        .store
        .application(account.id, cohort_domain::session::SessionId(ana.session))
        .await
        .expect("application")
        .expect("a draft");
    app.store
        .change_status(
            application.id,
            cohort_domain::application::ApplicationStatus::Draft,
            cohort_domain::application::ApplicationStatus::Submitted,
            "submitted",
            jiff::Timestamp::now().as_millisecond(),
        )
        .await
        .expect("submit")
        .expect("was a draft");
    let (status, body) = upload(&app, &ana, ana.session, "cv", "c.pdf", pdf("third")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(stored_files(&app), [second], "nothing changed");
    let (status, _) = get_json(&app, &ana, &documents_path(ana.session)).await;
    assert_eq!(status, StatusCode::OK, "still readable after submission");
}

#[tokio::test]
async fn the_openapi_document_describes_the_document_endpoints() {
    let app = TestApp::spawn().await;
    let doc: Value = Client::new()
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    let documents = &doc["paths"]["/api/v1/sessions/{id}/application/documents"];
    assert!(documents["get"].is_object());
    let form = &documents["post"]["requestBody"]["content"]["multipart/form-data"];
    assert!(form.is_object(), "{documents}");
    let download = &doc["paths"]["/api/v1/sessions/{id}/application/documents/{kind}"]["get"];
    let pdf = &download["responses"]["200"]["content"]["application/pdf"];
    assert!(pdf.is_object(), "{download}");
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["PdfFile"]["type"], "string");
    assert_eq!(
        schemas["UploadForm"]["properties"]["file"]["type"],
        "string"
    );
}
