//! Offer rounds in headless Chromium: the coordinator closes ranking, previews round 1 and
//! publishes it; one candidate accepts, one declines, one without an offer reads why; the
//! coordinator previews and publishes round 2, which gives the declined seat to the one
//! still waiting; the intern sends a checklist document. axe-core reports no violation on
//! any of these pages.

use crate::common;
use crate::web_browser;

use common::candidates::{Candidate, PASSWORD};
use common::office::{staff, submitted, two_placement_session, Applicant, STAFF_PASSWORD};
use common::TestApp;
use fantoccini::{Client, Locator};
use reqwest::Method;
use serde_json::json;
use web_browser::{audit, axe_script, click_and_wait, heading, start_browser};

const DAY: i64 = 24 * 3600 * 1000;

fn applicant(email: &'static str) -> Applicant<'static> {
    Applicant {
        email,
        given_names: "Test",
        family_name: "Candidate",
        birth_date: "2000-03-09",
        nationality: "PT",
        field: "law",
        languages: &[("en", "C1"), ("fr", "B1")],
        motivation: "Je souhaite contribuer aux travaux de l’unité.",
        cv: &[],
    }
}

async fn api(app: &TestApp, who: &Candidate, method: Method, path: &str, body: serde_json::Value) {
    let response = who
        .client
        .request(method, app.url(path))
        .header("x-csrf-token", &who.csrf)
        .json(&body)
        .send()
        .await
        .expect("request");
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.text().await.unwrap_or_default()
    );
}

async fn sign_in(client: &Client, app: &TestApp, email: &str, password: &str) {
    client.goto(&app.url("/login")).await.expect("login page");
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

/// Signs out from `home`, a page with the sign-out button (`/office`, `/my-application`).
async fn sign_out(client: &Client, app: &TestApp, home: &str) {
    client.goto(&app.url(home)).await.expect("home");
    let button = client
        .find(Locator::Css("form[action='/logout'] button"))
        .await
        .expect("sign out");
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

/// A candidate answers their offer on `/my-offer`.
async fn answer(client: &Client, app: &TestApp, axe: &str, email: &str, choice: &str) {
    sign_in(client, app, email, PASSWORD).await;
    client
        .goto(&app.url("/my-offer"))
        .await
        .expect("offer page");
    assert!(main_text(client)
        .await
        .contains("You are offered an internship"));
    audit(client, axe, "offer page").await;
    press(client, &format!("button[value='{choice}']")).await;
    let text = main_text(client).await;
    let done = if choice == "accept" {
        "You accepted the offer"
    } else {
        "You declined the offer"
    };
    assert!(text.contains(done), "{text}");
    audit(client, axe, "offer page after the answer").await;
    if choice == "accept" {
        // the signed agreement, sent from the checklist with a plain file input
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("convention.pdf");
        std::fs::write(&file, common::pdf::with_text(&["Signed agreement"])).expect("write");
        client
            .find(Locator::Css(
                "form[action$='/checklist/agreement/document'] input[type='file']",
            ))
            .await
            .expect("the agreement's file input")
            .send_keys(file.to_str().expect("utf-8"))
            .await
            .expect("choose the file");
        press(
            client,
            "form[action$='/checklist/agreement/document'] button",
        )
        .await;
        let text = main_text(client).await;
        assert!(
            text.contains("Document received") && text.contains("convention.pdf"),
            "{text}"
        );
        audit(client, axe, "offer page with a document sent").await;
    }
    sign_out(client, app, "/my-application").await;
}

#[tokio::test]
async fn offer_rounds_preview_publish_answer_and_second_round_in_a_browser() {
    let axe = axe_script();
    let app = TestApp::spawn().await;
    let (session, [(p1, unit1), (p2, unit2)]) = two_placement_session(&app).await;
    let mut ids = Vec::new();
    for (email, choices) in [
        ("ana@example.org", vec![p1, p2]),
        ("ben@example.org", vec![p1]),
        ("cat@example.org", vec![p1]),
        ("dan@example.org", vec![p1]),
    ] {
        ids.push(
            submitted(&app, session, &applicant(email), &choices)
                .await
                .1,
        );
    }
    let [ana, ben, cat, dan] = [ids[0], ids[1], ids[2], ids[3]];
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer1 = staff(&app, "rev1@nato.example", "reviewer", &[&unit1]).await;
    let reviewer2 = staff(&app, "rev2@nato.example", "reviewer", &[&unit2]).await;
    let decide = json!({"ids": ids, "decision": "shortlist", "reason": "strong"});
    api(
        &app,
        &coordinator,
        Method::POST,
        "/api/v1/office/applications/decisions",
        decide,
    )
    .await;
    let ranking = |groups| json!({ "groups": groups });
    api(
        &app,
        &reviewer1,
        Method::PUT,
        &format!("/api/v1/office/placements/{p1}/ranking"),
        ranking(json!([[ben], [cat], [ana], [dan]])),
    )
    .await;
    api(
        &app,
        &reviewer2,
        Method::PUT,
        &format!("/api/v1/office/placements/{p2}/ranking"),
        ranking(json!([[ana]])),
    )
    .await;
    // the application window closes
    app.advance(121 * DAY);

    let (_driver, client) = start_browser().await;
    client.set_window_size(1280, 900).await.expect("size");
    let allocation = app.url(&format!("/office/sessions/{session}/allocation"));

    // the coordinator: close ranking, preview round 1, publish it
    sign_in(&client, &app, "coord@nato.example", STAFF_PASSWORD).await;
    assert_eq!(heading(&client).await, "Back-office");
    // English from here on (the language cookie), French is checked below
    client
        .goto(&format!("{allocation}?lang=en"))
        .await
        .expect("allocation page");
    audit(&client, &axe, "offer rounds before ranking closes").await;
    press(&client, "form[action$='/ranking/close'] button").await;
    let text = main_text(&client).await;
    assert!(text.contains("Ranking is closed"), "{text}");
    press(&client, "form[action$='/allocation/runs'] button").await;
    let preview = main_text(&client).await;
    assert!(
        preview.contains("3 of 4 candidates get an offer"),
        "{preview}"
    );
    assert!(
        preview.contains("independent checker verified"),
        "{preview}"
    );
    audit(&client, &axe, "round 1 preview").await;
    press(&client, "form[action$='/publish'] button").await;
    assert!(main_text(&client).await.contains("The offers are sent"));
    audit(&client, &axe, "round 1 published").await;
    sign_out(&client, &app, "/office").await;

    // ana accepts, ben declines
    answer(&client, &app, &axe, "ana@example.org", "accept").await;
    answer(&client, &app, &axe, "ben@example.org", "decline").await;

    // dan has no offer and reads why, in French
    sign_in(&client, &app, "dan@example.org", PASSWORD).await;
    client
        .goto(&app.url("/my-offer?lang=fr"))
        .await
        .expect("offer page");
    let text = main_text(&client).await;
    assert!(
        text.contains("Le tour 1 ne vous a fait aucune offre"),
        "{text}"
    );
    assert!(
        text.contains("ses 2 places sont allées à des candidats que l’unité a classés plus haut"),
        "{text}"
    );
    assert!(!text.contains("example.org"), "nobody else is named");
    audit(&client, &axe, "no offer, explained in French").await;
    client
        .goto(&app.url("/my-offer?lang=en"))
        .await
        .expect("back to English");
    sign_out(&client, &app, "/my-application").await;

    // round 2 gives ben's seat to dan; ana's acceptance stays
    sign_in(&client, &app, "coord@nato.example", STAFF_PASSWORD).await;
    client.goto(&allocation).await.expect("allocation page");
    assert!(main_text(&client).await.contains("Run round 2"));
    press(&client, "form[action$='/allocation/runs'] button").await;
    let preview = main_text(&client).await;
    assert!(
        preview.contains("1 of 1 candidates get an offer"),
        "{preview}"
    );
    audit(&client, &axe, "round 2 preview").await;
    press(&client, "form[action$='/publish'] button").await;
    assert!(main_text(&client).await.contains("The offers are sent"));
    // ana's pre-arrival checklist in the office's table; the clearance is requested
    press(&client, "a[href$='/onboarding']").await;
    audit(&client, &axe, "pre-arrival checklists").await;
    press(&client, "button[value='request']").await;
    assert!(main_text(&client).await.contains("requested"));
    sign_out(&client, &app, "/office").await;
    sign_in(&client, &app, "dan@example.org", PASSWORD).await;
    client
        .goto(&app.url("/my-offer"))
        .await
        .expect("offer page");
    assert!(main_text(&client)
        .await
        .contains("You are offered an internship"));
    let statuses: Vec<_> = futures_statuses(&app, &[ana, ben, cat, dan]).await;
    assert_eq!(statuses, ["accepted", "declined", "offered", "offered"]);
    app.stop().await.expect("stop");
}

async fn futures_statuses(app: &TestApp, ids: &[i64]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for &id in ids {
        let row = app
            .store
            .screening_row(id)
            .await
            .expect("read")
            .expect("row");
        out.push(row.status.as_str());
    }
    out
}
