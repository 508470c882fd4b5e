//! The writing check (校正) after an edit, for the sample and for a plan ten times
//! its size: the editor runs it, with the rest of the check, whenever the plan
//! changes. Aim: at most 2 ms for the ten-times plan. Run with
//! `cargo bench --bench proof`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod common;
use common::{sample, ten_times};

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
