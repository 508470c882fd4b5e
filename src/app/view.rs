//! Drawing the window: menu bar, status bar, warnings panel, outline, form and
//! the question showing. Drawing only collects commands and edits; they are
//! applied once everything is drawn.

use super::AppTheme;
use super::PlanApp;
use super::command::{self, Action, Command, Menu};
use super::question;
use crate::amount::format_thousand_yen;
use crate::check;
use crate::edit::{self, Edit};
use crate::model::ItemPath;
use crate::model::fields;
use crate::ui::{Selection, forms, outline, preview};

impl PlanApp {
    pub(super) fn view(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut commands: Vec<Command> = Vec::new();
        if self.questions.is_empty() {
            // Like any modal dialog, a question takes the keyboard's shortcuts.
            let pressed = command::pressed(&ctx, |a| self.is_enabled(a));
            commands.extend(pressed.into_iter().map(Command::Run));
        }
        let mut edits = Vec::new();

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut commands));
        let warnings = self.warnings().to_vec();
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui, warnings.len()));
        if self.show_warnings {
            egui::Panel::right("warnings")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| self.warnings_ui(ui, &warnings));
                });
        }
        if let Some(review) = &mut self.review {
            review.refresh(&self.doc.plan);
            let plan = &self.doc.plan;
            let (clicked, jump) = egui::Panel::right("review")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| super::review::review_ui(ui, review, plan))
                        .inner
                })
                .inner;
            commands.extend(clicked);
            if let Some(id) = jump
                && self.doc.plan.locate(id).is_some()
            {
                self.selection = Selection::Item(id);
            }
        }
        if self.settings.show_preview {
            self.preview_panel(ui);
        }
        egui::Panel::left("outline")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    outline::outline_ui(ui, &self.doc.plan, &mut self.selection, &mut edits);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                forms::form_ui(ui, &mut self.doc.plan, self.selection, &mut edits);
            });
        });
        if self.import_text.is_some() {
            self.import_dialog(&ctx, &mut commands);
        }
        if let Some(q) = self.questions.current()
            && let Some(answer) = question::question_ui(&ctx, q)
        {
            commands.push(Command::Answer(answer));
        }

        self.apply_edits(edits);
        for command in commands {
            self.run(&ctx, command);
        }
        if let Selection::Item(id) = self.selection
            && self.doc.plan.locate(id).is_none()
        {
            self.selection = Selection::Basics;
        }
        self.doc.feed(ctx.input(|i| i.time));
    }

    /// The print preview on the right: the pages as laid out for the PDF. It
    /// scrolls to the selected item when the selection changes; a click on
    /// printed text selects its item.
    fn preview_panel(&mut self, ui: &mut egui::Ui) {
        if self.selection != self.shown_selection {
            if let Selection::Item(id) = self.selection {
                self.preview.scroll_to = Some(id);
            }
            self.shown_selection = self.selection;
        }
        self.pages();
        let pages = self.layout.as_ref().map_or(&[][..], |(_, p)| p.as_slice());
        let clicked = egui::Panel::right("preview")
            .resizable(true)
            .default_size(480.0)
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
    /// creates or moves becomes the selection.
    fn apply_edits(&mut self, edits: Vec<Edit>) {
        if edits.is_empty() {
            return;
        }
        self.doc.checkpoint();
        for e in edits {
            if let Some(path) = edit::apply(&mut self.doc.plan, e)
                && let Some(part) = self.doc.plan.get(path)
            {
                self.selection = Selection::Item(part.id());
            }
        }
    }

    fn menu_bar(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        // The preview's entry shows whether it is on.
        let mac = ui.ctx().os() == egui::os::OperatingSystem::Mac;
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(menu.label(), |ui| {
                    for action in Action::ALL.into_iter().filter(|a| a.menu() == menu) {
                        let on = action == Action::TogglePreview && self.settings.show_preview;
                        let mut button = egui::Button::new(action.label()).selected(on);
                        if let Some(shortcut) = action.shortcuts().first() {
                            let names = if mac {
                                egui::ModifierNames::SYMBOLS
                            } else {
                                egui::ModifierNames::NAMES
                            };
                            button = button.shortcut_text(shortcut.format(&names, mac));
                        }
                        if ui.add_enabled(self.is_enabled(action), button).clicked() {
                            commands.push(Command::Run(action));
                        }
                        if action == Action::Open {
                            self.recent_menu(ui, commands);
                        }
                    }
                    if menu == Menu::View {
                        ui.separator();
                        ui.label("テーマ");
                        for theme in [AppTheme::System, AppTheme::Light, AppTheme::Dark] {
                            if ui
                                .radio(self.settings.theme == theme, theme.label())
                                .clicked()
                            {
                                commands.push(Command::Theme(theme));
                            }
                        }
                    }
                });
            }
        });
    }

    fn recent_menu(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
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
    }

    fn status_bar(&mut self, ui: &mut egui::Ui, warnings: usize) {
        ui.horizontal(|ui| {
            ui.label(self.doc.path.as_ref().map_or_else(
                || format!("{}（ファイル未保存）", self.doc.untitled_name),
                |p| p.display().to_string(),
            ));
            if self.doc.is_dirty() {
                ui.label("● 未保存の変更あり");
            }
            ui.separator();
            ui.label(format!(
                "予算合計 {}",
                format_thousand_yen(self.doc.plan.budget_total())
            ));
            ui.separator();
            ui.toggle_value(&mut self.show_warnings, format!("警告 {warnings}件"));
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
        });
    }

    /// The warnings of the plan check; clicking one shows its item's form.
    fn warnings_ui(&mut self, ui: &mut egui::Ui, warnings: &[check::Warning]) {
        ui.heading("警告");
        if warnings.is_empty() {
            ui.label("警告はありません。");
        }
        for (n, warning) in warnings.iter().enumerate() {
            ui.push_id(n, |ui| {
                if ui.link(&warning.message).clicked() {
                    self.selection = self.selection_for(warning);
                }
            });
        }
    }

    /// The form that shows a warning's field.
    fn selection_for(&self, warning: &check::Warning) -> Selection {
        match warning.at {
            ItemPath::Plan => selection_for_field(warning.field),
            path => self
                .doc
                .plan
                .get(path)
                .map_or(Selection::Basics, |part| Selection::Item(part.id())),
        }
    }
}

/// The form that shows one of the plan's own fields.
fn selection_for_field(field: &fields::Field) -> Selection {
    let f = *field;
    if f == fields::GOAL || f == fields::MISSION {
        Selection::Goal
    } else if f == fields::POLICY {
        Selection::Policy
    } else if f == fields::OVERALL_EVALUATION || f == fields::FUTURE_DIRECTION {
        Selection::Closing
    } else {
        Selection::Basics
    }
}
