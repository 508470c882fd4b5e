//! Three-way merge of copies returned by sections: what each copy changed from
//! the version sent out (the base) is combined when the changes touch different
//! fields or items; the same field changed differently, an item moved to two
//! places, or an item deleted on one side and edited on the other is a conflict,
//! shown with both sides and settled by a choice — never dropped silently.

use std::collections::HashSet;

use super::align::align;
use super::apply::apply_all;
use super::diff::{Change, diff};
use super::entries;
use super::order::{self, Versions};
use super::slots::Entry;
use crate::model::{ItemId, Plan};

/// Which copy a change comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The copy being merged into (the planning group's).
    Mine,
    /// The copy that came back.
    Theirs,
}

/// Two changes that cannot both be taken.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// My change (for a deletion against edits: the deletion, or my first edit).
    pub mine: Change,
    /// Their change.
    pub theirs: Change,
    /// For a conflict over the order of one list (see `order`): the list's
    /// parent, none for the issues; `mine` and `theirs` are then a change of
    /// each copy in that list, and settling it settles only the order.
    pub order_of: Option<Option<ItemId>>,
}

/// The changes of both copies, combined, with the conflicts between them.
#[derive(Clone, Debug)]
pub struct Merge {
    base: Plan,
    /// Every change, with its side and the conflict it belongs to.
    changes: Vec<(Change, Side, Option<usize>)>,
    /// The conflicts, to show and settle.
    pub conflicts: Vec<Conflict>,
    /// The sibling lists of the base, mine and theirs, which order the result.
    versions: Versions,
    /// The parents whose order is in conflict, with the conflict.
    order_conflicts: Vec<(Option<ItemId>, usize)>,
    /// The list entries both copies changed in different fields, merged.
    combined: Vec<Change>,
    /// My copy's send mark, which the result keeps (a mark is not content).
    sent: Option<crate::model::SendMark>,
}

impl Merge {
    /// Compares both copies with the base.
    pub fn new(base: &Plan, mine: &Plan, theirs: &Plan) -> Merge {
        let ours = diff(base, mine);
        let other = diff(base, theirs);
        let mut changes: Vec<(Change, Side, Option<usize>)> = Vec::new();
        let mut conflicts = Vec::new();
        for c in &ours {
            changes.push((c.clone(), Side::Mine, None));
        }
        let mut both_inserted = HashSet::new();
        let mut combined = Vec::new();
        for c in other {
            if is_insertion(&c) {
                // Entries put in on both sides are both kept, the same one once.
                let same = (0..ours.len()).find(|i| ours[*i] == c && !both_inserted.contains(i));
                match same {
                    Some(i) => {
                        both_inserted.insert(i);
                    }
                    None => changes.push((c, Side::Theirs, None)),
                }
                continue;
            }
            let clash = ours.iter().position(|m| same_place(m, &c));
            let both = clash.and_then(|i| both_changes(&ours[i], &c));
            match (clash, both) {
                (Some(i), _) if same_change(&ours[i], &c) => {}
                (Some(i), Some(both)) => {
                    combined.push(ours[i].clone());
                    combined.push(c);
                    changes[i].0 = both;
                }
                (Some(i), None) => {
                    let k = conflicts.len();
                    conflicts.push(Conflict {
                        mine: ours[i].clone(),
                        theirs: c.clone(),
                        order_of: None,
                    });
                    changes[i].2 = Some(k);
                    changes.push((c, Side::Theirs, Some(k)));
                }
                (None, _) => changes.push((c, Side::Theirs, None)),
            }
        }
        // A deletion against edits inside the deleted item. A deletion already in
        // a conflict (both deleted the item, one after moving something out) takes
        // the edits into that conflict: the item it deletes may hold them.
        let deletions: Vec<(usize, Side, HashSet<ItemId>)> = changes
            .iter()
            .enumerate()
            .filter_map(|(i, (c, side, _))| match c {
                Change::Deleted { subtree } => Some((i, *side, subtree.ids())),
                _ => None,
            })
            .collect();
        for (i, side, ids) in deletions {
            let edits: Vec<usize> = changes
                .iter()
                .enumerate()
                .filter(|(_, (c, s, k))| *s != side && k.is_none() && touches(c, &ids))
                .map(|(j, _)| j)
                .collect();
            let Some(&first) = edits.first() else {
                continue;
            };
            if let Some(k) = changes[i].2 {
                for j in edits {
                    changes[j].2 = Some(k);
                }
                continue;
            }
            let k = conflicts.len();
            let (deletion, edit) = (changes[i].0.clone(), changes[first].0.clone());
            conflicts.push(match side {
                Side::Mine => Conflict {
                    mine: deletion,
                    theirs: edit,
                    order_of: None,
                },
                Side::Theirs => Conflict {
                    mine: edit,
                    theirs: deletion,
                    order_of: None,
                },
            });
            changes[i].2 = Some(k);
            for j in edits {
                changes[j].2 = Some(k);
            }
        }
        // A list whose order rules contradict each other (both copies
        // reordered it, or one put an item between two the other swapped):
        // one conflict for the list's order, named by a change of each copy
        // there. It settles only the order; every item still arrives.
        let versions = Versions::new(base, &align(base, mine), &align(base, theirs));
        let mut order_conflicts = Vec::new();
        // Tried with every conflict settled each way, so that which copy is
        // named first does not matter.
        let mut doubtful = Vec::new();
        for winner in [Side::Mine, Side::Theirs] {
            let mut trial = base.clone();
            let taken: Vec<Change> = changes
                .iter()
                .filter(|(_, side, k)| k.is_none() || *side == winner)
                .map(|(c, _, _)| c.clone())
                .collect();
            apply_all(&mut trial, &taken);
            for parent in order::settle(&mut trial, &versions, |_| None) {
                if !doubtful.contains(&parent) {
                    doubtful.push(parent);
                }
            }
        }
        doubtful.sort();
        for parent in doubtful {
            let here = |c: &Change| match c {
                Change::Moved { at, .. } | Change::Added { at, .. } => at.parent == parent,
                _ => false,
            };
            let first = |side: Side| {
                changes
                    .iter()
                    .find(|(c, s, _)| *s == side && here(c))
                    .map(|(c, _, _)| c.clone())
            };
            if let (Some(mine), Some(theirs)) = (first(Side::Mine), first(Side::Theirs)) {
                order_conflicts.push((parent, conflicts.len()));
                conflicts.push(Conflict {
                    mine,
                    theirs,
                    order_of: Some(parent),
                });
            }
        }
        Merge {
            base: base.clone(),
            changes,
            conflicts,
            versions,
            order_conflicts,
            combined,
            sent: mine.sent.clone(),
        }
    }

    /// The merged plan, each conflict settled by `choice(n)`.
    pub fn result(&self, choice: impl Fn(usize) -> Side) -> Plan {
        let taken: Vec<Change> = self
            .changes
            .iter()
            .filter(|(_, side, conflict)| conflict.is_none_or(|k| choice(k) == *side))
            .map(|(c, _, _)| c.clone())
            .collect();
        let mut plan = self.base.clone();
        apply_all(&mut plan, &taken);
        plan.sent.clone_from(&self.sent);
        order::settle(&mut plan, &self.versions, |parent| {
            self.order_conflicts
                .iter()
                .find(|(p, _)| *p == parent)
                .map(|(_, k)| choice(*k))
        });
        plan
    }

    /// The changes `copy` (mine or theirs, compared with the same base) made outside
    /// every conflict that the result settled with `choice` does not hold: a field
    /// value or an added item. Always empty — the promise that a merge never
    /// drops a one-sided change, checked by the tests and the fuzz target.
    pub fn dropped(&self, copy: &Plan, choice: Side) -> Vec<Change> {
        let result = self.result(|_| choice);
        let values = super::slots::slots(&result);
        // Part of a conflict: settled by the choice, not promised either way.
        let in_conflict = |c: &Change| {
            self.changes
                .iter()
                .any(|(change, _, conflict)| change == c && conflict.is_some())
        };
        diff(&self.base, copy)
            .into_iter()
            .filter(|change| !in_conflict(change) && !self.combined.contains(change))
            .filter(|change| match change {
                // A list entry is in the result if the list holds it anywhere.
                Change::Field {
                    item,
                    key,
                    new: Some(value),
                    ..
                } if key.entry.is_some() => !values.iter().any(|s| {
                    s.item == *item
                        && s.key.entry.is_some()
                        && s.key.list() == key.list()
                        && s.value == *value
                }),
                Change::Field {
                    item,
                    key,
                    new: Some(value),
                    ..
                } => values
                    .iter()
                    .find(|s| s.item == *item && s.key == *key)
                    .is_none_or(|s| s.value != *value),
                Change::Added { subtree, .. } => result.locate(subtree.id()).is_none(),
                _ => false,
            })
            .collect()
    }

    /// How many changes the two copies made, together.
    pub fn change_count(&self) -> usize {
        self.changes.len()
    }
}

/// Whether a change puts a new entry into a list.
fn is_insertion(change: &Change) -> bool {
    matches!(change, Change::Field { key, .. } if matches!(key.entry, Some(Entry::Before(_))))
}

/// Whether two changes are about the same thing: one field of one item (one
/// entry of a list), or where one item goes.
fn same_place(a: &Change, b: &Change) -> bool {
    match (a, b) {
        (
            Change::Field {
                item: i1, key: k1, ..
            },
            Change::Field {
                item: i2, key: k2, ..
            },
        ) => i1 == i2 && k1 == k2,
        (Change::Moved { id: a, .. }, Change::Moved { id: b, .. }) => a == b,
        (Change::Deleted { subtree: a }, Change::Deleted { subtree: b }) => a.id() == b.id(),
        (Change::Added { subtree: a, .. }, Change::Added { subtree: b, .. }) => a.id() == b.id(),
        _ => false,
    }
}

/// Whether two changes of the same thing (see [`same_place`]) agree: the same
/// change, the same item added with the same content wherever each copy put
/// it, or an item moved within the same parent (the order of the list is
/// merged on its own, see [`order`]).
fn same_change(a: &Change, b: &Change) -> bool {
    match (a, b) {
        (Change::Added { subtree: a, .. }, Change::Added { subtree: b, .. }) => a == b,
        (Change::Moved { at: a, .. }, Change::Moved { at: b, .. }) => a.parent == b.parent,
        _ => a == b,
    }
}

/// One change for both copies' changes of the same list entry, when it holds
/// several fields and they changed different ones (see [`entries`]).
fn both_changes(mine: &Change, theirs: &Change) -> Option<Change> {
    let (
        Change::Field {
            item,
            key,
            old: Some(base),
            new: Some(m),
        },
        Change::Field { new: Some(t), .. },
    ) = (mine, theirs)
    else {
        return None;
    };
    Some(Change::Field {
        item: *item,
        key: *key,
        old: Some(base.clone()),
        new: Some(entries::merged(base, m, t)?),
    })
}

/// Whether a change edits something inside the items `ids`.
fn touches(change: &Change, ids: &HashSet<ItemId>) -> bool {
    match change {
        Change::Field { item, .. } => item.is_some_and(|i| ids.contains(&i)),
        Change::Moved { id, at } => ids.contains(id) || at.parent.is_some_and(|p| ids.contains(&p)),
        Change::Added { at, .. } => at.parent.is_some_and(|p| ids.contains(&p)),
        Change::Deleted { .. } => false,
    }
}
