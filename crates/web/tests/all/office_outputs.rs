//! What the office takes out of Cohort: exports of any filtered list (CSV and XLSX,
//! formulas neutralised) and the session report with its charts and tables.

use crate::common;

use common::office::{placements, staff, submitted, Applicant};
use common::office_world::{call, page, world, ANA};
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn exports_follow_the_filters_and_neutralise_formulas() {
    let w = world().await;
    let app = &w.app;
    let offered = placements(app, w.session).await;
    let trap = Applicant {
        email: "formula@example.org",
        given_names: "=HYPERLINK(\"http://evil.example\";\"x\")",
        family_name: "Piège",
        motivation: "-1+2; « guillemets » et \"citations\"",
        ..ANA
    };
    let (_, trap_id) = submitted(app, w.session, &trap, &[offered[0].0]).await;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    let base = format!("/api/v1/office/sessions/{}/applications/export", w.session);

    let response = coordinator
        .client
        .get(app.url(&format!("{base}?field=law")))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("csv");
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        disposition.starts_with("attachment;") && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let bytes = response.bytes().await.expect("body");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0].starts_with("Candidature;Statut;"),
        "French header with ';': {}",
        lines[0]
    );
    assert_eq!(
        lines.len(),
        1 + 3,
        "Ana, Clothilde and the trap study law: {text}"
    );
    let trap_line = lines
        .iter()
        .find(|l| l.starts_with(&trap_id.to_string()))
        .expect("the trap's row");
    assert!(
        trap_line.contains(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\") Piège\";"),
        "{trap_line}"
    );
    assert!(!trap_line.contains(";=HYPERLINK"), "{trap_line}");
    assert!(
        trap_line.contains("\"'-1+2; « guillemets » et \"\"citations\"\"\""),
        "{trap_line}"
    );

    let english = coordinator
        .client
        .get(app.url(&base))
        .header("accept-language", "en")
        .send()
        .await
        .expect("csv")
        .text()
        .await
        .expect("text");
    assert!(
        english
            .trim_start_matches('\u{feff}')
            .starts_with("Application,Status,"),
        "{english}"
    );

    let xlsx = coordinator
        .client
        .get(app.url(&format!("{base}?format=xlsx&field=law")))
        .send()
        .await
        .expect("xlsx");
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.expect("body");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX is a zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("xl/worksheets/sheet1.xml")
            .expect("the sheet"),
        &mut sheet,
    )
    .expect("read");
    assert!(
        sheet.contains("&apos;=HYPERLINK") || sheet.contains("'=HYPERLINK"),
        "{sheet}"
    );
    assert!(
        sheet.contains("Popescu") && !sheet.contains("Okafor"),
        "filtered"
    );

    let (status, text) = call(
        app,
        Some(&coordinator),
        Method::GET,
        &format!("{base}?format=pdf"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    assert_eq!(
        call(app, Some(&reviewer), Method::GET, &base, None).await.0,
        StatusCode::NOT_FOUND
    );
    let audited = app.store.audit_entries(0, 1000).await.expect("audit");
    assert_eq!(
        audited
            .iter()
            .filter(|e| e.action == "applications.export")
            .count(),
        3
    );
}

#[tokio::test]
async fn the_report_draws_charts_with_their_numbers_for_coordinators_only() {
    let w = world().await;
    let app = &w.app;
    let coordinator = staff(app, "coord@nato.example", "coordinator", &[]).await;
    let reviewer = staff(app, "rev@nato.example", "reviewer", &[&w.unit_a]).await;
    let path = format!("/office/sessions/{}/report", w.session);
    let (status, html) = page(app, &coordinator, &path).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(
        html.matches("<svg class=\"chart\" role=\"img\"").count(),
        7,
        "seven charts"
    );
    assert_eq!(html.matches("<table>").count(), 7, "each with its table");
    // the optional gender question: all three answered "female"
    assert!(
        html.contains("<td>Femme</td><td>3</td><td>100.0 %</td>"),
        "{html}"
    );
    // three sent applications: RO, DE, FR one each; two in law
    assert!(
        html.contains("<td>RO</td><td>1</td><td>33.3 %</td>"),
        "{html}"
    );
    assert!(
        html.contains("<td>law</td><td>2</td><td>66.7 %</td>"),
        "{html}"
    );
    assert!(html.contains("Candidatures par place"));
    assert!(
        html.contains("<td>envoyée</td><td>3</td>"),
        "the funnel: {html}"
    );
    assert_eq!(page(app, &reviewer, &path).await.0, StatusCode::NOT_FOUND);
    assert_eq!(page(app, &w.ana.0, &path).await.0, StatusCode::NOT_FOUND);
    let audited = app.store.audit_entries(0, 1000).await.expect("audit");
    assert!(audited.iter().any(|e| e.action == "report.view"));
}
