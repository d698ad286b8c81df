//! The candidate's journey through the HTML pages: the forms over HTTP (CSRF, errors that
//! keep what was typed, markup shown as text), then the whole journey in headless Chromium
//! — register, confirm with the link the SMTP sink received, sign in, profile, three choices, two PDFs,
//! submit, status — with axe-core on every page, at a desktop and a phone size.

use crate::common;
use crate::web_browser;

use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use common::TestApp;
use fantoccini::{Client, Locator};
use reqwest::header::ACCEPT_LANGUAGE;
use reqwest::StatusCode;
use web_browser::{audit, axe_script, click_and_wait, heading, start_browser};

const PASSWORD: &str = "correct horse battery";
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");
const MINIMAL_PDF: &str = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
    2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const SCRIPT: &str = "<script>alert(1)</script>";

/// A session whose window is open now, with the demo placements.
async fn open_session(app: &TestApp) {
    let session = demo_session(jiff::Timestamp::now(), "Europe/Brussels").expect("demo session");
    let catalogue = app
        .store
        .catalogue()
        .await
        .expect("read")
        .expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    app.store
        .insert_session(&session, &placements)
        .await
        .expect("insert");
}

/// The verification link's path from the mail to `email` that reached the SMTP sink.
async fn verify_path(app: &TestApp, email: &str) -> String {
    let sink = app.smtp.as_ref().expect("spawned with an SMTP sink");
    let text = sink.message_to(email).await.text();
    let token: String = text
        .split("/verify?token=")
        .nth(1)
        .expect("a verification link")
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "a whole token in {text}");
    format!("/verify?token={token}")
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client")
}

async fn page(client: &reqwest::Client, url: String) -> (StatusCode, String) {
    let response = client
        .get(url)
        .header(ACCEPT_LANGUAGE, "fr")
        .send()
        .await
        .expect("get");
    (response.status(), response.text().await.expect("html"))
}

async fn post(
    client: &reqwest::Client,
    url: String,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    // as a browser does on every POST: the page's origin
    let origin = url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    let response = client
        .post(url)
        .header(ACCEPT_LANGUAGE, "fr")
        .header(reqwest::header::ORIGIN, origin)
        .form(form)
        .send()
        .await
        .expect("post");
    (response.status(), response.text().await.expect("html"))
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a csrf_token field")
        .to_owned()
}

/// Registers, confirms and signs in through the forms; gives the CSRF token of the page.
async fn signed_in(app: &TestApp, client: &reqwest::Client, email: &str) -> String {
    let (status, html) = post(
        client,
        app.url("/register"),
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Consultez vos courriels"));
    let (status, html) = page(client, app.url(&verify_path(app, email).await)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let (status, html) = post(
        client,
        app.url("/login"),
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "followed to /my-application: {html}"
    );
    assert!(html.contains("<h1>Ma candidature</h1>"), "{html}");
    csrf_of(&html)
}

/// The link in the `n`-th mail (0-based) to `email` that carries a `path` link, as a path
/// (by content: the sink's file names do not sort in delivery order within a second).
async fn mailed_path(app: &TestApp, email: &str, n: usize, path: &str) -> String {
    let sink = app.smtp.as_ref().expect("spawned with an SMTP sink");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let texts: Vec<String> = sink
            .delivered()
            .into_iter()
            .filter(|m| m.header("X-RcptTo").eq_ignore_ascii_case(email))
            .map(|m| m.text())
            .filter(|text| text.contains(&format!("{path}?token=")))
            .collect();
        if let Some(text) = texts.get(n) {
            let token: String = text
                .split(&format!("{path}?token="))
                .nth(1)
                .unwrap_or_else(|| panic!("a {path} link in {text}"))
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            return format!("{path}?token={token}");
        }
        assert!(std::time::Instant::now() < deadline, "mail {n} to {email}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn a_forgotten_password_is_replaced_through_the_mailed_link() {
    let app = TestApp::spawn_with_smtp().await;
    let email = "oubli@example.org";
    let client = client();
    signed_in(&app, &client, email).await;
    let (status, html) = page(&client, app.url("/login")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/password-reset\""), "{html}");

    let (status, html) = post(&client, app.url("/password-reset"), &[("email", email)]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Consultez vos courriels"), "{html}");
    // an unknown address gets the very same answer
    let (status, other) = post(
        &client,
        app.url("/password-reset"),
        &[("email", "personne@example.org")],
    )
    .await;
    assert_eq!(
        (status, other.contains("Consultez vos courriels")),
        (StatusCode::OK, true)
    );

    let link = mailed_path(&app, email, 0, "/password-reset").await;
    let (status, html) = page(&client, app.url(&link)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Choisissez un nouveau mot de passe"),
        "{html}"
    );
    let (status, html) = post(&client, app.url(&link), &[("password", "short")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    let new_password = "une toute nouvelle phrase";
    let (status, html) = post(&client, app.url(&link), &[("password", new_password)]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Votre mot de passe est changé"), "{html}");
    let (status, _) = post(&client, app.url(&link), &[("password", new_password)]).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the link works once"
    );

    let fresh = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let (status, _) = post(
        &fresh,
        app.url("/login"),
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password is gone"
    );
    let (status, html) = post(
        &fresh,
        app.url("/login"),
        &[("email", email), ("password", new_password)],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("<h1>Ma candidature</h1>"));
}

#[tokio::test]
async fn the_forms_check_csrf_keep_what_was_typed_and_escape_markup() {
    let app = TestApp::spawn_with_smtp().await;
    open_session(&app).await;
    let client = client();

    let (status, _) = page(&client, app.url("/my-application")).await;
    assert_eq!(status, StatusCode::OK, "redirected to the sign-in page");

    let (status, html) = post(
        &client,
        app.url("/register"),
        &[("email", "ana@example"), ("password", "s3cret-typed-here")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("value=\"ana@example\""),
        "the address is kept"
    );
    assert!(!html.contains("s3cret-typed-here"), "the password is not");
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("aria-describedby=\"f-email-error\""));

    let csrf = signed_in(&app, &client, "ana@example.org").await;

    let (status, html) = post(
        &client,
        app.url("/my-application/profile"),
        &[("given_names", "Ana")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{html}");
    assert!(html.contains("Ce formulaire a expiré"));
    let (status, _) = post(
        &client,
        app.url("/my-application/draft"),
        &[("csrf_token", "wrong"), ("motivation", "x")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, html) = post(
        &client,
        app.url("/my-application/profile"),
        &[
            ("csrf_token", &csrf),
            ("given_names", "Ana <b>María</b>"),
            ("birth_date", "23/04/2001"),
            ("nationalities[1]", "XX"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("value=\"23/04/2001\""),
        "the date is kept as typed"
    );
    assert!(
        html.contains("value=\"Ana &lt;b&gt;María&lt;"),
        "markup kept as typed, escaped"
    );
    assert!(
        html.contains("Écrivez la date sous la forme AAAA-MM-JJ"),
        "French: {html}"
    );
    assert!(html.contains("aria-describedby=\"f-birth_date-hint f-birth_date-error\""));
    assert!(
        html.contains("id=\"f-nationalities-1-error\""),
        "the error is on the input it was typed in"
    );

    let (status, html) = post(
        &client,
        app.url("/my-application/draft"),
        &[("csrf_token", &csrf), ("motivation", SCRIPT)],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("Votre brouillon est enregistré."));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"));
    assert!(!html.contains(SCRIPT), "never as markup");
}

async fn fill(client: &Client, name: &str, value: &str) {
    let input = client
        .find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("field {name}: {e}"));
    input.clear().await.expect("clear");
    input.send_keys(value).await.expect("type");
}

async fn choose(client: &Client, name: &str, value: &str) {
    client
        .find(Locator::Css(&format!("select[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("select {name}: {e}"))
        .select_by_value(value)
        .await
        .expect("choose");
}

async fn press(client: &Client, form_action: &str) {
    let button = client
        .find(Locator::Css(&format!(
            "form[action='{form_action}'] button[type=submit]"
        )))
        .await
        .unwrap_or_else(|e| panic!("button of {form_action}: {e}"));
    click_and_wait(client, button).await;
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .expect("text")
}

async fn journey(app: &TestApp, client: &Client, axe: &str, size: &str, email: &str, pdf: &str) {
    let at = |page: &str| format!("{page} ({size})");
    client.goto(&app.url("/register")).await.expect("register");
    assert_eq!(heading(client).await, "Créer un compte");
    audit(client, axe, &at("register")).await;
    fill(client, "email", email).await;
    fill(client, "password", PASSWORD).await;
    press(client, "/register").await;
    assert_eq!(heading(client).await, "Consultez vos courriels");
    audit(client, axe, &at("check your e-mail")).await;

    client
        .goto(&app.url(&verify_path(app, email).await))
        .await
        .expect("verify");
    assert_eq!(heading(client).await, "Votre adresse est confirmée");
    audit(client, axe, &at("verified")).await;
    let link = client
        .find(Locator::Css("main a.button"))
        .await
        .expect("sign-in link");
    click_and_wait(client, link).await;
    assert_eq!(heading(client).await, "Se connecter");
    audit(client, axe, &at("sign in")).await;
    fill(client, "email", email).await;
    fill(client, "password", PASSWORD).await;
    press(client, "/login").await;
    assert_eq!(heading(client).await, "Ma candidature");
    audit(client, axe, &at("my application, empty")).await;

    fill(client, "given_names", "Ana").await;
    fill(client, "family_name", "Popescu").await;
    fill(client, "birth_date", "2001-05-04").await;
    fill(client, "nationalities[0]", "RO").await;
    choose(client, "education.level", "master").await;
    fill(client, "education.field", "law").await;
    fill(
        client,
        "education.institution",
        "Universitatea din București",
    )
    .await;
    fill(client, "education.years_completed", "4").await;
    choose(client, "education.enrolled", "yes").await;
    fill(client, "education.graduation_date", "2029-07-01").await;
    fill(client, "languages[0].language", "en").await;
    choose(client, "languages[0].level", "C1").await;
    fill(client, "languages[1].language", "fr").await;
    choose(client, "languages[1].level", "B2").await;
    press(client, "/my-application/profile").await;
    assert_eq!(
        text_of(client, ".done").await,
        "Votre profil est enregistré."
    );
    assert!(text_of(client, ".verdict").await.starts_with("Oui"));
    audit(client, axe, &at("profile saved, eligible")).await;

    for i in 0..3 {
        let option = client
            .find(Locator::Css(&format!(
                "select[name='choices[{i}]'] option:nth-child({})",
                i + 2
            )))
            .await
            .expect("a placement");
        option.click().await.expect("choose");
    }
    fill(client, "motivation", SCRIPT).await;
    press(client, "/my-application/draft").await;
    assert_eq!(
        text_of(client, ".done").await,
        "Votre brouillon est enregistré."
    );
    let typed = client
        .find(Locator::Css("textarea[name=motivation]"))
        .await
        .expect("motivation")
        .prop("value")
        .await
        .expect("value");
    assert_eq!(typed.as_deref(), Some(SCRIPT), "shown as text");
    assert!(
        client.get_alert_text().await.is_err(),
        "no alert was opened"
    );
    let scripts = client
        .execute("return document.scripts.length;", vec![])
        .await
        .expect("count scripts");
    assert_eq!(
        scripts,
        serde_json::json!(0),
        "no script element on the page"
    );
    audit(client, axe, &at("draft saved")).await;

    for kind in ["cv", "letter"] {
        client
            .find(Locator::Css(&format!("#f-file-{kind}")))
            .await
            .expect("file input")
            .send_keys(pdf)
            .await
            .expect("choose the file");
        let button = client
            .find(Locator::XPath(&format!(
                "//input[@id='f-file-{kind}']/ancestor::form//button"
            )))
            .await
            .expect("upload button");
        click_and_wait(client, button).await;
        assert_eq!(text_of(client, ".done").await, "Votre document est déposé.");
    }
    audit(client, axe, &at("documents uploaded")).await;

    press(client, "/my-application/submit").await;
    let status = client
        .find(Locator::Css(".status"))
        .await
        .expect("status")
        .attr("data-status")
        .await
        .expect("attribute");
    assert_eq!(status.as_deref(), Some("submitted"));
    assert!(text_of(client, ".status")
        .await
        .to_lowercase()
        .contains("soumise"));
    assert!(text_of(client, ".timeline")
        .await
        .contains("Candidature soumise"));
    audit(client, axe, &at("submitted")).await;

    press(client, "/logout").await;
    assert_eq!(heading(client).await, "Rencontrez-nous");
}

#[tokio::test]
async fn a_candidate_applies_in_a_browser_at_desktop_and_phone_sizes() {
    let axe = axe_script();
    let app = TestApp::spawn_with_smtp().await;
    open_session(&app).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("cv.pdf");
    std::fs::write(&pdf, MINIMAL_PDF).expect("write the PDF");
    let pdf = pdf.to_str().expect("a UTF-8 path").to_owned();
    let (_driver, client) = start_browser().await;
    for (size, width, height, email) in [
        ("desktop", 1280, 900, "desk@example.org"),
        ("phone", 390, 844, "phone@example.org"),
    ] {
        client
            .set_window_size(width, height)
            .await
            .expect("window size");
        journey(&app, &client, &axe, size, email, &pdf).await;
    }
    client.close().await.expect("close the browser");
}
