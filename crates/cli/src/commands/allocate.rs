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

/// The largest instance read: 200,000 applications with ten choices each write about
/// 60 MB, so this leaves room and still bounds what one file can make us hold.
pub const MAX_INSTANCE_BYTES: u64 = 256 * 1024 * 1024;

fn read(path: &Path) -> anyhow::Result<String> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_INSTANCE_BYTES + 1)
            .read_to_string(&mut text)
            .context("cannot read the instance from standard input")?
    } else {
        std::fs::File::open(path)
            .and_then(|file| file.take(MAX_INSTANCE_BYTES + 1).read_to_string(&mut text))
            .with_context(|| format!("cannot read {}", path.display()))?
    };
    if read as u64 > MAX_INSTANCE_BYTES {
        anyhow::bail!(
            "{}: the instance is larger than {} MiB; nothing was computed",
            path.display(),
            MAX_INSTANCE_BYTES >> 20
        );
    }
    Ok(text)
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
