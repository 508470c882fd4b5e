//! The order of siblings in a merge. Items are ordered pair by pair: two items
//! keep the order the base gives them unless a copy changed it, and then take
//! that copy's; an item a copy put in (new, or moved in from elsewhere) takes
//! its order from that copy, first against the items before it there, so it
//! follows the item it followed. Two copies that reorder one list in ways no
//! single order satisfies (mine `[a, c, b]`, theirs `[b, a, c]`) are a
//! conflict, settled by taking one copy's order. Where nothing decides (each
//! copy put a different item at the same place), the copy being merged into
//! comes first. So every order all versions agree on stays, and the result does
//! not depend on which copy is named first except in that last case.

use std::collections::HashMap;

use super::merge::Side;
use crate::model::{ItemId, Plan};

/// The children of each parent (none: the plan's issues), in order.
pub(super) type Lists = HashMap<Option<ItemId>, Vec<ItemId>>;

/// Every sibling list of a plan.
pub(super) fn lists(plan: &Plan) -> Lists {
    let mut out = Lists::new();
    out.insert(None, plan.issues.iter().map(|i| i.id).collect());
    for issue in &plan.issues {
        out.insert(
            Some(issue.id),
            issue.strategies.iter().map(|s| s.id).collect(),
        );
        for s in &issue.strategies {
            out.insert(Some(s.id), s.initiatives.iter().map(|k| k.id).collect());
        }
    }
    out
}

/// The parents whose items both copies reordered in ways no single order
/// satisfies: every item both copies still hold there, ordered pair by pair
/// as [`settle`] orders them, would go round in a circle.
pub(super) fn clashes(base: &Lists, mine: &Lists, theirs: &Lists) -> Vec<Option<ItemId>> {
    let mut out: Vec<Option<ItemId>> = base
        .iter()
        .filter(|(parent, list)| {
            let (Some(m), Some(t)) = (mine.get(*parent), theirs.get(*parent)) else {
                return false;
            };
            let kept: Vec<ItemId> = list
                .iter()
                .copied()
                .filter(|id| m.contains(id) && t.contains(id))
                .collect();
            let mut order = Order::new(&kept);
            for (x, y) in pairs(&kept) {
                let before = merged(before_in(list, x, y), before_in(m, x, y), before_in(t, x, y));
                if !order.add(x, y, before.unwrap_or(true)) {
                    return true;
                }
            }
            false
        })
        .map(|(parent, _)| *parent)
        .collect();
    out.sort();
    out
}

/// Puts every sibling list of `plan` (the base with the merge's changes taken)
/// in merged order. `settled(parent)` is the copy chosen for a parent whose
/// order is in conflict.
pub(super) fn settle(
    plan: &mut Plan,
    base: &Lists,
    mine: &Lists,
    theirs: &Lists,
    settled: impl Fn(Option<ItemId>) -> Option<Side>,
) {
    let order_of = |parent: Option<ItemId>, now: &[ItemId]| {
        let empty = Vec::new();
        let get = |lists: &Lists| -> Vec<ItemId> {
            lists
                .get(&parent)
                .unwrap_or(&empty)
                .iter()
                .copied()
                .filter(|id| now.contains(id))
                .collect()
        };
        ordered(now, &get(base), &get(mine), &get(theirs), settled(parent))
    };
    let order = order_of(None, &lists(plan)[&None]);
    permute(&mut plan.issues, |i| i.id, &order);
    for issue in &mut plan.issues {
        let now: Vec<ItemId> = issue.strategies.iter().map(|s| s.id).collect();
        let order = order_of(Some(issue.id), &now);
        permute(&mut issue.strategies, |s| s.id, &order);
        for s in &mut issue.strategies {
            let now: Vec<ItemId> = s.initiatives.iter().map(|k| k.id).collect();
            let order = order_of(Some(s.id), &now);
            permute(&mut s.initiatives, |k| k.id, &order);
        }
    }
}

/// The merged order of the items `now` holds, from their orders in the base,
/// mine and theirs (each already narrowed to those items).
fn ordered(
    now: &[ItemId],
    base: &[ItemId],
    mine: &[ItemId],
    theirs: &[ItemId],
    settled: Option<Side>,
) -> Vec<ItemId> {
    let mut order = Order::new(now);
    // Items the base has here, pair by pair.
    for (x, y) in pairs(base) {
        let b = before_in(base, x, y);
        let (m, t) = (before_in(mine, x, y), before_in(theirs, x, y));
        let tiers = match settled {
            None => [merged(b, m, t), b, None],
            Some(Side::Mine) => [m, b, t],
            Some(Side::Theirs) => [t, b, m],
        };
        for before in tiers.into_iter().flatten() {
            if order.add(x, y, before) {
                break;
            }
        }
    }
    // Items a copy put in: against the items before them in that copy, nearest
    // first, then the items after them.
    for copy in [mine, theirs] {
        for (n, &x) in copy.iter().enumerate() {
            if base.contains(&x) {
                continue;
            }
            for &y in copy[..n].iter().rev() {
                order.add(y, x, true);
            }
            for &y in &copy[n + 1..] {
                order.add(x, y, true);
            }
        }
    }
    // Where nothing decided, mine's items first, in mine's order, then theirs'.
    let rank = |id: &ItemId| {
        let at = |list: &[ItemId]| list.iter().position(|x| x == id);
        (
            at(mine).map_or(1, |_| 0),
            at(mine).or_else(|| at(theirs)).or_else(|| at(base)),
        )
    };
    order.sorted(rank)
}

/// Whether `x` comes before `y` in `list`; none when it lacks either.
fn before_in(list: &[ItemId], x: ItemId, y: ItemId) -> Option<bool> {
    let at = |id| list.iter().position(|i| *i == id);
    Some(at(x)? < at(y)?)
}

/// The base's order of two items unless a copy changed it (then that copy's;
/// if both changed it, they agree, as there are only two ways).
fn merged(base: Option<bool>, mine: Option<bool>, theirs: Option<bool>) -> Option<bool> {
    match (mine, theirs) {
        (Some(m), _) if Some(m) != base => Some(m),
        (_, Some(t)) if Some(t) != base => Some(t),
        _ => base.or(mine).or(theirs),
    }
}

/// Every pair `(x, y)` of `list` with `x` first.
fn pairs(list: &[ItemId]) -> impl Iterator<Item = (ItemId, ItemId)> + '_ {
    list.iter()
        .enumerate()
        .flat_map(move |(n, &x)| list[n + 1..].iter().map(move |&y| (x, y)))
}

/// A partial order being built: which items must come before which (kept
/// closed under "before a thing that is before"), refusing a pair that would
/// make a circle.
struct Order {
    ids: Vec<ItemId>,
    /// `before[a][b]`: item `a` comes before item `b`.
    before: Vec<Vec<bool>>,
}

impl Order {
    fn new(ids: &[ItemId]) -> Order {
        Order {
            ids: ids.to_vec(),
            before: vec![vec![false; ids.len()]; ids.len()],
        }
    }

    /// Notes that `x` comes before `y` (`x_first` false: the other way round). False,
    /// and nothing noted, when the order already says the opposite; true when
    /// it holds (also when either item is not in this list).
    fn add(&mut self, x: ItemId, y: ItemId, x_first: bool) -> bool {
        let at = |id| self.ids.iter().position(|i| *i == id);
        let (Some(x), Some(y)) = (at(x), at(y)) else {
            return true;
        };
        let (a, b) = if x_first { (x, y) } else { (y, x) };
        if self.before[b][a] {
            return false;
        }
        if a == b || self.before[a][b] {
            return true;
        }
        let n = self.ids.len();
        let from: Vec<usize> = (0..n).filter(|&i| i == a || self.before[i][a]).collect();
        let to: Vec<usize> = (0..n).filter(|&j| j == b || self.before[b][j]).collect();
        for &i in &from {
            for &j in &to {
                self.before[i][j] = true;
            }
        }
        true
    }

    /// The items in an order that keeps every pair noted; among items nothing
    /// orders, the smallest `rank` first.
    fn sorted<K: Ord>(&self, rank: impl Fn(&ItemId) -> K) -> Vec<ItemId> {
        let n = self.ids.len();
        let mut placed = vec![false; n];
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let ready = (0..n)
                .filter(|&i| !placed[i] && (0..n).all(|j| placed[j] || !self.before[j][i]))
                .min_by_key(|&i| rank(&self.ids[i]));
            let Some(i) = ready else {
                break;
            };
            placed[i] = true;
            out.push(self.ids[i]);
        }
        out
    }
}

/// Puts `list` in the order of `order` (items it does not name stay at the end).
fn permute<T>(list: &mut [T], id_of: impl Fn(&T) -> ItemId, order: &[ItemId]) {
    let key = |item: &T| {
        order
            .iter()
            .position(|id| *id == id_of(item))
            .unwrap_or(usize::MAX)
    };
    list.sort_by_key(|item| key(item));
}
