use super::*;
use crate::model::Initiative;

fn sample() -> Plan {
    crate::sample()
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
        .filter(|w| w.kind == Kind::Content)
        .map(|w| (w.at, w.field.key, w.message))
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
