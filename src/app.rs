//! The editor window: holds the open plan, its file, the undo history and the
//! selection; draws the panels; runs commands (the only place with file I/O and
//! dialogs) once the frame's UI is built.

use std::path::PathBuf;

use egui::util::undoer::{Settings, Undoer};
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::amount::format_thousand_yen;
use crate::document::{self, Medium};
use crate::edit;
use crate::model::Plan;
use crate::ui::{self, Selection, forms, outline};
use crate::{check, io, recovery};

/// What the user asked for this frame, run after the UI is drawn.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Open a file chosen in a dialog.
    Open,
    /// Open this file (recent files, a file dropped on the window).
    OpenPath(PathBuf),
    /// Save to the current file (or ask for one).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Write the PDF to a file chosen in a dialog.
    ExportPdf,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Start an empty plan.
    New,
    /// Start next year's plan from this one (a new, unsaved file).
    NextYear,
    /// Quit after the unsaved-changes question.
    Close,
    /// Save, then run the command only if the save happened (保存 in the
    /// unsaved-changes question; cancelling the save dialog cancels both).
    SaveThen(Box<Command>),
}

/// A question waiting for an answer in a modal.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    /// Unsaved changes: 保存 / 保存しない / キャンセル, then run the command.
    Discard(Command),
    /// A message to acknowledge (a file that failed to load, a failed save).
    Message(String),
    /// A recovery copy from a session that ended without saving.
    Recover(Box<recovery::Recovered>),
}

/// How many files 最近使ったファイル remembers.
const RECENT_MAX: usize = 8;
/// Seconds between recovery copies while there are unsaved changes.
const RECOVERY_INTERVAL: f64 = 60.0;

/// The editor.
pub struct PlanApp {
    /// The plan being edited.
    pub plan: Plan,
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// The plan as last saved or loaded, to tell unsaved changes.
    saved: Plan,
    history: Undoer<Plan>,
    /// What the form shows.
    pub selection: Selection,
    pending: Option<Pending>,
    /// The close was confirmed; let the window close.
    allow_close: bool,
    status: String,
    /// Where recovery copies go; none in tests that do not ask for one.
    recovery_dir: Option<PathBuf>,
    /// When the last recovery copy was written (egui time, seconds).
    last_recovery: f64,
    /// 最近使ったファイル, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the warnings panel is open.
    show_warnings: bool,
    /// The name shown for a plan without a file (the bundled sample).
    pub untitled_name: String,
    /// The window title last sent, so it is sent only when it changes.
    shown_title: String,
}

impl PlanApp {
    /// An editor on `plan`, from `path` if it came from a file.
    pub fn new(cc: &eframe::CreationContext<'_>, plan: Plan, path: Option<PathBuf>) -> Self {
        ui::install_fonts(&cc.egui_ctx);
        let mut app = Self::with_plan(plan, path);
        if let Some(storage) = cc.storage {
            app.recent = eframe::get_value(storage, "recent").unwrap_or_default();
        }
        app
    }

    /// The folder for recovery copies of the installed program.
    pub fn default_recovery_dir() -> Option<PathBuf> {
        eframe::storage_dir("ward-plan").map(|d| d.join("recovery"))
    }

    /// Where to keep recovery copies (none by default, so tests never touch the
    /// user's folder); offers a copy left there by a crash.
    pub fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        if let Some(found) = dir.as_deref().and_then(recovery::find) {
            self.pending = Some(Pending::Recover(Box::new(found)));
        }
        self.recovery_dir = dir;
    }

    /// An editor on `plan` without a window context (tests).
    pub fn with_plan(plan: Plan, path: Option<PathBuf>) -> Self {
        Self {
            saved: plan.clone(),
            plan,
            path,
            history: Undoer::with_settings(Settings {
                max_undos: 200,
                stable_time: 1.0,
                auto_save_interval: 30.0,
            }),
            selection: Selection::Basics,
            pending: None,
            allow_close: false,
            status: String::new(),
            recovery_dir: None,
            last_recovery: 0.0,
            recent: Vec::new(),
            show_warnings: false,
            untitled_name: "無題".to_owned(),
            shown_title: String::new(),
        }
    }

    /// Whether the plan differs from the file.
    pub fn is_dirty(&self) -> bool {
        self.plan != self.saved
    }

    fn title(&self) -> String {
        let name = self.path.as_ref().map_or_else(
            || self.untitled_name.clone(),
            |p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            },
        );
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{name} — ward-plan 区運営方針エディタ")
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut out = Vec::new();
        let text_focused = ctx.text_edit_focused();
        ctx.input_mut(|i| {
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                out.push(Command::Save);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                out.push(Command::Open);
            }
            // A focused text field undoes its own typing first; the plan's history
            // takes over when no field has focus.
            if !text_focused {
                let redo_shift =
                    KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
                if i.consume_shortcut(&redo_shift)
                    || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
                {
                    out.push(Command::Redo);
                } else if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                    out.push(Command::Undo);
                }
            }
        });
        out
    }

    fn menu_bar(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            for (label, command) in [
                ("新規", Command::New),
                ("開く", Command::Open),
                ("上書き保存", Command::Save),
                ("名前を付けて保存", Command::SaveAs),
                ("PDFに書き出し", Command::ExportPdf),
                ("次年度の方針を作る", Command::NextYear),
            ] {
                if ui.button(label).clicked() {
                    commands.push(command);
                }
            }
            ui.menu_button("最近使ったファイル", |ui| {
                if self.recent.is_empty() {
                    ui.label("（まだありません）");
                }
                for path in &self.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            if ui
                .add_enabled(
                    self.history.has_undo(&self.plan),
                    egui::Button::new("元に戻す"),
                )
                .clicked()
            {
                commands.push(Command::Undo);
            }
            if ui
                .add_enabled(
                    self.history.has_redo(&self.plan),
                    egui::Button::new("やり直し"),
                )
                .clicked()
            {
                commands.push(Command::Redo);
            }
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui, warnings: usize) {
        ui.horizontal(|ui| {
            ui.label(self.path.as_ref().map_or_else(
                || format!("{}（ファイル未保存）", self.untitled_name),
                |p| p.display().to_string(),
            ));
            if self.is_dirty() {
                ui.label("● 未保存の変更あり");
            }
            ui.separator();
            ui.label(format!(
                "予算合計 {}",
                format_thousand_yen(self.plan.budget_total())
            ));
            ui.separator();
            ui.toggle_value(&mut self.show_warnings, format!("警告 {warnings}件"));
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }

    /// The warnings of the plan check; clicking one shows its item.
    fn warnings_ui(&mut self, ui: &mut egui::Ui, warnings: &[check::Warning]) {
        ui.heading("警告");
        if warnings.is_empty() {
            ui.label("警告はありません。");
        }
        for (n, warning) in warnings.iter().enumerate() {
            ui.push_id(n, |ui| {
                if ui.link(&warning.message).clicked() {
                    self.selection = selection_for(warning);
                }
            });
        }
    }

    /// Runs one command. The only place that opens dialogs or touches files.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        let needs_confirm = matches!(
            command,
            Command::New
                | Command::NextYear
                | Command::Open
                | Command::OpenPath(_)
                | Command::Close
        );
        if needs_confirm && self.is_dirty() && self.pending.is_none() {
            self.pending = Some(Pending::Discard(command));
            return;
        }
        match command {
            Command::New => self.replace(Plan::new("", chrono::Local::now().year_fiscal()), None),
            Command::Open => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("運営方針", &["ron"])
                    .pick_file()
                {
                    self.open(&path);
                }
            }
            Command::OpenPath(path) => self.open(&path),
            Command::NextYear => {
                // A new file, so last year's stays as it was; saving asks for a name.
                let next = self.plan.carry_forward();
                let name = document::title(&next, Medium::Web);
                self.replace(next, None);
                self.saved = Plan::new("", 0);
                self.untitled_name = name.clone();
                self.status = format!("{name}を作りました。名前を付けて保存してください。");
            }
            Command::Save => match self.path.clone() {
                Some(path) => self.save_to(path),
                None => self.run(ctx, Command::SaveAs),
            },
            Command::SaveAs => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("運営方針", &["ron"])
                    .set_file_name("運営方針.ron")
                    .save_file()
                {
                    self.save_to(path);
                }
            }
            Command::ExportPdf => self.export(),
            Command::Undo => {
                if let Some(previous) = self.history.undo(&self.plan) {
                    self.plan = previous.clone();
                }
            }
            Command::Redo => {
                if let Some(next) = self.history.redo(&self.plan) {
                    self.plan = next.clone();
                }
            }
            Command::SaveThen(then) => {
                self.run(ctx, Command::Save);
                if !self.is_dirty() {
                    self.run(ctx, *then);
                }
            }
            Command::Close => {
                self.clear_recovery();
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Shows a message in a dialog.
    pub fn show_message(&mut self, message: String) {
        self.pending = Some(Pending::Message(message));
    }

    /// Opens a plan file; on failure the open plan stays as it was.
    pub fn open(&mut self, path: &std::path::Path) {
        match io::load(path) {
            Ok(plan) => self.replace(plan, Some(path.to_owned())),
            Err(e) => {
                self.pending = Some(Pending::Message(format!(
                    "{} を開けませんでした。\n{e}",
                    path.display()
                )));
            }
        }
    }

    /// Puts another plan in the window; the recent list and recovery folder stay.
    fn replace(&mut self, plan: Plan, path: Option<PathBuf>) {
        if let Some(p) = &path {
            self.remember(p.clone());
        }
        self.clear_recovery();
        let recent = std::mem::take(&mut self.recent);
        let recovery_dir = self.recovery_dir.take();
        *self = Self {
            recent,
            recovery_dir,
            ..Self::with_plan(plan, path)
        };
    }

    /// Puts `path` first in 最近使ったファイル.
    fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    fn clear_recovery(&self) {
        if let Some(dir) = &self.recovery_dir {
            recovery::clear(dir);
        }
    }

    /// Writes a recovery copy once a minute while there are unsaved changes.
    fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(dir) = &self.recovery_dir else {
            return;
        };
        if !self.is_dirty() || matches!(self.pending, Some(Pending::Recover(_))) {
            return;
        }
        let now = ctx.input(|i| i.time);
        if self.last_recovery == 0.0 {
            self.last_recovery = now;
        }
        if now - self.last_recovery >= RECOVERY_INTERVAL {
            if let Err(e) = recovery::write(dir, &self.plan, self.path.as_deref()) {
                self.status = format!("復元用の控えを書けませんでした: {e}");
            }
            self.last_recovery = now;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(RECOVERY_INTERVAL));
    }

    /// Saves to `path` and makes it the current file.
    pub fn save_to(&mut self, path: PathBuf) {
        match io::save(&path, &self.plan) {
            Ok(()) => {
                self.saved = self.plan.clone();
                self.status = format!("保存しました: {}", path.display());
                self.clear_recovery();
                self.remember(path.clone());
                self.path = Some(path);
            }
            Err(e) => self.pending = Some(Pending::Message(e.to_string())),
        }
    }

    fn export(&mut self) {
        let name = format!("{}.pdf", document::title(&self.plan, Medium::Web));
        let Some(path) = rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_file_name(name)
            .save_file()
        else {
            return;
        };
        let result = crate::export::export_pdf(&self.plan, chrono::Local::now().fixed_offset())
            .map_err(|e| e.to_string())
            .and_then(|export| {
                io::write_atomic(&path, &export.bytes).map_err(|e| e.to_string())?;
                Ok(export)
            });
        match result {
            Ok(export) if export.missing_glyphs.is_empty() => {
                self.status = format!("PDFを書き出しました: {}", path.display());
                open_in_viewer(&path);
            }
            Ok(export) => {
                let list: Vec<String> = export
                    .missing_glyphs
                    .into_iter()
                    .map(|w| w.message)
                    .collect();
                self.pending = Some(Pending::Message(format!(
                    "PDFを書き出しましたが、印刷できない文字があります。\n{}",
                    list.join("\n")
                )));
                open_in_viewer(&path);
            }
            Err(e) => self.pending = Some(Pending::Message(e)),
        }
    }

    /// Puts a recovery copy in the window as unsaved changes to its file.
    fn restore(&mut self, found: &recovery::Recovered) {
        let saved = found
            .original
            .as_deref()
            .and_then(|p| io::load(p).ok())
            .unwrap_or_else(|| Plan::new("", 0));
        self.plan = found.plan.clone();
        self.saved = saved;
        self.path = found.original.clone();
        self.history = Undoer::default();
        self.pending = None;
        self.selection = Selection::Basics;
    }

    fn pending_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(pending) = self.pending.clone() else {
            return;
        };
        egui::Modal::new(egui::Id::unique("pending")).show(ctx, |ui| match pending {
            Pending::Discard(command) => {
                ui.label("変更が保存されていません。保存しますか？");
                ui.horizontal(|ui| {
                    if ui.button("保存").clicked() {
                        self.pending = None;
                        commands.push(Command::SaveThen(Box::new(command.clone())));
                    }
                    if ui.button("保存しない").clicked() {
                        self.saved = self.plan.clone();
                        self.clear_recovery();
                        self.pending = None;
                        commands.push(command.clone());
                    }
                    if ui.button("キャンセル").clicked() {
                        self.pending = None;
                    }
                });
            }
            Pending::Message(message) => {
                ui.label(message);
                if ui.button("OK").clicked() {
                    self.pending = None;
                }
            }
            Pending::Recover(found) => {
                let when = found
                    .written
                    .map(|t| {
                        chrono::DateTime::<chrono::Local>::from(t)
                            .format(" (%Y-%m-%d %H:%M)")
                            .to_string()
                    })
                    .unwrap_or_default();
                let file = found
                    .original
                    .as_ref()
                    .map_or_else(|| "無題".to_owned(), |p| p.display().to_string());
                ui.label(format!(
                    "前回、保存しないまま終了した編集内容があります。\n{file}{when}\n復元しますか？"
                ));
                ui.horizontal(|ui| {
                    if ui.button("復元する").clicked() {
                        self.restore(&found);
                    }
                    if ui.button("破棄する").clicked() {
                        self.clear_recovery();
                        self.pending = None;
                    }
                });
            }
        });
    }
}

/// The form that shows a warning's field.
fn selection_for(warning: &check::Warning) -> Selection {
    match warning.at {
        crate::model::ItemPath::Plan => match warning.field {
            "goal" | "mission" => Selection::Goal,
            "policy" => Selection::Policy,
            "overall_evaluation" | "future_direction" => Selection::Closing,
            _ => Selection::Basics,
        },
        path => Selection::Item(path),
    }
}

/// Opens a written PDF in the system's viewer (best effort).
fn open_in_viewer(path: &std::path::Path) {
    #[cfg(target_os = "windows")]
    let spawned = std::process::Command::new("cmd")
        .args(["/C", "start", ""])
        .arg(path)
        .spawn();
    #[cfg(target_os = "macos")]
    let spawned = std::process::Command::new("open").arg(path).spawn();
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let spawned = std::process::Command::new("xdg-open").arg(path).spawn();
    let _ = spawned;
}

/// The fiscal year a date falls in (April to March).
trait FiscalYear {
    fn year_fiscal(&self) -> i32;
}

impl FiscalYear for chrono::DateTime<chrono::Local> {
    fn year_fiscal(&self) -> i32 {
        use chrono::Datelike as _;
        if self.month() >= 4 {
            self.year()
        } else {
            self.year() - 1
        }
    }
}

impl eframe::App for PlanApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "recent", &self.recent);
    }

    /// A normal exit with nothing unsaved leaves no recovery copy behind (one may
    /// have been written before the changes were undone or saved elsewhere).
    fn on_exit(&mut self) {
        let unanswered = matches!(self.pending, Some(Pending::Recover(_)));
        if !self.is_dirty() && !unanswered {
            self.clear_recovery();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = self.shortcuts(&ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        if let Some(path) = dropped
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "ron"))
        {
            commands.push(Command::OpenPath(path));
        }
        let mut edits = Vec::new();

        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Pending::Discard(Command::Close));
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        let warnings = check::check(&self.plan);
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, warnings.len()));
        if self.show_warnings {
            egui::Panel::right("warnings")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| self.warnings_ui(ui, &warnings));
                });
        }
        egui::Panel::left("outline")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    outline::outline_ui(ui, &self.plan, &mut self.selection, &mut edits);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                forms::form_ui(ui, &mut self.plan, self.selection, &mut edits);
            });
        });
        self.pending_ui(&ctx, &mut commands);

        if !edits.is_empty() {
            self.history.add_undo(&self.plan);
            for e in edits {
                if let Some(path) = edit::apply(&mut self.plan, e) {
                    self.selection = Selection::Item(path);
                }
            }
        }
        for command in commands {
            self.run(&ctx, command);
        }
        if !outline::is_valid(&self.plan, self.selection) {
            self.selection = Selection::Basics;
        }
        self.history.feed_state(ctx.input(|i| i.time), &self.plan);
        self.keep_recovery_copy(&ctx);
        let title = self.title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}
