//! Driving headless Chromium from the tests: start chromedriver and a browser, and audit
//! a page with axe-core. Shared by `browser.rs` and `journey.rs`.

#![allow(dead_code)] // each test binary uses part of it

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// axe-core's script, from `COHORT_AXE_JS`.
pub fn axe_script() -> String {
    let axe_path = std::env::var("COHORT_AXE_JS").unwrap_or_else(|_| {
        panic!("COHORT_AXE_JS is not set: it must point to axe-core's axe.min.js (npm install axe-core; ./scripts/test does it)")
    });
    std::fs::read_to_string(&axe_path).unwrap_or_else(|e| panic!("cannot read {axe_path}: {e}"))
}

/// chromedriver in a process group of its own, with the browser it starts: dropping it
/// ends the whole group (killing chromedriver alone left each Chromium running), then
/// removes the browser's profile.
pub struct Driver {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
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

pub async fn start_browser() -> (Driver, Client) {
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
        .process_group(0)
        .spawn()
        .expect("start chromedriver");
    let profile = tempfile::tempdir().expect("profile dir");
    let profile_path = profile.path().to_owned();
    let driver = Driver {
        child,
        _profile: profile,
    };
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=fr-FR",
                format!("--user-data-dir={}", profile_path.display()),
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
pub async fn audit(client: &Client, axe: &str, page: &str) {
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

pub async fn html_lang(client: &Client) -> String {
    client
        .execute("return document.documentElement.lang;", vec![])
        .await
        .expect("lang")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

pub async fn heading(client: &Client) -> String {
    client
        .find(Locator::Css("h1"))
        .await
        .expect("h1")
        .text()
        .await
        .expect("text")
}

/// Clicks and waits until the next page has replaced this one.
pub async fn click_and_wait(client: &Client, target: fantoccini::elements::Element) {
    let old = client.find(Locator::Css("html")).await.expect("the page");
    target.click().await.expect("click");
    // the browser loads the next page on its own time: a bounded wait for it
    for _ in 0..200 {
        if old.tag_name().await.is_err() {
            client
                .wait()
                .for_element(Locator::Css("footer.site"))
                .await
                .expect("the next page");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the page did not change");
}
