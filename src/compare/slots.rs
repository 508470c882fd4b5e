//! Field values as data: every value of a plan under a [`Key`] (the field, its
//! group and its list entry), read from the field walk and written back by
//! [`set`]. Diff compares these values; taking a change writes one back.

use std::borrow::Cow;

use crate::model::fields::{self as f, Field};
use crate::model::walk::{self, Value};
use crate::model::{Indicator, ItemId, PartMut, Plan};

/// Where a value sits within its item (or the plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The review or contact block the field belongs to.
    pub group: Option<&'static Field>,
    /// The entry of a list (policy bullet, update note, indicator).
    pub entry: Option<Entry>,
    /// The field; for a list entry, the list.
    pub field: &'static Field,
}

impl Key {
    /// The same key for the whole list, without the entry: what the entries of
    /// one list share.
    pub fn list(&self) -> Key {
        Key {
            entry: None,
            ..*self
        }
    }
}

/// A list entry. List entries have no identity of their own, so a change names
/// them by their place in the version it was worked out from (the old one): the
/// same base entry has the same key in both copies of a merge, whatever either
/// copy added or removed around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Entry {
    /// Entry `n`.
    At(usize),
    /// A new entry put in before entry `n` (after the last one when `n` is the
    /// list's length).
    Before(usize),
}

/// One value with where it is, borrowed from the plan it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot<'a> {
    /// The item; none for the plan's own fields.
    pub item: Option<ItemId>,
    /// Where in the item.
    pub key: Key,
    /// The value.
    pub value: Value<'a>,
}

/// Every value of the plan in document order; update notes and indicators as
/// whole entries.
pub fn slots(plan: &Plan) -> Vec<Slot<'_>> {
    let mut out = Vec::new();
    for field in walk::fields(plan) {
        let whole = field
            .within
            .is_some_and(|w| *w == f::REVISIONS || *w == f::INDICATORS);
        if whole {
            // One slot per entry, at the entry's first field.
            let first = *field.field == f::REVISION_DATE || *field.field == f::INDICATOR_NAME;
            if first && let (Some(group), Some(n)) = (field.within, field.entry) {
                let value = match group.key {
                    "revisions" => plan
                        .revisions
                        .get(n)
                        .map(|r| Value::Revision(Cow::Borrowed(r))),
                    _ => indicator(plan, field.item, n).map(|i| Value::Indicator(Cow::Borrowed(i))),
                };
                if let Some(value) = value {
                    let key = Key {
                        group: None,
                        entry: Some(Entry::At(n)),
                        field: group,
                    };
                    out.push(Slot {
                        item: field.item,
                        key,
                        value,
                    });
                }
            }
            continue;
        }
        out.push(Slot {
            item: field.item,
            key: Key {
                group: field.within,
                entry: field.entry.map(Entry::At),
                field: field.field,
            },
            value: field.value,
        });
    }
    out
}

fn indicator(plan: &Plan, item: Option<ItemId>, n: usize) -> Option<&Indicator> {
    let path = plan.locate(item?)?;
    match plan.get(path)? {
        crate::model::Part::Strategy(s) => s.indicators.get(n),
        _ => None,
    }
}

/// Writes a list entry: replaces entry `n` (appends past the end), removes it
/// (none), or puts a new one in before it.
fn set_entry<T>(list: &mut Vec<T>, entry: Entry, value: Option<T>) {
    match (entry, value) {
        (Entry::At(n), Some(v)) if n < list.len() => list[n] = v,
        (Entry::At(_), Some(v)) => list.push(v),
        (Entry::At(n), None) if n < list.len() => {
            list.remove(n);
        }
        (Entry::Before(n), Some(v)) => list.insert(n.min(list.len()), v),
        (_, None) => {}
    }
}

/// The entries of the list `key` names (its entry aside) of `item`, in order.
pub fn list(plan: &Plan, item: Option<ItemId>, key: Key) -> Vec<Value<'static>> {
    let list = key.list();
    slots(plan)
        .into_iter()
        .filter(|s| s.item == item && s.key.entry.is_some() && s.key.list() == list)
        .map(|s| s.value.into_owned())
        .collect()
}

/// Replaces the whole list `key` names of `item` with `values`.
pub fn set_list(
    plan: &mut Plan,
    item: Option<ItemId>,
    key: Key,
    values: Vec<Value<'static>>,
) -> bool {
    let had = list(plan, item, key).len();
    let n = values.len();
    let at = |n| Key {
        entry: Some(Entry::At(n)),
        ..key
    };
    let mut fits = true;
    for (i, value) in values.into_iter().enumerate() {
        fits &= set(plan, item, at(i), Some(value));
    }
    for i in (n..had).rev() {
        fits &= set(plan, item, at(i), None);
    }
    fits
}

/// Writes `value` at `key` of `item` (the plan when none); `None` removes a list
/// entry. Returns false when there is no such place or the value does not fit.
pub fn set(plan: &mut Plan, item: Option<ItemId>, key: Key, value: Option<Value<'static>>) -> bool {
    match item {
        None => set_plan(plan, key, value),
        Some(id) => {
            let Some(path) = plan.locate(id) else {
                return false;
            };
            match plan.get_mut(path) {
                Some(part) => set_item(part, key, value),
                None => false,
            }
        }
    }
}

fn set_plan(plan: &mut Plan, key: Key, value: Option<Value<'static>>) -> bool {
    let field = *key.field;
    if let Some(n) = key.entry {
        if field == f::POLICY {
            let text = match value {
                Some(Value::Text(t)) => Some(t.into_owned()),
                Some(_) => return false,
                None => None,
            };
            set_entry(&mut plan.policy, n, text);
            return true;
        }
        if key.group.is_some_and(|g| *g == f::WRITING) {
            let text = match value {
                Some(Value::Text(t)) => Some(t.into_owned()),
                Some(_) => return false,
                None => None,
            };
            let Some(list) = crate::model::writing::List::ALL
                .into_iter()
                .find(|l| *f::writing_field(*l) == field)
            else {
                return false;
            };
            set_entry(plan.writing.list_mut(list), n, text);
            return true;
        }
        if field == f::REVISIONS {
            let revision = match value {
                Some(Value::Revision(r)) => Some(r.into_owned()),
                Some(_) => return false,
                None => None,
            };
            set_entry(&mut plan.revisions, n, revision);
            return true;
        }
        return false;
    }
    match value {
        Some(Value::Year(y)) if field == f::FISCAL_YEAR => plan.fiscal_year = y,
        Some(Value::Date(d)) if field == f::PAGE_DATE => plan.page_date = d,
        Some(Value::Stage(s)) if field == f::STAGE => plan.stage = s,
        Some(Value::Text(t)) if key.group.is_some_and(|g| *g == f::WORDING) => {
            match crate::model::Heading::ALL
                .into_iter()
                .find(|h| *f::wording_field(*h) == field)
            {
                Some(heading) => *plan.wording.get_mut(heading) = t.into_owned(),
                None => return false,
            }
        }
        Some(Value::Text(t)) => {
            let target = match key.group {
                Some(g) if *g == f::CONTACT => plan.contact.text_mut(field.key),
                _ => plan.text_mut(field.key),
            };
            match target {
                Some(slot) => *slot = t.into_owned(),
                None => return false,
            }
        }
        _ => return false,
    }
    true
}

fn set_item(part: PartMut<'_>, key: Key, value: Option<Value<'static>>) -> bool {
    let field = *key.field;
    if field == f::INDICATORS {
        let (PartMut::Strategy(s), Some(n)) = (part, key.entry) else {
            return false;
        };
        let indicator = match value {
            Some(Value::Indicator(i)) => Some(i.into_owned()),
            Some(_) => return false,
            None => None,
        };
        set_entry(&mut s.indicators, n, indicator);
        return true;
    }
    let Some(value) = value else {
        return false;
    };
    match (part, value) {
        (part, value) if key.group.is_some() => {
            let Some(review) = key.group.and_then(|g| part.review_mut(g.key)) else {
                return false;
            };
            match value {
                Value::Status(s) if field == f::REVIEW_STATUS => review.status = s,
                Value::Text(t) => match review.text_mut(field.key) {
                    Some(slot) => *slot = t.into_owned(),
                    None => return false,
                },
                _ => return false,
            }
        }
        (part, Value::Text(t)) => match part.text_mut(field.key) {
            Some(slot) => *slot = t.into_owned(),
            None => return false,
        },
        (PartMut::Issue(i), Value::Number(n)) if field == f::NUMBER => i.number = n,
        (PartMut::Strategy(s), Value::Number(n)) if field == f::NUMBER => s.number = n,
        (PartMut::Strategy(s), Value::Flag(b)) if field == f::MAIN => s.main = b,
        (PartMut::Initiative(k), Value::Number(n)) if field == f::NUMBER => k.number = n,
        (PartMut::Initiative(k), Value::Flag(b)) if field == f::MAIN => k.main = b,
        (PartMut::Initiative(k), Value::Budget(b)) if field == f::BUDGET => k.budget = b,
        _ => return false,
    }
    true
}
