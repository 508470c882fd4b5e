//! 校閲 → 振り返りの記入状況: every strategy and initiative with its 中間振り返り
//! and 自己評価, how many are written, only what is missing if asked; a click
//! opens the item's form with the cursor in that review, and folds the window
//! to its title bar so it does not cover the field.

use crate::model::address::FieldKey;
use crate::model::fields::{self as f, Field};
use crate::model::{ItemId, Plan};
use crate::progress::{self, State};

use crate::app::command::Command;

/// The window's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Show only items with a review not yet written.
    pub only_missing: bool,
}

/// Draws the window; `open` goes false when it is closed.
pub fn progress_ui(
    ctx: &egui::Context,
    plan: &Plan,
    view: &mut Progress,
    open: &mut bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let entries = progress::entries(plan);
    let id = egui::Id::unique("ward-plan progress window");
    egui::Window::new("振り返りの記入状況")
        .id(id)
        .open(open)
        .default_size([620.0, 420.0])
        .show(ctx, |ui| {
            ui.label(progress::summary(&entries));
            ui.checkbox(&mut view.only_missing, "記入が済んでいないものだけ");
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("progress").striped(true).show(ui, |ui| {
                    ui.strong("項目");
                    ui.strong(f::INTERIM_REVIEW.label);
                    ui.strong(f::SELF_EVALUATION.label);
                    ui.end_row();
                    for entry in &entries {
                        let done = entry.interim.is_done() && entry.evaluation.is_done();
                        if view.only_missing && done {
                            continue;
                        }
                        ui.label(format!("{} {}", entry.name, entry.title));
                        for (which, state) in [
                            (&f::INTERIM_REVIEW, entry.interim),
                            (&f::SELF_EVALUATION, entry.evaluation),
                        ] {
                            ui.push_id((entry.id, which.key), |ui| {
                                if state_link(ui, state).clicked() {
                                    commands.push(open_review(entry.id, which, state));
                                }
                            });
                        }
                        ui.end_row();
                    }
                });
            });
        });
    if !commands.is_empty() {
        // The jump opens a field this window would cover: it folds to its
        // title bar, a click on which brings the list back.
        let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
            ctx,
            id.with("collapsing"),
            true,
        );
        state.set_open(false);
        state.store(ctx);
    }
    commands
}

/// A review's state as a link; a written one in the normal colour.
fn state_link(ui: &mut egui::Ui, state: State) -> egui::Response {
    let text = state.label();
    if state.is_done() {
        ui.link(text)
    } else {
        ui.link(egui::RichText::new(text).color(ui.visuals().warn_fg_color))
    }
}

/// The command that opens a review on its item's form, the cursor in what is
/// missing first: the 所見, or for ② the 課題と改善策.
fn open_review(id: ItemId, which: &Field, state: State) -> Command {
    let field = if state.comment && state.status == crate::model::ReviewStatus::NotAchieved {
        &f::REVIEW_IMPROVEMENT
    } else {
        &f::REVIEW_COMMENT
    };
    Command::OpenField(id, FieldKey::of(Some(id), field).within(which))
}
