//! `cohort audit verify|export` as a user runs them, on logs written through the store and
//! tampered with behind its back, as someone with access to the database file would.

use cohort_store::{NewAuditEntry, Store};
use sqlx::{AnyConnection, Connection};
use std::path::Path;
use std::process::{Command, Output};

const NOW: i64 = 1_780_000_000_000;

fn cohort(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(args)
        .env("COHORT_DATA_DIR", data)
        .env_remove("COHORT_DATABASE_URL")
        .env("COHORT_LOG", "warn")
        .output()
        .expect("run cohort")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A data directory whose audit log holds one entry per detail, in order.
async fn logged(details: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&Store::sqlite_url_in(dir.path()))
        .await
        .expect("open");
    for (i, detail) in (1..).zip(details) {
        let subject = format!("application:{i}");
        let entry = NewAuditEntry {
            actor_id: Some(1),
            actor: "admin@example.org",
            action: "application.status",
            subject: &subject,
            detail,
            address: Some("192.0.2.7"),
        };
        store.audit(&entry, NOW + i).await.expect("append");
    }
    store.close().await;
    dir
}

/// Runs `sql` (statements separated by `;`) on the data directory's database.
async fn tamper(data: &Path, sql: &str) {
    sqlx::any::install_default_drivers();
    let mut conn = AnyConnection::connect(&Store::sqlite_url_in(data))
        .await
        .expect("connect");
    for statement in sql.split(';') {
        sqlx::query(statement)
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
    conn.close().await.expect("close");
}

#[test]
fn help_describes_both_subcommands() {
    let dir = tempfile::tempdir().expect("dir");
    let help = text(&cohort(&["audit", "--help"], dir.path()).stdout);
    assert!(help.contains("verify") && help.contains("export"), "{help}");
    let verify = text(&cohort(&["audit", "verify", "--help"], dir.path()).stdout);
    assert!(
        verify.contains("status 3") && verify.contains("--data-dir"),
        "{verify}"
    );
}

#[tokio::test]
async fn an_untouched_log_is_intact() {
    let dir = logged(&["{}", "{}", "{}"]).await;
    let out = cohort(&["audit", "verify"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "audit log intact: 3 entries\n");
}

#[tokio::test]
async fn tampering_fails_verify_and_names_the_entry() {
    let cases = [
        (
            "UPDATE audit_log SET detail = '{\"ok\":true}' WHERE seq = 2",
            "entry 2 was edited",
        ),
        ("DELETE FROM audit_log WHERE seq = 3", "entry 3 is missing"),
        (
            "UPDATE audit_log SET seq = 100 WHERE seq = 2; \
             UPDATE audit_log SET seq = 2 WHERE seq = 3; \
             UPDATE audit_log SET seq = 3 WHERE seq = 100",
            "entry 2 does not link",
        ),
        ("DELETE FROM audit_log WHERE seq = 5", "ends at entry 4"),
    ];
    for (sql, expected) in cases {
        let dir = logged(&["{}"; 5]).await;
        tamper(dir.path(), sql).await;
        let out = cohort(&["audit", "verify"], dir.path());
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.code(), Some(3), "{expected}: {stderr}");
        assert!(stdout.contains(expected), "{expected:?} in {stdout}");
        assert!(stderr.contains("not intact"), "{stderr}");
    }
}

#[tokio::test]
async fn export_writes_spreadsheet_safe_csv_in_order() {
    let dir = logged(&["{}", "=HYPERLINK(\"http://x\")", "{\"note\":\"a, b\"}"]).await;
    let out = cohort(&["audit", "export", "--output", "-"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "a UTF-8 BOM first");
    let csv = text(&out.stdout);
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("seq,at,time_utc,actor_id,actor,action,subject,detail,address,prev_hash,hash")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(
        rows[0].starts_with("1,1780000000001,2026-05-28T20:26:40.001Z,1,admin@example.org,"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "neutralised: {}",
        rows[1]
    );
    assert!(
        rows[2].contains(",\"{\"\"note\"\":\"\"a, b\"\"}\","),
        "{}",
        rows[2]
    );

    let file = dir.path().join("audit.csv");
    let path = file.to_str().expect("utf-8");
    let to_file = cohort(&["audit", "export", "--output", path], dir.path());
    assert!(to_file.status.success(), "{}", text(&to_file.stderr));
    assert_eq!(
        std::fs::read(&file).expect("read"),
        out.stdout,
        "same bytes"
    );
}
