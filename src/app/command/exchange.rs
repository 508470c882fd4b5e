//! 各課に送る and 取り込み… in the window: the copy to send is written with its
//! mark and the version sent kept beside the plan (see [`crate::exchange`]);
//! returned copies, one or several, are taken in turn, each finding its own
//! base by its mark and shown in the merge panel before anything changes.
//! A copy without a known mark opens the chooser to name its base by hand.

use crate::app::PlanApp;
use crate::app::dialogs::question::Question;
use crate::app::panels::review::Review;
use crate::exchange;

impl PlanApp {
    /// 各課に送る…: writes the copy to send where the user chooses.
    pub(in crate::app) fn send_copy(&mut self) {
        let Some(plan_path) = self.doc.path.clone() else {
            self.questions.ask(Question::Message(
                "送る前に、計画をファイルに保存してください。送った版は計画のファイルの隣の「送った版」フォルダに残し、戻ってきた写しを取り込むときに使います。".to_owned(),
            ));
            return;
        };
        let stem = plan_path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let Some(copy_path) = self.dialogs.save_plan(&format!("{stem}_送付用.ron")) else {
            return;
        };
        let today = chrono::Local::now().date_naive();
        match exchange::send(self.doc.plan(), &plan_path, &copy_path, today) {
            Ok(_) => self.set_status(format!(
                "送る写しを書き出しました: {}（送った版は「{}」フォルダに残しました。戻ってきたら 校閲 → 取り込み… で取り込めます）",
                crate::app::command::run::file_name(&copy_path),
                exchange::FOLDER
            )),
            Err(e) => self.questions.ask(Question::Message(e)),
        }
    }

    /// 取り込み…: asks for the returned copies and takes the first.
    pub(in crate::app) fn take_copies(&mut self) {
        let copies = self
            .dialogs
            .open_plans("戻ってきた写しを選ぶ（いくつでも）");
        if copies.is_empty() {
            return;
        }
        self.taking = copies;
        self.next_copy();
    }

    /// Opens the merge of the next copy still to take, if any.
    pub(in crate::app) fn next_copy(&mut self) {
        while !self.taking.is_empty() {
            let path = self.taking.remove(0);
            let Some(copy) = self.load_other(&path) else {
                continue;
            };
            let found = match &self.doc.path {
                Some(plan_path) if exchange::taken_before(&copy, plan_path) => {
                    self.set_status(format!(
                        "{} はすでに取り込んであります。変更はありません。",
                        crate::app::command::run::file_name(&path)
                    ));
                    continue;
                }
                Some(plan_path) => exchange::base_of(&copy, plan_path),
                // A copy without a mark says so first; one with a mark needs
                // the plan's file, beside which the version sent is kept.
                None if copy.sent.is_none() => exchange::base_of(&copy, std::path::Path::new(".")),
                None => Err(
                    "開いている計画はまだ保存されていないので、送った版を探せません。".to_owned(),
                ),
            };
            match found {
                Ok(base) => {
                    self.review = Some(Review::Merge {
                        base: Box::new(base),
                        theirs: copy,
                        name: crate::app::command::run::file_name(&path),
                        cache: None,
                    });
                }
                Err(why) => {
                    self.merge_setup = Some(crate::app::dialogs::merge_setup::MergeSetup {
                        sent: None,
                        returned: Some(path),
                        note: Some(why),
                    });
                }
            }
            return;
        }
    }

    /// 取り込む in the merge panel: the merged plan replaces the open one as
    /// one undo step, the copy is noted as taken, and the next copy follows.
    pub(in crate::app) fn finish_merge(&mut self) {
        let Some(review) = self.review.take() else {
            return;
        };
        let Some(merged) = review.merged() else {
            self.review = Some(review);
            return;
        };
        let changes = crate::compare::diff(self.doc.plan(), &merged).len();
        self.doc.checkpoint();
        self.doc.replace(merged);
        let mut status = match &review {
            Review::Merge { name, .. } => format!("{name} を取り込みました（変更 {changes}件）。"),
            Review::Compare { .. } => String::new(),
        };
        if let Review::Merge { theirs, .. } = review {
            self.taken_unsaved.push(theirs);
        }
        status.push_str("確かめて保存してください。");
        self.set_status(status);
        self.offer_undo();
        self.next_copy();
    }

    /// After a save to `path`: the copies taken since the last save that the
    /// saved plan holds (taking one again would change nothing: the take was
    /// not undone) are noted as taken, so that taking them again later changes
    /// nothing even after further edits. A note that cannot be written is said.
    pub(in crate::app) fn note_taken_copies(&mut self, path: &std::path::Path) {
        let plan = self.doc.plan().clone();
        let mut failed = Vec::new();
        for copy in std::mem::take(&mut self.taken_unsaved) {
            let Ok(base) = exchange::base_of(&copy, path) else {
                continue;
            };
            let merge = crate::compare::Merge::new(&base, &plan, &copy);
            let holds = merge.conflicts.is_empty()
                && crate::compare::diff(&plan, &merge.result(|_| crate::compare::Side::Mine))
                    .is_empty();
            if holds && let Err(e) = exchange::note_taken(&copy, path) {
                failed.push(e);
            }
        }
        if !failed.is_empty() {
            self.questions.ask(Question::Message(failed.join("\n")));
        }
    }

    /// やめる: closes the panel and drops the copies not taken yet.
    pub(in crate::app) fn stop_taking(&mut self) {
        self.review = None;
        self.taking.clear();
    }
}
