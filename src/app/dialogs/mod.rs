//! The system's file dialogs and viewer, behind a trait so tests can answer them.

pub mod help;
pub mod merge_setup;
pub mod question;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};

/// What the window asks the operating system for.
pub trait Dialogs {
    /// A plan file to open, asked with `title` (開く, 比較する版, 送った版…);
    /// none when the user cancels.
    fn open_plan(&mut self, title: &str) -> Option<PathBuf>;
    /// Plan files to open, one or several, asked with `title` (戻ってきた写し);
    /// none when the user cancels.
    fn open_plans(&mut self, title: &str) -> Vec<PathBuf>;
    /// A backup (`ファイル名.ron.bak`) to open (前の版を開く); none when cancelled.
    fn open_backup(&mut self) -> Option<PathBuf>;
    /// A saved web page (.txt, .html) to import; none when cancelled.
    fn open_page(&mut self) -> Option<PathBuf>;
    /// Where to save a plan, suggesting `name`; none when cancelled.
    fn save_plan(&mut self, name: &str) -> Option<PathBuf>;
    /// Where to write a PDF, suggesting `name`; none when cancelled.
    fn save_pdf(&mut self, name: &str) -> Option<PathBuf>;
    /// Hands a written file to the system's viewer and returns at once: starting
    /// a viewer can take seconds (Windows goes through the shell), and the window
    /// must not freeze meanwhile. A viewer that could not be started is reported
    /// later by [`Dialogs::viewer_failures`]; `ctx` is asked to draw again then.
    fn show_file(&mut self, path: &Path, purpose: Viewing, ctx: &egui::Context);
    /// The files no viewer could be started for since the last call (none
    /// installed, or none for the file's type), with the system's reason.
    fn viewer_failures(&mut self) -> Vec<ViewerFailure>;
}

/// Why a file is shown in the viewer: what the window says when it cannot be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewing {
    /// A PDF written where the user chose (PDFに書き出し, 概要版).
    Written,
    /// The PDF 印刷 makes in a temporary folder, to print from the viewer.
    Print,
}

/// A file the viewer could not be started for.
#[derive(Clone, Debug)]
pub struct ViewerFailure {
    /// The file that was to be shown.
    pub path: PathBuf,
    /// What it was shown for.
    pub purpose: Viewing,
    /// The system's words (on Windows in the system's language).
    pub reason: String,
}

/// The real dialogs (rfd) and the system's viewer.
#[derive(Debug)]
pub struct SystemDialogs {
    /// Viewer threads report their failures here.
    failures: (Sender<ViewerFailure>, Receiver<ViewerFailure>),
}

impl Default for SystemDialogs {
    fn default() -> Self {
        Self {
            failures: std::sync::mpsc::channel(),
        }
    }
}

impl Dialogs for SystemDialogs {
    fn open_plan(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("運営方針", &["ron"])
            .pick_file()
    }

    fn open_plans(&mut self, title: &str) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("運営方針", &["ron"])
            .pick_files()
            .unwrap_or_default()
    }

    fn open_backup(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("前の版を開く（保存の前の内容: ファイル名.ron.bak）")
            .add_filter("前の版", &["bak"])
            .pick_file()
    }

    fn open_page(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("取り込むWebページを選ぶ")
            .add_filter("Webページ・テキスト", &["txt", "html", "htm"])
            .pick_file()
    }

    fn save_plan(&mut self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("運営方針", &["ron"])
            .set_file_name(name)
            .save_file()
    }

    fn save_pdf(&mut self, name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("PDF", &["pdf"])
            .set_file_name(name)
            .save_file()
    }

    fn show_file(&mut self, path: &Path, purpose: Viewing, ctx: &egui::Context) {
        // opener: ShellExecuteW on Windows (the file's associated program, or the
        // system's own "no program" error), `open` on macOS, xdg-open elsewhere.
        let shown = path.to_owned();
        let failures = self.failures.0.clone();
        let repaint = ctx.clone();
        let started = std::thread::Builder::new()
            .name("viewer".into())
            .spawn(move || {
                if let Err(e) = opener::open(&shown) {
                    let _ = failures.send(ViewerFailure {
                        path: shown,
                        purpose,
                        reason: e.to_string(),
                    });
                    repaint.request_repaint();
                }
            });
        if let Err(e) = started {
            let _ = self.failures.0.send(ViewerFailure {
                path: path.to_owned(),
                purpose,
                reason: e.to_string(),
            });
            ctx.request_repaint();
        }
    }

    fn viewer_failures(&mut self) -> Vec<ViewerFailure> {
        self.failures.1.try_iter().collect()
    }
}

/// Dialogs answered from a script, for tests: each dialog takes the next answer
/// (none = cancelled once the script runs out).
#[derive(Debug, Default)]
pub struct ScriptedDialogs {
    /// Answers to 開く, 比較… and 取り込み…, in the order asked.
    pub open: VecDeque<Option<PathBuf>>,
    /// Answers to 名前を付けて保存 and PDFに書き出し.
    pub save: VecDeque<Option<PathBuf>>,
    /// Files shown in the viewer; shared, like `titles`.
    pub shown: std::rc::Rc<std::cell::RefCell<Vec<PathBuf>>>,
    /// Whether the viewer is missing: showing a file fails.
    pub no_viewer: bool,
    /// Failures not yet collected by the window.
    pub failures: Vec<ViewerFailure>,
    /// The titles of the plan dialogs asked, in order; shared, so a test keeps a
    /// handle after giving the dialogs to the window.
    pub titles: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl Dialogs for ScriptedDialogs {
    fn open_plan(&mut self, title: &str) -> Option<PathBuf> {
        self.titles.borrow_mut().push(title.to_owned());
        self.open.pop_front().flatten()
    }

    /// Takes the next answer, and every answer after it up to a `None` (which
    /// it takes too): `[Some(a), Some(b), None]` chooses two files at once.
    fn open_plans(&mut self, title: &str) -> Vec<PathBuf> {
        self.titles.borrow_mut().push(title.to_owned());
        let mut chosen = Vec::new();
        while let Some(Some(path)) = self.open.pop_front() {
            chosen.push(path);
        }
        chosen
    }

    fn open_backup(&mut self) -> Option<PathBuf> {
        self.titles.borrow_mut().push("前の版を開く".to_owned());
        self.open.pop_front().flatten()
    }

    fn open_page(&mut self) -> Option<PathBuf> {
        self.open.pop_front().flatten()
    }

    fn save_plan(&mut self, _name: &str) -> Option<PathBuf> {
        self.save.pop_front().flatten()
    }

    fn save_pdf(&mut self, _name: &str) -> Option<PathBuf> {
        self.save.pop_front().flatten()
    }

    fn show_file(&mut self, path: &Path, purpose: Viewing, _ctx: &egui::Context) {
        self.shown.borrow_mut().push(path.to_owned());
        if self.no_viewer {
            self.failures.push(ViewerFailure {
                path: path.to_owned(),
                purpose,
                reason: "no viewer (scripted)".to_owned(),
            });
        }
    }

    fn viewer_failures(&mut self) -> Vec<ViewerFailure> {
        std::mem::take(&mut self.failures)
    }
}
