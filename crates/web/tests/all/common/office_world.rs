//! The back office's test world: two units of the demo session, a placement in each, and
//! three applications; and the calls the office tests make.
// shared by several test binaries; each uses a part
#![allow(dead_code)]

use super::candidates::Candidate;
use super::office::{open_session, placements, submitted, Applicant};
use super::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::Value;

pub const ANA: Applicant<'static> = Applicant {
    email: "ana.popescu@example.org",
    given_names: "Ana",
    family_name: "Popescu",
    birth_date: "2001-05-04",
    nationality: "RO",
    field: "law",
    languages: &[("en", "C1"), ("fr", "B2")],
    motivation: "J'ai étudié le droit international et la cyberdéfense.",
    cv: &[
        "Ana Popescu",
        "ana.popescu@example.org - 2001-05-04",
        "Stage: Cour pénale internationale, La Haye",
    ],
};
pub const BEN: Applicant<'static> = Applicant {
    email: "ben.okafor@example.org",
    given_names: "Benedikt",
    family_name: "Okafor",
    birth_date: "2000-11-23",
    nationality: "DE",
    field: "computer_science",
    languages: &[("en", "B2")],
    motivation: "I studied network security and cryptography.",
    cv: &["Benedikt Okafor", "Skills: Kubernetes, penetration testing"],
};
pub const CLO: Applicant<'static> = Applicant {
    email: "clothilde.martin@example.org",
    given_names: "Clothilde",
    family_name: "Martin",
    birth_date: "1999-02-14",
    nationality: "FR",
    field: "law",
    languages: &[("fr", "C2"), ("en", "C1")],
    motivation: "Juriste, je souhaite travailler sur les réseaux de partenariats.",
    cv: &[],
};

/// Two units of the demo session, a placement in each, and applications: Ana and Clothilde
/// chose a placement of unit A, Ben one of unit B.
pub struct World {
    pub app: TestApp,
    pub session: i64,
    pub unit_a: String,
    pub unit_b: String,
    pub ana: (Candidate, i64),
    pub ben: (Candidate, i64),
    pub clo: (Candidate, i64),
}

pub async fn world() -> World {
    let app = TestApp::spawn().await;
    let session = open_session(&app).await;
    let offered = placements(&app, session).await;
    let (a, unit_a) = offered[0].clone();
    let (b, unit_b) = offered
        .iter()
        .find(|(_, u)| *u != unit_a)
        .cloned()
        .expect("two units");
    let ana = submitted(&app, session, &ANA, &[a]).await;
    let ben = submitted(&app, session, &BEN, &[b]).await;
    let clo = submitted(&app, session, &CLO, &[a]).await;
    World {
        app,
        session,
        unit_a,
        unit_b,
        ana,
        ben,
        clo,
    }
}

pub async fn call(
    app: &TestApp,
    who: Option<&Candidate>,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, String) {
    let client = who.map_or_else(reqwest::Client::new, |w| w.client.clone());
    let mut request = client
        .request(method, app.url(path))
        .header("accept-language", "en");
    if let Some(w) = who {
        request = request.header("x-csrf-token", &w.csrf);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    (response.status(), response.text().await.expect("body"))
}

/// A page in French, as `who`.
pub async fn page(app: &TestApp, who: &Candidate, path: &str) -> (StatusCode, String) {
    let response = who
        .client
        .get(app.url(path))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("get");
    (response.status(), response.text().await.expect("html"))
}

pub fn facet(page: &Value, name: &str) -> Vec<(String, u64)> {
    page["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("facet {name} in {page}"))
        .iter()
        .map(|f| {
            (
                f["value"].as_str().expect("value").to_owned(),
                f["count"].as_u64().expect("count"),
            )
        })
        .collect()
}
