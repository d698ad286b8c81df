//! Testimonials in headless Chromium: a former intern writes one on /my-offer, the office
//! approves it, and it appears on the unit's public page. axe-core reports no violation on
//! these pages.

use crate::common;
use crate::web_browser;

use common::candidates::PASSWORD;
use common::intern::{accepted_intern, DAY};
use common::office::STAFF_PASSWORD;
use common::TestApp;
use fantoccini::{Client, Locator};
use web_browser::{audit, axe_script, click_and_wait, start_browser};

async fn sign_in(client: &Client, app: &TestApp, email: &str, password: &str) {
    client
        .goto(&app.url("/login?lang=en"))
        .await
        .expect("login");
    for (name, value) in [("email", email), ("password", password)] {
        client
            .find(Locator::Css(&format!("input[name='{name}']")))
            .await
            .expect("field")
            .send_keys(value)
            .await
            .expect("type");
    }
    let button = client
        .find(Locator::Css("main form button"))
        .await
        .expect("button");
    click_and_wait(client, button).await;
}

async fn press(client: &Client, css: &str) {
    let button = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    click_and_wait(client, button).await;
}

async fn main_text(client: &Client) -> String {
    client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text")
}

#[tokio::test]
async fn the_office_approves_a_testimonial_and_it_appears_on_the_unit_page() {
    let axe = axe_script();
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    app.advance(400 * DAY);
    let (_driver, client) = start_browser().await;
    client.set_window_size(1280, 900).await.expect("size");

    sign_in(&client, &app, intern.email, PASSWORD).await;
    client
        .goto(&app.url("/my-offer"))
        .await
        .expect("offer page");
    audit(&client, &axe, "testimonial form").await;
    client
        .find(Locator::Id("t-body"))
        .await
        .expect("textarea")
        .send_keys("Six months in the team taught me more than two years of study.")
        .await
        .expect("type");
    press(&client, "form[action$='/testimonial'] button").await;
    assert!(main_text(&client)
        .await
        .contains("the internship office will read your testimonial"));
    audit(&client, &axe, "testimonial sent").await;
    client
        .goto(&app.url("/my-application"))
        .await
        .expect("home");
    press(&client, "form[action='/logout'] button").await;

    sign_in(&client, &app, "coord@nato.example", STAFF_PASSWORD).await;
    press(&client, "a[href='/office/testimonials']").await;
    assert!(main_text(&client).await.contains("Six months in the team"));
    audit(&client, &axe, "testimonials to moderate").await;
    press(&client, "button[value='approve']").await;
    assert!(main_text(&client)
        .await
        .contains("No testimonial is waiting"));

    client
        .goto(&app.url(&format!("/units/{}", intern.unit)))
        .await
        .expect("unit page");
    let text = main_text(&client).await;
    assert!(
        text.contains("In an intern's words") && text.contains("Six months in the team"),
        "{text}"
    );
    audit(&client, &axe, "unit page with an intern's testimonial").await;
    app.stop().await.expect("stop");
}
