//! The print preview: the same layout as the PDF, live, and clickable.

use chrono::TimeZone as _;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;
use ward_plan::app::document::Document;
use ward_plan::ui::Selection;
use ward_plan::{Plan, io};

fn sample() -> Plan {
    io::parse(ward_plan::SAMPLE_RON.as_bytes()).expect("sample")
}

fn editor() -> Harness<'static, PlanApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(|cc| PlanApp::new(cc, Document::untitled(sample(), "見本")));
    h.run_steps(3);
    h
}

/// The text runs of page 1 as the PDF writer placed them: (x, y from the top).
fn pdf_page_one() -> (Vec<(f32, f32)>, String) {
    let created = chrono::FixedOffset::east_opt(9 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2023, 6, 9, 10, 0, 0).single())
        .expect("date");
    let export = ward_plan::export::export_pdf(&sample(), created).expect("export");
    let doc = lopdf::Document::load_mem(&export.bytes).expect("reads back");
    let (&number, &page) = doc.get_pages().iter().next().expect("page 1");
    let content = doc.get_page_content(page);
    let ops = lopdf::content::Content::decode(&content)
        .expect("decodes")
        .operations;
    let height = 841.89;
    let positions = ops
        .iter()
        .filter(|op| op.operator == "Tm")
        .map(|op| {
            let n: Vec<f32> = op
                .operands
                .iter()
                .map(|o| o.as_float().expect("number"))
                .collect();
            (n[4], height - n[5])
        })
        .collect();
    (positions, doc.extract_text(&[number]).expect("text"))
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
    let (positions, text) = pdf_page_one();
    assert_eq!(runs.len(), positions.len(), "one run per PDF text object");
    for (run, (x, y)) in runs.iter().zip(&positions) {
        assert!(
            (run.at.0 - x).abs() < 0.01 && (run.at.1 - y).abs() < 0.01,
            "{run:?} vs ({x}, {y})"
        );
    }
    let ours: String = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(squeeze(&ours), squeeze(&text));
    // On screen, every run sits at the page's corner plus its position times one
    // zoom factor: the preview draws the layout, it does not lay out again.
    let (a, b) = (runs[0], runs[runs.len() - 1]);
    let scale = (b.baseline.y - a.baseline.y) / (b.at.1 - a.at.1);
    let origin = a.baseline - egui::vec2(a.at.0, a.at.1) * scale;
    for run in &runs {
        let expected = origin + egui::vec2(run.at.0, run.at.1) * scale;
        assert!(
            (run.baseline - expected).length() < 1.0,
            "{run:?} not at {expected:?}"
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
