//! Accounts over the API: register, verify by the e-mailed link, sign in and out, CSRF,
//! the sign-in rate limit, password reset — and that registration reveals nothing.

use crate::common;

use common::TestApp;
use reqwest::header::{ACCEPT_LANGUAGE, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const PASSWORD: &str = "correct horse battery";

async fn post(
    app: &TestApp,
    client: &Client,
    path: &str,
    body: Value,
    csrf: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = client.post(app.url(path)).json(&body);
    if let Some(token) = csrf {
        request = request.header("x-csrf-token", token);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let body = if status == StatusCode::NO_CONTENT {
        Value::Null
    } else {
        response.json().await.expect("JSON")
    };
    (status, body)
}

fn cookie_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .build()
        .expect("client")
}

/// The token in the last e-mail queued for `to`, and the e-mail's subject.
async fn last_mail(app: &TestApp, to: &str) -> (String, String) {
    let mails = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox");
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.to == to)
        .unwrap_or_else(|| panic!("no mail to {to}"));
    let token = mail
        .body_text
        .split("token=")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_default();
    (mail.subject.clone(), token)
}

async fn registered_and_verified(app: &TestApp, email: &str) {
    let client = Client::new();
    let (status, _) = post(
        app,
        &client,
        "/api/v1/auth/register",
        json!({"email": email, "password": PASSWORD}),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (_, token) = last_mail(app, email).await;
    let (status, _) = post(
        app,
        &client,
        "/api/v1/auth/verify",
        json!({"token": token}),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

async fn sign_in(
    app: &TestApp,
    client: &Client,
    email: &str,
    password: &str,
) -> (StatusCode, Value) {
    post(
        app,
        client,
        "/api/v1/auth/login",
        json!({"email": email, "password": password}),
        None,
    )
    .await
}

#[tokio::test]
async fn register_verify_sign_in_and_out() {
    let app = TestApp::spawn().await;
    registered_and_verified(&app, "ana@example.org").await;
    let client = cookie_client();
    let response = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": "Ana@Example.org", "password": PASSWORD}))
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()[SET_COOKIE]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http: no Secure flag");
    let body: Value = response.json().await.expect("JSON");
    let csrf = body["csrf_token"].as_str().expect("csrf").to_owned();
    assert_eq!(body["role"], "candidate");

    let me: Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("JSON");
    assert_eq!(me["email"], "ana@example.org");

    let (status, body) = post(&app, &client, "/api/v1/auth/logout", json!({}), None).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "no CSRF token, no sign-out: {body}"
    );
    let (status, _) = post(
        &app,
        &client,
        "/api/v1/auth/logout",
        json!({}),
        Some("wrong"),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(&app, &client, "/api/v1/auth/logout", json!({}), Some(&csrf)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let status = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me")
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn registration_never_reveals_an_existing_account() {
    let app = TestApp::spawn().await;
    registered_and_verified(&app, "ana@example.org").await;
    let client = Client::new();
    let (status, body) = post(
        &app,
        &client,
        "/api/v1/auth/register",
        json!({"email": "ANA@example.org", "password": "another long password"}),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(
        body,
        json!({"status": "check_your_email"}),
        "same answer as a new address"
    );
    let (subject, _) = last_mail(&app, "ANA@example.org").await;
    assert_eq!(
        subject,
        "Someone tried to create an account with your address"
    );
    let (status, _) = sign_in(&app, &client, "ana@example.org", "another long password").await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the first account and its password are untouched"
    );
}

#[tokio::test]
async fn bad_fields_are_named_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    let client = Client::new();
    for (body, field, message) in [
        (
            json!({"email": "ana", "password": PASSWORD}),
            "email",
            "Ceci ne ressemble pas à une adresse",
        ),
        (
            json!({"email": "ana@example.org", "password": "short"}),
            "password",
            "au moins 12 caractères",
        ),
        (
            json!({"email": "ana@example.org", "password": "password1234"}),
            "password",
            "plus courants",
        ),
    ] {
        let response = client
            .post(app.url("/api/v1/auth/register"))
            .header(ACCEPT_LANGUAGE, "fr")
            .json(&body)
            .send()
            .await
            .expect("register");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["error"]["field"], field);
        assert!(
            body["error"]["message"]
                .as_str()
                .expect("message")
                .contains(message),
            "{body}"
        );
    }
    let response = client
        .post(app.url("/api/v1/auth/register"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("register");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let count = app
        .store
        .pending_mail(i64::MAX / 2, 100)
        .await
        .expect("outbox")
        .len();
    assert_eq!(count, 0, "nothing was written for refused requests");
}

#[tokio::test]
async fn an_unconfirmed_address_cannot_sign_in_and_links_work_once() {
    let app = TestApp::spawn().await;
    let client = Client::new();
    post(
        &app,
        &client,
        "/api/v1/auth/register",
        json!({"email": "bo@example.org", "password": PASSWORD}),
        None,
    )
    .await;
    let (status, body) = sign_in(&app, &client, "bo@example.org", PASSWORD).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (subject, token) = last_mail(&app, "bo@example.org").await;
    assert_eq!(subject, "Confirm your e-mail address");
    assert_eq!(
        post(
            &app,
            &client,
            "/api/v1/auth/verify",
            json!({"token": token}),
            None
        )
        .await
        .0,
        StatusCode::OK
    );
    assert_eq!(
        post(
            &app,
            &client,
            "/api/v1/auth/verify",
            json!({"token": token}),
            None
        )
        .await
        .0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(
            &app,
            &client,
            "/api/v1/auth/verify",
            json!({"token": "0000"}),
            None
        )
        .await
        .0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        sign_in(&app, &client, "bo@example.org", PASSWORD).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn repeated_failures_are_rate_limited_per_account() {
    let app = TestApp::spawn().await;
    registered_and_verified(&app, "cy@example.org").await;
    // the delay after the fifth failure is two seconds: the clock stands still meanwhile
    app.freeze();
    let client = Client::new();
    for _ in 0..5 {
        assert_eq!(
            sign_in(&app, &client, "cy@example.org", "not the password")
                .await
                .0,
            StatusCode::UNAUTHORIZED
        );
    }
    let (status, body) = sign_in(&app, &client, "cy@example.org", PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits: {body}"
    );
    registered_and_verified(&app, "dee@example.org").await;
    assert_eq!(
        sign_in(&app, &client, "dee@example.org", PASSWORD).await.0,
        StatusCode::OK,
        "other accounts are not locked"
    );
}

#[tokio::test]
async fn a_password_reset_link_sets_a_new_password_once() {
    let app = TestApp::spawn().await;
    registered_and_verified(&app, "eve@example.org").await;
    let client = Client::new();
    let (status, _) = post(
        &app,
        &client,
        "/api/v1/auth/password-reset/request",
        json!({"email": "nobody@example.org"}),
        None,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::ACCEPTED,
        "unknown addresses get the same answer"
    );
    post(
        &app,
        &client,
        "/api/v1/auth/password-reset/request",
        json!({"email": "eve@example.org"}),
        None,
    )
    .await;
    let (subject, token) = last_mail(&app, "eve@example.org").await;
    assert_eq!(subject, "Choose a new password");
    let new = "a brand new passphrase";
    let (status, body) = post(
        &app,
        &client,
        "/api/v1/auth/password-reset",
        json!({"token": token, "password": "short"}),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = post(
        &app,
        &client,
        "/api/v1/auth/password-reset",
        json!({"token": token, "password": new}),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = post(
        &app,
        &client,
        "/api/v1/auth/password-reset",
        json!({"token": token, "password": new}),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a link works once");
    assert_eq!(
        sign_in(&app, &client, "eve@example.org", PASSWORD).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(&app, &client, "eve@example.org", new).await.0,
        StatusCode::OK
    );
}
