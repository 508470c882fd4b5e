//! Relayout speed: the print layout after a one-character edit, for the sample and
//! for a plan ten times its size (what the live preview redoes as staff type).
//! Run with `cargo bench --bench layout`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod common;
use common::{sample, ten_times};
use ward_plan::typeset::metrics::FontMetrics;
use ward_plan::typeset::{PageStyle, typeset};

fn bench(c: &mut Criterion) {
    let metrics = FontMetrics::bundled().expect("fonts");
    let style = PageStyle::default();
    for (name, plan) in [("sample", sample()), ("ten_times", ten_times())] {
        let mut plan = plan;
        let mut n = 0u32;
        c.bench_function(&format!("relayout_after_edit/{name}"), |b| {
            b.iter(|| {
                // One character typed into the first issue's text.
                n = n.wrapping_add(1);
                plan.issues[0]
                    .description
                    .push(if n.is_multiple_of(2) { 'あ' } else { 'い' });
                typeset(black_box(&plan), &style, &metrics)
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
