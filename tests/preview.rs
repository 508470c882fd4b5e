//! The print preview: the same layout as the PDF, live, and clickable.

use chrono::TimeZone as _;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;
use ward_plan::app::document::Document;
use ward_plan::io;
use ward_plan::sample;
use ward_plan::ui::Selection;

mod support;

fn editor() -> Harness<'static, PlanApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(|cc| PlanApp::new(cc, Document::untitled(sample(), "見本")));
    h.run_steps(3);
    h
}

/// Every glyph of page 1 as the PDF places it, read from the file alone: its
/// baseline start (x, y from the top, pt), from each run's `Tm`, the font's
/// size, the `W` widths of its CIDs and the `TJ` offsets; and the page's text.
fn pdf_page_one() -> (Vec<(f32, f32)>, String) {
    use lopdf::Object;
    let created = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2023, 6, 9, 10, 0, 0).single())
        .expect("date");
    let export = ward_plan::export::export_pdf(&sample(), created).expect("export");
    let doc = lopdf::Document::load_mem(&export.bytes).expect("reads back");
    let (&number, &page) = doc.get_pages().iter().next().expect("page 1");
    let fonts = doc.get_page_fonts(page).expect("fonts");
    // A Type0 font's widths by CID, from its descendant's DW and W.
    let widths = |font: &lopdf::Dictionary| -> (f32, std::collections::HashMap<u16, f32>) {
        let deref = |o: &Object| match o {
            Object::Reference(id) => doc.get_object(*id).expect("object").clone(),
            other => other.clone(),
        };
        let descendants = deref(font.get(b"DescendantFonts").expect("descendants"));
        let cid_font = deref(&descendants.as_array().expect("array")[0]);
        let cid_font = cid_font.as_dict().expect("dict");
        let default = cid_font
            .get(b"DW")
            .map_or(1000.0, |w| w.as_float().expect("DW"));
        let mut map = std::collections::HashMap::new();
        let w = deref(cid_font.get(b"W").expect("W"));
        let w = w.as_array().expect("W array");
        for pair in w.chunks(2) {
            let first = pair[0].as_i64().expect("first CID") as u16;
            for (k, width) in pair[1].as_array().expect("widths").iter().enumerate() {
                map.insert(first + k as u16, width.as_float().expect("width"));
            }
        }
        (default, map)
    };
    let content = doc.get_page_content(page);
    let ops = lopdf::content::Content::decode(&content)
        .expect("decodes")
        .operations;
    let height = 841.89;
    let mut glyphs = Vec::new();
    let (mut font, mut size, mut at) = (None, 0.0, (0.0, 0.0));
    for op in &ops {
        match op.operator.as_str() {
            "Tf" => {
                font = Some(widths(fonts[op.operands[0].as_name().expect("name")]));
                size = op.operands[1].as_float().expect("size");
            }
            "Tm" => {
                let n: Vec<f32> = op
                    .operands
                    .iter()
                    .map(|o| o.as_float().expect("number"))
                    .collect();
                at = (n[4], height - n[5]);
            }
            "TJ" => {
                let (default, widths) = font.as_ref().expect("a font before text");
                let mut x = at.0;
                for part in op.operands[0].as_array().expect("array") {
                    match part {
                        Object::String(bytes, _) => {
                            for code in bytes.chunks_exact(2) {
                                let cid = u16::from_be_bytes([code[0], code[1]]);
                                glyphs.push((x, at.1));
                                x += widths.get(&cid).unwrap_or(default) / 1000.0 * size;
                            }
                        }
                        offset => x -= offset.as_float().expect("offset") / 1000.0 * size,
                    }
                }
            }
            _ => {}
        }
    }
    (glyphs, doc.extract_text(&[number]).expect("text"))
}

/// Every glyph the preview painted on page 1, read from the frame's shapes
/// (not from the preview's own record): its baseline start in pt on the page,
/// measured from the painted white sheet of A4; and how many pt a screen
/// pixel is.
fn painted_page_one(h: &Harness<'_, PlanApp>) -> (Vec<(char, f32, f32)>, f32) {
    use egui::epaint::Shape;
    let shapes = support::painted_shapes(h);
    let paper = shapes
        .iter()
        .find_map(|s| match s {
            Shape::Rect(r)
                if r.fill == egui::Color32::WHITE
                    && (r.rect.height() / r.rect.width() - 841.89 / 595.28).abs() < 0.01 =>
            {
                Some(r.rect)
            }
            _ => None,
        })
        .expect("a sheet of A4 painted");
    let scale = paper.width() / 595.28;
    let mut glyphs = Vec::new();
    for shape in shapes {
        let Shape::Text(text) = shape else { continue };
        if !paper.contains(text.pos) {
            continue;
        }
        for row in &text.galley.rows {
            for g in &row.row.glyphs {
                let on_screen = text.pos + row.pos.to_vec2() + g.pos.to_vec2();
                let on_page = (on_screen - paper.min) / scale;
                glyphs.push((g.chr, on_page.x, on_page.y));
            }
        }
    }
    let pixels_per_point = h.ctx.pixels_per_point();
    (glyphs, 1.0 / (scale * pixels_per_point))
}

/// The runs the preview drew on page 1.
fn page_one(h: &Harness<'_, PlanApp>) -> Vec<ward_plan::ui::preview::DrawnRun> {
    h.state()
        .preview
        .drawn
        .iter()
        .filter(|r| r.page == 0)
        .cloned()
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn page_one_shows_what_the_pdf_prints_where_it_prints_it() {
    let h = editor();
    let runs = page_one(&h);
    let runs: Vec<_> = runs.iter().collect();
    assert!(
        runs.iter().any(|r| r.text == "令和4年度 鶴見区運営方針"),
        "the title"
    );
    let (printed, text) = pdf_page_one();
    let ours: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(squeeze(&ours), squeeze(&text));
    // Glyph by glyph, the painted sheet and the PDF agree on where each
    // character stands, to the screen pixel egui rounds a glyph to: the error
    // never grows along a line (a preview that measured its own advances would
    // drift by a character within a line).
    let (painted, pixel) = painted_page_one(&h);
    assert!(pixel < 1.5, "a pixel is {pixel} pt");
    assert_eq!(
        painted.len(),
        printed.len(),
        "one painted glyph per printed one"
    );
    for ((c, x, y), (px, py)) in painted.iter().zip(&printed) {
        assert!(
            (x - px).abs() <= pixel && (y - py).abs() <= pixel,
            "「{c}」 painted at ({x}, {y}), printed at ({px}, {py})"
        );
    }
}

#[test]
fn clicking_printed_text_selects_its_item() {
    let mut h = editor();
    let run = h
        .state()
        .preview
        .drawn
        .iter()
        .find(|r| r.text.starts_with("経営課題1"))
        .cloned()
        .expect("the first issue's heading is on page 1");
    let pos = run.rect.center();
    h.event(Event::PointerMoved(pos));
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
    }
    h.run_steps(2);
    assert_eq!(h.state().selection, Selection::Item(sample().issues[0].id));
    h.get_by_label("経営課題1");
}

#[test]
fn an_edit_shows_in_the_preview_on_the_next_frame() {
    let mut h = editor();
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    h.get_by_label("区の目標").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("区の目標")
        .type_text("みんなでつくる、住みつづけたいまち");
    h.step();
    h.step();
    assert!(
        h.state()
            .preview
            .drawn
            .iter()
            .any(|r| r.text.contains("みんなでつくる、住みつづけたいまち")),
        "the new goal is printed"
    );
}

#[test]
fn the_view_menu_toggles_the_preview() {
    let mut h = editor();
    h.get_by_label("印刷プレビュー");
    for shown in [false, true] {
        h.get_by_label("表示").click();
        h.run_steps(2);
        h.get_all_by_role(Role::Button)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("印刷プレビュー"))
            })
            .expect("the menu entry")
            .click();
        h.run_steps(3);
        assert_eq!(h.state().settings.show_preview, shown);
        assert_eq!(h.query_by_label("倍率").is_some(), shown);
    }
}

/// The preview sets each character where the PDF does: a run's drawn width is
/// its laid-out width, punctuation closed up and justification included (egui
/// puts letter spacing before a glyph, the layout after one: a slip shows here).
#[test]
fn runs_are_as_wide_on_screen_as_on_paper() {
    use ward_plan::typeset::metrics::{FontMetrics, Measure as _};
    use ward_plan::typeset::page::Item;
    let plan = io::parse(include_bytes!("fixtures/print-cases.ron")).expect("print cases");
    // 𠮷 is in neither font: tofu, as the check warns.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .allow_missing_glyphs()
        .build_eframe(|cc| PlanApp::new(cc, Document::untitled(plan, "見本")));
    h.run_steps(3);
    let metrics = FontMetrics::bundled().expect("fonts");
    let pages = h.state_mut().pages().to_vec();
    let runs = page_one(&h);
    let (a, b) = (&runs[0], &runs[runs.len() - 1]);
    let scale = (b.baseline.y - a.baseline.y) / (b.at.1 - a.at.1);
    let mut closed_up = 0;
    for item in &pages[0].items {
        let Item::Text {
            x,
            y,
            text,
            face,
            size,
            adjust,
            ..
        } = item
        else {
            continue;
        };
        let run = runs
            .iter()
            .find(|r| (r.at.0 - x).abs() < 0.01 && (r.at.1 - y).abs() < 0.01)
            .expect("every run is drawn");
        let n = text.chars().count();
        let width: f32 = text
            .chars()
            .map(|c| metrics.advance(*face, c) * size)
            .sum::<f32>()
            + adjust.iter().take(n.saturating_sub(1)).sum::<f32>();
        let drawn = run.rect.width() / scale;
        assert!(
            (drawn - width).abs() < 1.0,
            "{text}: {drawn} on screen, {width} on paper"
        );
        if adjust.iter().any(|a| *a < -1.0) {
            closed_up += 1;
        }
    }
    assert!(
        closed_up >= 2,
        "runs with punctuation closed up: {closed_up}"
    );
}
