//! Comparing and merging versions: the changes a person would name, the
//! command line's exit codes, and the laws diff and merge must keep on any plans.

use std::path::Path;
use std::process::Command;

use ward_plan::compare::{self, Change, Merge, Side, slots};
use ward_plan::model::walk::Value;
use ward_plan::{Plan, io};

mod common;
mod versions;

use versions::{revised, sample};

const BIN: &str = env!("CARGO_BIN_EXE_ward-plan");

fn run(args: &[&Path]) -> std::process::Output {
    Command::new(BIN).args(args).output().expect("runs")
}

#[test]
fn diff_names_exactly_the_five_changes() {
    let changes = compare::diff(&sample(), &revised());
    let kinds: Vec<&str> = changes.iter().map(compare::report::kind).collect();
    assert_eq!(changes.len(), 5, "{changes:#?}");
    assert_eq!(
        kinds.iter().filter(|k| **k == "変更").count(),
        2,
        "{kinds:?}"
    );
    for kind in ["新設", "削除", "移動"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }

    let dir = tempfile::tempdir().expect("tempdir");
    let (old, new) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    io::save(&old, &sample()).expect("old");
    io::save(&new, &revised()).expect("new");
    let out = run(&[Path::new("diff"), &old, &new]);
    assert_eq!(out.status.code(), Some(1), "different: exit 1");
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "5件の違いがあります。",
        "変更: 経営課題1の課題認識",
        "認知症«への理解を深め»る",
        "認知症«の人とその家族を地域で支え»る",
        "追加: 具体的取組【1-1-2】 見守り活動の推進（予算額 1,200千円）",
        "削除: 具体的取組【3-1-1】 生涯学習の推進",
        "変更: 具体的取組【2-1-2】の予算額: 13,989千円 → 15,000千円（+1,011千円）",
    ] {
        assert!(text.contains(expected), "{expected}\n---\n{text}");
    }
    // The swap is one move: either issue may be the one that moved.
    assert!(
        text.contains("移動: 経営課題5 安全なまちづくり（旧 経営課題4）")
            || text.contains(
                "移動: 経営課題4 地域活動協議会による自律的な地域運営の促進（旧 経営課題5）"
            ),
        "{text}"
    );
    let same = run(&[Path::new("diff"), &old, &old]);
    assert_eq!(same.status.code(), Some(0), "equal: exit 0");
}

#[test]
fn merge_combines_different_fields_and_refuses_conflicts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = |name: &str| dir.path().join(name);
    io::save(&path("base.ron"), &sample()).expect("base");
    let mut mine = sample();
    mine.goal = "みんなでつくる、住みつづけたいまち".to_owned();
    let mut theirs = sample();
    theirs.issues[1].strategies[0].initiatives[0].budget = Some(15_000);
    io::save(&path("mine.ron"), &mine).expect("mine");
    io::save(&path("theirs.ron"), &theirs).expect("theirs");
    let out = run(&[
        Path::new("merge"),
        &path("base.ron"),
        &path("mine.ron"),
        &path("theirs.ron"),
        Path::new("-o"),
        &path("out.ron"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = io::load(&path("out.ron")).expect("merged");
    assert_eq!(merged.goal, mine.goal);
    assert_eq!(
        merged.issues[1].strategies[0].initiatives[0].budget,
        Some(15_000)
    );

    // The same sentence changed differently on both sides.
    theirs.goal = "だれもが住みつづけたいまち".to_owned();
    io::save(&path("theirs.ron"), &theirs).expect("theirs");
    let out = run(&[
        Path::new("merge"),
        &path("base.ron"),
        &path("mine.ron"),
        &path("theirs.ron"),
        Path::new("-o"),
        &path("conflict.ron"),
    ]);
    assert!(!out.status.success());
    assert!(!path("conflict.ron").exists(), "nothing written");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("競合: 区の目標が両方で違うように変更されています"),
        "{err}"
    );
    assert!(
        err.contains("こちら: «みんなでつくる、»") && err.contains("相手: «だれもが»"),
        "{err}"
    );
}

#[test]
fn deleting_what_the_other_side_edited_is_a_conflict() {
    let base = sample();
    let mut mine = sample();
    mine.issues[2].strategies[0].initiatives.clear();
    let mut theirs = sample();
    theirs.issues[2].strategies[0].initiatives[0].budget = Some(3_000);
    let merge = Merge::new(&base, &mine, &theirs);
    assert_eq!(merge.conflicts.len(), 1);
    let names = compare::report::Names::new(&base, &mine);
    let text = compare::report::describe_conflict(&merge.conflicts[0], &names);
    assert!(
        text.contains("具体的取組【3-1-1】 生涯学習の推進が一方で削除"),
        "{text}"
    );
    let kept = merge.result(|_| Side::Theirs);
    assert_eq!(
        kept.issues[2].strategies[0].initiatives[0].budget,
        Some(3_000)
    );
    let deleted = merge.result(|_| Side::Mine);
    assert!(deleted.issues[2].strategies[0].initiatives.is_empty());
}

/// Files from before identities: each load gives their items identities of its
/// own, which stand in for the missing ones and match by title and number.
#[test]
fn files_without_identities_still_match_by_title_and_number() {
    let without_ids = |plan: &Plan| {
        let text: String = io::to_ron(plan)
            .expect("writes")
            .lines()
            .filter(|l| !l.trim_start().starts_with("id: "))
            .map(|l| format!("{l}\n"))
            .collect();
        io::parse(text.as_bytes()).expect("loads")
    };
    let (old, new) = (without_ids(&sample()), without_ids(&revised()));
    let kinds: Vec<&str> = compare::diff(&old, &new)
        .iter()
        .map(compare::report::kind)
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    assert!(kinds.contains(&"移動"), "{kinds:?}");
}

#[test]
fn taking_one_change_is_exact() {
    let old = sample();
    let new = revised();
    let changes = compare::diff(&old, &new);
    for change in &changes {
        let mut plan = old.clone();
        assert!(compare::apply(&mut plan, change), "{change:?}");
        let left = compare::diff(&plan, &new);
        assert_eq!(left.len(), changes.len() - 1, "{change:?} left {left:#?}");
        if let Change::Added { .. } = change {
            assert!(
                !compare::apply(&mut plan, change),
                "taken twice: added once"
            );
        }
    }
}

/// Sets the text slot `n` (counting text fields only) of a plan.
fn set_text(plan: &mut Plan, n: usize, text: &str) -> bool {
    let Some((item, key)) = slots::slots(plan)
        .into_iter()
        .filter(|s| s.value.text().is_some())
        .map(|s| (s.item, s.key))
        .nth(n)
    else {
        return false;
    };
    let text = Value::Text(text.to_owned().into());
    slots::set(plan, item, key, Some(text))
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn a_plan_has_no_changes_from_itself(a in common::plan()) {
        proptest::prop_assert!(compare::diff(&a, &a).is_empty());
    }

    #[test]
    fn taking_every_change_leaves_none(a in common::plan(), b in common::plan()) {
        let mut taken = a.clone();
        compare::apply_all(&mut taken, &compare::diff(&a, &b));
        let left = compare::diff(&taken, &b);
        proptest::prop_assert!(left.is_empty(), "{:#?}", left);
    }

    #[test]
    fn merging_one_sided_changes_gives_that_side(base in common::plan(), a in common::plan()) {
        let only_mine = Merge::new(&base, &a, &base);
        proptest::prop_assert!(only_mine.conflicts.is_empty());
        proptest::prop_assert_eq!(only_mine.result(|_| Side::Mine), compare::align(&base, &a));
        let only_theirs = Merge::new(&base, &base, &a);
        proptest::prop_assert!(only_theirs.conflicts.is_empty());
        proptest::prop_assert_eq!(only_theirs.result(|_| Side::Mine), compare::align(&base, &a));
    }

    #[test]
    fn edits_to_different_fields_both_arrive(base in common::plan(), i in 0usize..40, j in 0usize..40) {
        let text_slots = slots::slots(&base).iter().filter(|s| s.value.text().is_some()).count();
        proptest::prop_assume!(text_slots >= 2);
        let (i, j) = (i % text_slots, j % text_slots);
        proptest::prop_assume!(i != j);
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        proptest::prop_assert!(set_text(&mut mine, i, "こちらの変更"));
        proptest::prop_assert!(set_text(&mut theirs, j, "相手の変更"));
        let merge = Merge::new(&base, &mine, &theirs);
        proptest::prop_assert!(merge.conflicts.is_empty());
        let merged = merge.result(|_| Side::Mine);
        let texts: Vec<String> = slots::slots(&merged)
            .into_iter()
            .filter_map(|s| s.value.text().map(str::to_owned))
            .collect();
        proptest::prop_assert_eq!(texts[i].as_str(), "こちらの変更");
        proptest::prop_assert_eq!(texts[j].as_str(), "相手の変更");
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_comparison_table_is_an_a4_landscape_pdf_with_both_versions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (old, new, pdf) = (
        dir.path().join("old.ron"),
        dir.path().join("new.ron"),
        dir.path().join("新旧対照表.pdf"),
    );
    io::save(&old, &sample()).expect("old");
    io::save(&new, &revised()).expect("new");
    let out = run(&[Path::new("compare"), &old, &new, Path::new("-o"), &pdf]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = lopdf::Document::load(&pdf).expect("reads back");
    for (_, id) in doc.get_pages() {
        let media = doc
            .get_dictionary(id)
            .and_then(|d| d.get(b"MediaBox"))
            .and_then(lopdf::Object::as_array)
            .expect("MediaBox");
        let n: Vec<f32> = media
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect();
        assert!(
            (n[2] - n[0] - 841.89).abs() < 0.5 && (n[3] - n[1] - 595.28).abs() < 0.5,
            "{n:?}"
        );
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = squeeze(&doc.extract_text(&pages).expect("text"));
    for expected in [
        "令和4年度鶴見区運営方針新旧対照表",
        "新",
        "旧",
        "備考",
        "認知症への理解を深める取組みを進める",
        "認知症の人とその家族を地域で支える取組みを進める",
        "(新設)",
        "(削除)",
        "(変更)",
        "(移動)",
        "(略)",
        "見守り活動の推進",
        "-1-",
    ] {
        assert!(
            text.contains(&squeeze(expected)),
            "{expected} not in {text}"
        );
    }
    // Left out without (略) when asked.
    let omit = dir.path().join("omit.pdf");
    let out = run(&[
        Path::new("compare"),
        &old,
        &new,
        Path::new("-o"),
        &omit,
        Path::new("--omit-unchanged"),
    ]);
    assert!(out.status.success());
    let doc = lopdf::Document::load(&omit).expect("reads back");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert!(!doc.extract_text(&pages).expect("text").contains("(略)"));
}

#[test]
fn changed_characters_are_underlined_on_both_sides() {
    use ward_plan::compare::sheet::{Unchanged, sheet};
    let table = sheet(&sample(), &revised(), Unchanged::Omit);
    let row = table
        .rows
        .iter()
        .find(|r| r[0].iter().any(|p| p.text.contains("認知症の人")))
        .expect("the changed sentence's row");
    let underlined = |paras: &[ward_plan::typeset::sheet::Para]| -> Vec<String> {
        paras
            .iter()
            .flat_map(|p| {
                p.marks
                    .iter()
                    .map(|r| {
                        p.text
                            .chars()
                            .skip(r.start)
                            .take(r.len())
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(underlined(&row[0]), ["の人とその家族を地域で支え"]);
    assert_eq!(underlined(&row[1]), ["への理解を深め"]);
    assert_eq!(row[2][0].text, "(変更)");
}

/// Found by the `diff_merge` fuzz target: both copies added the same three policy
/// bullets but one changed the third of them. The bullets both added arrive once,
/// both versions of the third are kept (nothing typed is lost), and the last
/// bullet stays last (an appended entry used to land at the wrong index).
#[test]
fn list_entries_added_on_both_sides_keep_their_places() {
    let text = include_str!("fixtures/fuzz-merge-list-entries.txt");
    let plans: Vec<ward_plan::Plan> = text
        .split("\n%%\n")
        .map(|p| io::parse(p.as_bytes()).expect("loads"))
        .collect();
    let [base, mine, theirs] = plans.as_slice() else {
        panic!("three plans");
    };
    let merge = Merge::new(base, mine, theirs);
    assert!(merge.conflicts.is_empty(), "{:#?}", merge.conflicts);
    let result = merge.result(|_| Side::Mine);
    let mut expected = mine.policy.clone();
    expected.insert(4, theirs.policy[3].clone());
    assert_ne!(mine.policy[3], theirs.policy[3]);
    assert_eq!(result.policy, expected);
}

/// The three plans of a `diff_merge` fuzz input (the parts that load, as the
/// fuzz target reads them), merged: nothing changed on one side only is dropped,
/// whichever copy and whichever way the conflicts are settled.
fn assert_merge_drops_nothing(input: &[u8]) {
    let text = String::from_utf8_lossy(input).into_owned();
    let plans: Vec<ward_plan::Plan> = text
        .split("\n%%\n")
        .filter_map(|p| io::parse(p.as_bytes()).ok())
        .collect();
    let [base, mine, theirs] = plans.as_slice() else {
        panic!("three plans");
    };
    let merge = Merge::new(base, mine, theirs);
    for copy in [mine, theirs] {
        for side in [Side::Mine, Side::Theirs] {
            let dropped = merge.dropped(copy, side);
            assert!(dropped.is_empty(), "{side:?}: {dropped:#?}");
        }
    }
}

/// Found by the `diff_merge` fuzz target (second run): a field changed on one
/// side only must be in the merge whichever way the conflicts are settled.
#[test]
fn a_one_sided_title_change_survives_the_merge() {
    assert_merge_drops_nothing(include_bytes!("fixtures/fuzz-merge-title.txt"));
}

/// Found by the stricter `diff_merge` check: one copy added a policy bullet, and
/// both changed another one of the same list differently. List entries used to
/// be matched by their index, so settling the conflict for the other copy lost
/// the added bullet; they are now named by their place in the base.
#[test]
fn a_bullet_added_beside_a_conflict_in_the_same_list_survives() {
    assert_merge_drops_nothing(include_bytes!("fixtures/fuzz-merge-list-cross.txt"));
}

/// Found by `diff_merge` after the list fix: both copies deleted an issue, one
/// after moving a strategy out of it and renaming the strategy. The two
/// deletions conflict; settled for the copy that deleted the strategy with the
/// issue, the rename was lost without being part of any conflict. Edits inside
/// an item a conflicting deletion removes now belong to that conflict.
#[test]
fn edits_inside_an_item_both_deleted_are_part_of_the_conflict() {
    assert_merge_drops_nothing(include_bytes!("fixtures/fuzz-merge-deleted-both.txt"));
}

/// Two sections each add a policy bullet at the end and one of them rewords the
/// first: every bullet arrives, in order, with no conflict.
#[test]
fn bullets_added_by_two_sections_both_arrive() {
    let base = sample();
    let mut mine = base.clone();
    mine.policy.push("こちらの課が加えた考え方".into());
    mine.policy[0].push_str("（改）");
    let mut theirs = base.clone();
    theirs.policy.push("相手の課が加えた考え方".into());
    let merge = Merge::new(&base, &mine, &theirs);
    assert!(merge.conflicts.is_empty());
    let result = merge.result(|_| Side::Mine);
    let mut expected = mine.policy.clone();
    expected.push("相手の課が加えた考え方".into());
    assert_eq!(result.policy, expected);
}

/// The ward's 表記のきまり travel with the file: a section that keeps a word
/// shows as a change (named as the settings name it), two sections' words both
/// arrive in a merge, and the 新旧対照表, which shows the printed document, leaves
/// the settings out.
#[test]
fn the_wards_writing_choices_diff_and_merge_but_do_not_print() {
    let base = sample();
    let mut mine = base.clone();
    mine.writing.keep.push("子ども・子育て支援法".into());
    let mut theirs = base.clone();
    theirs.writing.keep.push("子供の未来応援基金".into());
    theirs.writing.preferred.push("こども".into());
    let changes = compare::diff(&base, &mine);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let Change::Field { item, key, new, .. } = &changes[0] else {
        panic!("{changes:#?}");
    };
    let names = compare::report::Names::new(&base, &mine);
    assert_eq!(
        names.field(*item, key),
        "表記のきまりの直さない言葉（先頭）"
    );
    assert_eq!(compare::report::show(new.as_ref()), "子ども・子育て支援法");
    let merge = Merge::new(&base, &mine, &theirs);
    assert!(merge.conflicts.is_empty());
    let result = merge.result(|_| Side::Mine);
    assert_eq!(
        result.writing.keep,
        ["子ども・子育て支援法", "子供の未来応援基金"]
    );
    assert_eq!(result.writing.preferred, ["こども"]);
    let sheet = compare::sheet::sheet(&base, &mine, compare::sheet::Unchanged::Omit);
    let text: String = format!("{:?}", sheet.rows);
    assert!(!text.contains("子ども・子育て支援法"), "{text}");
    assert!(text.contains("変更はありません"), "{text}");
}

/// A section that rewords a printed heading sends a change like any other: diff
/// names it, and the merge keeps it beside the other side's edits.
#[test]
fn a_heading_reworded_on_one_side_survives_the_merge() {
    let base = sample();
    let mut mine = base.clone();
    mine.policy[0].push_str("（改）");
    let mut theirs = base.clone();
    theirs.wording.goal = "【めざすまち】".into();
    let changes = compare::diff(&base, &theirs);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let Change::Field { item, key, .. } = &changes[0] else {
        panic!("{changes:#?}");
    };
    let names = compare::report::Names::new(&base, &theirs);
    assert_eq!(names.field(*item, key), "見出しの言葉の目標の見出し");
    let merge = Merge::new(&base, &mine, &theirs);
    assert!(merge.conflicts.is_empty());
    let result = merge.result(|_| Side::Mine);
    assert_eq!(result.wording.goal, "【めざすまち】");
    assert_eq!(result.policy, mine.policy);
}
