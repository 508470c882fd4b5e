//! The form on the right: a labelled field for every field of the selected part,
//! each labelled from the field vocabulary (`model::fields`), so the names here
//! are the names warnings and load errors use. Text is edited in place;
//! structural edits (lists included) are returned as [`Edit`]s.

use egui::Ui;

use crate::edit::{Edit, Target};
use crate::model::fields::{self as f, Field};
use crate::model::{Indicator, ItemPath, PartMut, Plan, Review, ReviewStatus};
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
            widgets::paragraph(ui, f::GOAL.label, &mut plan.goal);
            widgets::paragraph(ui, f::MISSION.label, &mut plan.mission);
        }
        Selection::Policy => policy_ui(ui, plan, edits),
        Selection::Closing => {
            ui.heading("自己評価・今後の方針");
            let overall = &mut plan.overall_evaluation;
            widgets::paragraph(ui, f::OVERALL_EVALUATION.label, overall);
            widgets::paragraph(ui, f::FUTURE_DIRECTION.label, &mut plan.future_direction);
        }
        Selection::Item(id) => {
            if let Some(path) = plan.locate(id) {
                item_ui(ui, plan, path, edits);
            }
        }
    }
}

fn basics_ui(ui: &mut Ui, plan: &mut Plan, edits: &mut Vec<Edit>) {
    ui.heading("基本情報");
    let l = ui.label(format!("{}（西暦の始まりの年）", f::FISCAL_YEAR.label));
    ui.horizontal(|ui| {
        ui.add(egui::DragValue::new(&mut plan.fiscal_year).range(1989..=2100))
            .labelled_by(l.id);
        ui.label(format_fiscal_year(plan.fiscal_year));
    });
    widgets::line(ui, f::WARD.label, &mut plan.ward);
    widgets::line(ui, f::OFFICE.label, &mut plan.office);
    widgets::date(ui, f::PAGE_DATE.label, &mut plan.page_date);
    ui.separator();
    ui.label(f::REVISIONS.label);
    for (n, revision) in plan.revisions.iter_mut().enumerate() {
        ui.push_id(("revision", n), |ui| {
            let mut date = Some(revision.date);
            widgets::date(ui, &numbered(&f::REVISION_DATE, n), &mut date);
            if let Some(d) = date {
                revision.date = d;
            }
            let note = numbered(&f::REVISION_NOTE, n);
            widgets::paragraph(ui, &note, &mut revision.note);
            structure_buttons(ui, Target::Revision(n), edits);
        });
    }
    if ui.button("＋ 改訂履歴を追加").clicked() {
        edits.push(Edit::AddRevision(chrono::Local::now().date_naive()));
    }
    ui.separator();
    ui.label(f::CONTACT.label);
    let c = &mut plan.contact;
    widgets::line(ui, f::CONTACT_SECTION.label, &mut c.section);
    widgets::line(ui, f::CONTACT_POSTAL_CODE.label, &mut c.postal_code);
    widgets::line(ui, f::CONTACT_ADDRESS.label, &mut c.address);
    widgets::line(ui, f::CONTACT_PHONE.label, &mut c.phone);
    widgets::line(ui, f::CONTACT_FAX.label, &mut c.fax);
    widgets::line(ui, f::CONTACT_EMAIL.label, &mut c.email);
    wording_ui(ui, plan);
}

/// The ward's own wording of the printed headings; an empty field prints the
/// era's standard, shown greyed inside it. {年度} {番号} {名称} are filled in.
fn wording_ui(ui: &mut Ui, plan: &mut Plan) {
    use crate::model::Heading;
    ui.separator();
    ui.label(format!(
        "{}（空欄なら年度の標準。{{年度}} {{番号}} {{名称}} は印刷時に入ります）",
        f::WORDING.label
    ));
    let era = plan.era();
    for heading in Heading::ALL {
        let l = ui.label(f::wording_field(heading).label);
        let text = plan.wording.get_mut(heading);
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(heading.standard(era))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    }
}

/// A list entry's label: 改訂日 1, 指標 2.
fn numbered(field: &Field, n: usize) -> String {
    format!("{} {}", field.label, n + 1)
}

fn policy_ui(ui: &mut Ui, plan: &mut Plan, edits: &mut Vec<Edit>) {
    ui.heading(f::POLICY.label);
    for (n, bullet) in plan.policy.iter_mut().enumerate() {
        ui.push_id(n, |ui| {
            let name = format!("{}の{}つ目", f::POLICY.label, n + 1);
            widgets::paragraph(ui, &name, bullet);
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
        for (text, edit) in [
            ("↑ 上へ", Edit::MoveUp(target)),
            ("↓ 下へ", Edit::MoveDown(target)),
            ("複製", Edit::Duplicate(target)),
            ("削除", Edit::Delete(target)),
        ] {
            if ui.button(text).clicked() {
                edits.push(edit);
            }
        }
    });
}

fn pinned_number(ui: &mut Ui, number: &mut Option<u32>, printed: &str) {
    let l = ui.label(format!("{}（空欄なら並び順）", f::NUMBER.label));
    ui.horizontal(|ui| {
        let mut pinned = number.is_some();
        ui.checkbox(&mut pinned, "番号を固定").labelled_by(l.id);
        if pinned {
            let mut n = number.unwrap_or(1);
            ui.add(egui::DragValue::new(&mut n).range(1..=999))
                .labelled_by(l.id);
            *number = Some(n);
        } else {
            *number = None;
        }
        ui.label(format!("印刷される番号: {printed}"));
    });
}

/// The printed number of the item at `path`: 2-1-2.
fn printed_number(plan: &Plan, path: ItemPath) -> String {
    let issues = sibling_numbers(&plan.issues);
    let at = |v: &[u32], k: usize| v.get(k).copied().unwrap_or_default();
    match path {
        ItemPath::Plan => String::new(),
        ItemPath::Issue(i) => label(&[at(&issues, i)]),
        ItemPath::Strategy(i, s) | ItemPath::Initiative(i, s, _) => {
            let Some(issue) = plan.issues.get(i) else {
                return String::new();
            };
            let strategies = sibling_numbers(&issue.strategies);
            let mut parts = vec![at(&issues, i), at(&strategies, s)];
            if let (ItemPath::Initiative(.., k), Some(strategy)) = (path, issue.strategies.get(s)) {
                parts.push(at(&sibling_numbers(&strategy.initiatives), k));
            }
            label(&parts)
        }
    }
}

fn item_ui(ui: &mut Ui, plan: &mut Plan, path: ItemPath, edits: &mut Vec<Edit>) {
    let printed = printed_number(plan, path);
    let Some(part) = plan.get_mut(path) else {
        return;
    };
    match part {
        PartMut::Issue(issue) => {
            ui.heading(format!("経営課題{printed}"));
            structure_buttons(ui, path, edits);
            pinned_number(ui, &mut issue.number, &printed);
            widgets::line(ui, f::TITLE.label, &mut issue.title);
            for (field, text) in [
                (&f::DESCRIPTION, &mut issue.description),
                (&f::VISION, &mut issue.vision),
                (&f::CURRENT_STATE, &mut issue.current_state),
                (&f::CAUSE_ANALYSIS, &mut issue.cause_analysis),
                (&f::CHALLENGE, &mut issue.challenge),
            ] {
                widgets::paragraph(ui, field.label, text);
            }
            if let ItemPath::Issue(i) = path
                && ui.button("＋ 戦略を追加").clicked()
            {
                edits.push(Edit::AddStrategy(i));
            }
        }
        PartMut::Strategy(strategy) => {
            ui.heading(format!("戦略 {printed}"));
            structure_buttons(ui, path, edits);
            pinned_number(ui, &mut strategy.number, &printed);
            widgets::line(ui, f::TITLE.label, &mut strategy.title);
            ui.checkbox(&mut strategy.main, f::MAIN.label);
            widgets::paragraph(ui, f::STRATEGY_TEXT.label, &mut strategy.text);
            widgets::paragraph(ui, f::TARGET_STATE.label, &mut strategy.target_state);
            indicators_ui(ui, path, &mut strategy.indicators, edits);
            review_ui(ui, &f::INTERIM_REVIEW, &mut strategy.interim_review);
            review_ui(ui, &f::SELF_EVALUATION, &mut strategy.self_evaluation);
            if let ItemPath::Strategy(i, s) = path
                && ui.button("＋ 具体的取組を追加").clicked()
            {
                edits.push(Edit::AddInitiative(i, s));
            }
        }
        PartMut::Initiative(initiative) => {
            ui.heading(format!("具体的取組 {printed}"));
            structure_buttons(ui, path, edits);
            pinned_number(ui, &mut initiative.number, &printed);
            widgets::line(ui, f::TITLE.label, &mut initiative.title);
            ui.checkbox(&mut initiative.main, f::MAIN.label);
            widgets::budget(ui, f::BUDGET.label, &mut initiative.budget);
            for (field, text) in [
                (&f::INITIATIVE_TEXT, &mut initiative.text),
                (&f::PAST_RESULTS, &mut initiative.past_results),
                (&f::PERFORMANCE_TARGET, &mut initiative.performance_target),
            ] {
                widgets::paragraph(ui, field.label, text);
            }
            review_ui(ui, &f::INTERIM_REVIEW, &mut initiative.interim_review);
            review_ui(ui, &f::SELF_EVALUATION, &mut initiative.self_evaluation);
        }
    }
}

fn indicators_ui(ui: &mut Ui, at: ItemPath, indicators: &mut [Indicator], edits: &mut Vec<Edit>) {
    ui.separator();
    ui.label(f::INDICATORS.label);
    for (n, indicator) in indicators.iter_mut().enumerate() {
        ui.push_id(("indicator", n), |ui| {
            widgets::line(ui, &numbered(&f::INDICATOR_NAME, n), &mut indicator.name);
            widgets::line(ui, f::INDICATOR_TARGET.label, &mut indicator.target);
            widgets::line(ui, f::INDICATOR_UNIT.label, &mut indicator.unit);
            widgets::line(ui, f::INDICATOR_PERIOD.label, &mut indicator.period);
            for (r, result) in indicator.results.iter_mut().enumerate() {
                ui.push_id(("result", r), |ui| {
                    let l = ui.label(f::RESULT_YEAR.label);
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut result.fiscal_year).range(1989..=2100))
                            .labelled_by(l.id);
                        ui.label(format_fiscal_year(result.fiscal_year));
                        if ui.button("実績を削除").clicked() {
                            edits.push(Edit::Delete(Target::YearResult(at, n, r)));
                        }
                    });
                    widgets::line(ui, f::RESULT_VALUE.label, &mut result.value);
                    widgets::line(ui, f::RESULT_GRADE.label, &mut result.grade);
                });
            }
            ui.horizontal(|ui| {
                if ui.button("＋ 実績を追加").clicked() {
                    edits.push(Edit::AddYearResult(at, n));
                }
                if ui.button("指標を削除").clicked() {
                    edits.push(Edit::Delete(Target::Indicator(at, n)));
                }
            });
        });
    }
    if ui.button("＋ 指標を追加").clicked() {
        edits.push(Edit::AddIndicator(at));
    }
}

fn review_ui(ui: &mut Ui, which: &Field, review: &mut Review) {
    ui.separator();
    let name = which.label;
    ui.push_id(name, |ui| {
        let l = ui.label(format!("{name}の{}", f::REVIEW_STATUS.label));
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
        let comment = format!("{name}の{}", f::REVIEW_COMMENT.label);
        widgets::paragraph(ui, &comment, &mut review.comment);
        let improvement = format!("{name}の{}", f::REVIEW_IMPROVEMENT.label);
        widgets::paragraph(ui, &improvement, &mut review.improvement);
    });
}
