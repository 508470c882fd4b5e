//! The two bundled faces as embedded PDF fonts: each character looked up once,
//! glyphs numbered in the order they are first shown, and only those glyphs
//! embedded (subsetter, the subsetter typst uses; hints dropped, `unhint`) as a
//! CID-keyed TrueType font with its widths and a ToUnicode map, so that copy
//! and search give back the text as typed.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash as _, Hasher as _};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use rustc_hash::FxHashMap;
use subsetter::GlyphRemapper;

use super::PdfError;
use crate::fonts::Face;
use crate::typeset::linebreak::is_selector;

/// One face as used so far by the document.
struct Used {
    face: ttf_parser::Face<'static>,
    /// Original glyph id → the id in the subset (which is also its CID).
    remapper: GlyphRemapper,
    /// A character, with its variation selector if any → its CID.
    known: FxHashMap<(char, Option<char>), u16>,
    /// CID → the text it stands for (the first seen).
    text: HashMap<u16, String>,
    /// How many distinct characters the font lacks. Each gets a CID of its
    /// own past the font's glyphs, drawn as .notdef, so that copy, search and
    /// screen readers still get the character (`check` has warned about it).
    missing: u16,
}

/// The fonts of one document.
pub struct Fonts {
    used: [Used; 2],
}

/// The resource names the content streams use for the faces.
pub fn resource_name(face: Face) -> &'static str {
    match face {
        Face::Mincho => "F1",
        Face::Gothic => "F2",
    }
}

fn index(face: Face) -> usize {
    match face {
        Face::Mincho => 0,
        Face::Gothic => 1,
    }
}

fn name(face: Face) -> &'static str {
    match face {
        Face::Mincho => "BIZ UD明朝",
        Face::Gothic => "BIZ UDゴシック",
    }
}

impl Fonts {
    /// Parses both bundled faces (ttf-parser reads tables lazily, so this is cheap).
    pub fn new() -> Result<Fonts, PdfError> {
        let used = |face: Face| -> Result<Used, PdfError> {
            Ok(Used {
                face: ttf_parser::Face::parse(face.bytes(), 0)
                    .map_err(|_| PdfError::Font(name(face)))?,
                remapper: GlyphRemapper::new(),
                known: FxHashMap::default(),
                text: HashMap::new(),
                missing: 0,
            })
        };
        Ok(Fonts {
            used: [used(Face::Mincho)?, used(Face::Gothic)?],
        })
    }

    /// The CIDs of `text` in `face`, one per character (a variation selector
    /// rides with its character: 葛󠄀 is the font's variant where it has one).
    /// A CID is the glyph's id in the subset; a character the font lacks gets
    /// one past the font's glyphs, drawn as .notdef.
    pub fn glyphs(&mut self, face: Face, text: &str, out: &mut Vec<u16>) {
        let used = &mut self.used[index(face)];
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let selector = chars.next_if(|s| is_selector(*s));
            let gid = match used.known.get(&(c, selector)) {
                Some(gid) => *gid,
                None => {
                    let variant = selector.and_then(|s| used.face.glyph_variation_index(c, s));
                    let original = variant.or_else(|| used.face.glyph_index(c));
                    // What copy gives back: the sequence only where it printed
                    // as the variant.
                    let shown: String = std::iter::once(c)
                        .chain(selector.filter(|_| variant.is_some()))
                        .collect();
                    let cid = match original {
                        Some(g) => used.remapper.remap(g.0),
                        None => {
                            let cid = used
                                .face
                                .number_of_glyphs()
                                .checked_add(used.missing)
                                .unwrap_or(0);
                            used.missing = used.missing.saturating_add(1);
                            cid
                        }
                    };
                    if cid != 0 {
                        used.text.entry(cid).or_insert(shown);
                    }
                    used.known.insert((c, selector), cid);
                    cid
                }
            };
            out.push(gid);
        }
    }

    /// Embeds each face that was used and returns the font resources
    /// (`/F1`, `/F2`). `seed` identifies the document: a subset tag names one
    /// particular subset, so two documents must not share one.
    pub fn embed(&self, doc: &mut Document, seed: &str) -> Result<Dictionary, PdfError> {
        let mut resources = Dictionary::new();
        for face in [Face::Mincho, Face::Gothic] {
            let used = &self.used[index(face)];
            if used.known.is_empty() {
                continue;
            }
            let font = embed_face(doc, face, used, seed)?;
            resources.set(resource_name(face), Object::Reference(font));
        }
        Ok(resources)
    }
}

fn embed_face(
    doc: &mut Document,
    face: Face,
    used: &Used,
    seed: &str,
) -> Result<ObjectId, PdfError> {
    let data = face.bytes();
    let subset = subsetter::subset(data, 0, &used.remapper)
        .map_err(|e| PdfError::Write(format!("{}: {e}", name(face))))?;
    let subset = super::unhint::unhint(&subset).unwrap_or(subset);
    let font = &used.face;
    let postscript = font
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| "BIZUD".to_owned());
    let base_font = format!("{}+{postscript}", subset_tag(seed, &postscript));
    let em = f32::from(font.units_per_em());
    let scale = |v: f32| (v * 1000.0 / em).round() as i64;

    let length = subset.len() as i64;
    let mut file = Stream::new(Dictionary::new(), subset);
    file.dict.set("Length1", length);
    let file = doc.add_object(file);

    let bbox = font.global_bounding_box();
    let mut descriptor = Dictionary::new();
    descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
    descriptor.set("FontName", Object::Name(base_font.clone().into_bytes()));
    // Symbolic: its glyphs are addressed by CID, not by a standard encoding.
    descriptor.set("Flags", 4);
    descriptor.set(
        "FontBBox",
        Object::Array(
            [bbox.x_min, bbox.y_min, bbox.x_max, bbox.y_max]
                .iter()
                .map(|v| Object::Integer(scale(f32::from(*v))))
                .collect(),
        ),
    );
    descriptor.set("ItalicAngle", 0);
    descriptor.set("Ascent", scale(f32::from(font.ascender())));
    descriptor.set("Descent", scale(f32::from(font.descender())));
    let cap = font.capital_height().unwrap_or(font.ascender());
    descriptor.set("CapHeight", scale(f32::from(cap)));
    descriptor.set("StemV", 80);
    descriptor.set("FontFile2", Object::Reference(file));
    let descriptor = doc.add_object(descriptor);

    // Widths of the glyphs that are not a full em, in runs of consecutive CIDs.
    let mut widths: Vec<Object> = Vec::new();
    let mut run: Option<(u16, Vec<Object>)> = None;
    for (cid, original) in used.remapper.remapped_gids().enumerate() {
        let cid = cid as u16;
        // Exact, as the layout measured it: a rounded width would move every
        // glyph after it on the line.
        let advance = font
            .glyph_hor_advance(ttf_parser::GlyphId(original))
            .map_or(1000.0, |a| f32::from(a) * 1000.0 / em);
        let advance = if (advance - advance.round()).abs() < 0.001 {
            Object::Integer(advance.round() as i64)
        } else {
            Object::Real(advance)
        };
        if advance == Object::Integer(1000) {
            if let Some((first, ws)) = run.take() {
                widths.push(Object::Integer(i64::from(first)));
                widths.push(Object::Array(ws));
            }
            continue;
        }
        match &mut run {
            Some((_, ws)) => ws.push(advance),
            None => run = Some((cid, vec![advance])),
        }
    }
    if let Some((first, ws)) = run {
        widths.push(Object::Integer(i64::from(first)));
        widths.push(Object::Array(ws));
    }
    // The missing characters' CIDs draw .notdef: identity up to the subset's
    // glyphs, 0 after.
    let glyphs = used.remapper.num_gids();
    let cid_to_gid = if used.missing == 0 {
        Object::Name(b"Identity".to_vec())
    } else {
        let first = font.number_of_glyphs();
        let notdef = font
            .glyph_hor_advance(ttf_parser::GlyphId(0))
            .map_or(1000, |a| scale(f32::from(a)));
        widths.push(Object::Integer(i64::from(first)));
        widths.push(Object::Array(vec![
            Object::Integer(notdef);
            usize::from(used.missing)
        ]));
        let end = first.saturating_add(used.missing);
        let map: Vec<u8> = (0..end)
            .flat_map(|cid| if cid < glyphs { cid } else { 0 }.to_be_bytes())
            .collect();
        Object::Reference(doc.add_object(Stream::new(Dictionary::new(), map)))
    };

    let mut system = Dictionary::new();
    system.set("Registry", Object::string_literal("Adobe"));
    system.set("Ordering", Object::string_literal("Identity"));
    system.set("Supplement", 0);
    let mut cid_font = Dictionary::new();
    cid_font.set("Type", Object::Name(b"Font".to_vec()));
    cid_font.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
    cid_font.set("BaseFont", Object::Name(base_font.clone().into_bytes()));
    cid_font.set("CIDSystemInfo", Object::Dictionary(system));
    cid_font.set("FontDescriptor", Object::Reference(descriptor));
    cid_font.set("DW", 1000);
    cid_font.set("W", Object::Array(widths));
    cid_font.set("CIDToGIDMap", cid_to_gid);
    let cid_font = doc.add_object(cid_font);

    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode(&used.text)));

    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type0".to_vec()));
    font.set("BaseFont", Object::Name(base_font.into_bytes()));
    font.set("Encoding", Object::Name(b"Identity-H".to_vec()));
    font.set(
        "DescendantFonts",
        Object::Array(vec![Object::Reference(cid_font)]),
    );
    font.set("ToUnicode", Object::Reference(to_unicode));
    Ok(doc.add_object(font))
}

/// Six capital letters derived from the document and the font.
fn subset_tag(seed: &str, font: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    seed.hash(&mut hasher);
    font.hash(&mut hasher);
    let mut n = hasher.finish();
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (n % 26) as u8);
            n /= 26;
            c
        })
        .collect()
}

/// The ToUnicode CMap: each CID (two bytes) → its text in UTF-16BE.
fn to_unicode(text: &HashMap<u16, String>) -> Vec<u8> {
    let mut entries: Vec<(&u16, &String)> = text.iter().collect();
    entries.sort();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    // At most 100 entries per block.
    for block in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for (cid, text) in block {
            let _ = write!(out, "<{cid:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// A PDF text string: UTF-16BE with a byte-order mark, which any text can use.
pub fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}
