//! The window's paths a user takes that no other test drives: start-up with
//! `--preview` and `--compare`, a broken file at start, PDFに書き出し and 印刷
//! (the file written, then handed to the viewer), 新規, the theme, the
//! preview's zoom and page buttons, and the preview following the selection.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;
use ward_plan::app::dialogs::ScriptedDialogs;
use ward_plan::app::startup::Startup;

mod support;
use support::{menu, select_goal};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/tsurumi-r4.ron");
const REVISED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/tsurumi-r4-revised.ron"
);

/// The window as `ward-plan` starts it from the command line.
fn start(startup: Startup) -> Harness<'static, PlanApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(move |cc| startup.app(cc));
    h.run_steps(3);
    h
}

/// The window on a copy of the sample, its dialogs scripted: `save` answers
/// the file dialogs; the files shown in the viewer are returned.
fn editor(save: Vec<PathBuf>) -> (Harness<'static, PlanApp>, Rc<RefCell<Vec<PathBuf>>>) {
    let mut h = start(Startup {
        file: Some(SAMPLE.into()),
        ..Startup::default()
    });
    let dialogs = ScriptedDialogs {
        save: save.into_iter().map(Some).collect(),
        ..ScriptedDialogs::default()
    };
    let shown = dialogs.shown.clone();
    h.state_mut().dialogs = Box::new(dialogs);
    (h, shown)
}

fn click(h: &mut Harness<'_, PlanApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(3);
}

fn shows(h: &Harness<'_, PlanApp>, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

/// The number of pages in a PDF file, read back.
fn pdf_pages(path: &std::path::Path) -> usize {
    lopdf::Document::load(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .get_pages()
        .len()
}

/// The painted preview sheets' widths on screen (white A4 rectangles).
fn sheet_widths(h: &Harness<'_, PlanApp>) -> Vec<f32> {
    sheets(h).iter().map(|r| r.width()).collect()
}

/// The painted preview sheets on screen: white rectangles of A4's proportions.
fn sheets(h: &Harness<'_, PlanApp>) -> Vec<egui::Rect> {
    h.output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::epaint::Shape::Rect(r)
                if r.fill == egui::Color32::WHITE
                    && (r.rect.height() / r.rect.width() - 841.89 / 595.28).abs() < 0.01 =>
            {
                Some(r.rect)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn started_with_preview_and_compare_shows_both() {
    let h = start(Startup {
        file: Some(SAMPLE.into()),
        compare_with: Some(REVISED.into()),
        preview: true,
    });
    assert!(h.state().settings.show_preview);
    assert!(!sheet_widths(&h).is_empty(), "the preview paints its pages");
    assert!(
        shows(&h, "比較: tsurumi-r4-revised.ron"),
        "the comparison is open"
    );
    assert!(shows(&h, "印刷プレビュー"));
}

#[test]
fn a_broken_file_at_start_says_where_and_opens_an_empty_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.ron");
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    std::fs::write(&broken, text.replacen("budget: 28523", "budget: \"x\"", 1)).expect("write");
    let h = start(Startup {
        file: Some(broken),
        ..Startup::default()
    });
    assert!(shows(&h, "broken.ron を開けませんでした"));
    assert!(shows(&h, "行"), "the place in the file");
    assert!(h.state().doc.plan().issues.is_empty());
}

#[test]
fn export_pdf_writes_the_pages_where_asked_and_shows_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("方針.pdf");
    let (mut h, shown) = editor(vec![path.clone()]);
    menu(&mut h, "ファイル", "PDFに書き出し…");
    let pages = h.state_mut().pages().len();
    assert_eq!(pdf_pages(&path), pages, "the preview's pages, written");
    assert_eq!(*shown.borrow(), [path], "then shown in the viewer");
    assert!(shows(&h, "PDFを書き出しました"));
}

/// With no viewer, the PDF is still written and the status says it was not
/// opened; the viewer answers after the window went on (off its thread).
#[test]
fn export_pdf_without_a_viewer_says_it_was_written_but_not_opened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("方針.pdf");
    let (mut h, _) = editor(Vec::new());
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        save: [Some(path.clone())].into(),
        no_viewer: true,
        ..ScriptedDialogs::default()
    });
    menu(&mut h, "ファイル", "PDFに書き出し…");
    assert_eq!(pdf_pages(&path), h.state_mut().pages().len());
    assert!(shows(&h, "開いていません"));
}

#[test]
fn print_hands_a_pdf_of_the_plan_to_the_viewer() {
    let (mut h, shown) = editor(Vec::new());
    menu(&mut h, "ファイル", "印刷…");
    let shown = shown.borrow();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].to_string_lossy().ends_with("（印刷用）.pdf"));
    assert_eq!(pdf_pages(&shown[0]), h.state_mut().pages().len());
    assert!(shows(&h, "ビューアの「印刷」で印刷してください"));
}

#[test]
fn new_asks_about_unsaved_changes_then_starts_an_empty_plan() {
    let (mut h, _) = editor(Vec::new());
    h.state_mut().doc.edit(|p| p.goal.push_str("追記"));
    h.run_steps(2);
    menu(&mut h, "ファイル", "新規");
    assert!(
        !h.state().doc.plan().issues.is_empty(),
        "nothing is lost before the answer"
    );
    click(&mut h, "保存しない");
    assert!(h.state().doc.plan().issues.is_empty());
    assert!(h.state().doc.plan().goal.is_empty());
}

#[test]
fn the_theme_follows_the_choice() {
    let (mut h, _) = editor(Vec::new());
    menu(&mut h, "表示", "ダーク");
    assert!(h.ctx.global_style().visuals.dark_mode);
    menu(&mut h, "表示", "ライト");
    assert!(!h.ctx.global_style().visuals.dark_mode);
}

#[test]
fn the_preview_zooms_and_turns_pages() {
    let (mut h, _) = editor(Vec::new());
    h.state_mut().settings.show_preview = true;
    h.run_steps(3);
    let count = h.state_mut().pages().len();
    assert!(shows(&h, &format!("1 / {count} ページ")));
    let wide = sheet_widths(&h)[0];
    h.get_by_label("倍率").click();
    h.run_steps(2);
    h.get_by_label("100%").click();
    h.run_steps(3);
    let actual = sheet_widths(&h)[0];
    assert!(
        (actual - 595.28 * 96.0 / 72.0).abs() < 1.0,
        "100% is printed size at 96 dpi: {actual}"
    );
    assert!(
        actual > wide,
        "the panel is narrower than a page: {actual} vs {wide}"
    );
    h.get_by_label("倍率").click();
    h.run_steps(2);
    h.get_by_label("ページ全体").click();
    h.run_steps(3);
    let whole = sheet_widths(&h)[0];
    assert!(whole <= wide && whole < actual, "{whole}");
    click(&mut h, "次 ▶");
    h.run_steps(3);
    assert!(shows(&h, &format!("2 / {count} ページ")));
    click(&mut h, "◀ 前");
    h.run_steps(3);
    assert!(shows(&h, &format!("1 / {count} ページ")));
}

/// Scrolled with the wheel, the preview's page number follows once the window
/// stops drawing (it was drawn before the scroll that changed it).
#[test]
fn the_page_number_follows_a_wheel_scroll() {
    let (mut h, _) = editor(Vec::new());
    h.state_mut().settings.show_preview = true;
    h.run();
    let count = h.state_mut().pages().len();
    let sheet = sheets(&h)[0];
    h.hover_at(sheet.center());
    for _ in 0..6 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Page,
            delta: egui::vec2(0.0, -1.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    let shown = h.state().preview.current_page;
    assert!(shown > 0, "the wheel turned no page");
    let label = format!("{} / {count} ページ", shown + 1);
    assert!(shows(&h, &label), "{label} is not shown");
}

#[test]
fn selecting_an_item_scrolls_the_preview_to_it() {
    let (mut h, _) = editor(Vec::new());
    h.state_mut().settings.show_preview = true;
    h.run_steps(3);
    assert_eq!(h.state().preview.current_page, 0);
    let last = h.state().doc.plan().issues.len();
    let issue = h.state().doc.plan().issues[last - 1].title.clone();
    h.get_by_label(&format!("経営課題{last} {issue}")).click();
    h.run_steps(4);
    let pages = h.state_mut().pages().to_vec();
    let id = h.state().doc.plan().issues[last - 1].id;
    let on = pages
        .iter()
        .position(|p| {
            p.items.iter().any(|i| {
                matches!(i, ward_plan::typeset::page::Item::Text { source, .. } if source.item == Some(id))
            })
        })
        .expect("the issue is printed");
    assert!(on > 0, "the last issue is past page 1");
    assert!(
        h.state().preview.current_page >= on.saturating_sub(1),
        "the preview shows page {} for an item on page {on}",
        h.state().preview.current_page
    );
    // Once the window has nothing more to draw, the page number above the
    // preview names the page it shows.
    h.run();
    let shown = h.state().preview.current_page;
    assert!(shown > 0);
    let label = format!("{} / {} ページ", shown + 1, pages.len());
    assert!(shows(&h, &label), "{label} is not shown");
    // On screen: the issue's printed heading is painted inside the preview's
    // visible area (its clip), read from the frame's shapes.
    let heading = format!("経営課題{last}");
    let sheets = sheets(&h);
    let visible = h
        .output()
        .shapes
        .iter()
        .any(|clipped| match &clipped.shape {
            egui::epaint::Shape::Text(t) => {
                t.galley.text().starts_with(&heading)
                    && clipped.clip_rect.contains(t.pos)
                    && sheets.iter().any(|s| s.contains(t.pos))
            }
            _ => false,
        });
    assert!(visible, "{heading} is painted in view");
}

/// Text pasted from Word carries its manual line break (U+000B) and now and
/// then a NUL: the field gets line ends and no control character, so the file
/// saved from it loads again.
#[test]
fn pasted_control_characters_never_reach_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("貼り付け.ron");
    let (mut h, _) = editor(vec![path.clone()]);
    select_goal(&mut h);
    h.event(egui::Event::Paste(
        "一行目\u{b}二行目\u{0}です\r\n三行目".to_owned(),
    ));
    h.run_steps(3);
    assert_eq!(h.state().doc.plan().goal, "一行目\n二行目です\n三行目");
    menu(&mut h, "ファイル", "名前を付けて保存…");
    let saved = ward_plan::io::load(&path).expect("the saved file loads");
    assert_eq!(saved.goal, "一行目\n二行目です\n三行目");
}

/// A block copied by hand in a text editor leaves two items with one id: the
/// window says so at once and keeps saying so above the warnings, naming both
/// items and which one kept the id.
#[test]
fn a_duplicated_id_is_named_in_the_warnings_panel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("写した.ron");
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("id: \""))
        .map(|l| l.trim_end_matches("\","))
        .collect();
    // The last initiative's id becomes the first initiative's.
    let copied = text.replace(ids[ids.len() - 1], ids[2]);
    std::fs::write(&path, copied).expect("write");
    let mut h = start(Startup {
        file: Some(path),
        ..Startup::default()
    });
    assert!(shows(&h, "識別子 (id) が同じでした"), "said at once");
    click(&mut h, "OK");
    // The warnings panel, opened from the status bar.
    h.query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("警告 "))
        })
        .expect("the warnings button")
        .click();
    h.run_steps(3);
    assert!(
        shows(&h, "読み込み時の注意（1件）"),
        "kept in the warnings panel"
    );
    let note = h
        .query_all_by_label_contains("識別子 (id) が同じでした")
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value()).map(|l| l.to_string())
        })
        .next()
        .expect("the note");
    assert!(
        note.contains("具体的取組【1-1-1】「地域福祉力の向上」")
            && note.contains("具体的取組【5-1-1】"),
        "{note}"
    );
}
