//! Plans the benchmarks share.

use ward_plan::Plan;

/// The bundled sample.
pub fn sample() -> Plan {
    ward_plan::io::parse(ward_plan::SAMPLE_RON.as_bytes()).expect("sample")
}

/// The sample's five issues repeated ten times (50 issues), numbered from position.
pub fn ten_times() -> Plan {
    let mut plan = sample();
    let issues = plan.issues.clone();
    plan.issues = (0..10)
        .flat_map(|_| issues.iter().cloned())
        .map(|mut issue| {
            issue.number = None;
            issue
        })
        .collect();
    // Copies are new items: each gets its own identity.
    plan.ensure_ids();
    plan
}
