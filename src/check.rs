//! Checks of a loaded plan: counts and budget totals for the summary, and warnings
//! about what a reader of the published plan would stumble on.

use crate::amount::format_thousand_yen;
use crate::model::{Indicator, ItemPath, Plan, Review, ReviewStatus};
use crate::numbering::{self, NumberProblem, Numbered, Part};
use crate::typeset::linebreak::is_invisible;

/// One thing to look at, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The item the warning is about.
    pub at: ItemPath,
    /// The model field concerned (`title`, `number`, …), for jumping to it.
    pub field: &'static str,
    /// What is wrong, in Japanese, naming the item as printed (経営課題2, 【2-1-2】).
    pub message: String,
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
        warnings: check(plan),
    }
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
        if self.warnings.is_empty() {
            writeln!(f, "警告: なし")
        } else {
            writeln!(f, "警告: {}件", self.warnings.len())?;
            for w in &self.warnings {
                writeln!(f, "  - {}", w.message)?;
            }
            Ok(())
        }
    }
}

/// Everything worth a warning, in document order.
pub fn check(plan: &Plan) -> Vec<Warning> {
    let mut out = Warnings(Vec::new());
    let at = ItemPath::Plan;
    if !(1989..=2100).contains(&plan.fiscal_year) {
        out.push(
            at,
            "fiscal_year",
            format!("年度 {} が範囲外です（1989〜2100）。", plan.fiscal_year),
        );
    }
    for (field, value, name) in [
        ("ward", &plan.ward, "区の名前"),
        ("goal", &plan.goal, "区の目標"),
        ("mission", &plan.mission, "区の使命"),
    ] {
        if value.trim().is_empty() {
            out.push(at, field, format!("{name}が空です。"));
        }
    }
    if plan.policy.iter().all(|p| p.trim().is_empty()) {
        out.push(
            at,
            "policy",
            "区運営の基本的な考え方が一つもありません。".to_owned(),
        );
    } else if plan.policy.iter().any(|p| p.trim().is_empty()) {
        out.push(
            at,
            "policy",
            "区運営の基本的な考え方に空の項目があります。".to_owned(),
        );
    }
    numbers(&mut out, &plan.issues, &[], at);

    for item in numbering::outline(plan) {
        let (at, name) = (item.path, item.name());
        if item.title().trim().is_empty() {
            out.push(at, "title", format!("{name}の名称が空です。"));
        }
        match item.part {
            Part::Issue(issue) => {
                if issue.strategies.is_empty() {
                    out.push(at, "strategies", format!("{name}に戦略がありません。"));
                }
                numbers(&mut out, &issue.strategies, &item.number, at);
            }
            Part::Strategy(strategy) => {
                for indicator in &strategy.indicators {
                    indicator_warnings(&mut out, at, &name, indicator);
                }
                reviews(
                    &mut out,
                    at,
                    &name,
                    &strategy.interim_review,
                    &strategy.self_evaluation,
                );
                numbers(&mut out, &strategy.initiatives, &item.number, at);
            }
            Part::Initiative(initiative) => reviews(
                &mut out,
                at,
                &name,
                &initiative.interim_review,
                &initiative.self_evaluation,
            ),
        }
    }
    out.0
}

/// Collects warnings; a newtype only to keep the call sites short.
struct Warnings(Vec<Warning>);

impl Warnings {
    fn push(&mut self, at: ItemPath, field: &'static str, message: String) {
        self.0.push(Warning { at, field, message });
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
        out.push(parent_path.child(index), "number", message);
    }
}

fn indicator_warnings(out: &mut Warnings, at: ItemPath, name: &str, indicator: &Indicator) {
    if indicator.name.trim().is_empty() {
        out.push(
            at,
            "indicators",
            format!("{name}のアウトカム指標に名称がありません。"),
        );
    }
    if indicator.target.trim().is_empty() || indicator.period.trim().is_empty() {
        out.push(
            at,
            "indicators",
            format!(
                "{name}のアウトカム指標「{}」には目標値と目標年度（期間）が必要です。",
                indicator.name
            ),
        );
    }
}

/// A negative review needs its 課題と改善策.
fn reviews(out: &mut Warnings, at: ItemPath, name: &str, interim: &Review, evaluation: &Review) {
    for (field, what, review) in [
        ("interim_review", "中間振り返り", interim),
        ("self_evaluation", "自己評価", evaluation),
    ] {
        if review.status == ReviewStatus::NotAchieved && review.improvement.trim().is_empty() {
            out.push(
                at,
                field,
                format!("{name}の{what}が「②目標未達成」ですが、課題と改善策が空です。"),
            );
        }
    }
}

/// Characters the printing fonts lack, with where they are: each would print as a
/// box, so the export reports them instead of printing them silently.
pub fn missing_glyphs(plan: &Plan, has_glyph: impl Fn(char) -> bool) -> Vec<Warning> {
    let mut out = Vec::new();
    for field in text_fields(plan) {
        let mut seen = Vec::new();
        for (offset, c) in field.text.chars().enumerate() {
            if c.is_control() || is_invisible(c) || has_glyph(c) || seen.contains(&c) {
                continue;
            }
            seen.push(c);
            out.push(Warning {
                at: field.at,
                field: field.field,
                message: format!(
                    "{}の{}文字目の「{c}」(U+{:04X}) は印刷用フォントにありません。別の字に置き換えてください。",
                    field.name,
                    offset + 1,
                    c as u32
                ),
            });
        }
    }
    out
}

/// One text field of the plan with where it sits, named as a reader would.
pub struct TextField<'a> {
    /// The item.
    pub at: ItemPath,
    /// The model field.
    pub field: &'static str,
    /// 経営課題2 の名称, 具体的取組【2-1-2】の内容, ….
    pub name: String,
    /// The text.
    pub text: &'a str,
}

/// Every text field of the plan, in document order.
pub fn text_fields(plan: &Plan) -> Vec<TextField<'_>> {
    let mut out = Fields(Vec::new());
    let at = ItemPath::Plan;
    out.push(at, "ward", "区の名前", &plan.ward);
    out.push(at, "office", "所属", &plan.office);
    for r in &plan.revisions {
        out.push(at, "revisions", "改訂履歴", &r.note);
    }
    out.push(at, "goal", "区の目標", &plan.goal);
    out.push(at, "mission", "区の使命", &plan.mission);
    for (i, p) in plan.policy.iter().enumerate() {
        out.push(at, "policy", &format!("基本的な考え方の{}つ目", i + 1), p);
    }
    for item in numbering::outline(plan) {
        let (at, name) = (item.path, item.name());
        let label = |what: &str| format!("{name}の{what}");
        match item.part {
            Part::Issue(issue) => {
                for (field, what, text) in [
                    ("title", "名称", &issue.title),
                    ("description", "課題認識", &issue.description),
                    ("vision", "めざすべき将来像", &issue.vision),
                    ("current_state", "現状", &issue.current_state),
                    ("cause_analysis", "要因分析", &issue.cause_analysis),
                    ("challenge", "課題", &issue.challenge),
                ] {
                    out.push(at, field, &label(what), text);
                }
            }
            Part::Strategy(strategy) => {
                for (field, what, text) in [
                    ("title", "名称", &strategy.title),
                    ("text", "内容", &strategy.text),
                    ("target_state", "めざす状態", &strategy.target_state),
                ] {
                    out.push(at, field, &label(what), text);
                }
                for indicator in &strategy.indicators {
                    for text in [
                        &indicator.name,
                        &indicator.target,
                        &indicator.unit,
                        &indicator.period,
                    ] {
                        out.push(at, "indicators", &label("アウトカム指標"), text);
                    }
                    for r in &indicator.results {
                        out.push(at, "indicators", &label("指標の実績"), &r.value);
                        out.push(at, "indicators", &label("指標の評価"), &r.grade);
                    }
                }
                out.reviews(
                    at,
                    &name,
                    &strategy.interim_review,
                    &strategy.self_evaluation,
                );
            }
            Part::Initiative(initiative) => {
                for (field, what, text) in [
                    ("title", "名称", &initiative.title),
                    ("text", "内容", &initiative.text),
                    ("past_results", "前年度までの実績", &initiative.past_results),
                    (
                        "performance_target",
                        "業績目標",
                        &initiative.performance_target,
                    ),
                ] {
                    out.push(at, field, &label(what), text);
                }
                out.reviews(
                    at,
                    &name,
                    &initiative.interim_review,
                    &initiative.self_evaluation,
                );
            }
        }
    }
    out.push(
        at,
        "overall_evaluation",
        "自己評価(全体)",
        &plan.overall_evaluation,
    );
    out.push(at, "future_direction", "今後の方針", &plan.future_direction);
    let c = &plan.contact;
    for text in [
        &c.section,
        &c.postal_code,
        &c.address,
        &c.phone,
        &c.fax,
        &c.email,
    ] {
        out.push(at, "contact", "問合せ先", text);
    }
    out.0
}

/// Collects text fields; skips empty ones.
struct Fields<'a>(Vec<TextField<'a>>);

impl<'a> Fields<'a> {
    fn push(&mut self, at: ItemPath, field: &'static str, name: &str, text: &'a str) {
        if !text.is_empty() {
            self.0.push(TextField {
                at,
                field,
                name: name.to_owned(),
                text,
            });
        }
    }

    fn reviews(&mut self, at: ItemPath, name: &str, interim: &'a Review, evaluation: &'a Review) {
        for (field, label, review) in [
            ("interim_review", "中間振り返り", interim),
            ("self_evaluation", "自己評価", evaluation),
        ] {
            self.push(at, field, &format!("{name}の{label}"), &review.comment);
            self.push(
                at,
                field,
                &format!("{name}の{label}(課題と改善策)"),
                &review.improvement,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Initiative;

    fn sample() -> Plan {
        crate::io::parse(crate::SAMPLE_RON.as_bytes()).expect("sample")
    }

    #[test]
    fn warnings_name_the_item_and_point_at_it() {
        let mut plan = sample();
        let strategy = &mut plan.issues[1].strategies[0];
        strategy.initiatives.push(Initiative {
            number: Some(2),
            title: String::new(),
            ..Initiative::default()
        });
        strategy.self_evaluation.status = ReviewStatus::NotAchieved;
        plan.issues[3].strategies.clear();
        let found: Vec<(ItemPath, &str, String)> = check(&plan)
            .into_iter()
            .map(|w| (w.at, w.field, w.message))
            .collect();
        let expected = [
            (
                ItemPath::Strategy(1, 0),
                "self_evaluation",
                "戦略【2-1】の自己評価が「②目標未達成」ですが、課題と改善策が空です。",
            ),
            (
                ItemPath::Initiative(1, 0, 1),
                "number",
                "番号 2-1-2 が重複しています。",
            ),
            (
                ItemPath::Initiative(1, 0, 1),
                "title",
                "具体的取組【2-1-2】の名称が空です。",
            ),
            (
                ItemPath::Issue(3),
                "strategies",
                "経営課題4に戦略がありません。",
            ),
        ]
        .map(|(at, field, message)| (at, field, message.to_owned()));
        assert_eq!(found, expected);
    }
}
