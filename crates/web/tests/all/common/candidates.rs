//! A signed-in candidate for the HTTP tests: registered, verified through the link in the
//! outbox, signed in with a cookie client.
// shared by several test binaries; each uses a part
#![allow(dead_code)]

use super::TestApp;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// The password every test candidate uses.
pub const PASSWORD: &str = "correct horse battery";

/// A signed-in candidate.
pub struct Candidate {
    /// Keeps the session cookie.
    pub client: Client,
    /// Goes in `X-CSRF-Token`.
    pub csrf: String,
    /// The account's id, to reach the store directly.
    pub account_id: i64,
}

/// The token in the last e-mail queued for `to`.
pub async fn token_mailed_to(app: &TestApp, to: &str) -> String {
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
    mail.body_text
        .split("token=")
        .nth(1)
        .map(|rest| rest.chars().take_while(char::is_ascii_hexdigit).collect())
        .unwrap_or_default()
}

/// Registers, verifies and signs in `email`.
pub async fn candidate(app: &TestApp, email: &str) -> Candidate {
    let client = Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let credentials = json!({"email": email, "password": PASSWORD});
    let register = client
        .post(app.url("/api/v1/auth/register"))
        .json(&credentials)
        .send()
        .await
        .expect("register");
    assert_eq!(register.status(), StatusCode::ACCEPTED);
    let token = token_mailed_to(app, email).await;
    let verify = client
        .post(app.url("/api/v1/auth/verify"))
        .json(&json!({"token": token}))
        .send()
        .await
        .expect("verify");
    assert_eq!(verify.status(), StatusCode::OK);
    let login = client
        .post(app.url("/api/v1/auth/login"))
        .json(&credentials)
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    let body: Value = login.json().await.expect("JSON");
    let account_id = app
        .store
        .account_by_email(&email.to_lowercase())
        .await
        .expect("read")
        .expect("account")
        .id;
    Candidate {
        client,
        csrf: body["csrf_token"].as_str().expect("csrf").to_owned(),
        account_id,
    }
}

/// Signs in again (e.g. after the clock moved past the sign-in's lifetime).
pub async fn sign_in(app: &TestApp, email: &str, password: &str, account_id: i64) -> Candidate {
    let client = Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let login = client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), StatusCode::OK);
    let body: Value = login.json().await.expect("JSON");
    Candidate {
        client,
        csrf: body["csrf_token"].as_str().expect("csrf").to_owned(),
        account_id,
    }
}
