//! The sandbox with a real child process: the files that once took the server down end
//! the child, never the parent, and every limit holds.

use cohort_untrusted::samples;
use cohort_untrusted::sandbox::{Answer, ChildCommand, Failure, Job, Limits, Sandbox};
use cohort_untrusted::sheet::SheetError;
use std::time::{Duration, Instant};

fn child() -> ChildCommand {
    ChildCommand {
        program: env!("CARGO_BIN_EXE_cohort-untrusted-child").into(),
        args: Vec::new(),
    }
}

fn sandbox() -> Sandbox {
    Sandbox::new(child(), Limits::default(), 2, 4)
}

/// A shell script as the child (the job's name becomes its `$0`).
fn script(script: &str) -> ChildCommand {
    ChildCommand {
        program: "/bin/sh".into(),
        args: vec!["-c".into(), script.into()],
    }
}

#[tokio::test]
async fn a_pdf_text_is_read_in_the_child() {
    let pdf = samples::pdf_with_text(&["Ana Popescu", "Droit international"]);
    let text = sandbox().pdf_text(&pdf).await.expect("not busy");
    assert_eq!(text, "Ana Popescu\nDroit international");
}

#[tokio::test]
async fn nested_arrays_end_the_child_not_the_parent() {
    let sandbox = sandbox();
    for depth in [1_000, 10_000, 200_000] {
        let answer = sandbox
            .run(Job::PdfText, &samples::nested_arrays(depth))
            .await;
        match answer {
            Err(Failure::Crashed(_)) | Ok(Answer::Text(_)) => {}
            other => panic!("depth {depth}: {other:?}"),
        }
        assert_eq!(
            sandbox.pdf_text(&samples::nested_arrays(depth)).await,
            Ok(String::new()),
            "depth {depth}: a valid upload with no text"
        );
    }
    // and the sandbox still reads the next file
    let pdf = samples::pdf_with_text(&["still here"]);
    assert_eq!(
        sandbox.pdf_text(&pdf).await.expect("not busy"),
        "still here"
    );
}

#[tokio::test]
async fn a_flate_bomb_hits_the_address_space_limit() {
    let bomb = samples::flate_bomb(1 << 30);
    assert!(bomb.len() < 2 << 20, "about 1 MB: {}", bomb.len());
    let answer = sandbox().run(Job::PdfText, &bomb).await;
    assert!(
        matches!(answer, Err(Failure::Crashed(_)) | Ok(Answer::Text(_))),
        "{answer:?}"
    );
}

#[tokio::test]
async fn the_limits_are_set_before_the_child_reads() {
    // the script reads its input first, as the real child does; `ulimit -v` is the address space in KiB, `-t` the CPU seconds, `-s` the stack; field 19 of `stat` the niceness
    let sandbox = Sandbox::new(
        script(
            r#"cat >/dev/null; printf '{"text":"%s %s %s %s %s"}' "$(ulimit -v)" "$(ulimit -t)" "$(ulimit -s)" "$(ulimit -f)" "$(cut -d' ' -f19 /proc/$$/stat)""#,
        ),
        Limits::default(),
        1,
        0,
    );
    let answer = sandbox.run(Job::PdfText, b"").await.expect("answer");
    assert_eq!(answer, Answer::Text("262144 5 8192 0 10".into()));
}

#[tokio::test]
async fn the_child_refuses_to_parse_without_limits() {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_cohort-untrusted-child"))
        .arg("pdf-text")
        .stdin(std::process::Stdio::null())
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(3));
}

#[tokio::test]
async fn the_environment_is_not_passed_on() {
    std::env::set_var("COHORT_DATABASE_URL", "postgres://secret");
    let sandbox = Sandbox::new(
        script(r#"printf '{"text":"%s"}' "${COHORT_DATABASE_URL:-none}""#),
        Limits::default(),
        1,
        0,
    );
    let answer = sandbox.run(Job::PdfText, b"").await.expect("answer");
    assert_eq!(answer, Answer::Text("none".into()));
}

#[tokio::test]
async fn a_slow_child_is_killed_at_the_wall_time() {
    let limits = Limits {
        wall: Duration::from_millis(300),
        ..Limits::default()
    };
    let sandbox = Sandbox::new(script("sleep 30"), limits, 1, 0);
    let started = Instant::now();
    let answer = sandbox.run(Job::PdfText, b"").await;
    assert!(matches!(answer, Err(Failure::TimedOut)), "{answer:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn output_past_the_limit_is_cut_off() {
    let limits = Limits {
        output_bytes: 1024,
        ..Limits::default()
    };
    let sandbox = Sandbox::new(script("yes"), limits, 1, 0);
    let answer = sandbox.run(Job::PdfText, b"").await;
    assert!(matches!(answer, Err(Failure::OutputTooLarge)), "{answer:?}");
}

#[tokio::test]
async fn garbage_output_is_no_answer() {
    let sandbox = Sandbox::new(script("echo hello"), Limits::default(), 1, 0);
    let answer = sandbox.run(Job::PdfText, b"").await;
    assert!(matches!(answer, Err(Failure::Garbage)), "{answer:?}");
    let answer = sandbox.pdf_text(b"").await;
    assert_eq!(answer, Ok(String::new()), "garbage is no text");
}

#[tokio::test]
async fn past_the_waiting_room_the_answer_is_busy() {
    let sandbox = Sandbox::new(
        script("sleep 2; echo '{\"text\":\"\"}'"),
        Limits::default(),
        1,
        1,
    );
    let (first, second, third) = tokio::join!(
        sandbox.run(Job::PdfText, b""),
        sandbox.run(Job::PdfText, b""),
        async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            sandbox.run(Job::PdfText, b"").await
        },
    );
    assert!(first.is_ok(), "{first:?}");
    assert!(second.is_ok(), "{second:?}: waited for its turn");
    assert!(matches!(third, Err(Failure::Busy)), "{third:?}");
}

#[tokio::test]
async fn sheets_are_read_in_the_child() {
    let sandbox = sandbox();
    let rows = sandbox
        .sheet_rows(b"unit,seats\nDI,2\n")
        .await
        .expect("not busy");
    assert_eq!(
        rows,
        Ok(vec![
            vec!["unit".to_owned(), "seats".to_owned()],
            vec!["DI".to_owned(), "2".to_owned()]
        ])
    );
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "unit").expect("write");
    sheet.write(1_048_575, 16_383, "far").expect("write");
    let far = book.save_to_buffer().expect("xlsx");
    assert_eq!(
        sandbox.sheet_rows(&far).await.expect("not busy"),
        Err(SheetError::TooManyCells)
    );
}
