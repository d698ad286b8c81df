//! Staff accounts and screening on SQLite and on PostgreSQL: staff created with their
//! scope, the sent applications of a session with the profile as submitted, and staff
//! decisions that change the status, notify and audit together or not at all.

use cohort_domain::application::ApplicationStatus;
use cohort_domain::session::{demo_session, placements_from_toml, SessionId};
use cohort_domain::Catalogue;
use cohort_store::{
    insert_account, DocumentKind, EligibilityOverride, NewAccount, NewAuditEntry, NewDocument,
    NewMail, NewStaff, StaffDecision, Store, NO_PASSWORD,
};

const NOW: i64 = 1_780_000_000_000;
const NATO: &str = include_str!("../../../../catalogue/nato-international-staff.toml");
const PLACEMENTS: &str = include_str!("../../../../catalogue/demo-placements.toml");

use crate::backends;

on_both_backends!(
    staff_are_created_confirmed_with_their_units_once,
    the_screening_rows_are_the_sent_applications_with_the_profile_as_submitted,
    a_decision_changes_notifies_and_audits_together_or_not_at_all,
    an_override_holds_an_ineligible_application_eligible_once_and_audited,
);

async fn staff_are_created_confirmed_with_their_units_once(store: Store) {
    let units = vec!["IS-DDS".to_owned(), "IS-OPS".to_owned()];
    let new = NewStaff {
        account: NewAccount {
            email_key: "rev@nato.example",
            email: "Rev@nato.example",
            password_hash: NO_PASSWORD,
            role: "reviewer",
            lang: "fr",
        },
        units: &units,
        token_hash: "digest-of-the-link",
        token_expires_at: NOW + 1000,
        mail: Some(NewMail {
            to: "Rev@nato.example",
            lang: "fr",
            subject: "Invitation",
            body_text: "Choisissez un mot de passe",
        }),
    };
    let id = store
        .create_staff(&new, NOW)
        .await
        .expect("create")
        .expect("a new address");
    let account = store
        .account_by_email("rev@nato.example")
        .await
        .expect("read")
        .expect("account");
    assert_eq!(
        (account.id, account.role.as_str(), account.verified),
        (id, "reviewer", true)
    );
    assert_eq!(store.reviewer_units(id).await.expect("units"), units);
    assert_eq!(
        store
            .use_email_token("digest-of-the-link", "reset", NOW)
            .await
            .expect("token"),
        Some(id),
        "the set-a-password link works"
    );
    let mails = store.pending_mail(NOW, 10).await.expect("outbox");
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Invitation");

    let again = store.create_staff(&new, NOW).await.expect("create again");
    assert_eq!(again, None, "one account per address");
    assert_eq!(
        store.pending_mail(NOW, 10).await.expect("outbox").len(),
        1,
        "nothing queued"
    );
    assert_eq!(store.reviewer_units(id).await.expect("units").len(), 2);
}

async fn candidate(store: &Store, email: &str) -> i64 {
    let mut tx = store.begin().await.expect("begin");
    let new = NewAccount {
        email_key: email,
        email,
        password_hash: "$argon2id$fake",
        role: "candidate",
        lang: "fr",
    };
    let id = insert_account(&mut tx, &new, NOW)
        .await
        .expect("insert")
        .expect("new");
    tx.commit().await.expect("commit");
    id
}

async fn session(store: &Store) -> SessionId {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let session = demo_session(now, "Europe/Brussels").expect("demo");
    let catalogue = Catalogue::from_toml(NATO).expect("catalogue");
    let placements =
        placements_from_toml(PLACEMENTS, &catalogue, SessionId(0)).expect("placements");
    store
        .insert_session(&session, &placements)
        .await
        .expect("session")
}

async fn the_screening_rows_are_the_sent_applications_with_the_profile_as_submitted(store: Store) {
    let spring = session(&store).await;
    let offered = store.placement_ids(spring).await.expect("placements");
    let ana = candidate(&store, "ana@example.org").await;
    let ben = candidate(&store, "ben@example.org").await;
    let sent = store
        .save_draft(
            ana,
            spring,
            &[offered[2], offered[0]],
            "Motivation d'Ana",
            NOW,
        )
        .await
        .expect("draft")
        .expect("draft");
    store
        .save_draft(ben, spring, &[offered[1]], "Ben's draft", NOW)
        .await
        .expect("draft")
        .expect("draft");
    assert_eq!(
        store.screening_rows(spring).await.expect("rows"),
        vec![],
        "drafts are not screened"
    );
    let cv = NewDocument {
        application_id: sent,
        kind: DocumentKind::Cv,
        object_key: "documents/cv-ana",
        file_name: "CV Ana Popescu.pdf",
        size: 10,
        sha256: "ab",
        text: Some("Stage à la Cour pénale internationale"),
    };
    store
        .put_document(&cv, NOW)
        .await
        .expect("put")
        .expect("a draft");
    let before = store.applications_revision().await.expect("revision");
    store
        .submit_application(sent, r#"{"family_name":"Popescu"}"#, true, NOW + 5)
        .await
        .expect("submit")
        .expect("was a draft");
    assert!(store.applications_revision().await.expect("revision") > before);
    store
        .save_profile(ana, r#"{"family_name":"Changed later"}"#, NOW + 9)
        .await
        .expect("edit the profile after sending");

    let rows = store.screening_rows(spring).await.expect("rows");
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(
        (row.id, row.account_id, row.status),
        (sent, ana, ApplicationStatus::Submitted)
    );
    assert_eq!(
        row.choices,
        vec![offered[2], offered[0]],
        "in the candidate's order"
    );
    assert_eq!(row.profile.as_deref(), Some(r#"{"family_name":"Popescu"}"#));
    assert!(row.eligible);
    assert_eq!(row.eligibility_override, None);
    assert_eq!(row.cv_text, "Stage à la Cour pénale internationale");
    assert_eq!(
        (row.email.as_str(), row.lang.as_str()),
        ("ana@example.org", "fr")
    );
    assert_eq!(row.submitted_at, Some(NOW + 5));
    assert_eq!(
        store.screening_row(sent).await.expect("row").as_ref(),
        Some(row)
    );

    let twice = store
        .submit_application(sent, "{}", false, NOW + 6)
        .await
        .expect("submit again");
    assert!(twice.is_err(), "a sent application is not sent again");
}

async fn a_decision_changes_notifies_and_audits_together_or_not_at_all(store: Store) {
    let spring = session(&store).await;
    let offered = store.placement_ids(spring).await.expect("placements");
    let ana = candidate(&store, "ana@example.org").await;
    let id = store
        .save_draft(ana, spring, &[offered[0]], "Motivation", NOW)
        .await
        .expect("draft")
        .expect("draft");
    store
        .submit_application(id, "{}", true, NOW)
        .await
        .expect("submit")
        .expect("draft");
    let decision = |from, to| StaffDecision {
        application_id: id,
        from,
        to,
        kind: to.as_str(),
        reason: "Profil solide",
        actor_id: 99,
        mail: Some(NewMail {
            to: "ana@example.org",
            lang: "fr",
            subject: "Décision",
            body_text: "Profil solide",
        }),
        audit: NewAuditEntry {
            actor_id: Some(99),
            actor: "coord@nato.example (coordinator)",
            action: "application.status",
            subject: "application:1",
            detail: "{}",
            address: Some("127.0.0.1"),
        },
    };
    use ApplicationStatus as S;
    let applied = store
        .decide_application(&decision(S::Submitted, S::Shortlisted), NOW + 1)
        .await
        .expect("decide");
    assert!(applied.is_ok());
    // a second coordinator deciding from the old status changes nothing at all
    let stale = store
        .decide_application(&decision(S::Submitted, S::Rejected), NOW + 2)
        .await
        .expect("decide");
    assert!(stale.is_err());
    let row = store.screening_row(id).await.expect("row").expect("exists");
    assert_eq!(row.status, S::Shortlisted);
    let events = store.application_events(id).await.expect("events");
    assert_eq!(
        events.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(),
        ["created", "submitted", "shortlisted"]
    );
    assert_eq!(
        store
            .pending_mail(NOW + 10, 10)
            .await
            .expect("outbox")
            .len(),
        1
    );
    let audit = store.audit_entries(0, 10).await.expect("audit");
    assert_eq!(audit.len(), 1, "only the applied decision is audited");
    assert!(store.verify_audit().await.expect("verify").is_intact());
}

async fn an_override_holds_an_ineligible_application_eligible_once_and_audited(store: Store) {
    let spring = session(&store).await;
    let offered = store.placement_ids(spring).await.expect("placements");
    let ana = candidate(&store, "ana@example.org").await;
    let id = store
        .save_draft(ana, spring, &[offered[0]], "Motivation", NOW)
        .await
        .expect("draft")
        .expect("draft");
    store
        .submit_application(id, "{}", false, NOW)
        .await
        .expect("submit")
        .expect("draft");
    let row = store.screening_row(id).await.expect("row").expect("sent");
    assert!(!row.eligible, "failed the rules at submission");
    let change = |status| EligibilityOverride {
        application_id: id,
        status,
        justification: "Diplôme reconnu par équivalence",
        actor_id: 99,
        audit: NewAuditEntry {
            actor_id: Some(99),
            actor: "coord@nato.example (coordinator)",
            action: "application.eligibility_override",
            subject: "application:1",
            detail: "{}",
            address: Some("127.0.0.1"),
        },
    };
    use ApplicationStatus as S;
    // from a status it no longer has: nothing happens
    let stale = store
        .override_eligibility(&change(S::Shortlisted), NOW + 1)
        .await
        .expect("override");
    assert!(stale.is_err());
    let before = store.applications_revision().await.expect("revision");
    let done = store
        .override_eligibility(&change(S::Submitted), NOW + 2)
        .await
        .expect("override");
    assert!(done.is_ok());
    assert!(
        store.applications_revision().await.expect("revision") > before,
        "cached lists see it"
    );
    let row = store.screening_row(id).await.expect("row").expect("sent");
    assert!(row.eligible);
    assert_eq!(
        row.eligibility_override.as_deref(),
        Some("Diplôme reconnu par équivalence")
    );
    assert_eq!(row.status, S::Submitted, "the status does not move");
    let again = store
        .override_eligibility(&change(S::Submitted), NOW + 3)
        .await
        .expect("override");
    assert!(again.is_err(), "once");
    let kinds: Vec<String> = store
        .application_events(id)
        .await
        .expect("events")
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["created", "submitted", "eligibility_override"]);
    let audit = store.audit_entries(0, 10).await.expect("audit");
    assert_eq!(audit.len(), 1, "only the applied override is audited");
    assert_eq!(audit[0].action, "application.eligibility_override");
    assert!(store.verify_audit().await.expect("verify").is_intact());
}
