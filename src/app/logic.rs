//! What the window does each frame without drawing (eframe's `App::logic`):
//! files dropped on the window, the close button, the recovery timer, the undo
//! clock and the title.

use std::path::PathBuf;

use crate::app::PlanApp;
use crate::app::command::Command;
use crate::app::dialogs::question::Question;

/// Seconds between recovery copies while there are unsaved changes.
pub const RECOVERY_INTERVAL: f64 = 60.0;

impl PlanApp {
    pub(super) fn logic_step(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.requested) {
            self.run(ctx, command);
        }
        self.dropped_files(ctx);
        self.viewer_failures();
        self.close_request(ctx);
        self.settle_moot_question(ctx);
        self.keep_recovery_copy(ctx);
        self.send_title(ctx);
    }

    /// A dropped `.ron` file opens (asking first about unsaved changes, like any
    /// open); anything else is refused with a word in the status bar.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect()
        });
        for path in dropped {
            let kind = path.extension().map(|e| e.to_ascii_lowercase());
            if kind.as_ref().is_some_and(|e| e == "ron" || e == "bak") {
                self.run(ctx, Command::OpenPath(path));
            } else {
                self.set_status(format!(
                    "{} は運営方針のファイル（.ron、前の版は .bak）ではないので開きません。",
                    path.display()
                ));
            }
        }
    }

    /// The window's close button: with unsaved changes, cancel the close and ask.
    fn close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.quit_confirmed
            && self.doc.has_unsaved_work()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.run(ctx, Command::Close);
        }
    }

    /// An unsaved-changes question whose changes are gone by the time it shows
    /// (saved, or undone) has nothing left to ask: its command runs.
    fn settle_moot_question(&mut self, ctx: &egui::Context) {
        if let Some(Question::Unsaved(_)) = self.questions.current()
            && !self.doc.is_dirty()
            && let Some(Question::Unsaved(then)) = self.questions.take()
        {
            self.run(ctx, *then);
        }
    }

    /// Writes a recovery copy once a minute while there are unsaved changes.
    fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        if self.recovery.is_none() {
            return;
        }
        if !self.doc.is_dirty() || self.questions.recovery_unanswered() {
            self.recovery_clock = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.recovery_clock.get_or_insert(now);
        if now - since >= RECOVERY_INTERVAL {
            self.write_recovery();
            self.recovery_clock = Some(now);
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(RECOVERY_INTERVAL));
    }

    fn send_title(&mut self, ctx: &egui::Context) {
        let title = window_title(
            self.doc.is_dirty(),
            &self.doc.display_name(),
            &self.doc.plan().stage.suffix(),
        );
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }
}

/// The window's title: the unsaved mark, the file's name and the plan's stage
/// (（素案）), unless the name already says it (区運営方針R5（素案）.ron).
fn window_title(dirty: bool, name: &str, stage: &str) -> String {
    let mark = if dirty { "● " } else { "" };
    let says_it = name.strip_suffix(".ron").unwrap_or(name).ends_with(stage);
    let stage = if says_it { "" } else { stage };
    format!("{mark}{name}{stage} — ward-plan 区運営方針エディタ")
}

#[cfg(test)]
mod tests {
    use super::window_title;

    #[test]
    fn the_title_names_the_stage_once() {
        assert_eq!(
            window_title(false, "plan.ron", "（素案）"),
            "plan.ron（素案） — ward-plan 区運営方針エディタ"
        );
        assert_eq!(
            window_title(true, "区運営方針R5（素案）.ron", "（素案）"),
            "● 区運営方針R5（素案）.ron — ward-plan 区運営方針エディタ"
        );
        assert_eq!(
            window_title(false, "見本", ""),
            "見本 — ward-plan 区運営方針エディタ"
        );
    }
}
