//! Generates a random instance in memory and times `solve` on it (rank tables
//! included, JSON excluded). Run under `/usr/bin/time -v` for peak memory.
//!
//! `solve_big --candidates 1000000 --choices 10 --placements 50000 --seed 1`

use std::process::ExitCode;
use std::time::Instant;

use cohort_matching::generate::{random_instance, GeneratorParams};

#[path = "support/args.rs"]
mod args;

fn main() -> ExitCode {
    let defaults = GeneratorParams {
        candidates: 1_000_000,
        choices: 10,
        placements: 50_000,
        seed: 1,
        ties: false,
        caps: false,
    };
    let params = match args::generator_params(defaults) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("solve_big: {e}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let instance = random_instance(&params);
    let generated = start.elapsed();
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..3 {
        let (allocation, elapsed) = cohort_matching::solve_timed(&instance);
        best = best.min(elapsed.as_secs_f64() * 1000.0);
        last = Some(allocation);
    }
    let Some(allocation) = last else {
        return ExitCode::FAILURE;
    };
    println!(
        "candidates={} placements={} choices={} generate_ms={:.0} solve_ms_best_of_3={:.1} matched={} proposals={} rounds={}",
        params.candidates,
        params.placements,
        params.choices,
        generated.as_secs_f64() * 1000.0,
        best,
        allocation.matched(),
        allocation.proposals(),
        allocation.rounds(),
    );
    ExitCode::SUCCESS
}
