//! The browser's protections and the sign-in's lifetime, over real HTTP: the security
//! headers on every answer, `Cache-Control: no-store` wherever the answer is personal,
//! HSTS only over an https public URL, the language switch never leaving the site, sign-in
//! and registration refused from another site (login CSRF), and the idle timeout.

use crate::common;

use common::candidates::{candidate, PASSWORD};
use common::office::{staff, STAFF_PASSWORD};
use common::TestApp;
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, LOCATION, ORIGIN, REFERER, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const MINUTE: i64 = 60 * 1000;

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("ascii").to_owned())
}

fn no_redirects() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

#[tokio::test]
async fn every_answer_carries_the_policies_and_anonymous_pages_may_be_cached() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/units/DI",
        "/api/v1/units",
        "/no-such-page",
        "/healthz",
    ] {
        let response = reqwest::get(app.url(path)).await.expect("get");
        assert_eq!(
            header(&response, "content-security-policy").as_deref(),
            Some(
                "default-src 'self'; object-src 'none'; base-uri 'none'; \
                 form-action 'self'; frame-ancestors 'none'"
            ),
            "{path}"
        );
        let permissions = header(&response, "permissions-policy").unwrap_or_default();
        for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"] {
            assert!(permissions.contains(feature), "{path}: {permissions}");
        }
        assert_eq!(
            header(&response, "x-content-type-options").as_deref(),
            Some("nosniff")
        );
        assert_eq!(
            header(&response, "referrer-policy").as_deref(),
            Some("same-origin")
        );
        assert_eq!(
            header(&response, "strict-transport-security"),
            None,
            "{path}: the public URL is http"
        );
        assert!(
            !header(&response, "cache-control")
                .unwrap_or_default()
                .contains("no-store"),
            "{path}: nothing personal in it"
        );
    }
}

#[tokio::test]
async fn nothing_personal_is_stored_by_a_browser_or_a_proxy() {
    let app = TestApp::spawn().await;
    let ana = candidate(&app, "ana@example.org").await;

    // the sign-in's answer (its body holds the CSRF token) and everything after it
    let login = reqwest::Client::new()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "ana@example.org", "password": PASSWORD}))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    assert_eq!(header(&login, "cache-control").as_deref(), Some("no-store"));
    for path in [
        "/",
        "/units/DI",
        "/my-application",
        "/api/v1/me",
        "/api/v1/me/profile",
        "/calendar",
        "/no-such-page",
    ] {
        let response = ana.client.get(app.url(path)).send().await.expect("get");
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("no-store"),
            "{path} to a signed-in visitor"
        );
    }
    // the data export keeps its own, stricter-than-nothing value
    let export = ana
        .client
        .get(app.url("/api/v1/me/export"))
        .send()
        .await
        .expect("export");
    assert_eq!(export.status(), StatusCode::OK);
    assert!(header(&export, "cache-control")
        .unwrap_or_default()
        .contains("no-store"));
    // the style sheet is the same for everyone
    let css = ana
        .client
        .get(app.url("/static/style.css"))
        .send()
        .await
        .expect("css");
    assert_eq!(
        header(&css, "cache-control").as_deref(),
        Some("public, max-age=3600")
    );

    // a calendar feed is fetched without a cookie, and is personal all the same
    let feed = ana
        .client
        .post(app.url("/api/v1/me/calendar"))
        .header("x-csrf-token", &ana.csrf)
        .send()
        .await
        .expect("feed");
    assert_eq!(feed.status(), StatusCode::CREATED);
    let body: Value = feed.json().await.expect("JSON");
    let url = body["url"].as_str().expect("url");
    let feed = reqwest::get(url).await.expect("fetch");
    assert_eq!(feed.status(), StatusCode::OK);
    assert_eq!(header(&feed, "cache-control").as_deref(), Some("no-store"));

    // a page reached with an e-mailed token
    let reset = reqwest::get(app.url("/password-reset?token=0123abcd"))
        .await
        .expect("reset page");
    assert_eq!(header(&reset, "cache-control").as_deref(), Some("no-store"));

    // the API's CSRF header: the right one passes, a wrong one of any length does not
    for wrong in ["", "x", &"0".repeat(ana.csrf.len())] {
        let response = ana
            .client
            .put(app.url("/api/v1/me/profile"))
            .header("x-csrf-token", wrong)
            .json(&json!({}))
            .send()
            .await
            .expect("put");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{wrong:?}");
    }
}

#[tokio::test]
async fn hsts_only_when_the_public_url_is_https() {
    let app = TestApp::spawn().await;
    // the same database served under an https public URL (TLS ends at the proxy)
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let settings = cohort_web::Settings {
        files: cohort_web::FilesAt::Memory,
        ..cohort_web::Settings::new("https://interns.example.org")
    };
    let state = cohort_web::AppState::load(app.store.clone(), settings)
        .await
        .expect("state");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(cohort_web::serve(listener, state, async {
        let _ = stopped.await;
    }));
    for path in ["/", "/login", "/api/v1/units", "/nope"] {
        let response = reqwest::get(format!("{base}{path}")).await.expect("get");
        assert_eq!(
            header(&response, "strict-transport-security").as_deref(),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
    // the public URL's origin is this site's, whatever the Host
    let response = Client::new()
        .post(format!("{base}/api/v1/auth/register"))
        .header(ORIGIN, "https://interns.example.org")
        .json(&json!({"email": "zoe@example.org", "password": PASSWORD}))
        .send()
        .await
        .expect("register");
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let plain = reqwest::get(app.url("/")).await.expect("get");
    assert_eq!(header(&plain, "strict-transport-security"), None);
    let _ = stop.send(());
    server.await.expect("server").expect("served");
}

#[tokio::test]
async fn the_language_switch_never_points_to_another_host() {
    let app = TestApp::spawn().await;
    for path in [
        "//evil.example/x",
        "//evil.example/x?q=1",
        "/\\evil.example/x",
    ] {
        let response = Client::new()
            .get(app.url(path))
            .header(ACCEPT_LANGUAGE, "en")
            .send()
            .await
            .expect("get");
        let html = response.text().await.expect("html");
        let switch = html
            .split("class=\"switch\" href=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("a language switch in {html}"))
            .to_owned();
        assert!(switch.starts_with("/?"), "{path}: {switch}");
        assert!(!html.contains("evil.example"), "{path}: {html}");
    }
    // an ordinary path is kept, with its query
    let html = Client::new()
        .get(app.url("/search?q=cyber"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("html");
    assert!(
        html.contains("href=\"/search?q=cyber&amp;lang=fr\""),
        "{html}"
    );
}

async fn form_post(
    app: &TestApp,
    path: &str,
    headers: &[(reqwest::header::HeaderName, String)],
    form: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = no_redirects()
        .post(app.url(path))
        .header(ACCEPT_LANGUAGE, "fr")
        .form(form);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    request.send().await.expect("post")
}

fn opens_a_session(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .any(|v| v.to_str().unwrap_or("").starts_with("cohort_session=") && !v.is_empty())
}

#[tokio::test]
async fn sign_in_and_registration_from_another_site_are_refused() {
    let app = TestApp::spawn().await;
    candidate(&app, "ana@example.org").await;
    let ours = app.base.clone();
    let evil = "https://evil.example".to_owned();
    let credentials = [("email", "ana@example.org"), ("password", PASSWORD)];

    // forms: a foreign or opaque Origin, a foreign Referer, or neither, is refused
    for headers in [
        vec![(ORIGIN, evil.clone())],
        vec![(ORIGIN, "null".to_owned())],
        vec![(REFERER, format!("{evil}/login"))],
        vec![(ORIGIN, evil.clone()), (REFERER, format!("{ours}/login"))],
        vec![],
    ] {
        let response = form_post(&app, "/login", &headers, &credentials).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{headers:?}");
        assert!(!opens_a_session(&response), "{headers:?}");
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("no-store")
        );
        let html = response.text().await.expect("html");
        assert!(
            html.contains("Ce formulaire venait d’un autre site"),
            "in the visitor's language: {html}"
        );
        assert!(html.contains("href=\"/login\""), "{html}");
    }
    let response = form_post(
        &app,
        "/register",
        &[(ORIGIN, evil.clone())],
        &[("email", "eve@example.org"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response
        .text()
        .await
        .expect("html")
        .contains("Ce formulaire venait d’un autre site"));
    let response = form_post(
        &app,
        "/password-reset",
        &[(ORIGIN, evil.clone())],
        &[("email", "ana@example.org")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // our own origin (or, from an older browser, our own Referer) signs in
    for headers in [
        vec![(ORIGIN, ours.clone())],
        vec![(REFERER, format!("{ours}/login?lang=fr"))],
    ] {
        let response = form_post(&app, "/login", &headers, &credentials).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{headers:?}");
        assert!(opens_a_session(&response), "{headers:?}");
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("no-store")
        );
    }
    let response = form_post(
        &app,
        "/register",
        &[(ORIGIN, ours.clone())],
        &[("email", "ben@example.org"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);

    // JSON: a browser's foreign Origin is refused, in the visitor's language; a program
    // (no Origin) and our own pages pass
    let api = |path: &'static str, origin: Option<&str>, body: Value| {
        let mut request = Client::new()
            .post(app.url(path))
            .header(ACCEPT_LANGUAGE, "fr")
            .json(&body);
        if let Some(origin) = origin {
            request = request.header(ORIGIN, origin);
        }
        async move { request.send().await.expect("post") }
    };
    let login = json!({"email": "ana@example.org", "password": PASSWORD});
    for origin in ["https://evil.example", "null"] {
        let response = api("/api/v1/auth/login", Some(origin), login.clone()).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{origin}");
        assert!(!opens_a_session(&response));
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"]["code"], "forbidden");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("autre site"),
            "{body}"
        );
    }
    let eve = json!({"email": "eve@example.org", "password": PASSWORD});
    let response = api("/api/v1/auth/register", Some("https://evil.example"), eve).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.store
            .account_by_email("eve@example.org")
            .await
            .expect("read"),
        None,
        "nothing registered from another site"
    );
    for origin in [None, Some(ours.as_str())] {
        let response = api("/api/v1/auth/login", origin, login.clone()).await;
        assert_eq!(response.status(), StatusCode::OK, "{origin:?}");
    }
}

/// Signs in over the API without a cookie jar: the session token, and its CSRF token.
async fn sign_in(app: &TestApp, email: &str, password: &str) -> (String, String) {
    let response = Client::new()
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), StatusCode::OK);
    let token = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("cohort_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned();
    let body: Value = response.json().await.expect("JSON");
    (token, body["csrf_token"].as_str().expect("csrf").to_owned())
}

async fn me(app: &TestApp, token: &str) -> StatusCode {
    Client::new()
        .get(app.url("/api/v1/me"))
        .header(COOKIE, format!("cohort_session={token}"))
        .send()
        .await
        .expect("me")
        .status()
}

fn hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn last_seen(app: &TestApp, token: &str) -> Option<i64> {
    app.store
        .sign_in(&hash(token), app.state.settings.now())
        .await
        .expect("read")
        .map(|row| row.last_seen_at)
}

#[tokio::test]
async fn a_sign_in_left_idle_ends_and_each_use_keeps_it_alive() {
    let app = TestApp::spawn().await;
    candidate(&app, "ana@example.org").await;
    let (token, _) = sign_in(&app, "ana@example.org", PASSWORD).await;
    let opened = last_seen(&app, &token).await.expect("live");

    // used within a minute: nothing written
    app.advance(30 * 1000);
    assert_eq!(me(&app, &token).await, StatusCode::OK);
    assert_eq!(last_seen(&app, &token).await, Some(opened));
    // later: the use is recorded, and the two hours start again from there
    app.advance(2 * 60 * MINUTE - 31 * 1000);
    assert_eq!(me(&app, &token).await, StatusCode::OK, "2 h less a second");
    let seen = last_seen(&app, &token).await.expect("live");
    assert!(seen > opened + 119 * MINUTE, "{seen} {opened}");
    app.advance(119 * MINUTE);
    assert_eq!(me(&app, &token).await, StatusCode::OK, "kept alive by use");
    // two hours without a request: signed out, the sign-in deleted
    app.advance(2 * 60 * MINUTE);
    assert_eq!(me(&app, &token).await, StatusCode::UNAUTHORIZED);
    assert_eq!(last_seen(&app, &token).await, None, "the row is gone");
    // and the pages agree
    let (token, _) = sign_in(&app, "ana@example.org", PASSWORD).await;
    app.advance(2 * 60 * MINUTE + 1);
    let page = no_redirects()
        .get(app.url("/my-application"))
        .header(COOKIE, format!("cohort_session={token}"))
        .send()
        .await
        .expect("page");
    assert!(page.status().is_redirection(), "{}", page.status());
    assert_eq!(header(&page, LOCATION.as_str()).as_deref(), Some("/login"));
    assert_eq!(last_seen(&app, &token).await, None);
}

#[tokio::test]
async fn staff_sign_ins_lapse_after_thirty_idle_minutes() {
    let app = TestApp::spawn().await;
    staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let (token, _) = sign_in(&app, "coord@nato.example", STAFF_PASSWORD).await;
    let office = |token: String| {
        let request = no_redirects()
            .get(app.url("/api/v1/office/mail-templates"))
            .header(COOKIE, format!("cohort_session={token}"));
        async move { request.send().await.expect("office").status() }
    };
    app.advance(29 * MINUTE);
    assert_eq!(office(token.clone()).await, StatusCode::OK);
    app.advance(29 * MINUTE);
    assert_eq!(
        office(token.clone()).await,
        StatusCode::OK,
        "used 29 min ago"
    );
    app.advance(30 * MINUTE);
    assert_eq!(office(token.clone()).await, StatusCode::UNAUTHORIZED);
    assert_eq!(last_seen(&app, &token).await, None);
    // a candidate's two hours are not a staff member's
    candidate(&app, "ana@example.org").await;
    let (ana, _) = sign_in(&app, "ana@example.org", PASSWORD).await;
    app.advance(31 * MINUTE);
    assert_eq!(me(&app, &ana).await, StatusCode::OK);
}
