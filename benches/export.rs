//! Export speed: the sample, and a plan ten times its size (50 issues).
//! Run with `cargo bench --bench export`.

use chrono::TimeZone as _;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod common;
use common::{sample, ten_times};
use ward_plan::export::export_pdf;

fn bench(c: &mut Criterion) {
    let created = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2023, 6, 9, 10, 0, 0).single())
        .expect("date");
    for (name, plan) in [("sample", sample()), ("ten_times", ten_times())] {
        let export = export_pdf(&plan, created).expect("export");
        eprintln!(
            "{name}: {} issues, {} pages, {} bytes",
            plan.issues.len(),
            export.pages,
            export.bytes.len()
        );
        c.bench_function(&format!("export_pdf/{name}"), |b| {
            b.iter(|| export_pdf(black_box(&plan), created).expect("export"))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
