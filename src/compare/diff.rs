//! The changes between two versions of a plan, by item and field. Items are
//! matched by identity (and, for items from files without it, by title and
//! number, see [`align`](super::align::align)), so a reordered or renumbered item is moved, not deleted
//! and added again.

use std::collections::{HashMap, HashSet};

use super::align::{Node, align, common, nodes};
use super::slots::{self, Entry, Key, Slot};
use crate::model::fields as f;
use crate::model::walk::Value;
use crate::model::{Initiative, Issue, ItemId, Part, Plan, Strategy};

/// One change from the old version to the new one.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A field of the plan (`item: None`) or of an item has another value; `None`
    /// is a list entry that is not there (a bullet added or removed).
    Field {
        /// The item, by identity; none for the plan's own fields.
        item: Option<ItemId>,
        /// Where in the item.
        key: Key,
        /// The old value.
        old: Option<Value<'static>>,
        /// The new value.
        new: Option<Value<'static>>,
    },
    /// An item (with what it holds) that only the new version has.
    Added {
        /// Where it goes.
        at: Place,
        /// The item as the new version has it; items inside it that the old
        /// version has elsewhere are left out (they are moved, each on its own).
        subtree: Subtree,
    },
    /// An item (with what it holds) that only the old version has.
    Deleted {
        /// The item as the old version has it.
        subtree: Subtree,
    },
    /// An item both versions have, in another place in the new one.
    Moved {
        /// The item.
        id: ItemId,
        /// Where it is in the new version.
        at: Place,
    },
}

/// Where an item sits: under which parent, after which sibling.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The issue or strategy it is in; none for an issue.
    pub parent: Option<ItemId>,
    /// The sibling it follows; none when it comes first.
    pub after: Option<ItemId>,
    /// Its position among its siblings, if the sibling it follows is gone.
    pub index: usize,
}

/// An item with everything in it.
#[derive(Clone, Debug, PartialEq)]
pub enum Subtree {
    /// An issue with its strategies and initiatives.
    Issue(Issue),
    /// A strategy with its initiatives.
    Strategy(Strategy),
    /// An initiative.
    Initiative(Initiative),
}

impl Subtree {
    /// The item's identity.
    pub fn id(&self) -> ItemId {
        match self {
            Subtree::Issue(i) => i.id,
            Subtree::Strategy(s) => s.id,
            Subtree::Initiative(k) => k.id,
        }
    }

    /// Every identity in the item, its own included.
    pub fn ids(&self) -> HashSet<ItemId> {
        let mut ids = HashSet::from([self.id()]);
        match self {
            Subtree::Issue(issue) => {
                for s in &issue.strategies {
                    ids.insert(s.id);
                    ids.extend(s.initiatives.iter().map(|k| k.id));
                }
            }
            Subtree::Strategy(s) => ids.extend(s.initiatives.iter().map(|k| k.id)),
            Subtree::Initiative(_) => {}
        }
        ids
    }

    pub(super) fn of(part: Part<'_>) -> Subtree {
        match part {
            Part::Issue(i) => Subtree::Issue(i.clone()),
            Part::Strategy(s) => Subtree::Strategy(s.clone()),
            Part::Initiative(k) => Subtree::Initiative(k.clone()),
        }
    }

    /// Leaves out the items (below the top one) that `keep_out` names.
    fn without(mut self, keep_out: &impl Fn(ItemId) -> bool) -> Subtree {
        match &mut self {
            Subtree::Issue(issue) => {
                issue.strategies.retain(|s| !keep_out(s.id));
                for s in &mut issue.strategies {
                    s.initiatives.retain(|k| !keep_out(k.id));
                }
            }
            Subtree::Strategy(s) => s.initiatives.retain(|k| !keep_out(k.id)),
            Subtree::Initiative(_) => {}
        }
        self
    }
}

/// The changes from `old` to `new`, in the new version's document order.
pub fn diff(old: &Plan, new: &Plan) -> Vec<Change> {
    let new = align(old, new);
    let olds = nodes(old);
    let news = nodes(&new);
    let old_by_id: HashMap<ItemId, &Node> = olds.iter().map(|n| (n.id, n)).collect();
    let new_by_id: HashMap<ItemId, &Node> = news.iter().map(|n| (n.id, n)).collect();
    let old_slots = by_item(slots::slots(old));
    let new_slots = by_item(slots::slots(&new));

    let moved = moved_items(&olds, &news, &old_by_id);
    // Deleted items, shown where they were: after the sibling before them, or
    // first under their parent.
    let mut deleted_after: HashMap<Option<ItemId>, Vec<Change>> = HashMap::new();
    let mut deleted_first: HashMap<Option<ItemId>, Vec<Change>> = HashMap::new();
    for (i, o) in olds.iter().enumerate() {
        let gone = !new_by_id.contains_key(&o.id);
        let parent_stays = o.parent.is_none_or(|p| new_by_id.contains_key(&p));
        if !(gone && parent_stays) {
            continue;
        }
        let Some(part) = old.get(o.path) else {
            continue;
        };
        let change = Change::Deleted {
            subtree: Subtree::of(part).without(&|id| new_by_id.contains_key(&id)),
        };
        let before = olds[..i].iter().rev().find(|s| {
            s.parent == o.parent && s.kind() == o.kind() && new_by_id.contains_key(&s.id)
        });
        match before {
            Some(s) => deleted_after.entry(Some(s.id)).or_default().push(change),
            None => deleted_first.entry(o.parent).or_default().push(change),
        }
    }

    let mut out = Vec::new();
    let (head, tail): (Vec<Slot>, Vec<Slot>) = old_slots
        .get(&None)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .partition(|s| !is_tail(&s.key));
    let (new_head, new_tail): (Vec<Slot>, Vec<Slot>) = new_slots
        .get(&None)
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .partition(|s| !is_tail(&s.key));
    field_changes(None, &head, &new_head, &mut out);
    out.extend(deleted_first.remove(&None).unwrap_or_default());
    let children = |parent: Option<ItemId>| news.iter().filter(move |n| n.parent == parent);
    let mut stack: Vec<(ItemId, bool)> = children(None).map(|n| (n.id, false)).rev().collect();
    while let Some((id, done)) = stack.pop() {
        let Some(n) = new_by_id.get(&id) else {
            continue;
        };
        if done {
            out.extend(deleted_after.remove(&Some(id)).unwrap_or_default());
            continue;
        }
        let at = place(&news, n);
        match old_by_id.get(&id) {
            None => {
                let added_parent = n.parent.is_some_and(|p| !old_by_id.contains_key(&p));
                if !added_parent && let Some(part) = new.get(n.path) {
                    let subtree = Subtree::of(part).without(&|i| old_by_id.contains_key(&i));
                    out.push(Change::Added { at, subtree });
                }
            }
            Some(_) => {
                if moved.contains(&id) {
                    out.push(Change::Moved { id, at });
                }
                let empty = Vec::new();
                let a = old_slots.get(&Some(id)).unwrap_or(&empty);
                let b = new_slots.get(&Some(id)).unwrap_or(&empty);
                field_changes(Some(id), a, b, &mut out);
            }
        }
        out.extend(deleted_first.remove(&Some(id)).unwrap_or_default());
        stack.push((id, true));
        let kids: Vec<(ItemId, bool)> = children(Some(id)).map(|c| (c.id, false)).collect();
        stack.extend(kids.into_iter().rev());
    }
    // Deleted items whose anchors were not reached (their parent moved away).
    for (_, rest) in deleted_after.into_iter().chain(deleted_first) {
        out.extend(rest);
    }
    field_changes(None, &tail, &new_tail, &mut out);
    out
}

/// Fields printed after the issues: the overall evaluation, the future direction
/// and the contact block; then the settings, which do not print.
fn is_tail(key: &Key) -> bool {
    *key.field == f::OVERALL_EVALUATION
        || *key.field == f::FUTURE_DIRECTION
        || key
            .group
            .is_some_and(|g| *g == f::CONTACT || *g == f::WORDING || *g == f::WRITING)
}

fn by_item(slots: Vec<Slot>) -> HashMap<Option<ItemId>, Vec<Slot>> {
    let mut out: HashMap<Option<ItemId>, Vec<Slot>> = HashMap::new();
    for slot in slots {
        out.entry(slot.item).or_default().push(slot);
    }
    out
}

/// The changed values of one item (or of the plan), in the new version's order.
/// A list's changes are worked out together, where its first entry is.
fn field_changes(item: Option<ItemId>, old: &[Slot], new: &[Slot], out: &mut Vec<Change>) {
    fn find<'s, 'a>(slots: &'s [Slot<'a>], key: &Key) -> Option<&'s Value<'a>> {
        slots.iter().find(|s| s.key == *key).map(|s| &s.value)
    }
    let mut keys: Vec<Key> = new.iter().map(|s| s.key).collect();
    keys.extend(
        old.iter()
            .map(|s| s.key)
            .filter(|k| !new.iter().any(|s| s.key == *k)),
    );
    let mut lists_done: Vec<Key> = Vec::new();
    for key in keys {
        if key.entry.is_some() {
            let list = key.list();
            if !lists_done.contains(&list) {
                lists_done.push(list);
                let entries = |slots: &[Slot]| -> Vec<Value<'static>> {
                    slots
                        .iter()
                        .filter(|s| s.key.entry.is_some() && s.key.list() == list)
                        .map(|s| s.value.clone().into_owned())
                        .collect()
                };
                list_changes(item, list, &entries(old), &entries(new), out);
            }
            continue;
        }
        let (a, b) = (find(old, &key), find(new, &key));
        if a != b {
            out.push(Change::Field {
                item,
                key,
                old: a.cloned().map(Value::into_owned),
                new: b.cloned().map(Value::into_owned),
            });
        }
    }
}

/// The changes between two versions of one list. Entries both have (a longest
/// common subsequence) stay; between two of them, the old entries left are
/// paired with the new ones as edits (see [`paired`]), and the rest are removed
/// or put in before the next old entry.
fn list_changes(
    item: Option<ItemId>,
    list: Key,
    old: &[Value<'static>],
    new: &[Value<'static>],
    out: &mut Vec<Change>,
) {
    let at = |entry| Key {
        entry: Some(entry),
        ..list
    };
    let mut kept = common(old, new);
    kept.push((old.len(), new.len()));
    let (mut i, mut j) = (0, 0);
    for (next_i, next_j) in kept {
        let pairs = paired(&old[i..next_i], &new[j..next_j]);
        let edited = |a: usize| pairs.iter().find(|(x, _)| *x + i == a).map(|(_, y)| *y + j);
        for (a, was) in old.iter().enumerate().take(next_i).skip(i) {
            out.push(Change::Field {
                item,
                key: at(Entry::At(a)),
                old: Some(was.clone()),
                new: edited(a).map(|b| new[b].clone()),
            });
        }
        for (b, value) in new.iter().enumerate().take(next_j).skip(j) {
            if pairs.iter().any(|(_, y)| *y + j == b) {
                continue;
            }
            // Before the old entry whose edit follows it, else the next kept one.
            let before = pairs
                .iter()
                .find(|(_, y)| *y + j > b)
                .map_or(next_i, |(x, _)| *x + i);
            out.push(Change::Field {
                item,
                key: at(Entry::Before(before)),
                old: None,
                new: Some(value.clone()),
            });
        }
        (i, j) = (next_i + 1, next_j + 1);
    }
}

/// Which of the old entries between two kept ones became which new ones: with
/// as many on both sides, each in turn (entries rewritten in place); otherwise
/// the most alike pairs, in order, each at least half alike, so that deleting
/// one bullet and rewording the next is a removal and an edit, not an edit of
/// the first and a removal of the second.
fn paired(old: &[Value<'static>], new: &[Value<'static>]) -> Vec<(usize, usize)> {
    if old.len() == new.len() {
        return (0..old.len()).map(|n| (n, n)).collect();
    }
    let alike: Vec<Vec<f64>> = old
        .iter()
        .map(|a| new.iter().map(|b| likeness(a, b)).collect())
        .collect();
    // best[a][b]: the most likeness pairing old[a..] with new[b..] in order.
    let mut best = vec![vec![0.0f64; new.len() + 1]; old.len() + 1];
    for a in (0..old.len()).rev() {
        for b in (0..new.len()).rev() {
            let pair = if alike[a][b] >= 0.5 {
                alike[a][b] + best[a + 1][b + 1]
            } else {
                0.0
            };
            best[a][b] = pair.max(best[a + 1][b]).max(best[a][b + 1]);
        }
    }
    let (mut a, mut b, mut out) = (0, 0, Vec::new());
    while a < old.len() && b < new.len() {
        if alike[a][b] >= 0.5 && best[a][b] == alike[a][b] + best[a + 1][b + 1] {
            out.push((a, b));
            (a, b) = (a + 1, b + 1);
        } else if best[a][b] == best[a + 1][b] {
            a += 1;
        } else {
            b += 1;
        }
    }
    out
}

/// How alike two entries read, from 0 to 1: the share of their characters in
/// common, in order.
fn likeness(a: &Value<'static>, b: &Value<'static>) -> f64 {
    fn words(v: &Value<'static>) -> String {
        match v {
            Value::Text(t) => t.to_string(),
            Value::Revision(r) => r.note.clone(),
            Value::Indicator(i) => i.name.clone(),
            other => format!("{other:?}"),
        }
    }
    let (a, b) = (words(a), words(b));
    let total = a.chars().count() + b.chars().count();
    if total == 0 {
        return 1.0;
    }
    let same: usize = dissimilar::diff(&a, &b)
        .iter()
        .map(|chunk| match chunk {
            dissimilar::Chunk::Equal(t) => t.chars().count(),
            _ => 0,
        })
        .sum();
    (2 * same) as f64 / total as f64
}

/// Where a node of the new version sits.
fn place(news: &[Node], n: &Node) -> Place {
    let siblings: Vec<&Node> = news
        .iter()
        .filter(|s| s.parent == n.parent && s.kind() == n.kind())
        .collect();
    let index = siblings.iter().position(|s| s.id == n.id).unwrap_or(0);
    Place {
        parent: n.parent,
        after: index.checked_sub(1).map(|i| siblings[i].id),
        index,
    }
}

/// Items in another parent, or out of order among the siblings they kept: the
/// fewest items whose moving explains the new order (all but a longest common
/// subsequence of the old order).
fn moved_items(
    olds: &[Node],
    news: &[Node],
    old_by_id: &HashMap<ItemId, &Node>,
) -> HashSet<ItemId> {
    let mut moved = HashSet::new();
    let parents: HashSet<Option<ItemId>> = news.iter().map(|n| n.parent).collect();
    for parent in parents {
        let new_order: Vec<ItemId> = news
            .iter()
            .filter(|n| n.parent == parent)
            .filter(|n| old_by_id.get(&n.id).is_some_and(|o| o.parent == parent))
            .map(|n| n.id)
            .collect();
        let old_order: Vec<ItemId> = olds
            .iter()
            .filter(|o| o.parent == parent && new_order.contains(&o.id))
            .map(|o| o.id)
            .collect();
        let kept: HashSet<ItemId> = common(&old_order, &new_order)
            .into_iter()
            .map(|(i, _)| old_order[i])
            .collect();
        moved.extend(new_order.into_iter().filter(|id| !kept.contains(id)));
        for n in news.iter().filter(|n| n.parent == parent) {
            if old_by_id.get(&n.id).is_some_and(|o| o.parent != parent) {
                moved.insert(n.id);
            }
        }
    }
    moved
}
