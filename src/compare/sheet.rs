//! The 新旧対照表: the changes between two versions as the conventional table,
//! 新 (after) on the left, 旧 (before) on the right and 備考 stating the kind of
//! change, changed characters underlined on both sides, headings and item numbers
//! as each version prints them, unchanged parts as (略) or left out.

use std::collections::HashMap;
use std::ops::Range;

use super::align::align;
use super::diff::{Change, diff};
use super::report::{kind, show};
use super::slots::Key;
use crate::blocks::{self, Medium};
use crate::fonts::Face;
use crate::model::fields::{self as f, Era};
use crate::model::walk::Value;
use crate::model::{ItemId, Part, Plan};
use crate::numbering;
use crate::typeset::sheet::{Para, Sheet};

/// What to do with the parts that did not change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unchanged {
    /// Show a (略) row where unchanged parts are left out.
    Abbreviate,
    /// Leave them out without a word.
    Omit,
}

/// The 新旧対照表 of `old` → `new`.
pub fn sheet(old: &Plan, new: &Plan, unchanged: Unchanged) -> Sheet {
    let new = align(old, new);
    // The sheet shows the document; the ward's writing settings do not print.
    let changes: Vec<Change> = diff(old, &new)
        .into_iter()
        .filter(|c| !matches!(c, Change::Field { key, .. } if key.group.is_some_and(|g| *g == f::WRITING)))
        .collect();
    let (old_h, new_h) = (Headings::of(old), Headings::of(&new));
    let mut rows: Vec<Vec<Vec<Para>>> = Vec::new();
    let mut groups: Vec<(Option<ItemId>, Vec<&Change>)> = Vec::new();
    for change in &changes {
        let item = match change {
            Change::Field { item, .. } => *item,
            _ => None,
        };
        match groups.last_mut() {
            Some((last, list)) if item.is_some() && *last == item => list.push(change),
            _ => groups.push((item, vec![change])),
        }
    }
    let abbreviated = || {
        let left_out = vec![Para::plain("(略)", Face::Mincho)];
        vec![left_out.clone(), left_out, Vec::new()]
    };
    for (n, (item, group)) in groups.iter().enumerate() {
        if unchanged == Unchanged::Abbreviate && (n > 0 || !starts_plan(group)) {
            rows.push(abbreviated());
        }
        rows.push(group_row(*item, group, (old, &old_h), (&new, &new_h)));
    }
    if unchanged == Unchanged::Abbreviate && !rows.is_empty() {
        rows.push(abbreviated());
    }
    if rows.is_empty() {
        rows.push(vec![
            vec![Para::plain("変更はありません。", Face::Mincho)],
            vec![],
            vec![],
        ]);
    }
    Sheet {
        title: format!("{} 新旧対照表", blocks::title(&new, Medium::Print)),
        // Which versions: 新（案） against 旧（確定）.
        headers: vec![
            format!("新（{}）", new.stage.label()),
            format!("旧（{}）", old.stage.label()),
            "備考".to_owned(),
        ],
        widths: vec![10.0, 10.0, 2.2],
        most_lines: vec![None; 3],
        rows,
    }
}

/// Whether the group is the plan's first field (nothing unchanged before it).
fn starts_plan(group: &[&Change]) -> bool {
    matches!(group.first(), Some(Change::Field { item: None, key, .. }) if *key.field == f::FISCAL_YEAR)
}

/// Each item's printed heading in one version.
struct Headings {
    era: Era,
    items: HashMap<ItemId, String>,
}

impl Headings {
    fn of(plan: &Plan) -> Headings {
        let items = numbering::outline(plan)
            .into_iter()
            .map(|item| {
                (
                    item.part.id(),
                    blocks::Headings::of(plan).item(&item.number, item.part),
                )
            })
            .collect();
        Headings {
            era: plan.era(),
            items,
        }
    }

    fn item(&self, id: ItemId) -> String {
        self.items.get(&id).cloned().unwrap_or_default()
    }
}

/// One row: the changes of one item (or one plan-level change).
fn group_row(
    item: Option<ItemId>,
    group: &[&Change],
    (old, old_h): (&Plan, &Headings),
    (new, new_h): (&Plan, &Headings),
) -> Vec<Vec<Para>> {
    let (mut left, mut right, mut remarks) = (Vec::new(), Vec::new(), Vec::<String>::new());
    let mut remark = |k: &str| {
        let k = format!("({k})");
        if !remarks.contains(&k) {
            remarks.push(k);
        }
    };
    // Both versions' headings of an item, what differs underlined.
    let headings = |left: &mut Vec<Para>, right: &mut Vec<Para>, id: ItemId| {
        let (a, b) = (old_h.item(id), new_h.item(id));
        let (ma, mb) = marks(&a, &b);
        left.push(Para::marked(b, Face::Gothic, mb));
        right.push(Para::marked(a, Face::Gothic, ma));
    };
    if let Some(id) = item {
        headings(&mut left, &mut right, id);
    }
    for change in group {
        remark(kind(change));
        match change {
            Change::Field {
                key,
                old: a,
                new: b,
                ..
            } => {
                if item.is_some() && heading_field(key) {
                    continue; // the heading above shows it
                }
                field_paras(
                    &mut left,
                    key,
                    b.as_ref(),
                    a.as_ref(),
                    new_h.era,
                    item.is_none(),
                );
                field_paras(
                    &mut right,
                    key,
                    a.as_ref(),
                    b.as_ref(),
                    old_h.era,
                    item.is_none(),
                );
            }
            Change::Added { subtree, .. } => left.extend(subtree_paras(new, subtree.id())),
            Change::Deleted { subtree } => right.extend(subtree_paras(old, subtree.id())),
            Change::Moved { id, .. } => headings(&mut left, &mut right, *id),
        }
    }
    let remarks = vec![Para::plain(remarks.join(""), Face::Mincho)];
    vec![left, right, remarks]
}

/// Fields that the item's heading shows (title, number, budget).
fn heading_field(key: &Key) -> bool {
    [f::TITLE, f::NUMBER, f::BUDGET].contains(key.field)
}

/// A changed field on one side: its heading as printed, then its text with the
/// characters that differ from `other` underlined.
fn field_paras(
    out: &mut Vec<Para>,
    key: &Key,
    value: Option<&Value<'static>>,
    other: Option<&Value<'static>>,
    era: Era,
    plan_level: bool,
) {
    let Some(value) = value else {
        return;
    };
    let heading = match key.group {
        Some(g) if *g == f::CONTACT => {
            format!("【{}】{}", f::CONTACT.heading(era), key.field.label)
        }
        Some(g) => format!("{}{}", g.heading(era), optional(key.field.heading(era))),
        None if plan_level => format!("【{}】", key.field.heading(era)),
        None => key.field.heading(era).to_owned(),
    };
    if !heading.is_empty() {
        out.push(Para::plain(heading, Face::Gothic));
    }
    let text = show(Some(value));
    let other_text = other.map(|o| show(Some(o))).unwrap_or_default();
    let text = if *key.field == f::POLICY {
        format!("{}{text}", blocks::BULLET)
    } else {
        text
    };
    let other_text = if *key.field == f::POLICY {
        format!("{}{other_text}", blocks::BULLET)
    } else {
        other_text
    };
    let (mine, _) = marks(&text, &other_text);
    out.extend(split_lines(&text, &mine));
}

fn optional(heading: &str) -> String {
    if heading.is_empty() {
        String::new()
    } else {
        format!(" {heading}")
    }
}

/// A multi-line text as one paragraph per line, each with its marks.
fn split_lines(text: &str, marks: &[Range<usize>]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let local: Vec<Range<usize>> = marks
            .iter()
            .filter_map(|r| {
                let (a, b) = (r.start.max(start), r.end.min(start + len));
                (a < b).then(|| a - start..b - start)
            })
            .collect();
        if !line.trim().is_empty() {
            out.push(Para::marked(line, Face::Mincho, local));
        }
        start += len + 1;
    }
    out
}

/// An added or deleted item as its version prints it: headings and texts,
/// with everything in it, underlined as wholly new or wholly gone.
fn subtree_paras(plan: &Plan, id: ItemId) -> Vec<Para> {
    let mut out = Vec::new();
    let Some(top) = plan.locate(id) else {
        return out;
    };
    for item in numbering::outline(plan) {
        let p = item.path;
        if !(p == top || p.parent() == top || p.parent().parent() == top) {
            continue;
        }
        let heading = blocks::Headings::of(plan).item(&item.number, item.part);
        let all = |t: &str| std::iter::once(0..t.chars().count()).collect::<Vec<_>>();
        out.push(Para::marked(heading.clone(), Face::Gothic, all(&heading)));
        let text = match item.part {
            Part::Issue(i) => &i.description,
            Part::Strategy(s) => &s.text,
            Part::Initiative(k) => &k.text,
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            out.push(Para::marked(line, Face::Mincho, all(line)));
        }
    }
    out
}

/// The character ranges that differ between `a` and `b`, in each.
fn marks(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut ma, mut mb) = (Vec::new(), Vec::new());
    let (mut ia, mut ib) = (0, 0);
    for chunk in dissimilar::diff(a, b) {
        match chunk {
            dissimilar::Chunk::Equal(t) => {
                let n = t.chars().count();
                ia += n;
                ib += n;
            }
            dissimilar::Chunk::Delete(t) => {
                let n = t.chars().count();
                ma.push(ia..ia + n);
                ia += n;
            }
            dissimilar::Chunk::Insert(t) => {
                let n = t.chars().count();
                mb.push(ib..ib + n);
                ib += n;
            }
        }
    }
    (ma, mb)
}
