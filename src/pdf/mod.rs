//! Writes laid-out pages as a PDF with printpdf: the bundled fonts embedded as
//! subsets, text as real text (copy, paste and search work), document info and
//! `/Lang (ja)`. It makes no layout decisions: it only translates `typeset` pages.

use chrono::{DateTime, Datelike as _, FixedOffset, Timelike as _};
use printpdf::{
    Date, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem, TextMatrix, Time,
};

mod finish;

pub use finish::Bookmark;

use crate::fonts::Face;
use crate::typeset::page::{Item, PT_PER_MM, Page};

/// What the PDF's document info says.
#[derive(Clone, Debug)]
pub struct PdfMeta {
    /// 令和4年度 鶴見区運営方針.
    pub title: String,
    /// The office that publishes the plan.
    pub author: String,
    /// The creation date (local time); injected so tests are deterministic.
    pub created: DateTime<FixedOffset>,
    /// The document outline (bookmarks).
    pub bookmarks: Vec<Bookmark>,
}

/// Why the PDF could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A bundled font could not be parsed (a broken build).
    #[error("同梱フォントを読み込めません: {0}")]
    Font(&'static str),
    /// Serialising the document failed.
    #[error("PDFを書き出せません: {0}")]
    Write(String),
}

/// The pages as PDF bytes.
pub fn write_pdf(pages: &[Page], meta: &PdfMeta) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    let mut font_warnings = Vec::new();
    let mincho = ParsedFont::from_bytes(Face::Mincho.bytes(), 0, &mut font_warnings)
        .ok_or(PdfError::Font("BIZ UD明朝"))?;
    let gothic = ParsedFont::from_bytes(Face::Gothic.bytes(), 0, &mut font_warnings)
        .ok_or(PdfError::Font("BIZ UDゴシック"))?;
    let mincho = doc.add_font(&mincho);
    let gothic = doc.add_font(&gothic);

    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.creator = "ward-plan".to_owned();
    info.producer = format!("ward-plan {}", env!("CARGO_PKG_VERSION"));
    info.creation_date = pdf_date(meta.created);
    info.modification_date = info.creation_date;
    info.metadata_date = info.creation_date;

    let pdf_pages = pages
        .iter()
        .map(|page| {
            let height = page.size.1;
            let mut ops = Vec::new();
            // Rules first, then all text in one text object per page.
            for item in &page.items {
                if let Item::Rule { from, to, width } = item {
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: vec![point(*from, height), point(*to, height)],
                            is_closed: false,
                        },
                    });
                }
            }
            ops.push(Op::StartTextSection);
            let mut current: Option<(Face, f32)> = None;
            let mut current_spacing = 0.0;
            for item in &page.items {
                if let Item::Text {
                    x,
                    y,
                    text,
                    face,
                    size,
                    spacing,
                    ..
                } = item
                {
                    if current != Some((*face, *size)) {
                        let id = match face {
                            Face::Mincho => mincho.clone(),
                            Face::Gothic => gothic.clone(),
                        };
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(id),
                            size: Pt(*size),
                        });
                        current = Some((*face, *size));
                    }
                    if *spacing != current_spacing {
                        ops.push(Op::SetCharacterSpacing {
                            multiplier: *spacing,
                        });
                        current_spacing = *spacing;
                    }
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), Pt(height - *y)),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                }
            }
            ops.push(Op::EndTextSection);
            PdfPage::new(
                Mm(page.size.0 / PT_PER_MM),
                Mm(page.size.1 / PT_PER_MM),
                ops,
            )
        })
        .collect();
    doc.with_pages(pdf_pages);

    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    let content: String = pages.iter().flat_map(|p| p.lines()).collect();
    let height = pages.first().map_or(0.0, |p| p.size.1);
    finish::finish(&mut lo, "ja", &meta.bookmarks, &content, height);
    if options.optimize {
        lo.compress();
    }
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// A point in PDF space (origin bottom-left) from top-left page coordinates.
fn point((x, y): (f32, f32), page_height: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(page_height - y),
        },
        bezier: false,
    }
}

/// The date in UTC: printpdf writes the time but not the offset, so a local time
/// would be read as UTC.
fn pdf_date(t: DateTime<FixedOffset>) -> printpdf::OffsetDateTime {
    let t = t.naive_utc();
    printpdf::OffsetDateTime::new_in_offset(
        Date {
            year: t.year(),
            month: u8::try_from(t.month()).unwrap_or(1),
            day: u8::try_from(t.day()).unwrap_or(1),
        },
        Time {
            hour: u8::try_from(t.hour()).unwrap_or(0),
            minute: u8::try_from(t.minute()).unwrap_or(0),
            second: u8::try_from(t.second()).unwrap_or(0),
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}
