//! A visitor in a real headless Chromium: home page, switch to English, open a division,
//! follow a sub-unit, search for "cyberdéfense" — with an axe-core accessibility audit of
//! every page that must report zero violations.
//!
//! Needs `chromedriver` and `chromium` (Debian's `chromium-driver`, `chromium`) and axe-core
//! (`COHORT_AXE_JS`, the path to axe.min.js); `./scripts/test` installs them and sets the
//! variables. Without them the test fails and says what is missing.

use crate::common;
use crate::web_browser;

use common::TestApp;
use fantoccini::Locator;
use web_browser::{audit, axe_script, click_and_wait, heading, html_lang, start_browser};

#[tokio::test]
async fn a_visitor_browses_switches_language_and_searches() {
    let axe = axe_script();
    let app = TestApp::spawn().await;
    let (_driver, client) = start_browser().await;

    client.goto(&app.url("/")).await.expect("home");
    assert_eq!(html_lang(&client).await, "fr", "Chromium asks for French");
    assert_eq!(heading(&client).await, "Rencontrez-nous");
    audit(&client, &axe, "home (fr)").await;

    let target = client
        .find(Locator::LinkText("English"))
        .await
        .expect("switch");
    click_and_wait(&client, target).await;
    assert_eq!(html_lang(&client).await, "en");
    assert_eq!(heading(&client).await, "Meet us");
    audit(&client, &axe, "home (en)").await;

    let target = client
        .find(Locator::LinkText("Emerging Security Challenges Division"))
        .await
        .expect("division link");
    click_and_wait(&client, target).await;
    assert_eq!(
        heading(&client).await,
        "Emerging Security Challenges Division"
    );
    audit(&client, &axe, "division").await;

    let target = client
        .find(Locator::LinkText("Cyber Defence Section"))
        .await
        .expect("sub-unit link");
    click_and_wait(&client, target).await;
    assert_eq!(heading(&client).await, "Cyber Defence Section");
    assert_eq!(html_lang(&client).await, "en", "the choice is remembered");
    audit(&client, &axe, "sub-unit").await;

    let search = client
        .find(Locator::Css("input[name=q]"))
        .await
        .expect("search box");
    search.send_keys("cyberdéfense").await.expect("type");
    let target = client
        .find(Locator::Css("form[role=search] button"))
        .await
        .expect("button");
    click_and_wait(&client, target).await;
    let first = client
        .wait()
        .for_element(Locator::Css("ul.cards li a"))
        .await
        .expect("a result");
    assert_eq!(first.text().await.expect("text"), "Cyber Defence Section");
    audit(&client, &axe, "search results").await;

    let target = client
        .find(Locator::Css("footer a[href='/api/docs']"))
        .await
        .expect("api link");
    click_and_wait(&client, target).await;
    audit(&client, &axe, "API reference").await;

    client.close().await.expect("close the browser");
}
