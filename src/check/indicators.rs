//! Warnings about indicators: a target that cannot be read as a number, a
//! result judged against it, and a 自己評価 that says otherwise than the
//! numbers.

use super::*;

pub(super) fn indicator_warnings(
    out: &mut Warnings,
    at: ItemPath,
    name: &str,
    indicator: &Indicator,
) {
    let indicators = f::INDICATORS.label;
    if indicator.name.trim().is_empty() {
        out.push(
            at,
            &f::INDICATORS,
            format!(
                "{name}の{indicators}に{}がありません。",
                f::INDICATOR_NAME.label
            ),
        );
    }
    if indicator.target.trim().is_empty() || indicator.period.trim().is_empty() {
        out.push(
            at,
            &f::INDICATORS,
            format!(
                "{name}の{indicators}「{}」には{}と{}が必要です。",
                indicator.name,
                f::INDICATOR_TARGET.label,
                f::INDICATOR_PERIOD.label
            ),
        );
    }
}

/// An indicator with results whose target or results cannot be read as numbers:
/// 達成 / 未達成 cannot be worked out, and the warning says why.
pub(super) fn judgement_warnings(
    out: &mut Warnings,
    at: ItemPath,
    name: &str,
    n: usize,
    indicator: &Indicator,
) {
    for (year, judged) in crate::judge::judge_all(indicator) {
        if let Err(why) = judged {
            out.push(
                at,
                &f::INDICATORS,
                format!(
                    "{name}の{}{}（{}の実績）: {why}。達成かどうかを判断できません。",
                    f::INDICATORS.label,
                    n + 1,
                    crate::wareki::format_fiscal_year(year)
                ),
            );
        }
    }
}

/// A 自己評価 that says the opposite of the year's measured results: ① while an
/// indicator missed its target that year, or ② while every one met it.
pub(super) fn evaluation_against_results(
    out: &mut Warnings,
    at: ItemPath,
    name: &str,
    strategy: &crate::model::Strategy,
    year: i32,
) {
    let status = strategy.self_evaluation.status;
    if status == ReviewStatus::Unset {
        return;
    }
    let of_year: Vec<(usize, crate::judge::Judgement)> = strategy
        .indicators
        .iter()
        .enumerate()
        .flat_map(|(n, i)| {
            crate::judge::judge_all(i)
                .into_iter()
                .filter(move |(y, _)| *y == year)
                .filter_map(move |(_, j)| j.ok().map(|j| (n, j)))
        })
        .collect();
    if of_year.is_empty() {
        return;
    }
    let missed: Vec<String> = of_year
        .iter()
        .filter(|(_, j)| !j.achieved)
        .map(|(n, _)| format!("{}{}", f::INDICATORS.label, n + 1))
        .collect();
    let message = match status {
        ReviewStatus::Achieved if !missed.is_empty() => format!(
            "{name}の{}が「{}」ですが、{}の実績は{}が目標に届いていません。",
            f::SELF_EVALUATION.label,
            status.label(),
            crate::wareki::format_fiscal_year(year),
            missed.join("・")
        ),
        ReviewStatus::NotAchieved if missed.is_empty() => format!(
            "{name}の{}が「{}」ですが、{}の実績はどの{}も目標に届いています。",
            f::SELF_EVALUATION.label,
            status.label(),
            crate::wareki::format_fiscal_year(year),
            f::INDICATORS.label
        ),
        _ => return,
    };
    out.push(at, &f::SELF_EVALUATION, message);
}
