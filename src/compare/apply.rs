//! Taking changes: writing one change (or all of them) into a plan. Items are
//! found by identity, so a change still lands on its item after other changes
//! have moved things around.

use super::diff::{Change, Place, Subtree};
use super::slots::{self, Entry, Key};
use crate::model::walk::Value;
use crate::model::{ItemId, ItemPath, PartMut, Plan};

/// Writes one change into `plan`. False when it no longer fits (its item or its
/// parent is gone, or an added item is there already), and then nothing changes.
pub fn apply(plan: &mut Plan, change: &Change) -> bool {
    match change {
        Change::Field { item, key, new, .. } => slots::set(plan, *item, *key, new.clone()),
        Change::Added { at, subtree } => {
            if plan.locate(subtree.id()).is_some() {
                return false;
            }
            insert(plan, subtree.clone(), at).is_ok()
        }
        Change::Deleted { subtree } => {
            // The deleting version moved some items out before deleting; if such
            // an item is still inside (its move was not taken), deleting would
            // take it too: keep the item instead, never lose one.
            let Some(path) = plan.locate(subtree.id()) else {
                return false;
            };
            let inside = plan
                .get(path)
                .map(Subtree::of)
                .map(|s| s.ids())
                .unwrap_or_default();
            if !inside.is_subset(&subtree.ids()) {
                return false;
            }
            take(plan, subtree.id()).is_some()
        }
        Change::Moved { id, at } => {
            let Some(home) = place_of(plan, *id) else {
                return false;
            };
            let Some(subtree) = take(plan, *id) else {
                return false;
            };
            match insert(plan, subtree, at) {
                Ok(()) => true,
                Err(subtree) => {
                    // The new parent is not there: put it back, never lose it.
                    let _ = insert(plan, *subtree, &home);
                    false
                }
            }
        }
    }
}

/// Writes every change into `plan`, in an order that makes each land where the
/// other version has it: items added and moved in document order (parents before
/// children, earlier siblings first), then deletions, then values. Each list is
/// rebuilt once from all its entry changes, since those name entries by their
/// places in the version the changes were worked out from.
pub fn apply_all(plan: &mut Plan, changes: &[Change]) {
    let structure = |c: &&Change| matches!(c, Change::Added { .. } | Change::Moved { .. });
    for change in changes.iter().filter(structure) {
        apply(plan, change);
    }
    for change in changes
        .iter()
        .filter(|c| matches!(c, Change::Deleted { .. }))
    {
        apply(plan, change);
    }
    let mut lists: Vec<(Option<ItemId>, Key, Vec<EntryChange>)> = Vec::new();
    for change in changes {
        let Change::Field { item, key, new, .. } = change else {
            continue;
        };
        let Some(entry) = key.entry else {
            apply(plan, change);
            continue;
        };
        let list = key.list();
        match lists.iter_mut().find(|(i, k, _)| i == item && *k == list) {
            Some((_, _, entries)) => entries.push((entry, new.clone())),
            None => lists.push((*item, list, vec![(entry, new.clone())])),
        }
    }
    for (item, list, entries) in lists {
        let old = slots::list(plan, item, list);
        slots::set_list(plan, item, list, rebuilt(&old, &entries));
    }
}

/// One change to a list entry: where, and the new value (none: removed).
type EntryChange = (Entry, Option<Value<'static>>);

/// A list with its entry changes taken: each entry `n` of `old` replaced or
/// removed as `At(n)` says, new entries put in where `Before(n)` says, in the
/// order they come.
fn rebuilt(old: &[Value<'static>], changes: &[EntryChange]) -> Vec<Value<'static>> {
    let mut out = Vec::new();
    let end = old.len();
    let put_in_before = |n: usize, out: &mut Vec<Value<'static>>| {
        for (entry, value) in changes {
            if let (Entry::Before(b), Some(v)) = (entry, value)
                && (*b == n || (n == end && *b > end))
            {
                out.push(v.clone());
            }
        }
    };
    for (n, kept) in old.iter().enumerate() {
        put_in_before(n, &mut out);
        match changes.iter().rev().find(|(e, _)| *e == Entry::At(n)) {
            Some((_, Some(v))) => out.push(v.clone()),
            Some((_, None)) => {}
            None => out.push(kept.clone()),
        }
    }
    put_in_before(end, &mut out);
    // Edits of entries this version does not have: kept at the end, never lost.
    for (entry, value) in changes {
        if let (Entry::At(n), Some(v)) = (entry, value)
            && *n >= end
        {
            out.push(v.clone());
        }
    }
    out
}

/// Takes the item `id` (with what it holds) out of the plan.
pub(super) fn take(plan: &mut Plan, id: ItemId) -> Option<Subtree> {
    let path = plan.locate(id)?;
    match path {
        ItemPath::Plan => None,
        ItemPath::Issue(i) => Some(Subtree::Issue(plan.issues.remove(i))),
        ItemPath::Strategy(i, s) => Some(Subtree::Strategy(
            plan.issues.get_mut(i)?.strategies.remove(s),
        )),
        ItemPath::Initiative(..) => match plan.get_mut(path.parent())? {
            PartMut::Strategy(strategy) => {
                let ItemPath::Initiative(.., k) = path else {
                    return None;
                };
                Some(Subtree::Initiative(strategy.initiatives.remove(k)))
            }
            _ => None,
        },
    }
}

/// Where the item `id` is now.
fn place_of(plan: &Plan, id: ItemId) -> Option<Place> {
    let path = plan.locate(id)?;
    let parent = plan.get(path.parent()).map(|p| p.id());
    let index = match path {
        ItemPath::Plan => 0,
        ItemPath::Issue(n) | ItemPath::Strategy(_, n) | ItemPath::Initiative(.., n) => n,
    };
    let after = index.checked_sub(1).and_then(|i| {
        let sibling = match path {
            ItemPath::Issue(_) => ItemPath::Issue(i),
            ItemPath::Strategy(a, _) => ItemPath::Strategy(a, i),
            ItemPath::Initiative(a, b, _) => ItemPath::Initiative(a, b, i),
            ItemPath::Plan => ItemPath::Plan,
        };
        plan.get(sibling).map(|p| p.id())
    });
    Some(Place {
        parent,
        after,
        index,
    })
}

/// Puts an item in at `at`; gives it back when its parent is not there.
pub(super) fn insert(plan: &mut Plan, subtree: Subtree, at: &Place) -> Result<(), Box<Subtree>> {
    let Some(parent_id) = at.parent else {
        return match subtree {
            Subtree::Issue(issue) => {
                let n = position(&plan.issues, |i| i.id, at);
                plan.issues.insert(n, issue);
                Ok(())
            }
            other => Err(Box::new(other)),
        };
    };
    let Some(parent) = plan.locate(parent_id) else {
        return Err(Box::new(subtree));
    };
    match (plan.get_mut(parent), subtree) {
        (Some(PartMut::Issue(issue)), Subtree::Strategy(strategy)) => {
            let n = position(&issue.strategies, |s| s.id, at);
            issue.strategies.insert(n, strategy);
        }
        (Some(PartMut::Strategy(strategy)), Subtree::Initiative(initiative)) => {
            let n = position(&strategy.initiatives, |k| k.id, at);
            strategy.initiatives.insert(n, initiative);
        }
        (_, subtree) => return Err(Box::new(subtree)),
    }
    Ok(())
}

/// Where in `list` an item placed at `at` goes: after its sibling if that is
/// there, first if it has none, else at its index (or the end).
fn position<T>(list: &[T], id_of: impl Fn(&T) -> ItemId, at: &Place) -> usize {
    match at.after {
        None => 0,
        Some(after) => list
            .iter()
            .position(|x| id_of(x) == after)
            .map_or(at.index.min(list.len()), |i| i + 1),
    }
}
