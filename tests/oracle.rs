//! An oracle for the merge, written outside `compare/`: from one random base,
//! two sections edit parts of the plan that do not overlap — each owns some of
//! the issues (retitles, new budgets, cleared texts, deleted strategies and
//! initiatives, initiatives moved, a whole issue deleted), one rewords the goal,
//! the other the mission and adds a bullet. The expected result is both lists
//! of edits applied in turn to the base by the plain code below; the merge must
//! give exactly that, with no conflict. A merge that dropped a one-sided
//! deletion or move would differ from it.

use proptest::prelude::*;
use ward_plan::Plan;
use ward_plan::compare::{Merge, Side};
use ward_plan::model::ItemId;

mod common;

/// One edit, resolved to the items it touches by identity, so it can be
/// replayed on another copy.
#[derive(Clone, Debug)]
enum Edit {
    /// Give an issue, strategy or initiative a new title.
    Title(ItemId, String),
    /// Set an initiative's budget.
    Budget(ItemId, Option<u64>),
    /// Clear a strategy's or an initiative's text.
    ClearText(ItemId),
    /// Delete a strategy or an initiative (with what is in it).
    Delete(ItemId),
    /// Move an initiative one place down in its strategy.
    MoveDown(ItemId),
    /// Delete a whole issue.
    DeleteIssue(ItemId),
}

/// The issues a side owns: every third from `first`.
fn owned(plan: &Plan, first: usize) -> Vec<ItemId> {
    plan.issues
        .iter()
        .enumerate()
        .filter(|(n, _)| n % 3 == first)
        .map(|(_, i)| i.id)
        .collect()
}

/// Every item inside the issues `owners`, issues first.
fn items_in(plan: &Plan, owners: &[ItemId]) -> (Vec<ItemId>, Vec<ItemId>, Vec<ItemId>) {
    let (mut issues, mut strategies, mut initiatives) = (Vec::new(), Vec::new(), Vec::new());
    for issue in plan.issues.iter().filter(|i| owners.contains(&i.id)) {
        issues.push(issue.id);
        for s in &issue.strategies {
            strategies.push(s.id);
            initiatives.extend(s.initiatives.iter().map(|i| i.id));
        }
    }
    (issues, strategies, initiatives)
}

/// The edits a side's random picks stand for, resolved against the side's own
/// copy as it changes (a deleted item is not picked again).
fn resolve(base: &Plan, owners: &[ItemId], picks: &[(u8, u8, u16)]) -> Vec<Edit> {
    let mut copy = base.clone();
    let mut edits = Vec::new();
    for &(kind, pick, arg) in picks {
        let (issues, strategies, initiatives) = items_in(&copy, owners);
        let any: Vec<ItemId> = issues
            .iter()
            .chain(&strategies)
            .chain(&initiatives)
            .copied()
            .collect();
        let choose =
            |list: &[ItemId]| (!list.is_empty()).then(|| list[usize::from(pick) % list.len()]);
        let edit = match kind % 6 {
            0 => choose(&any).map(|id| Edit::Title(id, format!("改題{arg}"))),
            1 => choose(&initiatives)
                .map(|id| Edit::Budget(id, (arg % 5 != 0).then_some(u64::from(arg) * 10))),
            2 => {
                let both: Vec<ItemId> = strategies.iter().chain(&initiatives).copied().collect();
                choose(&both).map(Edit::ClearText)
            }
            3 => {
                let both: Vec<ItemId> = strategies.iter().chain(&initiatives).copied().collect();
                choose(&both).map(Edit::Delete)
            }
            4 => choose(&initiatives).map(Edit::MoveDown),
            _ if arg % 4 == 0 => choose(&issues).map(Edit::DeleteIssue),
            _ => choose(&any).map(|id| Edit::Title(id, format!("題{arg}"))),
        };
        if let Some(edit) = edit {
            apply(&mut copy, &edit);
            edits.push(edit);
        }
    }
    edits
}

/// Applies one edit by walking the plan: no code of the program is used.
fn apply(plan: &mut Plan, edit: &Edit) {
    match edit {
        Edit::DeleteIssue(id) => plan.issues.retain(|i| i.id != *id),
        Edit::Delete(id) => {
            for issue in &mut plan.issues {
                issue.strategies.retain(|s| s.id != *id);
                for s in &mut issue.strategies {
                    s.initiatives.retain(|i| i.id != *id);
                }
            }
        }
        Edit::MoveDown(id) => {
            for s in plan.issues.iter_mut().flat_map(|i| i.strategies.iter_mut()) {
                if let Some(n) = s.initiatives.iter().position(|i| i.id == *id)
                    && n + 1 < s.initiatives.len()
                {
                    s.initiatives.swap(n, n + 1);
                }
            }
        }
        Edit::Title(id, title) => {
            for issue in &mut plan.issues {
                if issue.id == *id {
                    issue.title = title.clone();
                }
                for s in &mut issue.strategies {
                    if s.id == *id {
                        s.title = title.clone();
                    }
                    for i in &mut s.initiatives {
                        if i.id == *id {
                            i.title = title.clone();
                        }
                    }
                }
            }
        }
        Edit::Budget(id, budget) => {
            for i in plan
                .issues
                .iter_mut()
                .flat_map(|i| i.strategies.iter_mut())
                .flat_map(|s| s.initiatives.iter_mut())
            {
                if i.id == *id {
                    i.budget = *budget;
                }
            }
        }
        Edit::ClearText(id) => {
            for s in plan.issues.iter_mut().flat_map(|i| i.strategies.iter_mut()) {
                if s.id == *id {
                    s.text.clear();
                }
                for i in &mut s.initiatives {
                    if i.id == *id {
                        i.text.clear();
                    }
                }
            }
        }
    }
}

fn replay(plan: &Plan, edits: &[Edit]) -> Plan {
    let mut copy = plan.clone();
    for edit in edits {
        apply(&mut copy, edit);
    }
    copy
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Edits from one base on parts that do not overlap all arrive, and only
    /// they: the merge equals both edit lists applied in turn.
    #[test]
    fn a_merge_of_disjoint_edits_is_both_edit_lists_applied(
        base in common::plan(),
        mine_picks in prop::collection::vec(any::<(u8, u8, u16)>(), 0..8),
        theirs_picks in prop::collection::vec(any::<(u8, u8, u16)>(), 0..8),
        goal in "[あ-ん]{1,8}",
        mission in "[ア-ン]{1,8}",
        bullet in "[一-龠]{1,6}",
    ) {
        let mut base = base;
        base.ensure_ids();
        let mine_edits = resolve(&base, &owned(&base, 0), &mine_picks);
        let theirs_edits = resolve(&base, &owned(&base, 1), &theirs_picks);
        let mut mine = replay(&base, &mine_edits);
        mine.goal = goal;
        let mut theirs = replay(&base, &theirs_edits);
        theirs.mission = mission.clone();
        theirs.policy.push(bullet.clone());

        let mut expected = replay(&mine, &theirs_edits);
        expected.mission = mission;
        expected.policy.push(bullet);

        let merge = Merge::new(&base, &mine, &theirs);
        prop_assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
        let result = merge.result(|_| Side::Mine);
        prop_assert_eq!(result, expected, "mine {:?} theirs {:?}", mine_edits, theirs_edits);
    }
}
