//! The editor's frame CPU time, headless (egui_kittest, no GPU), for the sample and
//! for a plan ten times its size, with the print preview shown: a frame at rest, a
//! frame right after a one-character edit (relayout of the pages and the preview
//! painted again), each including tessellation; plus start to the first frame.
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
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 860.0))
        .build_eframe(move |cc| PlanApp::new(cc, Document::untitled(plan, "見本")));
    h.state_mut().settings.show_preview = true;
    h
}

/// One frame and the tessellation a renderer would do with its output.
fn frame(h: &mut Harness<'_, PlanApp>) {
    h.step();
    let output = h.output();
    let shapes = output.shapes.clone();
    let ppp = output.pixels_per_point;
    std::hint::black_box(h.ctx.tessellate(shapes, ppp));
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
        let first = format!(
            "1-1-1 {}",
            plan.issues[0].strategies[0].initiatives[0].title
        );
        let mut h = harness(plan);
        h.run_steps(3);
        // The busiest form: an initiative, with the outline fully listed.
        h.get_by_label(&first).click();
        h.run_steps(3);
        c.bench_function(&format!("editor/frame/{name}"), |b| {
            b.iter(|| frame(&mut h))
        });
        let mut n = 0u32;
        c.bench_function(&format!("editor/frame_after_edit/{name}"), |b| {
            b.iter(|| {
                // One character typed, or taken away again, so the plan
                // keeps its size however long the benchmark runs.
                n = n.wrapping_add(1);
                h.state_mut().doc.edit(|plan| {
                    let text = &mut plan.issues[0].strategies[0].initiatives[0].text;
                    if n.is_multiple_of(2) {
                        text.pop();
                    } else {
                        text.push('あ');
                    }
                });
                frame(&mut h);
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
