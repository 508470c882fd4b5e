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
        /// Space in pt added after each character (negative: taken away), as
        /// the line breaking set it; empty when there is none.
        adjust: Vec<f32>,
        /// The item and field the text came from (the preview's click target).
        source: Source,
        /// Its place in the document's structure (the tagged PDF).
        tag: Tag,
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
        let mut moved = self.clone();
        match &mut moved {
            Item::Text { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Rule { from, to, .. } => {
                *from = (from.0 + dx, from.1 + dy);
                *to = (to.0 + dx, to.1 + dy);
            }
        }
        moved
    }

    /// The same item as page furniture (text only: rules are never tagged).
    pub fn as_artifact(&self) -> Item {
        self.with_tag(Tag::default())
    }

    /// The same item with another structure tag.
    pub fn with_tag(&self, new: Tag) -> Item {
        let mut tagged = self.clone();
        if let Item::Text { tag, .. } = &mut tagged {
            *tag = new;
        }
        tagged
    }
}

/// Where a piece of text sits in the document's structure: what the tagged PDF
/// tells a screen reader, and which text belongs together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tag {
    /// What the text is.
    pub role: Role,
    /// The block it belongs to (lines of one paragraph share it).
    pub block: u32,
}

/// The structure roles the document uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Page furniture (a footer, a table header repeated on a new page): not
    /// part of the text read out.
    #[default]
    Artifact,
    /// A heading of level 1–4 (the title is level 1).
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A list item's mark (・).
    ListLabel,
    /// A list item's text.
    ListBody,
    /// A table's header cell.
    HeaderCell {
        /// Its column.
        col: u16,
    },
    /// The words of a figure (a chart's title and labels); the figure's
    /// alternative text says what it shows.
    Figure,
    /// A table cell.
    Cell {
        /// Its row, from 0 below the header.
        row: u16,
        /// Its column.
        col: u16,
    },
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

/// One line's worth of vertical space and what sits in it, positioned relative to
/// the box's top-left corner (the left margin).
#[derive(Clone, Debug, PartialEq)]
pub struct LineBox {
    /// Height of the box: the distance to the next box's top.
    pub height: f32,
    /// Items with coordinates relative to the box.
    pub items: Vec<Item>,
}

/// A block's line boxes with the space above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chunk {
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// The lines.
    pub lines: Vec<LineBox>,
    /// A heading: never the last thing on a page.
    pub keep_with_next: bool,
    /// A table's header row, set again above this chunk when it starts or
    /// continues on a new page.
    pub header: Option<LineBox>,
}
