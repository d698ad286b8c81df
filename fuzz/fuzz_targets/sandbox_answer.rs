//! The sandbox child's jobs, decoded by name, done in this process, and their one JSON
//! answer read back by the parent's decoder unchanged.
#![no_main]

use cohort_fuzz::tolerate_caught_panics_in_dependencies;
use cohort_untrusted::sandbox::{child, Answer, Job};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    tolerate_caught_panics_in_dependencies();
    let Some((&which, file)) = input.split_first() else {
        return;
    };
    let job = if which % 2 == 0 {
        Job::PdfText
    } else {
        Job::SheetRows
    };
    assert_eq!(Job::from_name(job.name()), Some(job));
    let answer = child::answer(job, file);
    let json = serde_json::to_string(&answer).expect("an answer serializes");
    let back: Answer = serde_json::from_str(&json).expect("the parent reads the answer");
    assert_eq!(back, answer);
    match (job, &answer) {
        (Job::PdfText, Answer::Text(_))
        | (Job::SheetRows, Answer::Rows(_) | Answer::SheetError(_)) => {}
        other => panic!("answer of the wrong kind: {other:?}"),
    }
});
