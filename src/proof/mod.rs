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
use crate::model::{ItemPath, Plan, Writing};
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
    /// Half-width , . ( ) ! ? in Japanese text.
    pub const HALF_MARKS: &str = "半角の記号";
    /// A sentence field that does not end in 。.
    pub const SENTENCE_END: &str = "文末の「。」";
    /// A space inside a Japanese sentence, spaces at the end of a line.
    pub const SPACES: &str = "空白";
    /// A sentence of over [`super::LONG_SENTENCE`] characters: a hint.
    pub const LONG: &str = "長い文";

    /// Every rule, with what it looks for, as the settings list them.
    pub const ALL: &[(&str, &str)] = &[
        (
            VARIANTS,
            "同じ言葉の書き方がそろっていない（こども・子ども・子供など）",
        ),
        (
            OKURIGANA,
            "名詞の送り仮名（取組み → 取組、打ち合わせ → 打合せ）",
        ),
        (KANA, "かなで書く言葉（出来る → できる、但し → ただし）"),
        (COUNTER, "数の後の箇所・ヶ月（→ か所、か月）"),
        (AMOUNT, "4桁以上の数の「,」（1200件 → 1,200件）"),
        (DIGITS, "全角と半角の数字がまざっている"),
        (DOUBLED, "「。。」「、、」"),
        (BRACKETS, "閉じていないかっこ"),
        (HALF_KANA, "半角カタカナ"),
        (HALF_MARKS, "日本語の中の半角の , . ( ) ! ?"),
        (SENTENCE_END, "文章の欄の終わりに「。」がない"),
        (SPACES, "文中の空白、行末の空白"),
        (LONG, "120文字を超える文（ヒント）"),
    ];
}

/// Characters a sentence may have before the check suggests splitting it.
pub const LONG_SENTENCE: usize = 120;

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy)]
enum Pattern {
    /// Form `form` of group `group`.
    Group { group: usize, form: usize },
    /// Entry `n` of [`SETTLED`].
    Settled(usize),
    /// The right form of a settled okurigana (取組), counted for the message.
    Right(&'static str),
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
        for s in SETTLED.iter().filter(|s| s.rule == Rule::Okurigana) {
            if !words.contains(&s.right) {
                words.push(s.right);
                patterns.push(Pattern::Right(s.right));
            }
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
    /// Where the ward's words to keep are, in characters.
    kept: Vec<(usize, usize)>,
    text: &'a str,
}

impl Text<'_> {
    /// Whether characters `start..end` overlap a word the ward keeps.
    fn keeps(&self, start: usize, end: usize) -> bool {
        self.kept.iter().any(|&(a, b)| start < b && a < end)
    }

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
    /// Bytes of the text.
    start: usize,
    end: usize,
    /// The same, in characters.
    chars: (usize, usize),
}

/// Every finding in the plan, in document order, as the ward's 表記のきまり
/// (`plan.writing`) has it: its preferred forms, its words to keep, its rules.
pub fn proofread(plan: &Plan) -> Vec<Finding> {
    let choices = &plan.writing;
    let keep = Keep::new(&choices.keep);
    let texts: Vec<Text<'_>> = walk::fields(plan)
        .into_iter()
        // Headings are the ward's templates ({番号}), not its sentences.
        .filter(|f| !f.is_setting() && f.within != Some(&crate::model::fields::WORDING))
        .filter_map(|f| match f.value {
            Value::Text(text) if !text.is_empty() => Some(Text {
                key: f.key(),
                at: f.at,
                field: f.field,
                name: f.name.clone(),
                kept: keep.ranges(text),
                text,
            }),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    word_findings(&texts, choices, &mut out);
    for t in &texts {
        // Most fields have nothing these look for: skip them without a copy.
        let ascii = t.text.is_ascii();
        let ascii_digits = t.text.bytes().any(|b| b.is_ascii_digit());
        let marks = t.text.chars().any(|c| {
            "。、「」『』（）【】,.()!? \u{3000}".contains(c)
                || ('\u{ff61}'..='\u{ff9f}').contains(&c)
        });
        let prose = is_prose(t.field) && !ascii;
        if ascii_digits || marks || prose {
            let chars: Vec<char> = t.text.chars().collect();
            if marks {
                punctuation(t, &chars, &mut out);
                spaces(t, &chars, &mut out);
            }
            if ascii_digits {
                amounts(t, &chars, &mut out);
            }
            if prose {
                sentences(t, &chars, &mut out);
            }
        }
    }
    digit_widths(&texts, &mut out);
    // Each finding's text, by its place in document order.
    let order: rustc_hash::FxHashMap<FieldKey, usize> =
        texts.iter().enumerate().map(|(n, t)| (t.key, n)).collect();
    let text_of = |f: &Finding| order.get(&f.span.key).map(|&n| &texts[n]);
    out.retain(|f| {
        choices.is_on(f.span.rule) && !text_of(f).is_some_and(|t| t.keeps(f.span.start, f.span.end))
    });
    // Words inside 「」 may quote a name (子ども・子育て支援法): said, never
    // changed by a click.
    for f in &mut out {
        let quoted = text_of(f).is_some_and(|t| inside_quotes(t.text, f.span.start));
        if f.span.replacement.is_some() && quoted {
            f.span.replacement = None;
            f.message
                .push_str("「」の中なので、名前の引用ならそのままにしてください。");
        }
    }
    // Document order: by field, then by place in it.
    out.sort_by_key(|f| (order.get(&f.span.key).copied(), f.span.start));
    out
}

/// The ward's words to keep (直さない言葉), found in a text in one pass.
struct Keep(Option<AhoCorasick>);

impl Keep {
    fn new(words: &[String]) -> Keep {
        let words: Vec<&str> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Keep(None);
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .ok();
        Keep(ac)
    }

    /// Where the words are in `text`, in characters.
    fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.0 else {
            return Vec::new();
        };
        ac.find_iter(text)
            .map(|m| {
                let start = text[..m.start()].chars().count();
                (start, start + text[m.start()..m.end()].chars().count())
            })
            .collect()
    }
}

/// The words of the lists: 表記ゆれ by the ward's choice or the majority, and
/// the spellings the rules settle.
fn word_findings(texts: &[Text<'_>], choices: &Writing, out: &mut Vec<Finding>) {
    let (ac, patterns) = automaton();
    let mut hits = Vec::new();
    for (n, t) in texts.iter().enumerate() {
        for m in ac.find_iter(t.text) {
            let start = t.text[..m.start()].chars().count();
            let end = start + t.text[m.start()..m.end()].chars().count();
            // A kept name (子ども・子育て支援法) neither counts nor is flagged.
            if t.keeps(start, end) {
                continue;
            }
            hits.push(Hit {
                text: n,
                pattern: patterns[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
                chars: (start, end),
            });
        }
    }
    let right_count = |form: &str| {
        hits.iter()
            .filter(|h| matches!(h.pattern, Pattern::Right(r) if r == form))
            .count()
    };
    let mut counts: Vec<Vec<usize>> = GROUPS.iter().map(|g| vec![0; g.forms.len()]).collect();
    for hit in &hits {
        if let Pattern::Group { group, form } = hit.pattern {
            counts[group][form] += 1;
        }
    }
    // The ward's form of each group, when it chose one.
    let chosen: Vec<Option<usize>> = GROUPS
        .iter()
        .map(|g| {
            g.forms
                .iter()
                .position(|f| choices.preferred.iter().any(|p| p.trim() == *f))
        })
        .collect();
    let first_okurigana = out.len();
    for hit in &hits {
        let t = &texts[hit.text];
        let finding = |rule: &'static str, message: String, replacement: Option<&str>| {
            let found = t.text[hit.start..hit.end].to_owned();
            t.finding(
                rule,
                hit.chars,
                found,
                message,
                replacement.map(str::to_owned),
            )
        };
        match hit.pattern {
            Pattern::Group { group, form } => {
                let c = &counts[group];
                let used: Vec<usize> = (0..c.len()).filter(|&f| c[f] > 0).collect();
                let forms = GROUPS[group].forms;
                let tally: Vec<String> = used
                    .iter()
                    .map(|&f| format!("{} {}", forms[f], c[f]))
                    .collect();
                let message = match chosen[group] {
                    Some(preferred) if form != preferred => format!(
                        "{}の「{}」: 表記のきまりでは「{}」と書きます（{}）。",
                        t.name,
                        forms[form],
                        forms[preferred],
                        tally.join("・")
                    ),
                    Some(_) => continue,
                    None if used.len() < 2 || form == majority(c) => continue,
                    None => format!(
                        "{}の「{}」: この計画では「{}」と書いているところが多いので、そろえましょう（{}）。",
                        t.name,
                        forms[form],
                        forms[majority(c)],
                        tally.join("・")
                    ),
                };
                let preferred = chosen[group].unwrap_or_else(|| majority(c));
                out.push(finding(rules::VARIANTS, message, Some(forms[preferred])));
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
            Pattern::Right(_) => {}
        }
    }
    // Okurigana with their counts, as 表記ゆれ has them: 取組 5・取組み 7. One
    // tally per right form: the right form itself first, then each wrong one.
    let okurigana = |f: &Finding| f.span.rule == rules::OKURIGANA;
    let mut tallies: rustc_hash::FxHashMap<String, Vec<(String, usize)>> = Default::default();
    for f in out[first_okurigana..].iter().filter(|f| okurigana(f)) {
        let right = f.span.replacement.clone().unwrap_or_default();
        let forms = tallies
            .entry(right.clone())
            .or_insert_with(|| vec![(right.clone(), right_count(&right))]);
        match forms.iter_mut().find(|(w, _)| *w == f.span.found) {
            Some((_, n)) => *n += 1,
            None => forms.push((f.span.found.clone(), 1)),
        }
    }
    for f in out[first_okurigana..].iter_mut().filter(|f| okurigana(f)) {
        let right = f.span.replacement.clone().unwrap_or_default();
        let tally: Vec<String> = tallies
            .get(&right)
            .into_iter()
            .flatten()
            .filter(|(_, n)| *n > 0)
            .map(|(w, n)| format!("{w} {n}"))
            .collect();
        f.message = format!(
            "{}（この計画では {}）。",
            f.message.trim_end_matches('。'),
            tally.join("・")
        );
    }
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

/// Doubled 。 and 、, brackets left open or closed twice, half-width katakana and
/// half-width marks.
fn punctuation(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    half_width_marks(t, chars, out);
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

/// Fields of sentences (使命, 取組内容, 所見…), as opposed to names, the goal's
/// phrase, indicators and the contact block: these end in 。 and are read as
/// prose.
fn is_prose(field: &Field) -> bool {
    use crate::model::fields as f;
    [
        f::MISSION,
        f::POLICY_LEAD,
        f::POLICY,
        f::POLICY_CLOSING,
        f::DESCRIPTION,
        f::VISION,
        f::CURRENT_STATE,
        f::CAUSE_ANALYSIS,
        f::CHALLENGE,
        f::STRATEGY_TEXT,
        f::TARGET_STATE,
        f::INITIATIVE_TEXT,
        f::PAST_RESULTS,
        f::PERFORMANCE_TARGET,
        f::REVIEW_COMMENT,
        f::REVIEW_IMPROVEMENT,
        f::OVERALL_EVALUATION,
        f::FUTURE_DIRECTION,
        f::REVISION_NOTE,
    ]
    .contains(field)
}

/// Kana, kanji and the marks that belong to words (々, ー).
fn is_japanese(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
        || ('\u{30a1}'..='\u{30ff}').contains(&c)
        || is_ideograph(c)
        || c == '々'
}

/// Whether text ends as a sentence does, with a verb or an auxiliary (進める,
/// 図った, です, 行う, ません, 少ない), not with a noun in kana (まち, つながり,
/// ふれあい): a phrase (体言止め) needs no 。.
fn ends_a_sentence(chars: &[char]) -> bool {
    matches!(
        chars,
        [.., 'る' | 'た' | 'だ' | 'す' | 'う' | 'ん' | 'く'] | [.., 'な' | 'た' | 'し', 'い']
    )
}

/// Half-width , . ( ) ! ? in Japanese text: 強化(公助) → 強化（公助）.
/// Numbers keep theirs (1,200, 12.5, (1), (R3)).
fn half_width_marks(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let japanese = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&c| is_japanese(c))
    };
    // A pair of ( ) is Japanese when what it holds is; one alone, by its neighbour.
    let mut pair_of = vec![None; chars.len()];
    let mut open = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    let inside = chars[o + 1..i].iter().any(|&c| is_japanese(c));
                    pair_of[o] = Some(inside);
                    pair_of[i] = Some(inside);
                }
            }
            _ => {}
        }
    }
    for (i, &c) in chars.iter().enumerate() {
        let (before, after) = (japanese(i.checked_sub(1)), japanese(Some(i + 1)));
        let full = match c {
            ',' if before => '、',
            '.' if before => '。',
            '!' | '?' if before || after => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
            '(' if pair_of[i].unwrap_or(after) => '（',
            ')' if pair_of[i].unwrap_or(before) => '）',
            _ => continue,
        };
        let message = format!(
            "{}の「{c}」: 日本語の文では全角の「{full}」を使います。",
            t.name
        );
        out.push(t.finding(
            rules::HALF_MARKS,
            (i, i + 1),
            c.to_string(),
            message,
            Some(full.to_string()),
        ));
    }
}

/// Spaces at the end of a line, and in sentences a space between two Japanese
/// characters (a space at the start of a line indents it and stays).
fn spaces(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let space = |c: char| c == ' ' || c == '\u{3000}';
    let prose = is_prose(t.field);
    let mut i = 0;
    while i < chars.len() {
        if !space(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && space(chars[i]) {
            i += 1;
        }
        let line_start = start == 0 || chars[start - 1] == '\n';
        let line_end = i == chars.len() || chars[i] == '\n';
        let message = if line_end && !line_start {
            format!("{}: 行の終わりに空白があります。", t.name)
        } else if prose
            && !line_start
            && is_japanese(chars[start - 1])
            && chars.get(i).is_some_and(|&c| is_japanese(c))
        {
            format!("{}: 文の途中に空白があります。", t.name)
        } else {
            continue;
        };
        let found = chars[start..i].iter().collect();
        out.push(t.finding(
            rules::SPACES,
            (start, i),
            found,
            message,
            Some(String::new()),
        ));
    }
}

/// In a field of sentences: no 。 at the end after a sentence's last word, and
/// sentences of over [`LONG_SENTENCE`] characters (a hint to split them).
fn sentences(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let end = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |n| n + 1);
    // めざすべき将来像, めざす状態 and 業績目標 are often phrases (…まち, …状態).
    let phrase = [
        crate::model::fields::VISION,
        crate::model::fields::TARGET_STATE,
        crate::model::fields::PERFORMANCE_TARGET,
    ]
    .contains(t.field);
    if !phrase && ends_a_sentence(&chars[..end]) {
        let last = chars[end - 1];
        out.push(t.finding(
            rules::SENTENCE_END,
            (end - 1, end),
            last.to_string(),
            format!("{}: 文の終わりに「。」がありません。", t.name),
            Some(format!("{last}。")),
        ));
    }
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '。' || c == '\n' || i + 1 == chars.len() {
            let stop = if c == '\n' { i } else { i + 1 };
            // Leading spaces and bullets do not count.
            let from = (start..stop)
                .find(|&j| !chars[j].is_whitespace() && chars[j] != '・')
                .unwrap_or(stop);
            let length = stop - from;
            if length > LONG_SENTENCE {
                let found = chars[from..stop].iter().collect();
                let message = format!(
                    "{}: {length}文字の文があります。{LONG_SENTENCE}文字を超える文は、分けると読みやすくなります。",
                    t.name
                );
                out.push(t.finding(rules::LONG, (from, stop), found, message, None));
            }
            start = i + 1;
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
}
