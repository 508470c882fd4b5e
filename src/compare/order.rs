//! The order of siblings in a merge. Items are ordered pair by pair: two items
//! keep the order the base gives them unless a copy changed it, and then take
//! that copy's. An item a copy put in (new, or moved in from elsewhere) follows
//! the item before it in that copy and comes before the item after it; one put
//! in first (last) stays before (after) everything there; a new one standing
//! where the copy deleted an item (an initiative replaced) also stands where
//! that item stands in the other copy.
//!
//! When those rules contradict each other in a list (mine `[a, c, b]`, theirs
//! `[b, a, c]`; or one copy swapped two items and the other put one in between
//! them), or leave open which of two items the copies put at the same place
//! comes first, no order is sure to keep both copies' intent: the list's order
//! is a conflict, settled by giving one copy's rules and items the first say.
//! Where nothing decides otherwise, items go by where they stood among the
//! base's items, then by title. So every order all versions agree on stays,
//! and the result does not depend on which copy is named first.

use std::collections::{HashMap, HashSet};

use super::merge::Side;
use crate::model::{ItemId, Plan};

/// The children of each parent (none: the plan's issues), in order.
type Lists = HashMap<Option<ItemId>, Vec<ItemId>>;

/// The sibling lists of the base, mine and theirs (mine and theirs aligned to
/// the base), which a merge's result is ordered from.
#[derive(Clone, Debug)]
pub(super) struct Versions {
    lists: [Lists; 3],
    /// Every item each version holds, anywhere.
    held: [HashSet<ItemId>; 3],
}

impl Versions {
    pub(super) fn new(base: &Plan, mine: &Plan, theirs: &Plan) -> Versions {
        let lists = [lists(base), lists(mine), lists(theirs)];
        let held = [0, 1, 2].map(|v| lists[v].values().flatten().copied().collect());
        Versions { lists, held }
    }

    /// Version `v`'s children of `parent`, whole.
    fn list(&self, v: usize, parent: Option<ItemId>) -> Vec<ItemId> {
        self.lists[v].get(&parent).cloned().unwrap_or_default()
    }
}

/// Every sibling list of a plan.
fn lists(plan: &Plan) -> Lists {
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

/// Puts every sibling list of `plan` (the base with the merge's changes taken)
/// in merged order. `settled(parent)` is the copy chosen for a parent whose
/// order is in conflict. Returns the other parents whose order rules
/// contradicted each other (to be made conflicts).
pub(super) fn settle(
    plan: &mut Plan,
    versions: &Versions,
    settled: impl Fn(Option<ItemId>) -> Option<Side>,
) -> Vec<Option<ItemId>> {
    let titles: HashMap<ItemId, String> = plan
        .parts()
        .into_iter()
        .map(|(_, part)| (part.id(), part.title().to_owned()))
        .collect();
    let mut doubtful = Vec::new();
    let mut order_of = |parent: Option<ItemId>, now: &[ItemId]| {
        let title = |id: &ItemId| titles.get(id).cloned().unwrap_or_default();
        let (order, doubt) = ordered(now, parent, versions, settled(parent), title);
        if doubt {
            doubtful.push(parent);
        }
        order
    };
    let now: Vec<ItemId> = plan.issues.iter().map(|i| i.id).collect();
    let order = order_of(None, &now);
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
    doubtful
}

/// The merged order of the items `now` holds under `parent`, and whether its
/// rules contradicted each other (only asked when the order is not settled).
fn ordered<K: Ord>(
    now: &[ItemId],
    parent: Option<ItemId>,
    versions: &Versions,
    settled: Option<Side>,
    title: impl Fn(&ItemId) -> K,
) -> (Vec<ItemId>, bool) {
    let full = [0, 1, 2].map(|v| versions.list(v, parent));
    let narrow = |list: &[ItemId]| -> Vec<ItemId> {
        list.iter().copied().filter(|id| now.contains(id)).collect()
    };
    let (base, mine, theirs) = (narrow(&full[0]), narrow(&full[1]), narrow(&full[2]));
    let mut order = Order::new(now);
    let mut doubt = false;
    // Items the base has here, pair by pair.
    for (x, y) in pairs(&base) {
        let b = before_in(&base, x, y);
        let (m, t) = (before_in(&mine, x, y), before_in(&theirs, x, y));
        let tiers = match settled {
            None => [merged(b, m, t), b, None],
            Some(Side::Mine) => [m, b, t],
            Some(Side::Theirs) => [t, b, m],
        };
        for (n, before) in tiers.into_iter().enumerate() {
            let Some(before) = before else {
                continue;
            };
            if order.add(x, y, before) {
                break;
            }
            doubt |= n == 0;
        }
    }
    // Items a copy put in, the settled copy's first: their neighbours (and
    // the place of an item they replaced) before the weaker rule that an item
    // put in first or last stays so, which only orders what is left open.
    let mut sides = [(&mine, 1, 2), (&theirs, 2, 1)];
    if settled == Some(Side::Theirs) {
        sides.swap(0, 1);
    }
    let mut ends = Vec::new();
    for (copy, v, other) in sides {
        for (n, &x) in copy.iter().enumerate() {
            if full[0].contains(&x) {
                continue;
            }
            let pred = n.checked_sub(1).map(|p| (copy[p], x));
            let succ = copy.get(n + 1).map(|&s| (x, s));
            let replacing = took_place(&full[v], &full[0], &versions.held[v], x);
            let neighbours = match replacing {
                Some(_) => [succ, pred],
                None => [pred, succ],
            };
            for (a, b) in neighbours.into_iter().flatten() {
                doubt |= !order.add(a, b, true);
            }
            let stood_in = replacing
                .filter(|_| !versions.held[0].contains(&x))
                .filter(|d| full[other].contains(d));
            if let Some(d) = stood_in {
                for &y in &base {
                    let b = before_in(&full[0], d, y);
                    let before = merged(b, before_in(copy, x, y), before_in(&full[other], d, y));
                    if let Some(before) = before {
                        doubt |= !order.add(x, y, before);
                    }
                }
            }
            if pred.is_none() {
                ends.extend(copy[n + 1..].iter().map(|&y| (x, y)));
            }
            if succ.is_none() {
                ends.extend(copy[..n].iter().map(|&y| (y, x)));
            }
        }
    }
    for (a, b) in ends {
        order.add(a, b, true);
    }
    // Where nothing decides, by where each stood among the base's items, then
    // by title: the same whichever copy is named first. Two items the copies
    // put in at the same place are a doubt: only the copies' history would
    // tell which goes first.
    let stood = |id: &ItemId| match full[0].iter().position(|x| x == id) {
        Some(n) => 2 * n as i64,
        None => [&full[1], &full[2]]
            .into_iter()
            .filter_map(|copy| between(copy, &full[0], *id))
            .min()
            .unwrap_or(i64::MAX),
    };
    let copy_of = |id: &ItemId| match (mine.contains(id), theirs.contains(id)) {
        _ if base.contains(id) => 0,
        (true, false) => 1,
        (false, true) => 2,
        _ => 0,
    };
    // Settled for a copy, its items go first where nothing else decides.
    let chosen = |id: &ItemId| match settled {
        Some(Side::Mine) => !mine.contains(id),
        Some(Side::Theirs) => !theirs.contains(id),
        None => false,
    };
    let (sorted, tie) = order.sorted(
        |id| (stood(id), chosen(id), title(id), *id),
        |a, b| stood(a) == stood(b) && copy_of(a) * copy_of(b) == 2,
    );
    (sorted, (doubt || tie) && settled.is_none())
}

/// The places in the base of the nearest base items before and after `id`
/// in `copy` (none: it has none on that side).
fn around(copy: &[ItemId], base: &[ItemId], id: ItemId) -> Option<(Option<usize>, Option<usize>)> {
    let n = copy.iter().position(|x| *x == id)?;
    let place = |y: &ItemId| base.iter().position(|b| b == y);
    Some((
        copy[..n].iter().rev().find_map(place),
        copy[n + 1..].iter().find_map(place),
    ))
}

/// The first base item the copy deleted (`held`: what it holds anywhere) that
/// lay between the base items around `id` in `copy`: the item `id` took the
/// place of, if any.
fn took_place(
    copy: &[ItemId],
    base: &[ItemId],
    held: &HashSet<ItemId>,
    id: ItemId,
) -> Option<ItemId> {
    let (before, after) = around(copy, base, id)?;
    let gap = base.get(before.map_or(0, |p| p + 1)..after.unwrap_or(base.len()))?;
    gap.iter().copied().find(|d| !held.contains(d))
}

/// Where the item `id`, which the base lacks, stands in `copy` among the base's
/// items: the sum of the places in the base of the nearest base items before
/// and after it there (so twice the middle of the gap it is in; a gap left by
/// deleted base items counts whole).
fn between(copy: &[ItemId], base: &[ItemId], id: ItemId) -> Option<i64> {
    let (before, after) = around(copy, base, id)?;
    let before = before.map_or(-1, |p| p as i64);
    let after = after.unwrap_or(base.len()) as i64;
    Some(before + after)
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
    /// orders, the smallest `rank` first. Also whether the one taken first
    /// was `tied` with another that nothing ordered against it.
    fn sorted<K: Ord>(
        &self,
        rank: impl Fn(&ItemId) -> K,
        tied: impl Fn(&ItemId, &ItemId) -> bool,
    ) -> (Vec<ItemId>, bool) {
        let n = self.ids.len();
        let mut placed = vec![false; n];
        let mut out = Vec::with_capacity(n);
        let mut tie = false;
        while out.len() < n {
            let ready: Vec<usize> = (0..n)
                .filter(|&i| !placed[i] && (0..n).all(|j| placed[j] || !self.before[j][i]))
                .collect();
            let Some(&i) = ready.iter().min_by_key(|&&i| rank(&self.ids[i])) else {
                break;
            };
            tie |= ready
                .iter()
                .any(|&j| j != i && tied(&self.ids[i], &self.ids[j]));
            placed[i] = true;
            out.push(self.ids[i]);
        }
        (out, tie)
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
