//! The touches a published PDF needs beyond its pages: its language, the title
//! shown in the viewer's title bar, the XMP metadata accessibility checkers read
//! (title, author, language, dates), and one bookmark per 経営課題.

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
pub fn finish(doc: &mut Document, meta: &Metadata, bookmarks: &[Bookmark], height: f32) {
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set(
            "Lang",
            Object::String(meta.lang.as_bytes().to_vec(), StringFormat::Literal),
        );
        let mut prefs = Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    }
    add_metadata(doc, meta);
    add_outline(doc, bookmarks, height);
}

/// What the document says about itself (catalog and XMP metadata).
pub struct Metadata<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub lang: &'a str,
    /// ISO 8601, `2023-06-09T01:00:00Z`.
    pub date: &'a str,
}

/// Adds the catalog's XMP metadata stream (left uncompressed, as readers
/// expect). It claims no conformance level: nothing here validates one.
fn add_metadata(doc: &mut Document, meta: &Metadata) {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let producer = format!("ward-plan {}", env!("CARGO_PKG_VERSION"));
    let xmp = format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n\
         <dc:format>application/pdf</dc:format>\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
         <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
         <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>\n\
         <xmp:CreatorTool>ward-plan</xmp:CreatorTool>\n\
         <xmp:CreateDate>{date}</xmp:CreateDate>\n\
         <xmp:ModifyDate>{date}</xmp:ModifyDate>\n\
         <xmp:MetadataDate>{date}</xmp:MetadataDate>\n\
         <pdf:Producer>{producer}</pdf:Producer>\n\
         </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
        title = escape(meta.title),
        author = escape(meta.author),
        lang = escape(meta.lang),
        date = meta.date,
    );
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let stream = lopdf::Stream::new(dict, xmp.into_bytes()).with_compression(false);
    let id = doc.add_object(stream);
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Metadata", Object::Reference(id));
    }
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
