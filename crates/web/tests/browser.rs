//! A visitor in a real headless Chromium: home page, switch to English, open a division,
//! follow a sub-unit, search for "cyberdéfense" — with an axe-core accessibility audit of
//! every page that must report zero violations.
//!
//! Needs `chromedriver` and `chromium` (Debian's `chromium-driver`, `chromium`) and axe-core
//! (`COHORT_AXE_JS`, the path to axe.min.js); `./scripts/test` installs them and sets the
//! variables. Without them the test fails and says what is missing.

mod common;

use common::TestApp;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn tool(var: &str, default: &str) -> String {
    let path = std::env::var(var).unwrap_or_else(|_| default.to_owned());
    assert!(
        std::path::Path::new(&path).exists(),
        "{path} is missing: install Debian's chromium and chromium-driver (./scripts/test does) or set {var}"
    );
    path
}

async fn start_browser() -> (Driver, Client) {
    let driver_path = tool("COHORT_CHROMEDRIVER", "/usr/bin/chromedriver");
    let chromium = tool("COHORT_CHROMIUM", "/usr/bin/chromium");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let child = Command::new(driver_path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver(child);
    let profile = tempfile::tempdir().expect("profile dir").keep();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=fr-FR",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": { "intl.accept_languages": "fr-FR,fr" }
        }),
    );
    // chromedriver takes a moment to listen; a bounded wait for an outside process
    for attempt in 0..100 {
        let connected =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
        match connected {
            Ok(client) => return (driver, client),
            Err(error) if attempt == 99 => panic!("cannot drive Chromium: {error}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    unreachable!("the loop returns or panics")
}

/// Runs axe-core on the current page and fails with the list of violations, if any.
async fn audit(client: &Client, axe: &str, page: &str) {
    client.execute(axe, vec![]).await.expect("inject axe-core");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, \
               nodes: v.nodes.map(n => n.target.join(' '))}))), e => done([{id: 'axe-error', nodes: [String(e)]}]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    let violations = result.as_array().cloned().unwrap_or_default();
    assert!(
        violations.is_empty(),
        "axe-core violations on {page}: {}",
        Value::Array(violations)
    );
}

async fn html_lang(client: &Client) -> String {
    client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .expect("lang")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn heading(client: &Client) -> String {
    client
        .find(Locator::Css("h1"))
        .await
        .expect("h1")
        .text()
        .await
        .expect("text")
}

#[tokio::test]
async fn a_visitor_browses_switches_language_and_searches() {
    let axe_path = std::env::var("COHORT_AXE_JS").unwrap_or_else(|_| {
        panic!("COHORT_AXE_JS is not set: it must point to axe-core's axe.min.js (npm install axe-core; ./scripts/test does it)")
    });
    let axe = std::fs::read_to_string(&axe_path)
        .unwrap_or_else(|e| panic!("cannot read {axe_path}: {e}"));
    let app = TestApp::spawn().await;
    let (_driver, client) = start_browser().await;

    client.goto(&app.url("/")).await.expect("home");
    assert_eq!(html_lang(&client).await, "fr", "Chromium asks for French");
    assert_eq!(heading(&client).await, "Rencontrez-nous");
    audit(&client, &axe, "home (fr)").await;

    client
        .find(Locator::LinkText("English"))
        .await
        .expect("switch")
        .click()
        .await
        .expect("click");
    assert_eq!(html_lang(&client).await, "en");
    assert_eq!(heading(&client).await, "Meet us");
    audit(&client, &axe, "home (en)").await;

    client
        .find(Locator::LinkText("Emerging Security Challenges Division"))
        .await
        .expect("division link")
        .click()
        .await
        .expect("click");
    assert_eq!(
        heading(&client).await,
        "Emerging Security Challenges Division"
    );
    audit(&client, &axe, "division").await;

    client
        .find(Locator::LinkText("Cyber Defence Section"))
        .await
        .expect("sub-unit link")
        .click()
        .await
        .expect("click");
    assert_eq!(heading(&client).await, "Cyber Defence Section");
    assert_eq!(html_lang(&client).await, "en", "the choice is remembered");
    audit(&client, &axe, "sub-unit").await;

    let search = client
        .find(Locator::Css("input[name=q]"))
        .await
        .expect("search box");
    search.send_keys("cyberdéfense").await.expect("type");
    client
        .find(Locator::Css("form[role=search] button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("submit");
    let first = client
        .find(Locator::Css("ul.cards li a"))
        .await
        .expect("a result");
    assert_eq!(first.text().await.expect("text"), "Cyber Defence Section");
    audit(&client, &axe, "search results").await;

    client
        .find(Locator::Css("footer a[href='/api/docs']"))
        .await
        .expect("api link")
        .click()
        .await
        .expect("click");
    audit(&client, &axe, "API reference").await;

    client.close().await.expect("close the browser");
}
