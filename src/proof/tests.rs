use super::*;

fn sample() -> Plan {
    crate::sample()
}

fn with_goal(goal: &str) -> Vec<Finding> {
    let mut plan = Plan::new("北区", 2023);
    plan.goal = goal.to_owned();
    proofread(&plan)
}

#[test]
fn the_seed_mixes_kodomo_and_torikumi() {
    let plan = sample();
    let found = proofread(&plan);
    let kodomo: Vec<&Finding> = found
        .iter()
        .filter(|f| f.span.replacement.as_deref() == Some("こども"))
        .collect();
    assert_eq!(kodomo.len(), 1, "{found:#?}");
    assert!(
        kodomo[0]
            .message
            .starts_with("具体的取組【2-1-2】の取組内容の「子ども」"),
        "{}",
        kodomo[0].message
    );
    assert!(
        kodomo[0].message.contains("こども 6・子ども 1"),
        "{}",
        kodomo[0].message
    );
    let torikumi = found
        .iter()
        .filter(|f| f.span.replacement.as_deref() == Some("取組"))
        .count();
    assert_eq!(
        torikumi, 7,
        "取組み 7 times; 取り組み、 is the verb: {found:#?}"
    );
}

#[test]
fn each_rule_finds_its_case_and_only_it() {
    for (text, replacement) in [
        ("参加することが出来る。", Some("できる")),
        ("区内3ヶ所で行う。", Some("か所")),
        ("6カ月ごとに行う。", Some("か月")),
        ("打ち合わせを行う。", Some("打合せ")),
        ("相談件数は1200件であった。", Some("1,200")),
        ("実施する。。", Some("。")),
        ("「安全なまちをめざす。", None),
        ("ｾﾝﾀｰで行う。", None),
        // 形式名詞, where the kanji is one.
        ("申請を受け付ける事ができる。", Some("こと")),
        ("この様に進める。", Some("よう")),
        ("災害の時は避難する。", Some("とき")),
        ("確認した所、問題はなかった。", Some("ところ")),
        ("正しい物と認める。", Some("もの")),
        ("安全の為に行う。", Some("ため")),
        ("中止する訳ではない。", Some("わけ")),
        // Conjunctions and readings outside the 常用漢字表.
        ("概ね順調に進んだ。", Some("おおむね")),
        ("尚、詳細は別に定める。", Some("なお、")),
        ("従って、計画を見直す。", Some("したがって")),
        ("又、地域と連携する。", Some("また、")),
        ("予め届け出る。", Some("あらかじめ")),
        ("事故が多い。故に対策を急ぐ。", Some("ゆえに")),
    ] {
        let found = with_goal(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(found[0].span.replacement.as_deref(), replacement, "{text}");
    }
    for clean in [
        "学習に取り組み、地域とつながる。",
        "事業を推進する事業者と連携する。",
        "該当箇所を直す。",
        "2023年度から実施する。",
        "電話 06-6915-9173、郵便番号 538-8510。",
        "予算は1,200千円である。",
        "問い合わせる。",
        // The formal nouns' kanji inside words, or naming the thing itself.
        "受付時間を延長し、物品を管理する。",
        "様々な行為を計画に従って進める。",
        "事故により中止した。",
        "区民の皆様とみな様の声を聞く。",
        "申し訳ない。",
        "人が集まる所に案内し、使う物を用意する。",
        "事業所と仕事の進め方を見直す。",
        "必ず、既に、更に実施する。",
        "又は郵送で申し込む。",
        "目標を追って進める。",
    ] {
        assert_eq!(with_goal(clean), [], "{clean}");
    }
}

#[test]
fn names_in_quotes_are_said_but_never_fixed() {
    let found = with_goal("「子供の未来応援基金」と連携し、こどもとこどもの家庭を支える。");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].span.found, "子供");
    assert_eq!(found[0].span.replacement, None);
    assert_eq!(found[0].span.rule, rules::VARIANTS);
}

#[test]
fn fix_all_leaves_nothing_of_its_rule() {
    let mut plan = sample();
    assert_eq!(fix_all(&mut plan, rules::OKURIGANA), 7);
    let left = proofread(&plan);
    assert!(
        left.iter().all(|f| f.span.rule != rules::OKURIGANA),
        "{left:#?}"
    );
    let variants: Vec<&str> = left
        .iter()
        .filter(|f| f.span.rule == rules::VARIANTS)
        .map(|f| f.span.found.as_str())
        .collect();
    assert_eq!(variants, ["子ども"], "{left:#?}");
    assert!(
        plan.policy[0].contains("取組を進める"),
        "{}",
        plan.policy[0]
    );
}

fn with_mission(mission: &str) -> Vec<(&'static str, String, Option<String>)> {
    let mut plan = Plan::new("北区", 2023);
    plan.mission = mission.to_owned();
    proofread(&plan)
        .into_iter()
        .map(|f| (f.span.rule, f.span.found, f.span.replacement))
        .collect()
}

fn one(rule: &'static str, found: &str, by: &str) -> (&'static str, String, Option<String>) {
    (rule, found.to_owned(), Some(by.to_owned()))
}

#[test]
fn marks_spaces_and_sentence_ends() {
    use rules::*;
    for (text, expected) in [
        ("区民,企業と連携する。", vec![one(HALF_MARKS, ",", "、")]),
        (
            "防災(自助・共助)を進める。",
            vec![one(HALF_MARKS, "(", "（"), one(HALF_MARKS, ")", "）")],
        ),
        ("本当にできる?と問う。", vec![one(HALF_MARKS, "?", "？")]),
        (
            "地域の見守りを進める",
            vec![one(SENTENCE_END, "る", "る。")],
        ),
        ("地域の　見守りを進める。", vec![one(SPACES, "　", "")]),
        (
            "見守りを進める。 \n次に進める。",
            vec![one(SPACES, " ", "")],
        ),
    ] {
        assert_eq!(with_mission(text), expected, "{text}");
    }
    for clean in [
        "(1)地域の見守りを進める。",
        "10,000人(R3)を見込む。率は12.5%である。",
        "　地域の見守りを進める。\n　防災を進める。",
        "見守り Wi-Fi を整える。",
        "地域の見守り（仮称）を進める。",
    ] {
        assert_eq!(with_mission(clean), [], "{clean}");
    }
}

#[test]
fn a_sentence_over_the_limit_is_a_hint() {
    let long = format!("{}。", "あ".repeat(LONG_SENTENCE + 1));
    let found = with_mission(&long);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].2.clone()), (rules::LONG, None));
    let limit = format!(
        "・{}。{}。",
        "あ".repeat(LONG_SENTENCE - 1),
        "い".repeat(10)
    );
    assert_eq!(with_mission(&limit), []);
}

#[test]
fn the_wards_choices_decide() {
    let mut plan = Plan::new("北区", 2023);
    plan.mission =
        "子ども・子育て支援法に基づき、子どもの学びを支える。出来ることから始める。".to_owned();
    let rules_of = |plan: &Plan| -> Vec<(&str, String)> {
        proofread(plan)
            .into_iter()
            .map(|f| (f.span.rule, f.span.found))
            .collect()
    };
    assert_eq!(rules_of(&plan), [(rules::KANA, "出来る".to_owned())]);
    // The ward writes こども: every 子ども is flagged, the law's name too…
    plan.writing.preferred.push("こども".to_owned());
    let found = proofread(&plan);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].message.contains("表記のきまりでは「こども」"),
        "{}",
        found[0].message
    );
    // …until the name is kept: neither flagged nor counted.
    plan.writing.keep.push("子ども・子育て支援法".to_owned());
    let found = rules_of(&plan);
    assert_eq!(
        found,
        [
            (rules::VARIANTS, "子ども".to_owned()),
            (rules::KANA, "出来る".to_owned())
        ]
    );
    assert_eq!(fix_all(&mut plan, rules::VARIANTS), 1);
    assert!(
        plan.mission
            .starts_with("子ども・子育て支援法に基づき、こどもの")
    );
    // A rule switched off says nothing.
    plan.writing.set_on(rules::KANA, false);
    assert_eq!(rules_of(&plan), []);
    plan.writing.set_on(rules::KANA, true);
    assert_eq!(rules_of(&plan).len(), 1);
}

#[test]
fn positions_are_characters_of_the_field() {
    let found = with_goal("地域で出来ることを進める。");
    assert_eq!((found[0].span.start, found[0].span.end), (3, 6));
}
