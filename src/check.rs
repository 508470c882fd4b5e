//! Checks of a loaded plan: counts and budget totals for the summary, and warnings
//! about what a reader of the published plan would stumble on.

mod glyphs;
mod indicators;

use glyphs::bundled;
pub use glyphs::{missing_glyphs, printable};
use indicators::{evaluation_against_results, indicator_warnings, judgement_warnings};

use crate::amount::format_thousand_yen;
use crate::fonts::Face;
use crate::model::fields::{self as f, Field};
use crate::model::walk;
use crate::model::{Indicator, ItemPath, Plan, Review, ReviewStatus};
use crate::numbering::{self, NumberProblem, Numbered, Part};
pub use crate::proof::Span;
use crate::typeset::linebreak::{is_invisible, is_selector};
use crate::typeset::metrics::{FontMetrics, Measure};

/// One thing to look at, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The item the warning is about.
    pub at: ItemPath,
    /// The field concerned, for jumping to it.
    pub field: &'static Field,
    /// What is wrong, in Japanese, naming the item as printed (経営課題2, 【2-1-2】).
    pub message: String,
    /// What sort of warning it is.
    pub kind: Kind,
    /// The characters concerned, for a warning about part of a text.
    pub span: Option<Span>,
}

/// The sorts of warnings, each listed under its own name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Something missing or inconsistent in the plan's content.
    Content,
    /// The writing (表記): spelling, kana, numbers, punctuation (`proof`).
    Writing,
    /// A character the printing fonts lack.
    Glyph,
}

impl Kind {
    /// The name it is listed under.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Content => "内容",
            Kind::Writing => "表記",
            Kind::Glyph => "文字",
        }
    }
}

/// What `ward-plan check` prints and the editor's status bar shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Number of management issues.
    pub issues: usize,
    /// Number of strategies.
    pub strategies: usize,
    /// Number of initiatives.
    pub initiatives: usize,
    /// The sum of all initiative budgets, in 千円.
    pub budget_total: u64,
    /// Per issue: its printed number, title and budget total in 千円.
    pub issue_budgets: Vec<(u32, String, u64)>,
    /// How many reviews are written: 中間振り返り 3/10 記入済み、自己評価 0/10 記入済み.
    pub reviews: String,
    /// Each indicator result with its judgement: 戦略【1-1】の指標1 令和4年度 55.1%
    /// （目標 60%以上）: 未達成（達成率 91.8%）.
    pub indicators: Vec<String>,
    /// Everything [`check`] found.
    pub warnings: Vec<Warning>,
}

/// Counts, totals and warnings for a plan.
pub fn summarize(plan: &Plan) -> Summary {
    Summary {
        issues: plan.issues.len(),
        strategies: plan.strategies().count(),
        initiatives: plan.initiatives().count(),
        budget_total: plan.budget_total(),
        issue_budgets: numbering::numbered(&plan.issues)
            .map(|(n, issue)| (n, issue.title.clone(), issue.budget_total()))
            .collect(),
        reviews: crate::progress::summary(&crate::progress::entries(plan)),
        indicators: indicator_lines(plan),
        warnings: check(plan),
    }
}

/// Every indicator result with its judgement, in document order.
fn indicator_lines(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for item in numbering::outline(plan) {
        let Part::Strategy(strategy) = item.part else {
            continue;
        };
        for (n, indicator) in strategy.indicators.iter().enumerate() {
            let target = format!("{}{}", indicator.target, indicator.unit);
            for ((year, judged), result) in crate::judge::judge_all(indicator)
                .into_iter()
                .zip(&indicator.results)
            {
                let judged = match judged {
                    Ok(j) => j.label(),
                    Err(_) => "判断できません（警告を参照）".to_owned(),
                };
                out.push(format!(
                    "{}の{}{} {} {}（目標 {}）: {judged}",
                    item.name(),
                    f::INDICATORS.label,
                    n + 1,
                    crate::wareki::format_fiscal_year(year),
                    result.value.trim(),
                    target.trim()
                ));
            }
        }
    }
    out
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "経営課題: {}", self.issues)?;
        writeln!(f, "戦略: {}", self.strategies)?;
        writeln!(f, "具体的取組: {}", self.initiatives)?;
        writeln!(f, "予算合計: {}", format_thousand_yen(self.budget_total))?;
        for (n, title, total) in &self.issue_budgets {
            writeln!(f, "  経営課題{n} {title}: {}", format_thousand_yen(*total))?;
        }
        if self.strategies > 0 {
            writeln!(f, "振り返り: {}", self.reviews)?;
        }
        if !self.indicators.is_empty() {
            writeln!(f, "アウトカム指標の達成状況:")?;
            for line in &self.indicators {
                writeln!(f, "  {line}")?;
            }
        }
        if self.warnings.is_empty() {
            writeln!(f, "警告: なし")
        } else {
            writeln!(f, "警告: {}件", self.warnings.len())?;
            for kind in [Kind::Content, Kind::Writing, Kind::Glyph] {
                let of_kind: Vec<&Warning> =
                    self.warnings.iter().filter(|w| w.kind == kind).collect();
                if of_kind.is_empty() {
                    continue;
                }
                writeln!(f, "  {}: {}件", kind.label(), of_kind.len())?;
                for w in of_kind {
                    // A finding in a text says where, as an editor counts: from 1.
                    match &w.span {
                        Some(span) => writeln!(f, "  - {}［{}文字目］", w.message, span.start + 1)?,
                        None => writeln!(f, "  - {}", w.message)?,
                    }
                }
            }
            Ok(())
        }
    }
}

/// Everything worth a warning: the plan's content first, then characters that
/// would not print as typed (the export reports the same).
pub fn check(plan: &Plan) -> Vec<Warning> {
    let mut out = content_warnings(plan);
    out.extend(crate::proof::proofread(plan).into_iter().map(|f| Warning {
        at: f.at,
        field: f.field,
        message: match &f.span.replacement {
            Some(r) => {
                let mut message = f.message;
                message.push_str("（→「");
                message.push_str(r);
                message.push_str("」）");
                message
            }
            None => f.message,
        },
        kind: Kind::Writing,
        span: Some(f.span),
    }));
    if let Some(fonts) = bundled() {
        out.extend(missing_glyphs(plan, fonts));
    }
    out
}

/// Warnings about the plan's content, in document order.
fn content_warnings(plan: &Plan) -> Vec<Warning> {
    let mut out = Warnings(Vec::new());
    let at = ItemPath::Plan;
    if !(1989..=2100).contains(&plan.fiscal_year) {
        out.push(
            at,
            &f::FISCAL_YEAR,
            format!(
                "{} {} が範囲外です（1989〜2100）。",
                f::FISCAL_YEAR.label,
                plan.fiscal_year
            ),
        );
    }
    for (field, value) in [
        (&f::WARD, &plan.ward),
        (&f::GOAL, &plan.goal),
        (&f::MISSION, &plan.mission),
    ] {
        if value.trim().is_empty() {
            out.push(at, field, format!("{}が空です。", field.label));
        }
    }
    let policy = f::POLICY.label;
    let paragraphs = !plan.policy_lead.trim().is_empty() || !plan.policy_closing.trim().is_empty();
    if plan.policy.iter().all(|p| p.trim().is_empty()) && !paragraphs {
        out.push(at, &f::POLICY, format!("{policy}が一つもありません。"));
    } else if plan.policy.iter().any(|p| p.trim().is_empty()) {
        out.push(at, &f::POLICY, format!("{policy}に空の項目があります。"));
    }
    numbers(&mut out, &plan.issues, &[], at);

    for item in numbering::outline(plan) {
        let (at, name) = (item.path, item.name());
        if item.title().trim().is_empty() {
            out.push(
                at,
                &f::TITLE,
                format!("{name}の{}が空です。", f::TITLE.label),
            );
        }
        match item.part {
            Part::Issue(issue) => {
                if issue.strategies.is_empty() {
                    let strategies = f::STRATEGIES.label;
                    out.push(
                        at,
                        &f::STRATEGIES,
                        format!("{name}に{strategies}がありません。"),
                    );
                }
                numbers(&mut out, &issue.strategies, &item.number, at);
            }
            Part::Strategy(strategy) => {
                for (n, indicator) in strategy.indicators.iter().enumerate() {
                    indicator_warnings(&mut out, at, &name, indicator);
                    judgement_warnings(&mut out, at, &name, n, indicator);
                }
                evaluation_against_results(&mut out, at, &name, strategy, plan.fiscal_year);
                reviews(
                    &mut out,
                    at,
                    &name,
                    &strategy.interim_review,
                    &strategy.self_evaluation,
                );
                numbers(&mut out, &strategy.initiatives, &item.number, at);
            }
            Part::Initiative(initiative) => {
                if let Some(budget) = initiative.budget
                    && budget >= BUDGET_SUSPICIOUS
                {
                    out.push(
                        at,
                        &f::BUDGET,
                        format!(
                            "{name}の{}が{}です。単位は千円です（100億円以上になっています）。",
                            f::BUDGET.label,
                            format_thousand_yen(budget)
                        ),
                    );
                }
                reviews(
                    &mut out,
                    at,
                    &name,
                    &initiative.interim_review,
                    &initiative.self_evaluation,
                );
            }
        }
    }
    let exact: u128 = plan
        .initiatives()
        .filter_map(|i| i.budget)
        .map(u128::from)
        .sum();
    if exact > u128::from(BUDGET_TOTAL_MAX) {
        out.push(
            ItemPath::Plan,
            &f::BUDGET,
            format!(
                "予算合計が大きすぎて計算できません（{}千円を超えています）。予算額を確かめてください。",
                crate::amount::group_digits(BUDGET_TOTAL_MAX)
            ),
        );
    }
    out.0
}

/// An initiative's budget at or above this (100億円, in 千円) is almost surely a
/// typing slip or yen typed as 千円: a ward's whole budget is far below it.
pub const BUDGET_SUSPICIOUS: u64 = 10_000_000;

/// The largest total the plan can show and print exactly; beyond it the sums stop
/// at the largest number instead of overflowing, and the check says so.
pub const BUDGET_TOTAL_MAX: u64 = u64::MAX;

/// Collects warnings; a newtype only to keep the call sites short.
struct Warnings(Vec<Warning>);

impl Warnings {
    fn push(&mut self, at: ItemPath, field: &'static Field, message: String) {
        self.0.push(Warning {
            at,
            field,
            message,
            kind: Kind::Content,
            span: None,
        });
    }
}

/// Problems with the numbers of `items`, the children of `parent_path`.
fn numbers<T: Numbered>(out: &mut Warnings, items: &[T], parent: &[u32], parent_path: ItemPath) {
    let numbers = numbering::sibling_numbers(items);
    for (index, problem) in numbering::sibling_problems(items) {
        let full: Vec<u32> = parent.iter().copied().chain([numbers[index]]).collect();
        let label = numbering::label(&full);
        let message = match problem {
            NumberProblem::Repeated(_) => format!("番号 {label} が重複しています。"),
            NumberProblem::OutOfOrder { previous, .. } => {
                let prev: Vec<u32> = parent.iter().copied().chain([previous]).collect();
                format!(
                    "番号 {label} が前の項目（{}）より小さくなっています。",
                    numbering::label(&prev)
                )
            }
            NumberProblem::Zero => format!("番号 {label} は使えません（1から始めます）。"),
        };
        out.push(parent_path.child(index), &f::NUMBER, message);
    }
}

/// A negative review needs its 課題と改善策.
fn reviews(out: &mut Warnings, at: ItemPath, name: &str, interim: &Review, evaluation: &Review) {
    for (field, review) in [
        (&f::INTERIM_REVIEW, interim),
        (&f::SELF_EVALUATION, evaluation),
    ] {
        if review.status == ReviewStatus::NotAchieved && review.improvement.trim().is_empty() {
            out.push(
                at,
                field,
                format!(
                    "{name}の{}が「{}」ですが、{}が空です。",
                    field.label,
                    ReviewStatus::NotAchieved.label(),
                    f::REVIEW_IMPROVEMENT.label
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests;
