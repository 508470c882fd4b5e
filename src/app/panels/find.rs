//! The 検索と置換 bar under the menu: what is typed, the hits (worked out again
//! whenever the plan or the query changes) and the one shown. Drawing returns
//! commands; showing a hit and replacing happen in `run`.

use crate::app::command::{Action, Command};
use crate::app::document::Document;
use crate::search::{self, Hit, Query};

/// The search bar's state while it is open.
#[derive(Default)]
pub struct SearchBar {
    /// What to look for, and how.
    pub query: Query,
    /// The text to put in place of each hit.
    pub replacement: String,
    /// Whether the 置換 row is shown.
    pub replacing: bool,
    /// The hit last shown, by its place in the list.
    pub current: Option<usize>,
    /// Put the cursor in 検索 when it is next drawn.
    pub focus_query: bool,
    /// The step to a hit was asked from the bar itself (Enter, 前へ, 次へ), so
    /// the keyboard stays in 検索.
    pub from_box: bool,
    /// The hit the list was last scrolled to: it follows 次へ and 前へ, and is
    /// left alone otherwise so the list can be scrolled by hand.
    scrolled_to: Option<usize>,
    /// The hits, with the plan's revision and the query they were found for.
    cache: Option<(u64, Query, Vec<Hit>)>,
}

impl SearchBar {
    /// The hits in the document's plan, found again when the plan or the query
    /// changed.
    pub fn hits(&mut self, doc: &Document) -> &[Hit] {
        let revision = doc.revision();
        let stale = self
            .cache
            .as_ref()
            .is_none_or(|(r, q, _)| *r != revision || *q != self.query);
        if stale {
            let hits = search::find(doc.plan(), &self.query);
            self.cache = Some((revision, self.query.clone(), hits));
        }
        self.cache.as_ref().map_or(&[], |(_, _, h)| h.as_slice())
    }

    /// The hit after (or before) the one shown, going round at the ends.
    pub fn step(&mut self, doc: &Document, forward: bool) -> Option<usize> {
        let count = self.hits(doc).len();
        if count == 0 {
            return None;
        }
        Some(match (self.current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(n), true) => (n + 1) % count,
            (Some(n), false) => (n + count - 1) % count,
        })
    }
}

/// Draws the bar; returns what was asked for.
pub fn search_bar_ui(ui: &mut egui::Ui, bar: &mut SearchBar, doc: &Document) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("検索");
        let query = ui
            .add(
                egui::TextEdit::singleline(&mut bar.query.text)
                    .id(egui::Id::unique("search query"))
                    .desired_width(200.0)
                    .hint_text("探す言葉"),
            )
            .labelled_by(l.id);
        if bar.focus_query {
            query.request_focus();
            bar.focus_query = false;
        }
        if query.changed() {
            bar.current = None;
        }
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if query.lost_focus() && enter {
            bar.from_box = true;
            commands.push(Command::Run(if ui.input(|i| i.modifiers.shift) {
                Action::FindPrevious
            } else {
                Action::FindNext
            }));
        } else if query.lost_focus() && escape {
            commands.push(Command::CloseSearch);
        }
        ui.checkbox(&mut bar.query.loose, "全角・半角を区別しない");
        let count = bar.hits(doc).len();
        if ui
            .add_enabled(count > 0, egui::Button::new("前へ"))
            .clicked()
        {
            bar.from_box = true;
            commands.push(Command::Run(Action::FindPrevious));
        }
        if ui
            .add_enabled(count > 0, egui::Button::new("次へ"))
            .clicked()
        {
            bar.from_box = true;
            commands.push(Command::Run(Action::FindNext));
        }
        // No empty label while nothing is asked: with one at the end of a wrapped
        // row, 閉じる was drawn over the widgets before it (seen at 400 px).
        if !bar.query.text.is_empty() {
            ui.label(match (count, bar.current) {
                (0, _) => "見つかりません".to_owned(),
                (n, Some(c)) => format!("{n}件中{}件目", c + 1),
                (n, None) => format!("{n}件"),
            });
        }
        if ui.button("閉じる").clicked() {
            commands.push(Command::CloseSearch);
        }
    });
    if bar.replacing {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("置換後");
            ui.add(
                egui::TextEdit::singleline(&mut bar.replacement)
                    .id(egui::Id::unique("search replacement"))
                    .desired_width(200.0),
            )
            .labelled_by(l.id);
            let count = bar.hits(doc).len();
            if ui
                .add_enabled(count > 0, egui::Button::new("置換"))
                .on_hover_text("表示中の箇所を置き換えて、次へ進みます")
                .clicked()
            {
                commands.push(Command::ReplaceHit(bar.current.unwrap_or(0)));
            }
            if ui
                .add_enabled(count > 0, egui::Button::new("すべて置換"))
                .on_hover_text("見つかった箇所をすべて置き換えます（元に戻すで一度に戻せます）")
                .clicked()
            {
                commands.push(Command::ReplaceAll);
            }
        });
    }
    let current = bar.current;
    let scroll = current.is_some() && bar.scrolled_to != current;
    bar.scrolled_to = current;
    let hits = bar.hits(doc);
    if !hits.is_empty() {
        // Seven rows or so, not three: the panel keeps the height it had, so the
        // list asks for its height rather than taking what is left.
        let rows = 7.0;
        let spacing = ui.spacing();
        let label = ui.text_style_height(&egui::TextStyle::Body) + 2.0 * spacing.button_padding.y;
        let row = label.max(spacing.interact_size.y) + spacing.item_spacing.y;
        egui::ScrollArea::vertical()
            .min_scrolled_height(rows * row)
            .max_height(rows * row)
            .id_salt("search hits")
            .show(ui, |ui| {
                for (n, hit) in hits.iter().enumerate() {
                    let text = format!(
                        "{}: …{}【{}】{}…",
                        hit.name, hit.before, hit.found, hit.after
                    );
                    let label = ui.selectable_label(current == Some(n), text);
                    if label.clicked() {
                        commands.push(Command::ShowHit(n));
                    }
                    if scroll && current == Some(n) {
                        label.scroll_to_me(Some(egui::Align::Center));
                    }
                }
            });
    }
    commands
}
