//! Structural edits of a plan (add, delete, duplicate, move), addressed by position
//! within the frame that made them. Views emit them; the app applies them once a
//! frame, after an undo point, so each is one undo step. New items and duplicates
//! get fresh identities here; moved items keep theirs.

use crate::model::{
    Indicator, Initiative, Issue, ItemId, ItemPath, PartMut, Plan, Strategy, YearResult,
};

/// What a delete, duplicate or move acts on: an item of the outline, or an entry of
/// one of the plan's plain lists. All of them go through the same list operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An issue, strategy or initiative.
    Item(ItemPath),
    /// Policy bullet `n` (基本的な考え方).
    Policy(usize),
    /// Update note `n` (改訂履歴).
    Revision(usize),
    /// Indicator `n` of the strategy at the path.
    Indicator(ItemPath, usize),
    /// Result `r` of indicator `n` of the strategy at the path.
    YearResult(ItemPath, usize, usize),
}

impl From<ItemPath> for Target {
    fn from(path: ItemPath) -> Self {
        Self::Item(path)
    }
}

/// One structural edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// A new empty issue at the end.
    AddIssue,
    /// A new empty strategy at the end of issue `i`.
    AddStrategy(usize),
    /// A new empty initiative at the end of strategy `(i, s)`.
    AddInitiative(usize, usize),
    /// A new empty policy bullet at the end.
    AddPolicy,
    /// A new update note (改訂履歴) dated `date`.
    AddRevision(chrono::NaiveDate),
    /// A new empty indicator at the end of the strategy at the path.
    AddIndicator(ItemPath),
    /// A new result for indicator `n` of the strategy at the path, for the year
    /// after its last result (or the plan's year).
    AddYearResult(ItemPath, usize),
    /// Remove the target.
    Delete(Target),
    /// Insert a copy right after the target.
    Duplicate(Target),
    /// Swap with the previous sibling.
    MoveUp(Target),
    /// Swap with the next sibling.
    MoveDown(Target),
}

/// What deleting the item at `path` would take with it, as a question to ask
/// first (経営課題1「…」を削除します。戦略 3件、具体的取組 7件、予算 28,523千円
/// も一緒に削除されます。); none for an item with nothing in it yet.
pub fn delete_question(plan: &Plan, path: ItemPath) -> Option<String> {
    use crate::amount::format_thousand_yen;
    use crate::model::Part;
    let item = crate::numbering::outline(plan)
        .into_iter()
        .find(|o| o.path == path)?;
    let empty = |texts: &[&String]| texts.iter().all(|t| t.trim().is_empty());
    let (has_content, strategies, initiatives, budget) = match item.part {
        Part::Issue(i) => (
            !i.strategies.is_empty()
                || !empty(&[
                    &i.title,
                    &i.description,
                    &i.vision,
                    &i.current_state,
                    &i.cause_analysis,
                    &i.challenge,
                ]),
            i.strategies.len(),
            i.strategies.iter().map(|s| s.initiatives.len()).sum(),
            i.budget_total(),
        ),
        Part::Strategy(s) => (
            !s.initiatives.is_empty()
                || !s.indicators.is_empty()
                || !s.interim_review.is_empty()
                || !s.self_evaluation.is_empty()
                || !empty(&[&s.title, &s.text, &s.target_state]),
            0,
            s.initiatives.len(),
            s.budget_total(),
        ),
        Part::Initiative(k) => (
            k.budget.is_some()
                || !k.interim_review.is_empty()
                || !k.self_evaluation.is_empty()
                || !empty(&[&k.title, &k.text, &k.past_results, &k.performance_target]),
            0,
            0,
            k.budget.unwrap_or(0),
        ),
    };
    if !has_content {
        return None;
    }
    let mut with = Vec::new();
    if strategies > 0 {
        with.push(format!("戦略 {strategies}件"));
    }
    if initiatives > 0 {
        with.push(format!("具体的取組 {initiatives}件"));
    }
    if budget > 0 {
        with.push(format!("予算 {}", format_thousand_yen(budget)));
    }
    let title = item.title().trim();
    let title = if title.is_empty() {
        String::new()
    } else {
        format!("「{title}」")
    };
    let mut message = format!("{}{title}を削除します。", item.name());
    if !with.is_empty() {
        message.push_str(&format!("{}も一緒に削除されます。", with.join("、")));
    }
    message.push_str("\n削除した後でも「元に戻す」（Ctrl+Z）で戻せます。");
    Some(message)
}

/// Applies an edit; returns the item to select afterwards, if it changes.
/// Edits addressing items that do not exist do nothing.
pub fn apply(plan: &mut Plan, edit: Edit) -> Option<ItemPath> {
    match edit {
        Edit::AddIssue => {
            plan.issues.push(Issue {
                id: ItemId::fresh(),
                ..Issue::default()
            });
            Some(ItemPath::Issue(plan.issues.len() - 1))
        }
        Edit::AddStrategy(i) => {
            let issue = plan.issues.get_mut(i)?;
            let main = !issue.strategies.is_empty() && issue.strategies.iter().all(|s| s.main);
            issue.strategies.push(Strategy {
                id: ItemId::fresh(),
                main,
                ..Strategy::default()
            });
            Some(ItemPath::Strategy(i, issue.strategies.len() - 1))
        }
        Edit::AddInitiative(i, s) => {
            let strategy = plan.issues.get_mut(i)?.strategies.get_mut(s)?;
            // Printed with its siblings: 主な when they all are, so it does not
            // print under a heading of its own.
            let main =
                !strategy.initiatives.is_empty() && strategy.initiatives.iter().all(|k| k.main);
            strategy.initiatives.push(Initiative {
                id: ItemId::fresh(),
                main,
                ..Initiative::default()
            });
            Some(ItemPath::Initiative(i, s, strategy.initiatives.len() - 1))
        }
        Edit::AddPolicy => {
            plan.policy.push(String::new());
            None
        }
        Edit::AddRevision(date) => {
            plan.revisions.push(crate::model::Revision {
                date,
                note: String::new(),
            });
            None
        }
        Edit::AddIndicator(path) => {
            strategy_at(plan, path)?
                .indicators
                .push(Indicator::default());
            None
        }
        Edit::AddYearResult(path, n) => {
            let year = plan.fiscal_year;
            let indicator = strategy_at(plan, path)?.indicators.get_mut(n)?;
            let fiscal_year = indicator
                .results
                .last()
                .map_or(year, |r| r.fiscal_year.saturating_add(1));
            indicator.results.push(YearResult {
                fiscal_year,
                ..YearResult::default()
            });
            None
        }
        Edit::Delete(target) => with_siblings(plan, target, |len, idx, ops| {
            ops.remove(idx);
            (idx > 0 || len > 1).then_some(idx.saturating_sub(1))
        })
        .flatten()
        .and_then(|idx| sibling(target, idx))
        .or_else(|| parent(target)),
        Edit::Duplicate(target) => {
            let copy = with_siblings(plan, target, |_, idx, ops| {
                ops.duplicate(idx);
                idx + 1
            })
            .and_then(|idx| sibling(target, idx))?;
            // A duplicate is a new item, with new items inside it.
            match plan.get_mut(copy)? {
                PartMut::Issue(issue) => issue.renew_ids(),
                PartMut::Strategy(strategy) => strategy.renew_ids(),
                PartMut::Initiative(initiative) => initiative.renew_ids(),
            }
            Some(copy)
        }
        Edit::MoveUp(target) => with_siblings(plan, target, |_, idx, ops| {
            if idx == 0 {
                return idx;
            }
            ops.swap(idx - 1, idx);
            idx - 1
        })
        .and_then(|idx| sibling(target, idx)),
        Edit::MoveDown(target) => with_siblings(plan, target, |len, idx, ops| {
            if idx + 1 >= len {
                return idx;
            }
            ops.swap(idx, idx + 1);
            idx + 1
        })
        .and_then(|idx| sibling(target, idx)),
    }
}

/// The same kind of item at another index under the same parent, to select it;
/// list entries are not selected on their own.
fn sibling(target: Target, idx: usize) -> Option<ItemPath> {
    match target {
        Target::Item(ItemPath::Plan) => Some(ItemPath::Plan),
        Target::Item(ItemPath::Issue(_)) => Some(ItemPath::Issue(idx)),
        Target::Item(ItemPath::Strategy(i, _)) => Some(ItemPath::Strategy(i, idx)),
        Target::Item(ItemPath::Initiative(i, s, _)) => Some(ItemPath::Initiative(i, s, idx)),
        Target::Policy(_)
        | Target::Revision(_)
        | Target::Indicator(..)
        | Target::YearResult(..) => None,
    }
}

fn strategy_at(plan: &mut Plan, path: ItemPath) -> Option<&mut Strategy> {
    match plan.get_mut(path)? {
        PartMut::Strategy(strategy) => Some(strategy),
        _ => None,
    }
}

fn parent(target: Target) -> Option<ItemPath> {
    match target {
        Target::Item(ItemPath::Strategy(i, _)) => Some(ItemPath::Issue(i)),
        Target::Item(ItemPath::Initiative(i, s, _)) => Some(ItemPath::Strategy(i, s)),
        _ => None,
    }
}

/// The list operations an edit needs, over whichever list the item is in.
trait ListOps {
    fn len(&self) -> usize;
    fn remove(&mut self, idx: usize);
    fn duplicate(&mut self, idx: usize);
    fn swap(&mut self, a: usize, b: usize);
}

impl<T: Clone> ListOps for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
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

/// Runs `f(len, index, list)` on the list holding the target.
fn with_siblings<R>(
    plan: &mut Plan,
    target: Target,
    f: impl FnOnce(usize, usize, &mut dyn ListOps) -> R,
) -> Option<R> {
    let (list, idx): (&mut dyn ListOps, usize) = match target {
        Target::Item(ItemPath::Plan) => return None,
        Target::Item(ItemPath::Issue(i)) => (&mut plan.issues, i),
        Target::Item(path @ ItemPath::Strategy(_, s)) => match plan.get_mut(path.parent())? {
            PartMut::Issue(issue) => (&mut issue.strategies, s),
            _ => return None,
        },
        Target::Item(path @ ItemPath::Initiative(.., k)) => {
            (&mut strategy_at(plan, path.parent())?.initiatives, k)
        }
        Target::Policy(n) => (&mut plan.policy, n),
        Target::Revision(n) => (&mut plan.revisions, n),
        Target::Indicator(path, n) => (&mut strategy_at(plan, path)?.indicators, n),
        Target::YearResult(path, n, r) => (
            &mut strategy_at(plan, path)?.indicators.get_mut(n)?.results,
            r,
        ),
    };
    let len = list.len();
    (idx < len).then(|| f(len, idx, list))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        crate::sample()
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
            apply(&mut p, Edit::MoveUp(ItemPath::Issue(1).into())),
            Some(ItemPath::Issue(0))
        );
        assert_eq!(p.issues[0].title, "子育てを応援するまちづくり");
        assert_eq!(
            apply(&mut p, Edit::Duplicate(ItemPath::Issue(0).into())),
            Some(ItemPath::Issue(1))
        );
        assert_eq!(p.issues[1].title, "子育てを応援するまちづくり");
        assert_eq!(
            apply(&mut p, Edit::Delete(ItemPath::Strategy(0, 0).into())),
            Some(ItemPath::Issue(0))
        );
        assert!(p.issues[0].strategies.is_empty());
        assert_eq!(
            apply(&mut p, Edit::Delete(ItemPath::Issue(40).into())),
            None
        );
        assert_eq!(
            apply(&mut p, Edit::MoveDown(ItemPath::Issue(6).into())),
            Some(ItemPath::Issue(6))
        );
    }

    #[test]
    fn new_items_and_duplicates_get_new_ids_and_moves_keep_them() {
        let mut p = plan();
        let ids =
            |p: &Plan| -> Vec<ItemId> { p.parts().iter().map(|(_, part)| part.id()).collect() };
        let before = ids(&p);
        let first = p.issues[0].id;
        apply(&mut p, Edit::MoveDown(ItemPath::Issue(0).into()));
        assert_eq!(p.issues[1].id, first, "a moved issue keeps its identity");
        let copy = apply(&mut p, Edit::Duplicate(ItemPath::Issue(1).into())).expect("copy");
        assert_eq!(copy, ItemPath::Issue(2));
        assert_ne!(p.issues[2].id, first);
        let inner_old = p.issues[1].strategies[0].initiatives[0].id;
        assert_ne!(p.issues[2].strategies[0].initiatives[0].id, inner_old);
        let added = apply(&mut p, Edit::AddInitiative(0, 0)).expect("added");
        let new_id = p.get(added).expect("new").id();
        assert!(!new_id.is_unset() && !before.contains(&new_id));
        let all = ids(&p);
        let unique: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "no two items share an identity");
    }

    #[test]
    fn indicator_and_result_edits() {
        let mut p = plan();
        let at = ItemPath::Strategy(0, 0);
        apply(&mut p, Edit::AddIndicator(at));
        apply(&mut p, Edit::AddYearResult(at, 0));
        apply(&mut p, Edit::AddYearResult(at, 0));
        let results = &p.issues[0].strategies[0].indicators[0].results;
        assert_eq!(
            results.iter().map(|r| r.fiscal_year).collect::<Vec<_>>(),
            [2022, 2023]
        );
        apply(&mut p, Edit::Delete(Target::YearResult(at, 0, 0)));
        assert_eq!(
            p.issues[0].strategies[0].indicators[0].results[0].fiscal_year,
            2023
        );
        apply(&mut p, Edit::Delete(Target::Indicator(at, 0)));
        assert!(p.issues[0].strategies[0].indicators.is_empty());
        assert_eq!(apply(&mut p, Edit::AddIndicator(ItemPath::Issue(0))), None);
        assert!(
            p.issues[0].strategies[0].indicators.is_empty(),
            "only strategies have indicators"
        );
    }

    #[test]
    fn policy_and_revision_edits() {
        let mut p = plan();
        let first = p.policy[0].clone();
        apply(&mut p, Edit::MoveDown(Target::Policy(0)));
        assert_eq!(p.policy[1], first);
        apply(&mut p, Edit::MoveUp(Target::Policy(1)));
        assert_eq!(p.policy[0], first);
        apply(&mut p, Edit::MoveDown(Target::Policy(4)));
        assert_eq!(p.policy.len(), 5);
        assert_eq!(apply(&mut p, Edit::Duplicate(Target::Policy(0))), None);
        assert_eq!((p.policy.len(), &p.policy[1]), (6, &first));
        apply(&mut p, Edit::Delete(Target::Policy(1)));
        assert_eq!(p.policy.len(), 5);
        let day = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
        apply(&mut p, Edit::AddRevision(day));
        assert_eq!(p.revisions.len(), 2);
        assert_eq!(p.revisions[1].date, day);
        apply(&mut p, Edit::Delete(Target::Revision(0)));
        assert_eq!(p.revisions.len(), 1);
        assert_eq!(p.revisions[0].date, day);
    }
}
