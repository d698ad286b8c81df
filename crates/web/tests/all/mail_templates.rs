//! E-mail templates: coordinators see every e-mail in both languages with its variables,
//! preview and save their wording (placeholders checked, the problem named in their
//! language), and the next e-mail of that kind uses it; back to the default at will;
//! every change audited; nobody else may touch them.

use crate::common;

use cohort_domain::mail::MailKind;
use cohort_store::{MailTemplateRow, NewAuditEntry};
use common::api::{call, call_in};
use common::candidates::candidate;
use common::office::staff;
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const VERIFY_FR: &str = "/api/v1/office/mail-templates/verify/fr";

#[tokio::test]
async fn coordinators_reword_an_email_and_the_next_one_uses_it() {
    let app = TestApp::spawn().await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;

    let (status, all) = call(
        &app,
        &coordinator,
        Method::GET,
        "/api/v1/office/mail-templates",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let all = all.as_array().expect("list");
    assert_eq!(
        all.len(),
        2 * MailKind::ALL.len(),
        "every kind in two languages"
    );
    for kind in MailKind::ALL {
        for lang in ["en", "fr"] {
            assert!(
                all.iter()
                    .any(|t| t["kind"] == kind.as_str() && t["lang"] == lang),
                "{kind:?} {lang}"
            );
        }
    }
    let offer_fr = all
        .iter()
        .find(|t| t["kind"] == "offer" && t["lang"] == "fr")
        .expect("offer in French");
    assert_eq!(offer_fr["custom"], false);
    assert!(offer_fr["body"]
        .as_str()
        .expect("body")
        .contains("{ $deadline }"));
    let names: Vec<&str> = offer_fr["variables"]
        .as_array()
        .expect("variables")
        .iter()
        .map(|v| v["name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names, ["placement", "unit", "deadline", "link"]);

    // problems are named, in the coordinator's language, and nothing is saved
    let french = |body: Value| {
        let request = coordinator
            .client
            .put(app.url(VERIFY_FR))
            .header("x-csrf-token", &coordinator.csrf)
            .header("accept-language", "fr")
            .json(&body);
        async move { request.send().await.expect("put") }
    };
    let response = french(json!({"subject": "Bienvenue { $name }", "body": "{ $link }"})).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["error"]["field"], "subject");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("« name »"),
        "{body}"
    );
    let response = french(json!({"subject": "Bienvenue", "body": "Cliquez ici."})).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.expect("JSON");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap_or("")
        .contains("« link » est obligatoire"));
    let response = french(json!({"subject": "Bienvenue", "body": "Suivez { $link"})).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.store.mail_templates().await.expect("read").is_empty());

    // a preview fills the variables with sample values in the template's language
    let wording = json!({
        "subject": "Bienvenue au programme de stages",
        "body": "Confirmez votre adresse ici :\n{ $link }\nÀ bientôt."
    });
    let (status, preview) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("{VERIFY_FR}/preview"),
        Some(wording.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        preview["body"],
        "Confirmez votre adresse ici :\nhttps://stages.example.org/my-offer\nÀ bientôt."
    );
    assert!(
        app.store.mail_templates().await.expect("read").is_empty(),
        "a preview saves nothing"
    );

    let (status, saved) = call(&app, &coordinator, Method::PUT, VERIFY_FR, Some(wording)).await;
    assert_eq!(
        (status, saved["custom"].as_bool()),
        (StatusCode::OK, Some(true))
    );

    // the next French registration gets the office's wording, with its own link
    let registered = reqwest::Client::new()
        .post(app.url("/api/v1/auth/register"))
        .json(
            &json!({"email": "lea@example.org", "password": "correct horse battery", "lang": "fr"}),
        )
        .send()
        .await
        .expect("register");
    assert_eq!(registered.status(), StatusCode::ACCEPTED);
    let mail = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.to == "lea@example.org")
        .expect("mail");
    assert_eq!(mail.subject, "Bienvenue au programme de stages");
    assert!(mail
        .body_text
        .starts_with("Confirmez votre adresse ici :\nhttp"));
    assert!(mail.body_text.contains("/verify?token="));
    // an English registration still gets the product's English wording
    candidate(&app, "sam@example.org").await;
    let english = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.to == "sam@example.org")
        .expect("mail");
    assert_eq!(english.subject, "Confirm your e-mail address");

    // back to the default
    let (status, _) = call(&app, &coordinator, Method::DELETE, VERIFY_FR, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(app.store.mail_templates().await.expect("read").is_empty());
    let entries = app.store.audit_entries(0, 10_000).await.expect("audit");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"mail_template.save") && actions.contains(&"mail_template.reset"));
    assert!(app.store.verify_audit().await.expect("verify").is_intact());

    // unknown kinds and languages are 404
    for path in [
        "/api/v1/office/mail-templates/nope/fr",
        "/api/v1/office/mail-templates/offer/de",
    ] {
        let (status, _) = call(
            &app,
            &coordinator,
            Method::PUT,
            path,
            Some(json!({"subject": "a", "body": "b"})),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn only_coordinators_see_or_change_the_templates() {
    let app = TestApp::spawn().await;
    let reviewer = staff(&app, "rev@nato.example", "reviewer", &["LEGAL"]).await;
    let admin = staff(&app, "admin@nato.example", "administrator", &[]).await;
    let someone = candidate(&app, "cand@example.org").await;
    for who in [&reviewer, &admin, &someone] {
        let (status, _) = call(
            &app,
            who,
            Method::GET,
            "/api/v1/office/mail-templates",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = call(
            &app,
            who,
            Method::PUT,
            VERIFY_FR,
            Some(json!({"subject": "x", "body": "{ $link }"})),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let page = who
            .client
            .get(app.url("/office/mail-templates"))
            .send()
            .await
            .expect("page");
        assert_eq!(page.status(), StatusCode::NOT_FOUND);
    }
    let anonymous = reqwest::Client::new()
        .get(app.url("/api/v1/office/mail-templates"))
        .send()
        .await
        .expect("get");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert!(app.store.mail_templates().await.expect("read").is_empty());
}

#[tokio::test]
async fn the_form_shows_each_problem_next_to_its_field_and_a_preview() {
    let app = TestApp::spawn().await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let page = |path: &str| {
        let request = coordinator.client.get(app.url(path));
        async move {
            request
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("html")
        }
    };
    let list = page("/office/mail-templates?lang=fr").await;
    assert!(
        list.contains("Modèles de courriels")
            && list.contains("Rappel : élément de la liste en retard")
    );
    let edit = page("/office/mail-templates/reminder-overdue/fr").await;
    assert!(
        edit.contains("{ $item }") && edit.contains("l’élément de la liste"),
        "variables listed"
    );
    let post = |fields: Vec<(&'static str, &'static str)>| {
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", coordinator.csrf.as_str())];
        form.extend(fields);
        let request = coordinator
            .client
            .post(app.url("/office/mail-templates/reminder-overdue/fr"))
            .form(&form);
        async move { request.send().await.expect("post") }
    };
    let response = post(vec![
        ("action", "save"),
        ("subject", ""),
        ("body", "Rappel pour { $itme }"),
    ])
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("id=\"f-subject-error\">Écrivez quelque chose ici."),
        "{html}"
    );
    assert!(html.contains("id=\"f-body-error\">Ce courriel n’a pas de variable « itme »"));
    assert!(
        html.contains("Rappel pour { $itme }"),
        "what was typed is kept"
    );
    let response = post(vec![
        ("action", "preview"),
        ("subject", "En retard : { $item }"),
        ("body", "{ $item } : attendu le { $due }. { $link }"),
    ])
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("Objet : En retard : Attestation d’assurance maladie"),
        "{html}"
    );
    assert!(app.store.mail_templates().await.expect("read").is_empty());
    let response = post(vec![
        ("action", "save"),
        ("subject", "En retard : { $item }"),
        ("body", "{ $item } : { $link }"),
    ])
    .await;
    assert!(response.status().is_success());
    assert!(response.text().await.expect("html").contains("Enregistré."));
    let rows = app.store.mail_templates().await.expect("read");
    assert_eq!(
        (rows.len(), rows[0].kind.as_str(), rows[0].lang.as_str()),
        (1, "reminder-overdue", "fr")
    );
    let response = post(vec![("action", "reset")]).await;
    assert!(response
        .text()
        .await
        .expect("html")
        .contains("Le texte du produit s’applique de nouveau."));
    assert!(app.store.mail_templates().await.expect("read").is_empty());
    // without the token nothing changes
    let response = coordinator
        .client
        .post(app.url("/office/mail-templates/reminder-overdue/fr"))
        .form(&[("action", "save"), ("subject", "x"), ("body", "{ $link }")])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(app.store.mail_templates().await.expect("read").is_empty());
}

/// The attack of issue 12: a coordinator words the invitation so that its link becomes
/// the parameter of their own address, then waits for the next administrator's invitation.
const EVIL: &str = "Hello,\n\nhttps://evil.example/activate?next={ $link }\n";
const INVITE_EN: &str = "/api/v1/office/mail-templates/invite/en";

/// The invitation mail to `to` in the outbox, and the link the product made for it.
async fn invitation_to(app: &TestApp, to: &str) -> (String, String) {
    let mail = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox")
        .into_iter()
        .find(|m| m.to == to)
        .unwrap_or_else(|| panic!("a mail to {to}"));
    let link = mail
        .body_text
        .split_whitespace()
        .find(|w| w.contains("/password-reset?token="))
        .unwrap_or_else(|| panic!("a link in {}", mail.body_text))
        .to_owned();
    (mail.body_text, link)
}

/// Every line holding the link holds nothing else, and the link is the product's.
fn alone_on_its_line(app: &TestApp, body: &str, link: &str) {
    assert!(
        link.starts_with(&format!("{}/password-reset?token=", app.base)),
        "{link}"
    );
    let lines: Vec<&str> = body.lines().filter(|l| l.contains("token=")).collect();
    assert!(!lines.is_empty(), "{body}");
    for line in lines {
        assert_eq!(line.trim(), link, "{body}");
    }
    assert!(!body.contains("evil.example"), "{body}");
}

#[tokio::test]
async fn a_security_link_stands_alone_whatever_the_office_writes() {
    let app = TestApp::spawn().await;
    let coordinator = staff(&app, "coord@nato.example", "coordinator", &[]).await;
    let administrator = staff(&app, "admin@nato.example", "administrator", &[]).await;

    // the API refuses it, naming the line, in the coordinator's language
    let evil = json!({"subject": "You are invited", "body": EVIL});
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        INVITE_EN,
        Some(evil.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "body");
    let message = body["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("stand alone on a line of its own")
            && message.contains("https://evil.example/activate?next={ $link }"),
        "{message}"
    );
    let (status, body) = call_in(
        &app,
        &coordinator,
        Method::PUT,
        "/api/v1/office/mail-templates/reset/fr",
        "fr",
        Some(json!({"subject": "Votre lien { $link }", "body": "{ $link }"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "subject");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("seul sur une ligne"),
        "{body}"
    );
    // so does the form, next to the body
    let response = coordinator
        .client
        .post(app.url("/office/mail-templates/invite/en"))
        .form(&[
            ("csrf_token", coordinator.csrf.as_str()),
            ("action", "save"),
            ("subject", "You are invited"),
            ("body", EVIL),
        ])
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("id=\"f-body-error\">The link must stand alone on a line of its own"),
        "{html}"
    );
    assert!(app.store.mail_templates().await.expect("read").is_empty());

    // the next administrator's invitation carries the product's link alone on its line
    let invite = |email: &'static str| {
        let body = json!({"email": email, "role": "administrator", "lang": "en"});
        call(
            &app,
            &administrator,
            Method::POST,
            "/api/v1/office/staff",
            Some(body),
        )
    };
    let (status, text) = invite("first.admin@nato.example").await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let (body, link) = invitation_to(&app, "first.admin@nato.example").await;
    alone_on_its_line(&app, &body, &link);

    // a wording the rule refuses that is in the database anyway (saved before the rule,
    // or by hand): the product's wording is sent instead
    let row = MailTemplateRow {
        kind: "invite".into(),
        lang: "en".into(),
        subject: "You are invited".into(),
        body: EVIL.into(),
        updated_at: 0,
        updated_by: None,
    };
    let audit = NewAuditEntry {
        actor_id: None,
        actor: "test",
        action: "mail_template.save",
        subject: "mail_template:invite/en",
        detail: "{}",
        address: None,
    };
    app.store
        .save_mail_template(&row, &audit)
        .await
        .expect("saved behind the check");
    let (status, text) = invite("second.admin@nato.example").await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let (body, link) = invitation_to(&app, "second.admin@nato.example").await;
    alone_on_its_line(&app, &body, &link);
    assert!(body.contains("Choose your password"), "the default: {body}");

    // a wording that keeps the link alone is the office's to choose, and is used
    let own = json!({
        "subject": "Welcome to the back office",
        "body": "Dear colleague,\nset your password here:\n\n   { $link }\n\nThe office"
    });
    let (status, _) = call(&app, &coordinator, Method::PUT, INVITE_EN, Some(own)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, text) = invite("third.admin@nato.example").await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let (body, link) = invitation_to(&app, "third.admin@nato.example").await;
    alone_on_its_line(&app, &body, &link);
    assert!(body.starts_with("Dear colleague,"), "{body}");
}
