//! The back office in headless Chromium: a coordinator filters the list, shortlists two
//! applications in bulk and exports the list; a reviewer scores blind and moves a candidate
//! up the ranking with the keyboard. axe-core reports no violation on any of these pages.

use crate::common;
use crate::web_browser;

use common::office::{open_session, placements, staff, submitted, Applicant, STAFF_PASSWORD};
use common::TestApp;
use fantoccini::{Client, Locator};
use web_browser::{audit, axe_script, click_and_wait, heading, start_browser};

fn applicant(
    email: &'static str,
    given: &'static str,
    family: &'static str,
    field: &'static str,
) -> Applicant<'static> {
    Applicant {
        email,
        given_names: given,
        family_name: family,
        birth_date: "2000-03-09",
        nationality: "PT",
        field,
        languages: &[("en", "C1"), ("fr", "B1")],
        motivation: "Je souhaite contribuer aux travaux de l’unité.",
        cv: &["Curriculum vitae", "Expérience : stage juridique, 2024"],
    }
}

async fn sign_in(client: &Client, app: &TestApp, email: &str) {
    client.goto(&app.url("/login")).await.expect("login page");
    for (name, value) in [("email", email), ("password", STAFF_PASSWORD)] {
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
    assert_eq!(heading(client).await, "Back-office");
}

async fn sign_out(client: &Client, app: &TestApp) {
    client.goto(&app.url("/office")).await.expect("office home");
    let button = client
        .find(Locator::Css("form[action='/logout'] button"))
        .await
        .expect("sign out");
    click_and_wait(client, button).await;
}

async fn select(client: &Client, id: &str, value: &str) {
    client
        .find(Locator::Css(&format!(
            "select#{id} option[value='{value}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("{id}={value}: {e}"))
        .click()
        .await
        .expect("select");
}

async fn text(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .expect("text")
}

#[tokio::test]
async fn the_office_screens_reviews_and_ranks_in_a_browser() {
    let axe = axe_script();
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let (pa, unit_a) = offered[0].clone();
    let (pb, _) = offered
        .iter()
        .find(|(_, u)| *u != unit_a)
        .cloned()
        .expect("two units");
    let (_, ana) = submitted(
        &app,
        session,
        &applicant("ana@example.org", "Ana", "Popescu", "law"),
        &[pa],
    )
    .await;
    let (_, clo) = submitted(
        &app,
        session,
        &applicant("clo@example.org", "Clothilde", "Martin", "law"),
        &[pa],
    )
    .await;
    submitted(
        &app,
        session,
        &applicant("ben@example.org", "Ben", "Okafor", "physics"),
        &[pb],
    )
    .await;
    staff(&app, "coord@nato.example", "coordinator", &[]).await;
    staff(&app, "rev@nato.example", "reviewer", &[&unit_a]).await;
    staff(&app, "admin@nato.example", "administrator", &[]).await;
    // the helper signed them in with its own client; the browser signs in again below

    let (_driver, client) = start_browser().await;
    client.set_window_size(1280, 900).await.expect("size");

    // the coordinator: filter, bulk-shortlist, export
    sign_in(&client, &app, "coord@nato.example").await;
    audit(&client, &axe, "office home (coordinator)").await;
    let list = client
        .find(Locator::Css(&format!(
            "a[href='/office/sessions/{session}/applications']"
        )))
        .await
        .expect("the session's list");
    click_and_wait(&client, list).await;
    audit(&client, &axe, "screening list").await;
    select(&client, "filter-field", "law").await;
    let show = client
        .find(Locator::Css("form.filters button"))
        .await
        .expect("show");
    click_and_wait(&client, show).await;
    assert_eq!(
        text(&client, "#total").await,
        "2 candidatures correspondent."
    );
    for id in [ana, clo] {
        client
            .find(Locator::Css(&format!("#pick-{id}")))
            .await
            .expect("checkbox")
            .click()
            .await
            .expect("tick");
    }
    select(&client, "f-decision", "shortlist").await;
    client
        .find(Locator::Css("#f-reason"))
        .await
        .expect("reason")
        .send_keys("Profils juridiques solides")
        .await
        .expect("type");
    let apply = client
        .find(Locator::Css("fieldset button"))
        .await
        .expect("apply");
    click_and_wait(&client, apply).await;
    assert_eq!(
        text(&client, ".done").await,
        "2 modifiée(s), 0 inchangée(s)."
    );
    audit(&client, &axe, "screening list after a bulk decision").await;
    let csv = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const link = document.querySelector('a[href*=\"format=csv\"]');\
             fetch(link.href).then(r => r.arrayBuffer()).then(b => { const u = new Uint8Array(b);\
               const bom = u[0] === 0xEF && u[1] === 0xBB && u[2] === 0xBF;\
               done((bom ? 'BOM ' : 'NO BOM ') + new TextDecoder().decode(b)); }, e => done('error ' + e));",
            vec![],
        )
        .await
        .expect("download through the page's link");
    let csv = csv.as_str().expect("text");
    assert!(
        csv.starts_with("BOM ") && csv.contains("Candidature;Statut;"),
        "{csv}"
    );
    assert!(
        csv.contains("Popescu") && !csv.contains("Okafor"),
        "the filtered list: {csv}"
    );
    client
        .goto(&app.url(&format!("/office/sessions/{session}/report")))
        .await
        .expect("report");
    audit(&client, &axe, "report with charts").await;
    sign_out(&client, &app).await;

    // the reviewer: blind review, then the ranking with the keyboard
    sign_in(&client, &app, "rev@nato.example").await;
    audit(&client, &axe, "office home (reviewer)").await;
    for (id, score) in [(ana, "3"), (clo, "5")] {
        client
            .goto(&app.url(&format!("/office/applications/{id}")))
            .await
            .expect("application");
        let source = client.source().await.expect("html");
        for needle in [
            "Popescu",
            "Clothilde",
            "Martin",
            "ana@example.org",
            "2000-03-09",
            "PT",
        ] {
            assert!(
                !source.contains(needle),
                "{needle} shown to a blind reviewer"
            );
        }
        for key in ["motivation", "education", "languages", "experience"] {
            select(&client, &format!("score-{key}"), score).await;
        }
        let save = client
            .find(Locator::Css("form[action$='/review'] button"))
            .await
            .expect("save");
        click_and_wait(&client, save).await;
        assert!(text(&client, "main").await.contains("Votre évaluation"));
        audit(&client, &axe, "application under blind review").await;
    }
    client
        .goto(&app.url(&format!("/office/placements/{pa}/ranking")))
        .await
        .expect("ranking");
    audit(&client, &axe, "ranking").await;
    let order = |client: &Client| {
        let client = client.clone();
        async move {
            let rows = client
                .find_all(Locator::Css("ol.ranking ul li"))
                .await
                .expect("rows");
            let mut ids = Vec::new();
            for row in rows {
                ids.push(row.attr("id").await.expect("id").unwrap_or_default());
            }
            ids
        }
    };
    assert_eq!(
        order(&client).await,
        [format!("row-{clo}"), format!("row-{ana}")],
        "proposed from the scores"
    );
    // keyboard only: focus Ana's "up" button and press Enter
    let up = client
        .find(Locator::Css(&format!("#row-{ana} button[value='up']")))
        .await
        .expect("up");
    client
        .execute(
            "arguments[0].focus();",
            vec![serde_json::to_value(&up).expect("element")],
        )
        .await
        .expect("focus");
    let old = client.find(Locator::Css("html")).await.expect("page");
    up.send_keys("\u{E007}").await.expect("Enter");
    for _ in 0..200 {
        if old.tag_name().await.is_err() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    client
        .wait()
        .for_element(Locator::Css("footer.site"))
        .await
        .expect("reloaded");
    assert_eq!(
        order(&client).await,
        [format!("row-{ana}"), format!("row-{clo}")],
        "Ana moved up"
    );
    assert!(text(&client, "main .lead")
        .await
        .contains("L’ordre de votre unité"));
    audit(&client, &axe, "ranking after a move").await;
    sign_out(&client, &app).await;

    // the administrator: the audit log, filtered
    sign_in(&client, &app, "admin@nato.example").await;
    let log = client
        .find(Locator::Css("a[href='/office/audit']"))
        .await
        .expect("the audit log's link");
    click_and_wait(&client, log).await;
    assert_eq!(heading(&client).await, "Journal d’audit");
    audit(&client, &axe, "audit log").await;
    client
        .find(Locator::Css("#audit-action"))
        .await
        .expect("action")
        .send_keys("review.save")
        .await
        .expect("type");
    let show = client
        .find(Locator::Css("form.filters button"))
        .await
        .expect("show");
    click_and_wait(&client, show).await;
    let rows = client
        .find_all(Locator::Css("main tbody tr"))
        .await
        .expect("rows");
    assert_eq!(rows.len(), 2, "the reviewer's two reviews");
    assert!(text(&client, "main tbody")
        .await
        .contains("rev@nato.example"));
    audit(&client, &axe, "audit log, filtered").await;
    client.close().await.expect("close the browser");
}
