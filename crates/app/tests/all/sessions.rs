//! Creating a session: the office's form and `cohort session import` are one use case,
//! checked and audited alike.

use super::{app, NOW};
use cohort_app::sessions::{create, NewSession};
use cohort_app::{Actor, Error};
use cohort_domain::session::demo_session;
use cohort_domain::Role;

fn coordinator() -> Actor {
    Actor::Staff {
        account_id: 7,
        email: "coord@nato.example".into(),
        role: Role::Coordinator,
        units: Vec::new(),
        address: "203.0.113.9".into(),
    }
}

fn new_session(code: &str) -> NewSession {
    let now = jiff::Timestamp::from_millisecond(NOW).expect("instant");
    let mut session = demo_session(now, "Europe/Brussels").expect("demo session");
    session.code = code.into();
    NewSession {
        session,
        placements: Vec::new(),
        review: None,
    }
}

#[tokio::test]
async fn the_office_and_the_command_line_leave_the_same_audit_entry() {
    let (app, _dir) = app().await;
    let by_office = create(&app, &coordinator(), &new_session("2027-09"))
        .await
        .expect("created");
    let by_cli = create(&app, &Actor::System("cli"), &new_session("2028-03"))
        .await
        .expect("created");
    let entries = app.store.audit_entries(0, 100).await.expect("audit");
    let created: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "session.create")
        .collect();
    assert_eq!(created.len(), 2, "{entries:?}");
    let (office, cli) = (created[0], created[1]);
    assert_eq!(office.subject, format!("session:{}", by_office.0));
    assert_eq!(cli.subject, format!("session:{}", by_cli.0));
    assert_eq!(office.detail, r#"{"code":"2027-09"}"#);
    assert_eq!(cli.detail, r#"{"code":"2028-03"}"#);
    assert_eq!(
        (
            office.actor.as_str(),
            office.actor_id,
            office.address.as_deref()
        ),
        (
            "coord@nato.example (coordinator)",
            Some(7),
            Some("203.0.113.9")
        )
    );
    assert_eq!(
        (cli.actor.as_str(), cli.actor_id, cli.address.as_deref()),
        ("cli", None, None)
    );
    assert_eq!((office.at, cli.at), (NOW, NOW));
}

#[tokio::test]
async fn a_taken_code_is_a_conflict_and_writes_nothing() {
    let (app, _dir) = app().await;
    create(&app, &Actor::System("cli"), &new_session("2027-09"))
        .await
        .expect("created");
    let before = app.store.audit_entries(0, 100).await.expect("audit").len();
    let again = create(&app, &coordinator(), &new_session("2027-09")).await;
    assert!(
        matches!(
            again,
            Err(Error::Conflict {
                key: "session-problem-code-taken",
                ..
            })
        ),
        "{again:?}"
    );
    assert_eq!(app.store.sessions().await.expect("sessions").len(), 1);
    assert_eq!(
        app.store.audit_entries(0, 100).await.expect("audit").len(),
        before
    );
}

#[tokio::test]
async fn only_who_manages_sessions_creates_one() {
    let (app, _dir) = app().await;
    let reviewer = Actor::Staff {
        account_id: 8,
        email: "rev@nato.example".into(),
        role: Role::Reviewer,
        units: vec!["DI".into()],
        address: "203.0.113.10".into(),
    };
    let candidate = Actor::Candidate {
        account_id: 9,
        address: "203.0.113.11".into(),
    };
    for actor in [reviewer, candidate] {
        let refused = create(&app, &actor, &new_session("2027-09")).await;
        assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");
    }
    assert!(app.store.sessions().await.expect("sessions").is_empty());
}
