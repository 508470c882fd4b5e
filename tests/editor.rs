//! The editor driven like a person would, headless through egui_kittest.

use egui::accesskit::Role;
use egui::{Event, ImeEvent, Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ward_plan::app::PlanApp;
use ward_plan::app::command::Command;
use ward_plan::app::document::Document;
use ward_plan::io;
use ward_plan::sample;

mod support;
use support::{goal_cursor_at_end, menu, wait};

fn harness_with(
    plan: ward_plan::Plan,
    path: Option<std::path::PathBuf>,
) -> Harness<'static, PlanApp> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_eframe(move |cc| {
            let doc = match path {
                Some(path) => Document::opened(plan, path),
                None => Document::untitled(plan, "見本"),
            };
            PlanApp::new(cc, doc)
        })
}

fn harness() -> Harness<'static, PlanApp> {
    harness_with(sample(), None)
}

/// Clicks an outline entry, then replaces the text of the field labelled `field`.
fn retype(h: &mut Harness<'_, PlanApp>, field: &str, text: &str) {
    h.get_by_label(field).focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(field).type_text(text);
    h.run_steps(2);
}

/// Whether a label shows `part` (a label of several lines keeps its text as its
/// value).
fn message_shown(h: &Harness<'_, PlanApp>, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

/// What the window's close button sends.
fn request_close(h: &mut Harness<'_, PlanApp>) {
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
}

#[test]
fn opens_the_sample_in_japanese() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("経営課題2 子育てを応援するまちづくり");
    h.get_by_label("2-1-2 児童虐待防止対策");
    h.get_by_label("ファイル").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "上書き保存 Ctrl+S");
    assert!(!h.state().is_dirty());
}

#[test]
fn typing_a_title_then_undo_restores_it() {
    use ward_plan::app::document::UNDO_SETTLE_SECONDS;
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("経営課題2 子育てを応援するまちづくり")
        .click();
    h.run_steps(2);
    retype(&mut h, "名称", "こどもの未来を応援するまちづくり");
    assert_eq!(
        h.state().doc.plan().issues[1].title,
        "こどもの未来を応援するまちづくり"
    );
    assert!(h.state().is_dirty());
    h.get_by_label("● 未保存の変更あり");
    // Leave the field and hold still past the settle time: the typing is one step.
    h.key_press(Key::Escape);
    wait(&mut h, f64::from(UNDO_SETTLE_SECONDS) + 0.5);
    wait(&mut h, 0.1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan().issues[1].title,
        "子育てを応援するまちづくり"
    );
    // And redo brings it back.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan().issues[1].title,
        "こどもの未来を応援するまちづくり"
    );
}

#[test]
fn the_selection_follows_its_item_through_a_move_and_its_undo() {
    let mut h = harness();
    h.run_steps(2);
    let id = h.state().doc.plan().issues[1].id;
    h.get_by_label("経営課題2 子育てを応援するまちづくり")
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "↓ 下へ").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().issues[2].id, id, "moved down");
    assert_eq!(h.state().selection, ward_plan::ui::Selection::Item(id));
    h.get_by_label("経営課題3");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().issues[1].id, id, "back in place");
    assert_eq!(h.state().selection, ward_plan::ui::Selection::Item(id));
    h.get_by_label("経営課題2");
}

#[test]
fn adding_an_initiative_with_a_budget_changes_the_total() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("経営課題1 だれもが地域で安心して暮らせるまちづくり");
    h.get_by_label("予算合計 68,388千円");
    h.get_by_label("1-1 地域共生社会の実現").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "＋ 具体的取組を追加")
        .click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan().issues[0].strategies[0]
            .initiatives
            .len(),
        2
    );
    retype(&mut h, "予算額", "1,612");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().budget_total(), 70_000);
    h.get_by_label("予算合計 70,000千円");
    // A budget that is not a number is refused and explained.
    retype(&mut h, "予算額", "千六百");
    assert!(message_shown(
        &h,
        "予算額は千円単位の数字で入力してください（例: 28,523）。"
    ));
    assert_eq!(h.state().doc.plan().budget_total(), 70_000);
    // Esc cancels the entry; deleting asks (the item has a budget), and is one
    // undo step.
    h.key_press(Key::Escape);
    wait(&mut h, 2.0);
    assert!(!message_shown(&h, "予算額は千円単位"));
    h.get_by_role_and_label(Role::Button, "削除").click();
    // A new dialog is measured in its first frame and shown in the next.
    h.run_steps(3);
    assert!(message_shown(&h, "予算 1,612千円"));
    h.get_by_role_and_label(Role::Button, "削除する").click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan().issues[0].strategies[0]
            .initiatives
            .len(),
        1
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan().issues[0].strategies[0]
            .initiatives
            .len(),
        2
    );
}

#[test]
fn save_then_reload_finds_the_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    io::save(&path, &sample()).expect("save sample");
    let mut h = harness_with(io::load(&path).expect("load"), Some(path.clone()));
    h.run_steps(2);
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    retype(&mut h, "区の目標", "みんなでつくる、住みつづけたいまち");
    h.key_press(Key::Escape);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!h.state().is_dirty());
    assert!(h.query_by_label("● 未保存の変更あり").is_none());
    let reloaded = io::load(&path).expect("reload");
    assert_eq!(reloaded.goal, "みんなでつくる、住みつづけたいまち");
    assert_eq!(reloaded.issues, sample().issues);
    assert!(io::backup_path(&path).exists());
}

#[test]
fn ime_preedit_then_commit_inserts_kanji() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    h.get_by_label("区の目標").focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run_steps(1);
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "かんじ".to_owned(),
        active_range_chars: None,
    }));
    h.run_steps(1);
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "漢字".to_owned(),
        active_range_chars: None,
    }));
    h.run_steps(1);
    h.event(Event::Ime(ImeEvent::Commit("漢字".to_owned())));
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().goal, "漢字");
}

/// Sends what an input method sends while the reading is typed: its pre-edit text.
fn preedit(h: &mut Harness<'_, PlanApp>, text: &str) {
    h.event(Event::Ime(ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    }));
    h.run_steps(1);
}

/// A composition is not the user's text until it is committed: while 「くうんえい」
/// is composed in a field, the plan, its unsaved mark, its undo history and its
/// revision (which the preview, the checks and the recovery copy follow) stay as
/// they were; cancelling it leaves the plan exactly as before; the commit is one
/// change, undone in one step.
#[test]
fn a_composition_is_not_an_edit_until_it_is_committed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    io::save(&path, &sample()).expect("save");
    let mut h = harness_with(sample(), Some(path));
    h.run_steps(2);
    goal_cursor_at_end(&mut h);
    h.run_steps(1);
    let goal = sample().goal;
    let revision = h.state().doc.revision();

    for reading in ["く", "くう", "くうん", "くうんえい"] {
        preedit(&mut h, reading);
        assert_eq!(
            h.get_by_label("区の目標").value().as_deref(),
            Some(&*format!("{goal}{reading}"))
        );
        assert_eq!(
            h.state().doc.plan().goal,
            goal,
            "the composition reached the plan"
        );
        assert_eq!(h.state().doc.revision(), revision);
        assert!(!h.state().is_dirty());
        assert!(h.query_by_label("● 未保存の変更あり").is_none());
        assert!(!h.state().doc.can_undo());
    }
    // Esc in the input method: the pre-edit text emptied.
    preedit(&mut h, "");
    h.run_steps(2);
    assert_eq!(h.get_by_label("区の目標").value().as_deref(), Some(&*goal));
    assert_eq!(h.state().doc.plan().goal, goal);
    assert!(!h.state().is_dirty());
    assert!(!h.state().doc.can_undo());

    preedit(&mut h, "くうんえい");
    preedit(&mut h, "区運営");
    assert_eq!(h.state().doc.plan().goal, goal);
    h.event(Event::Ime(ImeEvent::Commit("区運営".to_owned())));
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().goal, format!("{goal}区運営"));
    assert!(h.state().is_dirty());
    assert!(h.state().doc.can_undo());
    // Typing on after the commit goes on as usual.
    h.get_by_label("区の目標").type_text("だ");
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().goal, format!("{goal}区運営だ"));
}

/// Ctrl+Z in the field after a commit takes back the committed text whole, never
/// to a reading the input method was still composing, however long the pauses
/// while it was typed: the plan's history, which Ctrl+Z undoes, never saw them.
#[test]
fn undo_after_a_commit_never_brings_back_an_uncommitted_reading() {
    let mut h = harness();
    h.run_steps(2);
    goal_cursor_at_end(&mut h);
    wait(&mut h, 2.0);
    let goal = sample().goal;
    for reading in ["く", "くう", "くうん"] {
        preedit(&mut h, reading);
        // A pause to think, longer than egui's undo settles in.
        wait(&mut h, 2.0);
        wait(&mut h, 0.1);
    }
    h.event(Event::Ime(ImeEvent::Commit("区運".to_owned())));
    wait(&mut h, 2.0);
    wait(&mut h, 0.1);
    assert_eq!(h.state().doc.plan().goal, format!("{goal}区運"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan().goal,
        goal,
        "one undo takes the commit back"
    );
}

/// Leaving a field in the middle of a composition keeps what it shows, as the
/// input methods commit it when the field loses the keyboard.
#[test]
fn leaving_a_field_while_composing_keeps_the_composed_text() {
    let mut h = harness();
    h.run_steps(2);
    goal_cursor_at_end(&mut h);
    h.run_steps(1);
    preedit(&mut h, "くう");
    assert_eq!(h.state().doc.plan().goal, sample().goal);
    h.get_by_label("区の使命").focus();
    h.run_steps(3);
    assert_eq!(h.state().doc.plan().goal, format!("{}くう", sample().goal));
    assert_eq!(h.state().doc.plan().mission, sample().mission);
}

/// The place told to the input method (under which its candidate window opens)
/// stays where the composition began while it goes on: under X11 every move of
/// it is a round trip during which libX11 holds back the input method's next
/// update, and the last kana typed never showed (see `ui::ime`). After the commit
/// it follows the text cursor again.
#[test]
fn the_candidate_window_stays_where_the_composition_began() {
    let mut h = harness();
    h.run_steps(2);
    goal_cursor_at_end(&mut h);
    h.run_steps(2);
    let cursor = |h: &Harness<'_, PlanApp>| {
        h.output()
            .platform_output
            .ime
            .expect("a focused field asks for the input method")
            .cursor_rect
    };
    let start = cursor(&h);
    for reading in ["く", "くう", "くうん", "くうんえ"] {
        preedit(&mut h, reading);
        h.run_steps(1);
        assert_eq!(cursor(&h), start, "moved while composing {reading}");
    }
    h.event(Event::Ime(ImeEvent::Commit("区運営".to_owned())));
    h.run_steps(2);
    assert!(
        cursor(&h).min.x > start.min.x,
        "after the commit it follows the cursor"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    retype(&mut h, "区の目標", "変更した目標");
    h.key_press(Key::Escape);
    h.run_steps(1);
    request_close(&mut h);
    h.run_steps(2);
    // It names the plan it asks about.
    h.get_by_label("「見本」の変更が保存されていません。保存しますか？");
    h.get_by_role_and_label(Role::Button, "キャンセル").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("の変更が保存されていません。保存しますか？")
            .is_none()
    );
    assert_eq!(h.state().doc.plan().goal, "変更した目標");
}

#[test]
fn a_broken_file_is_explained_and_the_plan_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "Plan(\n    version: 1,\n    fiscal_year: \"2022\",\n)",
    )
    .expect("write");
    let mut h = harness();
    h.run_steps(2);
    h.state_mut().request(Command::OpenPath(path.clone()));
    h.run_steps(2);
    let message = h
        .get_all_by_role(Role::Label)
        .filter_map(|n| n.accesskit_node().value().or(n.accesskit_node().label()))
        .find(|l| l.contains("開けませんでした"))
        .expect("a dialog explains the failure");
    assert!(message.contains("3行"), "{message}");
    assert_eq!(*h.state().doc.plan(), sample());
}

#[test]
fn warnings_panel_jumps_to_the_item() {
    let mut plan = sample();
    plan.issues[2].strategies[0].title.clear();
    let mut h = harness_with(plan, None);
    h.run_steps(2);
    // One for the title, and the sample's twelve about the writing (表記).
    h.get_by_label("警告 13件").click();
    h.run_steps(2);
    h.get_by_label("戦略【3-1】の名称が空です。").click();
    h.run_steps(2);
    let id = h.state().doc.plan().issues[2].strategies[0].id;
    assert_eq!(h.state().selection, ward_plan::ui::Selection::Item(id));
    h.get_by_label("戦略 3-1");
}

#[test]
fn a_recovery_copy_is_written_and_offered_after_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let mut h = harness();
    h.state_mut().set_recovery_dir(Some(recovery.clone()));
    h.run_steps(2);
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    retype(&mut h, "区の目標", "停電の前に書いた目標");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(
        ward_plan::recovery::find(&recovery).is_none(),
        "not before a minute"
    );
    // Move the clock on: a minute and more with unsaved changes.
    for t in [40.0, 80.0] {
        h.input_mut().time = Some(t);
        h.step();
    }
    assert!(
        ward_plan::recovery::find(&recovery).is_some(),
        "copy written"
    );
    drop(h); // the "crash": no save, no close

    let mut h = harness();
    h.state_mut().set_recovery_dir(Some(recovery.clone()));
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "復元する").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().goal, "停電の前に書いた目標");
    assert!(h.state().is_dirty(), "restored work still needs saving");
}

/// A window on `recovery` whose goal was typed a minute and more ago: its
/// recovery copy is written.
fn window_with_unsaved_goal(recovery: &std::path::Path, goal: &str) -> Harness<'static, PlanApp> {
    let mut h = harness();
    h.state_mut().set_recovery_dir(Some(recovery.to_owned()));
    h.run_steps(2);
    h.get_by_label("目標・使命").click();
    h.run_steps(2);
    retype(&mut h, "区の目標", goal);
    h.key_press(Key::Escape);
    for t in [40.0, 80.0] {
        h.input_mut().time = Some(t);
        h.step();
    }
    h
}

/// The recovery copies in `dir`.
fn copies(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn two_windows_keep_their_own_recovery_copies_and_both_survive_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    let this_year = window_with_unsaved_goal(&recovery, "今年の目標");
    assert_eq!(copies(&recovery), 1);
    // A second window beside it: the first one's copy is not its to offer.
    let last_year = window_with_unsaved_goal(&recovery, "去年の目標");
    assert!(
        last_year.state().questions.current().is_none(),
        "the second window asks about the first one's copy"
    );
    assert_eq!(copies(&recovery), 2, "each window has its own copy");

    // Both crash: the next window offers both, one after the other.
    drop(this_year);
    drop(last_year);
    let mut h = harness();
    h.state_mut().set_recovery_dir(Some(recovery.clone()));
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "破棄する").click();
    h.run_steps(2);
    assert_eq!(copies(&recovery), 1, "the discarded copy is gone");
    h.get_by_role_and_label(Role::Button, "復元する").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().goal, "去年の目標");
    // The restored work is this window's copy now, and only that.
    assert_eq!(copies(&recovery), 1);
    assert_eq!(
        ward_plan::recovery::find(&recovery).map(|r| r.plan.goal),
        Some("去年の目標".to_owned())
    );
}

#[test]
fn discarding_a_recovery_copy_removes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut edited = sample();
    edited.goal = "控えの目標".to_owned();
    ward_plan::recovery::write(dir.path(), &edited, None).expect("write");
    let mut h = harness();
    h.state_mut().set_recovery_dir(Some(dir.path().to_owned()));
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "破棄する").click();
    h.run_steps(2);
    assert_eq!(*h.state().doc.plan(), sample());
    assert!(ward_plan::recovery::find(dir.path()).is_none());
}

mod dropped;

#[test]
fn a_dropped_plan_file_opens_and_joins_recent_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("北区.ron");
    let mut other = sample();
    other.ward = "北区".to_owned();
    io::save(&path, &other).expect("save");
    let mut h = harness();
    h.run_steps(1);
    h.input_mut()
        .dropped_files
        .push(dropped::dropped(path.clone()));
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().ward, "北区");
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().recent, std::slice::from_ref(&path));

    // And 最近使ったファイル opens it again after another file.
    let second = dir.path().join("南区.ron");
    let mut south = sample();
    south.ward = "南区".to_owned();
    io::save(&second, &south).expect("save");
    h.state_mut().request(Command::OpenPath(second.clone()));
    h.run_steps(1);
    assert_eq!(h.state().recent, [second, path.clone()]);
    menu(&mut h, "ファイル", "最近使ったファイル");
    h.get_by_label(path.display().to_string().as_str()).click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan().ward, "北区");
}

#[test]
fn save_in_the_close_question_saves_then_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    io::save(&path, &sample()).expect("save sample");
    let mut h = harness_with(sample(), Some(path.clone()));
    h.run_steps(2);
    h.get_by_label("基本的な考え方").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "＋ 考え方を追加")
        .click();
    h.run_steps(2);
    retype(
        &mut h,
        "区運営の基本的な考え方の6つ目",
        "新しい方針を追加する。",
    );
    h.key_press(Key::Escape);
    h.run_steps(1);
    request_close(&mut h);
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run_steps(2);
    assert!(!h.state().is_dirty());
    let saved = io::load(&path).expect("reload");
    assert_eq!(saved.policy.len(), 6);
    assert_eq!(saved.policy[5], "新しい方針を追加する。");
}

#[test]
fn next_year_starts_a_new_unsaved_plan_from_this_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tsurumi-r4.ron");
    let mut plan = sample();
    plan.issues[0].strategies[0].self_evaluation.comment = "目標を達成した。".to_owned();
    io::save(&path, &plan).expect("save");
    let mut h = harness_with(plan.clone(), Some(path.clone()));
    h.run_steps(2);
    menu(&mut h, "ファイル", "次年度の方針を作る");
    let app = h.state();
    assert_eq!(app.doc.plan().fiscal_year, 2023);
    assert!(
        app.doc.plan().issues[0].strategies[0]
            .self_evaluation
            .is_empty()
    );
    assert_eq!(app.doc.path, None, "last year's file is not the target");
    assert!(app.is_dirty());
    // Next year's plan starts as its 素案, and its name says so.
    assert_eq!(app.doc.plan().stage, ward_plan::model::Stage::Draft);
    h.get_by_label("令和5年度鶴見区運営方針（素案）（ファイル未保存）");
    assert_eq!(io::load(&path).expect("last year's file"), plan);
}

mod common;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]

    /// Any plan can be shown: every form of every item draws without a panic.
    #[test]
    fn any_plan_shows_every_form(plan in common::plan()) {
        use ward_plan::ui::Selection;
        let mut selections = vec![Selection::Basics, Selection::Goal, Selection::Policy, Selection::Closing];
        selections.extend(plan.parts().into_iter().map(|(_, part)| Selection::Item(part.id())));
        // Arbitrary text has characters no font has: the window shows a box for
        // them (the harness panics by default), and the export reports them.
        let mut h = Harness::builder()
            .with_size(egui::vec2(1200.0, 900.0))
            .allow_missing_glyphs()
            .build_eframe(move |cc| PlanApp::new(cc, Document::untitled(plan, "無題")));
        for selection in selections {
            h.state_mut().selection = selection;
            h.step();
            proptest::prop_assert_eq!(h.state().selection, selection);
        }
    }
}

/// Last year's 自己評価 is offered for next year's 前年度までの実績: copied only
/// on 書き加える, as one undo step; 書き加えない leaves the texts as they were.
#[test]
fn next_year_offers_last_years_evaluations_and_copies_only_on_yes() {
    let mut plan = sample();
    plan.issues[0].strategies[0].initiatives[0]
        .self_evaluation
        .comment = "相談件数が増えた。".to_owned();
    for (button, copied) in [("書き加えない", false), ("書き加える", true)] {
        let mut h = harness_with(plan.clone(), None);
        h.run_steps(2);
        menu(&mut h, "ファイル", "次年度の方針を作る");
        h.run_steps(2);
        h.get_by_label_contains("次年度の「前年度までの実績」に書き加えますか");
        h.get_by_label(button).click();
        h.run_steps(2);
        let results = &h.state().doc.plan().issues[0].strategies[0].initiatives[0].past_results;
        let expected = if copied {
            "令和4年度: 相談件数が増えた。"
        } else {
            ""
        };
        assert_eq!(results, expected, "{button}");
        if copied {
            h.get_by_label("元に戻す").click();
            h.run_steps(2);
            let results = &h.state().doc.plan().issues[0].strategies[0].initiatives[0].past_results;
            assert_eq!(results, "", "one undo step");
        }
    }
}

/// egui draws only on input, so a change asks for the frame that makes it an
/// undo step: two changes seconds apart are two steps even if nothing happens
/// between them.
#[test]
fn a_change_asks_for_the_frame_that_makes_it_an_undo_step() {
    use std::time::Duration;
    use ward_plan::app::document::UNDO_SETTLE_SECONDS;
    let delay =
        |h: &Harness<'_, PlanApp>| h.output().viewport_output[&ViewportId::ROOT].repaint_delay;
    let settle = Duration::from_secs_f32(UNDO_SETTLE_SECONDS);
    let mut h = harness();
    h.run();
    assert!(
        delay(&h) > settle * 2,
        "at rest it asks for nothing: {:?}",
        delay(&h)
    );
    h.get_by_role_and_label(Role::RadioButton, "案").click();
    // The click's own frames (the radio button's animation) first.
    while {
        h.step();
        delay(&h).is_zero()
    } {}
    let asked = delay(&h);
    assert!(asked >= settle && asked < settle * 2, "{asked:?}");
    wait(&mut h, asked.as_secs_f64());
    assert!(delay(&h) > settle * 2, "the step is made: {:?}", delay(&h));
    wait(&mut h, 30.0);
    h.get_by_role_and_label(Role::Button, "＋").click();
    while {
        h.step();
        delay(&h).is_zero()
    } {}
    let asked = delay(&h);
    wait(&mut h, asked.as_secs_f64());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let plan = h.state().doc.plan();
    assert_eq!(plan.fiscal_year, sample().fiscal_year, "the year is undone");
    assert_eq!(
        plan.stage,
        ward_plan::model::Stage::Proposal,
        "the stage stays"
    );
}
