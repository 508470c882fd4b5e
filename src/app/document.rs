//! The open document: the plan, its file, what was last saved, and its undo
//! history. Every plan enters the window as a `Document` made by one of the
//! constructors here (opened, new, next year, restored), so each way in starts
//! with the same history settings and an honest idea of what is saved.
//!
//! The plan is changed only through the document, which counts each change
//! ([`Document::revision`]): what is worked out from the plan (the pages, the
//! warnings, whether it is saved, the undo step) is kept until the count moves,
//! instead of comparing whole plans every frame.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use egui::util::undoer::{Settings, Undoer};

use crate::model::Plan;

/// What the plan is compared with to tell unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Baseline {
    /// The plan as last saved to, or loaded from, the document's file.
    Saved(Plan),
    /// Never saved. A plan that is worth keeping from the start (next year's
    /// plan, a recovered copy) counts as changed at once; a blank or bundled
    /// one only once it differs from how it started.
    NeverSaved {
        /// The plan as it started.
        start: Plan,
        /// Whether it needs saving even unchanged.
        keep: bool,
    },
}

/// The document being edited.
pub struct Document {
    /// The plan being edited: read with [`Document::plan`], changed through
    /// [`Document::edit`] and the others that count the change.
    plan: Plan,
    /// The plan's revision: a new number after every change.
    revision: u64,
    /// The revision the undo history last saw.
    fed: Option<u64>,
    /// Whether the plan differed from the baseline, at a revision.
    dirty: Cell<Option<(u64, bool)>>,
    /// The file it is saved to, if it has one.
    pub path: Option<PathBuf>,
    /// The name shown while it has no file: 無題, 見本 tsurumi-r4.ron, 令和5年度….
    pub untitled_name: String,
    baseline: Baseline,
    history: Undoer<Plan>,
}

/// Seconds a plan must hold still before it becomes an undo step: a typed word
/// is one step, not one per character.
pub const UNDO_SETTLE_SECONDS: f32 = 1.0;

/// A number no plan state has had before, in any document of this run: a cache
/// of one document's revision is stale for the next one.
fn next_revision() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    fn with(plan: Plan, path: Option<PathBuf>, baseline: Baseline, name: &str) -> Self {
        Self {
            plan,
            revision: next_revision(),
            fed: None,
            dirty: Cell::new(None),
            path,
            untitled_name: name.to_owned(),
            baseline,
            history: Undoer::with_settings(Settings {
                max_undos: 200,
                stable_time: UNDO_SETTLE_SECONDS,
                auto_save_interval: 30.0,
            }),
        }
    }

    /// A plan loaded from `path`.
    pub fn opened(plan: Plan, path: PathBuf) -> Self {
        Self::with(plan.clone(), Some(path), Baseline::Saved(plan), "")
    }

    /// A plan without a file that needs no saving until it is changed (a blank
    /// plan, the bundled sample), shown as `name`.
    pub fn untitled(plan: Plan, name: &str) -> Self {
        let start = plan.clone();
        Self::with(
            plan,
            None,
            Baseline::NeverSaved { start, keep: false },
            name,
        )
    }

    /// A new plan without a file that must be saved to be kept (next year's
    /// plan), shown as `name`.
    pub fn unsaved(plan: Plan, name: &str) -> Self {
        let start = plan.clone();
        Self::with(plan, None, Baseline::NeverSaved { start, keep: true }, name)
    }

    /// A recovered copy: unsaved changes to `original` as it is on disk now
    /// (`on_disk`), or to no file at all.
    pub fn restored(plan: Plan, original: Option<PathBuf>, on_disk: Option<Plan>) -> Self {
        match (original, on_disk) {
            (Some(path), Some(saved)) => Self::with(plan, Some(path), Baseline::Saved(saved), ""),
            (original, _) => {
                let start = plan.clone();
                let name = original
                    .as_deref()
                    .and_then(Path::file_name)
                    .map_or_else(|| "無題".to_owned(), |n| n.to_string_lossy().into_owned());
                // The file is gone or unreadable: saving asks for a name again.
                Self::with(
                    plan,
                    None,
                    Baseline::NeverSaved { start, keep: true },
                    &name,
                )
            }
        }
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan's revision: it changes whenever the plan may have changed, and
    /// never comes back, so a result worked out at one revision holds until it
    /// moves.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes the plan, counted as a change whatever `change` does.
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Plan) -> R) -> R {
        self.revision = next_revision();
        change(&mut self.plan)
    }

    /// Puts `plan` in place of the plan (a merge taken whole), as one change.
    pub fn replace(&mut self, plan: Plan) {
        self.edit(|p| *p = plan);
    }

    /// Lets a form edit the plan in place; `form` says whether it changed
    /// anything, and only then is it counted. Debug builds (the tests) check
    /// that the form said so for every change.
    pub fn edit_in_form(&mut self, form: impl FnOnce(&mut Plan) -> bool) {
        #[cfg(debug_assertions)]
        let before = self.plan.clone();
        let changed = form(&mut self.plan);
        #[cfg(debug_assertions)]
        assert!(
            changed || before == self.plan,
            "a form changed the plan without saying so"
        );
        if changed {
            self.revision = next_revision();
        }
    }

    /// Whether the plan has changes that are not in its file, worked out once
    /// per revision.
    pub fn is_dirty(&self) -> bool {
        match self.dirty.get() {
            Some((at, dirty)) if at == self.revision => dirty,
            _ => {
                let dirty = self.differs_from_baseline();
                self.dirty.set(Some((self.revision, dirty)));
                dirty
            }
        }
    }

    /// Whether the plan has changes that are not in its file, from the plans
    /// themselves rather than the count: asked before anything that could lose
    /// work (closing, replacing the plan), where no change may slip through
    /// uncounted. A change found that way is counted from then on.
    pub fn has_unsaved_work(&mut self) -> bool {
        let dirty = self.differs_from_baseline();
        let counted = self.dirty.get();
        if counted.is_some_and(|(at, was)| at == self.revision && was != dirty) {
            self.revision = next_revision();
        }
        self.dirty.set(Some((self.revision, dirty)));
        dirty
    }

    fn differs_from_baseline(&self) -> bool {
        match &self.baseline {
            Baseline::Saved(saved) => *saved != self.plan,
            Baseline::NeverSaved { start, keep } => *keep || *start != self.plan,
        }
    }

    /// What the plan is compared with.
    pub fn baseline(&self) -> &Baseline {
        &self.baseline
    }

    /// The name to show: the file's name, or the untitled name.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            None => self.untitled_name.clone(),
        }
    }

    /// Records that the plan as it is now was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.baseline = Baseline::Saved(self.plan.clone());
        self.dirty.set(Some((self.revision, false)));
        self.path = Some(path);
    }

    /// Forces an undo point before a structural edit, so the edit is one step.
    pub fn checkpoint(&mut self) {
        self.history.add_undo(&self.plan);
    }

    /// Called every frame with the time in seconds: a plan that has held still
    /// for [`UNDO_SETTLE_SECONDS`] becomes an undo step. The history looks at
    /// the plan only after a change, and while a change settles.
    pub fn feed(&mut self, time: f64) {
        if self.fed != Some(self.revision) || self.history.is_in_flux() {
            self.history.feed_state(time, &self.plan);
            self.fed = Some(self.revision);
        }
    }

    /// Whether a change is waiting to hold still and become an undo step.
    pub fn is_settling(&self) -> bool {
        self.history.is_in_flux()
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.has_undo(&self.plan)
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.has_redo(&self.plan)
    }

    /// Goes back one step.
    pub fn undo(&mut self) {
        if let Some(previous) = self.history.undo(&self.plan) {
            self.plan = previous.clone();
            self.revision = next_revision();
        }
    }

    /// Goes forward one step.
    pub fn redo(&mut self) {
        if let Some(next) = self.history.redo(&self.plan) {
            self.plan = next.clone();
            self.revision = next_revision();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        crate::sample()
    }

    #[test]
    fn each_typed_word_is_one_step_once_it_settles() {
        let settle = f64::from(UNDO_SETTLE_SECONDS);
        let mut doc = Document::opened(sample(), PathBuf::from("a.ron"));
        doc.feed(0.0);
        let mut t = 0.0;
        for word in ["みんなで", "みんなでつくる"] {
            // One keystroke every 0.1 s, then a pause longer than the settle time.
            for n in 1..=word.chars().count() {
                doc.edit(|p| p.goal = word.chars().take(n).collect());
                t += 0.1;
                doc.feed(t);
            }
            t += settle + 0.1;
            doc.feed(t);
        }
        doc.undo();
        assert_eq!(doc.plan().goal, "みんなで", "the second word goes at once");
        doc.undo();
        assert_eq!(doc.plan().goal, sample().goal, "then the first");
        assert!(!doc.is_dirty() && !doc.can_undo());
        doc.redo();
        assert_eq!(doc.plan().goal, "みんなで");
    }

    #[test]
    fn baselines() {
        let blank = Document::untitled(Plan::new("", 2026), "無題");
        assert!(!blank.is_dirty());
        let next = Document::unsaved(sample().carry_forward(), "令和5年度");
        assert!(next.is_dirty(), "next year's plan must be saved to be kept");
        let mut doc = Document::restored(sample(), Some("gone.ron".into()), None);
        assert!(doc.is_dirty() && doc.path.is_none());
        assert_eq!(doc.display_name(), "gone.ron");
        doc.mark_saved(PathBuf::from("here.ron"));
        assert!(!doc.is_dirty());
        doc.edit(|p| p.goal.push('。'));
        assert!(doc.is_dirty());
    }

    #[test]
    fn every_change_moves_the_revision_and_reading_does_not() {
        let mut doc = Document::opened(sample(), PathBuf::from("a.ron"));
        let other = Document::opened(sample(), PathBuf::from("b.ron"));
        assert_ne!(
            doc.revision(),
            other.revision(),
            "never shared by two documents"
        );
        let first = doc.revision();
        let mut seen = vec![first];
        let mut moved = |doc: &Document, what: &str| {
            assert!(
                !seen.contains(&doc.revision()),
                "{what} kept an old revision"
            );
            seen.push(doc.revision());
        };
        doc.feed(0.0);
        let _ = (doc.plan().goal.len(), doc.is_dirty(), doc.can_undo());
        doc.edit_in_form(|_| false);
        assert_eq!(
            doc.revision(),
            first,
            "looking and an unchanged form are no change"
        );
        doc.edit_in_form(|p| {
            p.goal.push('。');
            true
        });
        moved(&doc, "a form's change");
        doc.feed(10.0);
        doc.checkpoint();
        doc.undo();
        moved(&doc, "undo");
        doc.redo();
        moved(&doc, "redo");
        doc.edit(|p| p.mission.clear());
        moved(&doc, "an edit");
        doc.replace(sample());
        moved(&doc, "a plan put in place");
        assert!(!doc.is_dirty(), "the same plan as saved");
    }

    #[test]
    fn a_change_nobody_counted_is_still_found_before_work_could_be_lost() {
        let mut doc = Document::opened(sample(), PathBuf::from("a.ron"));
        assert!(!doc.is_dirty());
        let before = doc.revision();
        // A form that forgot to say so (the debug check would stop it in tests).
        doc.plan.goal.push('。');
        assert!(!doc.is_dirty(), "the count alone cannot see it");
        assert!(doc.has_unsaved_work(), "the question before closing does");
        assert!(doc.is_dirty() && doc.revision() != before, "and counts it");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a form changed the plan without saying so")]
    fn a_form_that_keeps_a_change_quiet_fails_in_the_tests() {
        let mut doc = Document::opened(sample(), PathBuf::from("a.ron"));
        doc.edit_in_form(|p| {
            p.goal.push('。');
            false
        });
    }
}
