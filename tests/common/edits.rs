//! The merge oracle's edits, written outside `compare/` and shared by
//! `tests/oracle.rs` (proptest) and the fuzz target `merge_oracle`: random
//! picks become edits on the issues a side owns, and the edits are replayed on
//! a plan by plain walking code. The expected merge of two sides that own
//! different issues is both edit lists applied in turn.

use ward_plan::Plan;
use ward_plan::model::ItemId;

/// One edit, resolved to the items it touches by identity, so it can be
/// replayed on another copy.
#[derive(Clone, Debug)]
pub enum Edit {
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
pub fn owned(plan: &Plan, first: usize) -> Vec<ItemId> {
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
pub fn resolve(base: &Plan, owners: &[ItemId], picks: &[(u8, u8, u16)]) -> Vec<Edit> {
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
pub fn apply(plan: &mut Plan, edit: &Edit) {
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

pub fn replay(plan: &Plan, edits: &[Edit]) -> Plan {
    let mut copy = plan.clone();
    for edit in edits {
        apply(&mut copy, edit);
    }
    copy
}
