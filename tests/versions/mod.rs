//! Two versions of the sample plan that the comparison tests share.

use ward_plan::Plan;
use ward_plan::model::{Initiative, ItemId};

/// The bundled sample.
pub fn sample() -> Plan {
    ward_plan::sample()
}

/// The sample with one sentence changed, one initiative added, one deleted, one
/// budget changed and two issues swapped.
pub fn revised() -> Plan {
    let mut plan = sample();
    plan.issues[0].description = plan.issues[0].description.replace(
        "認知症への理解を深める",
        "認知症の人とその家族を地域で支える",
    );
    plan.issues[0].strategies[0].initiatives.push(Initiative {
        id: ItemId::fresh(),
        title: "見守り活動の推進".to_owned(),
        budget: Some(1_200),
        text: "地域の見守り活動を支援する。".to_owned(),
        ..Initiative::default()
    });
    plan.issues[2].strategies[0].initiatives.clear();
    plan.issues[1].strategies[0].initiatives[0].budget = Some(15_000);
    plan.issues.swap(3, 4);
    plan
}
