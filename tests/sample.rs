//! The bundled sample against the published page it reproduces.

use ward_plan::blocks::{self, Medium};
use ward_plan::numbering::{label, numbered};
use ward_plan::{check, io};

const SEED: &str = include_str!("fixtures/tsurumi-r4-published.txt");

/// Lines of the page that are site chrome (menus, share links, page id, links to
/// other pages), not part of the plan.
const CHROME: &[&str] = &[
    "ページの先頭です",
    "メニューの終端です。",
    "ページ番号:565550",
    "策定経過",
    "過去の鶴見区運営方針",
    "SNSリンクは別ウィンドウで開きます",
    "• Facebookでシェア",
    "• Xでポストする",
    "探している情報が見つからない",
    "メール送信フォーム",
];

/// The seed's content lines: trimmed (it has trailing spaces and NBSP-only lines),
/// chrome removed, and the page title kept once: the page repeats it as its heading
/// and again above the plan, after the date and update note.
fn seed_lines() -> Vec<String> {
    let title = "令和4年度鶴見区運営方針";
    let mut seen_title = false;
    SEED.lines()
        .map(|l| l.trim_matches(char::is_whitespace).to_owned())
        .filter(|l| !l.is_empty() && !CHROME.contains(&l.as_str()))
        .filter(|l| {
            let repeat = l == title && seen_title;
            seen_title |= l == title;
            !repeat
        })
        .collect()
}

fn sample() -> ward_plan::Plan {
    io::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/tsurumi-r4.ron"
    )))
    .expect("the sample loads")
}

#[test]
fn sample_reproduces_every_line_of_the_published_page() {
    let seed = seed_lines();
    assert!(seed.len() > 40, "the seed has its content");
    let ours: Vec<String> = blocks::plain_text(&blocks::blocks(&sample(), Medium::Web))
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    for (i, (a, b)) in ours.iter().zip(&seed).enumerate() {
        assert_eq!(a, b, "line {i} differs");
    }
    assert_eq!(ours.len(), seed.len(), "{ours:#?}");
}

#[test]
fn sample_numbers_are_the_published_ones() {
    let plan = sample();
    let mut printed = Vec::new();
    for (n1, issue) in numbered(&plan.issues) {
        for (n2, strategy) in numbered(&issue.strategies) {
            for (n3, _) in numbered(&strategy.initiatives) {
                printed.push(label(&[n1, n2, n3]));
            }
        }
    }
    assert_eq!(printed, ["1-1-1", "2-1-2", "3-1-1", "4-1-3", "5-1-1"]);
}

#[test]
fn sample_summary() {
    let summary = check::summarize(&sample());
    assert_eq!(
        (summary.issues, summary.strategies, summary.initiatives),
        (5, 5, 5)
    );
    assert_eq!(summary.budget_total, 68_388);
    // Nothing missing; the writing check finds what the published page mixed:
    // 子ども once among こども, the noun written 取組み seven times (取り組み once
    // more, as the verb, which is right), and half-width parentheses around
    // Japanese twice (強化(公助), (鶴見区役所4階)).
    let kinds: Vec<check::Kind> = summary.warnings.iter().map(|w| w.kind).collect();
    assert!(
        kinds.iter().all(|k| *k == check::Kind::Writing),
        "{:?}",
        summary.warnings
    );
    assert_eq!(summary.warnings.len(), 12, "{:#?}", summary.warnings);
    let text = summary.to_string();
    assert!(text.contains("表記: 12件"), "{text}");
    assert_eq!(
        text.matches("「取組」と書きます（この計画では 取組み 7）")
            .count(),
        7,
        "{text}"
    );
    assert!(text.contains("具体的取組【4-1-3】の名称の「(」"), "{text}");
    assert!(text.contains("問合せ先の住所の「)」"), "{text}");
    assert!(
        text.contains("具体的取組【2-1-2】の取組内容の「子ども」")
            && text.contains("こども 6・子ども 1"),
        "{text}"
    );
    assert!(summary.to_string().contains("予算合計: 68,388千円"));
}

#[test]
fn sample_round_trips_to_identical_bytes() {
    let bytes = include_str!("../samples/tsurumi-r4.ron");
    let plan = io::parse(bytes.as_bytes()).expect("sample parses");
    assert_eq!(io::to_ron(&plan).expect("serializes"), bytes);
}

#[test]
fn sample_file_is_readable_japanese() {
    let bytes = include_str!("../samples/tsurumi-r4.ron");
    assert!(!bytes.contains("\\u"), "no unicode escapes");
    assert!(bytes.contains("だれもが地域で安心して暮らせるまちづくり"));
    assert!(bytes.starts_with("Plan(\n    version: 2,\n"));
}

#[test]
fn a_plan_prints_its_own_wording_of_the_headings() {
    let mut plan = sample();
    plan.wording.goal = "目標(何をめざすのか)".to_owned();
    plan.wording.issue = "【経営課題{番号}】{名称}".to_owned();
    plan.wording.main_strategy = "主な戦略".to_owned();
    plan.wording.strategy = "【戦略 {番号} {名称}】".to_owned();
    let text = blocks::plain_text(&blocks::blocks(&plan, Medium::Web));
    for expected in [
        "\n目標(何をめざすのか)\n",
        "【経営課題2】子育てを応援するまちづくり",
        "\n主な戦略\n",
        "【戦略 2-1 安心して子育てできる環境づくり】",
        "【令和4年度 区運営の基本的な考え方(区長の方針)】",
    ] {
        assert!(text.contains(expected), "{expected} not in\n{text}");
    }
    // It is kept in the file and loads back.
    let saved = ward_plan::io::to_ron(&plan).expect("ron");
    assert!(saved.contains("wording: Wording("), "{saved}");
    assert_eq!(ward_plan::io::parse(saved.as_bytes()).expect("loads"), plan);
}

/// A plan saved on Windows is the same file as one saved on Linux or a Mac: LF
/// line ends (ron alone would write CRLF when built for Windows), so a file sent
/// between offices compares equal and `diff`-style tools see no change. The
/// Windows build runs this under Wine (scripts/windows-check.sh).
#[test]
fn a_saved_plan_has_the_same_bytes_on_every_system() {
    let bytes = include_str!("../samples/tsurumi-r4.ron");
    assert!(
        !bytes.contains('\r'),
        "the sample is checked out with LF (.gitattributes)"
    );
    let plan = io::parse(bytes.as_bytes()).expect("sample parses");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("保存.ron");
    io::save(&path, &plan).expect("saves");
    let saved = std::fs::read(&path).expect("reads back");
    assert!(!saved.contains(&b'\r'), "no CR in a saved plan");
    assert_eq!(saved, bytes.as_bytes());
}
