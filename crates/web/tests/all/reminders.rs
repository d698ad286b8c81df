//! Checklist reminders: with the clock moved (never slept on), the intern receives through
//! a real SMTP sink one "due soon" e-mail a week before an item's due date and one
//! "overdue" e-mail after it, each once, only for items still to do, in the office's
//! wording when it wrote one.

use crate::common;

use cohort_domain::session::SessionId;
use common::api::call;
use common::candidates::{sign_in, PASSWORD};
use common::intern::{accepted_intern, move_to};
use common::office::STAFF_PASSWORD;
use common::TestApp;
use reqwest::{Method, StatusCode};
use serde_json::json;

/// Sends what the outbox holds to the sink and gives the reminders the sink received for
/// `to`: subject and text.
async fn delivered_to(
    app: &TestApp,
    sender: &cohort_mail::Sender,
    sink: &cohort_smtp_sink::SmtpSink,
    to: &str,
) -> Vec<(String, String)> {
    cohort_mail::drain_once(&app.store, sender, app.state.settings.now())
        .await
        .expect("drain");
    sink.delivered()
        .into_iter()
        .filter(|m| m.header("X-RcptTo").eq_ignore_ascii_case(to))
        .map(|m| (m.subject(), m.text()))
        .filter(|(subject, _)| {
            subject.starts_with("Due soon")
                || subject.starts_with("Overdue")
                || subject.starts_with("Reminder")
        })
        .collect()
}

#[tokio::test]
async fn the_intern_is_reminded_once_before_and_once_after_each_due_date() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "ines@example.org").await;
    let dir = tempfile::tempdir().expect("temp dir");
    let sink = cohort_smtp_sink::SmtpSink::start(&dir.path().join("sink"));
    let sender = cohort_mail::Sender::new(
        "Cohort <noreply@cohort.example>".parse().expect("from"),
        cohort_mail::Transport::Smtp {
            url: format!("smtp://{}", sink.addr),
        },
    )
    .expect("sender");
    let start = app
        .store
        .session_by_id(SessionId(intern.session))
        .await
        .expect("read")
        .expect("session")
        .period_start;
    // NATO's checklist: insurance and agreement due 30 days before the start, travel and
    // the badge photo 14 days before, the clearance (the office's) 14 days before
    let due = start.checked_sub(jiff::Span::new().days(30)).expect("date");
    let send = || cohort_web::reminders::send_due(&app.state);

    move_to(
        &app,
        due.checked_sub(jiff::Span::new().days(8)).expect("date"),
    );
    assert_eq!(send().await.expect("check"), 0, "too early for anything");
    assert!(delivered_to(&app, &sender, &sink, intern.email)
        .await
        .is_empty());

    // a week before: one "due soon" for each of the two documents, and only once
    move_to(
        &app,
        due.checked_sub(jiff::Span::new().days(7)).expect("date"),
    );
    assert_eq!(send().await.expect("check"), 2);
    assert_eq!(send().await.expect("check again"), 0, "never twice");
    let mails = delivered_to(&app, &sender, &sink, intern.email).await;
    let mut subjects: Vec<&str> = mails.iter().map(|(s, _)| s.as_str()).collect();
    subjects.sort_unstable();
    assert_eq!(
        subjects,
        [
            "Due soon: Proof of health insurance",
            "Due soon: Signed internship agreement"
        ]
    );
    let (_, text) = &mails[0];
    assert!(text.contains(&due.to_string()), "{text}");
    assert!(text.contains("/my-offer"), "{text}");

    // the intern sends the insurance: it waits for the office, no reminder about it
    let who = sign_in(&app, intern.email, PASSWORD, intern.account_id).await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(common::pdf::with_text(&["Insurance certificate"]))
            .file_name("insurance.pdf"),
    );
    let sent = who
        .client
        .post(app.url(&format!(
            "/api/v1/sessions/{}/application/checklist/insurance/document",
            intern.session
        )))
        .header("x-csrf-token", &who.csrf)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(sent.status(), StatusCode::CREATED);

    // the office rewords the overdue reminder before it goes
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let (status, _) = call(
        &app,
        &coordinator,
        Method::PUT,
        "/api/v1/office/mail-templates/reminder-overdue/en",
        Some(json!({
            "subject": "Reminder — { $item } is late",
            "body": "{ $item } was due on { $due }. Please see { $link }."
        })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // the day after the due date: only the agreement is still to do
    move_to(
        &app,
        due.checked_add(jiff::Span::new().days(1)).expect("date"),
    );
    assert_eq!(send().await.expect("check"), 1);
    assert_eq!(send().await.expect("check again"), 0);
    let mails = delivered_to(&app, &sender, &sink, intern.email).await;
    let overdue: Vec<&(String, String)> = mails
        .iter()
        .filter(|(s, _)| s.starts_with("Reminder"))
        .collect();
    assert_eq!(overdue.len(), 1, "{mails:?}");
    assert_eq!(
        overdue[0].0,
        "Reminder — Signed internship agreement is late"
    );
    assert!(overdue[0].1.contains(&format!("was due on {due}")));

    // the badge photo (due 21 days before the start) and travel (14 days): each item's
    // reminders come on its own dates
    let before_start = |days| {
        start
            .checked_sub(jiff::Span::new().days(days))
            .expect("date")
    };
    for (day, expected) in [
        (before_start(28), "Due soon: Photo for the badge"),
        (before_start(21), "Due soon: Travel and arrival details"),
        (before_start(20), "Reminder — Photo for the badge is late"),
        (start, "Reminder — Travel and arrival details is late"),
    ] {
        let already = delivered_to(&app, &sender, &sink, intern.email).await.len();
        move_to(&app, day);
        assert_eq!(send().await.expect("check"), 1, "{day}");
        let mails = delivered_to(&app, &sender, &sink, intern.email).await;
        assert_eq!(mails.len(), already + 1);
        assert!(mails.iter().any(|(s, _)| s == expected), "{day}: {mails:?}");
    }
    assert_eq!(send().await.expect("check"), 0);
}

#[tokio::test]
async fn coordinators_hear_once_of_the_offices_own_items_gone_overdue() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "jon@example.org").await;
    let start = app
        .store
        .session_by_id(SessionId(intern.session))
        .await
        .expect("read")
        .expect("session")
        .period_start;
    let clearance_due = start.checked_sub(jiff::Span::new().days(14)).expect("date");
    let office = || cohort_web::reminders::send_office_due(&app.state);
    move_to(&app, clearance_due);
    assert_eq!(office().await.expect("check"), 0, "due today is not late");
    move_to(
        &app,
        clearance_due
            .checked_add(jiff::Span::new().days(1))
            .expect("date"),
    );
    assert_eq!(office().await.expect("check"), 1, "one coordinator");
    assert_eq!(office().await.expect("check again"), 0, "once per item");
    let mails: Vec<_> = app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox")
        .into_iter()
        .filter(|m| m.subject == "Checklist items for the office are overdue")
        .collect();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "coord@nato.example");
    assert!(
        mails[0].body_text.contains(&format!(
            "– National and NATO security clearance — Test Intern, due {clearance_due}"
        )),
        "{}",
        mails[0].body_text
    );
    assert!(mails[0].body_text.contains("/office"));
    // the intern is not told of the office's items
    assert!(!app
        .store
        .pending_mail(i64::MAX / 2, 1000)
        .await
        .expect("outbox")
        .iter()
        .any(|m| m.to == intern.email && m.subject.contains("clearance")));
}

#[tokio::test]
async fn supervisors_hear_once_when_each_evaluation_opens() {
    let app = TestApp::spawn().await;
    let intern = accepted_intern(&app, "kim@example.org").await;
    let coordinator = sign_in(
        &app,
        "coord@nato.example",
        STAFF_PASSWORD,
        intern.coordinator_id,
    )
    .await;
    let supervisor = common::office::staff(&app, "sup@nato.example", "supervisor", &[]).await;
    let internship = format!("/api/v1/office/internships/{}", intern.application);
    let (_, record) = call(&app, &coordinator, Method::GET, &internship, None).await;
    let (start, end): (jiff::civil::Date, jiff::civil::Date) = (
        record["start"]
            .as_str()
            .expect("start")
            .parse()
            .expect("date"),
        record["end"].as_str().expect("end").parse().expect("date"),
    );
    let assign = json!({
        "start": start.to_string(),
        "end": end.to_string(),
        "supervisor": supervisor.account_id
    });
    let (status, _) = call(&app, &coordinator, Method::PUT, &internship, Some(assign)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let due = || cohort_web::evaluations_due::send_due(&app.state);
    let to_supervisor = || async {
        app.store
            .pending_mail(i64::MAX / 2, 1000)
            .await
            .expect("outbox")
            .into_iter()
            .filter(|m| m.to == "sup@nato.example")
            .map(|m| (m.subject, m.body_text))
            .collect::<Vec<_>>()
    };
    let before = to_supervisor().await.len();

    move_to(&app, start);
    assert_eq!(
        due().await.expect("check"),
        0,
        "nothing opens on the first day"
    );
    let midpoint = start
        .checked_add(jiff::Span::new().days((end - start).get_days() / 2))
        .expect("date");
    move_to(&app, midpoint);
    assert_eq!(due().await.expect("check"), 1, "the mid-term opens");
    assert_eq!(due().await.expect("check again"), 0, "once");
    let mails = to_supervisor().await;
    assert_eq!(mails.len(), before + 1);
    let (subject, body) = mails.last().expect("mail");
    assert_eq!(
        subject,
        "Mid-term evaluation of Test Intern can be written now"
    );
    assert!(
        body.contains(&format!("/office/internships/{}", intern.application)),
        "{body}"
    );
    assert!(body.contains(&end.to_string()), "{body}");

    move_to(
        &app,
        end.checked_sub(jiff::Span::new().days(7)).expect("date"),
    );
    assert_eq!(
        due().await.expect("check"),
        1,
        "the final opens a week before the end"
    );
    assert_eq!(due().await.expect("check again"), 0);
}
