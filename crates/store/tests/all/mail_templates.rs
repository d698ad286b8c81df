//! The office's e-mail wordings on SQLite and on PostgreSQL: saved (replacing the last),
//! listed, removed to go back to the default; each change audited in its transaction.

use cohort_store::{MailTemplateRow, NewAuditEntry, Store};

use crate::backends;

on_both_backends!(wordings_are_saved_replaced_and_removed,);

const AUDIT: NewAuditEntry<'static> = NewAuditEntry {
    actor_id: Some(1),
    actor: "coord@nato.example (coordinator)",
    action: "mail_template.save",
    subject: "mail_template:offer/fr",
    detail: "{}",
    address: None,
};

async fn wordings_are_saved_replaced_and_removed(store: Store) {
    let row = |subject: &str, at| MailTemplateRow {
        kind: "offer".into(),
        lang: "fr".into(),
        subject: subject.into(),
        body: "Poste : { $placement } — { $link }".into(),
        updated_at: at,
        updated_by: Some(1),
    };
    assert!(store.mail_templates().await.expect("list").is_empty());
    store
        .save_mail_template(&row("Offre", 1), &AUDIT)
        .await
        .expect("save");
    store
        .save_mail_template(&row("Votre offre", 2), &AUDIT)
        .await
        .expect("replace");
    assert_eq!(
        store.mail_templates().await.expect("list"),
        [row("Votre offre", 2)]
    );
    assert!(store
        .reset_mail_template("offer", "fr", &AUDIT, 3)
        .await
        .expect("reset"));
    assert!(!store
        .reset_mail_template("offer", "fr", &AUDIT, 4)
        .await
        .expect("again"));
    assert!(store.mail_templates().await.expect("list").is_empty());
    let entries = store.audit_entries(0, 100).await.expect("audit");
    assert_eq!(
        entries.len(),
        3,
        "two saves and one reset; the empty reset is not recorded"
    );
    assert!(store.verify_audit().await.expect("verify").is_intact());
}
