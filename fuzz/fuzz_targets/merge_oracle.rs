//! The merge oracle of `tests/oracle.rs` under the fuzzer: the input is a plan
//! and, after a line `%%`, bytes read as edits (four bytes each, taken in turn
//! by the two sides). Each side edits only what it owns (its issues, and the
//! plan-level lists given to it: see `tests/common/edits.rs`), so the merge
//! must equal both edit lists applied to the plan in turn, with no conflict,
//! whichever copy is named first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_plan::compare::{Merge, Side};
use ward_plan::io;

#[path = "../../tests/common/edits.rs"]
mod edits;

fuzz_target!(|data: &[u8]| {
    let at = data
        .windows(4)
        .position(|w| w == b"\n%%\n")
        .unwrap_or(data.len());
    let Ok(mut base) = io::parse(&data[..at]) else {
        return;
    };
    base.ensure_ids();
    let picks: Vec<(u8, u8, u16)> = data
        .get(at + 4..)
        .unwrap_or_default()
        .chunks_exact(4)
        .map(|c| (c[0], c[1], u16::from_le_bytes([c[2], c[3]])))
        .collect();
    let (mine_picks, theirs_picks): (Vec<_>, Vec<_>) =
        picks.iter().enumerate().partition(|(n, _)| n % 2 == 0);
    let side = |picks: Vec<(usize, &(u8, u8, u16))>| -> Vec<(u8, u8, u16)> {
        picks.into_iter().map(|(_, p)| *p).collect()
    };
    let mine_edits = edits::resolve(&base, &edits::scope(&base, 0), &side(mine_picks));
    let theirs_edits = edits::resolve(&base, &edits::scope(&base, 1), &side(theirs_picks));
    let mine = edits::replay(&base, &mine_edits);
    let theirs = edits::replay(&base, &theirs_edits);
    let expected = edits::replay(&mine, &theirs_edits);

    for (one, other) in [(&mine, &theirs), (&theirs, &mine)] {
        let merge = Merge::new(&base, one, other);
        assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
        assert!(
            merge.result(|_| Side::Mine) == expected,
            "mine {mine_edits:?} theirs {theirs_edits:?}"
        );
    }
});
