//! The public site and the JSON API, over real HTTP against the real server.

use crate::common;

use common::TestApp;
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::Value;

async fn get(app: &TestApp, path: &str, lang: Option<&str>) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(app.url(path));
    if let Some(lang) = lang {
        request = request.header(ACCEPT_LANGUAGE, lang);
    }
    request.send().await.expect("request")
}

async fn page(app: &TestApp, path: &str, lang: Option<&str>) -> (StatusCode, String) {
    let response = get(app, path, lang).await;
    (response.status(), response.text().await.expect("body"))
}

async fn json(app: &TestApp, path: &str, lang: Option<&str>) -> (StatusCode, Value) {
    let response = get(app, path, lang).await;
    let status = response.status();
    (status, response.json().await.expect("JSON body"))
}

#[tokio::test]
async fn home_lists_every_division_and_office_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    let (status, fr) = page(&app, "/", Some("fr-BE,fr;q=0.9,en;q=0.5")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(fr.contains("<html lang=\"fr\">"));
    assert!(fr.contains("Rencontrez-nous"));
    assert!(fr.contains("Division Investissement de défense"));
    assert!(fr.contains(">Bureaux<"));
    let (_, en) = page(&app, "/", None).await;
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Defence Investment Division"));
    for code in [
        "DI", "DPP", "ESCD", "EM", "OPS", "PASP", "PDD", "JISD", "NOR", "OFC", "OLA", "OSG", "NCIO",
    ] {
        assert!(
            en.contains(&format!("href=\"/units/{code}\"")),
            "{code} on the home page"
        );
    }
}

#[tokio::test]
async fn the_language_chosen_by_query_is_remembered_in_a_cookie() {
    let app = TestApp::spawn().await;
    let response = get(&app, "/?lang=fr", Some("en")).await;
    let cookie = response.headers()[SET_COOKIE]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(cookie.starts_with("lang=fr;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"));
    let next = reqwest::Client::new()
        .get(app.url("/units/DI"))
        .header(COOKIE, "lang=fr")
        .header(ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(
        next.contains("<html lang=\"fr\">"),
        "cookie beats Accept-Language"
    );
    assert!(
        next.contains("href=\"/units/DI?lang=en\""),
        "the switch points to English"
    );
}

#[tokio::test]
async fn a_unit_page_has_breadcrumb_subunits_responsibilities_and_testimonials() {
    let app = TestApp::spawn().await;
    let (status, html) = page(&app, "/units/ESCD-CYBER", Some("en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Cyber Defence Section</h1>"));
    assert!(html.contains("<a href=\"/units/ESCD\">Emerging Security Challenges Division</a>"));
    assert!(html.contains("aria-current=\"page\""));
    let (_, division) = page(&app, "/units/ESCD", Some("fr")).await;
    assert!(
        division.contains("href=\"/units/ESCD-CYBER\""),
        "sub-units listed"
    );
    assert!(division.contains("Principales responsabilités"));
    assert!(
        division.contains("class=\"testimonial\""),
        "the ESCD testimonial is shown"
    );
    let (_, legal) = page(&app, "/units/OLA", Some("fr")).await;
    assert!(legal.contains("Bureau du conseiller juridique"));
    assert!(legal.contains("class=\"testimonial\""));
}

#[tokio::test]
async fn unknown_units_get_a_404_page_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    for path in [
        "/units/NOPE",
        "/units/not%20a%20code",
        "/nowhere",
        "/units/%FF",
    ] {
        let (status, html) = page(&app, path, Some("fr")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            html.contains("<html lang=\"fr\">") && html.contains("Page introuvable"),
            "{path}"
        );
    }
    let (status, html) = page(&app, "/units/NOPE", Some("en")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn the_api_serves_the_tree_and_each_unit() {
    let app = TestApp::spawn().await;
    let (status, tree) = json(&app, "/api/v1/units", None).await;
    assert_eq!(status, StatusCode::OK);
    let roots = tree.as_array().expect("array");
    let kinds: Vec<_> = roots
        .iter()
        .map(|u| u["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "division").count(), 8);
    assert_eq!(kinds.iter().filter(|k| **k == "office").count(), 5);
    let escd = roots.iter().find(|u| u["code"] == "ESCD").expect("ESCD");
    assert!(escd["children"]
        .as_array()
        .expect("children")
        .iter()
        .any(|c| c["code"] == "ESCD-CYBER"));
    let (status, unit) = json(&app, "/api/v1/units/ESCD-CYBER", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unit["name"]["fr"], "Section Cyberdéfense");
    assert_eq!(unit["parent"], "ESCD");
    assert_eq!(unit["breadcrumb"][0]["code"], "ESCD");
}

#[tokio::test]
async fn api_errors_are_json_in_the_visitors_language() {
    let app = TestApp::spawn().await;
    let (status, body) = json(&app, "/api/v1/units/NOPE", Some("fr")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
    assert_eq!(
        body["error"]["message"],
        "Aucune unité n’a le code « NOPE »."
    );
    let (status, body) = json(&app, "/api/v1/nothing", Some("en")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn search_finds_units_across_languages_accents_and_typos() {
    let app = TestApp::spawn().await;
    let cases = [
        ("cyberdefense", "ESCD-CYBER"),
        ("cyber défense", "ESCD-CYBER"),
        ("Cyber Defence", "ESCD-CYBER"),
        ("cyberdéfense", "ESCD-CYBER"),
        ("cyberdefnse", "ESCD-CYBER"),
        ("traduction", "EM-TRANSLATION"),
        ("translation", "EM-TRANSLATION"),
        ("TRANSLATIONS", "EM-TRANSLATION"),
        ("juridique", "OLA"),
        ("legal", "OLA"),
        ("légal", "OLA"),
    ];
    for (query, expected) in cases {
        for lang in ["fr", "en"] {
            let path = format!("/api/v1/search?q={}&lang={lang}", urlencode(query));
            let (status, body) = json(&app, &path, None).await;
            assert_eq!(status, StatusCode::OK, "{query}");
            assert_eq!(
                body["hits"][0]["code"], expected,
                "{query} ({lang}): {body}"
            );
            assert_eq!(body["lang"], lang);
        }
    }
}

#[tokio::test]
async fn bad_searches_get_a_clear_400_never_a_5xx() {
    let app = TestApp::spawn().await;
    let long = "a".repeat(2000);
    for (path, message) in [
        ("/api/v1/search?q=".to_owned(), "Indiquez une recherche"),
        ("/api/v1/search".to_owned(), "Indiquez une recherche"),
        (format!("/api/v1/search?q={long}"), "trop longue"),
        ("/api/v1/search?q=legal&lang=de".to_owned(), "« de »"),
    ] {
        let (status, body) = json(&app, &path, Some("fr")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        let text = body["error"]["message"].as_str().expect("message");
        assert!(text.contains(message), "{path}: {text}");
    }
    let (status, html) = page(&app, &format!("/search?q={long}"), Some("en")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("Your search is too long"));
    let (status, html) = page(&app, "/search?q=", Some("fr")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Saisissez un mot"));
}

#[tokio::test]
async fn the_search_page_escapes_what_the_visitor_typed() {
    let app = TestApp::spawn().await;
    let (status, html) = page(&app, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;"));
    let (_, html) = page(&app, "/search?q=juridique&lang=fr", None).await;
    assert!(html.contains("href=\"/units/OLA\""));
    assert!(
        html.contains("value=\"juridique\""),
        "the box keeps the query"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_api_and_the_reference_page_shows_it() {
    let app = TestApp::spawn().await;
    let (status, doc) = json(&app, "/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
    for path in ["/api/v1/units", "/api/v1/units/{code}", "/api/v1/search"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} documented");
    }
    let (status, html) = page(&app, "/api/docs", Some("fr")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Référence de l’API"));
    assert!(html.contains("<code>/api/v1/search</code>"));
    assert!(
        !html.contains("api-op-")
            && !html.contains("api-param-")
            && !html.contains("api-response-"),
        "every operation, parameter and response has its French text"
    );
    let (_, html) = page(&app, "/api/docs", Some("en")).await;
    assert!(
        !html.contains("api-op-")
            && !html.contains("api-param-")
            && !html.contains("api-response-")
    );
}

#[tokio::test]
async fn health_checks_and_request_ids() {
    let app = TestApp::spawn().await;
    let response = get(&app, "/healthz", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let response = get(&app, "/readyz", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    app.store.close().await;
    let response = get(&app, "/readyz", None).await;
    assert_eq!(
        response.status(),
        StatusCode::SERVICE_UNAVAILABLE,
        "database gone → not ready"
    );
}

#[tokio::test]
async fn a_new_import_reaches_a_running_server() {
    let app = TestApp::spawn().await;
    let edited = common::NATO.replacen(
        "Cyber Defence Section",
        "Cyber Defence and Resilience Section",
        1,
    );
    let catalogue = cohort_domain::Catalogue::from_toml(&edited).expect("valid");
    app.store
        .replace_catalogue(&catalogue)
        .await
        .expect("import");
    let mut seen = false;
    for _ in 0..100 {
        let (_, unit) = json(&app, "/api/v1/units/ESCD-CYBER", None).await;
        if unit["name"]["en"] == "Cyber Defence and Resilience Section" {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(seen, "the server reloads the catalogue after an import");
}

#[tokio::test]
async fn graceful_shutdown_finishes() {
    let app = TestApp::spawn().await;
    assert_eq!(get(&app, "/healthz", None).await.status(), StatusCode::OK);
    app.stop().await.expect("the server stops cleanly");
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
