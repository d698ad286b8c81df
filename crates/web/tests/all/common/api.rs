//! JSON calls as a signed-in person (cookie and CSRF token), answered as JSON — or as the
//! text itself when the answer is not JSON.
// shared by several test binaries; each uses a part
#![allow(dead_code)]

use super::candidates::Candidate;
use super::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// `method path` with `body` as `who`, asking for English.
pub async fn call(
    app: &TestApp,
    who: &Candidate,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    call_in(app, who, method, path, "en", body).await
}

/// Like [`call`], in `lang`.
pub async fn call_in(
    app: &TestApp,
    who: &Candidate,
    method: Method,
    path: &str,
    lang: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = who
        .client
        .request(method, app.url(path))
        .header("accept-language", lang)
        .header("x-csrf-token", &who.csrf);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}
