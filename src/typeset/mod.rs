//! The print layout of a plan: A4 pages of positioned text, with no PDF dependency
//! (the editor's print preview reuses it).
//!
//! Stages, one module each: `blocks::blocks` collects what to print, [`shape`]
//! sets each block into line boxes with [`linebreak`], [`paginate`] cuts the boxes
//! into pages and adds the footers. Lengths are in pt (1/72 inch) throughout.

pub mod chart;
pub mod linebreak;
pub mod metrics;
pub mod page;
pub mod paginate;
pub mod shape;
pub mod sheet;

use crate::blocks::{self, Medium};
use crate::model::Plan;
use metrics::Measure;
use page::Page;

/// Page geometry and type sizes, like a Japanese Word A4 document: 10.5pt body on
/// an 18pt pitch, 40 characters a line, margins of about 30 mm.
#[derive(Clone, Debug)]
pub struct PageStyle {
    /// Page width and height.
    pub size: (f32, f32),
    /// Top margin: the first baseline box starts here.
    pub top: f32,
    /// Bottom margin: no line box goes below `size.1 - bottom`.
    pub bottom: f32,
    /// Left margin.
    pub left: f32,
    /// The measure (line length) of body text.
    pub measure: f32,
    /// Body font size.
    pub body_size: f32,
    /// Body line pitch (baseline to baseline).
    pub body_pitch: f32,
    /// Footer baseline, from the page's top.
    pub footer_baseline: f32,
}

impl Default for PageStyle {
    fn default() -> Self {
        let size = page::A4;
        let body_size = 10.5;
        let measure = 40.0 * body_size;
        Self {
            size,
            top: 30.0 * page::PT_PER_MM,
            bottom: 27.0 * page::PT_PER_MM,
            left: (size.0 - measure) / 2.0,
            measure,
            body_size,
            body_pitch: 18.0,
            footer_baseline: size.1 - 15.0 * page::PT_PER_MM,
        }
    }
}

/// Lays a plan out as printed pages.
pub fn typeset(plan: &Plan, style: &PageStyle, measure: &dyn Measure) -> Vec<Page> {
    typeset_again(plan, style, measure, &mut linebreak::LineMemo::default())
}

/// Lays a plan out again, taking from `memo` the lines of every paragraph that
/// has not changed since the last layout with it (the live preview, as staff
/// type). The pages are the same as [`typeset`]'s.
pub fn typeset_again(
    plan: &Plan,
    style: &PageStyle,
    measure: &dyn Measure,
    memo: &mut linebreak::LineMemo,
) -> Vec<Page> {
    // What to print, in order, with the era's headings and the numbers.
    let (blocks, sources) = blocks::sourced_blocks(plan, Medium::Print);
    // Each block set into line boxes, Japanese line breaking included.
    let chunks = shape::shape(&blocks, &sources, style, measure, memo);
    memo.end_layout();
    // Line boxes onto A4 pages, headings kept with what follows, footers added.
    let mut pages = paginate::paginate(&chunks, style, measure);
    if !plan.stage.is_adopted() {
        for page in &mut pages {
            paginate::stage_mark(page, plan.stage.label(), style, measure);
        }
    }
    pages
}
