//! Writes laid-out pages as a PDF: the bundled fonts embedded as subsets, text
//! as real text (copy, paste and search work), document info, `/Lang (ja)`, a
//! bookmark per 経営課題 and a structure tree for screen readers. It makes no
//! layout decisions: it only translates `typeset` pages.
//!
//! The objects are written with lopdf directly. printpdf, used before, looked
//! up glyphs and re-read every subset glyph through its own font stack, which
//! cost three times the layout itself; what a plan needs from a PDF writer is
//! small enough to say here (`content`, `font`).

use chrono::{DateTime, FixedOffset};
use lopdf::{Dictionary, Document, Object, Stream};

mod content;
mod finish;
mod font;
mod tags;
mod unhint;

pub use finish::Bookmark;

use crate::typeset::page::{Page, Tag};

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
    /// The alternative text of each figure, by the block its words are tagged
    /// with (`Tag::block`): what a screen reader says instead of the drawing.
    pub figures: Vec<(u32, String)>,
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
    // Tagged PDF needs 1.4; object streams (which pack the many small
    // structure elements) 1.5.
    let mut doc = Document::with_version("1.7");
    let mut fonts = font::Fonts::new()?;
    let pages_id = doc.new_object_id();
    let resources_id = doc.new_object_id();

    let mut marks: Vec<Vec<Tag>> = Vec::with_capacity(pages.len());
    let mut kids = Vec::with_capacity(pages.len());
    for page in pages {
        let (stream, page_marks) = content::page_content(page, &mut fonts);
        marks.push(page_marks);
        let contents = doc.add_object(Stream::new(Dictionary::new(), stream));
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Parent", Object::Reference(pages_id));
        dict.set(
            "MediaBox",
            Object::Array(vec![
                0.into(),
                0.into(),
                Object::Real(page.size.0),
                Object::Real(page.size.1),
            ]),
        );
        dict.set("Resources", Object::Reference(resources_id));
        dict.set("Contents", Object::Reference(contents));
        kids.push(Object::Reference(doc.add_object(dict)));
    }

    // The text identifies the document, so different plans get different
    // subset tags.
    let text: String = pages.iter().flat_map(|p| p.lines()).collect();
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts.embed(&mut doc, &text)?));
    doc.objects
        .insert(resources_id, Object::Dictionary(resources));

    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Count", kids.len() as i64);
    tree.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(tree));

    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog));
    let info = doc.add_object(info(meta));
    doc.trailer.set("Info", Object::Reference(info));
    // The file identifier readers use to tell documents apart; both halves
    // the same on a file's first version.
    let id = Object::String(file_id(&text, meta), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    let height = pages.first().map_or(0.0, |p| p.size.1);
    let date = meta
        .created
        .naive_utc()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let about = finish::Metadata {
        title: &meta.title,
        author: &meta.author,
        lang: "ja",
        date: &date,
    };
    finish::finish(&mut doc, &about, &meta.bookmarks, height);
    tags::add_structure(&mut doc, &marks, &meta.figures);
    compress(&mut doc);
    let mut bytes = Vec::new();
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        // One object stream: each one costs a compressor.
        .max_objects_per_stream(usize::MAX)
        .compression_level(LEVEL)
        .build();
    doc.save_with_options(&mut bytes, options)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// The document information: title, author, the program, the dates.
fn info(meta: &PdfMeta) -> Dictionary {
    let mut info = Dictionary::new();
    for (key, value) in [("Title", &meta.title), ("Author", &meta.author)] {
        if !value.is_empty() {
            info.set(key, font::text_string(value));
        }
    }
    info.set("Creator", Object::string_literal("ward-plan"));
    info.set(
        "Producer",
        Object::string_literal(format!("ward-plan {}", env!("CARGO_PKG_VERSION"))),
    );
    let date = Object::string_literal(pdf_date(meta.created));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info
}

/// Sixteen bytes from the document's text, title and date.
fn file_id(text: &str, meta: &PdfMeta) -> Vec<u8> {
    use std::hash::{Hash as _, Hasher as _};
    (0u8..2)
        .flat_map(|half| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            (half, text, &meta.title, meta.created.timestamp()).hash(&mut hasher);
            hasher.finish().to_be_bytes()
        })
        .collect()
}

/// A PDF date in UTC (`D:20230609010000Z`).
fn pdf_date(t: DateTime<FixedOffset>) -> String {
    t.naive_utc().format("D:%Y%m%d%H%M%SZ").to_string()
}

/// Deflate levels, chosen by measurement (callgrind, whole export of the
/// sample with zlib-rs). The font subsets are four fifths of the file and
/// compress least: at level 1 (zlib-rs's quick deflate) the export takes
/// 34.0 M instructions for 116.8 KB, at level 2 39.5 M for 107.2 KB. Level 1
/// keeps both aims (40 M, 140 KB) with room on other machines, whose memcpy
/// and deflate paths count differently. The other streams are small and
/// compress well at 6.
const FONT_LEVEL: u32 = 1;
const LEVEL: u32 = 6;

/// Deflates every stream that may be compressed, with one compressor reset
/// between streams (setting one up costs more than a page's stream).
fn compress(doc: &mut lopdf::Document) {
    let mut deflate = flate2::Compress::new(flate2::Compression::new(LEVEL), true);
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        // Only an embedded font file has /Length1.
        let level = if stream.dict.has(b"Length1") {
            FONT_LEVEL
        } else {
            LEVEL
        };
        deflate.reset();
        let _ = deflate.set_level(flate2::Compression::new(level));
        let mut compressed = Vec::with_capacity(stream.content.len() / 2 + 64);
        loop {
            let before = deflate.total_in();
            let input = &stream.content[usize::try_from(before).unwrap_or(0)..];
            match deflate.compress_vec(input, &mut compressed, flate2::FlushCompress::Finish) {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => compressed.reserve(compressed.capacity().max(64)),
                Err(_) => {
                    compressed.clear();
                    break;
                }
            }
        }
        if !compressed.is_empty() && compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}
