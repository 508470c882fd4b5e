//! Any text as a published page, and the same bytes read as a saved HTML page:
//! import never panics, the plan it makes saves and loads back the same, and
//! every line it leaves out is reported once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ward_plan::{check, io};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for page in [text.to_owned(), ward_plan::import::html::to_text(text)] {
        let imported = ward_plan::import::import(&page);
        let saved = io::to_ron(&imported.plan).expect("an imported plan can be written");
        let loaded = io::parse(saved.as_bytes()).expect("what import made loads");
        assert_eq!(loaded, imported.plan, "save and load give the same plan");
        let lines = ward_plan::import::page_lines(&page).len();
        for note in &imported.report {
            assert!(note.line >= 1 && note.line <= lines, "{note:?}");
        }
        let _ = check::summarize(&imported.plan);
    }
});
