//! Any three loadable plans (the input split at lines `%%`): a plan has no changes
//! from itself; taking every change of a diff leaves none; and a merge never drops
//! a change: every field changed on one side only, and every item added, is in the
//! result whichever way the conflicts are settled.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_plan::compare::{self, Merge, Side};
use ward_plan::{Plan, io};

fuzz_target!(|data: &[u8]| {
    let parts: Vec<&[u8]> = split(data);
    let plans: Vec<Plan> = parts.iter().filter_map(|p| io::parse(p).ok()).collect();
    let [base, mine, theirs] = plans.as_slice() else {
        return;
    };
    assert!(compare::diff(base, base).is_empty());
    let mut taken = base.clone();
    compare::apply_all(&mut taken, &compare::diff(base, mine));
    assert!(
        compare::diff(&taken, mine).is_empty(),
        "taking every change leaves none"
    );

    let merge = Merge::new(base, mine, theirs);
    for copy in [mine, theirs] {
        for side in [Side::Mine, Side::Theirs] {
            let dropped = merge.dropped(copy, side);
            assert!(dropped.is_empty(), "{dropped:#?} dropped");
        }
    }
});

fn split(data: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(4).position(|w| w == b"\n%%\n") {
        out.push(&rest[..at]);
        rest = &rest[at + 4..];
    }
    out.push(rest);
    out
}
