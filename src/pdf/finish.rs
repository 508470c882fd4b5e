//! The touches a published PDF needs that printpdf does not make, applied to the
//! written document: its language, the title shown in the viewer's title bar, no
//! empty document-info entries (an empty GTS_PDFXVersion made viewers report a
//! PDF/X subtype the file is not), font subset tags that differ between
//! documents, and one bookmark per 経営課題.

use std::hash::{Hash as _, Hasher as _};

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

/// A bookmark: its title, the page (from 0) and the height on it (pt from the top).
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    /// What the bookmark says: 経営課題1 だれもが….
    pub title: String,
    /// The page, from 0.
    pub page: usize,
    /// The heading's top, pt from the page's top.
    pub top: f32,
}

/// Applies every touch. `content` identifies the document (its text), so that
/// two different documents get different subset tags.
pub fn finish(doc: &mut Document, lang: &str, bookmarks: &[Bookmark], content: &str, height: f32) {
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set(
            "Lang",
            Object::String(lang.as_bytes().to_vec(), StringFormat::Literal),
        );
        let mut prefs = Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    }
    drop_empty_info(doc);
    retag_subsets(doc, content);
    add_outline(doc, bookmarks, height);
}

/// Removes document-info entries with empty values.
fn drop_empty_info(doc: &mut Document) {
    let Ok(Object::Reference(info)) = doc.trailer.get(b"Info").cloned() else {
        return;
    };
    if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(info) {
        let empty: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(_, v)| matches!(v, Object::String(s, _) if s.is_empty()))
            .map(|(k, _)| k.clone())
            .collect();
        for key in empty {
            dict.remove(&key);
        }
    }
}

/// Gives font subsets tags derived from the document's text: a subset tag names
/// one particular subset, so two documents must not share one.
fn retag_subsets(doc: &mut Document, content: &str) {
    for object in doc.objects.values_mut() {
        let Object::Dictionary(dict) = object else {
            continue;
        };
        for key in [b"BaseFont".as_slice(), b"FontName".as_slice()] {
            let Ok(Object::Name(name)) = dict.get(key) else {
                continue;
            };
            let Some(plus) = name.iter().position(|b| *b == b'+').filter(|p| *p == 6) else {
                continue;
            };
            let font = name[plus + 1..].to_vec();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            content.hash(&mut hasher);
            font.hash(&mut hasher);
            let mut n = hasher.finish();
            let mut tagged: Vec<u8> = (0..6)
                .map(|_| {
                    let c = b'A' + (n % 26) as u8;
                    n /= 26;
                    c
                })
                .collect();
            tagged.push(b'+');
            tagged.extend(font);
            dict.set(key, Object::Name(tagged));
        }
    }
}

fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// The document outline: one entry per bookmark, opening at its heading.
fn add_outline(doc: &mut Document, bookmarks: &[Bookmark], height: f32) {
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let items: Vec<(&Bookmark, ObjectId)> = bookmarks
        .iter()
        .filter_map(|b| pages.get(b.page).map(|p| (b, *p)))
        .collect();
    if items.is_empty() {
        return;
    }
    let outline_id = doc.new_object_id();
    let ids: Vec<ObjectId> = items.iter().map(|_| doc.new_object_id()).collect();
    for (n, ((bookmark, page), id)) in items.iter().zip(&ids).enumerate() {
        let mut item = Dictionary::new();
        item.set("Title", text_string(&bookmark.title));
        item.set("Parent", Object::Reference(outline_id));
        if n > 0 {
            item.set("Prev", Object::Reference(ids[n - 1]));
        }
        if let Some(next) = ids.get(n + 1) {
            item.set("Next", Object::Reference(*next));
        }
        item.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(*page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(height - bookmark.top + 12.0),
                Object::Null,
            ]),
        );
        doc.objects.insert(*id, Object::Dictionary(item));
    }
    let mut outline = Dictionary::new();
    outline.set("Type", Object::Name(b"Outlines".to_vec()));
    outline.set("First", Object::Reference(ids[0]));
    outline.set("Last", Object::Reference(ids[ids.len() - 1]));
    outline.set("Count", Object::Integer(ids.len() as i64));
    doc.objects.insert(outline_id, Object::Dictionary(outline));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Outlines", Object::Reference(outline_id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
}
