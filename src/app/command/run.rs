//! Running commands: each command of the menus, keys and buttons, and the
//! answers to questions. Plan files are opened and saved in `files`, where
//! every plan enters the window through [`PlanApp::install`]; the search's
//! commands are in `search`.

use std::path::Path;

use crate::app::PlanApp;
use crate::app::command::Answer;
use crate::app::command::{Action, Command};
use crate::app::dialogs::question::Question;
use crate::app::document::Document;
use crate::app::panels::review::Review;
use crate::blocks::{self, Medium};
use crate::model::Plan;
use crate::{compare, io};

impl PlanApp {
    /// Undoes or redoes one step, and shows an item it brings back (a delete
    /// undone) in the form, so the user sees what came back.
    fn step_history(&mut self, step: fn(&mut Document)) {
        let ids = |plan: &Plan| -> Vec<crate::model::ItemId> {
            crate::numbering::outline(plan)
                .into_iter()
                .map(|o| o.part.id())
                .collect()
        };
        let before = ids(self.doc.plan());
        step(&mut self.doc);
        if let Some(back) = ids(self.doc.plan())
            .into_iter()
            .find(|id| !before.contains(id))
        {
            self.selection = crate::ui::Selection::Item(back);
        }
    }

    /// Runs a command. One that would replace a plan with unsaved changes (or
    /// close the window) becomes a question instead, whatever else is open.
    pub(in crate::app) fn run(&mut self, ctx: &egui::Context, command: Command) {
        if command.replaces_document() && self.doc.has_unsaved_work() {
            self.questions.ask(Question::Unsaved(Box::new(command)));
            return;
        }
        self.run_unchecked(ctx, command);
    }

    fn run_unchecked(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Run(action) => self.run_action(ctx, action),
            Command::OpenPath(path) => self.open(&path),
            Command::Answer(answer) => self.answer(ctx, answer),
            Command::Discarding(inner) => self.run_unchecked(ctx, *inner),
            Command::SaveThen(then) => {
                if self.save() {
                    self.run(ctx, *then);
                }
            }
            Command::Restore(found) => self.restore(&found),
            Command::Close => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::CompareWith(path) => self.compare_with(&path),
            Command::Take(n) => self.take(Some(n)),
            Command::TakeAll => self.take(None),
            Command::Choose(n, side) => {
                if let Some(review) = &mut self.review {
                    review.choose(n, side);
                }
            }
            Command::FinishMerge => self.finish_merge(),
            Command::CloseReview => self.stop_taking(),
            Command::ImportText(text) => self.import_page(&text),
            Command::LoadPage => {
                if let Some(path) = self.dialogs.open_page() {
                    match crate::import::read_page(&path) {
                        Ok(text) => self.import_text = Some(text),
                        Err(e) => self.questions.ask(Question::Message(e)),
                    }
                }
            }
            Command::CloseImport => self.import_text = None,
            Command::ShowHit(n) => self.show_hit(ctx, n, true),
            Command::ReplaceHit(n) => self.replace_hit(ctx, n),
            Command::ReplaceAll => self.replace_all(),
            Command::CloseSearch => {
                // Closing the bar on a hit puts the keyboard in its field, the
                // found text selected, as closing Word's find box does.
                if let Some(n) = self.search.as_ref().and_then(|b| b.current) {
                    self.show_hit(ctx, n, true);
                }
                self.search = None;
            }
            Command::PickMergeFile(which) => {
                if let Some(path) = self.dialogs.open_plan(which.label())
                    && let Some(setup) = &mut self.merge_setup
                {
                    *setup.slot(which) = Some(path);
                }
            }
            Command::StartMerge => self.start_merge(),
            Command::CloseMergeSetup => self.merge_setup = None,
            Command::FocusField(request) => crate::ui::widgets::request_focus(ctx, request),
            Command::OpenField(id, key) => {
                self.selection = crate::ui::Selection::Item(id);
                let request = crate::ui::widgets::FocusRequest {
                    key,
                    start: 0,
                    end: 0,
                    keyboard: true,
                };
                crate::ui::widgets::request_focus(ctx, request);
            }
            Command::Fix(span) => {
                self.doc.checkpoint();
                if self.doc.edit(|plan| crate::proof::fix(plan, &span)) {
                    let to = span.replacement.unwrap_or_default();
                    // A look-alike may have no glyph in the app's fonts: name it, not draw it.
                    let found = if crate::model::text::ordinary_text(&span.found).is_some() {
                        "紛らわしい文字".to_string()
                    } else {
                        format!("「{}」", span.found)
                    };
                    self.set_status(format!("{found}を「{to}」に直しました。"));
                    self.offer_undo();
                }
            }
            Command::FixAll(rule) => {
                self.doc.checkpoint();
                let count = self.doc.edit(|plan| crate::proof::fix_all(plan, rule));
                self.set_status(format!(
                    "{rule}を{count}か所直しました（元に戻すで一度に戻せます）。"
                ));
                if count > 0 {
                    self.offer_undo();
                }
            }
            Command::Theme(theme) => {
                self.settings.theme = theme;
                theme.apply(ctx);
            }
        }
    }

    /// Shows the changes from the open plan to the plan in `path`.
    fn compare_with(&mut self, path: &Path) {
        if let Some(other) = self.load_other(path) {
            self.review = Some(Review::Compare {
                other,
                name: file_name(path),
                cache: None,
                shown: Vec::new(),
            });
        }
    }

    /// A new plan from a published page's text, as an unsaved document; the lines
    /// left out are listed in a message.
    fn import_page(&mut self, text: &str) {
        let imported = crate::import::import(text);
        if let Some(message) = imported.nothing_found() {
            self.questions.ask(Question::Message(message));
            return;
        }
        let name = blocks::title(&imported.plan, Medium::Web);
        let look_alikes = imported
            .look_alike_note()
            .map(|note| format!("{note}。"))
            .unwrap_or_default();
        self.install(Document::unsaved(imported.plan, &name));
        self.import_text = None;
        self.set_status(format!(
            "{name}を取り込みました。{look_alikes}確かめて、名前を付けて保存してください。"
        ));
        if !imported.report.is_empty() {
            let lines: Vec<String> = imported.report.iter().map(ToString::to_string).collect();
            self.questions.ask(Question::Message(format!(
                "取り込まなかった行が{}行あります。\n{}",
                lines.len(),
                lines.join("\n")
            )));
        }
    }

    /// Takes change `n` of the comparison, or all of them, as one undo step.
    fn take(&mut self, n: Option<usize>) {
        let Some(review) = &mut self.review else {
            return;
        };
        review.refresh(&self.doc);
        let pending = review.pending().to_vec();
        let row = n.and_then(|n| review.shown().get(n).cloned());
        self.doc.checkpoint();
        match (n, row) {
            (Some(_), Some(change)) => {
                if pending.contains(&change) {
                    self.doc.edit(|plan| compare::apply(plan, &change));
                }
            }
            (Some(_), None) => {}
            (None, _) => self.doc.edit(|plan| compare::apply_all(plan, &pending)),
        }
    }

    /// Loads another version to compare or merge; says why when it cannot.
    pub(in crate::app) fn load_other(&mut self, path: &Path) -> Option<Plan> {
        match io::load(path) {
            Ok(plan) => Some(plan),
            Err(e) => {
                self.questions.ask(Question::Message(format!(
                    "{} を開けませんでした。\n{e}",
                    path.display()
                )));
                None
            }
        }
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => {
                let plan = Plan::new("", crate::wareki::current_fiscal_year());
                self.install(Document::untitled(plan, "無題"));
            }
            Action::Open => {
                if let Some(path) = self.dialogs.open_plan("開く") {
                    self.open(&path);
                }
            }
            Action::OpenBackup => {
                if let Some(path) = self.dialogs.open_backup() {
                    self.open(&path);
                }
            }
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::ExportPdf => self.export(ctx, crate::app::command::output::Output::Plan),
            Action::ExportOverview => {
                self.export(ctx, crate::app::command::output::Output::Overview)
            }
            Action::NextYear => {
                // A new file, so last year's stays as it was; saving asks for a name.
                let last = self.doc.plan().clone();
                let next = last.carry_forward();
                let name = blocks::title(&next, Medium::Web);
                self.install(Document::unsaved(next, &name));
                self.set_status(format!(
                    "{name}を作りました。名前を付けて保存してください。"
                ));
                // Last year's 自己評価 is offered for 前年度までの実績, never copied
                // without a yes.
                if last.evaluations_to_copy() > 0 {
                    self.questions
                        .ask(Question::CopyEvaluations(Box::new(last)));
                }
            }
            Action::Undo => self.step_history(Document::undo),
            Action::Redo => self.step_history(Document::redo),
            Action::Print => self.print(ctx),
            Action::ImportPage => self.import_text = Some(String::new()),
            Action::TogglePreview => self.settings.show_preview ^= true,
            Action::About => self
                .questions
                .ask(Question::Message(crate::app::command::output::about())),
            Action::Compare => {
                if let Some(path) = self.dialogs.open_plan("比較する版を選ぶ") {
                    self.compare_with(&path);
                }
            }
            Action::Send => self.send_copy(),
            Action::Merge => self.take_copies(),
            Action::Find | Action::Replace => {
                let bar = self.search.get_or_insert_with(Default::default);
                bar.focus_query = true;
                bar.replacing |= action == Action::Replace;
            }
            Action::FindNext | Action::FindPrevious => {
                let forward = action == Action::FindNext;
                match &mut self.search {
                    Some(bar) if !bar.query.text.is_empty() => {
                        // Asked from the search box (Enter, 前へ, 次へ): the
                        // keyboard stays there, so Enter goes on to the next hit
                        // instead of typing a line end over the one shown.
                        let from_box = std::mem::take(&mut bar.from_box);
                        bar.focus_query |= from_box;
                        if let Some(n) = bar.step(&self.doc, forward) {
                            self.show_hit(ctx, n, !from_box);
                        }
                    }
                    _ => {
                        self.search.get_or_insert_with(Default::default).focus_query = true;
                    }
                }
            }
            Action::Help => {
                self.help.get_or_insert_with(Default::default);
            }
            Action::Progress => {
                self.progress.get_or_insert_with(Default::default);
            }
            Action::Quit => self.run(ctx, Command::Close),
        }
    }

    /// Opens the two files chosen for 取り込み… and lists what taking the returned
    /// copy would change; nothing changes until 取り込む.
    fn start_merge(&mut self) {
        let Some(setup) = self.merge_setup.clone() else {
            return;
        };
        let (Some(sent), Some(returned)) = (setup.sent, setup.returned) else {
            return;
        };
        let Some(base) = self.load_other(&sent) else {
            return;
        };
        let Some(theirs) = self.load_other(&returned) else {
            return;
        };
        self.merge_setup = None;
        self.review = Some(Review::Merge {
            base: Box::new(base),
            theirs,
            name: file_name(&returned),
            cache: None,
        });
    }

    /// Acts on the answer to the question showing.
    fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let Some(question) = self.questions.take() else {
            return;
        };
        match (question, answer) {
            (Question::Unsaved(then), Answer::Save) => {
                self.run_unchecked(ctx, Command::SaveThen(then));
            }
            (Question::Unsaved(then), Answer::Discard) => {
                self.run_unchecked(ctx, Command::Discarding(then));
            }
            (Question::Recover(found), Answer::Restore) => {
                self.run(ctx, Command::Restore(found));
            }
            (Question::Recover(_), Answer::DropRecovery) => self.discard_orphan(),
            (Question::Delete { id, .. }, Answer::Delete) => {
                if let Some(path) = self.doc.plan().locate(id) {
                    self.doc.checkpoint();
                    let name = self.item_name(path);
                    let target = crate::edit::Target::Item(path);
                    let delete = crate::edit::Edit::Delete(target);
                    self.doc.edit(|plan| crate::edit::apply(plan, delete));
                    self.say_deleted(&name);
                }
            }
            (Question::CopyEvaluations(last), Answer::Copy) => {
                self.doc.checkpoint();
                let count = self.doc.edit(|plan| plan.copy_evaluations_from(&last));
                self.set_status(format!(
                    "{}件の自己評価を「前年度までの実績」に書き加えました。",
                    count
                ));
                if count > 0 {
                    self.offer_undo();
                }
            }
            (_, Answer::Cancel | Answer::Ok) => {}
            // An answer that does not fit the question: ask it again.
            (question, _) => self.questions.ask_first(question),
        }
    }
}

/// A file's name, for the panel's title.
pub(in crate::app) fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}
