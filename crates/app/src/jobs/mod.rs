//! The periodic jobs, as use cases: each runs once when called, and its `run_*` loop
//! repeats it until `cohort serve` stops.

pub mod retention;
