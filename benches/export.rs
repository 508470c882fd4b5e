//! Export speed: the sample, and a plan ten times its size (50 issues).
//! Run with `cargo bench --bench export`.

use chrono::TimeZone as _;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use ward_plan::Plan;
use ward_plan::export::export_pdf;

fn sample() -> Plan {
    ward_plan::io::parse(ward_plan::SAMPLE_RON.as_bytes()).expect("sample")
}

/// The sample's five issues repeated ten times, numbered from position.
fn ten_times() -> Plan {
    let mut plan = sample();
    let issues = plan.issues.clone();
    plan.issues = (0..10)
        .flat_map(|_| issues.iter().cloned())
        .map(|mut issue| {
            issue.number = None;
            issue
        })
        .collect();
    plan
}

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
