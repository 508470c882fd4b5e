//! Which panels fit beside the form at a window width, and which fold away
//! first when they do not.

/// Which panels fit beside the form at a window width. The form keeps at least
/// [`Room::FORM_MIN`]; when the window is narrower than everything asked for,
/// panels fold away in this order: the preview, the warnings, the outline (into
/// a 目次 menu), and last 比較, the task the user opened it for; so the form
/// never shrinks to a sliver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Room {
    /// Width left over for panels beyond their minimums.
    spare: u32,
    /// Whether the outline is a panel.
    pub outline: bool,
    /// Whether the warnings panel is shown.
    pub warnings: bool,
    /// Whether the 比較 / 取り込み panel is shown.
    pub review: bool,
    /// Whether the preview is shown.
    pub preview: bool,
    /// What was asked for: warnings, review, preview.
    asked: (bool, bool, bool),
}

impl Room {
    /// The narrowest the form gets.
    pub const FORM_MIN: f32 = 380.0;
    /// The narrowest the outline gets.
    pub const OUTLINE_MIN: f32 = 180.0;
    /// The narrowest the warnings panel gets.
    pub const WARNINGS_MIN: f32 = 240.0;
    /// The narrowest the 比較 panel gets.
    pub const REVIEW_MIN: f32 = 300.0;
    /// The narrowest the preview gets.
    pub const PREVIEW_MIN: f32 = 300.0;

    /// The panels that fit in `width`, of those asked for.
    pub fn plan(width: f32, warnings: bool, review: bool, preview: bool) -> Room {
        let mut room = Room {
            spare: 0,
            outline: true,
            warnings,
            review,
            preview,
            asked: (warnings, review, preview),
        };
        let need = |r: &Room| Self::FORM_MIN + r.minimums().sum::<f32>();
        for fold in [
            |r: &mut Room| r.preview = false,
            |r: &mut Room| r.warnings = false,
            |r: &mut Room| r.outline = false,
            |r: &mut Room| r.review = false,
        ] {
            if need(&room) <= width {
                break;
            }
            fold(&mut room);
        }
        room.spare = (width - need(&room)).max(0.0) as u32;
        room
    }

    /// The minimum width of each panel shown.
    fn minimums(&self) -> impl Iterator<Item = f32> {
        [
            (self.outline, Self::OUTLINE_MIN),
            (self.warnings, Self::WARNINGS_MIN),
            (self.review, Self::REVIEW_MIN),
            (self.preview, Self::PREVIEW_MIN),
        ]
        .into_iter()
        .filter_map(|(on, min)| on.then_some(min))
    }

    /// The widths a panel may take: its minimum, up to its minimum and its share
    /// of the spare room, so no dragging of panels squeezes the form.
    pub fn range(&self, min: f32) -> egui::Rangef {
        let shown = self.minimums().count().max(1);
        egui::Rangef::new(min, min + self.spare as f32 / shown as f32)
    }

    /// The names of the panels asked for that did not fit.
    pub fn folded(&self) -> Vec<&'static str> {
        let (warnings, review, preview) = self.asked;
        let mut out = Vec::new();
        if preview && !self.preview {
            out.push("印刷プレビュー");
        }
        if warnings && !self.warnings {
            out.push("警告");
        }
        if review && !self.review {
            out.push("比較");
        }
        if !self.outline {
            out.push("目次（上の「目次」から選べます）");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Room;

    #[test]
    fn panels_fold_before_the_form_shrinks() {
        let all = Room::plan(1360.0, false, true, true);
        assert!(all.outline && all.review && all.preview, "{all:?}");
        let narrow = Room::plan(800.0, false, true, true);
        assert!(
            !narrow.outline && !narrow.preview && narrow.review,
            "{narrow:?}"
        );
        assert_eq!(
            narrow.folded(),
            ["印刷プレビュー", "目次（上の「目次」から選べます）"]
        );
        let preview_only = Room::plan(1000.0, false, false, true);
        assert!(
            preview_only.outline && preview_only.preview,
            "{preview_only:?}"
        );
        let tiny = Room::plan(400.0, true, true, true);
        assert!(!tiny.outline && !tiny.preview && !tiny.review && !tiny.warnings);
        for width in [400.0, 640.0, 800.0, 1024.0, 1360.0, 1920.0] {
            let r = Room::plan(width, true, true, true);
            let widest = Room::FORM_MIN + r.minimums().map(|min| r.range(min).max).sum::<f32>();
            // Every panel at its widest still leaves the form its minimum.
            assert!(widest <= width.max(Room::FORM_MIN) + 0.5, "{width}: {r:?}");
        }
    }
}
