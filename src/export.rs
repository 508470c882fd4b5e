//! Plan → PDF in one call, for the command line and the editor: lays the plan (or
//! its 概要版, or the 新旧対照表 of two versions) out, writes the PDF and reports the characters
//! the fonts cannot print.

use crate::blocks::{self, Medium};
use crate::check::{self, Warning};
use crate::compare::{self, sheet::Unchanged};
use crate::model::Plan;
use crate::pdf::{self, PdfError, PdfMeta};
use crate::typeset::metrics::FontMetrics;
use crate::typeset::{self, PageStyle};

/// A written PDF and what the user should know about it.
pub struct Export {
    /// The PDF file's bytes.
    pub bytes: Vec<u8>,
    /// The number of pages.
    pub pages: usize,
    /// Characters missing from the fonts, with where they are.
    pub missing_glyphs: Vec<Warning>,
}

/// The PDF's author: the office, or the ward.
fn author(plan: &Plan) -> String {
    if plan.office.is_empty() {
        plan.ward.clone()
    } else {
        plan.office.clone()
    }
}

/// Characters of `plan` that will not print as typed (the same list `check` gives).
fn missing(plan: &Plan, metrics: &FontMetrics) -> Vec<Warning> {
    check::missing_glyphs(plan, metrics)
}

/// Lays out and writes the 新旧対照表 of `old` → `new` (A4 landscape) as a PDF.
pub fn export_comparison(
    old: &Plan,
    new: &Plan,
    unchanged: Unchanged,
    created: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Export, PdfError> {
    let metrics = FontMetrics::bundled().map_err(|_| PdfError::Font("BIZ UD"))?;
    let sheet = compare::sheet::sheet(old, new, unchanged);
    let mut missing_glyphs = missing(new, &metrics);
    for warning in missing(old, &metrics) {
        if !missing_glyphs.iter().any(|w| w.message == warning.message) {
            missing_glyphs.push(warning);
        }
    }
    sheet_pdf(sheet, author(new), created, &metrics, missing_glyphs)
}

/// Lays out and writes the 概要版 of `plan` (A4 landscape, one row per strategy).
pub fn export_overview(
    plan: &Plan,
    created: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Export, PdfError> {
    let metrics = FontMetrics::bundled().map_err(|_| PdfError::Font("BIZ UD"))?;
    let sheet = crate::overview::overview(plan);
    let missing_glyphs = missing(plan, &metrics);
    sheet_pdf(sheet, author(plan), created, &metrics, missing_glyphs)
}

/// A sheet (新旧対照表, 概要版) on A4 landscape pages, written as a PDF.
fn sheet_pdf(
    sheet: typeset::sheet::Sheet,
    author: String,
    created: chrono::DateTime<chrono::FixedOffset>,
    metrics: &FontMetrics,
    missing_glyphs: Vec<Warning>,
) -> Result<Export, PdfError> {
    let pages = typeset::sheet::typeset_sheet(&sheet, &typeset::sheet::landscape(), metrics);
    let meta = PdfMeta {
        title: sheet.title,
        author,
        created,
        bookmarks: Vec::new(),
        figures: Vec::new(),
    };
    let bytes = pdf::write_pdf(&pages, &meta)?;
    Ok(Export {
        bytes,
        pages: pages.len(),
        missing_glyphs,
    })
}

/// One bookmark per 経営課題, at its heading.
fn bookmarks(plan: &Plan, pages: &[typeset::page::Page]) -> Vec<pdf::Bookmark> {
    use typeset::page::Item;
    plan.issues
        .iter()
        .filter_map(|issue| {
            pages.iter().enumerate().find_map(|(n, page)| {
                page.items.iter().find_map(|item| match item {
                    Item::Text {
                        y,
                        size,
                        source,
                        text,
                        ..
                    } if source.item == Some(issue.id) => Some(pdf::Bookmark {
                        title: text.clone(),
                        page: n,
                        top: y - size,
                    }),
                    _ => None,
                })
            })
        })
        .collect()
}

/// Lays out and writes the plan as a PDF dated `created`.
pub fn export_pdf(
    plan: &Plan,
    created: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Export, PdfError> {
    let metrics = FontMetrics::bundled().map_err(|_| PdfError::Font("BIZ UD"))?;
    let pages = typeset::typeset(plan, &PageStyle::default(), &metrics);
    // Each chart's words for a screen reader, by its block (as the layout tags it).
    let figures = blocks::blocks(plan, Medium::Print)
        .into_iter()
        .enumerate()
        .filter_map(|(n, block)| match block {
            blocks::Block::Chart(chart) => Some((u32::try_from(n).ok()?, chart.alt)),
            _ => None,
        })
        .collect();
    let meta = PdfMeta {
        title: blocks::title(plan, Medium::Print),
        author: author(plan),
        created,
        bookmarks: bookmarks(plan, &pages),
        figures,
    };
    let bytes = pdf::write_pdf(&pages, &meta)?;
    let missing_glyphs = missing(plan, &metrics);
    Ok(Export {
        bytes,
        pages: pages.len(),
        missing_glyphs,
    })
}
