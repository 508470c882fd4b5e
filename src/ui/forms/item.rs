//! The form of an issue, a strategy or an initiative: its number and title,
//! its texts, its indicators (with their results, judged and charted) and its
//! two reviews.

use super::*;

/// Draws the form of the item at `path`; returns whether it changed the plan.
pub(super) fn item_ui(ui: &mut Ui, plan: &mut Plan, path: ItemPath, edits: &mut Vec<Edit>) -> bool {
    let printed = printed_number(plan, path);
    let place = place(plan, path);
    let id = plan.get(path).map(|part| part.id());
    let Some(part) = plan.get_mut(path) else {
        return false;
    };
    let key = |field: &Field| FieldKey::of(id, field);
    let mut changed = false;
    match part {
        PartMut::Issue(issue) => {
            ui.heading(format!("経営課題{printed}"));
            structure_buttons(ui, path, place, edits);
            changed |= number_and_title(ui, id, &mut issue.number, &mut issue.title, &printed);
            for (field, text) in [
                (&f::DESCRIPTION, &mut issue.description),
                (&f::VISION, &mut issue.vision),
                (&f::CURRENT_STATE, &mut issue.current_state),
                (&f::CAUSE_ANALYSIS, &mut issue.cause_analysis),
                (&f::CHALLENGE, &mut issue.challenge),
            ] {
                changed |= widgets::paragraph(ui, field.label, key(field), text).changed();
            }
            if let ItemPath::Issue(i) = path
                && ui.button("＋ 戦略を追加").clicked()
            {
                edits.push(Edit::AddStrategy(i));
            }
        }
        PartMut::Strategy(strategy) => {
            ui.heading(format!("戦略 {printed}"));
            structure_buttons(ui, path, place, edits);
            let (number, title) = (&mut strategy.number, &mut strategy.title);
            changed |= number_and_title(ui, id, number, title, &printed);
            changed |= ui.checkbox(&mut strategy.main, f::MAIN.label).changed();
            let (label, text) = (f::STRATEGY_TEXT.label, &mut strategy.text);
            changed |= widgets::paragraph(ui, label, key(&f::STRATEGY_TEXT), text).changed();
            let (label, target) = (f::TARGET_STATE.label, &mut strategy.target_state);
            changed |= widgets::paragraph(ui, label, key(&f::TARGET_STATE), target).changed();
            changed |= indicators_ui(
                ui,
                path,
                key(&f::INDICATORS),
                &mut strategy.indicators,
                edits,
            );
            let s = &mut *strategy;
            changed |= reviews_ui(ui, id, &mut s.interim_review, &mut s.self_evaluation);
            if let ItemPath::Strategy(i, s) = path
                && ui.button("＋ 具体的取組を追加").clicked()
            {
                edits.push(Edit::AddInitiative(i, s));
            }
        }
        PartMut::Initiative(initiative) => {
            ui.heading(format!("具体的取組 {printed}"));
            structure_buttons(ui, path, place, edits);
            let (number, title) = (&mut initiative.number, &mut initiative.title);
            changed |= number_and_title(ui, id, number, title, &printed);
            changed |= ui.checkbox(&mut initiative.main, f::MAIN.label).changed();
            let budget = &mut initiative.budget;
            changed |= widgets::budget(ui, f::BUDGET.label, key(&f::BUDGET), budget).changed();
            for (field, text) in [
                (&f::INITIATIVE_TEXT, &mut initiative.text),
                (&f::PAST_RESULTS, &mut initiative.past_results),
                (&f::PERFORMANCE_TARGET, &mut initiative.performance_target),
            ] {
                changed |= widgets::paragraph(ui, field.label, key(field), text).changed();
            }
            let k = &mut *initiative;
            changed |= reviews_ui(ui, id, &mut k.interim_review, &mut k.self_evaluation);
        }
    }
    changed
}

/// The 番号 and 名称 rows every item's form starts with; whether either changed.
fn number_and_title(
    ui: &mut Ui,
    id: Option<crate::model::ItemId>,
    number: &mut Option<u32>,
    title: &mut String,
    printed: &str,
) -> bool {
    let key = |field: &Field| FieldKey::of(id, field);
    let number = pinned_number(ui, key(&f::NUMBER), number, printed);
    number | widgets::line(ui, f::TITLE.label, key(&f::TITLE), title).changed()
}

/// A strategy's or an initiative's two reviews; whether either changed.
fn reviews_ui(
    ui: &mut Ui,
    id: Option<crate::model::ItemId>,
    interim: &mut Review,
    evaluation: &mut Review,
) -> bool {
    let interim = review_ui(ui, id, &f::INTERIM_REVIEW, interim);
    interim | review_ui(ui, id, &f::SELF_EVALUATION, evaluation)
}

/// The indicators of the strategy at `at`; `group` is the address of its
/// indicator list. Returns whether a field changed.
fn indicators_ui(
    ui: &mut Ui,
    at: ItemPath,
    group: FieldKey,
    indicators: &mut [Indicator],
    edits: &mut Vec<Edit>,
) -> bool {
    let mut changed = false;
    ui.separator();
    ui.label(f::INDICATORS.label);
    for (n, indicator) in indicators.iter_mut().enumerate() {
        ui.push_id(("indicator", n), |ui| {
            let key = |field: &Field| FieldKey {
                group: Some(f::INDICATORS.key),
                entry: Some(n),
                field: field.key,
                ..group
            };
            let name = numbered(&f::INDICATOR_NAME, n);
            let text = &mut indicator.name;
            changed |= widgets::line(ui, &name, key(&f::INDICATOR_NAME), text).changed();
            for (field, text) in [
                (&f::INDICATOR_TARGET, &mut indicator.target),
                (&f::INDICATOR_UNIT, &mut indicator.unit),
                (&f::INDICATOR_PERIOD, &mut indicator.period),
            ] {
                changed |= widgets::line(ui, field.label, key(field), text).changed();
            }
            // 達成 / 未達成 of each result, worked out from the numbers as typed.
            let judged = crate::judge::judge_all(indicator);
            for (r, result) in indicator.results.iter_mut().enumerate() {
                let judgement = judged.get(r).map(|(_, j)| j.clone());
                ui.push_id(("result", r), |ui| {
                    let year = key(&f::RESULT_YEAR).result(r);
                    ui.horizontal(|ui| {
                        let label = f::RESULT_YEAR.label;
                        changed |=
                            widgets::year(ui, label, year, &mut result.fiscal_year).changed();
                        if ui.button("実績を削除").clicked() {
                            edits.push(Edit::Delete(Target::YearResult(at, n, r)));
                        }
                    });
                    let value = key(&f::RESULT_VALUE).result(r);
                    let label = f::RESULT_VALUE.label;
                    changed |= widgets::line(ui, label, value, &mut result.value).changed();
                    match judgement {
                        Some(Ok(j)) if j.achieved => {
                            ui.colored_label(ui.visuals().hyperlink_color, j.label());
                        }
                        Some(Ok(j)) => {
                            ui.colored_label(ui.visuals().warn_fg_color, j.label());
                        }
                        Some(Err(why)) => {
                            ui.weak(format!("達成かどうか判断できません: {why}"));
                        }
                        None => {}
                    }
                    let grade = key(&f::RESULT_GRADE).result(r);
                    let label = f::RESULT_GRADE.label;
                    changed |= widgets::line(ui, label, grade, &mut result.grade).changed();
                });
            }
            results_chart(ui, n, indicator);
            ui.horizontal(|ui| {
                if ui.button("＋ 実績を追加").clicked() {
                    edits.push(Edit::AddYearResult(at, n));
                }
                if ui.button("指標を削除").clicked() {
                    edits.push(Edit::Delete(Target::Indicator(at, n)));
                }
            });
        });
    }
    if ui.button("＋ 指標を追加").clicked() {
        edits.push(Edit::AddIndicator(at));
    }
    changed
}

/// The results by year against the target (dashed), once the target and a
/// result read as numbers: the same figure the printed plan draws, on the same
/// scale (zero, the target and a round top, the unit above the axis).
fn results_chart(ui: &mut Ui, n: usize, indicator: &Indicator) {
    use egui_plot::{GridMark, HLine, Line, LineStyle, Plot, PlotPoint, PlotPoints, Points, Text};
    // The points and scale the printed chart draws (see `blocks::tables::chart`).
    let Some(chart) = crate::blocks::tables::chart(indicator) else {
        return;
    };
    let points: Vec<[f64; 2]> = chart
        .points
        .iter()
        .map(|(year, value, _)| [f64::from(*year), *value])
        .collect();
    let years = |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        if mark.value.fract() == 0.0 {
            crate::wareki::format_fiscal_year(mark.value as i32)
        } else {
            String::new()
        }
    };
    // Only the printed marks, each far enough from the next to be written.
    let marks: Vec<GridMark> = chart
        .scale
        .iter()
        .map(|(value, _)| GridMark {
            value: *value,
            step_size: chart.top,
        })
        .collect();
    let scale = chart.scale.clone();
    let numbers = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        scale
            .iter()
            .find(|(value, _)| (value - mark.value).abs() <= chart.top * 1e-9)
            .map(|(_, label)| label.clone())
            .unwrap_or_default()
    };
    if !chart.unit.is_empty() {
        ui.small(format!("（{}）", chart.unit));
    }
    let (first, last) = (points[0][0], points[points.len() - 1][0]);
    let (target, goal) = chart.target.clone();
    Plot::new(("results chart", n))
        .height(140.0)
        .include_y(0.0)
        .include_y(chart.top)
        .include_x(first - 0.5)
        .include_x(last + 0.5)
        .x_axis_formatter(years)
        .x_grid_spacer(|input: egui_plot::GridInput| {
            // One line a year, as the printed chart has one dot a year.
            let (from, to) = (input.bounds.0.ceil() as i32, input.bounds.1.floor() as i32);
            (from..=to)
                .map(|year| GridMark {
                    value: f64::from(year),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(numbers)
        .y_grid_spacer(move |_| marks.clone())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show(ui, |plot| {
            plot.hline(HLine::new(&goal, target).style(LineStyle::dashed_loose()));
            let at = PlotPoint::new(last + 0.5, target);
            plot.text(Text::new("目標", at, &goal).anchor(egui::Align2::RIGHT_BOTTOM));
            plot.line(Line::new("実績", PlotPoints::from(points.clone())));
            plot.points(Points::new("実績", PlotPoints::from(points)).radius(3.5));
        });
}

/// One review's answer and texts; returns whether one changed.
fn review_ui(
    ui: &mut Ui,
    item: Option<crate::model::ItemId>,
    which: &Field,
    review: &mut Review,
) -> bool {
    let was = review.status;
    ui.separator();
    let name = which.label;
    let key = |field: &Field| FieldKey::of(item, field).within(which);
    let texts = ui.push_id(name, |ui| {
        let l = ui.label(format!("{name}の{}", f::REVIEW_STATUS.label));
        egui::ComboBox::from_id_salt("status")
            .selected_text(review.status.label())
            .show_ui(ui, |ui| {
                for status in [
                    ReviewStatus::Unset,
                    ReviewStatus::Achieved,
                    ReviewStatus::NotAchieved,
                ] {
                    ui.selectable_value(&mut review.status, status, status.label());
                }
            })
            .response
            .labelled_by(l.id);
        let comment = format!("{name}の{}", f::REVIEW_COMMENT.label);
        let comment_key = key(&f::REVIEW_COMMENT);
        let comment = widgets::paragraph(ui, &comment, comment_key, &mut review.comment);
        let improvement = format!("{name}の{}", f::REVIEW_IMPROVEMENT.label);
        let improvement_key = key(&f::REVIEW_IMPROVEMENT);
        let improvement =
            widgets::paragraph(ui, &improvement, improvement_key, &mut review.improvement);
        comment.changed() | improvement.changed()
    });
    texts.inner | (review.status != was)
}
