//! Structural edits of a plan (add, delete, duplicate, move), addressed by position.
//! Views emit them; the app applies them once a frame, after an undo point.

use crate::model::{Initiative, Issue, ItemPath, Plan, Strategy};

/// One structural edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// A new empty issue at the end.
    AddIssue,
    /// A new empty strategy at the end of issue `i`.
    AddStrategy(usize),
    /// A new empty initiative at the end of strategy `(i, s)`.
    AddInitiative(usize, usize),
    /// Remove the item.
    Delete(ItemPath),
    /// Insert a copy right after the item.
    Duplicate(ItemPath),
    /// Swap with the previous sibling.
    MoveUp(ItemPath),
    /// Swap with the next sibling.
    MoveDown(ItemPath),
    /// A new empty policy bullet at the end.
    AddPolicy,
    /// Remove policy bullet `n`.
    DeletePolicy(usize),
    /// Swap policy bullet `n` with the one before it.
    MovePolicyUp(usize),
    /// Swap policy bullet `n` with the one after it.
    MovePolicyDown(usize),
    /// A new update note (改訂履歴) dated `date`.
    AddRevision(chrono::NaiveDate),
    /// Remove update note `n`.
    DeleteRevision(usize),
}

/// Applies an edit; returns the item to select afterwards, if it changes.
/// Edits addressing items that do not exist do nothing.
pub fn apply(plan: &mut Plan, edit: Edit) -> Option<ItemPath> {
    match edit {
        Edit::AddIssue => {
            plan.issues.push(Issue::default());
            Some(ItemPath::Issue(plan.issues.len() - 1))
        }
        Edit::AddStrategy(i) => {
            let issue = plan.issues.get_mut(i)?;
            issue.strategies.push(Strategy::default());
            Some(ItemPath::Strategy(i, issue.strategies.len() - 1))
        }
        Edit::AddInitiative(i, s) => {
            let strategy = plan.issues.get_mut(i)?.strategies.get_mut(s)?;
            strategy.initiatives.push(Initiative::default());
            Some(ItemPath::Initiative(i, s, strategy.initiatives.len() - 1))
        }
        Edit::Delete(path) => with_siblings(plan, path, |len, idx, ops| {
            ops.remove(idx);
            (idx > 0 || len > 1).then_some(idx.saturating_sub(1))
        })
        .flatten()
        .map(|idx| sibling(path, idx))
        .or_else(|| parent(path)),
        Edit::Duplicate(path) => with_siblings(plan, path, |_, idx, ops| {
            ops.duplicate(idx);
            idx + 1
        })
        .map(|idx| sibling(path, idx)),
        Edit::MoveUp(path) => with_siblings(plan, path, |_, idx, ops| {
            if idx == 0 {
                return idx;
            }
            ops.swap(idx - 1, idx);
            idx - 1
        })
        .map(|idx| sibling(path, idx)),
        Edit::MoveDown(path) => with_siblings(plan, path, |len, idx, ops| {
            if idx + 1 >= len {
                return idx;
            }
            ops.swap(idx, idx + 1);
            idx + 1
        })
        .map(|idx| sibling(path, idx)),
        Edit::AddPolicy => {
            plan.policy.push(String::new());
            None
        }
        Edit::DeletePolicy(n) => {
            if n < plan.policy.len() {
                plan.policy.remove(n);
            }
            None
        }
        Edit::MovePolicyUp(n) => {
            if n > 0 && n < plan.policy.len() {
                plan.policy.swap(n - 1, n);
            }
            None
        }
        Edit::MovePolicyDown(n) => {
            if n + 1 < plan.policy.len() {
                plan.policy.swap(n, n + 1);
            }
            None
        }
        Edit::AddRevision(date) => {
            plan.revisions.push(crate::model::Revision {
                date,
                note: String::new(),
            });
            None
        }
        Edit::DeleteRevision(n) => {
            if n < plan.revisions.len() {
                plan.revisions.remove(n);
            }
            None
        }
    }
}

/// The same kind of item at another index under the same parent.
fn sibling(path: ItemPath, idx: usize) -> ItemPath {
    match path {
        ItemPath::Plan => ItemPath::Plan,
        ItemPath::Issue(_) => ItemPath::Issue(idx),
        ItemPath::Strategy(i, _) => ItemPath::Strategy(i, idx),
        ItemPath::Initiative(i, s, _) => ItemPath::Initiative(i, s, idx),
    }
}

fn parent(path: ItemPath) -> Option<ItemPath> {
    match path {
        ItemPath::Plan | ItemPath::Issue(_) => None,
        ItemPath::Strategy(i, _) => Some(ItemPath::Issue(i)),
        ItemPath::Initiative(i, s, _) => Some(ItemPath::Strategy(i, s)),
    }
}

/// The list operations an edit needs, over whichever list the item is in.
trait ListOps {
    fn remove(&mut self, idx: usize);
    fn duplicate(&mut self, idx: usize);
    fn swap(&mut self, a: usize, b: usize);
}

impl<T: Clone> ListOps for Vec<T> {
    fn remove(&mut self, idx: usize) {
        Vec::remove(self, idx);
    }
    fn duplicate(&mut self, idx: usize) {
        let copy = self[idx].clone();
        self.insert(idx + 1, copy);
    }
    fn swap(&mut self, a: usize, b: usize) {
        <[T]>::swap(self, a, b);
    }
}

/// Runs `f(len, index, list)` on the list holding the item at `path`.
fn with_siblings<R>(
    plan: &mut Plan,
    path: ItemPath,
    f: impl FnOnce(usize, usize, &mut dyn ListOps) -> R,
) -> Option<R> {
    match path {
        ItemPath::Plan => None,
        ItemPath::Issue(i) => {
            let list = &mut plan.issues;
            (i < list.len()).then(|| f(list.len(), i, list))
        }
        ItemPath::Strategy(i, s) => {
            let list = &mut plan.issues.get_mut(i)?.strategies;
            (s < list.len()).then(|| f(list.len(), s, list))
        }
        ItemPath::Initiative(i, s, k) => {
            let list = &mut plan.issues.get_mut(i)?.strategies.get_mut(s)?.initiatives;
            (k < list.len()).then(|| f(list.len(), k, list))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::io::parse(crate::SAMPLE_RON.as_bytes()).expect("sample")
    }

    #[test]
    fn add_delete_duplicate_move() {
        let mut p = plan();
        assert_eq!(apply(&mut p, Edit::AddIssue), Some(ItemPath::Issue(5)));
        assert_eq!(p.issues.len(), 6);
        assert_eq!(
            apply(&mut p, Edit::AddInitiative(1, 0)),
            Some(ItemPath::Initiative(1, 0, 1))
        );
        assert_eq!(p.issues[1].strategies[0].initiatives.len(), 2);
        assert_eq!(
            apply(&mut p, Edit::MoveUp(ItemPath::Issue(1))),
            Some(ItemPath::Issue(0))
        );
        assert_eq!(p.issues[0].title, "子育てを応援するまちづくり");
        assert_eq!(
            apply(&mut p, Edit::Duplicate(ItemPath::Issue(0))),
            Some(ItemPath::Issue(1))
        );
        assert_eq!(p.issues[1].title, "子育てを応援するまちづくり");
        assert_eq!(
            apply(&mut p, Edit::Delete(ItemPath::Strategy(0, 0))),
            Some(ItemPath::Issue(0))
        );
        assert!(p.issues[0].strategies.is_empty());
        assert_eq!(apply(&mut p, Edit::Delete(ItemPath::Issue(40))), None);
        assert_eq!(
            apply(&mut p, Edit::MoveDown(ItemPath::Issue(6))),
            Some(ItemPath::Issue(6))
        );
    }

    #[test]
    fn policy_and_revision_edits() {
        let mut p = plan();
        let first = p.policy[0].clone();
        apply(&mut p, Edit::MovePolicyDown(0));
        assert_eq!(p.policy[1], first);
        apply(&mut p, Edit::MovePolicyUp(1));
        assert_eq!(p.policy[0], first);
        apply(&mut p, Edit::MovePolicyDown(4));
        assert_eq!(p.policy.len(), 5);
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
        apply(&mut p, Edit::AddRevision(day));
        assert_eq!(p.revisions.len(), 2);
        assert_eq!(p.revisions[1].date, day);
        apply(&mut p, Edit::DeleteRevision(0));
        assert_eq!(p.revisions.len(), 1);
        assert_eq!(p.revisions[0].date, day);
    }
}
