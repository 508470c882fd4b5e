//! The round trip with the sections on the command line, as a clerk runs it:
//! `send` writes the copy and keeps the version sent; `take` finds that version
//! by the copy's mark, takes the change, and changes nothing the second time; a
//! copy without a known mark is refused unless `--base` names its base. And the
//! identity rule seen from outside: a replaced initiative is a deletion and an
//! addition, and merging it against an edit of the old one is a conflict.

use std::path::Path;
use std::process::{Command, Output};

use ward_plan::io;
use ward_plan::model::{Initiative, ItemId};

const BIN: &str = env!("CARGO_BIN_EXE_ward-plan");

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(BIN)
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A plan saved in `dir`, as the planning group keeps it.
fn plan_in(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("鶴見区運営方針.ron");
    io::save(&path, &ward_plan::sample()).expect("saves");
    path
}

#[test]
fn a_sent_copy_comes_back_and_is_taken_without_naming_its_base() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = plan_in(dir.path());
    let copy = dir.path().join("子育て支援課へ.ron");
    let out = run(&[&"send", &plan, &"-o", &copy]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("送った版を残しました"),
        "{}",
        text(&out)
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("送った版"))
        .expect("the folder beside the plan")
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1);

    // The section changes a budget and sends the copy back; meanwhile the
    // planning group rewords the goal.
    let mut returned = io::load(&copy).expect("loads");
    assert!(returned.sent.is_some(), "the copy carries its mark");
    returned.issues[1].strategies[0].initiatives[0].budget = Some(15_000);
    io::save(&copy, &returned).expect("saves");
    let mut mine = io::load(&plan).expect("loads");
    mine.goal.push_str("（改）");
    io::save(&plan, &mine).expect("saves");

    // Taken into another file first (-o), the copy still counts as not taken
    // into the plan itself.
    let elsewhere = dir.path().join("試し.ron");
    let out = run(&[&"take", &plan, &copy, &"-o", &elsewhere]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(elsewhere.exists());
    let out = run(&[&"take", &plan, &copy]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("変更 1件"), "{}", text(&out));
    let taken = io::load(&plan).expect("loads");
    assert_eq!(
        taken.issues[1].strategies[0].initiatives[0].budget,
        Some(15_000)
    );
    assert!(taken.goal.ends_with("（改）"), "the group's own edit stays");
    assert_eq!(taken.sent, None, "the plan itself carries no mark");

    // Taking the same copy again changes nothing, not even the file.
    let before = std::fs::read(&plan).expect("reads");
    let out = run(&[&"take", &plan, &copy]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("すでに取り込んであります"),
        "{}",
        text(&out)
    );
    assert_eq!(std::fs::read(&plan).expect("reads"), before);
}

#[test]
fn a_copy_without_a_known_mark_needs_its_base() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = plan_in(dir.path());
    let base = dir.path().join("送ったとき.ron");
    std::fs::copy(&plan, &base).expect("copies");
    let copy = dir.path().join("戻ってきた.ron");
    let mut returned = ward_plan::sample();
    returned.issues[0].strategies[0].initiatives[0].budget = Some(1);
    io::save(&copy, &returned).expect("saves");
    let before = std::fs::read(&plan).expect("reads");

    let out = run(&[&"take", &plan, &copy]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("送った印がありません"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains("--base"), "{}", text(&out));
    assert_eq!(
        std::fs::read(&plan).expect("reads"),
        before,
        "nothing written"
    );

    let out = run(&[&"take", &plan, &copy, &"--base", &base]);
    assert!(out.status.success(), "{}", text(&out));
    let taken = io::load(&plan).expect("loads");
    assert_eq!(taken.issues[0].strategies[0].initiatives[0].budget, Some(1));
}

#[test]
fn a_replaced_initiative_is_deleted_and_added_and_conflicts_with_an_edit_of_the_old_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = plan_in(dir.path());
    let replaced = dir.path().join("置き換えた.ron");
    let mut plan = ward_plan::sample();
    plan.issues[0].strategies[0].initiatives[0] = Initiative {
        id: ItemId::fresh(),
        title: "見守り活動の推進".into(),
        budget: Some(500),
        ..Initiative::default()
    };
    io::save(&replaced, &plan).expect("saves");
    let out = run(&[&"diff", &base, &replaced]);
    let said = text(&out);
    assert!(said.contains("削除: 具体的取組【1-1-1】"), "{said}");
    assert!(
        said.contains("追加: 具体的取組【1-1-1】 見守り活動の推進"),
        "{said}"
    );
    assert!(!said.contains("変更:"), "{said}");

    let edited = dir.path().join("予算を直した.ron");
    let mut plan = ward_plan::sample();
    plan.issues[0].strategies[0].initiatives[0].budget = Some(99_999);
    io::save(&edited, &plan).expect("saves");
    let merged = dir.path().join("結果.ron");
    let out = run(&[&"merge", &base, &replaced, &edited, &"-o", &merged]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("競合"), "{}", text(&out));
    assert!(!merged.exists(), "nothing written");
}
