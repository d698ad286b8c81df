//! `cohort user add`: the first administrator, and reviewers with their units, each with a
//! printed one-time link; bad input names the field and changes nothing.

use std::path::Path;
use std::process::{Command, Output};

const NATO: &str = include_str!("../../../catalogue/nato-international-staff.toml");

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

#[test]
fn staff_accounts_are_created_with_a_link_and_bad_input_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let file = dir.path().join("nato.toml");
    std::fs::write(&file, NATO).expect("write");
    let import = cohort(
        &["catalogue", "import", file.to_str().expect("path")],
        &data,
    );
    assert!(import.status.success(), "{}", text(&import.stderr));

    let add = cohort(
        &[
            "user",
            "add",
            "--email",
            "Admin@Example.org",
            "--role",
            "administrator",
            "--public-url",
            "https://interns.example.org/",
        ],
        &data,
    );
    assert!(add.status.success(), "{}", text(&add.stderr));
    let out = text(&add.stdout);
    let token: String = out
        .split("https://interns.example.org/password-reset?token=")
        .nth(1)
        .unwrap_or_else(|| panic!("a link in {out}"))
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64, "{out}");

    let again = cohort(
        &[
            "user",
            "add",
            "--email",
            "admin@example.org",
            "--role",
            "coordinator",
        ],
        &data,
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already has an account"),
        "{}",
        text(&again.stderr)
    );

    let no_unit = cohort(
        &[
            "user",
            "add",
            "--email",
            "rev@example.org",
            "--role",
            "reviewer",
        ],
        &data,
    );
    assert_eq!(no_unit.status.code(), Some(1));
    assert!(
        text(&no_unit.stderr).contains("units:"),
        "{}",
        text(&no_unit.stderr)
    );
    let unknown = cohort(
        &[
            "user",
            "add",
            "--email",
            "rev@example.org",
            "--role",
            "reviewer",
            "--unit",
            "NOPE",
        ],
        &data,
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        text(&unknown.stderr).contains("NOPE is not a unit"),
        "{}",
        text(&unknown.stderr)
    );
    let candidate = cohort(
        &[
            "user",
            "add",
            "--email",
            "c@example.org",
            "--role",
            "candidate",
        ],
        &data,
    );
    assert_eq!(candidate.status.code(), Some(2), "clap refuses the value");

    let reviewer = cohort(
        &[
            "user",
            "add",
            "--email",
            "rev@example.org",
            "--role",
            "reviewer",
            "--unit",
            "DI",
            "--lang",
            "fr",
        ],
        &data,
    );
    assert!(reviewer.status.success(), "{}", text(&reviewer.stderr));

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let store = cohort_store::Store::open(&cohort_store::Store::sqlite_url_in(&data))
            .await
            .expect("open");
        let admin = store
            .account_by_email("admin@example.org")
            .await
            .expect("read")
            .expect("created");
        assert_eq!(
            (admin.role.as_str(), admin.verified),
            ("administrator", true)
        );
        let rev = store
            .account_by_email("rev@example.org")
            .await
            .expect("read")
            .expect("created once, after the refusals");
        assert_eq!(rev.lang, "fr");
        assert_eq!(store.reviewer_units(rev.id).await.expect("units"), ["DI"]);
        assert_eq!(
            store.account_by_email("c@example.org").await.expect("read"),
            None
        );
    });
}

#[test]
fn a_session_file_is_imported_whole_or_not_at_all() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let session =
        "[session]\ncode = \"2027-09\"\nname.en = \"Autumn 2027\"\nname.fr = \"Automne 2027\"\n\
        period_start = \"2027-09-01\"\nperiod_end = \"2028-02-29\"\nopens = \"2027-01-10T09:00\"\n\
        closes = \"2027-02-15T23:59\"\ntime_zone = \"Europe/Brussels\"\nrules = \"rules.toml\"\n";
    let placement = |unit: &str| {
        format!("\n[[placements]]\nunit = \"{unit}\"\ncapacity = 2\nlanguages = [\"en:C1\"]\ntitle.en = \"T\"\ntitle.fr = \"T\"\ndescription.en = \"D\"\ndescription.fr = \"D\"\n")
    };
    std::fs::write(
        dir.path().join("rules.toml"),
        include_str!("../../../catalogue/nato-eligibility.toml"),
    )
    .expect("rules");
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        format!("{session}{}{}", placement("DI"), placement("NOPE")),
    )
    .expect("write");
    let refused = cohort(&["session", "import", bad.to_str().expect("path")], &data);
    assert_eq!(refused.status.code(), Some(1));
    let message = text(&refused.stderr);
    assert!(message.contains("placement #2, field `unit`"), "{message}");

    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        format!("{session}{}{}", placement("DI"), placement("DI-NHQ")),
    )
    .expect("write");
    let created = cohort(&["session", "import", good.to_str().expect("path")], &data);
    assert!(created.status.success(), "{}", text(&created.stderr));
    assert!(
        text(&created.stdout).contains("created session 2027-09"),
        "{}",
        text(&created.stdout)
    );
    let again = cohort(&["session", "import", good.to_str().expect("path")], &data);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("exists already"));

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let store = cohort_store::Store::open(&cohort_store::Store::sqlite_url_in(&data))
            .await
            .expect("open");
        let sessions = store.sessions().await.expect("sessions");
        let imported: Vec<_> = sessions.iter().filter(|s| s.code == "2027-09").collect();
        assert_eq!(
            imported.len(),
            1,
            "the bad file left nothing, the good one is there once"
        );
        assert_eq!(
            store
                .placements(imported[0].id)
                .await
                .expect("placements")
                .len(),
            2
        );
        // audited as the office's form audits it, once: the refused imports left nothing
        let created: Vec<_> = store
            .audit_entries(0, 1000)
            .await
            .expect("audit")
            .into_iter()
            .filter(|e| e.action == "session.create")
            .collect();
        assert_eq!(created.len(), 1, "{created:?}");
        assert_eq!(created[0].actor, "cli");
        assert_eq!(created[0].subject, format!("session:{}", imported[0].id.0));
        assert_eq!(created[0].detail, r#"{"code":"2027-09"}"#);
        assert!(store.verify_audit().await.expect("verify").is_intact());
    });
}
