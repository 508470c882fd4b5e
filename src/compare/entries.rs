//! List entries that hold several fields (an indicator with its target and
//! yearly results, an update note with its date) merged field by field: one
//! copy renaming an indicator and the other entering this year's result is two
//! changes, not a conflict. Only the same field changed two ways is.

use std::borrow::Cow;

use crate::model::walk::Value;
use crate::model::{Indicator, Revision, YearResult};

/// The entry both copies changed, merged from the base's, mine and theirs;
/// none when they changed the same field differently (or one removed a part
/// the other changed).
pub(super) fn merged(
    base: &Value<'static>,
    mine: &Value<'static>,
    theirs: &Value<'static>,
) -> Option<Value<'static>> {
    match (base, mine, theirs) {
        (Value::Indicator(b), Value::Indicator(m), Value::Indicator(t)) => {
            indicator(b, m, t).map(|i| Value::Indicator(Cow::Owned(i)))
        }
        (Value::Revision(b), Value::Revision(m), Value::Revision(t)) => {
            Some(Value::Revision(Cow::Owned(Revision {
                date: pick(&b.date, &m.date, &t.date)?,
                note: pick(&b.note, &m.note, &t.note)?,
            })))
        }
        _ => None,
    }
}

fn indicator(b: &Indicator, m: &Indicator, t: &Indicator) -> Option<Indicator> {
    let mut years: Vec<i32> = [b, m, t]
        .iter()
        .flat_map(|i| i.results.iter().map(|r| r.fiscal_year))
        .collect();
    years.sort_unstable();
    years.dedup();
    let of = |i: &Indicator, year| i.results.iter().find(|r| r.fiscal_year == year).cloned();
    let mut results = Vec::new();
    for year in years {
        let (rb, rm, rt) = (of(b, year), of(m, year), of(t, year));
        let result = match pick(&rb, &rm, &rt) {
            Some(r) => r,
            None => match (rb, rm, rt) {
                (Some(rb), Some(rm), Some(rt)) => Some(YearResult {
                    fiscal_year: year,
                    value: pick(&rb.value, &rm.value, &rt.value)?,
                    grade: pick(&rb.grade, &rm.grade, &rt.grade)?,
                }),
                _ => return None,
            },
        };
        results.extend(result);
    }
    Some(Indicator {
        name: pick(&b.name, &m.name, &t.name)?,
        target: pick(&b.target, &m.target, &t.target)?,
        unit: pick(&b.unit, &m.unit, &t.unit)?,
        period: pick(&b.period, &m.period, &t.period)?,
        results,
    })
}

/// One field from three versions: the copies' common value, or the one copy's
/// change; none when both changed it differently.
fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> Option<T> {
    if mine == theirs || theirs == base {
        Some(mine.clone())
    } else if mine == base {
        Some(theirs.clone())
    } else {
        None
    }
}
