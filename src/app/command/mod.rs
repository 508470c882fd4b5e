//! The command table: every action a menu offers, with its label, its menu and its
//! shortcuts. The menus, the keyboard handling and the README's shortcut table
//! (checked by a test) all read it, so they cannot drift apart.

mod exchange;
mod files;
pub mod output;
mod run;
mod search;

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

/// An action from the menus or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start an empty plan.
    New,
    /// Open a file chosen in a dialog.
    Open,
    /// Open a backup (`.bak`, the version before the last save) as a new,
    /// unsaved plan, so saving never overwrites the backup (前の版を開く…).
    OpenBackup,
    /// Save to the current file (or ask for one).
    Save,
    /// Save under a new name.
    SaveAs,
    /// Write the PDF to a file chosen in a dialog.
    ExportPdf,
    /// Write the 概要版 (A4 landscape, a row per strategy) to a file.
    ExportOverview,
    /// Start next year's plan from this one (a new, unsaved file).
    NextYear,
    /// Undo the last change to the plan.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Compare with another version (比較…).
    Compare,
    /// Write the copy to send to the sections, keeping the version sent (各課に送る…).
    Send,
    /// Take returned copies, each from the version it was sent as (取り込み…).
    Merge,
    /// Print: a PDF handed to the system's viewer to print from (印刷…).
    Print,
    /// Show or hide the print preview.
    TogglePreview,
    /// The version and the fonts' licences (このソフトについて).
    About,
    /// Make a plan from a ward's published page (Webページから取り込む…).
    ImportPage,
    /// Open the search bar (検索).
    Find,
    /// Open the search bar with the replace row (置換).
    Replace,
    /// Show the next hit of the search.
    FindNext,
    /// Show the previous hit of the search.
    FindPrevious,
    /// The review work: which reviews are written (振り返りの記入状況…).
    Progress,
    /// The guide (ヘルプ).
    Help,
    /// Quit (終了), asking about unsaved changes first.
    Quit,
}

/// The menu an action is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// ファイル.
    File,
    /// 編集.
    Edit,
    /// 表示: the preview and the theme.
    View,
    /// 校閲: comparing and merging versions, the review work.
    Review,
    /// ヘルプ.
    Help,
}

impl Menu {
    /// The menus, in the bar's order.
    pub const ALL: [Menu; 5] = [Menu::File, Menu::Edit, Menu::View, Menu::Review, Menu::Help];
}

impl Menu {
    /// The menu's title.
    pub fn label(self) -> &'static str {
        match self {
            Menu::File => "ファイル",
            Menu::Edit => "編集",
            Menu::View => "表示",
            Menu::Review => "校閲",
            Menu::Help => "ヘルプ",
        }
    }
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        key,
    )
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Action; 24] = [
        Action::New,
        Action::Open,
        Action::OpenBackup,
        Action::ImportPage,
        Action::Save,
        Action::SaveAs,
        Action::ExportPdf,
        Action::ExportOverview,
        Action::Print,
        Action::NextYear,
        Action::Quit,
        Action::Undo,
        Action::Redo,
        Action::Find,
        Action::Replace,
        Action::FindNext,
        Action::FindPrevious,
        Action::TogglePreview,
        Action::Compare,
        Action::Send,
        Action::Merge,
        Action::Progress,
        Action::Help,
        Action::About,
    ];

    /// The menu entry's text (… where a dialog follows).
    pub fn label(self) -> &'static str {
        match self {
            Action::New => "新規",
            Action::Open => "開く…",
            Action::OpenBackup => "前の版を開く…",
            Action::Save => "上書き保存",
            Action::SaveAs => "名前を付けて保存…",
            Action::ExportPdf => "PDFに書き出し…",
            Action::ExportOverview => "概要版をPDFに書き出す…",
            Action::NextYear => "次年度の方針を作る",
            Action::Undo => "元に戻す",
            Action::Redo => "やり直し",
            Action::Compare => "比較…",
            Action::Send => "各課に送る…",
            Action::Merge => "取り込み…",
            Action::Progress => "振り返りの記入状況…",
            Action::Print => "印刷…",
            Action::TogglePreview => "印刷プレビュー",
            Action::About => "このソフトについて",
            Action::ImportPage => "Webページから取り込む…",
            Action::Find => "検索…",
            Action::Replace => "置換…",
            Action::FindNext => "次を検索",
            Action::FindPrevious => "前を検索",
            Action::Help => "ヘルプ",
            Action::Quit => "終了",
        }
    }

    /// The menu it is in.
    pub fn menu(self) -> Menu {
        match self {
            Action::Undo
            | Action::Redo
            | Action::Find
            | Action::Replace
            | Action::FindNext
            | Action::FindPrevious => Menu::Edit,
            Action::Compare | Action::Send | Action::Merge | Action::Progress => Menu::Review,
            Action::TogglePreview => Menu::View,
            Action::About | Action::Help => Menu::Help,
            _ => Menu::File,
        }
    }

    /// Its shortcuts, the one shown in the menu first. Ctrl on Windows is ⌘ on a
    /// Mac (`Modifiers::COMMAND`).
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const NEW: [KeyboardShortcut; 1] = [cmd(Key::N)];
        const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
        const SAVE_AS: [KeyboardShortcut; 1] = [cmd_shift(Key::S)];
        const PRINT: [KeyboardShortcut; 1] = [cmd(Key::P)];
        const PREVIEW: [KeyboardShortcut; 1] = [cmd_shift(Key::P)];
        const FIND: [KeyboardShortcut; 1] = [cmd(Key::F)];
        // Ctrl+H as in Word; ⌘H hides the app on a Mac, where ⌥⌘F is the habit.
        const REPLACE: [KeyboardShortcut; 2] = [
            cmd(Key::H),
            KeyboardShortcut::new(
                Modifiers {
                    alt: true,
                    ..Modifiers::COMMAND
                },
                Key::F,
            ),
        ];
        const FIND_NEXT: [KeyboardShortcut; 2] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::F3), cmd(Key::G)];
        const FIND_PREVIOUS: [KeyboardShortcut; 2] = [
            KeyboardShortcut::new(Modifiers::SHIFT, Key::F3),
            cmd_shift(Key::G),
        ];
        const HELP: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F1)];
        const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
        match self {
            Action::New => &NEW,
            Action::Open => &OPEN,
            Action::Save => &SAVE,
            Action::SaveAs => &SAVE_AS,
            Action::Undo => &UNDO,
            Action::Redo => &REDO,
            Action::Print => &PRINT,
            Action::TogglePreview => &PREVIEW,
            Action::Find => &FIND,
            Action::Replace => &REPLACE,
            Action::FindNext => &FIND_NEXT,
            Action::FindPrevious => &FIND_PREVIOUS,
            Action::Help => &HELP,
            Action::Quit => &QUIT,
            Action::OpenBackup
            | Action::ExportPdf
            | Action::ExportOverview
            | Action::NextYear
            | Action::Compare
            | Action::Send
            | Action::Merge
            | Action::Progress
            | Action::About
            | Action::ImportPage => &[],
        }
    }

    /// Whether a focused text field other than the plan's own has its own
    /// meaning for the shortcut: Ctrl+Z in the search box undoes the search
    /// text, as in Word's find box. In the plan's fields, and anywhere else, it
    /// is the plan's one history (typing there settles into its steps), so it
    /// undoes the last change wherever the cursor is.
    pub fn yields_to_text_field(self) -> bool {
        matches!(self, Action::Undo | Action::Redo)
    }

    /// The shortcut as written on Windows (`Ctrl+Shift+Z`) or a Mac (`⇧⌘Z`).
    pub fn shortcut_text(self, mac: bool) -> Option<String> {
        let names = if mac {
            ModifierNames::SYMBOLS
        } else {
            ModifierNames::NAMES
        };
        let all: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| s.format(&names, mac))
            .collect();
        (!all.is_empty()).then(|| all.join(" / "))
    }
}

/// Something for the window to do, run once the frame's UI is built.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// A menu action or a shortcut.
    Run(Action),
    /// Open this file (最近使ったファイル, a file dropped on the window).
    OpenPath(PathBuf),
    /// The answer to the question on top of the queue.
    Answer(Answer),
    /// Run the command without asking about unsaved changes: the user chose
    /// 保存しない for it.
    Discarding(Box<Command>),
    /// Save, then run the command only if the save happened (保存 in the
    /// unsaved-changes question; cancelling the save dialog cancels both).
    SaveThen(Box<Command>),
    /// Put the recovery copy in the window (復元する).
    Restore(Box<crate::recovery::Recovered>),
    /// Quit (asked about unsaved changes first, like any command that would
    /// lose them).
    Close,
    /// Compare the open plan with this file (比較…, or `--compare` at start).
    CompareWith(PathBuf),
    /// Take change `n` of the comparison (取り込む).
    Take(usize),
    /// Take every change of the comparison (全部取り込む).
    TakeAll,
    /// Settle conflict `n` of the merge with one side.
    Choose(usize, crate::compare::Side),
    /// Put the merged plan in the window (取り込む in the merge panel).
    FinishMerge,
    /// Close the comparison or merge panel.
    CloseReview,
    /// Use this colour theme (表示 → テーマ).
    Theme(crate::app::AppTheme),
    /// Make a plan from this page text and put it in the window.
    ImportText(String),
    /// Read a saved page (.txt or .html) into the import dialog.
    LoadPage,
    /// Close the import dialog.
    CloseImport,
    /// Show hit `n` of the search: its form, the cursor on it.
    ShowHit(usize),
    /// Replace hit `n` of the search, then show the next.
    ReplaceHit(usize),
    /// Replace every hit of the search, as one undo step.
    ReplaceAll,
    /// Close the search bar.
    CloseSearch,
    /// Choose one of the two files of 取り込み… in a dialog.
    PickMergeFile(crate::app::dialogs::merge_setup::MergeFile),
    /// Compare the two files chosen for 取り込み… and list what would change.
    StartMerge,
    /// Close the 取り込み… file chooser.
    CloseMergeSetup,
    /// Put the cursor in a field, with part of its text selected (a warning
    /// about the writing was clicked).
    FocusField(crate::ui::widgets::FocusRequest),
    /// Show item `.0`'s form with the cursor in field `.1` (振り返りの記入状況).
    OpenField(crate::model::ItemId, crate::model::address::FieldKey),
    /// 直す: one finding about the writing, fixed as one undo step.
    Fix(crate::check::Span),
    /// すべて直す: every fixable finding of one rule, as one undo step.
    FixAll(&'static str),
}

impl Command {
    /// Whether the command puts another plan in the window, or closes it: such a
    /// command is asked about when there are unsaved changes, whatever else is
    /// open.
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Command::Run(Action::New | Action::Open | Action::OpenBackup | Action::NextYear)
                | Command::OpenPath(_)
                | Command::ImportText(_)
                | Command::Restore(_)
                | Command::Close
        )
    }
}

/// The actions whose shortcuts were pressed this frame, each consumed so egui
/// does not act on it too. Shortcuts with more modifiers are tried first, so that
/// Ctrl+Shift+Z is redo and not undo.
pub fn pressed(ctx: &egui::Context, enabled: impl Fn(Action) -> bool) -> Vec<Action> {
    let text_focused = ctx.text_edit_focused() && !crate::ui::widgets::plan_field_has_focus(ctx);
    let mut candidates: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .into_iter()
        .filter(|a| !(text_focused && a.yields_to_text_field()))
        .flat_map(|a| a.shortcuts().iter().map(move |s| (a, *s)))
        .collect();
    candidates.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (action, shortcut) in candidates {
            if i.consume_shortcut(&shortcut) && enabled(action) && !out.contains(&action) {
                out.push(action);
            }
        }
    });
    out
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.ctrl, m.shift, m.mac_cmd, m.command]
        .iter()
        .filter(|b| **b)
        .count()
}

/// The shortcut table of the README, from the command table.
pub fn shortcut_table() -> String {
    let mut out = String::from("| 操作 | Windows | macOS |\n| --- | --- | --- |\n");
    for action in Action::ALL {
        if let (Some(win), Some(mac)) = (action.shortcut_text(false), action.shortcut_text(true)) {
            let label = action.label().trim_end_matches('…');
            out.push_str(&format!("| {label} | {win} | {mac} |\n"));
        }
    }
    out
}

/// An answer to the question on top of the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// 保存.
    Save,
    /// 保存しない.
    Discard,
    /// キャンセル.
    Cancel,
    /// 復元する.
    Restore,
    /// 破棄する (the recovery copy).
    DropRecovery,
    /// OK.
    Ok,
    /// 削除する.
    Delete,
    /// 書き加える (last year's 自己評価 into 前年度までの実績).
    Copy,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let all: Vec<(Action, KeyboardShortcut)> = Action::ALL
            .into_iter()
            .flat_map(|a| a.shortcuts().iter().map(move |s| (a, *s)))
            .collect();
        for (n, (a, s)) in all.iter().enumerate() {
            for (b, t) in &all[n + 1..] {
                assert!(s != t, "{a:?} and {b:?} share {s:?}");
            }
        }
    }

    #[test]
    fn the_readme_table_is_the_command_table() {
        let readme = include_str!("../../../README.md");
        let table = shortcut_table();
        // Once in the Japanese part, once in the English one.
        assert_eq!(
            readme.matches(&table).count(),
            2,
            "README.md's shortcut tables differ from the command table; both should read:\n{table}"
        );
        assert!(table.contains("| 上書き保存 | Ctrl+S | ⌘S |"), "{table}");
        for action in ["| 検索 |", "| 置換 |", "| ヘルプ | F1 |"] {
            assert!(table.contains(action), "{action} missing from\n{table}");
        }
    }
}
