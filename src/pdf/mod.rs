//! Writes laid-out pages as a PDF with printpdf: the bundled fonts embedded as
//! subsets, text as real text (copy, paste and search work), document info and
//! `/Lang (ja)`. It makes no layout decisions: it only translates `typeset` pages.

use chrono::{DateTime, Datelike as _, FixedOffset, Timelike as _};
use std::collections::HashMap;

use printpdf::{
    Codepoint, Date, DictItem, Line, LinePoint, Mm, Offset, Op, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix, Time,
};

mod finish;
mod tags;

pub use finish::Bookmark;

use crate::fonts::Face;
use crate::typeset::linebreak::is_selector;
use crate::typeset::page::{Item, PT_PER_MM, Page, Role, Tag};

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

    let mut glyphs = Glyphs::new()?;
    let mut marks: Vec<Vec<Tag>> = Vec::new();
    let pdf_pages = pages
        .iter()
        .map(|page| {
            let height = page.size.1;
            let mut ops = Vec::new();
            let mut page_marks = Vec::new();
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
            for item in &page.items {
                if let Item::Text {
                    x,
                    y,
                    text,
                    face,
                    size,
                    adjust,
                    tag,
                    ..
                } = item
                {
                    // Each run is its own marked content: a tag for the structure
                    // tree, or page furniture.
                    if tag.role == Role::Artifact {
                        ops.push(Op::BeginMarkedContent {
                            tag: "Artifact".to_owned(),
                        });
                    } else {
                        let mcid = page_marks.len();
                        page_marks.push(*tag);
                        ops.push(Op::BeginMarkedContentWithProperties {
                            tag: tags::role_name(tag.role).to_owned(),
                            properties: DictItem::Dict {
                                map: [("MCID".to_owned(), DictItem::Int(mcid as i64))].into(),
                            },
                        });
                    }
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
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), Pt(height - *y)),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::GlyphIds(
                            glyphs.codepoints(*face, *size, text, adjust),
                        )],
                    });
                    ops.push(Op::EndMarkedContent);
                }
            }
            ops.push(Op::EndTextSection);
            marks.push(page_marks);
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
        // Streams are compressed below, at a level chosen by measurement.
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    let content: String = pages.iter().flat_map(|p| p.lines()).collect();
    let height = pages.first().map_or(0.0, |p| p.size.1);
    finish::finish(&mut lo, "ja", &meta.bookmarks, &content, height);
    tags::add_structure(&mut lo, &marks);
    compress(&mut lo);
    let mut bytes = Vec::new();
    // Tagged PDF needs 1.4; object streams (which pack the many small
    // structure elements) 1.5.
    lo.version = "1.7".to_owned();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .compression_level(LEVEL)
        .build();
    lo.save_with_options(&mut bytes, options)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// The deflate level, chosen by measurement. lopdf's own `compress` takes the
/// slowest (9). On the sample (callgrind, whole export): 9 costs 7 M more
/// instructions than 6 for 0.2 KB less, and 3 saves another 11 M for 2 KB more.
const LEVEL: u32 = 3;

/// Deflates every stream that may be compressed.
fn compress(doc: &mut lopdf::Document) {
    use std::io::Write as _;
    let level = LEVEL;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(compressed) = encoder.finish()
            && compressed.len() + 19 < stream.content.len()
        {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// Characters to glyph ids, each distinct character looked up once per face:
/// printpdf's own lookup walks the font's cmap for every character it shows,
/// which was half the cost of an export.
struct Glyphs {
    faces: [ttf_parser::Face<'static>; 2],
    known: HashMap<(Face, char, Option<char>), u16>,
}

impl Glyphs {
    fn new() -> Result<Glyphs, PdfError> {
        let parse = |face: Face, name| {
            ttf_parser::Face::parse(face.bytes(), 0).map_err(|_| PdfError::Font(name))
        };
        Ok(Glyphs {
            faces: [
                parse(Face::Mincho, "BIZ UD明朝")?,
                parse(Face::Gothic, "BIZ UDゴシック")?,
            ],
            known: HashMap::new(),
        })
    }

    /// The glyphs of `text` (.notdef where the font has none; a character with
    /// a variation selector as the font's variant, 葛󠄀, when it has one), each
    /// with the characters it shows for copy and search and the space after it
    /// (`adjust`, pt at `size`, one per character without the selectors) as a
    /// TJ offset in thousandths of an em.
    fn codepoints(&mut self, face: Face, size: f32, text: &str, adjust: &[f32]) -> Vec<Codepoint> {
        let font = match face {
            Face::Mincho => &self.faces[0],
            Face::Gothic => &self.faces[1],
        };
        let mut out = Vec::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let selector = chars.next_if(|s| is_selector(*s));
            let gid = *self.known.entry((face, c, selector)).or_insert_with(|| {
                selector
                    .and_then(|s| font.glyph_variation_index(c, s))
                    .or_else(|| font.glyph_index(c))
                    .map_or(0, |g| g.0)
            });
            let offset = adjust.get(out.len()).map_or(0.0, |a| -a * 1000.0 / size);
            let shown: String = std::iter::once(c).chain(selector).collect();
            out.push(Codepoint::with_cid(gid, offset, shown));
        }
        out
    }
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
