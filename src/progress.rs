//! The review work of the year: for every strategy and initiative, whether its
//! 中間振り返り (autumn) and 自己評価 (June) are written — the answer (①/②), the
//! 所見, and for ② the 課題と改善策. `check` prints the counts and the editor's
//! 振り返りの記入状況 lists the items, so staff see what is still missing.

use crate::model::{ItemId, ItemPath, Plan, Review, ReviewStatus};
use crate::numbering::{self, Part};

/// How far one review is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct State {
    /// ①目標達成, ②目標未達成 or not answered.
    pub status: ReviewStatus,
    /// Whether the 所見 is written.
    pub comment: bool,
    /// Whether the 課題と改善策 is written.
    pub improvement: bool,
}

impl State {
    /// The state of `review`.
    pub fn of(review: &Review) -> State {
        State {
            status: review.status,
            comment: !review.comment.trim().is_empty(),
            improvement: !review.improvement.trim().is_empty(),
        }
    }

    /// Written: answered, with its 所見, and for ② its 課題と改善策.
    pub fn is_done(&self) -> bool {
        self.status != ReviewStatus::Unset
            && self.comment
            && (self.status != ReviewStatus::NotAchieved || self.improvement)
    }

    /// Nothing written at all.
    pub fn is_empty(&self) -> bool {
        self.status == ReviewStatus::Unset && !self.comment && !self.improvement
    }

    /// What a reader sees: 未記入, ①目標達成, ②目標未達成（課題と改善策なし）.
    pub fn label(&self) -> String {
        if self.is_empty() {
            return "未記入".to_owned();
        }
        let mut missing = Vec::new();
        if self.status == ReviewStatus::Unset {
            missing.push("達成・未達成");
        }
        if !self.comment {
            missing.push("所見");
        }
        if self.status == ReviewStatus::NotAchieved && !self.improvement {
            missing.push("課題と改善策");
        }
        let answer = match self.status {
            ReviewStatus::Unset => "記入中",
            status => status.label(),
        };
        if missing.is_empty() {
            answer.to_owned()
        } else {
            format!("{answer}（{}なし）", missing.join("・"))
        }
    }
}

/// One strategy or initiative with its two reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Where it is.
    pub at: ItemPath,
    /// Its identity (the form to open).
    pub id: ItemId,
    /// 戦略【1-1】, 具体的取組【1-1-1】.
    pub name: String,
    /// Its title.
    pub title: String,
    /// 中間振り返り.
    pub interim: State,
    /// 自己評価.
    pub evaluation: State,
}

/// Every strategy and initiative, in document order.
pub fn entries(plan: &Plan) -> Vec<Entry> {
    numbering::outline(plan)
        .into_iter()
        .filter_map(|item| {
            let (interim, evaluation) = match item.part {
                Part::Strategy(s) => (&s.interim_review, &s.self_evaluation),
                Part::Initiative(i) => (&i.interim_review, &i.self_evaluation),
                Part::Issue(_) => return None,
            };
            Some(Entry {
                at: item.path,
                id: item.part.id(),
                name: item.name(),
                title: item.title().trim().to_owned(),
                interim: State::of(interim),
                evaluation: State::of(evaluation),
            })
        })
        .collect()
}

/// How many of the entries have each review written: (中間振り返り, 自己評価),
/// each as (written, all).
pub fn counts(entries: &[Entry]) -> ((usize, usize), (usize, usize)) {
    let all = entries.len();
    let done = |f: fn(&Entry) -> State| entries.iter().filter(|e| f(e).is_done()).count();
    ((done(|e| e.interim), all), (done(|e| e.evaluation), all))
}

/// 中間振り返り 3/10 記入済み、自己評価 0/10 記入済み.
pub fn summary(entries: &[Entry]) -> String {
    let ((i, n), (e, _)) = counts(entries);
    format!("中間振り返り {i}/{n} 記入済み、自己評価 {e}/{n} 記入済み")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(status: ReviewStatus, comment: &str, improvement: &str) -> Review {
        Review {
            status,
            comment: comment.to_owned(),
            improvement: improvement.to_owned(),
        }
    }

    #[test]
    fn a_review_is_written_when_answered_with_its_comment_and_for_2_its_remedy() {
        use ReviewStatus::*;
        for (r, done, label) in [
            (review(Unset, "", ""), false, "未記入"),
            (review(Achieved, "順調", ""), true, "①目標達成"),
            (review(Achieved, "", ""), false, "①目標達成（所見なし）"),
            (
                review(NotAchieved, "遅れた", ""),
                false,
                "②目標未達成（課題と改善策なし）",
            ),
            (review(NotAchieved, "遅れた", "見直す"), true, "②目標未達成"),
            (
                review(Unset, "途中", ""),
                false,
                "記入中（達成・未達成なし）",
            ),
        ] {
            let state = State::of(&r);
            assert_eq!((state.is_done(), state.label()), (done, label.to_owned()));
        }
    }

    #[test]
    fn the_sample_counts_its_five_strategies_and_five_initiatives() {
        let plan = crate::sample();
        let entries = entries(&plan);
        assert_eq!(entries.len(), 10);
        assert_eq!(entries[0].name, "戦略【1-1】");
        assert_eq!(entries[1].name, "具体的取組【1-1-1】");
    }
}
