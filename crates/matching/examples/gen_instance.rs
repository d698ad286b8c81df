//! Writes a random instance as JSON to stdout.
//!
//! `cargo run --release --example gen_instance -- --candidates N --choices K
//! --placements P --seed S [--ties] [--caps]`

use std::io::Write;
use std::process::ExitCode;

use cohort_matching::generate::{random_instance, GeneratorParams};
use cohort_matching::InstanceDocument;

#[path = "support/args.rs"]
mod args;

fn main() -> ExitCode {
    let defaults = GeneratorParams {
        candidates: 1000,
        choices: 10,
        placements: 50,
        seed: 1,
        ties: false,
        caps: false,
    };
    let params = match args::generator_params(defaults) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("gen_instance: {e}");
            return ExitCode::from(2);
        }
    };
    let document = InstanceDocument::from(&random_instance(&params));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut out, &document)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_instance: {e}");
            ExitCode::FAILURE
        }
    }
}
