//! The tagged-PDF structure tree, added to the written document: headings,
//! paragraphs, lists and tables in reading order, so that a screen reader (and a
//! city web site's accessibility check, JIS X 8341-3) reads the plan as a
//! document. `content` writes the marked content (`BDC /P <</MCID n>>`); this
//! builds the tree those marks belong to, the parent tree that maps them back,
//! and the catalog's `/MarkInfo`.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::typeset::page::{Role, Tag};

/// The structure type a role's marked content is tagged with.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Artifact => "Artifact",
        Role::Heading(1) => "H1",
        Role::Heading(2) => "H2",
        Role::Heading(3) => "H3",
        Role::Heading(_) => "H4",
        Role::Paragraph => "P",
        Role::ListLabel => "Lbl",
        Role::ListBody => "LBody",
        Role::HeaderCell { .. } => "TH",
        Role::Cell { .. } => "TD",
        Role::Figure => "Figure",
    }
}

/// A structure element being built.
struct Element {
    kind: &'static str,
    /// What it groups: a block, a table row, a column.
    key: u32,
    kids: Vec<Kid>,
}

enum Kid {
    Element(Element),
    /// Marked content `mcid` on page `page` (from 0).
    Mark {
        page: usize,
        mcid: usize,
    },
}

impl Element {
    fn new(kind: &'static str, key: u32) -> Element {
        Element {
            kind,
            key,
            kids: Vec::new(),
        }
    }

    /// The last kid if it is an element of `kind` with `key`, else a new one.
    fn child(&mut self, kind: &'static str, key: u32) -> &mut Element {
        let reuse =
            matches!(self.kids.last(), Some(Kid::Element(e)) if e.kind == kind && e.key == key);
        if !reuse {
            self.kids.push(Kid::Element(Element::new(kind, key)));
        }
        match self.kids.last_mut() {
            Some(Kid::Element(e)) => e,
            _ => unreachable!("an element was just pushed"),
        }
    }
}

/// The document's structure from the tags of its marked content, in reading
/// order: `marks[page][mcid]`.
fn build(marks: &[Vec<Tag>]) -> Element {
    let mut document = Element::new("Document", 0);
    for (page, tags) in marks.iter().enumerate() {
        for (mcid, tag) in tags.iter().enumerate() {
            let mark = Kid::Mark { page, mcid };
            let block = tag.block;
            let parent = match tag.role {
                Role::Artifact => continue,
                Role::ListLabel | Role::ListBody => document
                    .child("L", u32::MAX)
                    .child("LI", block)
                    .child(role_name(tag.role), 0),
                Role::HeaderCell { col } => document
                    .child("Table", block)
                    .child("TR", u32::MAX)
                    .child("TH", u32::from(col)),
                Role::Cell { row, col } => document
                    .child("Table", block)
                    .child("TR", u32::from(row))
                    .child("TD", u32::from(col)),
                role => document.child(role_name(role), block),
            };
            parent.kids.push(mark);
        }
    }
    document
}

/// Adds the structure tree for `marks` (per page, the tag of each MCID) and
/// marks the document as tagged.
pub fn add_structure(doc: &mut Document, marks: &[Vec<Tag>], figures: &[(u32, String)]) {
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let root_id = doc.new_object_id();
    let mut parents: Vec<Vec<Object>> = marks.iter().map(|m| vec![Object::Null; m.len()]).collect();
    let document = build(marks);
    let document_id = write(doc, &document, root_id, &pages, &mut parents, figures);

    let mut nums = Vec::new();
    for (n, refs) in parents.into_iter().enumerate() {
        nums.push(Object::Integer(n as i64));
        nums.push(Object::Array(refs));
    }
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", Object::Array(nums));
    let parent_tree = doc.add_object(parent_tree);

    let mut root = Dictionary::new();
    root.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    root.set("K", Object::Reference(document_id));
    root.set("ParentTree", Object::Reference(parent_tree));
    root.set("ParentTreeNextKey", Object::Integer(marks.len() as i64));
    doc.objects.insert(root_id, Object::Dictionary(root));

    for (n, page) in pages.iter().enumerate() {
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(*page) {
            dict.set("StructParents", Object::Integer(n as i64));
            // Tab order follows the structure.
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
    }
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("StructTreeRoot", Object::Reference(root_id));
        let mut mark_info = Dictionary::new();
        mark_info.set("Marked", Object::Boolean(true));
        catalog.set("MarkInfo", Object::Dictionary(mark_info));
    }
}

/// Writes `element` and everything in it; records in `parents` which element
/// holds each marked content. Returns the element's object.
fn write(
    doc: &mut Document,
    element: &Element,
    parent: ObjectId,
    pages: &[ObjectId],
    parents: &mut [Vec<Object>],
    figures: &[(u32, String)],
) -> ObjectId {
    let id = doc.new_object_id();
    // Marks on the element's page (that of its first mark) are plain MCIDs;
    // only one continued on another page needs a reference dictionary.
    let home = element.kids.iter().find_map(|kid| match kid {
        Kid::Mark { page, .. } => pages.get(*page).copied(),
        Kid::Element(_) => None,
    });
    let mut kids = Vec::new();
    for kid in &element.kids {
        match kid {
            Kid::Element(e) => {
                kids.push(Object::Reference(write(
                    doc, e, id, pages, parents, figures,
                )));
            }
            Kid::Mark { page, mcid } => {
                let Some(&page_id) = pages.get(*page) else {
                    continue;
                };
                if Some(page_id) == home {
                    kids.push(Object::Integer(*mcid as i64));
                } else {
                    let mut mcr = Dictionary::new();
                    mcr.set("Type", Object::Name(b"MCR".to_vec()));
                    mcr.set("Pg", Object::Reference(page_id));
                    mcr.set("MCID", Object::Integer(*mcid as i64));
                    kids.push(Object::Dictionary(mcr));
                }
                if let Some(slot) = parents.get_mut(*page).and_then(|p| p.get_mut(*mcid)) {
                    *slot = Object::Reference(id);
                }
            }
        }
    }
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructElem".to_vec()));
    dict.set("S", Object::Name(element.kind.as_bytes().to_vec()));
    dict.set("P", Object::Reference(parent));
    if let Some(home) = home {
        dict.set("Pg", Object::Reference(home));
    }
    dict.set("K", Object::Array(kids));
    if element.kind == "Figure"
        && let Some((_, alt)) = figures.iter().find(|(block, _)| *block == element.key)
    {
        dict.set("Alt", super::font::text_string(alt));
    }
    doc.objects.insert(id, Object::Dictionary(dict));
    id
}
