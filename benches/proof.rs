//! The writing check (校正) after an edit, for the sample and for a plan ten times
//! its size: the editor runs it, with the rest of the check, whenever the plan
//! changes. Aim: at most 2 ms for the ten-times plan, and under 100 ms for a
//! field of 100,000 repeated marks of each kind (`check_100k`); of 1,000
//! plans with runs of marks up to 100,000 characters pasted in, the slowest
//! under 10 s (`check_mutated`, which prints the slowest and the total). Run
//! with `cargo bench --bench proof`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};
use ward_plan::Plan;

mod common;
use common::{RUNS, long_run, sample, ten_times};
// The property tests' generators: the same family of mutated plans.
#[allow(dead_code)]
#[path = "../tests/common/mod.rs"]
mod generators;

/// Checks 1,000 mutated plans (the same ones on every run: a fixed seed) once
/// each, prints the slowest and the total, and gives back the slowest plan.
fn slowest_of_mutated() -> Plan {
    use proptest::strategy::{Strategy, ValueTree};
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = generators::mutated_plan(100_000);
    let (mut slowest, mut worst, mut total) = (sample(), Duration::ZERO, Duration::ZERO);
    for _ in 0..1000 {
        let plan = strategy.new_tree(&mut runner).expect("a plan").current();
        let start = Instant::now();
        black_box(ward_plan::check::check(&plan));
        let took = start.elapsed();
        total += took;
        if took > worst {
            (slowest, worst) = (plan, took);
        }
    }
    println!("check_mutated: 1,000 plans in {total:.2?}, the slowest {worst:.2?}");
    slowest
}

fn bench(c: &mut Criterion) {
    for (name, plan) in [("sample", sample()), ("ten_times", ten_times())] {
        c.bench_function(&format!("field_walk/{name}"), |b| {
            b.iter(|| ward_plan::model::walk::fields(black_box(&plan)).len())
        });
        c.bench_function(&format!("proofread/{name}"), |b| {
            b.iter(|| ward_plan::proof::proofread(black_box(&plan)))
        });
        c.bench_function(&format!("check_after_edit/{name}"), |b| {
            b.iter(|| ward_plan::check::check(black_box(&plan)))
        });
    }
    // A field of 100,000 characters of one repeated mark: the check stays
    // near-linear in its findings (aim: under 100 ms each).
    let mut group = c.benchmark_group("check_100k");
    group.sample_size(10);
    for (name, unit) in RUNS {
        let plan = long_run(unit, 100_000);
        group.bench_function(name, |b| {
            b.iter(|| ward_plan::check::check(black_box(&plan)))
        });
    }
    group.finish();
    // Only when asked for (the 1,000 plans take a while to make).
    if std::env::args().any(|a| a.contains("check_mutated")) {
        let plan = slowest_of_mutated();
        let mut group = c.benchmark_group("check_mutated");
        group.sample_size(10);
        group.bench_function("slowest", |b| {
            b.iter(|| ward_plan::check::check(black_box(&plan)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
