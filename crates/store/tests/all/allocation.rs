//! Offer rounds on SQLite and on PostgreSQL: caps replaced whole, runs stored byte for
//! byte, only the newest run of a round published and only once, offers made all or
//! nothing, and an offer answered once.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use cohort_domain::Catalogue;
use cohort_store::{
    NewAuditEntry, NewMail, NewOffer, NewRun, OfferChange, Publication, StaffDecision, Store,
};

const NOW: i64 = 1_780_000_000_000;
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

use crate::backends;
use crate::people;

use people::{account, shortlisted};

on_both_backends!(runs_offers_and_answers,);

const AUDIT: NewAuditEntry<'static> = NewAuditEntry {
    actor_id: Some(1),
    actor: "coord@nato.example (coordinator)",
    action: "test",
    subject: "test",
    detail: "{}",
    address: None,
};

fn mail(to: &str) -> NewMail<'_> {
    NewMail {
        to,
        lang: "en",
        subject: "Internship offer",
        body_text: "Offer",
    }
}

async fn status(store: &Store, account: i64, session: SessionId) -> ApplicationStatus {
    store
        .application(account, session)
        .await
        .expect("read")
        .expect("application")
        .status
}

async fn runs_offers_and_answers(store: Store) {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let session = demo_session(now, "Europe/Brussels").expect("demo");
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    let session = store
        .insert_session(&session, &placements)
        .await
        .expect("session");
    let placement = store.placement_ids(session).await.expect("placements")[0];
    let coordinator = account(&store, "coord@nato.example", "coordinator", NOW).await;
    let mut people = Vec::new();
    for who in ["ana@example.org", "ben@example.org"] {
        people.push(shortlisted(&store, session, placement, who, coordinator, NOW).await);
    }
    let [(ana, ana_app), (ben, ben_app)] = [people[0], people[1]];

    // caps are replaced whole
    assert_eq!(store.nationality_caps(session).await.expect("caps"), None);
    for caps in [r#"[{"nationality":"FR","count":1}]"#, "[]"] {
        store
            .set_nationality_caps(session, caps, &AUDIT, NOW)
            .await
            .expect("set");
        assert_eq!(
            store
                .nationality_caps(session)
                .await
                .expect("caps")
                .as_deref(),
            Some(caps)
        );
    }

    // a ranking with a tie reads back in order
    store
        .save_ranking(
            session,
            placement,
            &[(ben_app, 1), (ana_app, 1)],
            &AUDIT,
            NOW,
        )
        .await
        .expect("save")
        .expect("open");
    let ranked: Vec<_> = store
        .session_rankings(session)
        .await
        .expect("rankings")
        .into_iter()
        .map(|(p, a, r)| (p == placement, a, r))
        .collect();
    assert_eq!(ranked, vec![(true, ana_app, 1), (true, ben_app, 1)]);

    // runs are stored exactly and listed newest first
    let run = |seed: i64, instance: &'static str| NewRun {
        session,
        round: 1,
        seed,
        instance,
        result: "{\"assignment\":{}}",
        created_by: coordinator,
        audit: AUDIT,
    };
    let old = store
        .insert_run(&run(1, "{ \"seed\": 1 }"), NOW)
        .await
        .expect("run");
    let new = store
        .insert_run(&run(2, "{ \"seed\": 2 }"), NOW + 1)
        .await
        .expect("run");
    let runs = store.runs(session).await.expect("runs");
    assert_eq!(
        runs.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![new, old]
    );
    assert_eq!(
        store.run_documents(old).await.expect("docs"),
        Some(("{ \"seed\": 1 }".into(), "{\"assignment\":{}}".into()))
    );
    let old_run = store.run(old).await.expect("read").expect("run");
    let new_run = store.run(new).await.expect("read").expect("run");
    assert_eq!(
        (new_run.round, new_run.seed, new_run.published_at),
        (1, 2, None)
    );

    let offers = [
        NewOffer {
            application_id: ana_app,
            placement_id: placement,
            mail: mail("ana@example.org"),
        },
        NewOffer {
            application_id: ben_app,
            placement_id: placement,
            mail: mail("ben@example.org"),
        },
    ];
    let publication = |run, offers| Publication {
        run,
        offers,
        reply_by: NOW + 1000,
        actor_id: coordinator,
        audit: AUDIT,
    };
    // an older run of the round cannot be published
    assert!(store
        .publish_run(&publication(&old_run, &offers), NOW)
        .await
        .expect("publish")
        .is_err());
    // all or nothing: ben is no longer shortlisted, so no offer is made at all
    let withdraw = StaffDecision {
        application_id: ben_app,
        from: ApplicationStatus::Shortlisted,
        to: ApplicationStatus::Rejected,
        kind: "rejected",
        reason: "changed",
        actor_id: coordinator,
        mail: None,
        audit: AUDIT,
    };
    store
        .decide_application(&withdraw, NOW)
        .await
        .expect("decide")
        .expect("shortlisted");
    assert!(store
        .publish_run(&publication(&new_run, &offers), NOW)
        .await
        .expect("publish")
        .is_err());
    assert_eq!(
        status(&store, ana, session).await,
        ApplicationStatus::Shortlisted
    );
    assert!(store.offers(session).await.expect("offers").is_empty());
    assert_eq!(
        store
            .run(new)
            .await
            .expect("read")
            .expect("run")
            .published_at,
        None
    );
    let outbox_before = store
        .pending_mail(i64::MAX / 2, 100)
        .await
        .expect("outbox")
        .len();

    // published once, with its offer and e-mail
    store
        .publish_run(&publication(&new_run, &offers[..1]), NOW + 5)
        .await
        .expect("publish")
        .expect("first time");
    assert!(store
        .publish_run(&publication(&new_run, &offers[..1]), NOW + 6)
        .await
        .expect("publish")
        .is_err());
    let outbox = store.pending_mail(i64::MAX / 2, 100).await.expect("outbox");
    assert_eq!(outbox.len(), outbox_before + 1);
    let made = store.offers(session).await.expect("offers");
    assert_eq!(made.len(), 1);
    assert_eq!(
        (
            made[0].application_id,
            made[0].round,
            made[0].reply_by,
            made[0].status
        ),
        (ana_app, 1, NOW + 1000, ApplicationStatus::Offered)
    );
    assert_eq!(
        store
            .run(new)
            .await
            .expect("read")
            .expect("run")
            .published_at,
        Some(NOW + 5)
    );

    // answered once
    let answer = |to| OfferChange {
        application_id: ana_app,
        to,
        actor_id: Some(ana),
        audit: AUDIT,
    };
    store
        .change_offer(&answer(ApplicationStatus::Accepted), NOW + 10)
        .await
        .expect("answer")
        .expect("open offer");
    assert!(store
        .change_offer(&answer(ApplicationStatus::Declined), NOW + 11)
        .await
        .expect("answer")
        .is_err());
    let offer = store.offer_of(ana_app).await.expect("read").expect("offer");
    assert_eq!(
        (offer.status, offer.answered_at),
        (ApplicationStatus::Accepted, Some(NOW + 10))
    );
    assert_eq!(
        status(&store, ana, session).await,
        ApplicationStatus::Accepted
    );
    assert_eq!(store.offer_of(ben_app).await.expect("read"), None);
    assert_eq!(
        status(&store, ben, session).await,
        ApplicationStatus::Rejected
    );

    // the checklist: a conditional change per item; a refused clearance ends the offer
    use cohort_domain::onboarding::ItemStatus as I;
    let item = |key, from, to, end_offer| cohort_store::ItemChange {
        application_id: ana_app,
        key,
        from,
        to,
        due: None,
        actor_id: coordinator,
        end_offer,
        audit: AUDIT,
    };
    store
        .change_item(&item("clearance", I::Todo, I::Requested, false), NOW + 20)
        .await
        .expect("change")
        .expect("from todo");
    assert!(
        store
            .change_item(&item("clearance", I::Todo, I::InProgress, false), NOW + 21)
            .await
            .expect("change")
            .is_err(),
        "no longer to do"
    );
    let rows = store.items_of(ana_app).await.expect("items");
    assert_eq!((rows.len(), rows[0].status), (1, I::Requested));

    // reminders: recorded once per item and kind, the e-mail queued with the record
    let interns = store.accepted_interns().await.expect("interns");
    assert_eq!(
        interns.iter().map(|i| i.application_id).collect::<Vec<_>>(),
        [ana_app]
    );
    let queued = || async {
        store
            .pending_mail(i64::MAX / 2, 1000)
            .await
            .expect("outbox")
            .len()
    };
    let before = queued().await;
    let reminder = mail("ana@example.org");
    assert!(store
        .send_reminder(ana_app, "insurance", "due_soon", &reminder, NOW + 20)
        .await
        .expect("send"));
    assert!(!store
        .send_reminder(ana_app, "insurance", "due_soon", &reminder, NOW + 21)
        .await
        .expect("send again"));
    assert_eq!(queued().await, before + 1, "one e-mail, not two");
    assert_eq!(
        store.reminders_sent(ana_app).await.expect("sent"),
        [("insurance".to_owned(), "due_soon".to_owned())]
    );

    // a document for an item: stored with the item's move, replaced, refused when stale
    let document = |object_key: &str| cohort_store::ItemDocument {
        application_id: ana_app,
        item_key: "insurance".into(),
        object_key: object_key.into(),
        file_name: "insurance.pdf".into(),
        size: 10,
        sha256: "ab".into(),
        uploaded_at: NOW,
    };
    let replaced = store
        .put_item_document(
            &item("insurance", I::Todo, I::InProgress, false),
            &document("k1"),
            NOW,
        )
        .await
        .expect("put")
        .expect("from todo");
    assert_eq!(replaced, None);
    let replaced = store
        .put_item_document(
            &item("insurance", I::InProgress, I::InProgress, false),
            &document("k2"),
            NOW,
        )
        .await
        .expect("put")
        .expect("still in progress");
    assert_eq!(replaced.as_deref(), Some("k1"));
    assert!(store
        .put_item_document(
            &item("insurance", I::Todo, I::InProgress, false),
            &document("k3"),
            NOW
        )
        .await
        .expect("put")
        .is_err());
    let sent = store.item_documents(ana_app).await.expect("documents");
    assert_eq!(
        sent.iter()
            .map(|d| d.object_key.as_str())
            .collect::<Vec<_>>(),
        ["k2"]
    );
    assert_eq!(
        store
            .session_item_documents(session.0)
            .await
            .expect("documents")
            .len(),
        1
    );
    store
        .change_item(&item("clearance", I::Requested, I::Refused, true), NOW + 22)
        .await
        .expect("change")
        .expect("requested");
    assert_eq!(status(&store, ana, session).await, ApplicationStatus::Ended);
    assert_eq!(
        store.onboarding_items(session).await.expect("items").len(),
        2
    );

    // a testimonial: replaced while pending, moderated once (with the office's text)
    use cohort_domain::internship::Moderation;
    let testimonial = |body| cohort_store::NewTestimonial {
        application_id: ana_app,
        unit_code: "DI",
        lang: "fr",
        body,
        body_other: None,
        consent_edit: true,
    };
    for body in ["Premier jet.", "Texte final."] {
        store
            .submit_testimonial(&testimonial(body), NOW + 30)
            .await
            .expect("submit")
            .expect("pending");
    }
    let pending = store.testimonials(Moderation::Pending).await.expect("list");
    assert_eq!(
        (pending.len(), pending[0].body.as_str()),
        (1, "Texte final.")
    );
    let id = pending[0].id;
    store
        .moderate_testimonial(
            id,
            Moderation::Approved,
            Some("Texte revu."),
            coordinator,
            &AUDIT,
            NOW + 31,
        )
        .await
        .expect("moderate")
        .expect("pending");
    assert!(store
        .moderate_testimonial(
            id,
            Moderation::Rejected,
            None,
            coordinator,
            &AUDIT,
            NOW + 32
        )
        .await
        .expect("moderate")
        .is_err());
    let approved = store
        .testimonials(Moderation::Approved)
        .await
        .expect("list");
    assert_eq!(
        (approved[0].body.as_str(), approved[0].edited),
        ("Texte revu.", true)
    );
    assert!(
        store
            .submit_testimonial(&testimonial("Encore."), NOW + 33)
            .await
            .expect("submit")
            .is_err(),
        "moderated: no longer replaced"
    );
    assert!(store
        .verify_audit()
        .await
        .expect("verify")
        .problems
        .is_empty());
}
