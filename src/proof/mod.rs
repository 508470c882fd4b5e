//! 校正: the writing checked as a 公用文 editor would, over every text field of the
//! plan (the field walk): one word spelt several ways (表記ゆれ), spellings the
//! rules settle (送り仮名, kana for formal words, か所 / か月), digits of both
//! widths, amounts without commas, doubled or unmatched punctuation and half-width
//! katakana. Each finding names its field as warnings do, says where in it
//! (characters), what is wrong, and the replacement where there is one.
//!
//! All the words are looked up in one pass per field with one automaton
//! (aho-corasick), not a loop per word.

pub mod words;

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::address::FieldKey;
use crate::model::fields::Field;
use crate::model::walk::{self, Value};
use crate::model::{ItemPath, Plan};
use words::{After, GROUPS, Rule, SETTLED};

/// One thing to look at in the writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The item the field is in.
    pub at: ItemPath,
    /// The field in the vocabulary.
    pub field: &'static Field,
    /// What is wrong, in a short Japanese sentence naming the field.
    pub message: String,
    /// Where in the field, and how to fix it.
    pub span: Span,
}

/// Characters `start..end` of the text at `key`, and how to fix them: what a
/// warning about the writing carries, so a click selects them and 直す fixes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The field's address.
    pub key: FieldKey,
    /// The first character, counted in characters.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// The characters, as they were when checked.
    pub found: String,
    /// What to write instead, when one click may fix it (直す).
    pub replacement: Option<String>,
    /// The rule, as 「すべて直す」 groups them: 表記ゆれ, 送り仮名…
    pub rule: &'static str,
}

/// The rules' names, as the warnings panel groups the findings.
pub mod rules {
    /// One word spelt several ways.
    pub const VARIANTS: &str = "表記ゆれ";
    /// Okurigana of compound nouns.
    pub const OKURIGANA: &str = "送り仮名";
    /// Words the 訓令 writes in kana.
    pub const KANA: &str = "かな書き";
    /// か所, か月.
    pub const COUNTER: &str = "か所・か月";
    /// Amounts grouped by three.
    pub const AMOUNT: &str = "数の区切り";
    /// Digits of one width.
    pub const DIGITS: &str = "数字の幅";
    /// 。。 and 、、.
    pub const DOUBLED: &str = "句読点";
    /// Brackets that do not pair.
    pub const BRACKETS: &str = "かっこ";
    /// Half-width katakana.
    pub const HALF_KANA: &str = "半角カタカナ";
}

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy)]
enum Pattern {
    /// Form `form` of group `group`.
    Group { group: usize, form: usize },
    /// Entry `n` of [`SETTLED`].
    Settled(usize),
}

/// The automaton over every word of the lists, made once.
fn automaton() -> &'static (AhoCorasick, Vec<Pattern>) {
    static AUTOMATON: OnceLock<(AhoCorasick, Vec<Pattern>)> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut patterns = Vec::new();
        for (group, g) in GROUPS.iter().enumerate() {
            for (form, word) in g.forms.iter().enumerate() {
                words.push(word);
                patterns.push(Pattern::Group { group, form });
            }
        }
        for (n, s) in SETTLED.iter().enumerate() {
            words.push(s.wrong);
            patterns.push(Pattern::Settled(n));
        }
        // Leftmost-longest: 取り組み is found as itself, not as a form of another.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .unwrap_or_else(|_| {
                AhoCorasick::new::<_, &str>([]).expect("an empty automaton builds")
            });
        (ac, patterns)
    })
}

/// A text field of the walk, with what a reader calls it.
struct Text<'a> {
    key: FieldKey,
    at: ItemPath,
    field: &'static Field,
    name: String,
    text: &'a str,
}

impl Text<'_> {
    /// A finding about characters `start..end` of this text, which read `found`.
    fn finding(
        &self,
        rule: &'static str,
        (start, end): (usize, usize),
        found: String,
        message: String,
        replacement: Option<String>,
    ) -> Finding {
        Finding {
            at: self.at,
            field: self.field,
            message,
            span: Span {
                key: self.key,
                start,
                end,
                found,
                replacement,
                rule,
            },
        }
    }
}

/// A word found: where (bytes and characters) and what it is.
struct Hit {
    text: usize,
    pattern: Pattern,
    start: usize,
    end: usize,
}

/// Every finding in the plan, in document order.
pub fn proofread(plan: &Plan) -> Vec<Finding> {
    let texts: Vec<Text<'_>> = walk::fields(plan)
        .into_iter()
        .filter_map(|f| match f.value {
            Value::Text(text) if !text.is_empty() => Some(Text {
                key: f.key(),
                at: f.at,
                field: f.field,
                name: f.name.clone(),
                text,
            }),
            _ => None,
        })
        .collect();
    let (ac, patterns) = automaton();
    let mut hits = Vec::new();
    for (n, t) in texts.iter().enumerate() {
        for m in ac.find_iter(t.text) {
            hits.push(Hit {
                text: n,
                pattern: patterns[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            });
        }
    }
    let mut out = Vec::new();
    let mut counts = vec![Vec::new(); GROUPS.len()];
    for (g, group) in GROUPS.iter().enumerate() {
        counts[g] = vec![0usize; group.forms.len()];
    }
    for hit in &hits {
        if let Pattern::Group { group, form } = hit.pattern {
            counts[group][form] += 1;
        }
    }
    for hit in &hits {
        let t = &texts[hit.text];
        let finding = |rule: &'static str, message: String, replacement: Option<&str>| {
            let range = (
                t.text[..hit.start].chars().count(),
                t.text[..hit.end].chars().count(),
            );
            let found = t.text[hit.start..hit.end].to_owned();
            t.finding(rule, range, found, message, replacement.map(str::to_owned))
        };
        match hit.pattern {
            Pattern::Group { group, form } => {
                let c = &counts[group];
                let used: Vec<usize> = (0..c.len()).filter(|&f| c[f] > 0).collect();
                if used.len() < 2 {
                    continue;
                }
                let preferred = majority(c);
                if form == preferred {
                    continue;
                }
                let forms = GROUPS[group].forms;
                let tally: Vec<String> = used
                    .iter()
                    .map(|&f| format!("{} {}", forms[f], c[f]))
                    .collect();
                out.push(finding(
                    rules::VARIANTS,
                    format!(
                        "{}の「{}」: この計画では「{}」と書いているところが多いので、そろえましょう（{}）。",
                        t.name,
                        forms[form],
                        forms[preferred],
                        tally.join("・")
                    ),
                    Some(forms[preferred]),
                ));
            }
            Pattern::Settled(n) => {
                let s = &SETTLED[n];
                let before = t.text[..hit.start].chars().next_back();
                let next = t.text[hit.end..].chars().next();
                if s.after == After::Number && !before.is_some_and(is_number) {
                    continue;
                }
                if s.noun_only && !next.is_none_or(|c| words::NOUN_FOLLOWERS.contains(&c)) {
                    continue;
                }
                // する事業, の様相: the kanji goes on into another word.
                if s.rule == Rule::Kana
                    && s.wrong.ends_with(['事', '様'])
                    && next.is_some_and(is_ideograph)
                {
                    continue;
                }
                let (rule, why) = match s.rule {
                    Rule::Okurigana => (rules::OKURIGANA, "名詞の送り仮名は公用文の書き方で"),
                    Rule::Kana => (rules::KANA, "公用文ではかなで"),
                    Rule::Counter => (rules::COUNTER, "横書きの公用文では"),
                };
                out.push(finding(
                    rule,
                    format!(
                        "{}の「{}」: {}「{}」と書きます。",
                        t.name, s.wrong, why, s.right
                    ),
                    Some(s.right),
                ));
            }
        }
    }
    for t in &texts {
        // Most fields have nothing these look for: skip them without a copy.
        let ascii_digits = t.text.bytes().any(|b| b.is_ascii_digit());
        let marks = t
            .text
            .chars()
            .any(|c| "。、「」『』（）【】".contains(c) || ('\u{ff61}'..='\u{ff9f}').contains(&c));
        if ascii_digits || marks {
            let chars: Vec<char> = t.text.chars().collect();
            if marks {
                punctuation(t, &chars, &mut out);
            }
            if ascii_digits {
                amounts(t, &chars, &mut out);
            }
        }
    }
    digit_widths(&texts, &mut out);
    // Words inside 「」 may quote a name (子ども・子育て支援法): said, never
    // changed by a click.
    for f in &mut out {
        let quoted = texts
            .iter()
            .find(|t| t.key == f.span.key)
            .is_some_and(|t| inside_quotes(t.text, f.span.start));
        if f.span.replacement.is_some() && quoted {
            f.span.replacement = None;
            f.message
                .push_str("「」の中なので、名前の引用ならそのままにしてください。");
        }
    }
    // Document order: by field, then by place in it.
    let order: Vec<FieldKey> = texts.iter().map(|t| t.key).collect();
    out.sort_by_key(|f| (order.iter().position(|k| *k == f.span.key), f.span.start));
    out
}

/// 直す: writes the span's replacement over its characters, if they still read
/// as they did when checked. True when it did.
pub fn fix(plan: &mut Plan, span: &Span) -> bool {
    let Some(replacement) = &span.replacement else {
        return false;
    };
    let Some(text) = crate::model::address::text_mut(plan, &span.key) else {
        return false;
    };
    let now: String = text
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    if now != span.found {
        return false;
    }
    crate::model::address::splice(text, span.start, span.end, replacement);
    true
}

/// すべて直す: every finding of `rule` that has a replacement, fixed; returns
/// how many.
pub fn fix_all(plan: &mut Plan, rule: &str) -> usize {
    let mut findings: Vec<Finding> = proofread(plan)
        .into_iter()
        .filter(|f| f.span.rule == rule && f.span.replacement.is_some())
        .collect();
    // Last first within each field, so earlier positions stay right.
    findings.sort_by_key(|f| std::cmp::Reverse(f.span.start));
    let mut count = 0;
    for f in &findings {
        if fix(plan, &f.span) {
            count += 1;
        }
    }
    count
}

/// Whether character `at` of `text` is inside 「…」.
fn inside_quotes(text: &str, at: usize) -> bool {
    let mut depth = 0i32;
    for c in text.chars().take(at) {
        match c {
            '「' => depth += 1,
            '」' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// The form used most; the first in the list on a tie.
fn majority(counts: &[usize]) -> usize {
    let mut best = 0;
    for (f, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = f;
        }
    }
    best
}

fn is_number(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十百千何数各".contains(c)
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Doubled 。 and 、, brackets left open or closed twice, half-width katakana.
fn punctuation(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let mut push = |rule: &'static str,
                    start: usize,
                    end: usize,
                    message: String,
                    replacement: Option<String>| {
        let found = chars[start..end].iter().collect();
        out.push(t.finding(rule, (start, end), found, message, replacement));
    };
    for (i, pair) in chars.windows(2).enumerate() {
        if pair[0] == pair[1] && (pair[0] == '。' || pair[0] == '、') {
            push(
                rules::DOUBLED,
                i,
                i + 2,
                format!("{}: 「{}」が重なっています。", t.name, pair[0]),
                Some(pair[0].to_string()),
            );
        }
    }
    const PAIRS: [(char, char); 4] = [('「', '」'), ('『', '』'), ('（', '）'), ('【', '】')];
    for (open, close) in PAIRS {
        let mut stack = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if c == open {
                stack.push(i);
            } else if c == close && stack.pop().is_none() {
                push(
                    rules::BRACKETS,
                    i,
                    i + 1,
                    format!("{}: 「{close}」に対応する「{open}」がありません。", t.name),
                    None,
                );
            }
        }
        for i in stack {
            push(
                rules::BRACKETS,
                i,
                i + 1,
                format!(
                    "{}: 「{open}」が閉じられていません（「{close}」がありません）。",
                    t.name
                ),
                None,
            );
        }
    }
    let mut i = 0;
    while i < chars.len() {
        if ('\u{ff61}'..='\u{ff9f}').contains(&chars[i]) {
            let start = i;
            while i < chars.len() && ('\u{ff61}'..='\u{ff9f}').contains(&chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            push(
                rules::HALF_KANA,
                start,
                i,
                format!("{}の「{run}」: 半角カタカナは全角で書きます。", t.name),
                None,
            );
        } else {
            i += 1;
        }
    }
}

/// Amounts of four or more digits without commas: 1200件 → 1,200件.
fn amounts(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',') {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        // Part of something else: a code, a phone number (06-6915-9173), a
        // decimal (12.5), a date (2023/6/9).
        let joined = |c: Option<&char>| {
            c.is_some_and(|c| c.is_ascii_alphanumeric() || "-./:－".contains(*c))
        };
        if run.contains(',') || run.len() < 4 || joined(chars.get(i)) {
            continue;
        }
        if start > 0 && joined(chars.get(start - 1)) {
            continue;
        }
        let rest: String = chars[i..].iter().take(3).collect();
        if !words::AMOUNT_COUNTERS.iter().any(|c| rest.starts_with(c)) {
            continue;
        }
        let grouped = run
            .parse::<u64>()
            .map(crate::amount::group_digits)
            .unwrap_or_else(|_| run.clone());
        let message = format!(
            "{}の「{run}」: 4桁以上の数は3桁ごとに「,」で区切ります。",
            t.name
        );
        out.push(t.finding(rules::AMOUNT, (start, i), run, message, Some(grouped)));
    }
}

/// Digits of both widths in one plan: the fewer are flagged.
fn digit_widths(texts: &[Text<'_>], out: &mut Vec<Finding>) {
    let full = |c: char| ('０'..='９').contains(&c);
    let (mut half_count, mut full_count) = (0, 0);
    for t in texts {
        for c in t.text.chars() {
            if c.is_ascii_digit() {
                half_count += 1;
            } else if full(c) {
                full_count += 1;
            }
        }
    }
    if half_count == 0 || full_count == 0 {
        return;
    }
    let flag_full = full_count <= half_count;
    for t in texts {
        let chars: Vec<char> = t.text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let odd = |c: char| {
                if flag_full {
                    full(c)
                } else {
                    c.is_ascii_digit()
                }
            };
            if !odd(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && odd(chars[i]) {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let other: String = run
                .chars()
                .map(|c| {
                    if flag_full {
                        crate::wareki::half_width(c)
                    } else {
                        char::from_u32(c as u32 + 0xfee0).unwrap_or(c)
                    }
                })
                .collect();
            let (this, that) = if flag_full {
                ("全角", "半角")
            } else {
                ("半角", "全角")
            };
            let message = format!(
                "{}の「{run}」: この計画の数字はほとんど{that}なので、{this}の数字もそろえましょう。",
                t.name
            );
            out.push(t.finding(rules::DIGITS, (start, i), run, message, Some(other)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        crate::io::parse(crate::SAMPLE_RON.as_bytes()).expect("sample")
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
        assert_eq!(left.len(), 1, "子ども is left: {left:#?}");
        assert!(
            plan.policy[0].contains("取組を進める"),
            "{}",
            plan.policy[0]
        );
    }

    #[test]
    fn positions_are_characters_of_the_field() {
        let found = with_goal("地域で出来ることを進める。");
        assert_eq!((found[0].span.start, found[0].span.end), (3, 6));
    }
}
