//! The editor window, by role:
//! - `document`: the open plan, its file, what is saved, its undo history;
//! - `command`: the command table (menus, shortcuts, README table) and running
//!   commands: the only place that opens dialogs or touches files (`run`), with
//!   search and replace (`search`), opening and saving (`files`), the PDF,
//!   印刷 and このソフトについて (`output`), sending and taking copies (`exchange`);
//! - `panels`: what is drawn: the menu bar, the warnings and the outline
//!   (`view`), the status bar (`bars`), the 検索と置換 bar (`find`), which panels
//!   fit (`room`), the 比較 and 取り込み panel (`review`), 振り返りの記入状況
//!   (`progress`); the forms themselves are in `ui`;
//! - `dialogs`: the system's file dialogs (`Dialogs`), questions to the user
//!   (`question`), the guide (`help`, F1), choosing the files to merge
//!   (`merge_setup`);
//! - `logic`: what happens without drawing: dropped files, close requests, the
//!   recovery timer, the window title; `startup`: the first frame.

pub mod command;
pub mod dialogs;
pub mod document;
mod logic;
pub mod panels;
pub mod startup;

use std::path::PathBuf;

use command::Command;
use dialogs::question::{Question, Questions};
use dialogs::{Dialogs, SystemDialogs};
use document::Document;

use crate::model::Plan;
use crate::typeset::metrics::FontMetrics;
use crate::typeset::page::Page;
use crate::ui::preview::{Preview, Zoom};
use crate::ui::{self, Selection};

/// The window's settings that last between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// Whether the print preview is shown.
    pub show_preview: bool,
    /// The preview's zoom.
    pub zoom: Zoom,
    /// Light, dark, or as the system says.
    pub theme: AppTheme,
}

impl Default for ViewSettings {
    fn default() -> Self {
        Self {
            show_preview: true,
            zoom: Zoom::FitWidth,
            theme: AppTheme::System,
        }
    }
}

/// The colour theme: light unless the system says dark, or as chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AppTheme {
    /// As the system says; light when it says nothing.
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl AppTheme {
    /// The choice's label in the 表示 menu.
    pub fn label(self) -> &'static str {
        match self {
            AppTheme::System => "システムに合わせる",
            AppTheme::Light => "ライト",
            AppTheme::Dark => "ダーク",
        }
    }

    /// Applies it to the window; an unknown system theme counts as light.
    pub fn apply(self, ctx: &egui::Context) {
        ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
        ctx.set_theme(match self {
            AppTheme::System => egui::ThemePreference::System,
            AppTheme::Light => egui::ThemePreference::Light,
            AppTheme::Dark => egui::ThemePreference::Dark,
        });
    }
}

/// How many files 最近使ったファイル remembers.
const RECENT_MAX: usize = 8;

/// The editor.
pub struct PlanApp {
    /// The document being edited.
    pub doc: Document,
    /// What the form shows.
    pub selection: Selection,
    /// Questions waiting for the user, the one showing first.
    pub questions: Questions,
    /// The file dialogs (the system's, or scripted in tests).
    pub dialogs: Box<dyn Dialogs>,
    /// 最近使ったファイル, newest first.
    pub recent: Vec<PathBuf>,
    /// This window's recovery copy; none in tests that do not ask for one.
    recovery: Option<crate::recovery::Slot>,
    /// Copies left by windows that are gone, the one being asked about first;
    /// each held (locked) so no other window offers it at the same time.
    orphans: std::collections::VecDeque<crate::recovery::Orphan>,
    /// When the last recovery copy was written, or the changes began (egui time).
    recovery_clock: Option<f64>,
    /// The user confirmed quitting (nothing unsaved, or 保存しない).
    quit_confirmed: bool,
    /// A line for the status bar: what the last command did.
    status: String,
    /// Whether the warnings panel is open.
    show_warnings: bool,
    /// The window title last sent, so it is sent only when it changes.
    shown_title: String,
    /// Commands asked for from outside the frame ([`PlanApp::request`]).
    requested: Vec<Command>,
    /// The comparison or merge being looked at.
    pub review: Option<panels::review::Review>,
    /// The settings kept between runs.
    pub settings: ViewSettings,
    /// The print preview's view state.
    pub preview: Preview,
    /// The printed pages of the plan at a revision ([`Document::revision`]).
    layout: Option<(u64, Vec<Page>)>,
    /// The lines of the last layout, so the next one breaks only what changed.
    line_memo: crate::typeset::linebreak::LineMemo,
    /// Font metrics for the layout, read once.
    metrics: Option<FontMetrics>,
    /// The selection in the last frame, to scroll the preview when it changes.
    shown_selection: Selection,
    /// The page text in the import dialog, while it is open.
    pub import_text: Option<String>,
    /// The check's warnings for the plan at a revision.
    warnings: Option<(u64, Vec<crate::check::Warning>)>,
    /// What loading the open file noted (two items with one identity, and which
    /// kept it), shown above the warnings until another plan is opened.
    pub load_notes: Vec<String>,
    /// The search bar, while it is open.
    pub search: Option<panels::find::SearchBar>,
    /// The help window, while it is open.
    pub help: Option<dialogs::help::Help>,
    /// The 振り返りの記入状況 window, while it is open.
    pub progress: Option<panels::progress::Progress>,
    /// The 取り込み… file chooser, while it is open.
    pub merge_setup: Option<dialogs::merge_setup::MergeSetup>,
    /// Returned copies still to take after the one being merged (取り込み…).
    taking: Vec<PathBuf>,
    /// Copies taken since the plan was last saved: noted as taken when a save
    /// writes them into the plan's file (see `exchange`).
    taken_unsaved: Vec<Plan>,
    /// The revision the status line's 元に戻す belongs to (after a delete, a
    /// replace-all, a fix): the button shows only while the plan is still at it,
    /// so it undoes the change its message names or is not there.
    undo_offer: Option<u64>,
    /// Whether the status line describes the saved plan (保存しました), and goes
    /// once the plan is changed again.
    status_until_edit: bool,
    /// Panels folded away this frame because the window is too narrow.
    folded: Vec<&'static str>,
}

impl PlanApp {
    /// An editor on `doc` in a window.
    pub fn new(cc: &eframe::CreationContext<'_>, doc: Document) -> Self {
        ui::install_fonts(&cc.egui_ctx);
        ui::install_scroll_bars(&cc.egui_ctx);
        let mut app = Self::with_document(doc);
        if let Some(storage) = cc.storage {
            let recent: Vec<PathBuf> = eframe::get_value(storage, "recent").unwrap_or_default();
            // Older versions kept paths as typed; a relative one cannot be found
            // again from another folder.
            app.recent = recent.into_iter().filter(|p| p.is_absolute()).collect();
            app.settings = eframe::get_value(storage, "view").unwrap_or_default();
        }
        app.preview.zoom = app.settings.zoom;
        app.settings.theme.apply(&cc.egui_ctx);
        app
    }

    /// The check's warnings for the plan as it is now, worked out again after an edit.
    pub fn warnings(&mut self) -> &[crate::check::Warning] {
        let revision = self.doc.revision();
        if self.warnings.as_ref().is_none_or(|(r, _)| *r != revision) {
            let found = crate::check::check(self.doc.plan());
            self.warnings = Some((revision, found));
        }
        self.warnings.as_ref().map_or(&[], |(_, w)| w.as_slice())
    }

    /// The printed pages of the plan as it is now, laid out again after an edit.
    pub fn pages(&mut self) -> &[Page] {
        let revision = self.doc.revision();
        let stale = self.layout.as_ref().is_none_or(|(r, _)| *r != revision);
        if stale && let Some(metrics) = &self.metrics {
            let style = crate::typeset::PageStyle::default();
            let plan = self.doc.plan();
            let pages = crate::typeset::typeset_again(plan, &style, metrics, &mut self.line_memo);
            self.layout = Some((revision, pages));
        }
        self.layout
            .as_ref()
            .map_or(&[], |(_, pages)| pages.as_slice())
    }

    /// An editor on `doc` without a window context (tests).
    pub fn with_document(doc: Document) -> Self {
        Self {
            doc,
            selection: Selection::Basics,
            questions: Questions::default(),
            dialogs: Box::new(SystemDialogs::default()),
            recent: Vec::new(),
            recovery: None,
            orphans: Default::default(),
            recovery_clock: None,
            quit_confirmed: false,
            status: String::new(),
            show_warnings: false,
            shown_title: String::new(),
            requested: Vec::new(),
            review: None,
            settings: ViewSettings::default(),
            preview: Preview::default(),
            layout: None,
            line_memo: Default::default(),
            metrics: FontMetrics::bundled().ok(),
            shown_selection: Selection::Basics,
            import_text: None,
            warnings: None,
            load_notes: Vec::new(),
            search: None,
            help: None,
            progress: None,
            merge_setup: None,
            taking: Vec::new(),
            taken_unsaved: Vec::new(),
            undo_offer: None,
            status_until_edit: false,
            folded: Vec::new(),
        }
    }

    /// An editor on a plan that came from `path`, or on an untitled plan.
    pub fn with_plan(plan: Plan, path: Option<PathBuf>) -> Self {
        Self::with_document(match path {
            Some(path) => Document::opened(plan, path),
            None => Document::untitled(plan, "無題"),
        })
    }

    /// The folder for recovery copies of the installed program.
    pub fn default_recovery_dir() -> Option<PathBuf> {
        eframe::storage_dir("ward-plan").map(|d| d.join("recovery"))
    }

    /// Where to keep recovery copies (none by default, so tests never touch the
    /// user's folder): takes this window's own copy there, and asks about a
    /// copy left by a window that crashed or closed with unsaved work.
    pub fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        let Some(dir) = dir else {
            self.recovery = None;
            return;
        };
        match crate::recovery::Slot::claim(&dir) {
            Ok(slot) => self.recovery = Some(slot),
            Err(e) => self.set_status(format!(
                "復元用の控えを置けません（{}）: {}",
                dir.display(),
                crate::io::reason(&e)
            )),
        }
        self.orphans = crate::recovery::orphans(&dir).into();
        self.ask_about_next_orphan();
    }

    /// Asks 復元しますか about the first copy left by a window that is gone.
    fn ask_about_next_orphan(&mut self) {
        if let Some(orphan) = self.orphans.front() {
            let found = orphan.found.clone();
            self.questions.ask(Question::Recover(Box::new(found)));
        }
    }

    /// Whether the plan has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// Shows a message in a dialog.
    pub fn show_message(&mut self, message: String) {
        self.questions.ask(Question::Message(message));
    }

    /// At a start without a file: the file worked on last time, if it is still
    /// there; otherwise the bundled sample stays, and the status line says why.
    pub fn reopen_last(&mut self) {
        match self.recent.first().cloned() {
            Some(path) if path.is_file() => self.open(&path),
            Some(path) => self.set_status(format!(
                "前回のファイル {} が見つからないため、見本を開いています。",
                path.display()
            )),
            None => self.set_status(
                "見本（令和4年度鶴見区運営方針）を開いています。ファイル → 新規 か 開く… で始めてください。"
                    .to_owned(),
            ),
        }
    }

    /// Asks for a command as a menu click would: it runs in the next frame, and
    /// anything that would replace a plan with unsaved changes asks first.
    pub fn request(&mut self, command: Command) {
        self.requested.push(command);
    }
}

/// Stops the text cursor blinking: under a software renderer each blink redraws
/// the whole window on the CPU (35–45 % of a core for a focused field).
pub fn steady_cursor(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
}

/// Text pasted or typed this frame, cleaned before any field reads it: Word's
/// manual line break (U+000B) and CRs become line ends, other control
/// characters go, so a plan never holds what its file could not be read back
/// with.
fn clean_entered_text(ctx: &egui::Context) {
    ctx.input_mut(|input| {
        for event in &mut input.events {
            if let egui::Event::Paste(text) | egui::Event::Text(text) = event
                && let Some(clean) = crate::model::text::clean(text)
            {
                *text = clean;
            }
        }
    });
}

impl eframe::App for PlanApp {
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        ui::clear_colour(visuals)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "recent", &self.recent);
        self.settings.zoom = self.preview.zoom;
        eframe::set_value(storage, "view", &self.settings);
    }

    fn on_exit(&mut self) {
        self.on_exit_keep_work();
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        clean_entered_text(ctx);
        self.logic_step(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.view(ui);
        crate::ui::ime::hold_candidate_window(ui.ctx());
    }
}
