//! The word lists looked up: every word of [`GROUPS`] and [`SETTLED`] found
//! in one pass per field by one automaton (aho-corasick), then judged — a
//! word spelt several ways (表記ゆれ) against the ward's choice or the
//! majority, a settled spelling (送り仮名, か所) against its right form.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::marks::{is_ideograph, is_number};
use super::words::{Before, GROUPS, NOT_FORMAL, Rule, SETTLED, Then};
use super::{Finding, Text, rules, words};
use crate::model::Writing;

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy)]
pub(super) enum Pattern {
    /// Form `form` of group `group`.
    Group { group: usize, form: usize },
    /// Entry `n` of [`SETTLED`].
    Settled(usize),
    /// The right form of a settled okurigana (取組), counted for the message.
    Right(&'static str),
    /// A word found only so that no shorter one is found inside it (申し訳).
    Word,
}

/// The automaton over every word of the lists, made once.
pub(super) fn automaton() -> &'static (AhoCorasick, Vec<Pattern>) {
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
        for word in NOT_FORMAL {
            words.push(word);
            patterns.push(Pattern::Word);
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

/// A word found: where (bytes and characters) and what it is.
pub(super) struct Hit {
    text: usize,
    pattern: Pattern,
    /// Bytes of the text.
    start: usize,
    end: usize,
    /// The same, in characters.
    chars: (usize, usize),
}

/// The ward's words to keep (直さない言葉), found in a text in one pass.
pub(super) struct Keep(Option<AhoCorasick>);

use super::KEEP_WORD_MAX_CHARS;

impl Keep {
    pub(super) fn new(words: &[String]) -> Keep {
        let words: Vec<&str> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty() && w.chars().nth(KEEP_WORD_MAX_CHARS).is_none())
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
    pub(super) fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.0 else {
            return Vec::new();
        };
        let mut chars = CharCount::new(text);
        ac.find_iter(text)
            .map(|m| (chars.at(m.start()), chars.at(m.end())))
            .collect()
    }
}

/// Character positions of byte offsets into a text, asked in increasing order
/// (as matches come): each character is counted once, so a field of 100,000
/// findings is not counted from its start 100,000 times.
pub(super) struct CharCount<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCount<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        CharCount {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The character position of byte `byte`, which is at or after the last asked.
    pub(super) fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            // Out of order: count from the start (never the case for matches).
            return self.text[..byte].chars().count();
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The words of the lists: 表記ゆれ by the ward's choice or the majority, and
/// the spellings the rules settle.
pub(super) fn word_findings(texts: &[Text<'_>], choices: &Writing, out: &mut Vec<Finding>) {
    let (ac, patterns) = automaton();
    let mut hits = Vec::new();
    for (n, t) in texts.iter().enumerate() {
        let mut chars = CharCount::new(&t.text);
        for m in ac.find_iter(t.text.as_ref()) {
            let (start, end) = (chars.at(m.start()), chars.at(m.end()));
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
                if !settled_here(s, before, &t.text[hit.end..]) {
                    continue;
                }
                let (rule, why) = match s.rule {
                    Rule::Okurigana => (rules::OKURIGANA, "名詞の送り仮名は公用文の書き方で"),
                    Rule::Kana => (rules::KANA, "公用文ではかなで"),
                    Rule::Formal => (
                        rules::FORMAL,
                        "言葉の働きだけの名詞（形式名詞）は公用文ではかなで",
                    ),
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
            Pattern::Right(_) | Pattern::Word => {}
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

/// Whether a settled spelling found after `before` and before `rest` is the
/// word its rule is about: a counter after a number, a conjunction at the start
/// of a clause, a formal noun after the words modifying it and not going on
/// into a longer word.
fn settled_here(s: &words::Settled, before: Option<char>, rest: &str) -> bool {
    let next = rest.chars().next();
    let before_ok = match s.before {
        Before::Any => true,
        Before::Number => before.is_some_and(is_number),
        Before::Modifier => before.is_some_and(is_hiragana),
        Before::SentenceStart => {
            before.is_none_or(|c| c.is_whitespace() || "。、「（『".contains(c))
        }
        Before::NotKanji => !before.is_some_and(|c| is_ideograph(c) || c == '々'),
    };
    before_ok
        && match s.then {
            Then::Any => true,
            Then::NounEnd => next.is_none_or(|c| words::NOUN_FOLLOWERS.contains(&c)),
            Then::NotKanji => !next.is_some_and(|c| {
                is_ideograph(c) || c == '々' || ('\u{30a1}'..='\u{30ff}').contains(&c)
            }),
            Then::OneOf(words) => words.iter().any(|w| rest.starts_with(w)),
        }
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c)
}

/// For each character of `text` (and its end), whether it is inside 「…」:
/// counted once per text, not once per finding.
pub(super) fn inside_quotes(text: &str) -> Vec<bool> {
    let mut depth = 0i32;
    let mut inside = Vec::with_capacity(text.len() / 3 + 1);
    for c in text.chars() {
        inside.push(depth > 0);
        match c {
            '「' => depth += 1,
            '」' => depth -= 1,
            _ => {}
        }
    }
    inside.push(depth > 0);
    inside
}

/// The form used most; the first in the list on a tie.
pub(super) fn majority(counts: &[usize]) -> usize {
    let mut best = 0;
    for (f, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = f;
        }
    }
    best
}
