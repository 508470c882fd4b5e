//! Plans the benchmarks share.

use ward_plan::Plan;

/// The bundled sample.
pub fn sample() -> Plan {
    ward_plan::sample()
}

/// The sample's five issues repeated ten times (50 issues), numbered from position.
pub fn ten_times() -> Plan {
    let mut plan = sample();
    let issues = plan.issues.clone();
    plan.issues = (1..=10)
        .flat_map(|copy| {
            // Each copy's texts end in its own number, so no paragraph is
            // another's twin: a real plan repeats none, and a memo of broken
            // lines must not make the copies look cheaper than they are.
            let mut part = Plan::new("", 0);
            part.issues = issues.clone();
            part.each_text_mut(&mut |text| {
                if !text.is_empty() {
                    text.push_str(&format!("（{copy}）"));
                }
            });
            part.issues
        })
        .map(|mut issue| {
            issue.number = None;
            issue
        })
        .collect();
    // Copies are new items: each gets its own identity.
    plan.ensure_ids();
    plan
}

/// The kinds of long runs a pasted or mistyped field can hold, each with what
/// it repeats: every one is a finding (or a word to keep) at every place, so a
/// check that does work per finding in the length of its field is quadratic here.
#[allow(dead_code)] // the proof benchmark's only
pub const RUNS: [(&str, &str); 14] = [
    ("doubled_commas", "、"),
    ("doubled_pairs", "、、あ"),
    ("unmatched_closes", "」"),
    ("doubled_stops", "。。"),
    ("unclosed_opens", "（"),
    ("nested_parens", "(あ"),
    ("quotes", "「事」"),
    ("amounts", "1000件 "),
    ("half_kana", "ｱ、"),
    ("spaces", "あ "),
    ("kana_words", "事が"),
    ("look_alikes", "\u{2F45}"),
    ("look_alikes_apart", "\u{2F45}あ"),
    ("kept_words", "子ども・子育て支援法、"),
];

/// The sample with `unit` repeated until the mission is `chars` characters long,
/// and 子ども・子育て支援法 among the words to keep.
#[allow(dead_code)] // the proof benchmark's only
pub fn long_run(unit: &str, chars: usize) -> Plan {
    let mut plan = sample();
    let n = chars.div_ceil(unit.chars().count());
    plan.mission = unit.repeat(n);
    plan.writing.keep.push("子ども・子育て支援法".to_string());
    plan
}
