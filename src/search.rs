//! 検索と置換: finding a text in every text field of the plan, empty ones included
//! (the field walk), each hit named as warnings name fields (経営課題2の名称),
//! and replacing one hit or all of them. No egui here: the window's search bar
//! draws what this finds.
//!
//! Positions count characters, as the editor's cursor does. The loose match
//! (全角・半角を区別しない) folds full-width letters, digits and signs and the
//! ideographic space onto their half-width forms, and letters onto lower case:
//! each character folds to one character, so positions stay the same.

use crate::model::address::{self, FieldKey, splice};
use crate::model::fields::Field;
use crate::model::walk::{self, Value};
use crate::model::{ItemPath, Plan};

/// What to look for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The text typed in 検索.
    pub text: String,
    /// Whether full-width and half-width (and upper and lower case) count as the same.
    pub loose: bool,
}

/// One place where the text was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The field's address.
    pub key: FieldKey,
    /// The item the field is in.
    pub at: ItemPath,
    /// The field in the vocabulary.
    pub field: &'static Field,
    /// What a reader calls the field: 戦略【2-1】の内容.
    pub name: String,
    /// The first character found, counted in characters.
    pub start: usize,
    /// One past the last character found.
    pub end: usize,
    /// A few characters before the hit, for the result list.
    pub before: String,
    /// The characters found, as written.
    pub found: String,
    /// A few characters after.
    pub after: String,
}

/// Characters of context shown on each side of a hit.
const CONTEXT: usize = 12;

/// One character folded for the loose match.
fn fold(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        c => crate::wareki::half_width(c).to_ascii_lowercase(),
    }
}

/// Where `needle` occurs in `text`, as character ranges, not overlapping.
pub fn matches(text: &str, query: &Query) -> Vec<(usize, usize)> {
    let prepare = |s: &str| -> Vec<char> {
        if query.loose {
            s.chars().map(fold).collect()
        } else {
            s.chars().collect()
        }
    };
    let needle = prepare(&query.text);
    if needle.is_empty() {
        return Vec::new();
    }
    let hay = prepare(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            out.push((i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Every hit in the plan, in document order.
pub fn find(plan: &Plan, query: &Query) -> Vec<Hit> {
    let mut out = Vec::new();
    for field in walk::fields(plan) {
        let Value::Text(text) = &field.value else {
            continue;
        };
        if field.is_setting() {
            continue;
        }
        let found = matches(text, query);
        if found.is_empty() {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let key = field.key();
        for (start, end) in found {
            let from = start.saturating_sub(CONTEXT);
            let to = (end + CONTEXT).min(chars.len());
            let line = |a: usize, b: usize| -> String {
                chars[a..b]
                    .iter()
                    .map(|&c| if c == '\n' { ' ' } else { c })
                    .collect()
            };
            out.push(Hit {
                key,
                at: field.at,
                field: field.field,
                name: field.name.clone(),
                start,
                end,
                before: line(from, start),
                found: line(start, end),
                after: line(end, to),
            });
        }
    }
    out
}

/// Replaces one hit, if its field still holds the text there. True when it did.
pub fn replace_one(plan: &mut Plan, query: &Query, hit: &Hit, with: &str) -> bool {
    let Some(text) = address::text_mut(plan, &hit.key) else {
        return false;
    };
    if !matches(text, query).contains(&(hit.start, hit.end)) {
        return false;
    }
    splice(text, hit.start, hit.end, with);
    true
}

/// Replaces every hit in the plan; returns how many.
pub fn replace_all(plan: &mut Plan, query: &Query, with: &str) -> usize {
    let hits = find(plan, query);
    let mut count = 0;
    // Last first, so the earlier positions in a field stay right.
    for hit in hits.iter().rev() {
        if let Some(text) = address::text_mut(plan, &hit.key) {
            splice(text, hit.start, hit.end, with);
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Plan {
        crate::sample()
    }

    fn q(text: &str, loose: bool) -> Query {
        Query {
            text: text.to_owned(),
            loose,
        }
    }

    #[test]
    fn finds_in_character_positions() {
        assert_eq!(
            matches("こどもとこども", &q("こども", false)),
            [(0, 3), (4, 7)]
        );
        assert_eq!(matches("ああああ", &q("ああ", false)), [(0, 2), (2, 4)]);
        assert_eq!(matches("ＡＢＣ１２３", &q("abc123", false)), []);
        assert_eq!(matches("ＡＢＣ１２３", &q("abc123", true)), [(0, 6)]);
        assert_eq!(matches("2023年", &q("２０２３", true)), [(0, 4)]);
        assert_eq!(matches("何か", &q("", false)), []);
    }

    #[test]
    fn hits_are_named_by_the_vocabulary() {
        let plan = sample();
        let hits = find(&plan, &q("こども", false));
        assert!(!hits.is_empty());
        for hit in &hits {
            let mut copy = plan.clone();
            let text = address::text_mut(&mut copy, &hit.key).expect("field");
            let found: String = text
                .chars()
                .skip(hit.start)
                .take(hit.end - hit.start)
                .collect();
            assert_eq!(found, "こども", "{}", hit.name);
        }
        assert!(
            hits.iter().any(|h| h.name.starts_with("戦略【")),
            "{hits:?}"
        );
    }

    #[test]
    fn replace_all_then_nothing_is_left() {
        let mut plan = sample();
        let query = q("こども", false);
        let before = find(&plan, &query).len();
        let replaced = replace_all(&mut plan, &query, "子ども");
        assert_eq!(replaced, before);
        assert!(find(&plan, &query).is_empty());
        assert!(find(&plan, &q("子ども", false)).len() >= before);
    }

    #[test]
    fn replace_one_checks_the_text_is_still_there() {
        let mut plan = sample();
        let query = q("区民", false);
        let hit = find(&plan, &query).remove(0);
        assert!(replace_one(&mut plan, &query, &hit, "住民"));
        assert!(
            !replace_one(&mut plan, &query, &hit, "x"),
            "the hit moved on"
        );
    }
}
