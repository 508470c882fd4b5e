//! Any loadable plan lays out and writes a PDF that reads back, with every line
//! inside the page.
#![no_main]

use chrono::TimeZone as _;
use libfuzzer_sys::fuzz_target;
use ward_plan::io;
use ward_plan::typeset::linebreak::is_selector;
use ward_plan::typeset::metrics::FontMetrics;
use ward_plan::typeset::page::Item;
use ward_plan::typeset::{PageStyle, typeset};

fuzz_target!(|data: &[u8]| {
    let Ok(plan) = io::parse(data) else {
        return;
    };
    let metrics = FontMetrics::bundled().expect("bundled fonts");
    let style = PageStyle::default();
    for page in typeset(&plan, &style, &metrics) {
        for item in &page.items {
            if let Item::Text { y, text, adjust, .. } = item {
                assert!(*y > 0.0 && *y < style.size.1, "text off the page");
                // Selectors ride with their character and take no adjustment.
                let printed = text.chars().filter(|c| !is_selector(*c)).count();
                assert!(
                    adjust.is_empty() || adjust.len() == printed,
                    "one adjustment per character"
                );
                assert!(adjust.iter().all(|a| a.is_finite()), "finite spacing");
            }
        }
    }
    let created = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2023, 6, 9, 10, 0, 0).single())
        .expect("date");
    let export = ward_plan::export::export_pdf(&plan, created).expect("any plan exports");
    assert!(export.bytes.starts_with(b"%PDF"));
    let doc = lopdf::Document::load_mem(&export.bytes).expect("the PDF reads back");
    assert_eq!(doc.get_pages().len(), export.pages);
    // Each embedded font (a subset without hints) is a font a viewer can read.
    for object in doc.objects.values() {
        if let lopdf::Object::Stream(stream) = object
            && stream.dict.has(b"Length1")
        {
            let font = stream.decompressed_content().expect("the font inflates");
            let face = ttf_parser::Face::parse(&font, 0).expect("the font parses");
            for g in 0..face.number_of_glyphs() {
                let _ = face.glyph_bounding_box(ttf_parser::GlyphId(g));
            }
        }
    }
});
