//! Plan files in the window: opening, saving (and 名前を付けて保存), the
//! recent files, and the recovery copy kept while work is unsaved.

use std::path::{Path, PathBuf};

use crate::app::PlanApp;
use crate::app::dialogs::question::Question;
use crate::app::document::Document;
use crate::blocks::{self, Medium};
use crate::ui::Selection;
use crate::{io, recovery};

impl PlanApp {
    /// Opens a plan file; on failure the open plan stays as it was.
    /// A backup (`.bak`) opens as a new plan that must be saved under a name:
    /// Ctrl+S never writes over the backup.
    pub(in crate::app) fn open(&mut self, path: &Path) {
        let backup = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("bak"));
        match io::load_noting(path) {
            Ok((plan, notes)) if backup => {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                self.install(Document::unsaved(plan, &format!("{name} の内容")));
                self.set_status(format!(
                    "前の版 {} を新しい計画として開きました。前の版のファイルはそのままです。残すときは「名前を付けて保存」で保存してください。",
                    path.display()
                ));
                self.note_load(notes);
            }
            Ok((plan, notes)) => {
                self.install(Document::opened(plan, path.to_owned()));
                self.set_status(format!("開きました: {}", path.display()));
                self.status_until_edit = true;
                self.note_load(notes);
            }
            Err(e) => self.questions.ask(Question::Message(format!(
                "{} を開けませんでした。\n{e}",
                path.display()
            ))),
        }
    }

    /// What loading noted — two items with one identity, and which kept it —
    /// said at once and kept above the warnings, not hidden.
    pub fn note_load(&mut self, notes: Vec<String>) {
        if !notes.is_empty() {
            self.questions.ask(Question::Message(notes.join("\n")));
        }
        self.load_notes = notes;
    }

    /// Puts a document in the window: the only way a plan enters it. The
    /// previous plan's changes were saved or knowingly discarded by now, so its
    /// recovery copy goes; a new plan that needs saving gets one at once.
    pub(in crate::app) fn install(&mut self, doc: Document) {
        if let Some(path) = &doc.path {
            self.remember(path.clone());
        }
        self.doc = doc;
        self.taken_unsaved.clear();
        self.load_notes.clear();
        self.selection = Selection::Basics;
        self.recovery_clock = None;
        self.sync_recovery_now();
    }

    /// Puts a recovery copy in the window as unsaved changes to its file.
    /// The copy now lives on as this window's own; any other copies left wait
    /// for the next window (this one holds one plan).
    pub(in crate::app) fn restore(&mut self, found: &recovery::Recovered) {
        let on_disk = found.original.as_deref().and_then(|p| io::load(p).ok());
        let doc = Document::restored(found.plan.clone(), found.original.clone(), on_disk);
        self.install(doc);
        if let Some(orphan) = self.orphans.pop_front() {
            orphan.discard();
        }
        let others = self.orphans.len();
        self.orphans.clear();
        self.set_status(if others == 0 {
            "前回の編集内容を復元しました。保存してください。".to_owned()
        } else {
            format!(
                "前回の編集内容を復元しました。保存してください。復元用の控えがほかに{others}件あります: ward-plan をもう一つ起動すると尋ねます。"
            )
        });
    }

    /// 破棄する: the copy asked about goes, and the next one left, if any, is asked about.
    pub(in crate::app) fn discard_orphan(&mut self) {
        if let Some(orphan) = self.orphans.pop_front() {
            orphan.discard();
        }
        self.ask_about_next_orphan();
        self.sync_recovery_now();
    }

    /// Saves to the document's file, asking for one if it has none. True when
    /// the plan was saved.
    pub(in crate::app) fn save(&mut self) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    pub(in crate::app) fn save_as(&mut self) -> bool {
        let name = format!("{}.ron", blocks::title(self.doc.plan(), Medium::Web));
        match self.dialogs.save_plan(&name) {
            Some(path) => self.save_to(path),
            None => false,
        }
    }

    /// Saves to `path` and makes it the document's file.
    pub(in crate::app) fn save_to(&mut self, path: PathBuf) -> bool {
        match io::save(&path, self.doc.plan()) {
            Ok(()) => {
                self.set_status(format!("保存しました: {}", path.display()));
                self.status_until_edit = true;
                self.remember(path.clone());
                self.note_taken_copies(&path);
                self.doc.mark_saved(path);
                self.sync_recovery_now();
                true
            }
            Err(e) => {
                self.questions.ask(Question::Message(e.to_string()));
                false
            }
        }
    }

    /// Puts `path` first in 最近使ったファイル, as an absolute path, so it
    /// opens from wherever the program is started next time.
    pub(in crate::app) fn remember(&mut self, path: PathBuf) {
        let path = std::path::absolute(&path).unwrap_or(path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(crate::app::RECENT_MAX);
    }

    /// Makes the recovery folder match the document now: a copy of a plan with
    /// unsaved changes, nothing for a saved one. Does nothing while a recovery
    /// copy waits for its answer: that copy is the user's work.
    pub(in crate::app) fn sync_recovery_now(&mut self) {
        if self.recovery.is_none() || self.questions.recovery_unanswered() {
            return;
        }
        if self.doc.is_dirty() {
            self.write_recovery();
        } else if let Some(slot) = &self.recovery {
            slot.clear();
        }
    }

    pub(in crate::app) fn write_recovery(&mut self) {
        let Some(slot) = &self.recovery else {
            return;
        };
        if let Err(e) = slot.write(self.doc.plan(), self.doc.path.as_deref()) {
            self.set_status(format!("復元用の控えを書けませんでした: {e}"));
        }
    }

    /// At exit: the work is saved, or knowingly discarded, or kept as a recovery
    /// copy; an unanswered copy stays as it is.
    pub(in crate::app) fn on_exit_keep_work(&mut self) {
        if self.recovery.is_none() || self.questions.recovery_unanswered() {
            return;
        }
        if !self.quit_confirmed && self.doc.has_unsaved_work() {
            self.write_recovery();
        } else if let Some(slot) = &self.recovery {
            slot.clear();
        }
    }
}
