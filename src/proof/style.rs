//! 文体の混在: a plan's sentences written in one style, the plain である体 or
//! the polite です・ます体 (公用文作成の考え方: one document, one style). The
//! style most of its sentences use is the plan's; each sentence in the other
//! is named. The revision note (…反映しています。) speaks to the reader, apart
//! from the plan, and quotations (「…しましょう。」) are someone else's words:
//! neither counts.

use super::lookup::inside_quotes;
use super::marks::is_prose;
use super::{Finding, Text, rules};

/// Sentence ends of the polite style, longest first.
const POLITE: &[&str] = &[
    "ませんでした",
    "ましょう",
    "でしょう",
    "ください",
    "ました",
    "でした",
    "ません",
    "です",
    "ます",
];

/// Sentence ends of the plain style, longest first; checked after [`POLITE`]
/// (ません ends in ん, not ない).
const PLAIN: &[&str] = &[
    "であった",
    "である",
    "だった",
    "ではない",
    "かった",
    "ない",
    "だ",
    "る",
    "た",
];

/// A sentence's end in one style: text `text`, characters `start..end`.
struct End {
    text: usize,
    start: usize,
    end: usize,
    polite: bool,
}

pub(super) fn mixed_styles(texts: &[Text<'_>], out: &mut Vec<Finding>) {
    let mut ends = Vec::new();
    for (n, t) in texts.iter().enumerate() {
        if !is_prose(t.field) || t.field == &crate::model::fields::REVISION_NOTE {
            continue;
        }
        if !t.text.contains('。') {
            continue;
        }
        let chars: Vec<char> = t.text.chars().collect();
        let quoted = inside_quotes(&t.text);
        for (i, _) in chars
            .iter()
            .enumerate()
            .filter(|&(i, &c)| c == '。' && !quoted[i])
        {
            let before: String = chars[i.saturating_sub(6)..i].iter().collect();
            let style = POLITE
                .iter()
                .find(|m| before.ends_with(*m))
                .map(|m| (m, true))
                .or_else(|| {
                    PLAIN
                        .iter()
                        .find(|m| before.ends_with(*m))
                        .map(|m| (m, false))
                });
            if let Some((marker, polite)) = style {
                ends.push(End {
                    text: n,
                    start: i - marker.chars().count(),
                    end: i,
                    polite,
                });
            }
        }
    }
    let polite = ends.iter().filter(|e| e.polite).count();
    let plain = ends.len() - polite;
    if polite == 0 || plain == 0 {
        return;
    }
    // The plan's style is the one most sentences use; on a tie, the first.
    let plan_polite = polite > plain || (polite == plain && ends[0].polite);
    let (ours, theirs) = if plan_polite {
        ("「です・ます」", "「である」")
    } else {
        ("「である」", "「です・ます」")
    };
    for e in ends.iter().filter(|e| e.polite != plan_polite) {
        let t = &texts[e.text];
        let found: String = t.text.chars().skip(e.start).take(e.end - e.start).collect();
        // The sentence's last words, so the message says which sentence.
        let tail: String = {
            let before: Vec<char> = t.text.chars().take(e.end).collect();
            let from = before[..e.start]
                .iter()
                .rposition(|&c| "。、\n".contains(c))
                .map_or(0, |n| n + 1)
                .max(e.end.saturating_sub(12));
            before[from..].iter().collect()
        };
        let message = format!(
            "{}の「…{tail}。」: この計画の文は{ours}の書き方が多く（{ours} {}・{theirs} {}）、この文は{theirs}です。文体をそろえましょう。",
            t.name,
            polite.max(plain),
            polite.min(plain),
        );
        out.push(t.finding(rules::STYLE, (e.start, e.end), found, message, None));
    }
}
