//! `solve` on generated instances (rank tables included, JSON excluded).

use criterion::{criterion_group, criterion_main, Criterion};

use cohort_matching::generate::{random_instance, GeneratorParams};

fn params(candidates: usize, placements: usize) -> GeneratorParams {
    GeneratorParams {
        candidates,
        choices: 10,
        placements,
        seed: 1,
        ties: false,
        caps: false,
    }
}

fn solve_50k(c: &mut Criterion) {
    let instance = random_instance(&params(50_000, 2_500));
    c.bench_function("solve 50k x 10 over 2.5k", |b| {
        b.iter(|| cohort_matching::solve(&instance))
    });
    let with_ties_and_caps = random_instance(&GeneratorParams {
        ties: true,
        caps: true,
        ..params(50_000, 2_500)
    });
    c.bench_function("solve 50k x 10 over 2.5k, ties and caps", |b| {
        b.iter(|| cohort_matching::solve(&with_ties_and_caps))
    });
}

fn solve_1m(c: &mut Criterion) {
    let instance = random_instance(&params(1_000_000, 50_000));
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("solve 1M x 10 over 50k", |b| {
        b.iter(|| cohort_matching::solve(&instance))
    });
    group.finish();
}

criterion_group!(benches, solve_50k, solve_1m);
criterion_main!(benches);
