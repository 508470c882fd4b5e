//! Search commands: showing a hit in its field, replacing one or all (one
//! undo step).

use crate::app::PlanApp;
use crate::ui::Selection;

impl PlanApp {
    /// Shows hit `n` of the search: its form, with the found text selected and,
    /// if `keyboard`, the keyboard in it.
    pub(in crate::app) fn show_hit(&mut self, ctx: &egui::Context, n: usize, keyboard: bool) {
        let Some(bar) = &mut self.search else {
            return;
        };
        let Some(hit) = bar.hits(&self.doc).get(n).cloned() else {
            return;
        };
        bar.current = Some(n);
        self.selection = match hit.key.item {
            Some(id) => Selection::Item(id),
            None => crate::app::panels::view::selection_for_field(hit.field),
        };
        crate::ui::widgets::request_focus(
            ctx,
            crate::ui::widgets::FocusRequest {
                key: hit.key,
                start: hit.start,
                end: hit.end,
                keyboard,
            },
        );
    }

    /// Replaces hit `n` (if its text is still there), as one undo step, then
    /// shows the next hit.
    pub(in crate::app) fn replace_hit(&mut self, ctx: &egui::Context, n: usize) {
        let Some(bar) = &mut self.search else {
            return;
        };
        let Some(hit) = bar.hits(&self.doc).get(n).cloned() else {
            return;
        };
        let (query, with) = (bar.query.clone(), bar.replacement.clone());
        self.doc.checkpoint();
        let replaced = self
            .doc
            .edit(|plan| crate::search::replace_one(plan, &query, &hit, &with));
        // The hits before it are where they were; the replacement's own hits
        // (こども → こどもたち) come next; then the one after it.
        let next = n + crate::search::matches(&with, &query).len();
        let count = bar.hits(&self.doc).len();
        bar.current = None;
        if replaced {
            self.set_status(format!("{}の「{}」を置換しました。", hit.name, hit.found));
        }
        if count > 0 {
            // The keyboard stays with the 置換 button, for the next one.
            self.show_hit(ctx, next % count, false);
        }
    }

    /// Replaces every hit, as one undo step, and says how many.
    pub(in crate::app) fn replace_all(&mut self) {
        let Some(bar) = &mut self.search else {
            return;
        };
        let (query, with) = (bar.query.clone(), bar.replacement.clone());
        bar.current = None;
        self.doc.checkpoint();
        let count = self
            .doc
            .edit(|plan| crate::search::replace_all(plan, &query, &with));
        self.set_status(if count == 0 {
            format!("「{}」は見つかりませんでした。", query.text)
        } else {
            format!(
                "{count}か所の「{}」を「{with}」に置換しました（元に戻すで一度に戻せます）。",
                query.text
            )
        });
        if count > 0 {
            self.offer_undo();
        }
    }
}
