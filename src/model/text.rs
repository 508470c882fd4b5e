//! Every text of a plan, to edit in place: what the loader uses to clean the
//! text it read (line ends from mail clients).

use super::fields::{self as f, Field};
use super::{Plan, Review};

impl Plan {
    /// The plan's own one-text field `field` (not a list entry, not an item's):
    /// the one table of them that editing, merging and import all use.
    pub fn text_mut(&mut self, field: &Field) -> Option<&mut String> {
        [
            (f::WARD, &mut self.ward),
            (f::OFFICE, &mut self.office),
            (f::GOAL, &mut self.goal),
            (f::MISSION, &mut self.mission),
            (f::POLICY_LEAD, &mut self.policy_lead),
            (f::POLICY_CLOSING, &mut self.policy_closing),
            (f::OVERALL_EVALUATION, &mut self.overall_evaluation),
            (f::FUTURE_DIRECTION, &mut self.future_direction),
        ]
        .into_iter()
        .find(|(k, _)| k == field)
        .map(|(_, v)| v)
    }

    /// Calls `f` on every text field of the plan, items and lists included.
    pub fn each_text_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        for text in [
            &mut self.ward,
            &mut self.office,
            &mut self.goal,
            &mut self.mission,
            &mut self.policy_lead,
            &mut self.policy_closing,
            &mut self.overall_evaluation,
            &mut self.future_direction,
        ] {
            f(text);
        }
        self.policy.iter_mut().for_each(&mut *f);
        self.revisions.iter_mut().for_each(|r| f(&mut r.note));
        let c = &mut self.contact;
        for text in [
            &mut c.section,
            &mut c.postal_code,
            &mut c.address,
            &mut c.phone,
            &mut c.fax,
            &mut c.email,
        ] {
            f(text);
        }
        for heading in super::Heading::ALL {
            f(self.wording.get_mut(heading));
        }
        for list in super::writing::List::ALL {
            self.writing.list_mut(list).iter_mut().for_each(&mut *f);
        }
        let review = |r: &mut Review, f: &mut dyn FnMut(&mut String)| {
            f(&mut r.comment);
            f(&mut r.improvement);
        };
        for issue in &mut self.issues {
            for text in [
                &mut issue.title,
                &mut issue.description,
                &mut issue.vision,
                &mut issue.current_state,
                &mut issue.cause_analysis,
                &mut issue.challenge,
            ] {
                f(text);
            }
            for strategy in &mut issue.strategies {
                for text in [
                    &mut strategy.title,
                    &mut strategy.text,
                    &mut strategy.target_state,
                ] {
                    f(text);
                }
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
                review(&mut strategy.interim_review, f);
                review(&mut strategy.self_evaluation, f);
                for initiative in &mut strategy.initiatives {
                    for text in [
                        &mut initiative.title,
                        &mut initiative.text,
                        &mut initiative.past_results,
                        &mut initiative.performance_target,
                    ] {
                        f(text);
                    }
                    review(&mut initiative.interim_review, f);
                    review(&mut initiative.self_evaluation, f);
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
