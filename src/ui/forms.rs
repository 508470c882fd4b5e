//! The form on the right: a labelled field for every field of the selected part.
//! Text is edited in place; structural edits are returned as [`Edit`]s.

use egui::Ui;

use crate::edit::{Edit, Target};
use crate::model::{Indicator, ItemPath, Plan, Review, ReviewStatus, YearResult};
use crate::numbering::{label, sibling_numbers};
use crate::ui::Selection;
use crate::ui::widgets;
use crate::wareki::format_fiscal_year;

/// Draws the form for `selection`, pushing structural edits to `edits`.
pub fn form_ui(ui: &mut Ui, plan: &mut Plan, selection: Selection, edits: &mut Vec<Edit>) {
    match selection {
        Selection::Basics => basics_ui(ui, plan, edits),
        Selection::Goal => {
            ui.heading("目標・使命");
            widgets::paragraph(ui, "区の目標", &mut plan.goal);
            widgets::paragraph(ui, "区の使命", &mut plan.mission);
        }
        Selection::Policy => policy_ui(ui, plan, edits),
        Selection::Closing => {
            ui.heading("自己評価・今後の方針");
            widgets::paragraph(ui, "自己評価(運営方針全体)", &mut plan.overall_evaluation);
            widgets::paragraph(ui, "今後の方針", &mut plan.future_direction);
        }
        Selection::Item(path) => item_ui(ui, plan, path, edits),
    }
}

fn basics_ui(ui: &mut Ui, plan: &mut Plan, edits: &mut Vec<Edit>) {
    ui.heading("基本情報");
    let l = ui.label("年度（西暦の始まりの年）");
    ui.horizontal(|ui| {
        ui.add(egui::DragValue::new(&mut plan.fiscal_year).range(1989..=2100))
            .labelled_by(l.id);
        ui.label(format_fiscal_year(plan.fiscal_year));
    });
    widgets::line(ui, "区", &mut plan.ward);
    widgets::line(ui, "所属（作成者）", &mut plan.office);
    widgets::date(ui, "掲載日", &mut plan.page_date);
    ui.separator();
    ui.label("改訂履歴");
    for (n, revision) in plan.revisions.iter_mut().enumerate() {
        ui.push_id(("revision", n), |ui| {
            let mut date = Some(revision.date);
            widgets::date(ui, &format!("改訂日 {}", n + 1), &mut date);
            if let Some(d) = date {
                revision.date = d;
            }
            widgets::paragraph(ui, &format!("改訂の内容 {}", n + 1), &mut revision.note);
            structure_buttons(ui, Target::Revision(n), edits);
        });
    }
    if ui.button("＋ 改訂履歴を追加").clicked() {
        edits.push(Edit::AddRevision(chrono::Local::now().date_naive()));
    }
    ui.separator();
    ui.label("問合せ先");
    let c = &mut plan.contact;
    widgets::line(ui, "担当", &mut c.section);
    widgets::line(ui, "郵便番号", &mut c.postal_code);
    widgets::line(ui, "住所", &mut c.address);
    widgets::line(ui, "電話", &mut c.phone);
    widgets::line(ui, "ファックス", &mut c.fax);
    widgets::line(ui, "メール", &mut c.email);
}

fn policy_ui(ui: &mut Ui, plan: &mut Plan, edits: &mut Vec<Edit>) {
    ui.heading("区運営の基本的な考え方");
    for (n, bullet) in plan.policy.iter_mut().enumerate() {
        ui.push_id(n, |ui| {
            widgets::paragraph(ui, &format!("考え方 {}", n + 1), bullet);
            structure_buttons(ui, Target::Policy(n), edits);
        });
    }
    if ui.button("＋ 考え方を追加").clicked() {
        edits.push(Edit::AddPolicy);
    }
}

/// Move, duplicate and delete buttons for an item or a list entry.
fn structure_buttons(ui: &mut Ui, target: impl Into<Target>, edits: &mut Vec<Edit>) {
    let target = target.into();
    ui.horizontal(|ui| {
        if ui.button("↑ 上へ").clicked() {
            edits.push(Edit::MoveUp(target));
        }
        if ui.button("↓ 下へ").clicked() {
            edits.push(Edit::MoveDown(target));
        }
        if ui.button("複製").clicked() {
            edits.push(Edit::Duplicate(target));
        }
        if ui.button("削除").clicked() {
            edits.push(Edit::Delete(target));
        }
    });
}

fn pinned_number(ui: &mut Ui, number: &mut Option<u32>, printed: &str) {
    let l = ui.label("番号（空欄なら並び順）");
    ui.horizontal(|ui| {
        let mut pinned = number.is_some();
        ui.checkbox(&mut pinned, "番号を固定").labelled_by(l.id);
        if pinned {
            let mut n = number.unwrap_or(1);
            ui.add(egui::DragValue::new(&mut n).range(1..=999));
            *number = Some(n);
        } else {
            *number = None;
        }
        ui.label(format!("印刷される番号: {printed}"));
    });
}

fn item_ui(ui: &mut Ui, plan: &mut Plan, path: ItemPath, edits: &mut Vec<Edit>) {
    let issue_numbers = sibling_numbers(&plan.issues);
    match path {
        ItemPath::Plan => {}
        ItemPath::Issue(i) => {
            let Some(issue) = plan.issues.get_mut(i) else {
                return;
            };
            let n1 = issue_numbers[i];
            ui.heading(format!("経営課題{n1}"));
            structure_buttons(ui, path, edits);
            pinned_number(ui, &mut issue.number, &n1.to_string());
            widgets::line(ui, "経営課題の名称", &mut issue.title);
            widgets::paragraph(ui, "課題認識（本文）", &mut issue.description);
            widgets::paragraph(ui, "めざすべき将来像", &mut issue.vision);
            widgets::paragraph(ui, "現状", &mut issue.current_state);
            widgets::paragraph(ui, "要因分析", &mut issue.cause_analysis);
            widgets::paragraph(ui, "課題", &mut issue.challenge);
            if ui.button("＋ 戦略を追加").clicked() {
                edits.push(Edit::AddStrategy(i));
            }
        }
        ItemPath::Strategy(i, s) => {
            let Some(issue) = plan.issues.get_mut(i) else {
                return;
            };
            let n2 = sibling_numbers(&issue.strategies);
            let Some(strategy) = issue.strategies.get_mut(s) else {
                return;
            };
            let printed = label(&[issue_numbers[i], n2[s]]);
            ui.heading(format!("戦略 {printed}"));
            structure_buttons(ui, path, edits);
            pinned_number(ui, &mut strategy.number, &printed);
            widgets::line(ui, "戦略の名称", &mut strategy.title);
            ui.checkbox(&mut strategy.main, "主な戦略として掲載する");
            widgets::paragraph(ui, "戦略の内容", &mut strategy.text);
            widgets::paragraph(ui, "めざす状態", &mut strategy.target_state);
            indicators_ui(ui, &mut strategy.indicators);
            review_ui(ui, "中間振り返り", &mut strategy.interim_review);
            review_ui(ui, "自己評価", &mut strategy.self_evaluation);
            if ui.button("＋ 具体的取組を追加").clicked() {
                edits.push(Edit::AddInitiative(i, s));
            }
        }
        ItemPath::Initiative(i, s, k) => {
            let Some(issue) = plan.issues.get_mut(i) else {
                return;
            };
            let n2 = sibling_numbers(&issue.strategies);
            let Some(strategy) = issue.strategies.get_mut(s) else {
                return;
            };
            let n3 = sibling_numbers(&strategy.initiatives);
            let Some(initiative) = strategy.initiatives.get_mut(k) else {
                return;
            };
            let printed = label(&[issue_numbers[i], n2[s], n3[k]]);
            ui.heading(format!("具体的取組 {printed}"));
            structure_buttons(ui, path, edits);
            pinned_number(ui, &mut initiative.number, &printed);
            widgets::line(ui, "具体的取組の名称", &mut initiative.title);
            ui.checkbox(&mut initiative.main, "主な具体的取組として掲載する");
            widgets::budget(ui, "予算額", &mut initiative.budget);
            widgets::paragraph(ui, "取組内容", &mut initiative.text);
            widgets::paragraph(ui, "前年度までの実績", &mut initiative.past_results);
            widgets::paragraph(ui, "業績目標", &mut initiative.performance_target);
            review_ui(ui, "中間振り返り", &mut initiative.interim_review);
            review_ui(ui, "自己評価", &mut initiative.self_evaluation);
        }
    }
}

fn indicators_ui(ui: &mut Ui, indicators: &mut Vec<Indicator>) {
    ui.separator();
    ui.label("アウトカム指標");
    let mut remove = None;
    for (n, indicator) in indicators.iter_mut().enumerate() {
        ui.push_id(("indicator", n), |ui| {
            widgets::line(ui, &format!("指標 {}", n + 1), &mut indicator.name);
            widgets::line(ui, "目標値", &mut indicator.target);
            widgets::line(ui, "単位（%以上 など）", &mut indicator.unit);
            widgets::line(ui, "目標年度・期間", &mut indicator.period);
            let mut drop_result = None;
            for (r, result) in indicator.results.iter_mut().enumerate() {
                ui.push_id(("result", r), |ui| {
                    let l = ui.label("実績の年度");
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut result.fiscal_year).range(1989..=2100))
                            .labelled_by(l.id);
                        ui.label(format_fiscal_year(result.fiscal_year));
                        if ui.button("実績を削除").clicked() {
                            drop_result = Some(r);
                        }
                    });
                    widgets::line(ui, "実績値", &mut result.value);
                    widgets::line(ui, "評価", &mut result.grade);
                });
            }
            if let Some(r) = drop_result {
                indicator.results.remove(r);
            }
            ui.horizontal(|ui| {
                if ui.button("＋ 実績を追加").clicked() {
                    indicator.results.push(YearResult::default());
                }
                if ui.button("指標を削除").clicked() {
                    remove = Some(n);
                }
            });
        });
    }
    if let Some(n) = remove {
        indicators.remove(n);
    }
    if ui.button("＋ 指標を追加").clicked() {
        indicators.push(Indicator::default());
    }
}

fn review_ui(ui: &mut Ui, name: &str, review: &mut Review) {
    ui.separator();
    ui.push_id(name, |ui| {
        let l = ui.label(name);
        egui::ComboBox::from_id_salt("status")
            .selected_text(review.status.label())
            .show_ui(ui, |ui| {
                for status in [
                    ReviewStatus::Unset,
                    ReviewStatus::Achieved,
                    ReviewStatus::NotAchieved,
                ] {
                    ui.selectable_value(&mut review.status, status, status.label());
                }
            })
            .response
            .labelled_by(l.id);
        widgets::paragraph(ui, &format!("{name}の所見"), &mut review.comment);
        widgets::paragraph(
            ui,
            &format!("{name}の課題と改善策"),
            &mut review.improvement,
        );
    });
}
