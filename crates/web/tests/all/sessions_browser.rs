//! Session settings in headless Chromium: a coordinator creates a session (a mistake is
//! shown next to its input first), imports placements from a CSV whose bad row the preview
//! names, then a good one, confirms, and opens a placement; subscribes to their dates;
//! rewords an e-mail template after a preview. axe-core reports no violation on any of
//! these pages.

use crate::common;
use crate::web_browser;

use common::office::{staff, STAFF_PASSWORD};
use common::TestApp;
use fantoccini::{Client, Locator};
use serde_json::json;
use web_browser::{audit, axe_script, click_and_wait, heading, start_browser};

async fn set(client: &Client, id: &str, value: &str) {
    // date and time inputs take their value from script: typing depends on the locale
    client
        .execute(
            "const e = document.getElementById(arguments[0]); e.value = arguments[1];",
            vec![json!(id), json!(value)],
        )
        .await
        .unwrap_or_else(|e| panic!("{id}: {e}"));
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

async fn upload(client: &Client, path: &std::path::Path) {
    client
        .find(Locator::Css("input[type='file']"))
        .await
        .expect("file input")
        .send_keys(path.to_str().expect("utf-8"))
        .await
        .expect("choose the file");
    press(client, "form[enctype='multipart/form-data'] button").await;
}

#[tokio::test]
async fn a_coordinator_sets_up_a_session_and_imports_its_placements_in_a_browser() {
    let axe = axe_script();
    let app = TestApp::spawn().await;
    staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let dir = tempfile::tempdir().expect("dir");
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "unit,capacity,title_en,title_fr,description_en,description_fr\n\
         DI,2,Analyst,Analyste,Analyses.,Analyse.\n\
         NOPE,1,Lawyer,Juriste,Advises.,Conseille.\n",
    )
    .expect("write");
    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "unit,capacity,title_en,title_fr,description_en,description_fr,languages\n\
         DI,2,Analyst,Analyste,Analyses.,Analyse.,en:C1\n\
         OLA,1,Lawyer,Juriste,Advises.,Conseille.,fr:B2\n",
    )
    .expect("write");

    let (_driver, client) = start_browser().await;
    client.set_window_size(1280, 900).await.expect("size");
    client
        .goto(&app.url("/login?lang=en"))
        .await
        .expect("login");
    for (name, value) in [
        ("email", "coord@nato.example"),
        ("password", STAFF_PASSWORD),
    ] {
        client
            .find(Locator::Css(&format!("input[name='{name}']")))
            .await
            .expect("field")
            .send_keys(value)
            .await
            .expect("type");
    }
    press(&client, "main form button").await;
    press(&client, "a[href='/office/sessions/new']").await;
    assert_eq!(heading(&client).await, "New session");
    audit(&client, &axe, "new session").await;
    for (id, value) in [
        ("f-code", "2031-09"),
        ("f-name_en", "Autumn 2031"),
        ("f-name_fr", "Automne 2031"),
    ] {
        client
            .find(Locator::Id(id))
            .await
            .expect(id)
            .send_keys(value)
            .await
            .expect("type");
    }
    // the internships would end before they start
    for (id, value) in [
        ("f-period_start", "2031-09-01"),
        ("f-period_end", "2031-08-01"),
        ("f-opens", "2031-01-10T09:00"),
        ("f-closes", "2031-02-15T23:59"),
    ] {
        set(&client, id, value).await;
    }
    press(
        &client,
        "form[action='/office/sessions/new'] button[type='submit']",
    )
    .await;
    let error = client
        .find(Locator::Css("#f-period_end-error"))
        .await
        .expect("the error next to its input")
        .text()
        .await
        .expect("text");
    assert!(
        error.contains("2031-08-01") && error.contains("2031-09-01"),
        "{error}"
    );
    audit(&client, &axe, "new session with a mistake").await;
    set(&client, "f-period_end", "2032-02-29").await;
    press(
        &client,
        "form[action='/office/sessions/new'] button[type='submit']",
    )
    .await;
    let text = main_text(&client).await;
    assert!(text.contains("The session is created"), "{text}");
    audit(&client, &axe, "session settings").await;

    upload(&client, &bad).await;
    let text = main_text(&client).await;
    assert!(
        text.contains("Row 3") && text.contains("“NOPE” is not a unit"),
        "{text}"
    );
    assert!(text.contains("Nothing was saved"));
    audit(&client, &axe, "import preview with problems").await;
    client.back().await.expect("back");
    upload(&client, &good).await;
    let text = main_text(&client).await;
    assert!(
        text.contains("2 placements are ready") && text.contains("Lawyer"),
        "{text}"
    );
    audit(&client, &axe, "import preview").await;
    press(&client, "form[action$='/import/confirm'] button").await;
    let text = main_text(&client).await;
    assert!(
        text.contains("The placements are added") && text.contains("Analyst"),
        "{text}"
    );
    press(&client, "table a").await;
    assert_eq!(heading(&client).await, "Placement");
    audit(&client, &axe, "placement").await;
    // the coordinator's dates, as a calendar link shown once
    client
        .goto(&app.url("/calendar"))
        .await
        .expect("calendar page");
    audit(&client, &axe, "calendar").await;
    press(&client, "form[action='/calendar'] button").await;
    let link = client
        .find(Locator::Id("feed-url"))
        .await
        .expect("the link")
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert!(link.ends_with(".ics"), "{link}");
    audit(&client, &axe, "calendar with its link").await;

    // the e-mail templates: a mistake named next to its field, a preview, then saved
    client
        .goto(&app.url("/office/mail-templates"))
        .await
        .expect("templates page");
    assert_eq!(heading(&client).await, "E-mail templates");
    audit(&client, &axe, "e-mail templates").await;
    press(&client, "a[href='/office/mail-templates/offer/fr']").await;
    audit(&client, &axe, "one template").await;
    set(&client, "f-body", "Bonjour { $name }, voir { $link }").await;
    press(&client, "button[value='preview']").await;
    let text = main_text(&client).await;
    assert!(text.contains("“name”"), "{text}");
    audit(&client, &axe, "a template with a mistake").await;
    set(
        &client,
        "f-body",
        "Poste : { $placement }. Répondez ici : { $link }",
    )
    .await;
    press(&client, "button[value='preview']").await;
    let text = main_text(&client).await;
    assert!(
        text.contains("Poste : Stagiaire en politique de cyberdéfense."),
        "{text}"
    );
    audit(&client, &axe, "a template's preview").await;
    press(&client, "button[value='save']").await;
    assert!(main_text(&client).await.contains("Saved."));
    app.stop().await.expect("stop");
}
