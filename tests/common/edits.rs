//! The merge oracle's plans and edits, written outside `compare/` and shared by
//! `tests/oracle.rs` (proptest) and the fuzz target `merge_oracle`. Random picks
//! become edits of every kind a section makes — texts, budgets, the main flag,
//! pinned numbers, items added, deleted, replaced and moved (within a list and
//! to another parent), indicators field by field, policy bullets, update notes —
//! and the edits are replayed on a plan by plain walking code. No code of the
//! program's comparison is used here.
//!
//! A side edits only what it owns ([`Scope`]): the issues every third from its
//! first, and the plan-level lists given to it. So the expected merge of two
//! sides is both edit lists replayed in turn.

use chrono::NaiveDate;
use ward_plan::Plan;
use ward_plan::model::{Indicator, Initiative, Issue, ItemId, Revision, Strategy, YearResult};

/// One edit, naming the items it touches by identity (indicators, bullets and
/// notes, which have none, by their text), so it replays on another copy.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A new title for an issue, strategy or initiative.
    Title(ItemId, String),
    /// A strategy's or initiative's text.
    Text(ItemId, String),
    /// An initiative's budget.
    Budget(ItemId, Option<u64>),
    /// A strategy's or initiative's 主な flag.
    Main(ItemId, bool),
    /// A pinned number (none: the number its place gives).
    Number(ItemId, Option<u32>),
    /// An item deleted with what it holds.
    Delete(ItemId),
    /// An item put under `parent` (none: an issue) after `after` (none: first).
    Move {
        id: ItemId,
        parent: Option<ItemId>,
        after: Option<ItemId>,
    },
    /// A new item put in like [`Edit::Move`].
    Add {
        item: New,
        parent: Option<ItemId>,
        after: Option<ItemId>,
    },
    /// A change to the indicator of a strategy named `name`.
    Indicator {
        strategy: ItemId,
        name: String,
        change: IndicatorChange,
    },
    /// A new indicator at the end of a strategy's.
    AddIndicator(ItemId, Indicator),
    /// A policy bullet put in at `n` (past the end: last).
    AddBullet(usize, String),
    /// The policy bullet with this text removed.
    DeleteBullet(String),
    /// The policy bullet with the first text reworded to the second.
    RewordBullet(String, String),
    /// An update note put in at `n`.
    AddRevision(usize, Revision),
    /// The update note with this text removed.
    DeleteRevision(String),
    /// The update note with the first text reworded to the second.
    RewordRevision(String, String),
    /// The plan's goal.
    Goal(String),
    /// The plan's mission.
    Mission(String),
}

/// A new item.
#[derive(Clone, Debug, PartialEq)]
pub enum New {
    Issue(Issue),
    Strategy(Strategy),
    Initiative(Initiative),
}

impl New {
    fn id(&self) -> ItemId {
        match self {
            New::Issue(i) => i.id,
            New::Strategy(s) => s.id,
            New::Initiative(k) => k.id,
        }
    }
}

/// What changes in an indicator.
#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorChange {
    Name(String),
    Target(String),
    Unit(String),
    Period(String),
    /// A year's result (put in when the year has none).
    Result(i32, String),
    /// A year's grade.
    Grade(i32, String),
    /// The indicator removed.
    Delete,
}

/// What a side may edit.
#[derive(Clone, Debug)]
pub struct Scope {
    /// The issues it owns, with everything in them.
    pub issues: Vec<ItemId>,
    /// The plan's own list of issues: adding, moving and deleting issues.
    pub issue_list: bool,
    /// The policy bullets.
    pub policy: bool,
    /// The update notes.
    pub revisions: bool,
    /// The goal.
    pub goal: bool,
    /// The mission.
    pub mission: bool,
}

/// The issues every third from `first`.
pub fn owned(plan: &Plan, first: usize) -> Vec<ItemId> {
    plan.issues
        .iter()
        .enumerate()
        .filter(|(n, _)| n % 3 == first)
        .map(|(_, i)| i.id)
        .collect()
}

/// Side 0 or 1's scope: each owns every third issue from its number; side 0
/// the list of issues, the policy and the goal, side 1 the update notes and
/// the mission. The third third is nobody's (shared and conflicting edits go
/// there).
pub fn scope(plan: &Plan, side: usize) -> Scope {
    Scope {
        issues: owned(plan, side),
        issue_list: side == 0,
        policy: side == 0,
        revisions: side == 1,
        goal: side == 0,
        mission: side == 1,
    }
}

/// The third third's scope: edits both sides make alike, or in conflict.
pub fn nobodys(plan: &Plan) -> Scope {
    Scope {
        issues: owned(plan, 2),
        issue_list: false,
        policy: false,
        revisions: false,
        goal: false,
        mission: false,
    }
}

/// A base plan of the shape given: per issue, per strategy, (initiatives,
/// indicators); with `bullets` policy bullets and `notes` update notes. Titles
/// and texts are distinct, as in a real plan.
pub fn plan(shape: &[Vec<(u8, u8)>], bullets: usize, notes: usize) -> Plan {
    let mut plan = ward_plan::sample();
    plan.policy = (0..bullets).map(bullet).collect();
    plan.revisions = (0..notes)
        .map(|n| Revision {
            date: day(n),
            note: format!("第{}回の改訂を行いました。", n + 1),
        })
        .collect();
    plan.issues = shape
        .iter()
        .enumerate()
        .map(|(i, strategies)| Issue {
            id: fresh(),
            title: format!("経営課題{}の名称", i + 1),
            description: format!("課題{}の説明。", i + 1),
            strategies: strategies
                .iter()
                .enumerate()
                .map(|(s, &(initiatives, indicators))| Strategy {
                    id: fresh(),
                    title: format!("戦略{}-{}の名称", i + 1, s + 1),
                    main: s == 0,
                    text: format!("戦略{}-{}の内容。", i + 1, s + 1),
                    indicators: (0..indicators)
                        .map(|n| Indicator {
                            name: format!("指標{}-{}-{}の割合", i + 1, s + 1, n + 1),
                            target: "80".into(),
                            unit: "%以上".into(),
                            period: "令和6年度末まで".into(),
                            results: vec![YearResult {
                                fiscal_year: 2022,
                                value: "70.0%".into(),
                                grade: String::new(),
                            }],
                        })
                        .collect(),
                    initiatives: (0..initiatives)
                        .map(|k| Initiative {
                            id: fresh(),
                            title: format!("取組{}-{}-{}の名称", i + 1, s + 1, k + 1),
                            budget: Some(1_000 * (u64::from(k) + 1)),
                            text: format!("取組{}-{}-{}の内容。", i + 1, s + 1, k + 1),
                            ..Initiative::default()
                        })
                        .collect(),
                    ..Strategy::default()
                })
                .collect(),
            ..Issue::default()
        })
        .collect();
    plan
}

fn fresh() -> ItemId {
    ItemId::fresh()
}

fn day(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 4, 1).expect("a day") + chrono::Days::new(n as u64 * 7)
}

/// Policy bullets that read differently from each other.
fn bullet(n: usize) -> String {
    const BULLETS: [&str; 8] = [
        "だれもが地域で安心して暮らせるまちをめざす。",
        "子育てを応援し、こどもが健やかに育つまちをつくる。",
        "まなびの場を広げ、その成果を地域に活かす。",
        "災害に強く、犯罪の少ない安全なまちにする。",
        "地域活動協議会による自律的な運営を支える。",
        "区役所の窓口を利用しやすく改める。",
        "花と緑のあるまちなみを守り育てる。",
        "区の魅力を区内外へ発信する。",
    ];
    BULLETS[n % BULLETS.len()].to_owned()
}

/// The items inside the issues a scope owns: (issues, strategies, initiatives).
fn items(plan: &Plan, scope: &Scope) -> (Vec<ItemId>, Vec<ItemId>, Vec<ItemId>) {
    let (mut issues, mut strategies, mut initiatives) = (Vec::new(), Vec::new(), Vec::new());
    for issue in plan.issues.iter().filter(|i| scope.issues.contains(&i.id)) {
        issues.push(issue.id);
        for s in &issue.strategies {
            strategies.push(s.id);
            initiatives.extend(s.initiatives.iter().map(|k| k.id));
        }
    }
    (issues, strategies, initiatives)
}

/// The edits a side's random picks stand for, resolved against the side's own
/// copy as it changes (a deleted item is not picked again). Each pick is
/// (kind, which item, argument).
pub fn resolve(base: &Plan, scope: &Scope, picks: &[(u8, u8, u16)]) -> Vec<Edit> {
    let mut copy = base.clone();
    let mut edits = Vec::new();
    for &(kind, pick, arg) in picks {
        for edit in one(&copy, scope, kind, usize::from(pick), arg) {
            apply(&mut copy, &edit);
            edits.push(edit);
        }
    }
    edits
}

/// The edits one pick stands for (none when the scope has nothing to pick).
fn one(plan: &Plan, scope: &Scope, kind: u8, pick: usize, arg: u16) -> Vec<Edit> {
    let (issues, strategies, initiatives) = items(plan, scope);
    let choose = |list: &[ItemId]| (!list.is_empty()).then(|| list[pick % list.len()]);
    let both: Vec<ItemId> = strategies.iter().chain(&initiatives).copied().collect();
    let all: Vec<ItemId> = issues.iter().chain(&both).copied().collect();
    let a = usize::from(arg);
    let edit = match kind % 16 {
        0 => choose(&all).map(|id| Edit::Title(id, format!("改題{arg}"))),
        1 => choose(&initiatives)
            .map(|id| Edit::Budget(id, (!arg.is_multiple_of(7)).then_some(u64::from(arg) * 10))),
        2 => choose(&both).map(|id| Edit::Main(id, arg.is_multiple_of(2))),
        3 => choose(&both).map(|id| {
            Edit::Number(
                id,
                (!arg.is_multiple_of(3)).then_some(u32::from(arg % 9) + 1),
            )
        }),
        4 => choose(&both).map(|id| Edit::Text(id, format!("書き直した内容{arg}。"))),
        5 => choose(&both).map(Edit::Delete),
        // An initiative moved: within its strategy or to another the side owns.
        6 | 7 => choose(&initiatives).and_then(|id| {
            let to = if kind % 16 == 6 {
                parent_of(plan, id)
            } else {
                choose_at(&strategies, a)
            };
            let to = to?;
            Some(Edit::Move {
                id,
                parent: Some(to),
                after: after_in(plan, Some(to), id, a),
            })
        }),
        // A strategy moved: within its issue or to another the side owns.
        8 => choose(&strategies).and_then(|id| {
            let to = choose_at(&issues, a)?;
            Some(Edit::Move {
                id,
                parent: Some(to),
                after: after_in(plan, Some(to), id, a / 3),
            })
        }),
        9 => choose(&strategies).map(|to| Edit::Add {
            item: New::Initiative(new_initiative(arg)),
            parent: Some(to),
            after: after_in(plan, Some(to), ItemId::default(), a),
        }),
        10 => choose(&issues).map(|to| Edit::Add {
            item: New::Strategy(Strategy {
                id: fresh(),
                title: format!("新しい戦略{arg}"),
                text: format!("新しい戦略{arg}の内容。"),
                initiatives: vec![new_initiative(arg.wrapping_add(1))],
                ..Strategy::default()
            }),
            parent: Some(to),
            after: after_in(plan, Some(to), ItemId::default(), a),
        }),
        // An initiative replaced: a new one in its place, the old one deleted.
        11 => {
            return choose(&initiatives)
                .map(|id| {
                    vec![
                        Edit::Add {
                            item: New::Initiative(new_initiative(arg)),
                            parent: parent_of(plan, id),
                            after: Some(id),
                        },
                        Edit::Delete(id),
                    ]
                })
                .unwrap_or_default();
        }
        12 => choose(&strategies).and_then(|s| indicator_edit(plan, s, a)),
        13 if scope.policy => Some(
            list_edit(&plan.policy, a, |n| format!("新しい方針{n}を進める。")).map_or_else(
                || Edit::AddBullet(0, format!("最初の方針{arg}")),
                |e| match e {
                    ListEdit::Add(n, text) => Edit::AddBullet(n, text),
                    ListEdit::Delete(text) => Edit::DeleteBullet(text),
                    ListEdit::Edit(old, new) => Edit::RewordBullet(old, new),
                },
            ),
        ),
        13 => None,
        14 if scope.revisions => {
            let notes: Vec<String> = plan.revisions.iter().map(|r| r.note.clone()).collect();
            Some(
                list_edit(&notes, a, |n| format!("追加の改訂{n}を行いました。")).map_or_else(
                    || {
                        Edit::AddRevision(
                            0,
                            Revision {
                                date: day(a % 50),
                                note: format!("改訂{arg}"),
                            },
                        )
                    },
                    |e| match e {
                        ListEdit::Add(n, note) => Edit::AddRevision(
                            n,
                            Revision {
                                date: day(a % 50),
                                note,
                            },
                        ),
                        ListEdit::Delete(note) => Edit::DeleteRevision(note),
                        ListEdit::Edit(old, new) => Edit::RewordRevision(old, new),
                    },
                ),
            )
        }
        14 => None,
        _ if scope.issue_list && arg.is_multiple_of(5) => choose(&issues).map(Edit::Delete),
        _ if scope.issue_list && arg % 5 == 1 => Some(Edit::Add {
            item: New::Issue(Issue {
                id: fresh(),
                title: format!("新しい経営課題{arg}"),
                strategies: vec![Strategy {
                    id: fresh(),
                    title: format!("新しい課題の戦略{arg}"),
                    ..Strategy::default()
                }],
                ..Issue::default()
            }),
            parent: None,
            after: after_in(plan, None, ItemId::default(), a),
        }),
        _ if scope.issue_list && arg % 5 == 2 => choose(&issues).map(|id| Edit::Move {
            id,
            parent: None,
            after: after_in(plan, None, id, a),
        }),
        _ if scope.goal => Some(Edit::Goal(format!("新しい目標{arg}"))),
        _ if scope.mission => Some(Edit::Mission(format!("新しい使命{arg}"))),
        _ => None,
    };
    edit.into_iter().collect()
}

fn choose_at(list: &[ItemId], a: usize) -> Option<ItemId> {
    (!list.is_empty()).then(|| list[a % list.len()])
}

fn new_initiative(arg: u16) -> Initiative {
    Initiative {
        id: fresh(),
        title: format!("新しい取組{arg}"),
        budget: Some(u64::from(arg) + 1),
        text: format!("新しい取組{arg}の内容。"),
        ..Initiative::default()
    }
}

/// A place in the children of `parent` for `id` (not counting it): after the
/// `a`-th of the others, or first.
fn after_in(plan: &Plan, parent: Option<ItemId>, id: ItemId, a: usize) -> Option<ItemId> {
    let others: Vec<ItemId> = children(plan, parent)
        .into_iter()
        .filter(|c| *c != id)
        .collect();
    let n = a % (others.len() + 1);
    n.checked_sub(1).map(|n| others[n])
}

/// The ids of the children of `parent` (none: the issues).
fn children(plan: &Plan, parent: Option<ItemId>) -> Vec<ItemId> {
    let Some(parent) = parent else {
        return plan.issues.iter().map(|i| i.id).collect();
    };
    for issue in &plan.issues {
        if issue.id == parent {
            return issue.strategies.iter().map(|s| s.id).collect();
        }
        for s in &issue.strategies {
            if s.id == parent {
                return s.initiatives.iter().map(|k| k.id).collect();
            }
        }
    }
    Vec::new()
}

/// The issue or strategy holding `id`.
fn parent_of(plan: &Plan, id: ItemId) -> Option<ItemId> {
    for issue in &plan.issues {
        for s in &issue.strategies {
            if s.id == id {
                return Some(issue.id);
            }
            if s.initiatives.iter().any(|k| k.id == id) {
                return Some(s.id);
            }
        }
    }
    None
}

fn indicator_edit(plan: &Plan, strategy: ItemId, a: usize) -> Option<Edit> {
    let s = plan
        .issues
        .iter()
        .flat_map(|i| &i.strategies)
        .find(|s| s.id == strategy)?;
    if s.indicators.is_empty() || a % 8 == 7 {
        return Some(Edit::AddIndicator(
            strategy,
            Indicator {
                name: format!("新しい指標{a}の件数"),
                target: "100".into(),
                unit: "件以上".into(),
                ..Indicator::default()
            },
        ));
    }
    let name = s.indicators[a % s.indicators.len()].name.clone();
    let change = match (a / 3) % 7 {
        0 => IndicatorChange::Name(format!("{name}（改）")),
        1 => IndicatorChange::Target(format!("{}", 50 + a % 40)),
        2 => IndicatorChange::Unit("ポイント以上".into()),
        3 => IndicatorChange::Period("令和7年度末まで".into()),
        4 => IndicatorChange::Result(2022 + (a % 3) as i32, format!("{}.0%", 60 + a % 30)),
        5 => IndicatorChange::Grade(2022, ["A", "B", "C"][a % 3].into()),
        _ => IndicatorChange::Delete,
    };
    Some(Edit::Indicator {
        strategy,
        name,
        change,
    })
}

enum ListEdit {
    Add(usize, String),
    Delete(String),
    Edit(String, String),
}

/// An edit of a list of distinct texts; none for an empty list.
fn list_edit(list: &[String], a: usize, new: impl Fn(usize) -> String) -> Option<ListEdit> {
    if list.is_empty() {
        return None;
    }
    let text = list[a % list.len()].clone();
    Some(match (a / 5) % 3 {
        0 => ListEdit::Add(a % (list.len() + 1), new(a)),
        1 => ListEdit::Delete(text),
        _ => ListEdit::Edit(text.clone(), format!("{text}（{a}）")),
    })
}

/// Applies one edit by walking the plan.
pub fn apply(plan: &mut Plan, edit: &Edit) {
    match edit {
        Edit::Title(id, title) => {
            for_item(
                plan,
                *id,
                |i| i.title = title.clone(),
                |s| s.title = title.clone(),
                |k| {
                    k.title = title.clone();
                },
            );
        }
        Edit::Text(id, text) => {
            for_item(
                plan,
                *id,
                |_| {},
                |s| s.text = text.clone(),
                |k| k.text = text.clone(),
            );
        }
        Edit::Budget(id, budget) => for_item(plan, *id, |_| {}, |_| {}, |k| k.budget = *budget),
        Edit::Main(id, main) => for_item(plan, *id, |_| {}, |s| s.main = *main, |k| k.main = *main),
        Edit::Number(id, n) => {
            for_item(
                plan,
                *id,
                |i| i.number = *n,
                |s| s.number = *n,
                |k| k.number = *n,
            );
        }
        Edit::Delete(id) => {
            take(plan, *id);
        }
        Edit::Move { id, parent, after } => {
            if let Some(item) = take(plan, *id) {
                put(plan, item, *parent, *after);
            }
        }
        Edit::Add {
            item,
            parent,
            after,
        } => put(plan, item.clone(), *parent, *after),
        Edit::Indicator {
            strategy,
            name,
            change,
        } => {
            for_item(
                plan,
                *strategy,
                |_| {},
                |s| {
                    let Some(n) = s.indicators.iter().position(|i| i.name == *name) else {
                        return;
                    };
                    let i = &mut s.indicators[n];
                    match change {
                        IndicatorChange::Name(v) => i.name = v.clone(),
                        IndicatorChange::Target(v) => i.target = v.clone(),
                        IndicatorChange::Unit(v) => i.unit = v.clone(),
                        IndicatorChange::Period(v) => i.period = v.clone(),
                        IndicatorChange::Result(year, v) => {
                            match i.results.iter_mut().find(|r| r.fiscal_year == *year) {
                                Some(r) => r.value = v.clone(),
                                None => {
                                    i.results.push(YearResult {
                                        fiscal_year: *year,
                                        value: v.clone(),
                                        grade: String::new(),
                                    });
                                    i.results.sort_by_key(|r| r.fiscal_year);
                                }
                            }
                        }
                        IndicatorChange::Grade(year, g) => {
                            if let Some(r) = i.results.iter_mut().find(|r| r.fiscal_year == *year) {
                                r.grade = g.clone();
                            }
                        }
                        IndicatorChange::Delete => {
                            s.indicators.remove(n);
                        }
                    }
                },
                |_| {},
            );
        }
        Edit::AddIndicator(strategy, indicator) => {
            for_item(
                plan,
                *strategy,
                |_| {},
                |s| s.indicators.push(indicator.clone()),
                |_| {},
            );
        }
        Edit::AddBullet(n, text) => {
            let n = (*n).min(plan.policy.len());
            plan.policy.insert(n, text.clone());
        }
        Edit::DeleteBullet(text) => plan.policy.retain(|b| b != text),
        Edit::RewordBullet(old, new) => {
            for b in plan.policy.iter_mut().filter(|b| *b == old) {
                *b = new.clone();
            }
        }
        Edit::AddRevision(n, revision) => {
            let n = (*n).min(plan.revisions.len());
            plan.revisions.insert(n, revision.clone());
        }
        Edit::DeleteRevision(note) => plan.revisions.retain(|r| r.note != *note),
        Edit::RewordRevision(old, new) => {
            for r in plan.revisions.iter_mut().filter(|r| r.note == *old) {
                r.note = new.clone();
            }
        }
        Edit::Goal(text) => plan.goal = text.clone(),
        Edit::Mission(text) => plan.mission = text.clone(),
    }
}

/// Runs the function for the kind of item `id` is.
fn for_item(
    plan: &mut Plan,
    id: ItemId,
    mut on_issue: impl FnMut(&mut Issue),
    mut on_strategy: impl FnMut(&mut Strategy),
    mut on_initiative: impl FnMut(&mut Initiative),
) {
    for issue in &mut plan.issues {
        if issue.id == id {
            on_issue(issue);
        }
        for s in &mut issue.strategies {
            if s.id == id {
                on_strategy(s);
            }
            for k in &mut s.initiatives {
                if k.id == id {
                    on_initiative(k);
                }
            }
        }
    }
}

/// Takes the item `id` out of the plan.
fn take(plan: &mut Plan, id: ItemId) -> Option<New> {
    if let Some(n) = plan.issues.iter().position(|i| i.id == id) {
        return Some(New::Issue(plan.issues.remove(n)));
    }
    for issue in &mut plan.issues {
        if let Some(n) = issue.strategies.iter().position(|s| s.id == id) {
            return Some(New::Strategy(issue.strategies.remove(n)));
        }
        for s in &mut issue.strategies {
            if let Some(n) = s.initiatives.iter().position(|k| k.id == id) {
                return Some(New::Initiative(s.initiatives.remove(n)));
            }
        }
    }
    None
}

/// Puts an item under `parent` after `after` (first when none or not there).
fn put(plan: &mut Plan, item: New, parent: Option<ItemId>, after: Option<ItemId>) {
    fn at<T>(list: &[T], id: impl Fn(&T) -> ItemId, after: Option<ItemId>) -> usize {
        after
            .and_then(|a| list.iter().position(|x| id(x) == a))
            .map_or(0, |n| n + 1)
    }
    debug_assert!(!item.id().is_unset());
    match (item, parent) {
        (New::Issue(i), None) => {
            let n = at(&plan.issues, |x| x.id, after);
            plan.issues.insert(n, i);
        }
        (New::Strategy(s), Some(p)) => {
            for_item(
                plan,
                p,
                |issue| {
                    let n = at(&issue.strategies, |x| x.id, after);
                    issue.strategies.insert(n, s.clone());
                },
                |_| {},
                |_| {},
            );
        }
        (New::Initiative(k), Some(p)) => {
            for_item(
                plan,
                p,
                |_| {},
                |strategy| {
                    let n = at(&strategy.initiatives, |x| x.id, after);
                    strategy.initiatives.insert(n, k.clone());
                },
                |_| {},
            );
        }
        _ => {}
    }
}

pub fn replay(plan: &Plan, edits: &[Edit]) -> Plan {
    let mut copy = plan.clone();
    for edit in edits {
        apply(&mut copy, edit);
    }
    copy
}
