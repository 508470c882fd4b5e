//! The rules about marks and shapes rather than words: punctuation doubled
//! or unmatched, half-width marks in Japanese, spaces, sentences without 。 or
//! too long, amounts without commas, digits of both widths.

use super::{Finding, LONG_SENTENCE, Text, rules, words};
use crate::model::fields::Field;

pub(super) fn is_number(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十百千何数各".contains(c)
}

pub(super) fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Kangxi radicals and compatibility ideographs, each with its ordinary
/// ideograph: they look right and are not the same character to search,
/// 校正 or a reader's screen reader.
pub(super) fn look_alikes(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let ordinary = crate::model::text::ordinary;
    // A run of them (年⽉⽇ has two) is one finding and one fix.
    for run in runs(chars, |c| ordinary(c).is_some()) {
        let found: String = chars[run.clone()].iter().collect();
        let fixed: String = chars[run.clone()]
            .iter()
            .map(|&c| ordinary(c).unwrap_or(c))
            .collect();
        // The message names the characters by code point (the app's fonts
        // may not draw them) and is short: a pasted page can hold thousands.
        use std::fmt::Write as _;
        let mut message = format!("{}に「{fixed}」に見えて別の文字（", t.name);
        for (n, &c) in chars[run.clone()].iter().take(3).enumerate() {
            let sep = if n > 0 { "、" } else { "" };
            let _ = write!(message, "{sep}U+{:04X}", u32::from(c));
        }
        if run.len() > 3 {
            message.push('…');
        }
        message.push_str("）があります。PDFからのコピーに混じる字で、検索や校正にかかりません。");
        out.push(t.finding(
            rules::LOOK_ALIKE,
            (run.start, run.end),
            found,
            message,
            Some(fixed),
        ));
    }
}

/// Doubled 。 and 、, brackets left open or closed twice, half-width katakana and
/// half-width marks.
pub(super) fn punctuation(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    half_width_marks(t, chars, out);
    let mut push = |rule: &'static str,
                    start: usize,
                    end: usize,
                    message: String,
                    replacement: Option<String>| {
        let found = chars[start..end].iter().collect();
        out.push(t.finding(rule, (start, end), found, message, replacement));
    };
    // A run of the same mark (「、、、」) is one finding, fixed to one mark.
    for doubled in ['。', '、'] {
        for run in runs(chars, |c| c == doubled)
            .into_iter()
            .filter(|r| r.len() > 1)
        {
            push(
                rules::DOUBLED,
                run.start,
                run.end,
                format!("{}: 「{doubled}」が重なっています。", t.name),
                Some(doubled.to_string()),
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
    for run in runs(chars, |c| ('\u{ff61}'..='\u{ff9f}').contains(&c)) {
        let (start, end) = (run.start, run.end);
        let run: String = chars[run].iter().collect();
        push(
            rules::HALF_KANA,
            start,
            end,
            format!("{}の「{run}」: 半角カタカナは全角で書きます。", t.name),
            None,
        );
    }
}

/// The longest runs of characters that `pred` holds for, as ranges of `chars`.
fn runs(chars: &[char], pred: impl Fn(char) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !pred(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && pred(chars[i]) {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// Fields of sentences (使命, 取組内容, 所見…), as opposed to names, the goal's
/// phrase, indicators and the contact block: these end in 。 and are read as
/// prose.
pub(super) fn is_prose(field: &Field) -> bool {
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
pub(super) fn is_japanese(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
        || ('\u{30a1}'..='\u{30ff}').contains(&c)
        || is_ideograph(c)
        || c == '々'
}

/// Whether text ends as a sentence does, with a verb or an auxiliary (進める,
/// 図った, です, 行う, ません, 少ない), not with a noun in kana (まち, つながり,
/// ふれあい): a phrase (体言止め) needs no 。.
pub(super) fn ends_a_sentence(chars: &[char]) -> bool {
    matches!(
        chars,
        [.., 'る' | 'た' | 'だ' | 'す' | 'う' | 'ん' | 'く'] | [.., 'な' | 'た' | 'し', 'い']
    )
}

/// Half-width , . ( ) ! ? in Japanese text: 強化(公助) → 強化（公助）.
/// Numbers keep theirs (1,200, 12.5, (1), (R3)).
pub(super) fn half_width_marks(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let japanese = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&c| is_japanese(c))
    };
    // A pair of ( ) is Japanese when what it holds is; one alone, by its neighbour.
    let mut pair_of = vec![None; chars.len()];
    let mut open = Vec::new();
    // Japanese characters before each place: what a pair holds is a difference,
    // not a scan (nested pairs would make it quadratic).
    let mut japanese_before = Vec::with_capacity(chars.len() + 1);
    japanese_before.push(0usize);
    for &c in chars {
        japanese_before
            .push(japanese_before.last().copied().unwrap_or(0) + usize::from(is_japanese(c)));
    }
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push(i),
            ')' => {
                if let Some(o) = open.pop() {
                    let inside = japanese_before[i] > japanese_before[o + 1];
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
pub(super) fn spaces(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    let space = |c: char| c == ' ' || c == '\u{3000}';
    let prose = is_prose(t.field);
    for run in runs(chars, space) {
        let (start, i) = (run.start, run.end);
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
pub(super) fn sentences(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
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
pub(super) fn amounts(t: &Text<'_>, chars: &[char], out: &mut Vec<Finding>) {
    for run in runs(chars, |c| c.is_ascii_digit() || c == ',') {
        // A number starts at a digit.
        let Some(start) = (run.start..run.end).find(|&n| chars[n].is_ascii_digit()) else {
            continue;
        };
        let i = run.end;
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
pub(super) fn digit_widths(texts: &[Text<'_>], out: &mut Vec<Finding>) {
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
        let odd = |c: char| {
            if flag_full {
                full(c)
            } else {
                c.is_ascii_digit()
            }
        };
        for run in runs(&chars, odd) {
            let (start, i) = (run.start, run.end);
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
