//! The printed plan's tables: outcome indicators and the budget list.

use super::{Chart, Table, TableRow};
use crate::amount::group_digits;
use crate::model::fields as f;
use crate::model::{Indicator, Plan};
use crate::numbering::{self, numbered};
use crate::wareki::format_fiscal_year;

/// The outcome indicators of a strategy, with their results.
/// Once any indicator has a result, a column says whether each met its target.
pub(super) fn indicators(indicators: &[Indicator]) -> Table {
    let judged = indicators.iter().any(|i| !i.results.is_empty());
    let mut rows = Vec::new();
    for indicator in indicators {
        let results = indicator
            .results
            .iter()
            .map(|r| {
                let grade = if r.grade.is_empty() {
                    String::new()
                } else {
                    format!(" {}{}", f::RESULT_GRADE.label, r.grade)
                };
                format!("{}: {}{grade}", format_fiscal_year(r.fiscal_year), r.value)
            })
            .collect::<Vec<_>>()
            .join("、");
        let mut cells = vec![
            indicator.name.clone(),
            format!("{}{}", indicator.target, indicator.unit),
            indicator.period.clone(),
            results,
        ];
        if judged {
            let judgements: Vec<String> = crate::judge::judge_all(indicator)
                .into_iter()
                .map(|(year, j)| {
                    let j = j.map_or_else(|_| "判断できません".to_owned(), |j| j.label());
                    format!("{}: {j}", format_fiscal_year(year))
                })
                .collect();
            cells.push(judgements.join("、"));
        }
        rows.push(TableRow {
            cells,
            total: false,
        });
    }
    let mut headers = vec![
        f::INDICATOR_NAME.label,
        f::INDICATOR_TARGET.label,
        f::INDICATOR_PERIOD.label,
        f::INDICATOR_RESULTS.label,
    ];
    if judged {
        headers.push(ACHIEVEMENT);
    }
    Table {
        right_aligned: vec![false; headers.len()],
        headers: headers.into_iter().map(String::from).collect(),
        rows,
    }
}

/// The column of 達成 / 未達成 worked out from the numbers (see `judge`).
pub const ACHIEVEMENT: &str = "達成状況";

/// Budgets of every initiative, a subtotal per issue that has any and the
/// total, in 千円.
pub(super) fn budgets(plan: &Plan) -> Table {
    let mut rows = Vec::new();
    for (n1, issue) in numbered(&plan.issues) {
        let listed = rows.len();
        for (n2, strategy) in numbered(&issue.strategies) {
            for (n3, initiative) in numbered(&strategy.initiatives) {
                if let Some(budget) = initiative.budget {
                    rows.push(TableRow {
                        cells: vec![
                            numbering::label(&[n1, n2, n3]),
                            initiative.title.clone(),
                            group_digits(budget),
                        ],
                        total: false,
                    });
                }
            }
        }
        // An issue without a budgeted initiative has no subtotal (not a 0).
        if rows.len() == listed {
            continue;
        }
        rows.push(TableRow {
            cells: vec![
                String::new(),
                format!("経営課題{n1} 小計"),
                group_digits(issue.budget_total()),
            ],
            total: true,
        });
    }
    rows.push(TableRow {
        cells: vec![
            String::new(),
            "合計".to_owned(),
            group_digits(plan.budget_total()),
        ],
        total: true,
    });
    Table {
        headers: [
            f::NUMBER.label.to_owned(),
            f::INITIATIVES.label.to_owned(),
            format!("{}(千円)", f::BUDGET.label),
        ]
        .to_vec(),
        right_aligned: vec![false, false, true],
        rows,
    }
}

/// The chart of an indicator whose target and at least one result read as
/// numbers (see `judge`); none otherwise. The form draws the same points.
pub fn chart(indicator: &Indicator) -> Option<Chart> {
    let target = crate::judge::read_target(indicator).ok()?;
    let mut points = Vec::new();
    let mut words = Vec::new();
    for ((year, judged), result) in crate::judge::judge_all(indicator)
        .into_iter()
        .zip(&indicator.results)
    {
        let Ok(judged) = judged else {
            continue;
        };
        let shown = result.value.trim();
        points.push((year, judged.value, shown.to_owned()));
        let word = if judged.achieved {
            "達成"
        } else {
            "未達成"
        };
        let year = crate::wareki::format_fiscal_year(year);
        words.push(format!("{year} {shown}（{word}）"));
    }
    if points.is_empty() {
        return None;
    }
    let goal = format!("目標 {}{}", indicator.target.trim(), indicator.unit.trim());
    let alt = format!(
        "{}の推移のグラフ。{goal}。{}。",
        indicator.name.trim(),
        words.join("、")
    );
    Some(Chart {
        title: format!("{}の推移", indicator.name.trim()),
        target: (target.value, goal),
        points,
        alt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_without_budgets_has_no_subtotal() {
        let mut plan = crate::sample();
        for strategy in &mut plan.issues[1].strategies {
            for initiative in &mut strategy.initiatives {
                initiative.budget = None;
            }
        }
        let names: Vec<String> = budgets(&plan)
            .rows
            .into_iter()
            .filter(|r| r.total)
            .map(|r| r.cells[1].clone())
            .collect();
        assert!(names.contains(&"経営課題1 小計".to_owned()), "{names:?}");
        assert!(!names.contains(&"経営課題2 小計".to_owned()), "{names:?}");
        assert_eq!(names.last().map(String::as_str), Some("合計"));
    }
}
