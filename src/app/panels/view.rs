//! Drawing the window: menu bar, status bar, warnings panel, outline, form and
//! the question showing. Drawing only collects commands and edits; they are
//! applied once everything is drawn.

use crate::app::PlanApp;
use crate::app::command::{self, Action, Command};
use crate::app::dialogs::question;
use crate::app::panels::room::Room;
use crate::check;
use crate::edit::{self, Edit};
use crate::model::ItemPath;
use crate::model::fields;
use crate::ui::{Selection, forms, outline, preview, widgets};

impl PlanApp {
    pub(in crate::app) fn view(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut commands: Vec<Command> = Vec::new();
        if self.questions.is_empty() {
            // Like any modal dialog, a question takes the keyboard's shortcuts.
            let pressed = command::pressed(&ctx, |a| self.is_enabled(a));
            commands.extend(pressed.into_iter().map(Command::Run));
        }
        let mut edits = Vec::new();

        egui::Panel::top("menu")
            .frame(crate::ui::panel_frame(ui.style(), false))
            .show(ui, |ui| self.menu_bar(ui, &mut commands));
        if let Some(bar) = &mut self.search {
            let doc = &self.doc;
            let asked = egui::Panel::top("search")
                .frame(crate::ui::panel_frame(ui.style(), false))
                .show(ui, |ui| {
                    crate::app::panels::find::search_bar_ui(ui, bar, doc)
                })
                .inner;
            commands.extend(asked);
        }
        let warning_count = self.warnings().len();
        egui::Panel::bottom("status")
            .frame(crate::ui::panel_frame(ui.style(), false))
            .show(ui, |ui| {
                self.status_bar(ui, warning_count, &mut commands);
            });
        let room = Room::plan(
            ui.available_width(),
            self.show_warnings,
            self.review.is_some(),
            self.settings.show_preview,
        );
        self.folded = room.folded();
        if room.warnings {
            egui::Panel::right("warnings")
                .frame(crate::ui::panel_frame(ui.style(), false))
                .resizable(true)
                .default_size(320.0)
                .size_range(room.range(Room::WARNINGS_MIN))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        // A copy only while the panel shows: the list can be long.
                        let warnings = self.warnings().to_vec();
                        self.warnings_ui(ui, &warnings, &mut commands);
                    });
                });
        }
        if room.review
            && let Some(review) = &mut self.review
        {
            review.refresh(&self.doc);
            let plan = self.doc.plan();
            let (clicked, jump) = egui::Panel::right("review")
                .frame(crate::ui::panel_frame(ui.style(), false))
                .resizable(true)
                .default_size(380.0)
                .size_range(room.range(Room::REVIEW_MIN))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| {
                            crate::app::panels::review::review_ui(ui, review, plan)
                        })
                        .inner
                })
                .inner;
            commands.extend(clicked);
            if let Some(id) = jump
                && self.doc.plan().locate(id).is_some()
            {
                self.selection = Selection::Item(id);
            }
        }
        if room.preview {
            self.preview_panel(ui, room.range(Room::PREVIEW_MIN));
        }
        if room.outline {
            // Wide enough for every name when the window has room for it.
            let range = room.range(Room::OUTLINE_MIN);
            let whole = outline::preferred_width(ui, self.doc.plan()).clamp(range.min, range.max);
            egui::Panel::left("outline")
                .frame(crate::ui::panel_frame(ui.style(), false))
                .resizable(true)
                .default_size(300.0)
                .size_range(egui::Rangef::new(whole, range.max))
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        outline::outline_ui(ui, self.doc.plan(), &mut self.selection, &mut edits);
                    });
                });
        } else {
            // Too narrow for the outline beside the form: it folds into a menu.
            egui::Panel::top("outline folded")
                .frame(crate::ui::panel_frame(ui.style(), false))
                .show(ui, |ui| {
                    ui.menu_button("目次", |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(240.0)
                            .show(ui, |ui| {
                                outline::outline_ui(
                                    ui,
                                    self.doc.plan(),
                                    &mut self.selection,
                                    &mut edits,
                                );
                            });
                    });
                });
        }
        egui::CentralPanel::default()
            .frame(crate::ui::panel_frame(ui.style(), true))
            .show(ui, |ui| {
                egui::ScrollArea::both().show(ui, |ui| {
                    ui.set_min_width(Room::FORM_MIN.min(ui.available_width().max(240.0)));
                    let selection = self.selection;
                    self.doc
                        .edit_in_form(|plan| forms::form_ui(ui, plan, selection, &mut edits));
                });
            });
        if self.import_text.is_some() {
            self.import_dialog(&ctx, &mut commands);
        }
        if let Some(setup) = &self.merge_setup {
            use crate::app::dialogs::merge_setup::{Click, merge_setup_ui};
            commands.extend(
                merge_setup_ui(&ctx, setup)
                    .into_iter()
                    .map(|click| match click {
                        Click::Pick(which) => Command::PickMergeFile(which),
                        Click::Start => Command::StartMerge,
                        Click::Cancel => Command::CloseMergeSetup,
                    }),
            );
        }
        if let Some(view) = &mut self.progress {
            let mut open = true;
            let plan = self.doc.plan();
            commands.extend(crate::app::panels::progress::progress_ui(
                &ctx, plan, view, &mut open,
            ));
            if !open {
                self.progress = None;
            }
        }
        if let Some(help) = &mut self.help {
            let mut open = true;
            crate::app::dialogs::help::help_ui(&ctx, help, &mut open);
            if !open {
                self.help = None;
            }
        }
        if let Some(q) = self.questions.current()
            && let Some(answer) = question::question_ui(&ctx, q, &self.doc.display_name())
        {
            commands.push(Command::Answer(answer));
        }

        self.apply_edits(&ctx, edits);
        for command in commands {
            self.run(&ctx, command);
        }
        if let Selection::Item(id) = self.selection
            && self.doc.plan().locate(id).is_none()
        {
            self.selection = Selection::Basics;
        }
        self.doc.feed(ctx.input(|i| i.time));
        if self.doc.is_settling() {
            // egui draws only on input: without a frame once the change has held
            // still, the next edit, however much later, would join its undo step.
            let settle = f64::from(crate::app::document::UNDO_SETTLE_SECONDS) + 0.05;
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(settle));
        }
    }

    /// The print preview on the right: the pages as laid out for the PDF. It
    /// scrolls to the selected item when the selection changes; a click on
    /// printed text selects its item.
    fn preview_panel(&mut self, ui: &mut egui::Ui, range: egui::Rangef) {
        if self.selection != self.shown_selection {
            if let Selection::Item(id) = self.selection {
                self.preview.scroll_to = Some(id);
            }
            self.shown_selection = self.selection;
        }
        self.pages();
        let pages = self.layout.as_ref().map_or(&[][..], |(_, p)| p.as_slice());
        let clicked = egui::Panel::right("preview")
            .frame(crate::ui::panel_frame(ui.style(), false))
            .resizable(true)
            .default_size(480.0)
            .size_range(range)
            .show(ui, |ui| preview::preview_ui(ui, &mut self.preview, pages))
            .inner;
        if let Some(source) = clicked {
            self.selection = match (source.item, source.field) {
                (Some(id), _) => Selection::Item(id),
                (None, Some(field)) => selection_for_field(field),
                (None, None) => self.selection,
            };
            self.shown_selection = self.selection;
        }
    }

    /// Webページから取り込む: paste the page's text (or read a saved page), then
    /// 取り込む makes a new plan from it.
    fn import_dialog(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(text) = &mut self.import_text else {
            return;
        };
        egui::Window::new("Webページから取り込む")
            .collapsible(false)
            .default_size([640.0, 480.0])
            .show(ctx, |ui| {
                let l = ui.label(
                    "区の運営方針のWebページを開き、本文をすべて選んでコピーし、ここに貼り付けてください。",
                );
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(text)
                            .desired_width(f32::INFINITY)
                            .desired_rows(16),
                    )
                    .labelled_by(l.id);
                });
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(!text.trim().is_empty(), egui::Button::new("取り込む"))
                        .clicked()
                    {
                        commands.push(Command::ImportText(text.clone()));
                    }
                    if ui.button("ファイルから読む…").clicked() {
                        commands.push(Command::LoadPage);
                    }
                    if ui.button("キャンセル").clicked() {
                        commands.push(Command::CloseImport);
                    }
                });
            });
    }

    /// Whether a menu entry or shortcut can act now.
    pub fn is_enabled(&self, action: Action) -> bool {
        match action {
            Action::Undo => self.doc.can_undo(),
            Action::Redo => self.doc.can_redo(),
            _ => true,
        }
    }

    /// Structural edits from the views, as one undo step; the item an edit
    /// creates or moves becomes the selection, and a new item's 名称 gets the
    /// cursor. Deleting an item with something in it asks first.
    fn apply_edits(&mut self, ctx: &egui::Context, edits: Vec<Edit>) {
        let mut ready = Vec::new();
        for e in edits {
            if let Edit::Delete(edit::Target::Item(path)) = e
                && let Some(message) = edit::delete_question(self.doc.plan(), path)
                && let Some(part) = self.doc.plan().get(path)
            {
                self.questions.ask(question::Question::Delete {
                    id: part.id(),
                    message,
                });
            } else {
                ready.push(e);
            }
        }
        if ready.is_empty() {
            return;
        }
        self.doc.checkpoint();
        for e in ready {
            let adds = matches!(
                e,
                Edit::AddIssue | Edit::AddStrategy(_) | Edit::AddInitiative(..)
            );
            let deleted = match e {
                Edit::Delete(edit::Target::Item(path)) => Some(self.item_name(path)),
                _ => None,
            };
            let applied = self.doc.edit(|plan| edit::apply(plan, e));
            if let Some(name) = deleted {
                self.say_deleted(&name);
            }
            if let Some(path) = applied
                && let Some(part) = self.doc.plan().get(path)
            {
                self.selection = Selection::Item(part.id());
                if adds {
                    let key = crate::model::address::FieldKey::of(Some(part.id()), &fields::TITLE);
                    widgets::request_focus(
                        ctx,
                        widgets::FocusRequest {
                            key,
                            start: 0,
                            end: 0,
                            keyboard: true,
                        },
                    );
                }
            }
        }
    }

    /// The outline name of the item at `path` (経営課題2 子育てを応援するまちづくり).
    pub(in crate::app) fn item_name(&self, path: ItemPath) -> String {
        crate::numbering::outline(self.doc.plan())
            .into_iter()
            .find(|o| o.path == path)
            .map(|o| o.name())
            .unwrap_or_default()
    }

    /// Says in the status line what the delete just made took, with 元に戻す
    /// beside it.
    pub(in crate::app) fn say_deleted(&mut self, name: &str) {
        self.set_status(format!("{name}を削除しました。"));
        self.offer_undo();
    }

    /// The warnings of the plan check; clicking one shows its item's form.
    fn warnings_ui(
        &mut self,
        ui: &mut egui::Ui,
        warnings: &[check::Warning],
        commands: &mut Vec<Command>,
    ) {
        ui.heading("警告");
        if !self.load_notes.is_empty() {
            ui.strong(format!("読み込み時の注意（{}件）", self.load_notes.len()));
            for note in &self.load_notes {
                ui.label(note);
            }
            ui.add_space(4.0);
        }
        if warnings.is_empty() {
            ui.label("警告はありません。");
        }
        let mut kind = None;
        for (n, warning) in warnings.iter().enumerate() {
            if kind != Some(warning.kind) {
                kind = Some(warning.kind);
                let count = warnings.iter().filter(|w| w.kind == warning.kind).count();
                ui.add_space(4.0);
                ui.strong(format!("{}（{count}件）", warning.kind.label()));
                if warning.kind == check::Kind::Writing {
                    fix_all_buttons(ui, warnings, commands);
                    if ui
                        .link("表記のきまりを開く…")
                        .on_hover_text("そろえる書き方と直さない言葉を決めます")
                        .clicked()
                    {
                        self.selection = Selection::Writing;
                    }
                }
            }
            // The message first, its 直す after it on the same line, so the
            // button reads as belonging to the warning above it, not below.
            ui.push_id(n, |ui| {
                ui.horizontal_wrapped(|ui| {
                    if ui.link(&warning.message).clicked() {
                        self.selection = self.selection_for(warning);
                        // A warning about part of a text selects that part.
                        if let Some(span) = &warning.span {
                            commands.push(Command::FocusField(widgets::FocusRequest {
                                key: span.key,
                                start: span.start,
                                end: span.end,
                                keyboard: true,
                            }));
                        }
                    }
                    if let Some(span) = &warning.span
                        && span.replacement.is_some()
                        && ui
                            .small_button("直す")
                            .on_hover_text("この箇所を直します（元に戻せます）")
                            .clicked()
                    {
                        commands.push(Command::Fix(span.clone()));
                    }
                });
            });
            // Apart from the next warning, so a 直す that wrapped under its
            // message stays with it.
            ui.add_space(6.0);
        }
    }

    /// The form that shows a warning's field.
    fn selection_for(&self, warning: &check::Warning) -> Selection {
        match warning.at {
            ItemPath::Plan => selection_for_field(warning.field),
            path => self
                .doc
                .plan()
                .get(path)
                .map_or(Selection::Basics, |part| Selection::Item(part.id())),
        }
    }
}

/// One すべて直す per rule that has findings with a replacement.
fn fix_all_buttons(ui: &mut egui::Ui, warnings: &[check::Warning], commands: &mut Vec<Command>) {
    let mut rules: Vec<(&'static str, usize)> = Vec::new();
    for span in warnings.iter().filter_map(|w| w.span.as_ref()) {
        if span.replacement.is_none() {
            continue;
        }
        match rules.iter_mut().find(|(r, _)| *r == span.rule) {
            Some((_, n)) => *n += 1,
            None => rules.push((span.rule, 1)),
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (rule, n) in rules {
            if ui.button(format!("{rule}をすべて直す（{n}件）")).clicked() {
                commands.push(Command::FixAll(rule));
            }
        }
    });
}

/// The form that shows one of the plan's own fields.
pub(in crate::app) fn selection_for_field(field: &fields::Field) -> Selection {
    let f = *field;
    if f == fields::GOAL || f == fields::MISSION {
        Selection::Goal
    } else if f == fields::POLICY || f == fields::POLICY_LEAD || f == fields::POLICY_CLOSING {
        Selection::Policy
    } else if f == fields::OVERALL_EVALUATION || f == fields::FUTURE_DIRECTION {
        Selection::Closing
    } else {
        Selection::Basics
    }
}
