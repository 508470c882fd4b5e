//! What follows from a plan: budget totals, and next year's plan started from it.

use super::{Issue, Plan, Review, Strategy};

impl Plan {
    /// Next year's plan, started from this one: the fiscal year plus one, the same
    /// goal, mission, policy, issues, strategies, initiatives, numbers, texts and
    /// budgets to revise; this year's reviews, overall evaluation, publication date and
    /// update notes cleared. Indicator results stay: each is labelled with its year.
    /// Every item keeps its identity, so next year's plan compares with this one.
    pub fn carry_forward(&self) -> Self {
        let mut next = self.clone();
        next.fiscal_year = self.fiscal_year.saturating_add(1);
        // Next year's plan starts as the 素案 the council sees in autumn.
        next.stage = super::Stage::Draft;
        next.page_date = None;
        next.revisions.clear();
        next.sent = None;
        next.overall_evaluation.clear();
        next.future_direction.clear();
        for strategy in next.issues.iter_mut().flat_map(|i| i.strategies.iter_mut()) {
            strategy.interim_review = Review::default();
            strategy.self_evaluation = Review::default();
            for initiative in &mut strategy.initiatives {
                initiative.interim_review = Review::default();
                initiative.self_evaluation = Review::default();
            }
        }
        next
    }

    /// The sum of the budgets of all initiatives, in 千円.
    pub fn budget_total(&self) -> u64 {
        saturating_sum(self.issues.iter().map(Issue::budget_total))
    }

    /// Adds last year's 自己評価 of each initiative (its 所見) to the same
    /// initiative's 前年度までの実績 here, after what is there, headed by last
    /// year: 「令和4年度: …」. Only when asked (next year's plan offers it).
    /// Returns how many initiatives got one.
    pub fn copy_evaluations_from(&mut self, last: &Plan) -> usize {
        let year = crate::wareki::format_fiscal_year(last.fiscal_year);
        let mut count = 0;
        for initiative in self
            .issues
            .iter_mut()
            .flat_map(|i| i.strategies.iter_mut())
            .flat_map(|s| s.initiatives.iter_mut())
        {
            let Some(before) = last.initiatives().find(|i| i.id == initiative.id) else {
                continue;
            };
            let comment = before.self_evaluation.comment.trim();
            if comment.is_empty() {
                continue;
            }
            let results = &mut initiative.past_results;
            if !results.trim().is_empty() {
                results.push('\n');
            }
            results.push_str(&format!("{year}: {comment}"));
            count += 1;
        }
        count
    }

    /// How many initiatives have a 自己評価 with a 所見 (what
    /// [`Plan::copy_evaluations_from`] would copy).
    pub fn evaluations_to_copy(&self) -> usize {
        self.initiatives()
            .filter(|i| !i.self_evaluation.comment.trim().is_empty())
            .count()
    }
}

impl Issue {
    /// The sum of the budgets of this issue's initiatives, in 千円.
    pub fn budget_total(&self) -> u64 {
        saturating_sum(self.strategies.iter().map(Strategy::budget_total))
    }
}

impl Strategy {
    /// The sum of the budgets of this strategy's initiatives, in 千円.
    pub fn budget_total(&self) -> u64 {
        saturating_sum(self.initiatives.iter().filter_map(|i| i.budget))
    }
}

/// A sum that stops at the largest number instead of overflowing: a file may hold
/// any budget, and a total must never crash the editor or the export.
fn saturating_sum(values: impl Iterator<Item = u64>) -> u64 {
    values.fold(0, u64::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, Initiative, ReviewStatus, YearResult};

    #[test]
    fn carry_forward_keeps_the_plan_and_clears_the_year() {
        let mut plan = crate::sample();
        let review = Review {
            status: ReviewStatus::NotAchieved,
            comment: "未達".to_owned(),
            improvement: "改善する".to_owned(),
        };
        let strategy = &mut plan.issues[0].strategies[0];
        strategy.self_evaluation = review.clone();
        strategy.initiatives[0].interim_review = review;
        strategy.indicators.push(Indicator {
            name: "割合".to_owned(),
            results: vec![YearResult {
                fiscal_year: 2022,
                value: "76%".to_owned(),
                grade: "B".to_owned(),
            }],
            ..Indicator::default()
        });
        plan.overall_evaluation = "順調".to_owned();

        assert_eq!(
            plan.stage,
            crate::model::Stage::Adopted,
            "no stage in the file"
        );
        let next = plan.carry_forward();
        assert_eq!(next.fiscal_year, 2023);
        assert_eq!(
            next.stage,
            crate::model::Stage::Draft,
            "next year starts as 素案"
        );
        assert_eq!((next.page_date, next.revisions.len()), (None, 0));
        assert!(next.overall_evaluation.is_empty());
        let s = &next.issues[0].strategies[0];
        assert!(s.self_evaluation.is_empty() && s.initiatives[0].interim_review.is_empty());
        assert_eq!(s.indicators[0].results.len(), 1);
        assert_eq!(next.goal, plan.goal);
        // Last year's 自己評価 goes into 前年度までの実績 only when asked.
        assert_eq!(next.issues[0].strategies[0].initiatives[0].past_results, "");
        let mut copied = next.clone();
        plan.issues[0].strategies[0].initiatives[0]
            .self_evaluation
            .comment = "参加者が増えた。".to_owned();
        assert_eq!(plan.evaluations_to_copy(), 1);
        assert_eq!(copied.copy_evaluations_from(&plan), 1);
        assert_eq!(
            copied.issues[0].strategies[0].initiatives[0].past_results,
            "令和4年度: 参加者が増えた。"
        );
        assert_eq!(next.parts().len(), plan.parts().len());
        for ((_, a), (_, b)) in next.parts().into_iter().zip(plan.parts()) {
            assert_eq!(a.id(), b.id(), "every item keeps its identity");
        }
        assert_eq!(next.issues[1].strategies[0].initiatives[0].number, Some(2));
        assert_eq!(next.budget_total(), plan.budget_total());
    }

    #[test]
    fn budget_totals_saturate_instead_of_overflowing() {
        let initiative = |budget| Initiative {
            budget: Some(budget),
            ..Initiative::default()
        };
        let mut plan = Plan::new("北区", 2024);
        plan.issues.push(Issue {
            strategies: vec![Strategy {
                initiatives: vec![initiative(u64::MAX), initiative(5), Initiative::default()],
                ..Strategy::default()
            }],
            ..Issue::default()
        });
        assert_eq!(plan.budget_total(), u64::MAX);
        plan.issues[0].strategies[0].initiatives[0].budget = Some(28_523);
        assert_eq!(plan.budget_total(), 28_528);
    }
}
