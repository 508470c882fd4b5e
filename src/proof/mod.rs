//! 校正: the writing checked as a 公用文 editor would, over every text field of the
//! plan (the field walk): one word spelt several ways (表記ゆれ), spellings the
//! rules settle (送り仮名, kana for conjunctions and formal nouns, か所 / か月),
//! digits of both widths, amounts without commas, doubled or unmatched
//! punctuation, half-width katakana, characters that only look right, and
//! です・ます mixed with である. Each finding names its field as warnings do, says where in it
//! (characters), what is wrong, and the replacement where there is one.
//!
//! All the words are looked up in one pass per field with one automaton
//! (aho-corasick), not a loop per word.

use std::borrow::Cow;

mod lookup;
mod marks;
mod style;
pub mod words;

use crate::model::address::FieldKey;
use crate::model::fields::Field;
use crate::model::walk::{self, Value};
use crate::model::{ItemPath, Plan};
use lookup::{Keep, inside_quotes, word_findings};
use marks::{amounts, digit_widths, is_prose, look_alikes, punctuation, sentences, spaces};

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
    /// Formal nouns in kana: 受け付ける事 → 受け付けること.
    pub const FORMAL: &str = "形式名詞";
    /// です・ます and である in one plan's sentences.
    pub const STYLE: &str = "文体の混在";
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
    /// A Kangxi radical or compatibility ideograph standing for an ordinary one.
    pub const LOOK_ALIKE: &str = "紛らわしい文字";

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
        (
            KANA,
            "かなで書く言葉（出来る → できる、但し → ただし、概ね → おおむね）",
        ),
        (
            FORMAL,
            "形式名詞（受け付ける事 → 受け付けること、この様に → このように）",
        ),
        (STYLE, "「です・ます」と「である」の文がまざっている"),
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
        (
            LOOK_ALIKE,
            "見た目が同じで別の文字（部首の形の「方」や互換漢字。PDFからのコピーに混じる）",
        ),
    ];
}

/// The longest entry read as a word to keep: a law's or a programme's name
/// fits; a paragraph pasted into the list is not a word, and an automaton
/// over one would take minutes to build on every check. The form says so
/// beside a longer entry.
pub const KEEP_WORD_MAX_CHARS: usize = 64;

/// Characters a sentence may have before the check suggests splitting it.
pub const LONG_SENTENCE: usize = 120;

/// A text field of the walk, with what a reader calls it.
struct Text<'a> {
    key: FieldKey,
    at: ItemPath,
    field: &'static Field,
    name: String,
    /// Where the ward's words to keep are, in characters.
    kept: Vec<(usize, usize)>,
    text: Cow<'a, str>,
}

impl Text<'_> {
    /// Whether characters `start..end` overlap a word the ward keeps.
    fn keeps(&self, start: usize, end: usize) -> bool {
        // The words are found in order and never overlap: the first that ends
        // after `start` is the only one that may overlap.
        let first = self.kept.partition_point(|&(_, b)| b <= start);
        self.kept.get(first).is_some_and(|&(a, _)| a < end)
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

/// Every finding in the plan, in document order, as the ward's 表記のきまり
/// (`plan.writing`) has it: its preferred forms, its words to keep, its rules.
pub fn proofread(plan: &Plan) -> Vec<Finding> {
    let choices = &plan.writing;
    let keep = Keep::new(&choices.keep);
    let texts: Vec<Text<'_>> = walk::fields(plan)
        .into_iter()
        // Headings are the ward's templates ({番号}), not its sentences.
        .filter(|f| !f.is_setting() && f.within != Some(&crate::model::fields::WORDING))
        .filter_map(|f| {
            let key = f.key();
            match f.value {
                Value::Text(text) if !text.is_empty() => Some(Text {
                    key,
                    at: f.at,
                    field: f.field,
                    name: f.name,
                    kept: keep.ranges(&text),
                    text,
                }),
                _ => None,
            }
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
        let odd = !ascii
            && t.text
                .chars()
                .any(|c| crate::model::text::ordinary(c).is_some());
        if odd || ascii_digits || marks || prose {
            let chars: Vec<char> = t.text.chars().collect();
            if odd {
                look_alikes(t, &chars, &mut out);
            }
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
    style::mixed_styles(&texts, &mut out);
    // Each finding's text, by its place in document order.
    let order: rustc_hash::FxHashMap<FieldKey, usize> =
        texts.iter().enumerate().map(|(n, t)| (t.key, n)).collect();
    let text_of = |f: &Finding| order.get(&f.span.key).map(|&n| &texts[n]);
    out.retain(|f| {
        choices.is_on(f.span.rule) && !text_of(f).is_some_and(|t| t.keeps(f.span.start, f.span.end))
    });
    // Words inside 「」 may quote a name (子ども・子育て支援法): said, never
    // changed by a click.
    let mut quotes: rustc_hash::FxHashMap<FieldKey, Vec<bool>> = Default::default();
    for f in &mut out {
        if f.span.replacement.is_none() {
            continue;
        }
        let Some(t) = text_of(f) else {
            continue;
        };
        let inside = quotes
            .entry(t.key)
            .or_insert_with(|| inside_quotes(&t.text));
        if inside.get(f.span.start).copied().unwrap_or(false) {
            f.span.replacement = None;
            f.message
                .push_str("「」の中なので、名前の引用ならそのままにしてください。");
        }
    }
    // Document order: by field, then by place in it.
    out.sort_by_cached_key(|f| (order.get(&f.span.key).copied(), f.span.start));
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

#[cfg(test)]
mod tests;
