//! Generators of arbitrary plans, shared by the property tests.

use proptest::prelude::*;
use proptest::strategy::Strategy;
use ward_plan::model::*;

/// Text as people type it: Japanese, ASCII, the ideographic space, quotes and
/// backslashes (which force raw strings), `#`, IVS, tabs and newlines, and any
/// other character a plan may hold: no control character but tab and line end
/// (the editor and import never let one in, and the loader refuses one).
pub fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just('あ'),
            Just('漢'),
            Just('鶴'),
            Just('\u{3000}'),
            Just('\u{e0100}'),
            Just('"'),
            Just('\\'),
            Just('#'),
            Just('\n'),
            Just('\t'),
            Just('】'),
            Just('😀'),
            any::<char>().prop_filter("no control character", |c| !c.is_control()),
        ],
        0..12,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn review() -> impl Strategy<Value = Review> {
    (
        prop_oneof![
            Just(ReviewStatus::Unset),
            Just(ReviewStatus::Achieved),
            Just(ReviewStatus::NotAchieved)
        ],
        text(),
        text(),
    )
        .prop_map(|(status, comment, improvement)| Review {
            status,
            comment,
            improvement,
        })
}

fn date() -> impl Strategy<Value = chrono::NaiveDate> {
    (1900i32..2200, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid"))
}

fn initiative() -> impl Strategy<Value = Initiative> {
    (
        (id(), prop::option::of(any::<u32>())),
        text(),
        any::<bool>(),
        prop::option::of(any::<u64>()),
        (text(), text(), text()),
        review(),
        review(),
    )
        .prop_map(
            |(
                (id, number),
                title,
                main,
                budget,
                (text, performance_target, past_results),
                a,
                b,
            )| {
                Initiative {
                    id,
                    number,
                    title,
                    main,
                    budget,
                    text,
                    performance_target,
                    past_results,
                    interim_review: a,
                    self_evaluation: b,
                }
            },
        )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        (text(), text(), text(), text()),
        prop::collection::vec(
            (any::<i32>(), text(), text()).prop_map(|(fiscal_year, value, grade)| YearResult {
                fiscal_year,
                value,
                grade,
            }),
            0..3,
        ),
    )
        .prop_map(|((name, target, unit, period), results)| Indicator {
            name,
            target,
            unit,
            period,
            results,
        })
}

fn strategy() -> impl Strategy<Value = ward_plan::model::Strategy> {
    (
        (id(), prop::option::of(any::<u32>())),
        (text(), any::<bool>(), text(), text()),
        prop::collection::vec(indicator(), 0..3),
        review(),
        review(),
        prop::collection::vec(initiative(), 0..3),
    )
        .prop_map(
            |((id, number), (title, main, text, target_state), indicators, a, b, initiatives)| {
                ward_plan::model::Strategy {
                    id,
                    number,
                    title,
                    main,
                    text,
                    target_state,
                    indicators,
                    interim_review: a,
                    self_evaluation: b,
                    initiatives,
                }
            },
        )
}

fn issue() -> impl Strategy<Value = Issue> {
    (
        (id(), prop::option::of(any::<u32>())),
        (text(), text(), text(), text(), text(), text()),
        prop::collection::vec(strategy(), 0..3),
    )
        .prop_map(
            |(
                (id, number),
                (title, description, vision, current_state, cause_analysis, challenge),
                strategies,
            )| {
                Issue {
                    id,
                    number,
                    title,
                    description,
                    vision,
                    current_state,
                    cause_analysis,
                    challenge,
                    strategies,
                }
            },
        )
}

/// An item identity: 64 random bits, as a loaded plan has (never unset).
fn id() -> impl Strategy<Value = ItemId> {
    (1..u64::MAX).prop_map(ItemId::from_raw)
}

pub fn plan() -> impl Strategy<Value = Plan> {
    (
        (
            any::<i32>(),
            text(),
            text(),
            prop::option::of(date()),
            prop::sample::select(Stage::ALL.to_vec()),
        ),
        prop::collection::vec(
            (date(), text()).prop_map(|(date, note)| Revision { date, note }),
            0..3,
        ),
        (
            text(),
            text(),
            prop::collection::vec(text(), 0..4),
            prop::option::weighted(0.3, text()),
            prop::option::weighted(0.3, text()),
        ),
        prop::collection::vec(issue(), 0..3),
        (text(), text()),
        (text(), text(), text(), text(), text(), text()),
        (
            prop::collection::vec(text(), 0..2),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..2),
        ),
        (text(), text(), text()),
    )
        .prop_map(
            |(
                (fiscal_year, ward, office, page_date, stage),
                revisions,
                (goal, mission, policy, policy_lead, policy_closing),
                issues,
                (overall_evaluation, future_direction),
                (section, postal_code, address, phone, fax, email),
                (preferred, keep, off),
                (goal_heading, issue_heading, strategy_heading),
            )| Plan {
                version: FORMAT_VERSION,
                fiscal_year,
                ward,
                stage,
                office,
                page_date,
                revisions,
                goal,
                mission,
                policy_lead: policy_lead.unwrap_or_default(),
                policy,
                policy_closing: policy_closing.unwrap_or_default(),
                issues,
                overall_evaluation,
                future_direction,
                wording: Wording {
                    goal: goal_heading,
                    issue: issue_heading,
                    strategy: strategy_heading,
                    ..Wording::default()
                },
                writing: Writing {
                    preferred,
                    keep,
                    off,
                },
                contact: Contact {
                    section,
                    postal_code,
                    address,
                    phone,
                    fax,
                    email,
                },
                sent: None,
                given_ids: Default::default(),
            },
        )
}

/// What a pasted or mistyped field repeats: marks doubled and unmatched,
/// brackets nested, half-width kana and marks, spaces, amounts, words 校正
/// names, look-alike characters and a word the plan keeps.
const UNITS: [&str; 16] = [
    "、",
    "。",
    "」",
    "（",
    "(あ",
    "「事」",
    "1000件 ",
    "ｱ、",
    "あ ",
    "事が",
    "\u{2F45}",
    "子ども・子育て支援法、",
    "、、あ",
    "\u{2F45}あ",
    "）（",
    "です。である。",
];

/// One field's new text: runs of `UNITS` (up to `longest` characters each)
/// mixed with arbitrary text.
fn field_text(longest: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => (prop::sample::select(UNITS.to_vec()), 1..longest).prop_map(|(unit, chars)| {
                unit.repeat(chars.div_ceil(unit.chars().count()))
            }),
            1 => text(),
        ],
        1..4,
    )
    .prop_map(|parts| parts.concat())
}

/// The sample with some of its text fields replaced, or added to at either
/// end, by `field_text`: plans of the family the check meets, long runs of
/// marks included.
#[allow(dead_code)] // the proof tests' and the benchmark's, not every suite's
pub fn mutated_plan(longest: usize) -> impl Strategy<Value = Plan> {
    let fields = {
        let mut plan = ward_plan::sample();
        let mut n = 0;
        plan.each_text_mut(&mut |_| n += 1);
        n
    };
    prop::collection::vec((0..fields, 0..3u8, field_text(longest)), 1..5).prop_map(
        move |mutations| {
            let mut plan = ward_plan::sample();
            plan.writing.keep.push("子ども・子育て支援法".to_string());
            for (target, how, new) in mutations {
                let mut n = 0;
                plan.each_text_mut(&mut |text| {
                    if n == target {
                        match how {
                            0 => *text = new.clone(),
                            1 => text.insert_str(0, &new),
                            _ => text.push_str(&new),
                        }
                    }
                    n += 1;
                });
            }
            plan
        },
    )
}
