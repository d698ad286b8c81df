//! The sandbox's child for the web crate's own tests (`cohort sandbox JOB` in production):
//! parses one untrusted file from stdin under the limits its parent set.

fn main() -> std::process::ExitCode {
    let job = std::env::args().nth(1).unwrap_or_default();
    cohort_untrusted::sandbox::child::main(&job)
}
