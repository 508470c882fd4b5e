//! Phrases (文節) of display text, found as Chrome's `word-break: auto-phrase`
//! finds them: with Google's BudouX model for Japanese (`budoux-ja.tsv`, the
//! features and scores of `budoux/models/ja.json` at google/budoux d506395,
//! Apache License 2.0, `assets/budoux/LICENSE`). A heading, a table cell or a
//! 概要版 entry breaks between phrases (安心して／暮らせる／まちづくり), not inside
//! a word (福／祉, 世／帯).
//!
//! The model scores each place between two characters from the characters
//! around it: one, two and three at a time (UW1–UW6, BW1–BW3, TW1–TW4). The
//! `budoux` crate carries the older KNBC model (2021) and builds a string per
//! feature, about 2.4 µs a character; this reads the current one into maps
//! keyed by the characters themselves.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The model: a map per feature, and the sum of all scores (BudouX's base
/// score is minus half of it).
struct Model {
    /// UW1–UW6: the character three before the place … two after.
    unigram: [FxHashMap<char, i32>; 6],
    /// BW1–BW3: the pairs two before, across, and two after.
    bigram: [FxHashMap<[char; 2], i32>; 3],
    /// TW1–TW4: the triples ending before, across and starting at the place.
    trigram: [FxHashMap<[char; 3], i32>; 4],
    total: i64,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut m = Model {
            unigram: Default::default(),
            bigram: Default::default(),
            trigram: Default::default(),
            total: 0,
        };
        for line in include_str!("budoux-ja.tsv").lines() {
            let mut parts = line.split('\t');
            let (Some(feature), Some(key), Some(score)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let Ok(score) = score.parse::<i32>() else {
                continue;
            };
            let mut chars = key.chars();
            let (a, b, c, rest) = (chars.next(), chars.next(), chars.next(), chars.next());
            let n = feature
                .as_bytes()
                .get(2)
                .map_or(0, |d| usize::from(d.wrapping_sub(b'1')));
            let stored = match (feature.get(..2), a, b, c, rest) {
                (Some("UW"), Some(a), None, None, None) if n < 6 => {
                    m.unigram[n].insert(a, score).is_none()
                }
                (Some("BW"), Some(a), Some(b), None, None) if n < 3 => {
                    m.bigram[n].insert([a, b], score).is_none()
                }
                (Some("TW"), Some(a), Some(b), Some(c), None) if n < 4 => {
                    m.trigram[n].insert([a, b, c], score).is_none()
                }
                _ => false,
            };
            if stored {
                m.total += i64::from(score);
            }
        }
        m
    })
}

/// Words the model cuts that a plan uses: nouns of a verb and 手, which it
/// reads as the verb's end and a new phrase (見守りの担い／手を増やす). Each
/// ends in 手.
const KEEP_WHOLE: &[&str] = &[
    "担い手",
    "支え手",
    "受け手",
    "送り手",
    "書き手",
    "聞き手",
    "作り手",
    "買い手",
    "売り手",
    "話し手",
    "読み手",
    "使い手",
    "働き手",
    "守り手",
];

/// `starts[i]`: whether a phrase starts at `chars[i]` (never at 0), as
/// BudouX's parser decides (the scores around the place, less half of all
/// the scores, above zero), never inside a word of [`KEEP_WHOLE`].
pub fn phrase_starts(chars: &[char]) -> Vec<bool> {
    let mut starts = score_places(chars);
    // Each word of the list ends in 手: look only there.
    for end in (0..chars.len()).filter(|&i| chars[i] == '手') {
        for word in KEEP_WHOLE {
            let n = word.chars().count();
            if end + 1 >= n && word.chars().eq(chars[end + 1 - n..=end].iter().copied()) {
                starts[end + 2 - n..=end].fill(false);
            }
        }
    }
    starts
}

/// The places BudouX's model puts a phrase start.
fn score_places(chars: &[char]) -> Vec<bool> {
    let m = model();
    let n = chars.len();
    let mut starts = vec![false; n + 1];
    let at =
        |i: isize| -> Option<char> { usize::try_from(i).ok().and_then(|i| chars.get(i).copied()) };
    for i in 1..n {
        let i = i as isize;
        // Doubled, so half of the total stays a whole number.
        let mut score: i64 = -m.total;
        let mut add = |s: Option<&i32>| score += 2 * i64::from(s.copied().unwrap_or(0));
        for (k, offset) in (-3..=2).enumerate() {
            if let Some(c) = at(i + offset) {
                add(m.unigram[k].get(&c));
            }
        }
        for (k, offset) in (-2..=0).enumerate() {
            if let (Some(a), Some(b)) = (at(i + offset), at(i + offset + 1)) {
                add(m.bigram[k].get(&[a, b]));
            }
        }
        for (k, offset) in (-3..=0).enumerate() {
            if let (Some(a), Some(b), Some(c)) =
                (at(i + offset), at(i + offset + 1), at(i + offset + 2))
            {
                add(m.trigram[k].get(&[a, b, c]));
            }
        }
        starts[i as usize] = score > 0;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let starts = phrase_starts(&chars);
        let mut out: Vec<String> = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if i == 0 || starts[i] {
                out.push(String::new());
            }
            if let Some(last) = out.last_mut() {
                last.push(c);
            }
        }
        out
    }

    /// The phrases BudouX's own parser (budoux/parser.py, the same model)
    /// gives for these titles of the sample and an indicator.
    #[test]
    fn phrases_are_budoux_phrases() {
        for (text, expected) in [
            (
                "だれもが地域で安心して暮らせるまちづくり",
                &["だれもが", "地域で", "安心して", "暮らせる", "まちづくり"][..],
            ),
            (
                "子育てを応援するまちづくり",
                &["子育てを", "応援する", "まちづくり"],
            ),
            (
                "安心して子育てできる環境づくり",
                &["安心して", "子育て", "できる", "環境づくり"],
            ),
            ("見守り活動の推進", &["見守り", "活動の", "推進"]),
            ("10,000世帯以上", &["10,000世帯以上"]),
            // The model alone gives 見守りの担い／手を増やす.
            (
                "見守りの担い手を増やす",
                &["見守りの", "担い手を", "増やす"],
            ),
            (
                "子育てについて相談できる場所があると回答した区民の割合",
                &[
                    "子育てに",
                    "ついて",
                    "相談できる",
                    "場所が",
                    "あると",
                    "回答した",
                    "区民の",
                    "割合",
                ],
            ),
        ] {
            assert_eq!(phrases(text), expected, "{text}");
        }
    }

    #[test]
    fn the_whole_model_is_read() {
        let m = model();
        let entries: usize = m.unigram.iter().map(|u| u.len()).sum::<usize>()
            + m.bigram.iter().map(|b| b.len()).sum::<usize>()
            + m.trigram.iter().map(|t| t.len()).sum::<usize>();
        assert_eq!(entries, 1710);
        assert_eq!(m.total, 3331);
    }
}
