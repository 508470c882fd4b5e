//! The outline on the left: 基本情報, 目標・使命, 基本的な考え方, then 経営課題 →
//! 戦略 → 具体的取組 with their printed numbers.

use egui::Ui;

use crate::edit::Edit;
use crate::model::{ItemPath, Plan};
use crate::numbering::{label, numbered};
use crate::ui::Selection;

/// Draws the outline; clicking an entry changes `selection`.
pub fn outline_ui(ui: &mut Ui, plan: &Plan, selection: &mut Selection, edits: &mut Vec<Edit>) {
    for (target, text) in [
        (Selection::Basics, "基本情報"),
        (Selection::Goal, "目標・使命"),
        (Selection::Policy, "基本的な考え方"),
    ] {
        ui.selectable_value(selection, target, text);
    }
    ui.separator();
    for (i, (n1, issue)) in numbered(&plan.issues).enumerate() {
        ui.selectable_value(
            selection,
            Selection::Item(ItemPath::Issue(i)),
            format!("経営課題{n1} {}", issue.title),
        );
        for (s, (n2, strategy)) in numbered(&issue.strategies).enumerate() {
            ui.indent(("strategy", i, s), |ui| {
                ui.selectable_value(
                    selection,
                    Selection::Item(ItemPath::Strategy(i, s)),
                    format!("{} {}", label(&[n1, n2]), strategy.title),
                );
                for (k, (n3, initiative)) in numbered(&strategy.initiatives).enumerate() {
                    ui.indent(("initiative", k), |ui| {
                        ui.selectable_value(
                            selection,
                            Selection::Item(ItemPath::Initiative(i, s, k)),
                            format!("{} {}", label(&[n1, n2, n3]), initiative.title),
                        );
                    });
                }
            });
        }
    }
    if ui.button("＋ 経営課題を追加").clicked() {
        edits.push(Edit::AddIssue);
    }
    ui.separator();
    ui.selectable_value(selection, Selection::Closing, "自己評価・今後の方針");
}

/// Whether `selection` still points at something in `plan` (after an undo, say).
pub fn is_valid(plan: &Plan, selection: Selection) -> bool {
    match selection {
        Selection::Item(ItemPath::Issue(i)) => i < plan.issues.len(),
        Selection::Item(ItemPath::Strategy(i, s)) => plan
            .issues
            .get(i)
            .is_some_and(|issue| s < issue.strategies.len()),
        Selection::Item(ItemPath::Initiative(i, s, k)) => plan
            .issues
            .get(i)
            .and_then(|issue| issue.strategies.get(s))
            .is_some_and(|strategy| k < strategy.initiatives.len()),
        _ => true,
    }
}
