//! The window's questions as a state machine: whatever is being asked, a dropped
//! file or Ctrl+O never replaces unsaved work without asking, and a recovery copy
//! stays on disk until its question is answered.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use ward_plan::app::PlanApp;
use ward_plan::app::command::{Action, Command};
use ward_plan::app::dialogs::ScriptedDialogs;
use ward_plan::app::dialogs::question::Question;
use ward_plan::app::document::Document;
use ward_plan::sample;
use ward_plan::{io, recovery};

/// A folder with the plan being edited (鶴見区.ron), another plan to drop or
/// open (北区.ron) and the recovery folder.
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        let desk = Self {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        io::save(&desk.mine(), &sample()).expect("save mine");
        let mut other = sample();
        other.ward = "北区".to_owned();
        io::save(&desk.other(), &other).expect("save other");
        desk
    }
    fn mine(&self) -> PathBuf {
        self.dir.path().join("鶴見区.ron")
    }
    fn other(&self) -> PathBuf {
        self.dir.path().join("北区.ron")
    }
    fn recovery(&self) -> PathBuf {
        self.dir.path().join("recovery")
    }
}

/// The editor on 鶴見区.ron with the desk's recovery folder; Ctrl+O's dialog
/// would pick 北区.ron.
fn editor(desk: &Desk) -> Harness<'static, PlanApp> {
    let path = desk.mine();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| {
            let plan = io::load(&path).expect("mine");
            PlanApp::new(cc, Document::opened(plan, path))
        });
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        open: [Some(desk.other())].into(),
        ..ScriptedDialogs::default()
    });
    h.state_mut().set_recovery_dir(Some(desk.recovery()));
    h.run_steps(2);
    h
}

/// The user's work: an edit not saved yet.
const TYPED: &str = "保存する前に書いた目標";

fn type_goal(h: &mut Harness<'_, PlanApp>) {
    h.state_mut().doc.edit(|p| p.goal = TYPED.to_owned());
    h.run_steps(1);
    assert!(h.state().is_dirty());
}

mod dropped;
mod support;

fn drop_file(h: &mut Harness<'_, PlanApp>, path: PathBuf) {
    h.input_mut().dropped_files.push(dropped::dropped(path));
    h.run_steps(2);
}

/// Clicks a button of the question showing, once its dialog has settled where
/// a person would see it (a new dialog is measured in its first frames).
fn click(h: &mut Harness<'_, PlanApp>, button: &str) {
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, button).click();
    h.run_steps(2);
}

/// The kinds of question the window asks, each put on screen as the user would
/// meet it.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// A file that failed to load.
    Message,
    /// The close button with unsaved changes.
    Unsaved,
    /// PDF written with characters the fonts lack.
    MissingGlyphs,
}

fn ask(h: &mut Harness<'_, PlanApp>, kind: Kind, desk: &Desk) {
    match kind {
        Kind::Message => {
            let broken = desk.dir.path().join("壊れた.ron");
            std::fs::write(&broken, "Plan(version: 2,").expect("write");
            h.state_mut().request(Command::OpenPath(broken));
        }
        Kind::Unsaved => h.state_mut().request(Command::Close),
        Kind::MissingGlyphs => h.state_mut().questions.ask(Question::MissingGlyphs {
            path: desk.dir.path().join("鶴見区.pdf"),
            lines: vec![
                "区の目標の1文字目の「😀」(U+1F600) は印刷用フォントにありません。".to_owned(),
            ],
        }),
    }
    h.run_steps(2);
    assert!(h.state().questions.current().is_some(), "{kind:?} is asked");
}

#[test]
fn a_dropped_file_never_replaces_unsaved_work_whatever_is_asked() {
    for kind in [Kind::Message, Kind::Unsaved, Kind::MissingGlyphs] {
        let desk = Desk::new();
        let mut h = editor(&desk);
        type_goal(&mut h);
        ask(&mut h, kind, &desk);
        drop_file(&mut h, desk.other());
        assert_eq!(h.state().doc.plan().goal, TYPED, "{kind:?}: work kept");
        assert_eq!(h.state().doc.path.as_deref(), Some(desk.mine().as_path()));
        // Answer everything that is asked; the drop's question comes in turn.
        let mut asked_about_the_drop = false;
        while let Some(question) = h.state().questions.current().cloned() {
            match question {
                Question::Unsaved(then) => {
                    asked_about_the_drop |= *then == Command::OpenPath(desk.other());
                    click(&mut h, "キャンセル");
                }
                _ => click(&mut h, "OK"),
            }
        }
        assert!(asked_about_the_drop, "{kind:?}: the drop was asked about");
        assert_eq!(h.state().doc.plan().goal, TYPED, "{kind:?}: work kept");
        assert_eq!(h.state().doc.plan().ward, "鶴見区");
    }
}

#[test]
fn ctrl_o_never_replaces_unsaved_work_whatever_is_asked() {
    for kind in [Kind::Message, Kind::Unsaved, Kind::MissingGlyphs] {
        let desk = Desk::new();
        let mut h = editor(&desk);
        type_goal(&mut h);
        ask(&mut h, kind, &desk);
        h.key_press_modifiers(Modifiers::COMMAND, Key::O);
        h.run_steps(2);
        assert_eq!(h.state().doc.plan().goal, TYPED, "{kind:?}: work kept");
        assert_eq!(h.state().doc.plan().ward, "鶴見区", "{kind:?}");
    }
    // With nothing asked, Ctrl+O asks about the unsaved work first.
    let desk = Desk::new();
    let mut h = editor(&desk);
    type_goal(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    h.get_by_label_contains("の変更が保存されていません。保存しますか？");
    assert_eq!(h.state().doc.plan().goal, TYPED);
    click(&mut h, "保存しない");
    assert_eq!(h.state().doc.plan().ward, "北区", "opened after 保存しない");
}

#[test]
fn a_recovery_copy_survives_a_drop_while_its_question_is_open() {
    let desk = Desk::new();
    let mut crashed = sample();
    crashed.goal = "停電の前に書いた目標".to_owned();
    recovery::write(&desk.recovery(), &crashed, Some(&desk.mine())).expect("copy");
    let mut h = editor(&desk);
    h.get_by_label_contains("復元しますか？");
    drop_file(&mut h, desk.other());
    assert!(
        recovery::find(&desk.recovery()).is_some_and(|r| r.plan == crashed),
        "the copy is still there, unchanged"
    );
    // Edits and time passing while the question is open do not overwrite it.
    h.state_mut().doc.edit(|p| p.goal = "別の編集".to_owned());
    for t in [100.0, 200.0] {
        h.input_mut().time = Some(t);
        h.step();
    }
    assert_eq!(
        recovery::find(&desk.recovery()).map(|r| r.plan.goal),
        Some(crashed.goal.clone())
    );
    // 復元する asks about the edit first (キャンセル keeps it)...
    click(&mut h, "復元する");
    h.get_by_label_contains("の変更が保存されていません。保存しますか？");
    assert!(
        recovery::find(&desk.recovery()).is_some(),
        "still kept while asked"
    );
    click(&mut h, "保存しない");
    // ...and then the recovered work is in the window, as unsaved changes.
    assert_eq!(h.state().doc.plan().goal, crashed.goal);
    assert_eq!(h.state().doc.path.as_deref(), Some(desk.mine().as_path()));
    assert!(h.state().is_dirty());
    assert_eq!(
        recovery::find(&desk.recovery()).map(|r| r.plan.goal),
        Some(crashed.goal),
        "the restored work keeps its copy until it is saved"
    );
}

#[test]
fn cancelling_the_open_dialog_after_discard_keeps_the_work_unsaved() {
    let desk = Desk::new();
    let mut h = editor(&desk);
    h.state_mut().dialogs = Box::new(ScriptedDialogs::default()); // 開く is cancelled
    type_goal(&mut h);
    h.state_mut().request(Command::Run(Action::Open));
    h.run_steps(2);
    click(&mut h, "保存しない");
    assert_eq!(h.state().doc.plan().goal, TYPED);
    assert!(
        h.state().is_dirty(),
        "nothing was opened: the work is still unsaved"
    );
    h.state_mut().request(Command::Close);
    h.run_steps(2);
    h.get_by_label_contains("の変更が保存されていません。保存しますか？");
}

#[test]
fn save_in_the_question_then_runs_the_command() {
    let desk = Desk::new();
    let mut h = editor(&desk);
    type_goal(&mut h);
    drop_file(&mut h, desk.other());
    click(&mut h, "保存");
    assert_eq!(io::load(&desk.mine()).expect("saved").goal, TYPED);
    assert_eq!(
        h.state().doc.plan().ward,
        "北区",
        "then the dropped file opened"
    );
    assert!(!h.state().is_dirty());
    assert!(
        recovery::find(&desk.recovery()).is_none(),
        "no copy of saved work"
    );
}

#[test]
fn unsaved_work_is_kept_as_a_copy_when_the_window_goes_without_asking() {
    let desk = Desk::new();
    let mut h = editor(&desk);
    type_goal(&mut h);
    // The system ends the program (log-off, shutdown) without a close request.
    eframe::App::on_exit(h.state_mut());
    assert_eq!(
        recovery::find(&desk.recovery()).map(|r| r.plan.goal),
        Some(TYPED.to_owned())
    );
}

/// `鶴見区.ron.bak` beside the desk's plan, holding the plan before its last
/// save (the goal 「前の版の目標」); the plan itself has moved on.
fn desk_with_backup() -> (Desk, PathBuf) {
    let desk = Desk::new();
    let mut before = sample();
    before.goal = "前の版の目標".to_owned();
    io::save(&desk.mine(), &before).expect("save");
    io::save(&desk.mine(), &sample()).expect("save again: the backup is made");
    let backup = desk.dir.path().join("鶴見区.ron.bak");
    assert_eq!(io::load(&backup).expect("backup").goal, "前の版の目標");
    (desk, backup)
}

#[test]
fn a_backup_opens_as_a_new_plan_and_ctrl_s_never_writes_over_it() {
    let (desk, backup) = desk_with_backup();
    let kept = std::fs::read(&backup).expect("backup bytes");
    let saved_as = desk.dir.path().join("戻した版.ron");
    let mut h = editor(&desk);
    let titles = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    h.state_mut().dialogs = Box::new(ScriptedDialogs {
        open: [Some(backup.clone())].into(),
        save: [Some(saved_as.clone())].into(),
        titles: titles.clone(),
        ..ScriptedDialogs::default()
    });
    support::menu(&mut h, "ファイル", "前の版を開く…");
    assert_eq!(titles.borrow().as_slice(), ["前の版を開く"]);
    assert_eq!(h.state().doc.plan().goal, "前の版の目標");
    assert_eq!(
        h.state().doc.path,
        None,
        "the backup is not the document's file"
    );
    assert!(h.state().is_dirty(), "a plan that must be saved to be kept");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    assert_eq!(std::fs::read(&backup).expect("backup bytes"), kept);
    assert_eq!(io::load(&saved_as).expect("saved").goal, "前の版の目標");
    assert_eq!(h.state().doc.path.as_deref(), Some(saved_as.as_path()));
}

#[test]
fn a_dropped_backup_opens_as_a_new_plan() {
    let (desk, backup) = desk_with_backup();
    let mut h = editor(&desk);
    drop_file(&mut h, backup.clone());
    assert_eq!(h.state().doc.plan().goal, "前の版の目標");
    assert_eq!(h.state().doc.path, None);
    assert!(h.state().is_dirty());
}
