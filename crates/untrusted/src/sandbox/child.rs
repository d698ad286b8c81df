//! The child's side: read the file from stdin, do the job, write one JSON answer.

use super::{Answer, Job, Limits};
use std::io::{Read, Write};

/// The most bytes of input a child reads (a document is at most 5 MB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Exit codes of a child that did not answer.
const USAGE: u8 = 2;
const NOT_LIMITED: u8 = 3;
const INPUT_TOO_LARGE: u8 = 4;

/// Runs the job named `job` on stdin; the entry point of `cohort sandbox JOB`.
pub fn main(job: &str) -> std::process::ExitCode {
    let Some(job) = Job::from_name(job) else {
        eprintln!("unknown sandbox job {job:?}");
        return std::process::ExitCode::from(USAGE);
    };
    let mut input = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut input);
    if read.is_err() || input.len() > MAX_INPUT_BYTES {
        return std::process::ExitCode::from(INPUT_TOO_LARGE);
    }
    // checked once the input is in: the parent writes it only after setting the limits
    if !Limits::are_set_on_this_process() {
        // never parse a hostile file without them
        eprintln!("the sandbox runs only under the limits its parent sets");
        return std::process::ExitCode::from(NOT_LIMITED);
    }
    let answer = answer(job, &input);
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut out, &answer).map_err(std::io::Error::from);
    match written.and_then(|()| out.flush()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::FAILURE,
    }
}

/// The answer to `job` on `input`, computed in this process.
pub fn answer(job: Job, input: &[u8]) -> Answer {
    match job {
        Job::PdfText => Answer::Text(crate::pdf_text::extract_in_this_process(input)),
        Job::SheetRows => match crate::sheet::rows(input) {
            Ok(rows) => Answer::Rows(rows),
            Err(error) => Answer::SheetError(error),
        },
    }
}
