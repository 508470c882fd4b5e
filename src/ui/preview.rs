//! 印刷プレビュー: the printed pages drawn from the same layout the PDF writer
//! gets (`typeset` → `Page`), in the same fonts, at the same positions, with the
//! same inter-character spacing and rules — not egui's own wrapping. A click on
//! printed text selects the item it came from; selecting an item scrolls the
//! preview to it.

use egui::text::LayoutJob;
use egui::{Color32, FontFamily, FontId, Pos2, Rect, Sense, Stroke, TextFormat, Vec2};

use crate::blocks::Source;
use crate::fonts::Face;
use crate::model::ItemId;
use crate::typeset::linebreak::is_selector;
use crate::typeset::page::{Item, Page};

/// How big the pages are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Zoom {
    /// The page's width fills the panel.
    FitWidth,
    /// A whole page fits in the panel.
    FitPage,
    /// Printed size (1 pt = 1/72 inch, at 96 points per inch on screen).
    Actual,
}

impl Zoom {
    /// The choice's label.
    pub fn label(self) -> &'static str {
        match self {
            Zoom::FitWidth => "幅に合わせる",
            Zoom::FitPage => "ページ全体",
            Zoom::Actual => "100%",
        }
    }
}

/// One text run as drawn this frame: where on screen, what, and where it came
/// from; what a click is tested against, and what tests compare with the PDF.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnRun {
    /// The page, from 0.
    pub page: usize,
    /// The run's text.
    pub text: String,
    /// Its baseline start on the page, in pt (as the layout placed it).
    pub at: (f32, f32),
    /// Its box on screen.
    pub rect: Rect,
    /// Its baseline start on screen: the page's corner plus `at` times the zoom.
    pub baseline: Pos2,
    /// The item and field it came from.
    pub source: Source,
}

/// The preview's view state.
#[derive(Debug)]
pub struct Preview {
    /// How big the pages are drawn.
    pub zoom: Zoom,
    /// Scroll to this item's first printed text (set when the selection changes).
    pub scroll_to: Option<ItemId>,
    /// Go to this page (page navigation).
    pub go_to_page: Option<usize>,
    /// The page at the top of the view, from 0.
    pub current_page: usize,
    /// The text runs drawn in the last frame.
    pub drawn: Vec<DrawnRun>,
}

impl Default for Preview {
    fn default() -> Self {
        Self {
            zoom: Zoom::FitWidth,
            scroll_to: None,
            go_to_page: None,
            current_page: 0,
            drawn: Vec::new(),
        }
    }
}

/// The egui font family of a face (installed by [`super::install_fonts`]).
pub fn family(face: Face) -> FontFamily {
    FontFamily::Name(
        match face {
            Face::Mincho => "BIZ UDMincho",
            Face::Gothic => "BIZ UDGothic",
        }
        .into(),
    )
}

const GAP: f32 = 16.0;

/// Draws the pages; returns the source of printed text that was clicked.
pub fn preview_ui(ui: &mut egui::Ui, preview: &mut Preview, pages: &[Page]) -> Option<Source> {
    let mut clicked = None;
    toolbar_ui(ui, preview, pages.len());
    let Some(first) = pages.first() else {
        ui.label("（ページがありません）");
        return None;
    };
    let (pw, ph) = first.size;
    let scroll = egui::ScrollArea::both()
        .id_salt("preview")
        .auto_shrink([false, false]);
    let available = ui.available_size();
    let scale = match preview.zoom {
        Zoom::FitWidth => (available.x - 2.0 * GAP) / pw,
        Zoom::FitPage => ((available.x - 2.0 * GAP) / pw).min((available.y - 2.0 * GAP) / ph),
        Zoom::Actual => 96.0 / 72.0,
    }
    .max(0.1);
    preview.drawn.clear();
    scroll.show(ui, |ui| {
        ui.add_space(GAP);
        let view = ui.clip_rect();
        let mut top_page = None;
        for (n, page) in pages.iter().enumerate() {
            let size = Vec2::new(page.size.0, page.size.1) * scale;
            let width = ui.available_width().max(size.x + 2.0 * GAP);
            let (rect, response) = ui.allocate_exact_size(Vec2::new(width, size.y), Sense::click());
            // Centred when it fits, from the left edge when it is wider.
            let left = (rect.center().x - size.x / 2.0).max(rect.left() + GAP);
            let paper = Rect::from_min_size(Pos2::new(left, rect.top()), size);
            if preview.go_to_page == Some(n) {
                ui.scroll_to_rect(paper, Some(egui::Align::TOP));
                preview.go_to_page = None;
                ui.ctx().request_repaint();
            }
            if top_page.is_none() && paper.bottom() > view.top() {
                top_page = Some(n);
            }
            let target = preview
                .scroll_to
                .and_then(|id| target_rect(page, id, paper, scale));
            if let Some(target) = target {
                ui.scroll_to_rect(target, Some(egui::Align::Center));
                preview.scroll_to = None;
                ui.ctx().request_repaint();
            }
            if ui.is_rect_visible(paper) {
                paint_page(ui, page, n, paper, scale, &mut preview.drawn);
            }
            if response.clicked()
                && let Some(pos) = response.interact_pointer_pos()
            {
                clicked = preview
                    .drawn
                    .iter()
                    .find(|run| run.page == n && run.rect.expand(1.0).contains(pos))
                    .map(|run| run.source);
            }
            ui.add_space(GAP);
        }
        let top = top_page.unwrap_or(0);
        if top != preview.current_page {
            // The toolbar above was drawn with the old number: draw again.
            preview.current_page = top;
            ui.ctx().request_repaint();
        }
    });
    clicked
}

/// The bar above the pages, always on one line: in a narrow panel it drops the
/// words around the controls (1/4, ◀ ▶), then the title, rather than wrap over
/// the pages or cut a control.
fn toolbar_ui(ui: &mut egui::Ui, preview: &mut Preview, count: usize) {
    let current = (preview.current_page + 1).min(count);
    let page_full = format!("{current} / {count} ページ");
    let width = |ui: &egui::Ui, text: &str, style: egui::TextStyle| {
        super::widgets::text_width(ui, text, style)
    };
    let pad = 2.0 * ui.spacing().button_padding.x;
    let gap = ui.spacing().item_spacing.x;
    let combo = ui.spacing().combo_width + ui.spacing().icon_width + pad;
    let title = width(ui, "印刷プレビュー", egui::TextStyle::Body) + gap;
    let short = width(ui, &format!("{current}/{count}"), egui::TextStyle::Body)
        + width(ui, "◀", egui::TextStyle::Button)
        + width(ui, "▶", egui::TextStyle::Button)
        + 2.0 * pad
        + combo
        + 3.0 * gap;
    let full = title
        + width(ui, &page_full, egui::TextStyle::Body)
        + width(ui, "◀ 前", egui::TextStyle::Button)
        + width(ui, "次 ▶", egui::TextStyle::Button)
        + 2.0 * pad
        + width(ui, "倍率", egui::TextStyle::Body)
        + combo
        + 4.0 * gap;
    let room = ui.available_width();
    // The words go first, the title last: the panel is named while it can be.
    let roomy = full <= room;
    let titled = roomy || short + title <= room;
    ui.horizontal(|ui| {
        if titled {
            ui.strong("印刷プレビュー");
        }
        if roomy {
            ui.label(page_full);
        } else {
            ui.label(format!("{current}/{count}"))
                .on_hover_text(format!("印刷プレビュー {current} / {count} ページ"));
        }
        let (back, next) = if roomy {
            ("◀ 前", "次 ▶")
        } else {
            ("◀", "▶")
        };
        if ui
            .add_enabled(preview.current_page > 0, egui::Button::new(back))
            .on_hover_text("前のページ")
            .clicked()
        {
            preview.go_to_page = Some(preview.current_page - 1);
        }
        if ui
            .add_enabled(preview.current_page + 1 < count, egui::Button::new(next))
            .on_hover_text("次のページ")
            .clicked()
        {
            preview.go_to_page = Some(preview.current_page + 1);
        }
        let label = roomy.then(|| ui.label("倍率"));
        let zoom = egui::ComboBox::from_id_salt("zoom")
            .selected_text(preview.zoom.label())
            .show_ui(ui, |ui| {
                for zoom in [Zoom::FitWidth, Zoom::FitPage, Zoom::Actual] {
                    ui.selectable_value(&mut preview.zoom, zoom, zoom.label());
                }
            })
            .response
            .on_hover_text("倍率");
        if let Some(label) = label {
            zoom.labelled_by(label.id);
        }
    });
    ui.separator();
}

/// The screen box of the first text of `id` on the page, if it is there.
fn target_rect(page: &Page, id: ItemId, paper: Rect, scale: f32) -> Option<Rect> {
    page.items.iter().find_map(|item| match item {
        Item::Text {
            x, y, size, source, ..
        } if source.item == Some(id) => {
            let top_left = paper.min + Vec2::new(*x, y - size) * scale;
            Some(Rect::from_min_size(
                top_left,
                Vec2::new(paper.width() / 2.0, size * 1.5 * scale),
            ))
        }
        _ => None,
    })
}

/// The page as paper: a white sheet with a hard shadow, its text and rules.
fn paint_page(
    ui: &egui::Ui,
    page: &Page,
    n: usize,
    paper: Rect,
    scale: f32,
    drawn: &mut Vec<DrawnRun>,
) {
    let painter = ui.painter_at(paper.expand(12.0));
    // A hard shadow on two sides: two thin strips, where a blurred shadow was
    // a second page of pixels to shade on a software renderer, every frame.
    let shade = Color32::from_gray(170);
    let depth = 3.0;
    painter.rect_filled(
        Rect::from_min_max(
            egui::pos2(paper.right(), paper.top() + depth),
            egui::pos2(paper.right() + depth, paper.bottom() + depth),
        ),
        0.0,
        shade,
    );
    painter.rect_filled(
        Rect::from_min_max(
            egui::pos2(paper.left() + depth, paper.bottom()),
            egui::pos2(paper.right(), paper.bottom() + depth),
        ),
        0.0,
        shade,
    );
    painter.rect_filled(paper, 0.0, Color32::WHITE);
    painter.rect_stroke(
        paper,
        0.0,
        Stroke::new(0.5, Color32::from_gray(180)),
        egui::StrokeKind::Outside,
    );
    let ink = Color32::from_gray(20);
    let at = |x: f32, y: f32| paper.min + Vec2::new(x, y) * scale;
    for item in &page.items {
        match item {
            Item::Rule { from, to, width } => {
                painter.line_segment(
                    [at(from.0, from.1), at(to.0, to.1)],
                    Stroke::new(width * scale, ink),
                );
            }
            Item::Text {
                x,
                y,
                text,
                face,
                size,
                adjust,
                source,
                ..
            } => {
                let galley =
                    painter.layout_job(run_job(text, adjust, *face, size * scale, scale, ink));
                // Put the galley's baseline on the layout's baseline.
                let baseline = galley
                    .rows
                    .first()
                    .and_then(|row| row.row.glyphs.first().map(|g| row.pos.y + g.pos.y))
                    .unwrap_or(size * scale * 0.88);
                let pos = at(*x, *y) - Vec2::new(0.0, baseline);
                let rect = Rect::from_min_size(pos, galley.size());
                draw_hyphens(&painter, &galley, pos, size * scale, ink);
                painter.galley(pos, galley, ink);
                drawn.push(DrawnRun {
                    page: n,
                    text: text.clone(),
                    at: (*x, *y),
                    rect,
                    baseline: pos + Vec2::new(0.0, baseline),
                    source: *source,
                });
            }
        }
    }
}

/// A run as egui text. egui puts a section's letter spacing before each glyph
/// (but the run's first), where the layout puts space after a character: so a
/// character's section carries the space after the one before it.
fn run_job(text: &str, adjust: &[f32], face: Face, em: f32, scale: f32, ink: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut section = String::new();
    let mut current: Option<f32> = None;
    // Characters counted as `adjust` counts them: a variation selector goes
    // with the character before it.
    let mut n: usize = 0;
    for c in text.chars() {
        if is_selector(c) {
            section.push(c);
            continue;
        }
        let before = n
            .checked_sub(1)
            .and_then(|p| adjust.get(p))
            .copied()
            .unwrap_or(0.0);
        n += 1;
        if current != Some(before) {
            push_section(&mut job, &mut section, current, face, em, scale, ink);
            current = Some(before);
        }
        section.push(c);
    }
    push_section(&mut job, &mut section, current, face, em, scale, ink);
    job
}

fn push_section(
    job: &mut LayoutJob,
    section: &mut String,
    before: Option<f32>,
    face: Face,
    em: f32,
    scale: f32,
    ink: Color32,
) {
    if section.is_empty() {
        return;
    }
    let gap = before.unwrap_or(0.0) * scale;
    let format = TextFormat {
        font_id: FontId::new(em, family(face)),
        color: ink,
        extra_letter_spacing: gap,
        ..TextFormat::default()
    };
    job.append(&std::mem::take(section), 0.0, format);
}

/// Hyphens drawn as strokes: the BIZ UD hyphen is a hairline that egui's
/// rasterizer loses at screen sizes (1-1-1 would read "1 1 1"), so the preview
/// draws it a pixel thick where the glyph is.
fn draw_hyphens(painter: &egui::Painter, galley: &egui::Galley, pos: Pos2, em: f32, ink: Color32) {
    for row in &galley.rows {
        for glyph in row.row.glyphs.iter().filter(|g| g.chr == '-') {
            let y = pos.y + row.pos.y + glyph.pos.y - em * 0.3;
            let x = pos.x + row.pos.x + glyph.pos.x;
            let w = glyph.advance_width;
            painter.line_segment(
                [Pos2::new(x + w * 0.2, y), Pos2::new(x + w * 0.8, y)],
                Stroke::new((em * 0.06).max(1.0), ink),
            );
        }
    }
}
