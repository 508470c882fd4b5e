//! The headings as one plan prints them: its ward's wording, or the era's standard.

use crate::amount::format_thousand_yen;
use crate::model::fields::Era;
use crate::model::{Heading, Part, Plan, Wording};
use crate::numbering;
use crate::wareki::format_fiscal_year;

/// The headings as this plan prints them: its ward's wording (or the era's
/// standard) with the fiscal year filled in.
pub struct Headings<'a> {
    pub(super) era: Era,
    wording: &'a Wording,
    year: String,
}

impl<'a> Headings<'a> {
    /// The headings of `plan`.
    pub fn of(plan: &'a Plan) -> Headings<'a> {
        Headings {
            era: plan.era(),
            wording: &plan.wording,
            year: format_fiscal_year(plan.fiscal_year),
        }
    }

    pub(super) fn print(&self, heading: Heading, number: &str, title: &str) -> String {
        self.wording
            .print(heading, self.era, &self.year, number, title)
    }

    /// An item's heading as printed: 経営課題2 子育てを…, 【2-1 …】,
    /// 【2-1-2 児童虐待防止対策】(予算額 13,989千円).
    pub fn item(&self, number: &[u32], part: Part<'_>) -> String {
        let label = numbering::label(number);
        match part {
            Part::Issue(issue) => self.print(Heading::Issue, &label, &issue.title),
            Part::Strategy(strategy) => self.print(Heading::Strategy, &label, &strategy.title),
            Part::Initiative(initiative) => {
                let budget = initiative
                    .budget
                    .map(|b| format!("(予算額 {})", format_thousand_yen(b)))
                    .unwrap_or_default();
                let heading = self.print(Heading::Initiative, &label, &initiative.title);
                format!("{heading}{budget}")
            }
        }
    }
}
