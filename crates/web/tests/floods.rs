//! Floods against accounts, over HTTP: concurrent wrong passwords are checked at most five
//! times and the owner still gets in through the mailed link; reset requests send at most
//! three e-mails to one address whoever asks; a hundred concurrent registrations are
//! answered 2xx, 429 or 503 (with `Retry-After`), with argon2 bounded; pages answer the
//! same way as the API, in the visitor's language; `X-Forwarded-For` counts only from a
//! trusted proxy. The server's clock is frozen where limits are counted, so that what is
//! checked never depends on the machine's speed.

#[path = "all/common/mod.rs"]
mod common;

use common::candidates::PASSWORD;
use common::TestApp;
use reqwest::header::{ACCEPT_LANGUAGE, ORIGIN, RETRY_AFTER};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Every request from 127.0.0.1 comes through a trusted proxy, so a test can play many
/// clients with `X-Forwarded-For`.
fn behind_a_proxy(settings: &mut cohort_web::Settings) {
    settings.trusted_proxies =
        cohort_web::TrustedProxies(vec!["127.0.0.1/32".parse().expect("cidr")]);
}

fn cookie_client() -> Client {
    Client::builder()
        .cookie_store(true)
        .build()
        .expect("client")
}

async fn post_json(client: &Client, url: String, body: Value, forwarded: Option<&str>) -> Response {
    let mut request = client.post(url).json(&body);
    if let Some(ip) = forwarded {
        request = request.header("x-forwarded-for", ip);
    }
    request.send().await.expect("request")
}

fn retry_after(response: &Response) -> u64 {
    response
        .headers()
        .get(RETRY_AFTER)
        .unwrap_or_else(|| panic!("no Retry-After on a {}", response.status()))
        .to_str()
        .expect("ascii")
        .parse()
        .expect("whole seconds")
}

/// The `n`-th (0-based) link to `path` mailed to `email`, as received by the SMTP sink.
async fn mailed_link(app: &TestApp, email: &str, n: usize, path: &str) -> String {
    let sink = app.smtp.as_ref().expect("an SMTP sink");
    let marker = format!("{path}?token=");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let tokens: Vec<String> = sink
            .delivered()
            .into_iter()
            .filter(|m| m.header("X-RcptTo").eq_ignore_ascii_case(email))
            .map(|m| m.text())
            .filter_map(|text| {
                text.split(&marker).nth(1).map(|rest| {
                    rest.chars()
                        .take_while(char::is_ascii_hexdigit)
                        .collect::<String>()
                })
            })
            .collect();
        if let Some(token) = tokens.get(n) {
            return token.clone();
        }
        assert!(Instant::now() < deadline, "mail {n} to {email}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Every queued e-mail sent (to the sink), then how many the sink got for `email`.
async fn delivered_to(app: &TestApp, email: &str) -> usize {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox")
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the outbox drains");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let sink = app.smtp.as_ref().expect("an SMTP sink");
    sink.delivered()
        .into_iter()
        .filter(|m| m.header("X-RcptTo").eq_ignore_ascii_case(email))
        .count()
}

/// Registers `email` and confirms it through the mailed link.
async fn owner(app: &TestApp, email: &str) {
    let client = Client::new();
    let response = post_json(
        &client,
        app.url("/api/v1/auth/register"),
        json!({"email": email, "password": PASSWORD}),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let token = mailed_link(app, email, 0, "/verify").await;
    let response = post_json(
        &client,
        app.url("/api/v1/auth/verify"),
        json!({"token": token}),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_concurrent_wrong_passwords_are_checked_five_times_and_the_owner_gets_in_by_the_mailed_link(
) {
    // room for every request in the hashing queue: what refuses here is the rate limit
    let app = TestApp::spawn_configured(None, |s| {
        s.password_hashing = cohort_web::WorkLimit {
            at_once: 2,
            queued: 64,
        }
    })
    .await
    .with_smtp();
    let email = "admin@example.org";
    owner(&app, email).await;
    app.freeze();

    let checked_before = app.state.passwords.checks();
    let attacker = Client::new();
    let attempts: Vec<_> = (0..30)
        .map(|i| {
            let attacker = attacker.clone();
            let url = app.url("/api/v1/auth/login");
            tokio::spawn(async move {
                let response = post_json(
                    &attacker,
                    url,
                    json!({"email": email, "password": format!("guess number {i}")}),
                    None,
                )
                .await;
                let status = response.status();
                let wait =
                    (status == StatusCode::TOO_MANY_REQUESTS).then(|| retry_after(&response));
                (status, wait)
            })
        })
        .collect();
    let mut wrong = 0;
    let mut limited = 0;
    for attempt in attempts {
        match attempt.await.expect("task") {
            (StatusCode::UNAUTHORIZED, _) => wrong += 1,
            (StatusCode::TOO_MANY_REQUESTS, Some(wait)) => {
                assert_eq!(wait, 2, "two seconds after the fifth failure");
                limited += 1;
            }
            other => panic!("unexpected answer {other:?}"),
        }
    }
    let checked = app.state.passwords.checks() - checked_before;
    assert_eq!(checked, 5, "argon2 ran for five guesses only");
    assert_eq!((wrong, limited), (5, 25));
    assert_eq!(
        app.store
            .sign_in_failures(&format!("signin-account:{email}"))
            .await
            .expect("count"),
        5
    );

    // even the right password waits now…
    let response = post_json(
        &Client::new(),
        app.url("/api/v1/auth/login"),
        json!({"email": email, "password": PASSWORD}),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&response) >= 1);

    // …but the mailed link lets the owner in at once, the clock still standing
    let response = post_json(
        &Client::new(),
        app.url("/api/v1/auth/password-reset/request"),
        json!({"email": email}),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    let token = mailed_link(&app, email, 0, "/password-reset").await;
    let new_password = "the owner's new passphrase";
    let browser = cookie_client();
    let response = post_json(
        &browser,
        app.url("/api/v1/auth/password-reset"),
        json!({"token": token, "password": new_password}),
        None,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON");
    assert!(
        body["csrf_token"].as_str().is_some_and(|t| t.len() == 64),
        "{body}"
    );
    let me = browser.get(app.url("/api/v1/me")).send().await.expect("me");
    assert_eq!(me.status(), StatusCode::OK, "signed in by the link");
    let checked_then = app.state.passwords.checks();
    let response = post_json(
        &Client::new(),
        app.url("/api/v1/auth/login"),
        json!({"email": email, "password": new_password}),
        None,
    )
    .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "and signs in with the new password at once: the failures are forgotten"
    );
    assert_eq!(app.state.passwords.checks(), checked_then + 1);
}

#[tokio::test]
async fn twenty_reset_requests_for_one_address_send_at_most_three_mails_whoever_asks() {
    let app = TestApp::spawn_configured(None, behind_a_proxy)
        .await
        .with_smtp();
    let email = "eve@example.org";
    owner(&app, email).await;
    app.freeze();
    let client = Client::new();
    // twenty different clients, one address: the same answer every time, three mails
    for (i, address) in [email, "nobody@example.org"].iter().enumerate() {
        for n in 0..20 {
            let response = post_json(
                &client,
                app.url("/api/v1/auth/password-reset/request"),
                json!({"email": address}),
                Some(&format!("198.51.100.{}", 20 * i + n + 1)),
            )
            .await;
            assert_eq!(response.status(), StatusCode::ACCEPTED);
            let body: Value = response.json().await.expect("JSON");
            assert_eq!(
                body,
                json!({"status": "check_your_email"}),
                "the same for a known and an unknown address"
            );
        }
    }
    // the confirmation mail, then three reset links
    assert_eq!(delivered_to(&app, email).await, 1 + 3);
    assert_eq!(delivered_to(&app, "nobody@example.org").await, 0);

    // one client asking for many addresses is limited by its own quota: 429
    let mut answers = Vec::new();
    for n in 0..12 {
        let response = post_json(
            &client,
            app.url("/api/v1/auth/password-reset/request"),
            json!({"email": format!("someone{n}@example.org")}),
            Some("203.0.113.50"),
        )
        .await;
        let wait =
            (response.status() == StatusCode::TOO_MANY_REQUESTS).then(|| retry_after(&response));
        answers.push((response.status(), wait));
    }
    let accepted = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::ACCEPTED)
        .count();
    assert_eq!(accepted, 10, "{answers:?}");
    assert!(
        answers[10..]
            .iter()
            .all(|(s, w)| *s == StatusCode::TOO_MANY_REQUESTS && w.is_some_and(|w| w > 0)),
        "{answers:?}"
    );
}

/// The peak resident memory of this process (the server runs in it), in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_concurrent_registrations_are_answered_2xx_429_or_503_with_argon2_bounded() {
    let app = TestApp::spawn_configured(None, behind_a_proxy).await;
    let limit = app.state.passwords.limit();
    let client = Client::new();
    let requests: Vec<_> = (0..100)
        .map(|i| {
            let client = client.clone();
            let url = app.url("/api/v1/auth/register");
            tokio::spawn(async move {
                // a hundred clients, a hundred addresses: only the hashing queue limits them
                let response = post_json(
                    &client,
                    url,
                    json!({"email": format!("flood{i}@example.org"), "password": PASSWORD}),
                    Some(&format!("203.0.113.{}", i + 1)),
                )
                .await;
                let status = response.status();
                let wait = response.headers().get(RETRY_AFTER).is_some();
                let body: Value = response.json().await.expect("JSON");
                (status, wait, body)
            })
        })
        .collect();
    let mut accepted = 0;
    let mut refused = 0;
    for request in requests {
        let (status, wait, body) = request.await.expect("task");
        match status {
            StatusCode::ACCEPTED => accepted += 1,
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::TOO_MANY_REQUESTS => {
                assert!(wait, "{status} without Retry-After");
                assert!(body["error"]["message"].as_str().is_some(), "{body}");
                refused += 1;
            }
            other => panic!("{other}: {body}"),
        }
    }
    assert_eq!(accepted + refused, 100);
    assert!(
        accepted >= limit.at_once + limit.queued,
        "at least those let in at first are hashed: {accepted}"
    );
    let peak = app.state.passwords.peak_running();
    assert!(
        (1..=limit.at_once).contains(&peak),
        "{peak} hashes at once for a limit of {}",
        limit.at_once
    );
    let rss_mib = peak_rss_kib() / 1024;
    assert!(rss_mib < 300, "peak RSS {rss_mib} MiB");
    eprintln!(
        "100 registrations: {accepted} accepted, {refused} refused; {peak} argon2 at once; peak RSS {rss_mib} MiB"
    );
}

#[tokio::test]
async fn a_full_hashing_queue_answers_503_with_retry_after_on_the_api_and_the_page() {
    let app = TestApp::spawn_configured(None, |s| {
        s.password_hashing = cohort_web::WorkLimit {
            at_once: 1,
            queued: 1,
        }
    })
    .await;
    // the test holds both places, as two long hashes would
    let held = [
        app.state.passwords.admit().expect("a place"),
        app.state.passwords.admit().expect("another"),
    ];
    let response = Client::new()
        .post(app.url("/api/v1/auth/register"))
        .header(ACCEPT_LANGUAGE, "fr")
        .json(&json!({"email": "zoe@example.org", "password": PASSWORD}))
        .send()
        .await
        .expect("register");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(retry_after(&response), 2);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["error"]["code"], "unavailable");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("très sollicité") && m.contains("2 secondes")),
        "{body}"
    );
    let response = Client::new()
        .post(app.url("/login"))
        .header(ACCEPT_LANGUAGE, "en")
        .header(ORIGIN, &app.base)
        .form(&[("email", "zoe@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .expect("login");
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(retry_after(&response), 2);
    let html = response.text().await.expect("html");
    assert!(html.contains("very busy"), "{html}");
    assert!(
        app.store
            .account_by_email("zoe@example.org")
            .await
            .expect("read")
            .is_none(),
        "nothing was stored"
    );
    drop(held);
    let response = Client::new()
        .post(app.url("/api/v1/auth/register"))
        .json(&json!({"email": "zoe@example.org", "password": PASSWORD}))
        .send()
        .await
        .expect("register");
    assert_eq!(response.status(), StatusCode::ACCEPTED, "room again");
}

#[tokio::test]
async fn the_pages_answer_429_with_retry_after_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    app.freeze();
    let client = Client::new();
    let form = |path: &str, fields: Vec<(&'static str, String)>| {
        client
            .post(app.url(path))
            .header(ACCEPT_LANGUAGE, "fr")
            .header(ORIGIN, &app.base)
            .form(&fields)
            .send()
    };
    for _ in 0..5 {
        let response = form(
            "/login",
            vec![
                ("email", "cy@example.org".into()),
                ("password", "not it at all".into()),
            ],
        )
        .await
        .expect("login");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let response = form(
        "/login",
        vec![
            ("email", "cy@example.org".into()),
            ("password", "not it at all".into()),
        ],
    )
    .await
    .expect("login");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&response), 2);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("Trop de connexions échouées") && html.contains("2 secondes"),
        "{html}"
    );
    assert!(html.contains("name=\"email\""), "the form again");

    // registrations: twenty from one client address, then 429
    for n in 0..20 {
        let response = form(
            "/register",
            vec![
                ("email", format!("new{n}@example.org")),
                ("password", PASSWORD.into()),
            ],
        )
        .await
        .expect("register");
        assert_eq!(response.status(), StatusCode::OK);
    }
    let response = form(
        "/register",
        vec![
            ("email", "one.more@example.org".into()),
            ("password", PASSWORD.into()),
        ],
    )
    .await
    .expect("register");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&response), 180, "one more every three minutes");
    let html = response.text().await.expect("html");
    assert!(
        html.contains("Trop de comptes") && html.contains("3 minutes"),
        "{html}"
    );

    // reset requests: ten from one client address, then 429
    for n in 0..10 {
        let response = form(
            "/password-reset",
            vec![("email", format!("r{n}@example.org"))],
        )
        .await
        .expect("reset");
        assert_eq!(response.status(), StatusCode::OK);
    }
    let response = form("/password-reset", vec![("email", "r@example.org".into())])
        .await
        .expect("reset");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&response) > 0);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("Trop de demandes de réinitialisation"),
        "{html}"
    );
}

#[tokio::test]
async fn x_forwarded_for_is_ignored_from_an_untrusted_peer() {
    let app = TestApp::spawn().await;
    let response = post_json(
        &Client::new(),
        app.url("/api/v1/auth/login"),
        json!({"email": "x@example.org", "password": "not the password"}),
        Some("198.51.100.9"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let count = |subject: &'static str| {
        let store = app.store.clone();
        async move { store.sign_in_failures(subject).await.expect("count") }
    };
    assert_eq!(count("signin-client:127.0.0.1").await, 1, "the TCP peer");
    assert_eq!(count("signin-client:198.51.100.9").await, 0);
}

#[tokio::test]
async fn x_forwarded_for_names_the_client_behind_a_trusted_proxy() {
    let app = TestApp::spawn_configured(None, behind_a_proxy).await;
    // the client forged the left entry; the proxy appended the address it saw
    let response = post_json(
        &Client::new(),
        app.url("/api/v1/auth/login"),
        json!({"email": "x@example.org", "password": "not the password"}),
        Some("192.0.2.66, 198.51.100.9"),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let count = |subject: &'static str| {
        let store = app.store.clone();
        async move { store.sign_in_failures(subject).await.expect("count") }
    };
    assert_eq!(count("signin-client:198.51.100.9").await, 1);
    assert_eq!(
        count("signin-client:192.0.2.66").await,
        0,
        "not the forged one"
    );
    assert_eq!(count("signin-client:127.0.0.1").await, 0, "not the proxy");
}
