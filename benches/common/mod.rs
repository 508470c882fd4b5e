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
