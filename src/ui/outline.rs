//! The outline on the left: 基本情報 (with 表記のきまり), 目標・使命, 基本的な考え方, then 経営課題 →
//! 戦略 → 具体的取組 with their printed numbers.

use egui::Ui;

use crate::edit::Edit;
use crate::model::Plan;
use crate::numbering::{self, Part};
use crate::ui::Selection;

/// Draws the outline; clicking an entry changes `selection`.
pub fn outline_ui(ui: &mut Ui, plan: &Plan, selection: &mut Selection, edits: &mut Vec<Edit>) {
    ui.selectable_value(selection, Selection::Basics, "基本情報");
    ui.horizontal(|ui| {
        ui.add_space(16.0);
        ui.selectable_value(selection, Selection::Writing, "表記のきまり");
    });
    ui.selectable_value(selection, Selection::Goal, "目標・使命");
    ui.selectable_value(selection, Selection::Policy, "基本的な考え方");
    ui.separator();
    for item in numbering::outline(plan) {
        let number = numbering::label(&item.number);
        let title = match item.title().trim() {
            "" => "（名称未入力）",
            title => title,
        };
        let text = match item.part {
            Part::Issue(_) => format!("経営課題{number} {title}"),
            _ => format!("{number} {title}"),
        };
        let depth = item.number.len() - 1;
        let id = item.part.id();
        ui.horizontal(|ui| {
            ui.add_space(16.0 * depth as f32);
            ui.push_id(id, |ui| {
                ui.selectable_value(selection, Selection::Item(id), text);
            });
        });
    }
    if ui.button("＋ 経営課題を追加").clicked() {
        edits.push(Edit::AddIssue);
    }
    ui.separator();
    ui.selectable_value(selection, Selection::Closing, "自己評価・今後の方針");
}
