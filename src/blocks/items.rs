//! The blocks of one issue and what it holds: its fields, its strategies with
//! their labels, indicators and reviews, and their initiatives.

use super::*;

pub(super) fn issue_blocks(out: &mut Out, h: &Headings, n1: u32, issue: &Issue) {
    out.from(Some(issue.id), Some(&f::TITLE));
    out.push(Block::IssueHeading(h.item(&[n1], Part::Issue(issue))));
    for (name, text) in [
        (&f::DESCRIPTION, &issue.description),
        (&f::VISION, &issue.vision),
        (&f::CURRENT_STATE, &issue.current_state),
        (&f::CAUSE_ANALYSIS, &issue.cause_analysis),
        (&f::CHALLENGE, &issue.challenge),
    ] {
        field(out, h.era, name, text);
    }
    // Strategies listed by name only (a page's 主な戦略 list) share one label,
    // as the page prints them; a strategy with more to it has its own.
    let mut listed_before: Option<bool> = None;
    for (n2, strategy) in numbered(&issue.strategies) {
        let labelled = listed_before != Some(strategy.main);
        strategy_blocks(out, h, &[n1, n2], strategy, labelled);
        listed_before = is_name_only(strategy).then_some(strategy.main);
    }
}

/// Whether a strategy prints nothing but its heading.
fn is_name_only(strategy: &Strategy) -> bool {
    strategy.text.trim().is_empty()
        && strategy.target_state.trim().is_empty()
        && strategy.indicators.is_empty()
        && strategy.interim_review.is_empty()
        && strategy.self_evaluation.is_empty()
        && strategy.initiatives.is_empty()
}

fn strategy_blocks(
    out: &mut Out,
    h: &Headings,
    number: &[u32],
    strategy: &Strategy,
    labelled: bool,
) {
    out.from(Some(strategy.id), Some(&f::TITLE));
    if labelled {
        let label = if strategy.main {
            Heading::MainStrategy
        } else {
            Heading::StrategyLabel
        };
        out.push(Block::Label(h.print(label, "", "")));
    }
    out.push(Block::ItemHeading(h.item(number, Part::Strategy(strategy))));
    field(out, h.era, &f::STRATEGY_TEXT, &strategy.text);
    field(out, h.era, &f::TARGET_STATE, &strategy.target_state);
    if !strategy.indicators.is_empty() {
        out.field(&f::INDICATORS);
        out.push(Block::FieldName(f::INDICATORS.heading(h.era).to_owned()));
        out.push(Block::Table(tables::indicators(&strategy.indicators)));
        // On paper, each indicator with results readable as numbers is drawn too.
        if out.medium == Medium::Print {
            out.extend(
                strategy
                    .indicators
                    .iter()
                    .filter_map(tables::chart)
                    .map(Block::Chart),
            );
        }
    }
    review_blocks(out, h.era, &f::INTERIM_REVIEW, &strategy.interim_review);
    review_blocks(out, h.era, &f::SELF_EVALUATION, &strategy.self_evaluation);

    let mut previous_main = None;
    for (n3, initiative) in numbered(&strategy.initiatives) {
        if previous_main != Some(initiative.main) {
            let label = if initiative.main {
                Heading::MainInitiative
            } else {
                Heading::InitiativeLabel
            };
            out.push(Block::Label(h.print(label, "", "")));
            previous_main = Some(initiative.main);
        }
        let mut full = number.to_vec();
        full.push(n3);
        initiative_blocks(out, h, &full, initiative);
    }
}

fn initiative_blocks(out: &mut Out, h: &Headings, number: &[u32], initiative: &Initiative) {
    let era = h.era;
    out.from(Some(initiative.id), Some(&f::TITLE));
    out.push(Block::ItemHeading(
        h.item(number, Part::Initiative(initiative)),
    ));
    for (name, text) in [
        (&f::INITIATIVE_TEXT, &initiative.text),
        (&f::PAST_RESULTS, &initiative.past_results),
        (&f::PERFORMANCE_TARGET, &initiative.performance_target),
    ] {
        field(out, era, name, text);
    }
    review_blocks(out, era, &f::INTERIM_REVIEW, &initiative.interim_review);
    review_blocks(out, era, &f::SELF_EVALUATION, &initiative.self_evaluation);
}

fn review_blocks(out: &mut Out, era: Era, which: &'static Field, review: &Review) {
    if review.is_empty() {
        return;
    }
    let status = if review.status.is_unset() {
        String::new()
    } else {
        format!(" {}", review.status.label())
    };
    out.field(which);
    out.push(Block::FieldName(format!("{}{status}", which.heading(era))));
    field(out, era, &f::REVIEW_COMMENT, &review.comment);
    field(out, era, &f::REVIEW_IMPROVEMENT, &review.improvement);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels printed over one issue's strategies.
    fn labels(issue: &Issue) -> Vec<String> {
        let mut plan = crate::sample();
        plan.issues = vec![issue.clone()];
        blocks(&plan, Medium::Web)
            .into_iter()
            .filter_map(|b| match b {
                Block::Label(l) => Some(l),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn strategies_listed_by_name_share_one_label() {
        let named = |title: &str, main: bool| Strategy {
            title: title.to_owned(),
            main,
            ..Strategy::default()
        };
        let mut issue = Issue {
            strategies: vec![named("見守り", true), named("防災", true)],
            ..Issue::default()
        };
        assert_eq!(labels(&issue), ["《主な戦略》"]);
        // Another kind starts its own label; so does any strategy after one
        // that prints more than its name.
        issue.strategies.push(named("広報", false));
        issue.strategies.push(named("窓口", false));
        issue.strategies[3].text = "窓口を改善する。".to_owned();
        issue.strategies.push(named("相談", false));
        assert_eq!(
            labels(&issue),
            ["《主な戦略》", "《戦略》", "《戦略》"],
            "a label over 広報 (and 窓口 with it) and over 相談 after 窓口's text"
        );
    }
}
