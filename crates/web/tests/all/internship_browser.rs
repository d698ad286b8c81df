//! Internships in headless Chromium: the office assigns a supervisor, the supervisor
//! saves then submits the mid-term evaluation with the page's form, and the intern reads
//! it on /my-internship, then as an alumnus with the certificate links. axe-core reports
//! no violation on these pages.

use crate::common;
use crate::web_browser;

use common::api::call;
use common::candidates::{sign_in as api_sign_in, PASSWORD};
use common::intern::accepted_intern;
use common::office::{staff, STAFF_PASSWORD};
use common::TestApp;
use fantoccini::{Client, Locator};
use reqwest::Method;
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

async fn pick(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .expect("pick");
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

async fn log_out(client: &Client, app: &TestApp) {
    client
        .goto(&app.url("/my-application"))
        .await
        .expect("home");
    press(client, "form[action='/logout'] button").await;
}

/// Moves the server's clock to noon (UTC) on `day`.
fn move_to(app: &TestApp, day: jiff::civil::Date) {
    let target = day
        .at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("instant")
        .timestamp()
        .as_millisecond();
    let now =
        cohort_web::system_clock()() + app.clock_offset.load(std::sync::atomic::Ordering::SeqCst);
    app.advance(target - now);
}

#[tokio::test]
async fn a_supervisor_evaluates_and_the_intern_reads_it_as_an_alumnus() {
    let axe = axe_script();
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ana@example.org").await;
    let sup = staff(&app, "sup@nato.example", "supervisor", &[]).await;
    let coord = api_sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let record = format!("/api/v1/office/internships/{}", intern.application);
    let (_, current) = call(&app, &coord, Method::GET, &record, None).await;
    let end: jiff::civil::Date = current["end"]
        .as_str()
        .and_then(|d| d.parse().ok())
        .expect("end");
    let (_driver, client) = start_browser().await;
    client.set_window_size(1280, 900).await.expect("size");

    // the office assigns the supervisor on the session's internships page
    sign_in(&client, &app, "coord@nato.example", STAFF_PASSWORD).await;
    let table = format!("/office/sessions/{}/internships", intern.session);
    press(&client, &format!("a[href='{table}']")).await;
    audit(&client, &axe, "a session's internships").await;
    pick(
        &client,
        &format!(
            "#supervisor-{} option[value='{}']",
            intern.application, sup.account_id
        ),
    )
    .await;
    press(&client, "form[action^='/office/internships/'] button").await;
    let text = main_text(&client).await;
    assert!(
        text.contains("The internship was saved.") && text.contains("sup@nato.example"),
        "{text}"
    );
    log_out(&client, &app).await;

    // the supervisor saves a draft, then submits once the midpoint has come
    let (_, seen) = call(&app, &coord, Method::GET, &record, None).await;
    assert_eq!(seen["supervisor"], sup.account_id);
    let opens: jiff::civil::Date = {
        let (_, full) = call(&app, &coord, Method::GET, &record, None).await;
        let start: jiff::civil::Date = full["start"]
            .as_str()
            .and_then(|d| d.parse().ok())
            .expect("start");
        cohort_domain::internship::InternshipPeriod::new(start, end)
            .expect("period")
            .opens_on(cohort_domain::internship::EvaluationKind::Midterm)
    };
    move_to(&app, opens);
    sign_in(&client, &app, "sup@nato.example", STAFF_PASSWORD).await;
    let one = format!("/office/internships/{}", intern.application);
    press(&client, &format!("a[href='{one}']")).await;
    audit(&client, &axe, "an intern's evaluations").await;
    for (criterion, score) in [
        ("quality", 5),
        ("initiative", 4),
        ("teamwork", 5),
        ("communication", 4),
        ("conduct", 5),
    ] {
        pick(
            &client,
            &format!("#midterm-{criterion} option[value='{score}']"),
        )
        .await;
    }
    client
        .find(Locator::Id("midterm-comments"))
        .await
        .expect("comments")
        .send_keys("Clear briefs, a reliable colleague.")
        .await
        .expect("type");
    press(&client, "form[action$='/midterm'] button[value='save']").await;
    assert!(main_text(&client)
        .await
        .contains("The evaluation was saved."));
    press(&client, "form[action$='/midterm'] button[value='submit']").await;
    let text = main_text(&client).await;
    assert!(text.contains("submitted"), "{text}");
    audit(&client, &axe, "a submitted evaluation").await;
    client.goto(&app.url("/office")).await.expect("home");
    assert!(main_text(&client).await.contains("Your interns"));
    audit(&client, &axe, "a supervisor's home").await;
    log_out(&client, &app).await;

    // after the last day: the alumni section, certificate and evaluation
    move_to(&app, end.tomorrow().expect("date"));
    sign_in(&client, &app, intern.email, PASSWORD).await;
    client
        .goto(&app.url("/my-offer"))
        .await
        .expect("offer page");
    press(&client, "a[href='/my-internship']").await;
    let text = main_text(&client).await;
    assert!(
        text.contains("Alumni") && text.contains("Clear briefs, a reliable colleague."),
        "{text}"
    );
    client
        .find(Locator::Css("a[href$='certificate?lang=fr']"))
        .await
        .expect("French certificate");
    audit(&client, &axe, "an alumnus's internship").await;
    app.stop().await.expect("stop");
}
