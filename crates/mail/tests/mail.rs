//! The outbox worker end to end: into a directory of `.eml` files, through a real SMTP
//! server (Debian's `python3-aiosmtpd` as a sink), and against a closed port.
//!
//! The SMTP sink is `cohort-smtp-sink` (see there for `COHORT_SMTP_PYTHON`).

use cohort_mail::{drain_once, retry_delay_millis, run_outbox_worker, Sender, Transport};
use cohort_smtp_sink::{wait_for_files, Parsed, SmtpSink};
use cohort_store::{NewMail, Store};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::Duration;

const NOW: i64 = 1_780_000_000_000;
const MINUTE: i64 = 60_000;

const FR: NewMail<'static> = NewMail {
    to: "ana.dupont@exemple.fr",
    lang: "fr",
    subject: "Votre candidature à l'OTAN a été reçue — étape suivante",
    body_text: "Bonjour Ana,\n\nNous avons bien reçu votre candidature pour la Division \
                Défense et Sécurité.\nÀ très bientôt, l'équipe Cohort.\n",
};
const EN: NewMail<'static> = NewMail {
    to: "Bob Smith <bob@example.org>",
    lang: "en",
    subject: "Your application was received",
    body_text: "Hello Bob,\n\nWe received your application.\n",
};

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&Store::sqlite_url_in(dir.path()))
        .await
        .expect("open sqlite");
    (store, dir)
}

fn sender(transport: Transport) -> Sender {
    let from = "Cohort <noreply@cohort.example>".parse().expect("from");
    Sender::new(from, transport).expect("sender")
}

#[tokio::test]
async fn mail_dir_gets_one_eml_file_per_message() {
    let (store, dir) = store().await;
    let out = dir.path().join("mail");
    store.enqueue(&FR, NOW).await.expect("enqueue fr");
    store.enqueue(&EN, NOW + 1).await.expect("enqueue en");
    let sender = sender(Transport::MailDir(out.clone()));

    let sent = drain_once(&store, &sender, NOW + 2).await.expect("drain");
    assert_eq!(sent, 2);
    let files = eml_files(&out);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with(format!("{NOW}-1.eml")), "{files:?}");
    assert!(
        files[1].ends_with(format!("{}-2.eml", NOW + 1)),
        "{files:?}"
    );

    let fr = Parsed::read(&files[0]);
    assert_eq!(fr.header("To"), "ana.dupont@exemple.fr");
    assert_eq!(fr.header("From"), "Cohort <noreply@cohort.example>");
    assert_eq!(fr.subject(), FR.subject);
    assert_eq!(fr.header("Content-Language"), "fr");
    assert_eq!(
        fr.header("Content-Type").to_ascii_lowercase(),
        "text/plain; charset=utf-8"
    );
    assert_eq!(fr.text(), FR.body_text);
    assert!(fr.header("Message-ID").starts_with("<cohort-outbox-1."));

    let en = Parsed::read(&files[1]);
    assert_eq!(en.header("To"), "\"Bob Smith\" <bob@example.org>");
    assert_eq!(en.subject(), EN.subject);
    assert_eq!(en.header("Content-Language"), "en");
    assert_eq!(en.text(), EN.body_text);

    let again = drain_once(&store, &sender, NOW + MINUTE).await;
    assert_eq!(
        again.expect("drain again"),
        0,
        "sent mail is not sent twice"
    );
    assert_eq!(eml_files(&out).len(), 2);
}

#[tokio::test]
async fn a_real_smtp_server_receives_the_message() {
    let (store, dir) = store().await;
    let maildir = dir.path().join("sink");
    let sink = SmtpSink::start(&maildir);
    store.enqueue(&FR, NOW).await.expect("enqueue");
    let sender = sender(Transport::Smtp {
        url: format!("smtp://{}", sink.addr),
    });

    let sent = drain_once(&store, &sender, NOW).await.expect("drain");
    assert_eq!(
        sent,
        1,
        "pending: {:?}",
        store.pending_mail(NOW + 1000 * MINUTE, 9).await
    );
    let delivered = wait_for_files(&maildir.join("new"), 1).await;
    let message = Parsed::read(&delivered[0]);
    assert_eq!(message.header("X-RcptTo"), "ana.dupont@exemple.fr");
    assert_eq!(message.header("X-MailFrom"), "noreply@cohort.example");
    assert_eq!(message.subject(), FR.subject);
    assert_eq!(message.header("Content-Language"), "fr");
    // Python's mailbox ends the stored message with one more line end.
    assert_eq!(message.text().trim_end(), FR.body_text.trim_end());
    let later = store.pending_mail(NOW + 1000 * MINUTE, 10).await;
    assert_eq!(later.expect("pending"), vec![]);
}

#[tokio::test]
async fn a_closed_smtp_port_keeps_the_mail_and_retries_later() {
    let (store, _dir) = store().await;
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr")
    };
    store.enqueue(&FR, NOW).await.expect("enqueue");
    let sender = sender(Transport::Smtp {
        url: format!("smtp://{closed}"),
    });

    assert_eq!(drain_once(&store, &sender, NOW).await.expect("drain"), 0);
    let soon = store.pending_mail(NOW + MINUTE - 1, 10).await;
    assert_eq!(
        soon.expect("pending"),
        vec![],
        "not retried before a minute"
    );
    let due = store.pending_mail(NOW + MINUTE, 10).await.expect("pending");
    assert_eq!(due.len(), 1, "the mail is kept");
    assert_eq!(due[0].attempts, 1);
    let error = due[0].last_error.as_deref().expect("the error is recorded");
    assert!(error.contains("SMTP"), "{error}");

    let second = NOW + MINUTE;
    assert_eq!(drain_once(&store, &sender, second).await.expect("drain"), 0);
    let early = store.pending_mail(second + 2 * MINUTE - 1, 10).await;
    assert_eq!(
        early.expect("pending"),
        vec![],
        "the second wait is two minutes"
    );
    let due = store.pending_mail(second + 2 * MINUTE, 10).await;
    assert_eq!(due.expect("pending")[0].attempts, 2);
}

#[tokio::test]
async fn the_worker_sends_what_is_committed_and_stops_on_shutdown() {
    let (store, dir) = store().await;
    let out = dir.path().join("mail");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let worker = tokio::spawn(run_outbox_worker(
        store.clone(),
        sender(Transport::MailDir(out.clone())),
        Duration::from_millis(20),
        cohort_mail::unix_millis,
        async {
            let _ = stopped.await;
        },
    ));
    store
        .enqueue(&EN, cohort_mail::unix_millis())
        .await
        .expect("enqueue");
    let files = wait_for_files(&out, 1).await;
    assert_eq!(Parsed::read(&files[0]).subject(), EN.subject);
    stop.send(()).expect("the worker is still running");
    tokio::time::timeout(Duration::from_secs(5), worker)
        .await
        .expect("the worker stops promptly")
        .expect("the worker did not panic");
}

#[test]
fn retries_back_off_from_one_minute_to_one_hour() {
    let waits: Vec<i64> = [0, 1, 2, 5, 6, 7, 1000, i64::MAX, -3]
        .into_iter()
        .map(|failed| retry_delay_millis(failed) / MINUTE)
        .collect();
    assert_eq!(waits, [1, 2, 4, 32, 60, 60, 60, 60, 1]);
}

fn eml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the mail directory exists")
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files
}
