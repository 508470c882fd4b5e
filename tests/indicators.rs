//! Indicators judged from their numbers, on a plan with every form staff write
//! (`tests/fixtures/indicators.ron`): the same 達成 / 未達成 and 達成率 in `check`,
//! in the form and in the PDF's text. The expected figures were worked out by
//! hand: 55.1 ÷ 60 = 91.8 %, 62.0 ÷ 60 = 103.3 %, 8,200 ÷ 10,000 = 82.0 %, and
//! for 件以下 (less is better) 300 ÷ 280 = 107.1 %.

use std::process::Command;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ward_plan::app::PlanApp;
use ward_plan::app::document::Document;
use ward_plan::ui::Selection;

mod support;

const BIN: &str = env!("CARGO_BIN_EXE_ward-plan");
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/indicators.ron");

/// Each result as judged: (indicator, year, result, target, judgement).
const EXPECTED: [(usize, &str, &str, &str, &str); 5] = [
    (1, "令和4年度", "55.1%", "60%以上", "未達成（達成率 91.8%）"),
    (1, "令和5年度", "62.0%", "60%以上", "達成（達成率 103.3%）"),
    (
        2,
        "令和5年度",
        "8,200世帯",
        "10,000世帯以上",
        "未達成（達成率 82.0%）",
    ),
    (
        3,
        "令和5年度",
        "280件",
        "300件以下",
        "達成（達成率 107.1%）",
    ),
    (
        5,
        "令和5年度",
        "82%",
        "高める",
        "判断できません（警告を参照）",
    ),
];

fn plan() -> ward_plan::Plan {
    ward_plan::io::load(std::path::Path::new(FIXTURE)).expect("the fixture loads")
}

#[test]
fn check_prints_each_result_judged_and_warns_where_it_cannot() {
    let out = Command::new(BIN)
        .args(["check", FIXTURE])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "アウトカム指標の達成状況:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    let expected: Vec<String> = EXPECTED
        .iter()
        .map(|(n, year, result, target, judged)| {
            format!("  戦略【1-1】のアウトカム指標{n} {year} {result}（目標 {target}）: {judged}")
        })
        .collect();
    assert_eq!(lines, expected, "{text}");
    // The review work: the strategy's 自己評価 is written (① with its 所見), the
    // rest not yet.
    assert!(
        text.contains("振り返り: 中間振り返り 0/2 記入済み、自己評価 1/2 記入済み"),
        "{text}"
    );
    // The one without results is not judged; the one in words is a warning,
    // and so is a 自己評価 of ① while indicator 2 missed that year.
    assert!(!text.contains("アウトカム指標4 "), "{text}");
    assert!(
        text.contains("アウトカム指標5（令和5年度の実績）: 目標値「高める」を数として読めません"),
        "{text}"
    );
    assert!(
        text.contains(
            "自己評価が「①目標達成」ですが、令和5年度の実績はアウトカム指標2が目標に届いていません"
        ),
        "{text}"
    );
}

#[test]
fn a_self_evaluation_that_matches_the_results_is_not_warned_about() {
    let mut plan = plan();
    let strategy = &mut plan.issues[0].strategies[0];
    strategy.indicators[1].results[0].value = "10,400世帯".to_owned();
    let warnings = ward_plan::check::check(&plan);
    assert!(
        warnings.iter().all(|w| !w.message.contains("目標に届いて")),
        "{warnings:#?}"
    );
    // ② while every readable result of the year met its target.
    plan.issues[0].strategies[0].self_evaluation.status =
        ward_plan::model::ReviewStatus::NotAchieved;
    let warnings = ward_plan::check::check(&plan);
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("どのアウトカム指標も目標に届いています")),
        "{warnings:#?}"
    );
}

#[test]
fn the_pdf_prints_the_judgements_in_the_indicator_table() {
    let export = ward_plan::export::export_pdf(&plan(), chrono::Local::now().fixed_offset())
        .expect("export");
    let doc = lopdf::Document::load_mem(&export.bytes).expect("reads back");
    let text = support::pdf_text(&doc);
    assert!(text.contains("達成状況"), "{text}");
    for (_, year, _, _, judged) in EXPECTED {
        let judged = judged.replace("判断できません（警告を参照）", "判断できません");
        let cell: String = format!("{year}:{judged}")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(text.contains(&cell), "{cell} not in {text}");
    }
}

/// The window on the fixture, its first strategy's form open (the indicators
/// with their results and charts), the print preview beside it or not.
fn strategy_form(preview: bool) -> Harness<'static, PlanApp> {
    let plan = plan();
    let id = plan.issues[0].strategies[0].id;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1360.0, 2400.0))
        .build_eframe(move |cc| PlanApp::new(cc, Document::untitled(plan, "指標")));
    h.run_steps(2);
    h.state_mut().settings.show_preview = preview;
    h.state_mut().selection = Selection::Item(id);
    h.run_steps(3);
    h
}

#[test]
fn the_form_shows_each_result_judged() {
    let h = strategy_form(true);
    for (_, _, _, _, judged) in &EXPECTED[..4] {
        h.get_by_label(judged);
    }
    h.get_by_label("達成かどうか判断できません: 目標値「高める」を数として読めません");
}

/// The form's chart shows the printed chart's scale: the unit above it, zero,
/// the target and the round top on its axis, and the target's words on its
/// dashed line (read from the frame's painted shapes, as a person sees them).
#[test]
fn the_form_chart_has_the_printed_scale() {
    use egui::epaint::Shape;
    let h = strategy_form(false);
    let shapes = support::painted_shapes(&h);
    // Each painted text and the rectangle it covers on screen.
    let painted: Vec<(String, egui::Rect)> = shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) => Some((
                t.galley.text().to_owned(),
                t.galley.rect.translate(t.pos.to_vec2()),
            )),
            _ => None,
        })
        .collect();
    let find = |word: &str| -> Vec<egui::Rect> {
        painted
            .iter()
            .filter(|(t, _)| t == word)
            .map(|(_, r)| *r)
            .collect()
    };
    // Each chart: its unit above it, the marks on its axis top to bottom, and
    // the target's words.
    for (unit, marks, goal) in [
        ("（%）", ["80", "60", "0"], "目標 60%以上"),
        ("（世帯）", ["12,000", "10,000", "0"], "目標 10,000世帯以上"),
        ("（件）", ["400", "300", "0"], "目標 300件以下"),
    ] {
        let unit = find(unit);
        assert_eq!(unit.len(), 1, "{unit:?}: {painted:?}");
        // The chart is the 140 points under its unit.
        let below =
            |r: &egui::Rect| r.top() > unit[0].bottom() && r.top() < unit[0].bottom() + 150.0;
        let on_axis: Vec<egui::Rect> = marks
            .iter()
            .map(|m| {
                let found: Vec<egui::Rect> = find(m).into_iter().filter(below).collect();
                assert_eq!(found.len(), 1, "{m} under {unit:?}: {painted:?}");
                found[0]
            })
            .collect();
        assert!(
            on_axis.windows(2).all(|w| w[0].bottom() < w[1].top()),
            "{marks:?} top to bottom, apart: {on_axis:?}"
        );
        // The target's words sit on its line, level with the target's mark.
        let goal: Vec<egui::Rect> = find(goal).into_iter().filter(below).collect();
        assert_eq!(goal.len(), 1, "{goal:?}");
        let mark = on_axis[1];
        assert!(
            (goal[0].bottom() - mark.center().y).abs() < 4.0 && goal[0].left() > mark.right(),
            "{goal:?} against {mark:?}"
        );
    }
}
