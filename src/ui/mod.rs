//! The editor's views. They read and edit a `Plan` in place and return structural
//! edits; they never do file I/O.

pub mod calendar;
pub mod forms;
pub mod ime;
pub mod outline;
pub mod preview;
pub mod widgets;

use crate::model::ItemId;

/// What the form on the right shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// 基本情報: year, ward, office, date, contact.
    Basics,
    /// 表記のきまり: the ward's choices for the writing check.
    Writing,
    /// 目標 and 使命.
    Goal,
    /// 基本的な考え方.
    Policy,
    /// Overall 自己評価 and 今後の方針.
    Closing,
    /// An issue, strategy or initiative, by identity: the selection follows the
    /// item when it moves (or an undo moves it back).
    Item(ItemId),
}

/// The frame of a panel: its margins without its fill. The window is cleared
/// to the panels' colour ([`clear_colour`]), so a panel painting it again only
/// costs time: on a software renderer (a PC without a GPU, WARP over Remote
/// Desktop, Mesa) the fills were a third of every frame, and a frame is the
/// time from a key to the screen.
pub fn panel_frame(style: &egui::Style, central: bool) -> egui::Frame {
    let frame = if central {
        egui::Frame::central_panel(style)
    } else {
        egui::Frame::side_top_panel(style)
    };
    frame.fill(egui::Color32::TRANSPARENT)
}

/// What the window is cleared to before each frame: the panels' colour, which
/// they no longer paint themselves ([`panel_frame`]).
pub fn clear_colour(visuals: &egui::Visuals) -> [f32; 4] {
    visuals.panel_fill.to_normalized_gamma_f32()
}

/// Scroll bars beside the content, not floating over its right edge, where
/// they covered a hint's last words; a bar that is always there is also easier
/// to find and to grab.
pub fn install_scroll_bars(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
}

/// Installs the bundled fonts. BIZ UDゴシック goes into every family, so every
/// label and field shows Japanese on any PC, with the PDF's heading glyphs; it
/// comes after egui's own Latin font, because egui 0.37 draws BIZ UD's ASCII
/// hyphen blank, which would hide the hyphens of 1-1-1 and 06-6915-9173 (seen
/// under Xvfb). Both faces also get a family of their own, which the print
/// preview draws with (see [`preview::family`]).
pub fn install_fonts(ctx: &egui::Context) {
    use crate::fonts::Face;
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let lowest = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    ctx.add_font(FontInsert::new(
        "BIZ UDGothic",
        egui::FontData::from_static(crate::fonts::GOTHIC),
        vec![
            lowest(egui::FontFamily::Proportional),
            lowest(egui::FontFamily::Monospace),
            lowest(preview::family(Face::Gothic)),
        ],
    ));
    ctx.add_font(FontInsert::new(
        "BIZ UDMincho",
        egui::FontData::from_static(crate::fonts::MINCHO),
        vec![lowest(preview::family(Face::Mincho))],
    ));
}
