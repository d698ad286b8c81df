//! `cohort demo generate`: sent applications with statuses, timelines, CV texts and
//! reviews, added again on a second run without clashing; `cohort retention purge` leaves
//! a session whose retention has not run out alone.

use std::path::Path;
use std::process::{Command, Output};

fn cohort(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cohort"))
        .args(args)
        .env("COHORT_DATA_DIR", data)
        .env_remove("COHORT_DATABASE_URL")
        .env("COHORT_LOG", "warn")
        .output()
        .expect("run cohort")
}

#[test]
fn demo_data_fills_the_first_session_and_can_be_added_to() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    for run in 1..=2 {
        let out = cohort(&["demo", "generate", "--applications", "300"], &data);
        assert!(
            out.status.success(),
            "run {run}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("300 applications to session"),
            "{stdout}"
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("300/300"),
            "a progress bar"
        );
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let store = cohort_store::Store::open(&cohort_store::Store::sqlite_url_in(&data))
            .await
            .expect("open");
        let session = store.sessions().await.expect("sessions")[0].id;
        let rows = store.screening_rows(session).await.expect("rows");
        assert_eq!(rows.len(), 600);
        let statuses: std::collections::BTreeSet<&str> =
            rows.iter().map(|r| r.status.as_str()).collect();
        assert_eq!(
            statuses.len(),
            4,
            "submitted, shortlisted, rejected, withdrawn: {statuses:?}"
        );
        assert!(rows
            .iter()
            .all(|r| !r.choices.is_empty() && r.profile.is_some()));
        assert!(
            rows.iter().any(|r| !r.eligible),
            "some fail the nationality rule"
        );
        let reviews = store.reviews_in_session(session).await.expect("reviews");
        assert!(reviews.len() > 100, "{} reviews", reviews.len());
        assert!(reviews.iter().all(|r| (1.0..=5.0).contains(&r.score)));
        let timeline = store.application_events(rows[0].id).await.expect("events");
        assert_eq!(timeline[0].kind, "created");
        // every candidate has a CV's text, naming them, for the search over CVs
        assert!(rows.iter().all(|r| r.cv_text.len() > 200), "CV texts");
        let first: serde_json::Value =
            serde_json::from_str(rows[0].profile.as_deref().unwrap_or("{}")).expect("JSON");
        let family = first["family_name"].as_str().expect("a family name");
        assert!(rows[0].cv_text.contains(family), "{}", rows[0].cv_text);
        let rare = rows
            .iter()
            .filter(|r| r.cv_text.contains("Kubernetes"))
            .count();
        assert!((1..60).contains(&rare), "a rare skill: {rare} of 600");
        store.close().await;
    });
    // the session has not ended: its retention runs, nothing is purged
    let out = cohort(&["retention", "purge"], &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "nothing to purge\n");
}
