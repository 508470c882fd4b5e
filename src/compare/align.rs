//! Matching two versions' items and list entries: identities given to a
//! version's items from the other's where it lacks them (a file from before
//! identities, an item typed again), and the longest common subsequence that
//! lines up list entries.

use std::collections::{HashMap, HashSet};

use crate::model::{ItemId, ItemPath, Part, Plan};
use crate::numbering;

/// `new` with the identities of its items that `old` has without the same
/// identity (a file from before identities, a block typed without one)
/// replaced by `old`'s: matched by title and number, then by title, then by
/// number under the same parent.
///
/// An identity read from a file is the item's own: an item of `new` with
/// another one is another item (a replaced initiative is a deletion and an
/// addition, never an edit). So an item is only matched when one of the two
/// identities was given on the way in (see [`GivenIds`](crate::model::GivenIds)):
/// `new`'s, or `old`'s when the two versions share no identity at all (two
/// loads of files from before identities). Versions that share identities
/// come from one file, and an `old` item missing from `new` was deleted there.
pub fn align(old: &Plan, new: &Plan) -> Plan {
    let olds = nodes(old);
    let news = nodes(new);
    let old_kind: HashMap<ItemId, u8> = olds.iter().map(|n| (n.id, n.kind())).collect();
    let shared = news.iter().any(|n| old_kind.contains_key(&n.id));
    let stands_in = |n: &Node, o: &Node| {
        new.given_ids.contains(n.id) || (!shared && old.given_ids.contains(o.id))
    };
    let mut taken: HashSet<ItemId> = news
        .iter()
        .filter(|n| old_kind.get(&n.id) == Some(&n.kind()))
        .map(|n| n.id)
        .collect();
    let new_ids: HashSet<ItemId> = news.iter().map(|n| n.id).collect();
    let mut rename: HashMap<ItemId, ItemId> = HashMap::new();
    for n in &news {
        if old_kind.get(&n.id) == Some(&n.kind()) {
            continue;
        }
        let parent = n.parent.map(|p| rename.get(&p).copied().unwrap_or(p));
        let free = |o: &&Node| {
            o.kind() == n.kind()
                && !taken.contains(&o.id)
                && !new_ids.contains(&o.id)
                && stands_in(n, o)
        };
        let found = olds
            .iter()
            .filter(free)
            .find(|o| o.title == n.title && o.number == n.number)
            .or_else(|| olds.iter().filter(free).find(|o| o.title == n.title))
            .or_else(|| {
                olds.iter()
                    .filter(free)
                    .find(|o| o.number == n.number && o.parent == parent)
            });
        if let Some(o) = found {
            taken.insert(o.id);
            rename.insert(n.id, o.id);
        }
    }
    let mut out = new.clone();
    for n in &news {
        if let (Some(&id), Some(part)) = (rename.get(&n.id), out.get_mut(n.path)) {
            match part {
                crate::model::PartMut::Issue(i) => i.id = id,
                crate::model::PartMut::Strategy(s) => s.id = id,
                crate::model::PartMut::Initiative(k) => k.id = id,
            }
        }
    }
    out
}

/// The pairs `(i, j)` of a longest common subsequence of `a` and `b`, in order.
pub(super) fn common<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// An item of a plan, flattened: what matching needs.
#[derive(Clone, Debug)]
pub(super) struct Node {
    pub id: ItemId,
    pub path: ItemPath,
    pub parent: Option<ItemId>,
    pub number: String,
    pub title: String,
}

impl Node {
    pub(super) fn kind(&self) -> u8 {
        match self.path {
            ItemPath::Plan | ItemPath::Issue(_) => 0,
            ItemPath::Strategy(..) => 1,
            ItemPath::Initiative(..) => 2,
        }
    }
}

/// Every item of the plan in document order.
pub(super) fn nodes(plan: &Plan) -> Vec<Node> {
    numbering::outline(plan)
        .into_iter()
        .map(|item| Node {
            id: item.part.id(),
            path: item.path,
            parent: plan.get(item.path.parent()).map(Part::id),
            number: numbering::label(&item.number),
            title: item.title().to_owned(),
        })
        .collect()
}
