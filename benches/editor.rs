//! The editor's frame CPU time, headless (egui_kittest, no GPU), for the sample and
//! for a plan ten times its size, plus the time from start to the first frame.
//! Run with `cargo bench --bench editor`.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ward_plan::Plan;

mod common;
use common::{sample, ten_times};
use ward_plan::app::PlanApp;
use ward_plan::app::document::Document;

fn harness(plan: Plan) -> Harness<'static, PlanApp> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 820.0))
        .build_eframe(move |cc| PlanApp::new(cc, Document::untitled(plan, "見本")))
}

fn bench(c: &mut Criterion) {
    c.bench_function("editor/start_to_first_frame", |b| {
        b.iter(|| {
            let mut h = harness(sample());
            h.step();
            h
        })
    });
    for (name, plan) in [("sample", sample()), ("ten_times", ten_times())] {
        let mut h = harness(plan);
        h.run_steps(3);
        // The busiest form: an initiative, with the outline fully listed.
        h.get_by_label("1-1-1 地域福祉力の向上").click();
        h.run_steps(3);
        c.bench_function(&format!("editor/frame/{name}"), |b| b.iter(|| h.step()));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
