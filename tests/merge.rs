//! Identity and order in a merge (issue 28): a replaced item is a new item, order
//! that every version agrees on stays, an indicator merges field by field, the
//! same change made on both sides is one change, and the result does not depend
//! on which copy is named first.

use ward_plan::compare::{self, Change, Merge, Side};
use ward_plan::model::{Indicator, Initiative, ItemId, YearResult};
use ward_plan::{Plan, io};

fn sample() -> Plan {
    ward_plan::sample()
}

/// The sample's first strategy holding `titles` as its initiatives (each with
/// its own identity, as a saved file has them).
fn with_initiatives(titles: &[&str]) -> Plan {
    let mut plan = sample();
    plan.issues[0].strategies[0].initiatives = titles
        .iter()
        .map(|t| Initiative {
            id: ItemId::fresh(),
            title: (*t).to_owned(),
            budget: Some(1_000),
            ..Initiative::default()
        })
        .collect();
    plan
}

fn titles(plan: &Plan) -> Vec<String> {
    plan.issues[0].strategies[0]
        .initiatives
        .iter()
        .map(|k| k.title.clone())
        .collect()
}

/// `base` with its first strategy's initiatives in the order of `titles` (by
/// title; a title the base does not have is a new initiative).
fn reordered(base: &Plan, order: &[&str]) -> Plan {
    let mut plan = base.clone();
    let old = base.issues[0].strategies[0].initiatives.clone();
    plan.issues[0].strategies[0].initiatives = order
        .iter()
        .map(|t| {
            old.iter()
                .find(|k| k.title == *t)
                .cloned()
                .unwrap_or_else(|| Initiative {
                    id: ItemId::fresh(),
                    title: (*t).to_owned(),
                    ..Initiative::default()
                })
        })
        .collect();
    plan
}

/// Both argument orders of a merge with no conflict give the same plan.
fn merged_both_ways(base: &Plan, mine: &Plan, theirs: &Plan) -> Plan {
    let one = Merge::new(base, mine, theirs);
    let other = Merge::new(base, theirs, mine);
    assert!(one.conflicts.is_empty(), "{:#?}", one.conflicts);
    assert!(other.conflicts.is_empty(), "{:#?}", other.conflicts);
    let result = one.result(|_| Side::Mine);
    let swapped = other.result(|_| Side::Mine);
    assert!(
        result == swapped,
        "argument order matters: {:?} against {:?}",
        titles(&result),
        titles(&swapped)
    );
    result
}

#[test]
fn a_replaced_initiative_is_a_deletion_and_an_addition() {
    let base = sample();
    let mut replaced = base.clone();
    replaced.issues[0].strategies[0].initiatives[0] = Initiative {
        id: ItemId::fresh(),
        title: "見守り活動の推進".to_owned(),
        budget: Some(500),
        text: "新しく書いた取組。".to_owned(),
        ..Initiative::default()
    };
    let changes = compare::diff(&base, &replaced);
    let kinds: Vec<&str> = changes.iter().map(compare::report::kind).collect();
    assert_eq!(kinds, ["削除", "新設"], "{changes:#?}");

    // The other section changed the old item's budget: that edit has no item
    // to land on, so it is a conflict, not a budget on the new item.
    let mut budget = base.clone();
    budget.issues[0].strategies[0].initiatives[0].budget = Some(99_999);
    let merge = Merge::new(&base, &replaced, &budget);
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    let kept_new = merge.result(|_| Side::Mine);
    let new = &kept_new.issues[0].strategies[0].initiatives;
    assert_eq!(new.len(), 1);
    assert_eq!(
        new[0].budget,
        Some(500),
        "the new item keeps its own budget"
    );
}

/// A file from before identities (or a block typed without one) still matches
/// by title and number: the identities given at load are not the file's.
#[test]
fn items_given_an_identity_at_load_still_match_by_title() {
    let strip = |plan: &Plan| {
        let text = io::to_ron(plan).expect("writes");
        let without: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("id: "))
            .map(|l| format!("{l}\n"))
            .collect();
        io::parse(without.as_bytes()).expect("loads")
    };
    let base = strip(&sample());
    let mut edited = sample();
    edited.issues[0].strategies[0].initiatives[0].budget = Some(99_999);
    let edited = strip(&edited);
    let changes = compare::diff(&base, &edited);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert!(matches!(changes[0], Change::Field { .. }));
}

#[test]
fn order_that_every_version_agrees_on_stays() {
    let base = with_initiatives(&["a", "b", "c"]);
    let mine = reordered(&base, &["a", "c", "b"]);
    let theirs = reordered(&base, &["b", "a", "c"]);
    let merge = Merge::new(&base, &mine, &theirs);
    // No order keeps both reorders: a conflict, settled by one copy's order.
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    let names = compare::report::Names::new(&base, &mine);
    let text = compare::report::describe_conflict(&merge.conflicts[0], &names);
    assert!(text.contains("地域共生社会の実現の中の並び順"), "{text}");
    assert_eq!(titles(&merge.result(|_| Side::Mine)), ["a", "c", "b"]);
    assert_eq!(titles(&merge.result(|_| Side::Theirs)), ["b", "a", "c"]);
    for side in [Side::Mine, Side::Theirs] {
        let order = titles(&merge.result(|_| side));
        let a = order.iter().position(|t| t == "a");
        let c = order.iter().position(|t| t == "c");
        assert!(a < c, "{side:?}: {order:?}");
    }
}

#[test]
fn an_item_added_at_the_end_stays_at_the_end_when_the_other_side_reorders() {
    let base = with_initiatives(&["a", "b", "c"]);
    let mine = reordered(&base, &["c", "a", "b"]);
    let theirs = reordered(&base, &["a", "b", "c", "x"]);
    let result = merged_both_ways(&base, &mine, &theirs);
    assert_eq!(titles(&result), ["c", "a", "b", "x"]);
}

/// One copy swaps two items, the other puts one in between them: no order
/// keeps both, so the list's order is a conflict, and each way of settling it
/// gives the same plan whichever copy is named first.
#[test]
fn a_swap_and_an_insertion_between_are_an_order_conflict() {
    let base = with_initiatives(&["a", "b", "c"]);
    let mine = reordered(&base, &["b", "a", "c"]);
    let theirs = reordered(&base, &["a", "x", "b", "c"]);
    let one = Merge::new(&base, &mine, &theirs);
    let other = Merge::new(&base, &theirs, &mine);
    assert_eq!(one.conflicts.len(), 1, "{:#?}", one.conflicts);
    assert_eq!(other.conflicts.len(), 1);
    let names = compare::report::Names::new(&base, &mine);
    let text = compare::report::describe_conflict(&one.conflicts[0], &names);
    assert!(text.contains("並び順"), "{text}");
    assert_eq!(titles(&one.result(|_| Side::Mine)), ["b", "a", "x", "c"]);
    assert_eq!(
        titles(&other.result(|_| Side::Theirs)),
        ["b", "a", "x", "c"]
    );
    assert_eq!(titles(&one.result(|_| Side::Theirs)), ["a", "x", "b", "c"]);
    assert_eq!(titles(&other.result(|_| Side::Mine)), ["a", "x", "b", "c"]);
}

#[test]
fn two_moves_of_different_items_both_arrive() {
    let base = with_initiatives(&["a", "b", "c", "d"]);
    let mine = reordered(&base, &["d", "a", "b", "c"]);
    let theirs = reordered(&base, &["b", "c", "d", "a"]);
    let result = merged_both_ways(&base, &mine, &theirs);
    assert_eq!(titles(&result), ["d", "b", "c", "a"]);
}

fn indicator_plan() -> Plan {
    io::parse(include_bytes!("fixtures/indicators.ron")).expect("fixture loads")
}

fn first_indicator(plan: &mut Plan) -> &mut Indicator {
    plan.issues[0].strategies[0]
        .indicators
        .first_mut()
        .expect("an indicator")
}

#[test]
fn an_indicator_merges_field_by_field() {
    let base = indicator_plan();
    let mut mine = base.clone();
    first_indicator(&mut mine).name = "相談できる場所を知っている区民の割合".into();
    let mut theirs = base.clone();
    first_indicator(&mut theirs).target = "70".into();
    first_indicator(&mut theirs).results.push(YearResult {
        fiscal_year: 2024,
        value: "66.0%".into(),
        grade: "A".into(),
    });
    let mut result = merged_both_ways(&base, &mine, &theirs);
    let merged = first_indicator(&mut result);
    assert_eq!(merged.name, "相談できる場所を知っている区民の割合");
    assert_eq!(merged.target, "70");
    assert_eq!(merged.results.len(), 3);

    // The same field changed two ways is still a conflict.
    let mut other = base.clone();
    first_indicator(&mut other).name = "別の名前".into();
    assert_eq!(Merge::new(&base, &mine, &other).conflicts.len(), 1);
}

#[test]
fn the_same_item_added_on_both_sides_is_one_addition() {
    let base = sample();
    let shared = Initiative {
        id: ItemId::fresh(),
        title: "両方が受け取った取組".into(),
        budget: Some(700),
        ..Initiative::default()
    };
    let mut mine = base.clone();
    let list = &mut mine.issues[0].strategies[0].initiatives;
    list.push(Initiative {
        id: ItemId::fresh(),
        title: "こちらだけの取組".into(),
        ..Initiative::default()
    });
    list.push(shared.clone());
    let mut theirs = base.clone();
    theirs.issues[0].strategies[0].initiatives.push(shared);
    let result = merged_both_ways(&base, &mine, &theirs);
    assert_eq!(
        titles(&result)[1..],
        ["こちらだけの取組", "両方が受け取った取組"]
    );
}

#[test]
fn a_bullet_both_deleted_beside_an_edited_one_merges_cleanly() {
    let base = sample();
    assert!(base.policy.len() >= 3);
    let mut mine = base.clone();
    mine.policy.remove(0);
    mine.policy[0].push_str("（改）");
    let mut theirs = base.clone();
    theirs.policy.remove(0);
    let result = merged_both_ways(&base, &mine, &theirs);
    assert_eq!(result.policy, mine.policy);
}

/// A conflict over a long text shows both versions with the differing part
/// marked and the rest folded around it, as the change list marks changes.
#[test]
fn a_conflict_over_a_long_text_marks_and_folds_the_difference() {
    let base = sample();
    let mut mine = base.clone();
    let mut theirs = base.clone();
    let long = "区民の皆さんと地域の団体、企業、区役所が力を合わせ、".repeat(4);
    mine.mission = format!("{long}だれもが安心して暮らせるまちをつくる。");
    theirs.mission = format!("{long}だれもが住みつづけたいまちをつくる。");
    let merge = Merge::new(&base, &mine, &theirs);
    assert_eq!(merge.conflicts.len(), 1);
    let names = compare::report::Names::new(&base, &mine);
    let text = compare::report::describe_conflict(&merge.conflicts[0], &names);
    let mine_line = text.lines().find(|l| l.contains("こちら:")).expect("mine");
    let theirs_line = text.lines().find(|l| l.contains("相手:")).expect("theirs");
    assert!(mine_line.contains("«安心して暮らせる»"), "{text}");
    assert!(theirs_line.contains("«住みつづけたい»"), "{text}");
    assert!(mine_line.contains('…'), "the long start is folded: {text}");
    assert!(mine_line.chars().count() < 80, "{text}");
}

/// Two copies each put an initiative at the end of the same strategy: which
/// comes first is the list's order, a conflict that names both new items;
/// either way both arrive.
#[test]
fn two_items_put_at_the_same_place_are_an_order_conflict_naming_both() {
    let base = with_initiatives(&["a", "b"]);
    let mine = reordered(&base, &["a", "b", "こちらの新しい取組"]);
    let theirs = reordered(&base, &["a", "b", "相手の新しい取組"]);
    let merge = Merge::new(&base, &mine, &theirs);
    assert_eq!(merge.conflicts.len(), 1, "{:#?}", merge.conflicts);
    let names = compare::report::Names::new(&base, &mine);
    let text = compare::report::describe_conflict(&merge.conflicts[0], &names);
    assert!(text.contains("こちらの新しい取組"), "{text}");
    assert!(text.contains("相手の新しい取組"), "{text}");
    assert_eq!(
        titles(&merge.result(|_| Side::Mine)),
        ["a", "b", "こちらの新しい取組", "相手の新しい取組"]
    );
    assert_eq!(
        titles(&merge.result(|_| Side::Theirs)),
        ["a", "b", "相手の新しい取組", "こちらの新しい取組"]
    );
}
