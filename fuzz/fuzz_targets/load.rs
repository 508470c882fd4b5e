//! Any bytes as a plan file: refused with a message or loaded, never a panic; a
//! loaded plan saves and loads back the same, and checks and prints as text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_plan::{blocks, check, io};

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = io::parse(data) else {
        return;
    };
    let text = io::to_ron(&plan).expect("a loaded plan can be written");
    let again = io::parse(text.as_bytes()).expect("what was written loads");
    assert_eq!(again, plan, "save and load give the same plan");
    let _ = check::summarize(&plan);
    let _ = blocks::plain_text(&blocks::blocks(&plan, blocks::Medium::Web));
});
