//! The writing check (校正) on whole plans: one violation of each rule is found
//! exactly once, with its replacement; the variant pages of other wards, imported,
//! give no false alarm.

use ward_plan::proof::{proofread, rules};
use ward_plan::{Plan, import};

/// A plan whose texts break each rule once, and nothing else.
fn one_of_each() -> Plan {
    let mut plan = Plan::new("北区", 2023);
    plan.goal = "だれもが安心して暮らせるまち".to_owned();
    plan.mission = "区民に最も身近な行政機関として、地域の実情に応じた施策を展開する。".to_owned();
    plan.policy = vec![
        // 表記ゆれ: こども twice, 子供 once.
        "こどもの居場所をつくり、こどもの学びを支える。".to_owned(),
        "子供の安全を守る。".to_owned(),
        // 送り仮名.
        "地域との打ち合わせを重ねる。".to_owned(),
        // かな書き.
        "だれもが参加出来る場をつくる。".to_owned(),
        // か所・か月.
        "区内3ヶ所で実施する。".to_owned(),
        // 数の区切り.
        "相談は年間1500件を見込む。".to_owned(),
        // 句読点.
        "防災訓練を行う。。".to_owned(),
        // かっこ.
        "「安全・安心なまちをめざす。".to_owned(),
        // 半角カタカナ.
        "ｾﾝﾀｰと連携する。".to_owned(),
    ];
    plan
}

#[test]
fn one_violation_of_each_rule_is_found_once() {
    let found = proofread(&one_of_each());
    let got: Vec<(&str, &str, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.span.rule,
                f.span.found.as_str(),
                f.span.replacement.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (rules::VARIANTS, "子供", Some("こども")),
            (rules::OKURIGANA, "打ち合わせ", Some("打合せ")),
            (rules::KANA, "出来る", Some("できる")),
            (rules::COUNTER, "ヶ所", Some("か所")),
            (rules::AMOUNT, "1500", Some("1,500")),
            (rules::DOUBLED, "。。", Some("。")),
            (rules::BRACKETS, "「", None),
            (rules::HALF_KANA, "ｾﾝﾀｰ", None),
        ]
    );
    // Each names its field as the warnings do.
    assert!(
        found[0]
            .message
            .starts_with("区運営の基本的な考え方の2つ目の「子供」"),
        "{}",
        found[0].message
    );
}

#[test]
fn fixing_everything_fixable_leaves_only_what_needs_a_person() {
    let mut plan = one_of_each();
    for rule in [
        rules::VARIANTS,
        rules::OKURIGANA,
        rules::KANA,
        rules::COUNTER,
        rules::AMOUNT,
        rules::DOUBLED,
    ] {
        assert_eq!(ward_plan::proof::fix_all(&mut plan, rule), 1, "{rule}");
    }
    let left: Vec<&str> = proofread(&plan).iter().map(|f| f.span.rule).collect();
    assert_eq!(left, [rules::BRACKETS, rules::HALF_KANA]);
    assert_eq!(plan.policy[1], "こどもの安全を守る。");
    assert_eq!(plan.policy[5], "相談は年間1,500件を見込む。");
}

/// Other wards' pages, as the import reads them: nothing in their text fields
/// breaks the rules the check knows (read by eye in the imported files: digits
/// are half-width, no amount of four digits lacks its comma, no word of a group
/// is spelt two ways). The one full-width digit, ２ in the heading wording
/// 「２　重点的に取り組む経営課題」 of the 令和5年度 page, is in the wording, which
/// the field walk, and so the check, does not visit yet.
#[test]
fn the_variant_pages_give_no_false_alarm() {
    for page in [
        include_str!("fixtures/r4-variant-page.txt"),
        include_str!("fixtures/r5-variant-page.txt"),
    ] {
        let plan = import::import(page).plan;
        assert!(!plan.issues.is_empty());
        assert_eq!(proofread(&plan), [], "{page}");
    }
}
