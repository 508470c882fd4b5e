//! The layout's output: pages of positioned text and rules, in points from the
//! page's top-left corner. The PDF writer only translates these; the editor's print
//! preview can draw the same.

use crate::blocks::Source;
use crate::fonts::Face;

/// A4 portrait, in pt (210 × 297 mm).
pub const A4: (f32, f32) = (595.276, 841.89);

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// One laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Width and height in pt.
    pub size: (f32, f32),
    /// What is on the page, in reading order.
    pub items: Vec<Item>,
}

/// Something placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A run of text on one baseline.
    Text {
        /// Left edge, pt from the page's left.
        x: f32,
        /// Baseline, pt from the page's top.
        y: f32,
        /// The characters.
        text: String,
        /// The face.
        face: Face,
        /// Font size in pt.
        size: f32,
        /// Extra space after each character in pt (justification).
        spacing: f32,
        /// The item and field the text came from (the preview's click target).
        source: Source,
    },
    /// A straight line.
    Rule {
        /// Start, pt from the top-left.
        from: (f32, f32),
        /// End, pt from the top-left.
        to: (f32, f32),
        /// Stroke width in pt.
        width: f32,
    },
}

impl Item {
    /// The same item moved by `(dx, dy)`.
    pub fn offset(&self, dx: f32, dy: f32) -> Item {
        match self {
            Item::Text {
                x,
                y,
                text,
                face,
                size,
                spacing,
                source,
            } => Item::Text {
                x: x + dx,
                y: y + dy,
                text: text.clone(),
                face: *face,
                size: *size,
                spacing: *spacing,
                source: *source,
            },
            Item::Rule { from, to, width } => Item::Rule {
                from: (from.0 + dx, from.1 + dy),
                to: (to.0 + dx, to.1 + dy),
                width: *width,
            },
        }
    }
}

impl Page {
    /// The page's text runs in reading order, one per line.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            Item::Rule { .. } => None,
        })
    }
}
