//! 取り込み…, first step: choosing the two files a merge needs, each on its own
//! row that says which one it is, so the copy that was sent out and the copy that
//! came back cannot be swapped by a look-alike dialog.

use std::path::PathBuf;

/// One of the two files of a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MergeFile {
    /// The version that was sent out (the common base).
    Sent,
    /// The copy that came back.
    Returned,
}

impl MergeFile {
    /// Its short name: 送った版, 戻ってきた版.
    pub fn short(self) -> &'static str {
        match self {
            MergeFile::Sent => "送った版",
            MergeFile::Returned => "戻ってきた版",
        }
    }

    /// The row's label, and the file dialog's title.
    pub fn label(self) -> &'static str {
        match self {
            MergeFile::Sent => "送った版（相手に送ったときのファイル）",
            MergeFile::Returned => "戻ってきた版（相手が直して返してきたファイル）",
        }
    }
}

/// The files chosen so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeSetup {
    /// 送った版.
    pub sent: Option<PathBuf>,
    /// 戻ってきた版.
    pub returned: Option<PathBuf>,
    /// Why the window asks for the version sent (the copy has no known mark).
    pub note: Option<String>,
}

impl MergeSetup {
    /// The slot for `which`.
    pub fn slot(&mut self, which: MergeFile) -> &mut Option<PathBuf> {
        match which {
            MergeFile::Sent => &mut self.sent,
            MergeFile::Returned => &mut self.returned,
        }
    }
}

/// What was clicked in the chooser (the window turns it into a command).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Click {
    /// 送った版を選ぶ… or 戻ってきた版を選ぶ….
    Pick(MergeFile),
    /// 変更を確かめる.
    Start,
    /// キャンセル.
    Cancel,
}

/// Draws the chooser; returns what was clicked.
pub fn merge_setup_ui(ctx: &egui::Context, setup: &MergeSetup) -> Vec<Click> {
    let mut commands = Vec::new();
    egui::Window::new("取り込み（戻ってきた写しを取り込む）")
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(
                "写しを送ったときのファイルと、戻ってきたファイルを選んでください。\n\
                 開いている計画（こちらの版）に、相手が直したところを取り込みます。\n\
                 取り込む前に、変わるところの一覧が出ます。",
            );
            if let Some(note) = &setup.note {
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
            ui.separator();
            for (n, which) in [MergeFile::Sent, MergeFile::Returned]
                .into_iter()
                .enumerate()
            {
                let chosen = match which {
                    MergeFile::Sent => &setup.sent,
                    MergeFile::Returned => &setup.returned,
                };
                ui.label(format!("{}. {}", n + 1, which.label()));
                ui.horizontal(|ui| {
                    if ui.button(format!("{}を選ぶ…", which.short())).clicked() {
                        commands.push(Click::Pick(which));
                    }
                    ui.label(chosen.as_ref().map_or_else(
                        || "（まだ選んでいません）".to_owned(),
                        |p| p.display().to_string(),
                    ));
                });
            }
            ui.separator();
            ui.horizontal(|ui| {
                let ready = setup.sent.is_some() && setup.returned.is_some();
                if ui
                    .add_enabled(ready, egui::Button::new("変更を確かめる"))
                    .clicked()
                {
                    commands.push(Click::Start);
                }
                if ui.button("キャンセル").clicked() {
                    commands.push(Click::Cancel);
                }
            });
        });
    commands
}
