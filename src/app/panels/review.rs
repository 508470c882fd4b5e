//! 比較 and 取り込み in the window: another version of the plan beside the open
//! one, its changes listed in a panel with the characters that differ marked,
//! each change taken on its own (取り込む) or all at once (全部取り込む); and the
//! three-way merge of a returned copy, its conflicts settled by a choice. The
//! changes are worked out again whenever the plan changes, so taking one (or
//! undoing it) updates the list.

use egui::text::LayoutJob;
use egui::{Color32, Stroke, TextFormat};

use crate::app::command::Command;
use crate::app::document::Document;
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
        /// The changes from the open plan to the other, and the plan's revision
        /// they were worked out for.
        cache: Option<(u64, Vec<Change>)>,
        /// Every change listed so far, in the order first listed: a change
        /// taken stays in its row (取り込み済み), so the rows below it do not
        /// move under the pointer.
        shown: Vec<Change>,
    },
    /// A returned copy merged into the open plan.
    Merge {
        /// The version that was sent out (boxed: a merge holds two plans).
        base: Box<Plan>,
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
    /// The revision of the open plan it was worked out for.
    revision: u64,
    /// The open plan at that revision.
    mine: Plan,
    /// The combined changes and conflicts.
    merge: Merge,
    /// How many changes the returned copy made to the version sent.
    returned: usize,
    /// The choice made for each conflict so far.
    choices: Vec<Option<Side>>,
    /// What taking the merge would change in the open plan, with the choices
    /// made so far (こちら for a conflict not yet settled).
    effect: Vec<Change>,
    /// The merged plan those changes lead to.
    result: Plan,
}

impl Merging {
    fn new(doc: &Document, merge: Merge, returned: usize) -> Self {
        let choices = vec![None; merge.conflicts.len()];
        let mine = doc.plan();
        let mut merging = Merging {
            revision: doc.revision(),
            mine: mine.clone(),
            merge,
            returned,
            choices,
            effect: Vec::new(),
            result: mine.clone(),
        };
        merging.work_out_effect();
        merging
    }

    fn work_out_effect(&mut self) {
        let choices = &self.choices;
        let result = self
            .merge
            .result(|n| choices.get(n).copied().flatten().unwrap_or(Side::Mine));
        self.effect = compare::diff(&self.mine, &result);
        self.result = result;
    }
}

impl Review {
    /// Brings the worked-out changes up to date with the open plan.
    pub fn refresh(&mut self, doc: &Document) {
        let (plan, revision) = (doc.plan(), doc.revision());
        match self {
            Review::Compare {
                other,
                cache,
                shown,
                ..
            } => {
                if cache.as_ref().is_none_or(|(r, _)| *r != revision) {
                    let changes = compare::diff(plan, other);
                    for change in &changes {
                        if !shown.contains(change) {
                            shown.push(change.clone());
                        }
                    }
                    *cache = Some((revision, changes));
                }
            }
            Review::Merge {
                base,
                theirs,
                cache,
                ..
            } => {
                if cache.as_ref().is_none_or(|c| c.revision != revision) {
                    let merge = Merge::new(base, plan, theirs);
                    // The copy's own changes do not change with the open plan.
                    let returned = cache
                        .as_ref()
                        .map_or_else(|| compare::diff(base, theirs).len(), |c| c.returned);
                    *cache = Some(Box::new(Merging::new(doc, merge, returned)));
                }
            }
        }
    }

    /// The changes still to take: the other version's differences from the
    /// open plan now.
    pub fn pending(&self) -> &[Change] {
        match self {
            Review::Compare {
                cache: Some((_, changes)),
                ..
            } => changes,
            _ => &[],
        }
    }

    /// The rows of the list, taken ones included, for 取り込む by number.
    pub fn shown(&self) -> &[Change] {
        match self {
            Review::Compare { shown, .. } => shown,
            _ => &[],
        }
    }

    /// What taking the merge would change in the open plan.
    pub fn effect(&self) -> &[Change] {
        match self {
            Review::Merge {
                cache: Some(cache), ..
            } => &cache.effect,
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
            cache.work_out_effect();
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
            shown,
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
            if shown.is_empty() {
                ui.label("違いはありません。");
            } else if changes.is_empty() {
                ui.label("すべて取り込みました。");
            }
            let names = Names::new(plan, other);
            for (n, change) in shown.iter().enumerate() {
                ui.push_id(("change", n), |ui| {
                    change_ui(ui, change, &names, &mut jump);
                    // A taken change keeps its row, the same height, so the
                    // next 取り込む stays where it was.
                    let pending = changes.contains(change);
                    let text = if pending {
                        "取り込む"
                    } else {
                        "取り込み済み"
                    };
                    if ui.add_enabled(pending, egui::Button::new(text)).clicked() {
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
            let Merging {
                merge,
                returned,
                choices,
                effect,
                result,
                ..
            } = &**cache;
            ui.heading(format!("取り込み: {name}"));
            ui.label(format!(
                "戻ってきた写しの変更 {returned}件、競合 {}件。下の一覧を確かめて「取り込む」を押すまで、計画は変わりません。",
                merge.conflicts.len()
            ));
            let names = Names::new(base, plan);
            if !merge.conflicts.is_empty() {
                ui.separator();
                ui.strong("競合（両方で直したところ）: どちらを使うか選んでください");
            }
            for (n, conflict) in merge.conflicts.iter().enumerate() {
                ui.push_id(("conflict", n), |ui| {
                    for line in describe_conflict(conflict, &names).lines() {
                        ui.label(marked_job(line, ui.visuals().text_color()));
                    }
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
            ui.separator();
            ui.strong(format!("取り込むと変わるところ（{}件）", effect.len()));
            if effect.is_empty() {
                ui.label("こちらの版と同じです。取り込んでも何も変わりません。");
            }
            let after = Names::new(plan, result);
            for (n, change) in effect.iter().enumerate() {
                ui.push_id(("effect", n), |ui| {
                    change_ui(ui, change, &after, &mut jump);
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
