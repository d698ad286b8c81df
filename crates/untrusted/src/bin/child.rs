//! The sandbox's child for this crate's own tests (`cohort sandbox JOB` in production).

fn main() -> std::process::ExitCode {
    let job = std::env::args().nth(1).unwrap_or_default();
    cohort_untrusted::sandbox::child::main(&job)
}
