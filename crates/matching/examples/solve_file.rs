//! Solves an instance file with `solve_json` and writes the result to stdout;
//! prints the wall-clock time (parse + solve + check + serialize) to stderr.
//!
//! `solve_file INSTANCE.json`

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: solve_file INSTANCE.json");
        return ExitCode::from(2);
    };
    let input = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("solve_file: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    match cohort_matching::solve_json(&input) {
        Ok(json) => {
            eprintln!(
                "end_to_end_ms={:.1}",
                start.elapsed().as_secs_f64() * 1000.0
            );
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("solve_file: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
