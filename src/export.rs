//! Plan → PDF in one call, for the command line and the editor: lays the plan out,
//! writes the PDF and reports the characters the fonts cannot print.

use crate::blocks::{self, Medium};
use crate::check::{self, Warning};
use crate::fonts::Face;
use crate::model::Plan;
use crate::pdf::{self, PdfError, PdfMeta};
use crate::typeset::metrics::{FontMetrics, Measure as _};
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

/// Lays out and writes the plan as a PDF dated `created`.
pub fn export_pdf(
    plan: &Plan,
    created: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Export, PdfError> {
    let metrics = FontMetrics::bundled().map_err(|_| PdfError::Font("BIZ UD"))?;
    let pages = typeset::typeset(plan, &PageStyle::default(), &metrics);
    let meta = PdfMeta {
        title: blocks::title(plan, Medium::Print),
        author: if plan.office.is_empty() {
            plan.ward.clone()
        } else {
            plan.office.clone()
        },
        created,
    };
    let bytes = pdf::write_pdf(&pages, &meta)?;
    let missing_glyphs = check::missing_glyphs(plan, |c| {
        metrics.has_glyph(Face::Mincho, c) && metrics.has_glyph(Face::Gothic, c)
    });
    Ok(Export {
        bytes,
        pages: pages.len(),
        missing_glyphs,
    })
}
