//! Cross-check against the Python `matching` package (version 1.4.3):
//! random instances without ties and caps, where each placement ranks
//! exactly the candidates who list it, must get identical assignments.
//!
//! Needs `COHORT_PYTHON` pointing at an interpreter with `matching==1.4.3`;
//! without it the test fails (it never skips) and says how to install it.

#![expect(
    clippy::unwrap_used,
    reason = "a test fails loudly on unexpected values"
)]

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use cohort_matching::generate::{random_instance, GeneratorParams};
use cohort_matching::{solve, Instance, InstanceDocument};

const INSTALL: &str =
    "python3 -m venv /var/tmp/cohort-venv && /var/tmp/cohort-venv/bin/pip install matching==1.4.3 \
     && export COHORT_PYTHON=/var/tmp/cohort-venv/bin/python";

fn python() -> String {
    let Ok(python) = std::env::var("COHORT_PYTHON") else {
        panic!("COHORT_PYTHON is not set: it must name a Python interpreter with the `matching` package 1.4.3. Install with: {INSTALL}");
    };
    let probe = Command::new(&python)
        .args(["-c", "import matching; print(matching.__version__)"])
        .output();
    let version = match probe {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(out) => panic!(
            "COHORT_PYTHON={python} cannot import `matching` ({}). Install with: {INSTALL}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => panic!("COHORT_PYTHON={python} cannot be run ({e}). Install with: {INSTALL}"),
    };
    assert_eq!(
        version, "1.4.3",
        "COHORT_PYTHON={python} has matching {version}, need 1.4.3. Install with: {INSTALL}"
    );
    python
}

fn python_assignment(python: &str, json: &str) -> BTreeMap<String, Option<String>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/hr_solve.py");
    let mut child = Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {python} {script}: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "hr_solve.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn our_assignment(instance: &Instance) -> BTreeMap<String, Option<String>> {
    let allocation = solve(instance);
    (0..instance.candidate_count())
        .map(|c| {
            let p = allocation
                .placement_of(c)
                .map(|p| instance.placement_id(p).to_string());
            (instance.candidate_id(c).to_string(), p)
        })
        .collect()
}

#[test]
fn assignments_match_the_python_matching_package() {
    let python = python();
    let sizes = [
        (1, 1, 1),
        (3, 2, 2),
        (8, 3, 3),
        (20, 4, 5),
        (60, 5, 8),
        (200, 6, 20),
        (500, 8, 40),
        (2000, 10, 100),
    ];
    for (i, &(candidates, choices, placements)) in sizes.iter().enumerate() {
        for seed in 0..3u64 {
            let params = GeneratorParams {
                candidates,
                choices,
                placements,
                seed: seed * 1000 + i as u64,
                ties: false,
                caps: false,
            };
            let instance = random_instance(&params);
            let json = serde_json::to_string(&InstanceDocument::from(&instance)).unwrap();
            let theirs = python_assignment(&python, &json);
            let ours = our_assignment(&instance);
            assert_eq!(ours, theirs, "assignments differ for {params:?}");
        }
    }
}
