//! The form on the right: a labelled field for every field of the selected part,
//! each labelled from the field vocabulary (`model::fields`), so the names here
//! are the names warnings and load errors use. Text is edited in place, and
//! each form says whether it changed anything (the document counts changes);
//! structural edits (lists included) are returned as [`Edit`]s.

mod item;

use item::item_ui;

use egui::Ui;

use crate::edit::{Edit, Target};
use crate::model::address::FieldKey;
use crate::model::fields::{self as f, Field};
use crate::model::{Indicator, ItemPath, PartMut, Plan, Review, ReviewStatus};
use crate::numbering::{label, sibling_numbers};
use crate::ui::Selection;
use crate::ui::widgets;

/// Draws the form for `selection`, pushing structural edits to `edits`; returns
/// whether the form changed the plan.
pub fn form_ui(ui: &mut Ui, plan: &mut Plan, selection: Selection, edits: &mut Vec<Edit>) -> bool {
    match selection {
        Selection::Basics => basics_ui(ui, plan, edits),
        Selection::Writing => writing_ui(ui, plan),
        Selection::Goal => {
            ui.heading("目標・使命");
            let goal = widgets::paragraph(ui, f::GOAL.label, plan_key(&f::GOAL), &mut plan.goal);
            let mission = plan_key(&f::MISSION);
            let mission = widgets::paragraph(ui, f::MISSION.label, mission, &mut plan.mission);
            goal.changed() | mission.changed()
        }
        Selection::Policy => policy_ui(ui, plan, edits),
        Selection::Closing => {
            ui.heading("自己評価・今後の方針");
            let overall = &mut plan.overall_evaluation;
            let key = plan_key(&f::OVERALL_EVALUATION);
            let overall = widgets::paragraph(ui, f::OVERALL_EVALUATION.label, key, overall);
            let key = plan_key(&f::FUTURE_DIRECTION);
            let future = widgets::paragraph(
                ui,
                f::FUTURE_DIRECTION.label,
                key,
                &mut plan.future_direction,
            );
            overall.changed() | future.changed()
        }
        Selection::Item(id) => match plan.locate(id) {
            Some(path) => item_ui(ui, plan, path, edits),
            None => false,
        },
    }
}

/// The address of one of the plan's own fields.
fn plan_key(field: &Field) -> FieldKey {
    FieldKey::of(None, field)
}

fn basics_ui(ui: &mut Ui, plan: &mut Plan, edits: &mut Vec<Edit>) -> bool {
    ui.heading("基本情報");
    let label = format!("{}（西暦の始まりの年）", f::FISCAL_YEAR.label);
    let year = plan_key(&f::FISCAL_YEAR);
    let mut changed = widgets::year(ui, &label, year, &mut plan.fiscal_year).changed();
    ui.horizontal(|ui| {
        ui.label(format!(
            "{}（素案・案は各ページの右上に印刷されます）",
            f::STAGE.label
        ));
    });
    ui.horizontal(|ui| {
        for stage in crate::model::Stage::ALL {
            changed |= ui
                .radio_value(&mut plan.stage, stage, stage.label())
                .changed();
        }
    });
    changed |= widgets::line(ui, f::WARD.label, plan_key(&f::WARD), &mut plan.ward).changed();
    let office = plan_key(&f::OFFICE);
    changed |= widgets::line(ui, f::OFFICE.label, office, &mut plan.office).changed();
    let date = plan_key(&f::PAGE_DATE);
    changed |= widgets::date(ui, f::PAGE_DATE.label, date, &mut plan.page_date).changed();
    ui.separator();
    ui.label(f::REVISIONS.label);
    let count = plan.revisions.len();
    for (n, revision) in plan.revisions.iter_mut().enumerate() {
        ui.push_id(("revision", n), |ui| {
            let key = |field| plan_key(field).within(&f::REVISIONS).entry(n);
            let mut date = Some(revision.date);
            let label = numbered(&f::REVISION_DATE, n);
            widgets::date(ui, &label, key(&f::REVISION_DATE), &mut date);
            if let Some(d) = date
                && d != revision.date
            {
                revision.date = d;
                changed = true;
            }
            let note = numbered(&f::REVISION_NOTE, n);
            let text = &mut revision.note;
            changed |= widgets::paragraph(ui, &note, key(&f::REVISION_NOTE), text).changed();
            structure_buttons(ui, Target::Revision(n), (n, count), edits);
        });
    }
    if ui.button("＋ 改訂履歴を追加").clicked() {
        edits.push(Edit::AddRevision(chrono::Local::now().date_naive()));
    }
    ui.separator();
    ui.label(f::CONTACT.label);
    let c = &mut plan.contact;
    for (field, text) in [
        (&f::CONTACT_SECTION, &mut c.section),
        (&f::CONTACT_POSTAL_CODE, &mut c.postal_code),
        (&f::CONTACT_ADDRESS, &mut c.address),
        (&f::CONTACT_PHONE, &mut c.phone),
        (&f::CONTACT_FAX, &mut c.fax),
        (&f::CONTACT_EMAIL, &mut c.email),
    ] {
        let key = plan_key(field).within(&f::CONTACT);
        changed |= widgets::line(ui, field.label, key, text).changed();
    }
    changed | wording_ui(ui, plan)
}

/// The ward's own wording of the printed headings; an empty field prints the
/// era's standard, shown greyed inside it. {年度} {番号} {名称} are filled in.
fn wording_ui(ui: &mut Ui, plan: &mut Plan) -> bool {
    use crate::model::Heading;
    ui.separator();
    ui.label(format!(
        "{}（空欄なら年度の標準。{{年度}} {{番号}} {{名称}} は印刷時に入ります）",
        f::WORDING.label
    ));
    let mut changed = false;
    for heading in Heading::ALL {
        let field = f::wording_field(heading);
        let key = plan_key(field).within(&f::WORDING);
        let standard = standard_as_printed(plan, heading);
        let text = plan.wording.get_mut(heading);
        changed |= widgets::line_with_hint(ui, field.label, key, text, &standard).changed();
    }
    changed
}

/// The era's standard heading as it prints for this plan's first item of its
/// kind (【令和4年度 区運営の…】, 経営課題1 だれもが…): the greyed hint of an empty
/// wording field, which shows no {年度} {番号} {名称} to puzzle over.
fn standard_as_printed(plan: &Plan, heading: crate::model::Heading) -> String {
    use crate::model::Heading;
    let issue = plan.issues.first();
    let strategy = issue.and_then(|i| i.strategies.first());
    let initiative = strategy.and_then(|s| s.initiatives.first());
    let (number, title) = match heading {
        Heading::Issue => ("1", issue.map(|i| i.title.as_str())),
        Heading::Strategy => ("1-1", strategy.map(|s| s.title.as_str())),
        Heading::Initiative => ("1-1-1", initiative.map(|i| i.title.as_str())),
        _ => ("", None),
    };
    let title = title.filter(|t| !t.trim().is_empty()).unwrap_or("（名称）");
    let year = crate::wareki::format_fiscal_year(plan.fiscal_year);
    crate::model::Wording::default().print(heading, plan.era(), &year, number, title)
}

/// 表記のきまり: the ward's choices for the writing check, saved in the plan so
/// that a copy sent to a section checks the same way.
fn writing_ui(ui: &mut Ui, plan: &mut Plan) -> bool {
    use crate::proof::{rules, words::GROUPS};
    let writing = &mut plan.writing;
    let mut changed = false;
    ui.heading(f::WRITING.label);
    ui.label(
        "表記の点検（警告の「表記」）のきまりです。計画のファイルに保存されるので、\
         写しを送った先でも同じように点検されます。",
    );
    ui.separator();
    ui.strong(f::WRITING_PREFERRED.label);
    ui.weak("選ばなければ、この計画で多く使われている書き方にそろえます。");
    egui::Grid::new("preferred").num_columns(2).show(ui, |ui| {
        for group in GROUPS {
            let l = ui.label(group.forms.join("・"));
            let chosen = group
                .forms
                .iter()
                .find(|form| writing.preferred.iter().any(|p| p.trim() == **form));
            let mut choice = chosen.copied();
            egui::ComboBox::from_id_salt(("preferred", group.name))
                .selected_text(choice.unwrap_or("多い方にそろえる"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut choice, None, "多い方にそろえる");
                    for form in group.forms {
                        ui.selectable_value(&mut choice, Some(*form), *form);
                    }
                })
                .response
                .labelled_by(l.id);
            if choice != chosen.copied() {
                writing
                    .preferred
                    .retain(|p| !group.forms.contains(&p.trim()));
                writing.preferred.extend(choice.map(str::to_owned));
                changed = true;
            }
            ui.end_row();
        }
    });
    ui.separator();
    ui.strong(f::WRITING_KEEP.label);
    ui.weak("法令や事業の名前など、書き方を変えない言葉です（例: 子ども・子育て支援法）。点検も「直す」もしません。");
    let mut remove = None;
    for (n, word) in writing.keep.iter_mut().enumerate() {
        ui.push_id(("keep", n), |ui| {
            ui.horizontal(|ui| {
                let key = FieldKey::of(None, &f::WRITING_KEEP)
                    .within(&f::WRITING)
                    .entry(n);
                if ui.button("削除").clicked() {
                    remove = Some(n);
                }
                let label = format!("{} {}", f::WRITING_KEEP.label, n + 1);
                changed |= widgets::line(ui, &label, key, word).changed();
            });
            if word.trim().chars().count() > crate::proof::KEEP_WORD_MAX_CHARS {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "{}字を超える言葉は、点検で使いません（文章ではなく、名前を入れてください）。",
                        crate::proof::KEEP_WORD_MAX_CHARS
                    ),
                );
            }
        });
    }
    if let Some(n) = remove {
        writing.keep.remove(n);
        changed = true;
    }
    ui.horizontal(|ui| {
        let id = ui.make_persistent_id("new keep word");
        let mut word = ui.data_mut(|d| d.get_temp::<String>(id).unwrap_or_default());
        let l = ui.label("追加する言葉");
        let field = ui
            .add(egui::TextEdit::singleline(&mut word).desired_width(200.0))
            .labelled_by(l.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(!word.trim().is_empty(), egui::Button::new("追加"))
            .clicked();
        if (clicked || entered) && !word.trim().is_empty() {
            if !writing.keep.iter().any(|w| w.trim() == word.trim()) {
                writing.keep.push(word.trim().to_owned());
                changed = true;
            }
            word.clear();
        }
        ui.data_mut(|d| d.insert_temp(id, word));
    });
    ui.separator();
    ui.strong("点検すること");
    ui.weak("外した点検は、警告に出ません。");
    for (rule, what) in rules::ALL {
        let mut on = writing.is_on(rule);
        if ui.checkbox(&mut on, format!("{rule}: {what}")).changed() {
            writing.set_on(rule, on);
            changed = true;
        }
    }
    changed
}

/// A list entry's label: 改訂日 1, 指標 2.
fn numbered(field: &Field, n: usize) -> String {
    format!("{} {}", field.label, n + 1)
}

fn policy_ui(ui: &mut Ui, plan: &mut Plan, edits: &mut Vec<Edit>) -> bool {
    ui.heading(f::POLICY.label);
    // A lead and a closing paragraph print without a ・, above and below.
    ui.weak("前文と結びは箇条の前後に「・」なしで印刷されます（なければ空欄のまま）。");
    let lead = plan_key(&f::POLICY_LEAD);
    let lead = widgets::paragraph(ui, f::POLICY_LEAD.label, lead, &mut plan.policy_lead);
    let mut changed = lead.changed();
    ui.separator();
    let count = plan.policy.len();
    for (n, bullet) in plan.policy.iter_mut().enumerate() {
        ui.push_id(n, |ui| {
            let name = format!("{}の{}つ目", f::POLICY.label, n + 1);
            let key = plan_key(&f::POLICY).entry(n);
            changed |= widgets::paragraph(ui, &name, key, bullet).changed();
            structure_buttons(ui, Target::Policy(n), (n, count), edits);
        });
    }
    if ui.button("＋ 考え方を追加").clicked() {
        edits.push(Edit::AddPolicy);
    }
    ui.separator();
    let closing = plan_key(&f::POLICY_CLOSING);
    let closing = widgets::paragraph(
        ui,
        f::POLICY_CLOSING.label,
        closing,
        &mut plan.policy_closing,
    );
    changed | closing.changed()
}

/// Move, duplicate and delete buttons for an item or a list entry, entry
/// `place.0` of `place.1`: 上へ is off on the first and 下へ on the last.
fn structure_buttons(
    ui: &mut Ui,
    target: impl Into<Target>,
    (n, count): (usize, usize),
    edits: &mut Vec<Edit>,
) {
    let target = target.into();
    ui.horizontal(|ui| {
        for (text, edit, enabled) in [
            ("↑ 上へ", Edit::MoveUp(target), n > 0),
            ("↓ 下へ", Edit::MoveDown(target), n + 1 < count),
            ("複製", Edit::Duplicate(target), true),
            ("削除", Edit::Delete(target), true),
        ] {
            if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
                edits.push(edit);
            }
        }
    });
}

/// The 番号 row; returns whether the number changed.
fn pinned_number(ui: &mut Ui, key: FieldKey, number: &mut Option<u32>, printed: &str) -> bool {
    let was = *number;
    let l = ui.label(format!("{}（空欄なら並び順）", f::NUMBER.label));
    ui.horizontal(|ui| {
        let mut pinned = number.is_some();
        ui.checkbox(&mut pinned, "番号を固定").labelled_by(l.id);
        if pinned {
            let mut n = i32::try_from(number.unwrap_or(1)).unwrap_or(1);
            widgets::stepper(ui, l.id, key, &mut n, 1..=999);
            *number = u32::try_from(n).ok();
        } else {
            *number = None;
        }
        ui.label(format!("印刷される番号: {printed}"));
    });
    *number != was
}

/// Where an item is among its siblings: its index and how many there are.
fn place(plan: &Plan, path: ItemPath) -> (usize, usize) {
    let count = match path {
        ItemPath::Plan => 0,
        ItemPath::Issue(_) => plan.issues.len(),
        ItemPath::Strategy(i, _) => plan.issues.get(i).map_or(0, |x| x.strategies.len()),
        ItemPath::Initiative(i, s, _) => plan
            .issues
            .get(i)
            .and_then(|x| x.strategies.get(s))
            .map_or(0, |x| x.initiatives.len()),
    };
    let index = match path {
        ItemPath::Plan => 0,
        ItemPath::Issue(k) | ItemPath::Strategy(_, k) | ItemPath::Initiative(_, _, k) => k,
    };
    (index, count)
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

#[cfg(test)]
mod tests {
    use super::standard_as_printed;
    use crate::model::Heading;

    #[test]
    fn the_hint_shows_the_heading_as_printed() {
        let plan = crate::sample();
        assert_eq!(
            standard_as_printed(&plan, Heading::Issue),
            format!("経営課題1 {}", plan.issues[0].title)
        );
        assert_eq!(
            standard_as_printed(&plan, Heading::Policy),
            "【令和4年度 区運営の基本的な考え方(区長の方針)】"
        );
        for heading in Heading::ALL {
            let hint = standard_as_printed(&plan, heading);
            assert!(!hint.contains('{'), "{heading:?}: {hint}");
        }
    }
}
