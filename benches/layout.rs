//! Layout speed, for the sample and for a plan ten times its size: from nothing
//! (export), and again after a one-character edit with the lines of the layout
//! before at hand (what the live preview redoes as staff type).
//! Run with `cargo bench --bench layout`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

mod common;
use common::{sample, ten_times};
use ward_plan::typeset::linebreak::LineMemo;
use ward_plan::typeset::metrics::FontMetrics;
use ward_plan::typeset::{PageStyle, typeset, typeset_again};

fn bench(c: &mut Criterion) {
    let metrics = FontMetrics::bundled().expect("fonts");
    let style = PageStyle::default();
    for (name, plan) in [("sample", sample()), ("ten_times", ten_times())] {
        c.bench_function(&format!("layout/{name}"), |b| {
            b.iter(|| typeset(black_box(&plan), &style, &metrics))
        });
        let mut plan = plan;
        let mut memo = LineMemo::default();
        let mut n = 0u32;
        c.bench_function(&format!("relayout_after_edit/{name}"), |b| {
            b.iter(|| {
                // One character typed into the first issue's text, or taken
                // away again, so the plan keeps its size however long it runs.
                n = n.wrapping_add(1);
                let text = &mut plan.issues[0].description;
                if n.is_multiple_of(2) {
                    text.pop();
                } else {
                    text.push('あ');
                }
                typeset_again(black_box(&plan), &style, &metrics, &mut memo)
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
