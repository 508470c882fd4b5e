//! Every text of a plan, to edit in place: each part's one table of its text
//! fields, reached by field key, and every text at once (what the loader uses
//! to clean the text it read: line ends from mail clients).

use super::fields::{self as f, Field};
use super::{Contact, Initiative, Issue, PartMut, Plan, Review, Strategy};

/// A text field found by its vocabulary key among `texts`.
fn find<'a, const N: usize>(
    texts: [(&'static Field, &'a mut String); N],
    key: &str,
) -> Option<&'a mut String> {
    texts
        .into_iter()
        .find(|(f, _)| f.key == key)
        .map(|(_, t)| t)
}

// The one table per part of its one-text fields, with their vocabulary entries:
// what editing, merging, search's replace, import and the loader's cleaning
// all use to reach a text by its field.

impl Plan {
    fn own_texts_mut(&mut self) -> [(&'static Field, &mut String); 8] {
        [
            (&f::WARD, &mut self.ward),
            (&f::OFFICE, &mut self.office),
            (&f::GOAL, &mut self.goal),
            (&f::MISSION, &mut self.mission),
            (&f::POLICY_LEAD, &mut self.policy_lead),
            (&f::POLICY_CLOSING, &mut self.policy_closing),
            (&f::OVERALL_EVALUATION, &mut self.overall_evaluation),
            (&f::FUTURE_DIRECTION, &mut self.future_direction),
        ]
    }

    /// The plan's own one-text field with key `key` (not a list entry, not an
    /// item's).
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        find(self.own_texts_mut(), key)
    }

    /// Calls `f` on every text field of the plan, items and lists included.
    pub fn each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        self.own_texts_mut().into_iter().for_each(|(_, t)| f(t));
        self.policy.iter_mut().for_each(&mut *f);
        self.revisions.iter_mut().for_each(|r| f(&mut r.note));
        self.contact.texts_mut().into_iter().for_each(|(_, t)| f(t));
        for heading in super::Heading::ALL {
            f(self.wording.get_mut(heading));
        }
        for list in super::writing::List::ALL {
            self.writing.list_mut(list).iter_mut().for_each(&mut *f);
        }
        let reviews = |a: &mut Review, b: &mut Review, f: &mut dyn FnMut(&mut String)| {
            a.texts_mut().into_iter().for_each(|(_, t)| f(t));
            b.texts_mut().into_iter().for_each(|(_, t)| f(t));
        };
        for issue in &mut self.issues {
            issue.texts_mut().into_iter().for_each(|(_, t)| f(t));
            for strategy in &mut issue.strategies {
                strategy.texts_mut().into_iter().for_each(|(_, t)| f(t));
                for indicator in &mut strategy.indicators {
                    for text in [
                        &mut indicator.name,
                        &mut indicator.target,
                        &mut indicator.unit,
                        &mut indicator.period,
                    ] {
                        f(text);
                    }
                    for result in &mut indicator.results {
                        f(&mut result.value);
                        f(&mut result.grade);
                    }
                }
                reviews(
                    &mut strategy.interim_review,
                    &mut strategy.self_evaluation,
                    f,
                );
                for initiative in &mut strategy.initiatives {
                    initiative.texts_mut().into_iter().for_each(|(_, t)| f(t));
                    let k = initiative;
                    reviews(&mut k.interim_review, &mut k.self_evaluation, f);
                }
            }
        }
    }
}

impl Contact {
    fn texts_mut(&mut self) -> [(&'static Field, &mut String); 6] {
        [
            (&f::CONTACT_SECTION, &mut self.section),
            (&f::CONTACT_POSTAL_CODE, &mut self.postal_code),
            (&f::CONTACT_ADDRESS, &mut self.address),
            (&f::CONTACT_PHONE, &mut self.phone),
            (&f::CONTACT_FAX, &mut self.fax),
            (&f::CONTACT_EMAIL, &mut self.email),
        ]
    }

    /// The contact line with key `key` (section, phone, …).
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        find(self.texts_mut(), key)
    }
}

impl Issue {
    fn texts_mut(&mut self) -> [(&'static Field, &mut String); 6] {
        [
            (&f::TITLE, &mut self.title),
            (&f::DESCRIPTION, &mut self.description),
            (&f::VISION, &mut self.vision),
            (&f::CURRENT_STATE, &mut self.current_state),
            (&f::CAUSE_ANALYSIS, &mut self.cause_analysis),
            (&f::CHALLENGE, &mut self.challenge),
        ]
    }

    /// The issue's own text with key `key` (title, description, …).
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        find(self.texts_mut(), key)
    }
}

impl Strategy {
    fn texts_mut(&mut self) -> [(&'static Field, &mut String); 3] {
        [
            (&f::TITLE, &mut self.title),
            (&f::STRATEGY_TEXT, &mut self.text),
            (&f::TARGET_STATE, &mut self.target_state),
        ]
    }

    /// The strategy's own text with key `key` (title, text, target_state).
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        find(self.texts_mut(), key)
    }
}

impl Initiative {
    fn texts_mut(&mut self) -> [(&'static Field, &mut String); 4] {
        [
            (&f::TITLE, &mut self.title),
            (&f::INITIATIVE_TEXT, &mut self.text),
            (&f::PAST_RESULTS, &mut self.past_results),
            (&f::PERFORMANCE_TARGET, &mut self.performance_target),
        ]
    }

    /// The initiative's own text with key `key` (title, text, …).
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        find(self.texts_mut(), key)
    }
}

impl<'a> PartMut<'a> {
    /// The item's own text with key `key`.
    pub fn text_mut(self, key: &str) -> Option<&'a mut String> {
        match self {
            PartMut::Issue(issue) => issue.text_mut(key),
            PartMut::Strategy(strategy) => strategy.text_mut(key),
            PartMut::Initiative(initiative) => initiative.text_mut(key),
        }
    }

    /// The item's review that the group key `group` names (中間振り返り,
    /// 自己評価); an issue has none.
    pub fn review_mut(self, group: &str) -> Option<&'a mut Review> {
        let (interim, evaluation) = match self {
            PartMut::Issue(_) => return None,
            PartMut::Strategy(s) => (&mut s.interim_review, &mut s.self_evaluation),
            PartMut::Initiative(k) => (&mut k.interim_review, &mut k.self_evaluation),
        };
        if group == f::INTERIM_REVIEW.key {
            Some(interim)
        } else if group == f::SELF_EVALUATION.key {
            Some(evaluation)
        } else {
            None
        }
    }
}

impl Review {
    fn texts_mut(&mut self) -> [(&'static Field, &mut String); 2] {
        [
            (&f::REVIEW_COMMENT, &mut self.comment),
            (&f::REVIEW_IMPROVEMENT, &mut self.improvement),
        ]
    }

    /// The review's text with key `key` (comment, improvement).
    pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
        find(self.texts_mut(), key)
    }
}

/// Whether `c` may stand in a plan's text: any character but the control
/// characters, of which only tab and line end are text.
pub fn is_allowed(c: char) -> bool {
    !c.is_control() || c == '\t' || c == '\n'
}

/// Whether `c` is a line end as other programs write one: CR, Word's manual
/// line break (vertical tab, U+000B) and the form feed.
pub fn is_line_end(c: char) -> bool {
    matches!(c, '\r' | '\u{b}' | '\u{c}')
}

/// Text pasted, typed or imported, as the plan keeps it: CRLF and the other
/// line ends as `\n`, other control characters (a NUL, a stray escape) left
/// out. `None` when it is clean already.
pub fn clean(text: &str) -> Option<String> {
    if text.chars().all(is_allowed) {
        return None;
    }
    let text = text.replace("\r\n", "\n");
    Some(
        text.chars()
            .map(|c| if is_line_end(c) { '\n' } else { c })
            .filter(|c| is_allowed(*c))
            .collect(),
    )
}

/// The ordinary ideograph a look-alike stands for: a Kangxi radical
/// (U+2F00–2FDF: 「⽅」 for 方, 「⽇」 for 日), a CJK compatibility ideograph
/// (U+F900–FAFF, U+2F800–2FA1F), or one of the radical forms that text copied
/// from PDFs carries. They print the same and defeat search, 校正 and dates.
pub fn ordinary(c: char) -> Option<char> {
    let code = u32::from(c);
    let unified = |c: char| {
        let mut out = None;
        let mut count = 0;
        unicode_normalization::char::decompose_compatible(c, |d| {
            out = Some(d);
            count += 1;
        });
        out.filter(|&d| count == 1 && d != c)
    };
    match code {
        0x2F00..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F => unified(c),
        // CJK Radicals Supplement: Unicode gives only ⺟ and ⻳ an equivalence;
        // these are the forms PDF text extraction is known to produce.
        0x2E80..=0x2EFF => match c {
            '⺟' => Some('母'),
            '⺠' => Some('民'),
            '⻄' => Some('西'),
            '⻑' => Some('長'),
            '⻘' => Some('青'),
            '⻝' => Some('食'),
            '⻤' => Some('鬼'),
            '⻩' => Some('黄'),
            '⻫' => Some('斉'),
            '⻭' => Some('歯'),
            '⻯' => Some('竜'),
            '⻲' => Some('亀'),
            _ => None,
        },
        _ => None,
    }
}

/// `text` with every look-alike (see [`ordinary`]) made ordinary, and how many
/// there were; `None` when there were none.
pub fn ordinary_text(text: &str) -> Option<(String, usize)> {
    if !text.chars().any(|c| ordinary(c).is_some()) {
        return None;
    }
    let mut count = 0;
    let text = text
        .chars()
        .map(|c| match ordinary(c) {
            Some(o) => {
                count += 1;
                o
            }
            None => c,
        })
        .collect();
    Some((text, count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_become_ordinary_ideographs() {
        // As copied from the 平成29年度 大正区 PDF: Kangxi radicals.
        assert_eq!(
            ordinary_text("運営⽅針 平成29年4⽉1⽇ ⾰新 ⽬標"),
            Some(("運営方針 平成29年4月1日 革新 目標".to_owned(), 5))
        );
        // Compatibility ideographs (U+F9xx, U+FAxx) and a radical form.
        assert_eq!(ordinary('\u{F9DC}'), Some('隆'));
        assert_eq!(ordinary('⻑'), Some('長'));
        // Ordinary text, and the twelve unified ideographs in the compatibility block.
        assert_eq!(ordinary_text("方針と﨑"), None);
        assert_eq!(ordinary('方'), None);
    }

    #[test]
    fn pasted_line_ends_become_newlines_and_other_controls_go() {
        assert_eq!(
            clean("一行目\u{b}二行目\r\n三行目\r四"),
            Some("一行目\n二行目\n三行目\n四".to_owned())
        );
        assert_eq!(clean("a\u{0}b\u{1b}c\u{7f}"), Some("abc".to_owned()));
        assert_eq!(clean("タブ\tと改行\nはそのまま"), None);
    }
}
