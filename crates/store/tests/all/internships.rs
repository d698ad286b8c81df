//! Internships on SQLite and on PostgreSQL: an intern is an application with an accepted
//! offer; the office's dates and supervisor are stored and audited; a supervisor's list
//! holds only their interns; an evaluation is saved as often as wanted, then submitted
//! once (a second write is a conflict); and deleting the application (as the retention
//! purge does) takes the internship and its evaluations with it.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use cohort_domain::Catalogue;
use cohort_store::{
    InternshipChange, NewAuditEntry, NewEvaluation, NewOffer, NewRun, OfferChange, Publication,
    PurgeCandidate, Store,
};

const NOW: i64 = 1_780_000_000_000;
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

use crate::backends;
use crate::people;

use people::{account, shortlisted};

on_both_backends!(internships_evaluations_and_purge,);

const AUDIT: NewAuditEntry<'static> = NewAuditEntry {
    actor_id: None,
    actor: "test",
    action: "test",
    subject: "test",
    detail: "{}",
    address: None,
};

/// An application of `email` with an accepted offer of the session's first placement.
async fn intern(store: &Store, session: SessionId, email: &str, coordinator: i64) -> (i64, i64) {
    let placement = store.placement_ids(session).await.expect("placements")[0];
    let (candidate, id) = shortlisted(store, session, placement, email, coordinator, NOW).await;
    let run = store
        .insert_run(
            &NewRun {
                session,
                round: 1,
                seed: id,
                instance: "{}",
                result: "{}",
                created_by: coordinator,
                audit: AUDIT,
            },
            NOW,
        )
        .await
        .expect("run");
    let run = store.run(run).await.expect("read").expect("run");
    let offers = [NewOffer {
        application_id: id,
        placement_id: placement,
        mail: cohort_store::NewMail {
            to: email,
            lang: "en",
            subject: "Offer",
            body_text: "Offer",
        },
    }];
    store
        .publish_run(
            &Publication {
                run: &run,
                offers: &offers,
                reply_by: NOW + 1000,
                actor_id: coordinator,
                audit: AUDIT,
            },
            NOW,
        )
        .await
        .expect("publish")
        .expect("first time");
    let accept = OfferChange {
        application_id: id,
        to: ApplicationStatus::Accepted,
        actor_id: Some(candidate),
        audit: AUDIT,
    };
    store
        .change_offer(&accept, NOW + 1)
        .await
        .expect("answer")
        .expect("offered");
    (candidate, id)
}

async fn internships_evaluations_and_purge(store: Store) {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let session = demo_session(now, "Europe/Brussels").expect("demo");
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    let session = store
        .insert_session(&session, &placements)
        .await
        .expect("session");
    let coordinator = account(&store, "coord@nato.example", "coordinator", NOW).await;
    let sup = account(&store, "sup@nato.example", "supervisor", NOW).await;
    account(&store, "rev@nato.example", "reviewer", NOW).await;
    let (ana, ana_app) = intern(&store, session, "ana@example.org", coordinator).await;

    // an intern without a row yet: the session's dates, no supervisor
    let row = store
        .internship(ana_app)
        .await
        .expect("read")
        .expect("an intern");
    assert_eq!(
        (
            row.account_id,
            row.status,
            row.start_date,
            row.supervisor_id
        ),
        (ana, ApplicationStatus::Accepted, None, None)
    );
    assert_eq!(store.internships(session).await.expect("list").len(), 1);
    assert_eq!(
        store.supervisors().await.expect("supervisors"),
        vec![(sup, "sup@nato.example".to_owned())]
    );
    assert!(store.supervised_by(sup).await.expect("mine").is_empty());

    let audits = store.audit_entries(0, 1000).await.expect("audit").len();
    let change = InternshipChange {
        application_id: ana_app,
        start_date: "2027-03-01",
        end_date: "2027-08-31",
        supervisor_id: Some(sup),
    };
    store
        .set_internship(&change, &AUDIT, NOW + 2)
        .await
        .expect("set");
    store
        .set_internship(&change, &AUDIT, NOW + 3)
        .await
        .expect("set again: an upsert");
    let row = store.internship(ana_app).await.expect("read").expect("row");
    assert_eq!(
        (
            row.start_date.as_deref(),
            row.end_date.as_deref(),
            row.supervisor_email.as_deref()
        ),
        (
            Some("2027-03-01"),
            Some("2027-08-31"),
            Some("sup@nato.example")
        )
    );
    assert_eq!(store.supervised_by(sup).await.expect("mine").len(), 1);
    assert_eq!(
        store.internships_of_account(ana).await.expect("own").len(),
        1
    );
    assert_eq!(
        store.audit_entries(0, 1000).await.expect("audit").len(),
        audits + 2,
        "each change audited"
    );

    // the session's rubric may change until its first evaluation
    assert_eq!(
        store.evaluation_rubric(session.0).await.expect("read"),
        None
    );
    store
        .set_evaluation_rubric(session.0, "lowest = 1", &AUDIT, NOW + 3)
        .await
        .expect("set")
        .expect("no evaluation yet");
    assert_eq!(
        store
            .evaluation_rubric(session.0)
            .await
            .expect("read")
            .as_deref(),
        Some("lowest = 1")
    );

    // drafts as often as wanted; one submission; then nothing
    let evaluation = |comments: &'static str, submit| NewEvaluation {
        application_id: ana_app,
        kind: "midterm",
        scores: r#"{"quality":4}"#,
        comments,
        author_id: sup,
        submit,
    };
    for comments in ["first", "second"] {
        store
            .save_evaluation(&evaluation(comments, false), &AUDIT, NOW + 4)
            .await
            .expect("save")
            .expect("a draft");
    }
    assert!(
        store
            .set_evaluation_rubric(session.0, "lowest = 2", &AUDIT, NOW + 4)
            .await
            .expect("set")
            .is_err(),
        "frozen once an evaluation exists"
    );
    let saved = store.evaluations(ana_app).await.expect("read");
    assert_eq!(
        (
            saved.len(),
            saved[0].comments.as_str(),
            saved[0].submitted_at
        ),
        (1, "second", None)
    );
    store
        .save_evaluation(&evaluation("final words", true), &AUDIT, NOW + 5)
        .await
        .expect("submit")
        .expect("not yet submitted");
    for submit in [false, true] {
        assert!(store
            .save_evaluation(&evaluation("changed", submit), &AUDIT, NOW + 6)
            .await
            .expect("write")
            .is_err());
    }
    let saved = store.evaluations(ana_app).await.expect("read");
    assert_eq!(
        (saved[0].comments.as_str(), saved[0].submitted_at),
        ("final words", Some(NOW + 5))
    );
    let final_draft = NewEvaluation {
        kind: "final",
        ..evaluation("end", false)
    };
    store
        .save_evaluation(&final_draft, &AUDIT, NOW + 7)
        .await
        .expect("save")
        .expect("a draft");
    let kinds: Vec<String> = store
        .evaluations(ana_app)
        .await
        .expect("read")
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["midterm", "final"]);

    // the alumni purge: the application goes, and its internship and evaluations with it
    let candidates = store.alumni_candidates(session).await.expect("alumni");
    assert_eq!(
        candidates,
        vec![(
            ana_app,
            ApplicationStatus::Accepted,
            Some("2027-08-31".to_owned())
        )]
    );
    let chosen = [PurgeCandidate {
        id: ana_app,
        status: ApplicationStatus::Accepted,
        ever_shortlisted: true,
    }];
    let purged = store
        .purge_applications(&chosen, |_| "{}".to_owned(), AUDIT, NOW + 8)
        .await
        .expect("purge");
    assert_eq!(purged.applications, 1);
    assert_eq!(store.internship(ana_app).await.expect("read"), None);
    assert!(store.evaluations(ana_app).await.expect("read").is_empty());
    assert!(store.supervised_by(sup).await.expect("mine").is_empty());
    assert!(store
        .alumni_candidates(session)
        .await
        .expect("alumni")
        .is_empty());
}
