//! The hostile-input suite: the real `cohort serve` process, attacked the ways that once
//! took it down — PDFs that overflow the parser's stack or inflate to a GiB, a sheet with
//! one cell at XFD1048576, bursts of registrations, resets and wrong passwords, a client
//! that sends half a request head. After each attack the server still answers, the
//! legitimate user still gets in, nothing stored changed, and the server's peak resident
//! memory (`VmHWM` in `/proc/PID/status`) stays under 300 MiB over the whole suite.

mod hostile_support;

use hostile_support::{Server, PASSWORD};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const PEAK_RSS_LIMIT_KIB: u64 = 300 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_server_survives_the_hostile_suite() {
    // X-Forwarded-For from loopback is trusted, so that the burst of registrations comes
    // from 100 addresses and reaches the password hashing
    let server = Server::start(&["--trusted-proxies", "127.0.0.0/8"]).await;
    let candidate = server.candidate("ana@example.org").await;
    hostile_pdfs(&server, &candidate).await;
    server.report("hostile PDFs");
    huge_sheet(&server).await;
    server.report("the huge sheet");
    slowloris(&server).await;
    registration_burst(&server).await;
    server.report("100 registrations");
    reset_burst(&server).await;
    wrong_password_burst(&server).await;
    server.report("30 wrong passwords");
    let peak = server.peak_rss_kib();
    eprintln!("peak RSS of the server over the suite: {} MiB", peak / 1024);
    assert!(
        peak < PEAK_RSS_LIMIT_KIB,
        "peak RSS {} MiB, over 300 MiB",
        peak / 1024
    );
}

/// Arrays nested 1,000, 10,000 and 200,000 deep, and a 1 GiB flate bomb, as a CV: each is
/// answered (a valid PDF with no text), and the server goes on.
async fn hostile_pdfs(server: &Server, who: &hostile_support::Candidate) {
    use cohort_untrusted::samples;
    let files = [
        ("nested 1,000", samples::nested_arrays(1_000)),
        ("nested 10,000", samples::nested_arrays(10_000)),
        ("nested 200,000", samples::nested_arrays(200_000)),
        ("flate bomb", samples::flate_bomb(1 << 30)),
    ];
    for (name, pdf) in files {
        let status = who.upload_cv(server, pdf.clone()).await;
        assert!(
            status == StatusCode::CREATED || status.is_client_error(),
            "{name}: {status}"
        );
        // the text is read just after the answer: the server survives that too
        server.cv_texts_read().await;
        assert!(server.alive().await, "{name}: the server still answers");
        let documents = who.documents(server).await;
        if status == StatusCode::CREATED {
            let sizes: Vec<u64> = documents
                .iter()
                .filter_map(|d| d["size"].as_u64())
                .collect();
            assert!(
                sizes.contains(&(pdf.len() as u64)),
                "{name}: stored whole: {documents:?}"
            );
        }
    }
    // a real CV still goes through, its text read
    let cv = samples::pdf_with_text(&["Ana Popescu", "International law"]);
    assert_eq!(who.upload_cv(server, cv).await, StatusCode::CREATED);
    server.cv_texts_read().await;
    assert!(server.alive().await);
}

/// A coordinator's XLSX with one cell at XFD1048576: refused by name, nothing written.
async fn huge_sheet(server: &Server) {
    let coordinator = server.staff("coordinator", "coord@example.org").await;
    let before = server.placements(1).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "unit").expect("write");
    sheet.write(1_048_575, 16_383, "x").expect("write");
    let bytes = book.save_to_buffer().expect("xlsx");
    let answer = coordinator
        .client
        .post(server.url("/api/v1/office/sessions/1/placements/import"))
        .header("X-CSRF-Token", &coordinator.csrf)
        .header("Accept-Language", "fr")
        .header("Content-Type", "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .expect("import");
    assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = answer.json().await.expect("JSON");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("5 000 lignes"),
        "the limit, in French: {body}"
    );
    assert!(server.alive().await);
    assert_eq!(server.placements(1).await, before, "nothing written");
}

/// Half a request head: the connection is closed within 10 s (the default).
async fn slowloris(server: &Server) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let started = Instant::now();
    let mut stream = tokio::net::TcpStream::connect(server.address)
        .await
        .expect("connect");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .await
        .expect("write");
    let mut buffer = [0u8; 1024];
    let closed = tokio::time::timeout(Duration::from_secs(15), async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "the server closed the connection");
    let after = started.elapsed();
    assert!(after < Duration::from_secs(11), "closed after {after:?}");
    assert!(server.alive().await);
}

/// 100 registrations at once: each is accepted, or refused 429/503 with `Retry-After`;
/// no other error.
async fn registration_burst(server: &Server) {
    let client = reqwest::Client::new();
    let answers = futures_join_all((0..100).map(|i| {
        let client = client.clone();
        let url = server.url("/api/v1/auth/register");
        async move {
            client
                .post(url)
                .header("X-Forwarded-For", format!("10.0.{}.{}", i / 250, i % 250))
                .json(&json!({"email": format!("burst{i}@example.org"), "password": PASSWORD}))
                .send()
                .await
                .expect("register")
        }
    }))
    .await;
    let mut accepted = 0;
    for answer in &answers {
        let status = answer.status();
        match status {
            StatusCode::ACCEPTED => accepted += 1,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => assert!(
                answer.headers().contains_key("retry-after"),
                "{status} with Retry-After"
            ),
            other => panic!("a registration answered {other}"),
        }
    }
    assert!(accepted >= 1, "some registrations went through");
    assert!(server.alive().await);
}

/// 20 reset requests for one address send at most 3 e-mails.
async fn reset_burst(server: &Server) {
    let client = reqwest::Client::new();
    for _ in 0..20 {
        let answer = client
            .post(server.url("/api/v1/auth/password-reset/request"))
            .header("X-Forwarded-For", "198.51.100.7")
            .json(&json!({"email": "ana@example.org"}))
            .send()
            .await
            .expect("reset");
        assert!(!answer.status().is_server_error(), "{}", answer.status());
    }
    server.wait_for_outbox().await;
    let resets = server.mails_to("ana@example.org", "password-reset?token=");
    assert!(
        (1..=3).contains(&resets.len()),
        "{} reset mails for one address",
        resets.len()
    );
}

/// 30 wrong passwords at once for one account: at most 5 are checked (the others are
/// refused 429 before any password is hashed); the owner then gets in by a mailed link.
async fn wrong_password_burst(server: &Server) {
    let client = reqwest::Client::new();
    let answers = futures_join_all((0..30).map(|_| {
        let client = client.clone();
        let url = server.url("/api/v1/auth/login");
        async move {
            client
                .post(url)
                .json(&json!({"email": "coord@example.org", "password": "wrong password guess"}))
                .send()
                .await
                .expect("login")
                .status()
        }
    }))
    .await;
    let checked = answers
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    // the rest wait out a delay (429) or find the password checks full (503)
    let refused = answers
        .iter()
        .filter(|s| {
            matches!(
                **s,
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            )
        })
        .count();
    assert!(checked <= 5, "{checked} passwords checked: {answers:?}");
    assert_eq!(checked + refused, 30, "{answers:?}");
    // the owner, from their own address, asks for a link, sets a new password and is in
    // at once
    let owner = server
        .sign_in_by_mailed_link("coord@example.org", "another long passphrase")
        .await;
    let me = owner
        .client
        .get(server.url("/api/v1/me"))
        .send()
        .await
        .expect("me");
    assert_eq!(me.status(), StatusCode::OK);
}

async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("task"));
    }
    out
}
