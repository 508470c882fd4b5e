//! The system's file dialogs and viewer, behind a trait so tests can answer them.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// What the window asks the operating system for.
pub trait Dialogs {
    /// A plan file to open, asked with `title` (開く, 比較する版, 送った版…);
    /// none when the user cancels.
    fn open_plan(&mut self, title: &str) -> Option<PathBuf>;
    /// A saved web page (.txt, .html) to import; none when cancelled.
    fn open_page(&mut self) -> Option<PathBuf>;
    /// Where to save a plan, suggesting `name`; none when cancelled.
    fn save_plan(&mut self, name: &str) -> Option<PathBuf>;
    /// Where to write a PDF, suggesting `name`; none when cancelled.
    fn save_pdf(&mut self, name: &str) -> Option<PathBuf>;
    /// Shows a written file in the system's viewer; false when no viewer could
    /// be started (none installed, or none for the file's type).
    fn show_file(&mut self, path: &Path) -> bool;
}

/// The real dialogs (rfd) and the system's viewer.
#[derive(Debug, Default)]
pub struct SystemDialogs;

impl Dialogs for SystemDialogs {
    fn open_plan(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("運営方針", &["ron"])
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

    fn show_file(&mut self, path: &Path) -> bool {
        #[cfg(target_os = "windows")]
        let spawned = std::process::Command::new("cmd")
            .args(["/C", "start", ""])
            .arg(path)
            .spawn();
        #[cfg(target_os = "macos")]
        let spawned = std::process::Command::new("open").arg(path).spawn();
        #[cfg(not(any(target_os = "windows", target_os = "macos")))]
        let spawned = std::process::Command::new("xdg-open").arg(path).spawn();
        let Ok(mut child) = spawned else {
            return false;
        };
        // The openers hand the file to the viewer and exit at once, with a
        // failure status when there is no viewer for it. One still running after
        // a moment is the viewer itself (some openers wait for it): shown.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(3);
        loop {
            match child.try_wait() {
                Ok(Some(status)) => return status.success(),
                Ok(None) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Ok(None) => return true,
                Err(_) => return false,
            }
        }
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
    /// The titles of the plan dialogs asked, in order; shared, so a test keeps a
    /// handle after giving the dialogs to the window.
    pub titles: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

impl Dialogs for ScriptedDialogs {
    fn open_plan(&mut self, title: &str) -> Option<PathBuf> {
        self.titles.borrow_mut().push(title.to_owned());
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

    fn show_file(&mut self, path: &Path) -> bool {
        self.shown.borrow_mut().push(path.to_owned());
        !self.no_viewer
    }
}
