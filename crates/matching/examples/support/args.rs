// Shared by the examples through `#[path]`; not an example itself.
use cohort_matching::generate::GeneratorParams;

/// Parses `--candidates N --choices K --placements P --seed S [--ties] [--caps]`.
pub fn generator_params(defaults: GeneratorParams) -> Result<GeneratorParams, String> {
    let mut params = defaults;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let value = args.next().ok_or(format!("{name} needs a value"))?;
            value
                .parse()
                .map_err(|_| format!("{name}: not a number: {value}"))
        };
        match flag.as_str() {
            "--candidates" => params.candidates = number("--candidates")? as usize,
            "--choices" => params.choices = number("--choices")? as usize,
            "--placements" => params.placements = number("--placements")? as usize,
            "--seed" => params.seed = number("--seed")?,
            "--ties" => params.ties = true,
            "--caps" => params.caps = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(params)
}
