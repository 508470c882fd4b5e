//! 比較… and 取り込み… in the window, driven as a person would.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;
use ward_plan::app::command::{Action, Command};
use ward_plan::app::dialogs::ScriptedDialogs;
use ward_plan::app::document::Document;
use ward_plan::{Plan, compare, io};

mod versions;

use versions::{revised, sample};

fn editor(plan: Plan, dialogs: Vec<PathBuf>) -> Harness<'static, PlanApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(move |cc| PlanApp::new(cc, Document::untitled(plan, "今の版")));
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        open: dialogs.into_iter().map(Some).collect(),
        ..ScriptedDialogs::default()
    });
    h.run_steps(2);
    h
}

fn click(h: &mut Harness<'_, PlanApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run_steps(2);
}

#[test]
fn compare_then_take_one_change_and_undo_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("各課から.ron");
    io::save(&other, &revised()).expect("save");
    let mut h = editor(sample(), vec![other.clone()]);
    h.state_mut().request(Command::Run(Action::Compare));
    h.run_steps(2);
    h.get_by_label("比較: 各課から.ron");
    h.get_by_label("(変更) 具体的取組【2-1-2】の予算額: 13,989千円 → 15,000千円（+1,011千円）");
    let takes: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "取り込む")
        .collect();
    assert_eq!(takes.len(), 5, "one 取り込む per change");
    let first_row = takes[1].rect();
    takes[0].click();
    h.run_steps(2);
    // The copy as it was sent: its new initiative's identity is the file's.
    let revised = io::load(&other).expect("loads");
    assert_eq!(
        h.state().doc.plan().issues[0].description,
        revised.issues[0].description
    );
    assert_eq!(
        h.state().doc.plan().budget_total(),
        sample().budget_total(),
        "only that one"
    );
    let left: Vec<_> = h
        .get_all_by_role_and_label(Role::Button, "取り込む")
        .collect();
    assert_eq!(left.len(), 4);
    // The taken change keeps its row: the next 取り込む has not moved.
    h.get_by_role_and_label(Role::Button, "取り込み済み");
    assert_eq!(
        left[0].rect(),
        first_row,
        "the next button stays under the pointer"
    );
    // Undo puts it back, and the change is listed again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().doc.plan(), sample());
    assert_eq!(
        h.get_all_by_role_and_label(Role::Button, "取り込む")
            .count(),
        5
    );
    // 全部取り込む leaves nothing to take.
    click(&mut h, "全部取り込む");
    assert!(compare::diff(h.state().doc.plan(), &revised).is_empty());
    h.get_by_label("すべて取り込みました。");
    assert_eq!(
        h.get_all_by_role_and_label(Role::Button, "取り込み済み")
            .count(),
        5
    );
}

#[test]
fn a_change_jumps_to_its_item() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = dir.path().join("各課から.ron");
    io::save(&other, &revised()).expect("save");
    let mut h = editor(sample(), vec![other]);
    h.state_mut().request(Command::Run(Action::Compare));
    h.run_steps(2);
    h.get_by_label("(変更) 具体的取組【2-1-2】の予算額: 13,989千円 → 15,000千円（+1,011千円）")
        .click();
    h.run_steps(2);
    let id = sample().issues[1].strategies[0].initiatives[0].id;
    assert_eq!(h.state().selection, ward_plan::ui::Selection::Item(id));
    h.get_by_label("具体的取組 2-1-2");
}

#[test]
fn merge_a_returned_copy_choosing_in_a_conflict() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (base, theirs) = (
        dir.path().join("送った版.ron"),
        dir.path().join("戻った版.ron"),
    );
    io::save(&base, &sample()).expect("base");
    let mut returned = sample();
    returned.goal = "だれもが住みつづけたいまち".to_owned();
    returned.issues[1].strategies[0].initiatives[0].budget = Some(15_000);
    io::save(&theirs, &returned).expect("theirs");
    let mut mine = sample();
    mine.goal = "みんなでつくるまち".to_owned();
    let mut h = editor(mine.clone(), vec![]);
    let titles = std::rc::Rc::default();
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        open: [Some(theirs.clone()), None, Some(base.clone())].into(),
        titles: std::rc::Rc::clone(&titles),
        ..ScriptedDialogs::default()
    });
    h.state_mut().request(Command::Run(Action::Merge));
    h.run_steps(2);
    // A copy without a send mark (not written by 各課に送る) cannot find the
    // version sent: the chooser asks for it, saying why, with the returned
    // copy already in its row; nothing happens before both are chosen.
    h.get_by_label_contains("送った印がありません");
    h.get_by_label_contains("送った版（相手に送ったときのファイル）");
    h.get_by_label(&theirs.display().to_string());
    assert!(
        h.get_by_role_and_label(Role::Button, "変更を確かめる")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut h, "送った版を選ぶ…");
    // Each file dialog says which file it asks for.
    assert_eq!(
        *titles.borrow(),
        [
            "戻ってきた写しを選ぶ（いくつでも）",
            "送った版（相手に送ったときのファイル）",
        ]
    );
    h.get_by_label(&base.display().to_string());
    // The chooser grows to the width of the paths it shows over a frame or two
    // (a Windows temporary path is long enough to widen it, and its random
    // letters vary the width); the button is clicked where it has settled.
    h.run_steps(4);
    click(&mut h, "変更を確かめる");
    h.get_by_label("取り込み: 戻った版.ron");
    // The changes are listed before anything is applied.
    h.get_by_label_contains("取り込むと変わるところ（1件）");
    h.get_by_label("(変更) 具体的取組【2-1-2】の予算額: 13,989千円 → 15,000千円（+1,011千円）");
    assert_eq!(*h.state().doc.plan(), mine, "nothing applied yet");
    h.get_by_label_contains("区の目標が両方で違うように変更されています");
    assert!(
        h.get_by_role_and_label(Role::Button, "取り込む")
            .accesskit_node()
            .is_disabled(),
        "取り込む waits for a choice"
    );
    h.get_by_label("相手を使う").click();
    h.run_steps(2);
    // The list follows the choice: the goal now changes too.
    h.get_by_label_contains("取り込むと変わるところ（2件）");
    assert_eq!(*h.state().doc.plan(), mine, "still nothing applied");
    click(&mut h, "取り込む");
    let plan = h.state().doc.plan();
    assert_eq!(plan.goal, "だれもが住みつづけたいまち");
    assert_eq!(
        plan.issues[1].strategies[0].initiatives[0].budget,
        Some(15_000)
    );
    assert!(h.state().review.is_none(), "the panel closes");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().doc.plan(), mine, "one undo step");
}

/// 各課に送る… then 取り込み… of the copy that came back: the copy finds the
/// version sent by its mark (no chooser), the panel counts the copy's own
/// changes, 取り込む applies them as one undo step, and once saved, taking
/// the same copy again changes nothing.
#[test]
fn a_sent_copy_is_taken_back_by_its_mark() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = dir.path().join("鶴見区運営方針.ron");
    let copy = dir.path().join("各課へ.ron");
    io::save(&plan_path, &sample()).expect("saves");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe({
            let plan_path = plan_path.clone();
            move |cc| PlanApp::new(cc, Document::opened(sample(), plan_path))
        });
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        save: [Some(copy.clone())].into(),
        open: [Some(copy.clone()), None, Some(copy.clone()), None].into(),
        ..ScriptedDialogs::default()
    });
    h.run_steps(2);
    h.state_mut().request(Command::Run(Action::Send));
    h.run_steps(2);
    h.get_by_label_contains("送る写しを書き出しました: 各課へ.ron");
    let mut returned = io::load(&copy).expect("the copy");
    assert!(returned.sent.is_some());
    returned.issues[1].strategies[0].initiatives[0].budget = Some(15_000);
    io::save(&copy, &returned).expect("saves");

    h.state_mut().request(Command::Run(Action::Merge));
    h.run_steps(2);
    assert!(
        h.state().merge_setup.is_none(),
        "no chooser: the base was found"
    );
    h.get_by_label("取り込み: 各課へ.ron");
    h.get_by_label_contains("戻ってきた写しの変更 1件、競合 0件");
    click(&mut h, "取り込む");
    assert_eq!(
        h.state().doc.plan().issues[1].strategies[0].initiatives[0].budget,
        Some(15_000)
    );
    h.get_by_label_contains("各課へ.ron を取り込みました（変更 1件）");

    // Once saved, the plan's file holds the copy: it is noted as taken, and
    // taking it again changes nothing.
    h.state_mut().request(Command::Run(Action::Save));
    h.run_steps(2);
    assert!(!h.state_mut().doc.is_dirty());
    let before = h.state().doc.plan().clone();
    h.state_mut().request(Command::Run(Action::Merge));
    h.run_steps(2);
    assert!(h.state().review.is_none());
    h.get_by_label_contains("すでに取り込んであります");
    assert_eq!(*h.state().doc.plan(), before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().doc.plan(), sample(), "one undo step");
}
