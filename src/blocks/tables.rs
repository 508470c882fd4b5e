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
    let highest = points.iter().map(|p| p.1).fold(target.value, f64::max);
    let top = axis_top(highest, &target.unit);
    Some(Chart {
        title: format!("{}の推移", indicator.name.trim()),
        target: (target.value, goal),
        points,
        top,
        scale: axis_scale(top, target.value),
        unit: target.unit,
        alt,
    })
}

/// How close, as a share of the axis, an end of the scale may come to the
/// target before its label is left out (the two would overlap in print).
const CROWDED: f64 = 0.15;

/// The top of a chart's value axis: the first round number (1, 1.2, 1.5, 2,
/// 2.5, 3, 4, 5, 6 or 8 times a power of ten) that leaves the highest value
/// far enough below it for both labels; a share stops at 100%.
fn axis_top(highest: f64, unit: &str) -> f64 {
    const ROUND: [f64; 11] = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0];
    if highest <= 0.0 {
        return 1.0;
    }
    let wanted = highest / (1.0 - CROWDED);
    let power = 10f64.powf(wanted.log10().floor());
    let top = ROUND
        .iter()
        .map(|r| r * power)
        .find(|t| *t >= wanted * (1.0 - 1e-9))
        .unwrap_or(10.0 * power);
    if unit == "%" && highest <= 100.0 {
        top.min(100.0)
    } else {
        top
    }
}

/// The values written on the axis: zero, the target and the top, the ends
/// left out where they would sit on the target's label.
fn axis_scale(top: f64, target: f64) -> Vec<(f64, String)> {
    let mut marks = Vec::new();
    for value in [0.0, target, top] {
        let is_target = value == target;
        let crowds = !is_target && (value - target).abs() < CROWDED * top;
        if !crowds && !marks.iter().any(|(v, _)| *v == value) {
            marks.push((value, axis_number(value)));
        }
    }
    marks
}

/// A number on the axis as the plan writes numbers: 12,000, 62.5, 0.25.
fn axis_number(value: f64) -> String {
    let hundredths = (value * 100.0).round();
    let whole = (hundredths / 100.0).trunc();
    let mut text = group_digits(whole as u64);
    let fraction = (hundredths - whole * 100.0) as u64;
    if fraction > 0 {
        let digits = format!("{fraction:02}");
        text.push('.');
        text.push_str(digits.trim_end_matches('0'));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_axis_ends_at_a_round_number_above_every_value() {
        // The target and the highest result read, the top chosen, each mark.
        for (highest, unit, top) in [
            (10_000.0, "世帯", 12_000.0),
            (62.0, "%", 80.0),
            (95.0, "%", 100.0),
            (300.0, "件", 400.0),
            (0.4, "", 0.5),
            (0.0, "件", 1.0),
        ] {
            let got = axis_top(highest, unit);
            assert!(
                (got - top).abs() < 1e-9,
                "{highest}{unit}: {got}, not {top}"
            );
        }
        let words = |top, target| -> Vec<String> {
            axis_scale(top, target).into_iter().map(|m| m.1).collect()
        };
        assert_eq!(words(12_000.0, 10_000.0), ["0", "10,000", "12,000"]);
        assert_eq!(words(80.0, 60.0), ["0", "60", "80"]);
        // A target of 5 on an axis to 400 would sit on the 0: the 0 goes.
        assert_eq!(words(400.0, 5.0), ["5", "400"]);
        assert_eq!(words(100.0, 95.0), ["0", "95"]);
        assert_eq!(words(0.5, 0.25), ["0", "0.25", "0.5"]);
        assert_eq!(words(10.0, 0.0), ["0", "10"]);
    }

    #[test]
    fn a_number_too_long_for_a_float_is_left_off_the_chart() {
        let nines = "9".repeat(400);
        let mut indicator = Indicator {
            name: "指標".to_owned(),
            target: nines.clone(),
            unit: "件以上".to_owned(),
            results: vec![crate::model::YearResult {
                fiscal_year: 2023,
                value: "5件".to_owned(),
                ..Default::default()
            }],
            ..Default::default()
        };
        assert_eq!(chart(&indicator), None, "an endless target draws nothing");
        indicator.target = "10".to_owned();
        indicator.results[0].value = format!("{nines}件");
        assert_eq!(chart(&indicator), None, "nor does an endless result alone");
        indicator.results.push(crate::model::YearResult {
            fiscal_year: 2024,
            value: "8件".to_owned(),
            ..Default::default()
        });
        let drawn = chart(&indicator).expect("the readable result is drawn");
        assert_eq!(drawn.points.len(), 1);
        assert!(drawn.top.is_finite() && drawn.top >= 10.0, "{}", drawn.top);
    }

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
