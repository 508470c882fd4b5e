//! The bars around the document: the menu bar (its entries from the command
//! table, the recent files, the theme) and the status bar.

use crate::amount::format_thousand_yen;
use crate::app::command::{Action, Command, Menu};
use crate::app::{AppTheme, PlanApp};
use crate::ui::widgets;

impl PlanApp {
    pub(in crate::app) fn menu_bar(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
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

    pub(in crate::app) fn status_bar(
        &mut self,
        ui: &mut egui::Ui,
        warnings: usize,
        commands: &mut Vec<Command>,
    ) {
        // A line about the saved plan (保存しました) is no longer true once the
        // plan changes again.
        if self.status_until_edit && self.doc.is_dirty() {
            self.status.clear();
            self.status_until_edit = false;
        }
        // One line at any width: what does not fit ends in 「…」 and shows in
        // full on hover, so the bar never grows over the form.
        ui.horizontal(|ui| {
            let row = ui.spacing().interact_size.y;
            let file = self.doc.path.as_ref().map_or_else(
                || format!("{}（ファイル未保存）", self.doc.untitled_name),
                |p| p.display().to_string(),
            );
            // The file's name takes at most a third of the bar.
            let third = (ui.available_width() / 3.0).max(80.0);
            ui.allocate_ui(egui::vec2(third, row), |ui| widgets::fitted_label(ui, file));
            if self.doc.is_dirty() {
                ui.label("● 未保存の変更あり");
            }
            ui.separator();
            ui.label(format!("版: {}", self.doc.plan().stage.label()));
            ui.separator();
            ui.label(format!(
                "予算合計 {}",
                format_thousand_yen(self.doc.plan().budget_total())
            ));
            ui.separator();
            ui.toggle_value(&mut self.show_warnings, format!("警告 {warnings}件"));
            let folded = (!self.folded.is_empty()).then(|| {
                format!(
                    "幅が足りないため隠しています: {}（ウィンドウを広げると戻ります）",
                    self.folded.join("・")
                )
            });
            let still_last = self.undo_offer == Some(self.doc.revision());
            let undo = !self.status.is_empty() && still_last && self.doc.can_undo();
            // The message and the note about folded panels share what is left;
            // 元に戻す keeps its own width.
            let undo_width = if undo {
                widgets::text_width(ui, "元に戻す", egui::TextStyle::Button)
                    + 2.0 * ui.spacing().button_padding.x
                    + ui.spacing().item_spacing.x
            } else {
                0.0
            };
            let separators = 2.0 * (ui.spacing().item_spacing.x * 2.0 + 1.0);
            let left = (ui.available_width() - undo_width - separators).max(0.0);
            let message_width = if folded.is_some() { left * 0.6 } else { left };
            if !self.status.is_empty() {
                ui.separator();
                ui.allocate_ui(egui::vec2(message_width, row), |ui| {
                    widgets::fitted_label(ui, &self.status)
                });
                if undo && ui.button("元に戻す").clicked() {
                    commands.push(Command::Run(Action::Undo));
                    self.undo_offer = None;
                }
            }
            if let Some(note) = folded {
                ui.separator();
                widgets::fitted_label(ui, egui::RichText::new(note).weak());
            }
        });
    }

    /// Sets the status line.
    pub(in crate::app) fn set_status(&mut self, text: String) {
        self.status = text;
        self.undo_offer = None;
        self.status_until_edit = false;
    }

    /// Offers 元に戻す in the status line for the change just made.
    pub(in crate::app) fn offer_undo(&mut self) {
        self.undo_offer = Some(self.doc.revision());
    }
}
