//! The touches a published PDF needs beyond its pages: its language, the title
//! shown in the viewer's title bar, and one bookmark per 経営課題.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::font::text_string;

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

/// Applies every touch.
pub fn finish(doc: &mut Document, lang: &str, bookmarks: &[Bookmark], height: f32) {
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set(
            "Lang",
            Object::String(lang.as_bytes().to_vec(), StringFormat::Literal),
        );
        let mut prefs = Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    }
    add_outline(doc, bookmarks, height);
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
