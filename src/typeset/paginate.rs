//! Cuts the line boxes into A4 pages: headings stay with what follows them, a
//! paragraph leaves neither its first line alone at a page's foot nor its last
//! line alone at the next page's head, a table continued on a new page repeats its
//! header row, and each page gets a centred `- n -` footer.

use crate::blocks::Source;
use crate::fonts::Face;
use crate::typeset::PageStyle;
use crate::typeset::metrics::Measure;
use crate::typeset::page::{Item, Page, Tag};
use crate::typeset::shape::Chunk;

/// Footer size in pt.
const FOOTER_SIZE: f32 = 9.0;

/// Lays the chunks onto pages.
pub fn paginate(chunks: &[Chunk], style: &PageStyle, measure: &dyn Measure) -> Vec<Page> {
    let mut pager = Pager {
        style,
        pages: Vec::new(),
        items: Vec::new(),
        y: style.top,
    };
    let bottom = style.size.1 - style.bottom;
    for (ci, chunk) in chunks.iter().enumerate() {
        // A chain of headings longer than 40% of a page may break inside rather
        // than leave the page before it half empty.
        let need = needed_height(chunks, ci).min((bottom - style.top) * 0.4);
        if !pager.at_top() && pager.y + chunk.space_before + need > bottom {
            pager.new_page();
            pager.repeat_header(chunk);
        }
        if !pager.at_top() {
            pager.y += chunk.space_before;
        }
        let heights: Vec<f32> = chunk.lines.iter().map(|l| l.height).collect();
        for (li, line) in chunk.lines.iter().enumerate() {
            let overflows = pager.y + line.height > bottom;
            // Take the last two lines over together rather than leave one alone.
            let widow = li >= 2
                && li + 2 == heights.len()
                && pager.y + heights[li] + heights[li + 1] > bottom;
            if (overflows || widow) && !pager.at_top() {
                pager.new_page();
                pager.repeat_header(chunk);
            }
            pager.place(&line.items);
            pager.y += line.height;
        }
    }
    if !pager.items.is_empty() || pager.pages.is_empty() {
        pager.new_page();
    }
    let mut pages = pager.pages;
    for (i, page) in pages.iter_mut().enumerate() {
        page.items.push(footer(i + 1, style, measure));
    }
    pages
}

/// Room a chunk needs at the foot of a page: all of a heading and the start of
/// what follows it; two lines of anything else, or all of a paragraph of three
/// lines or fewer (cut anywhere, it would leave one line alone).
fn needed_height(chunks: &[Chunk], index: usize) -> f32 {
    let first_lines = |c: &Chunk| {
        let take = if c.lines.len() <= 3 { 3 } else { 2 };
        c.lines.iter().take(take).map(|l| l.height).sum::<f32>()
    };
    let chunk = &chunks[index];
    if !chunk.keep_with_next {
        return first_lines(chunk);
    }
    let mut height = chunk.lines.iter().map(|l| l.height).sum::<f32>();
    for next in &chunks[index + 1..] {
        height += next.space_before;
        if next.keep_with_next {
            height += next.lines.iter().map(|l| l.height).sum::<f32>();
        } else {
            height += first_lines(next);
            break;
        }
    }
    height
}

struct Pager<'a> {
    style: &'a PageStyle,
    pages: Vec<Page>,
    items: Vec<Item>,
    y: f32,
}

impl Pager<'_> {
    fn at_top(&self) -> bool {
        self.y <= self.style.top
    }

    fn new_page(&mut self) {
        self.pages.push(Page {
            size: self.style.size,
            items: std::mem::take(&mut self.items),
        });
        self.y = self.style.top;
    }

    /// A table's header row at the top of a page the table continues on.
    fn repeat_header(&mut self, chunk: &Chunk) {
        if let Some(header) = &chunk.header {
            // Read once, where the table starts: the repeats are furniture.
            let repeat: Vec<Item> = header.items.iter().map(Item::as_artifact).collect();
            self.place(&repeat);
            self.y += header.height;
        }
    }

    /// Moves a line box's items from box coordinates to the page.
    fn place(&mut self, items: &[Item]) {
        let (dx, dy) = (self.style.left, self.y);
        self.items
            .extend(items.iter().map(|item| item.offset(dx, dy)));
    }
}

/// `- n -`, centred under the text block.
fn footer(n: usize, style: &PageStyle, measure: &dyn Measure) -> Item {
    let text = format!("- {n} -");
    let width: f32 = text
        .chars()
        .map(|c| measure.advance(Face::Mincho, c) * FOOTER_SIZE)
        .sum();
    Item::Text {
        x: style.left + (style.measure - width) / 2.0,
        y: style.footer_baseline,
        text,
        face: Face::Mincho,
        size: FOOTER_SIZE,
        adjust: Vec::new(),
        source: Source::default(),
        tag: Tag::default(), // an artifact
    }
}

/// Size of the stage mark's letters, in pt.
const STAGE_SIZE: f32 = 12.0;

/// A draft's stage (素案, 案) boxed at the top right of a page, above the text
/// block: a printed draft on a meeting table is never taken for the adopted plan.
pub fn stage_mark(page: &mut Page, label: &str, style: &PageStyle, measure: &dyn Measure) {
    let pad = 4.0;
    let width: f32 = label
        .chars()
        .map(|c| measure.advance(Face::Gothic, c) * STAGE_SIZE)
        .sum();
    let right = style.left + style.measure;
    let (left, top) = (right - width - 2.0 * pad, 12.0 * super::page::PT_PER_MM);
    let bottom = top + STAGE_SIZE + 2.0 * pad;
    page.items.push(Item::Text {
        x: left + pad,
        // The baseline, where BIZ UD's em box puts it: 0.88 em below the top.
        y: top + pad + STAGE_SIZE * 0.88,
        text: label.to_owned(),
        face: Face::Gothic,
        size: STAGE_SIZE,
        adjust: Vec::new(),
        source: Source::default(),
        tag: Tag::default(), // an artifact: the title says it too
    });
    for (from, to) in [
        ((left, top), (right, top)),
        ((right, top), (right, bottom)),
        ((right, bottom), (left, bottom)),
        ((left, bottom), (left, top)),
    ] {
        page.items.push(Item::Rule {
            from,
            to,
            width: 0.8,
        });
    }
}
