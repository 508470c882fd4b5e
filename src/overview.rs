//! The 概要版: the plan's year on A4 landscape for the 区政会議, one row per
//! strategy — 経営課題 | 戦略 | アウトカム指標 (target, results, 達成) |
//! 中間振り返り | 自己評価 — set by the same sheet layout as the 新旧対照表 (the
//! header repeated on every page, the plan's fonts and line breaking).

use crate::blocks::{self, Medium};
use crate::fonts::Face;
use crate::model::fields as f;
use crate::model::{Plan, Review, ReviewStatus};
use crate::numbering::{self, Part};
use crate::typeset::sheet::{Para, Sheet};
use crate::wareki::format_fiscal_year;

/// The 概要版 of `plan`.
pub fn overview(plan: &Plan) -> Sheet {
    let mut rows = Vec::new();
    let mut issue = String::new();
    for item in numbering::outline(plan) {
        match item.part {
            Part::Issue(i) => issue = format!("{} {}", item.name(), i.title.trim()),
            Part::Strategy(s) => {
                let mut strategy = vec![Para::plain(
                    format!("【{}】{}", numbering::label(&item.number), s.title.trim()),
                    Face::Gothic,
                )];
                if s.main {
                    strategy.push(Para::plain("（主な戦略）", Face::Mincho));
                }
                rows.push(vec![
                    vec![Para::plain(issue.clone(), Face::Gothic)],
                    strategy,
                    indicators(s),
                    review(&s.interim_review),
                    review(&s.self_evaluation),
                ]);
            }
            Part::Initiative(_) => {}
        }
    }
    if rows.is_empty() {
        let none = vec![Para::plain("戦略がありません。", Face::Mincho)];
        rows.push(vec![none, Vec::new(), Vec::new(), Vec::new(), Vec::new()]);
    }
    Sheet {
        title: format!("{} 概要版", blocks::title(plan, Medium::Print)),
        headers: [
            "経営課題",
            "戦略",
            f::INDICATORS.label,
            f::INTERIM_REVIEW.label,
            f::SELF_EVALUATION.label,
        ]
        .map(String::from)
        .to_vec(),
        widths: vec![2.8, 3.2, 6.0, 4.5, 4.5],
        // 経営課題 and 戦略 read as names, in three lines at most.
        most_lines: vec![Some(3), Some(3), None, None, None],
        rows,
    }
}

/// Each indicator: its name, its target, each year's result judged.
fn indicators(strategy: &crate::model::Strategy) -> Vec<Para> {
    if strategy.indicators.is_empty() {
        return vec![Para::plain("（指標なし）", Face::Mincho)];
    }
    let mut out = Vec::new();
    for indicator in &strategy.indicators {
        out.push(Para::plain(indicator.name.trim(), Face::Gothic));
        let period = match indicator.period.trim() {
            "" => String::new(),
            p => format!("（{p}）"),
        };
        out.push(Para::plain(
            format!(
                "目標 {}{}{period}",
                indicator.target.trim(),
                indicator.unit.trim()
            ),
            Face::Mincho,
        ));
        for ((year, judged), result) in crate::judge::judge_all(indicator)
            .into_iter()
            .zip(&indicator.results)
        {
            let judged = judged.map_or_else(|_| "判断できません".to_owned(), |j| j.label());
            let value = format!("{} {}", format_fiscal_year(year), result.value.trim());
            out.push(Para::plain(value, Face::Mincho));
            // The judgement on a line of its own, set in: it stays whole.
            out.push(Para::plain(format!("\u{3000}{judged}"), Face::Mincho));
        }
    }
    out
}

/// A review: its answer, its 所見, and for ② its 課題と改善策; 未記入 when empty.
fn review(review: &Review) -> Vec<Para> {
    let state = crate::progress::State::of(review);
    if state.is_empty() {
        return vec![Para::plain("未記入", Face::Mincho)];
    }
    let mut out = Vec::new();
    if review.status != ReviewStatus::Unset {
        out.push(Para::plain(review.status.label(), Face::Gothic));
    }
    for line in review.comment.lines().filter(|l| !l.trim().is_empty()) {
        out.push(Para::plain(line.trim(), Face::Mincho));
    }
    if !review.improvement.trim().is_empty() {
        out.push(Para::plain(
            format!("{}:", f::REVIEW_IMPROVEMENT.label),
            Face::Gothic,
        ));
        for line in review.improvement.lines().filter(|l| !l.trim().is_empty()) {
            out.push(Para::plain(line.trim(), Face::Mincho));
        }
    }
    out
}
