//! `cohort match --input FILE --output FILE`: the allocation engine on a JSON instance.

use crate::args::MatchArgs;
use anyhow::Context;
use cohort_matching::Millis;
use std::io::{Read, Write};
use std::path::Path;

pub fn run(args: &MatchArgs) -> anyhow::Result<()> {
    let input = read(&args.input)?;
    let millis = if args.reproducible {
        Millis::Fixed(0.0)
    } else {
        Millis::Measured
    };
    // An invalid instance stops here: no partial result is ever written.
    let result = cohort_matching::solve_json_with(&input, millis)
        .map_err(|error| anyhow::anyhow!("{}: invalid instance: {error}", args.input.display()))?;
    write(&args.output, &result)
}

fn read(path: &Path) -> anyhow::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the instance from standard input")?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    }
}

fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(out.flush()?)
    } else {
        std::fs::write(path, format!("{text}\n"))
            .with_context(|| format!("cannot write {}", path.display()))
    }
}
