//! 比較 and 取り込み in the window: another version of the plan beside the open
//! one, its changes listed in a panel with the characters that differ marked,
//! each change taken on its own (取り込む) or all at once (全部取り込む); and the
//! three-way merge of a returned copy, its conflicts settled by a choice. The
//! changes are worked out again whenever the plan changes, so taking one (or
//! undoing it) updates the list.

use egui::text::LayoutJob;
use egui::{Color32, Stroke, TextFormat};

use super::command::Command;
use crate::compare::report::{Names, describe, describe_conflict, kind};
use crate::compare::{self, Change, Merge, Side};
use crate::model::{ItemId, Plan};

/// What the review panel shows.
pub enum Review {
    /// The open plan against another version.
    Compare {
        /// The other version.
        other: Plan,
        /// Its file name, for the panel's title.
        name: String,
        /// The changes from the open plan to the other, and the plan they were
        /// worked out for.
        cache: Option<(Plan, Vec<Change>)>,
    },
    /// A returned copy merged into the open plan.
    Merge {
        /// The version that was sent out.
        base: Plan,
        /// The copy that came back.
        theirs: Plan,
        /// Its file name.
        name: String,
        /// The merge worked out for the open plan, with the choices made so far.
        cache: Option<Box<Merging>>,
    },
}

/// A merge worked out for one state of the open plan.
pub struct Merging {
    /// The open plan it was worked out for.
    mine: Plan,
    /// The combined changes and conflicts.
    merge: Merge,
    /// The choice made for each conflict so far.
    choices: Vec<Option<Side>>,
}

impl Review {
    /// Brings the worked-out changes up to date with `plan`.
    pub fn refresh(&mut self, plan: &Plan) {
        match self {
            Review::Compare { other, cache, .. } => {
                if cache.as_ref().is_none_or(|(p, _)| p != plan) {
                    *cache = Some((plan.clone(), compare::diff(plan, other)));
                }
            }
            Review::Merge {
                base,
                theirs,
                cache,
                ..
            } => {
                if cache.as_ref().is_none_or(|c| c.mine != *plan) {
                    let merge = Merge::new(base, plan, theirs);
                    let choices = vec![None; merge.conflicts.len()];
                    *cache = Some(Box::new(Merging {
                        mine: plan.clone(),
                        merge,
                        choices,
                    }));
                }
            }
        }
    }

    /// The changes listed, for 取り込む by number.
    pub fn changes(&self) -> &[Change] {
        match self {
            Review::Compare {
                cache: Some((_, changes)),
                ..
            } => changes,
            _ => &[],
        }
    }

    /// Records the choice for conflict `n`.
    pub fn choose(&mut self, n: usize, side: Side) {
        if let Review::Merge {
            cache: Some(cache), ..
        } = self
            && let Some(choice) = cache.choices.get_mut(n)
        {
            *choice = Some(side);
        }
    }

    /// The merged plan, once every conflict has a choice.
    pub fn merged(&self) -> Option<Plan> {
        match self {
            Review::Merge {
                cache: Some(cache), ..
            } => {
                let Merging { merge, choices, .. } = &**cache;
                choices
                    .iter()
                    .all(Option::is_some)
                    .then(|| merge.result(|n| choices[n].unwrap_or(Side::Mine)))
            }
            _ => None,
        }
    }
}

/// Where a change is, to show its item's form.
pub fn item_of(change: &Change) -> Option<ItemId> {
    match change {
        Change::Field { item, .. } => *item,
        Change::Moved { id, .. } => Some(*id),
        Change::Added { at, .. } => at.parent,
        Change::Deleted { subtree } => Some(subtree.id()),
    }
}

/// Draws the review panel; returns the commands clicked and the item to show.
pub fn review_ui(
    ui: &mut egui::Ui,
    review: &Review,
    plan: &Plan,
) -> (Vec<Command>, Option<ItemId>) {
    let mut commands = Vec::new();
    let mut jump = None;
    match review {
        Review::Compare {
            other,
            name,
            cache: Some((_, changes)),
        } => {
            ui.heading(format!("比較: {name}"));
            ui.label(
                "左の計画（今の版）と比べた、相手の版の違いです。「取り込む」で相手の値にします。",
            );
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!changes.is_empty(), egui::Button::new("全部取り込む"))
                    .clicked()
                {
                    commands.push(Command::TakeAll);
                }
                if ui.button("比較を閉じる").clicked() {
                    commands.push(Command::CloseReview);
                }
            });
            ui.separator();
            if changes.is_empty() {
                ui.label("違いはありません。");
            }
            let names = Names::new(plan, other);
            for (n, change) in changes.iter().enumerate() {
                ui.push_id(("change", n), |ui| {
                    change_ui(ui, change, &names, &mut jump);
                    if ui.button("取り込む").clicked() {
                        commands.push(Command::Take(n));
                    }
                    ui.separator();
                });
            }
        }
        Review::Merge {
            name,
            cache: Some(cache),
            base,
            ..
        } => {
            let Merging { merge, choices, .. } = &**cache;
            ui.heading(format!("取り込み: {name}"));
            ui.label(format!(
                "送った版からの変更 {}件、競合 {}件。",
                merge.change_count(),
                merge.conflicts.len()
            ));
            let names = Names::new(base, plan);
            for (n, conflict) in merge.conflicts.iter().enumerate() {
                ui.push_id(("conflict", n), |ui| {
                    ui.label(describe_conflict(conflict, &names));
                    ui.horizontal(|ui| {
                        for (side, label) in
                            [(Side::Mine, "こちらを使う"), (Side::Theirs, "相手を使う")]
                        {
                            if ui
                                .selectable_label(choices[n] == Some(side), label)
                                .clicked()
                            {
                                commands.push(Command::Choose(n, side));
                            }
                        }
                    });
                    ui.separator();
                });
            }
            ui.horizontal(|ui| {
                let ready = choices.iter().all(Option::is_some);
                if ui
                    .add_enabled(ready, egui::Button::new("取り込む"))
                    .clicked()
                {
                    commands.push(Command::FinishMerge);
                }
                if ui.button("やめる").clicked() {
                    commands.push(Command::CloseReview);
                }
            });
        }
        _ => {}
    }
    (commands, jump)
}

/// One change: what it is (a link to its item) and the texts with marks.
fn change_ui(ui: &mut egui::Ui, change: &Change, names: &Names, jump: &mut Option<ItemId>) {
    let text = describe(change, names);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let title = format!(
        "({}) {}",
        kind(change),
        first.split_once(": ").map_or(first, |(_, t)| t)
    );
    if ui.link(title).clicked() {
        *jump = item_of(change);
    }
    for line in lines {
        ui.label(marked_job(line.trim_start(), ui.visuals().text_color()));
    }
}

/// A report line with «…» marks drawn as underlined, coloured characters.
fn marked_job(line: &str, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat {
        color,
        ..TextFormat::default()
    };
    let mark = TextFormat {
        color: Color32::from_rgb(0xb0, 0x30, 0x20),
        underline: Stroke::new(1.5, Color32::from_rgb(0xb0, 0x30, 0x20)),
        ..TextFormat::default()
    };
    let mut inside = false;
    for part in line.split(['«', '»']) {
        job.append(part, 0.0, if inside { mark.clone() } else { plain.clone() });
        inside = !inside;
    }
    job
}
