//! The `cohort` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output, Stdio};

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
fn help_lists_every_command() {
    let dir = tempfile::tempdir().expect("dir");
    let out = cohort(&["--help"], dir.path());
    assert!(out.status.success());
    let help = text(&out.stdout);
    for command in ["serve", "migrate", "catalogue", "match", "retention"] {
        assert!(help.contains(command), "{command} in --help");
    }
    let serve = text(&cohort(&["serve", "--help"], dir.path()).stdout);
    for flag in [
        "--bind",
        "--data-dir",
        "--database-url",
        "COHORT_BIND",
        "COHORT_DATA_DIR",
        "COHORT_DATABASE_URL",
        "--log-level",
    ] {
        assert!(serve.contains(flag), "{flag} in serve --help");
    }
}

#[test]
fn the_shipped_catalogue_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("in.toml");
    std::fs::write(&file, NATO).expect("write");
    let import = cohort(
        &["catalogue", "import", file.to_str().expect("utf-8")],
        dir.path(),
    );
    assert!(import.status.success(), "{}", text(&import.stderr));
    let export = cohort(&["catalogue", "export"], dir.path());
    assert!(export.status.success(), "{}", text(&export.stderr));
    assert!(
        export.stdout == NATO.as_bytes(),
        "export(import(file)) == file"
    );
}

#[test]
fn a_bad_catalogue_names_file_unit_and_field_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("good.toml");
    std::fs::write(&good, NATO).expect("write");
    assert!(cohort(
        &["catalogue", "import", good.to_str().expect("utf-8")],
        dir.path()
    )
    .status
    .success());
    let cases = [
        (
            NATO.replacen("code = \"DPP\"", "code = \"DI\"", 1),
            "unit \"DI\", field `code`",
        ),
        (
            NATO.replacen("parent = \"ESCD\"", "parent = \"NOWHERE\"", 1),
            "field `parent`: parent \"NOWHERE\"",
        ),
        (
            NATO.replacen("name.fr = \"Section Cyberdéfense\"\n", "", 1),
            "unit \"ESCD-CYBER\", field `name.fr`: missing",
        ),
        (
            NATO.replacen(
                "code = \"DI\"\nkind",
                "code = \"DI\"\nparent = \"DI-NHQ\"\nkind",
                1,
            ),
            "cycle",
        ),
        ("not toml [".to_owned(), "not a valid catalogue file"),
    ];
    for (content, expected) in cases {
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, &content).expect("write");
        let out = cohort(
            &["catalogue", "import", bad.to_str().expect("utf-8")],
            dir.path(),
        );
        assert!(!out.status.success(), "refused: {expected}");
        let error = text(&out.stderr);
        assert!(error.contains("bad.toml"), "names the file: {error}");
        assert!(error.contains(expected), "expected {expected:?} in {error}");
        let export = cohort(&["catalogue", "export"], dir.path());
        assert!(
            export.stdout == NATO.as_bytes(),
            "the database is unchanged after: {expected}"
        );
    }
}

#[test]
fn serve_starts_answers_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("COHORT_DATA_DIR", dir.path())
        .env("COHORT_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let mut ready = false;
    for _ in 0..200 {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ =
                stream.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            if answer.starts_with("HTTP/1.1 200") {
                ready = true;
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(ready, "/readyz answered 200");
    assert!(
        dir.path().join("cohort.db").exists(),
        "SQLite created in the data directory"
    );
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert!(status.success(), "a clean exit after SIGTERM: {status:?}");
}

#[test]
fn match_reads_and_writes_the_exchange_format() {
    let dir = tempfile::tempdir().expect("dir");
    let instance = r#"{
      "seed": 20270301,
      "candidates": [
        { "id": "c-001", "nationality": "FR", "preferences": ["p-cyber", "p-legal", "p-nor"] },
        { "id": "c-002", "nationality": "PL", "preferences": ["p-cyber"] }
      ],
      "placements": [
        { "id": "p-cyber", "capacity": 2, "ranking": ["c-002", "c-001"] },
        { "id": "p-legal", "capacity": 1, "ranking": ["c-001"] },
        { "id": "p-nor",   "capacity": 1, "ranking": [] }
      ],
      "nationality_caps": { "FR": 1 }
    }"#;
    let input = dir.path().join("instance.json");
    let output = dir.path().join("result.json");
    std::fs::write(&input, instance).expect("write");
    let args = [
        "match",
        "--input",
        input.to_str().expect("utf-8"),
        "--output",
        output.to_str().expect("utf-8"),
        "--reproducible",
    ];
    let out = cohort(&args, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = std::fs::read(&output).expect("result");
    let result: serde_json::Value = serde_json::from_slice(&first).expect("JSON");
    assert_eq!(result["assignment"]["c-002"], "p-cyber");
    assert_eq!(result["seed"], 20270301);
    assert_eq!(result["stable"], true);
    assert!(cohort(&args, dir.path()).status.success());
    assert_eq!(
        std::fs::read(&output).expect("again"),
        first,
        "same input and seed → same bytes"
    );
}

#[test]
fn an_invalid_instance_names_the_entry_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("bad.json");
    let output = dir.path().join("result.json");
    std::fs::write(
        &input,
        r#"{"seed": 1, "candidates": [{"id": "c-1", "nationality": "FR", "preferences": ["p-1"]}],
            "placements": [{"id": "p-1", "capacity": 1, "ranking": ["c-9"]}]}"#,
    )
    .expect("write");
    let out = cohort(
        &[
            "match",
            "--input",
            input.to_str().expect("utf-8"),
            "--output",
            output.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    let error = text(&out.stderr);
    assert!(
        error.contains("placements[0]") && error.contains("c-9"),
        "{error}"
    );
    assert!(!output.exists(), "no partial result");
}

#[test]
fn a_rounds_exported_instance_replays_byte_for_byte_through_cohort_match() {
    use cohort_domain::allocation::{Round, RoundCandidate, RoundPlacement};
    use cohort_domain::session::PlacementId;
    use cohort_domain::{Nationality, UnitCode};
    // built by the same code as the offer rounds' runs, with ties and a cap
    let fr = Nationality::parse("FR").expect("FR");
    let unit = UnitCode::parse("CYBER").expect("unit");
    let round = Round {
        seed: 42,
        candidates: (1..=6)
            .map(|a| RoundCandidate {
                application_id: a,
                nationality: (a % 2 == 0).then_some(fr),
                choices: vec![PlacementId(10), PlacementId(11)],
            })
            .collect(),
        placements: vec![
            RoundPlacement {
                id: PlacementId(10),
                unit: unit.clone(),
                seats_left: 2,
                ranking: vec![vec![2, 4, 6], vec![1, 3]],
            },
            RoundPlacement {
                id: PlacementId(11),
                unit,
                seats_left: 2,
                ranking: vec![vec![1, 2, 3, 4, 5, 6]],
            },
        ],
        caps_left: [(fr, 1)].into_iter().collect(),
    };
    // what a run stores (and its page offers for download)
    let instance = format!("{}\n", round.to_json());
    let stored = format!(
        "{}\n",
        cohort_matching::solve_json_with(&instance, cohort_matching::Millis::Fixed(0.0))
            .expect("valid")
    );
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("run-1-instance.json");
    let output = dir.path().join("result.json");
    std::fs::write(&input, &instance).expect("write");
    let args = [
        "match",
        "--reproducible",
        "--input",
        input.to_str().expect("utf-8"),
        "--output",
        output.to_str().expect("utf-8"),
    ];
    let out = cohort(&args, dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&output).expect("result"), stored);
}
