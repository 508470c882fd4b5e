//! The outline on the left: 基本情報 (with 表記のきまり), 目標・使命, 基本的な考え方, then 経営課題 →
//! 戦略 → 具体的取組 with their printed numbers. A name too long for the panel
//! ends in 「…」 and shows in full on hover.

use egui::Ui;

use crate::edit::Edit;
use crate::model::Plan;
use crate::numbering::{self, Part};
use crate::ui::Selection;
use crate::ui::widgets::fitted_selectable;

/// Draws the outline; clicking an entry changes `selection`.
pub fn outline_ui(ui: &mut Ui, plan: &Plan, selection: &mut Selection, edits: &mut Vec<Edit>) {
    fitted_selectable(ui, selection, Selection::Basics, "基本情報");
    ui.horizontal(|ui| {
        ui.add_space(16.0);
        fitted_selectable(ui, selection, Selection::Writing, "表記のきまり");
    });
    fitted_selectable(ui, selection, Selection::Goal, "目標・使命");
    fitted_selectable(ui, selection, Selection::Policy, "基本的な考え方");
    ui.separator();
    for (depth, id, text) in entries(plan) {
        ui.horizontal(|ui| {
            ui.add_space(INDENT * depth as f32);
            ui.push_id(id, |ui| {
                fitted_selectable(ui, selection, Selection::Item(id), &text);
            });
        });
    }
    if ui.button("＋ 経営課題を追加").clicked() {
        edits.push(Edit::AddIssue);
    }
    ui.separator();
    fitted_selectable(ui, selection, Selection::Closing, "自己評価・今後の方針");
}

/// How far each level of the outline is indented.
const INDENT: f32 = 16.0;

/// The items of the outline: depth, id and the name shown.
fn entries(plan: &Plan) -> Vec<(usize, crate::model::ItemId, String)> {
    numbering::outline(plan)
        .into_iter()
        .map(|item| {
            let number = numbering::label(&item.number);
            let title = match item.title().trim() {
                "" => "（名称未入力）",
                title => title,
            };
            let text = match item.part {
                Part::Issue(_) => format!("経営課題{number} {title}"),
                _ => format!("{number} {title}"),
            };
            (item.number.len() - 1, item.part.id(), text)
        })
        .collect()
}

/// The width that shows every name of the outline whole: the panel takes it
/// when the window has room, and names end in 「…」 only when it has not.
pub fn preferred_width(ui: &Ui, plan: &Plan) -> f32 {
    let pad = 2.0 * ui.spacing().button_padding.x;
    let margin = 2.0 * ui.spacing().item_spacing.x + ui.spacing().scroll.bar_width;
    entries(plan)
        .iter()
        .map(|(depth, _, text)| {
            INDENT * *depth as f32
                + crate::ui::widgets::text_width(ui, text, egui::TextStyle::Button)
        })
        .fold(0.0, f32::max)
        + pad
        + margin
}
