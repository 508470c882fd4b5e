//! A field's address: which item, which group entry, which field. The field walk
//! gives every field its address, the editor names each input by it (so search can
//! open the exact field), and [`text_mut`] finds the text at an address to
//! replace in it. A test checks that the walk and `text_mut` agree on every field.

use super::fields::{self as f, Field};
use super::walk::FieldRef;
use super::{ItemId, PartMut, Plan};

/// Where a field is, apart from its value: stable while the text is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldKey {
    /// The item; none for the plan's own fields.
    pub item: Option<ItemId>,
    /// The group (review, indicators, update notes, contact), by its key.
    pub group: Option<&'static str>,
    /// The entry of a list: policy bullet, update note, indicator.
    pub entry: Option<usize>,
    /// The result of an indicator.
    pub result: Option<usize>,
    /// The field's key in the vocabulary.
    pub field: &'static str,
}

impl FieldKey {
    /// A field of its own of `item` (none: the plan).
    pub fn of(item: Option<ItemId>, field: &Field) -> Self {
        Self {
            item,
            group: None,
            entry: None,
            result: None,
            field: field.key,
        }
    }

    /// The same field inside `group`.
    pub fn within(self, group: &Field) -> Self {
        Self {
            group: Some(group.key),
            ..self
        }
    }

    /// The same field of list entry `n`.
    pub fn entry(self, n: usize) -> Self {
        Self {
            entry: Some(n),
            ..self
        }
    }

    /// The same field of an indicator's result `r`.
    pub fn result(self, r: usize) -> Self {
        Self {
            result: Some(r),
            ..self
        }
    }
}

impl FieldRef<'_> {
    /// The field's address.
    pub fn key(&self) -> FieldKey {
        let mut key = FieldKey::of(self.item, self.field);
        if let Some(group) = self.within {
            key = key.within(group);
        }
        key.entry = self.entry;
        key.result = self.result;
        key
    }
}

/// Replaces the characters `start..end` of `text` with `with` (positions in
/// characters, as the editor's cursor counts them).
pub fn splice(text: &mut String, start: usize, end: usize, with: &str) {
    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(b, _)| b);
    let (a, b) = (byte(start), byte(end));
    text.replace_range(a..b, with);
}

/// The text at `key`, to change it; none when the plan has no such text field.
pub fn text_mut<'a>(plan: &'a mut Plan, key: &FieldKey) -> Option<&'a mut String> {
    let Some(id) = key.item else {
        return plan_text_mut(plan, key);
    };
    let path = plan.locate(id)?;
    match (plan.get_mut(path)?, key.group) {
        (part, None) => part.text_mut(key.field),
        (PartMut::Strategy(strategy), Some("indicators")) => {
            let indicator = strategy.indicators.get_mut(key.entry?)?;
            match (key.result, key.field) {
                (None, "name") => Some(&mut indicator.name),
                (None, "target") => Some(&mut indicator.target),
                (None, "unit") => Some(&mut indicator.unit),
                (None, "period") => Some(&mut indicator.period),
                (Some(r), field) => {
                    let result = indicator.results.get_mut(r)?;
                    match field {
                        "value" => Some(&mut result.value),
                        "grade" => Some(&mut result.grade),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        (part, Some(group)) => part.review_mut(group)?.text_mut(key.field),
    }
}

fn plan_text_mut<'a>(plan: &'a mut Plan, key: &FieldKey) -> Option<&'a mut String> {
    match (key.group, key.field) {
        (None, "policy") => plan.policy.get_mut(key.entry?),
        (None, field) => plan.text_mut(field),
        (Some("revisions"), "note") => Some(&mut plan.revisions.get_mut(key.entry?)?.note),
        (Some("wording"), field) => {
            let heading = super::Heading::ALL
                .into_iter()
                .find(|h| f::wording_field(*h).key == field)?;
            Some(plan.wording.get_mut(heading))
        }
        (Some("writing"), field) => {
            let list = super::writing::List::ALL
                .into_iter()
                .find(|l| f::writing_field(*l).key == field)?;
            plan.writing.list_mut(list).get_mut(key.entry?)
        }
        (Some("contact"), field) => plan.contact.text_mut(field),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::walk::{self, Value};

    /// Every text field the walk visits is found at its address, holding the
    /// walk's text, and no two fields share an address.
    #[test]
    fn every_text_of_the_walk_is_at_its_address() {
        let mut plan = crate::sample();
        plan.writing.preferred.push("こども".to_owned());
        plan.writing.keep = vec!["子ども・子育て支援法".to_owned(), "子供食堂".to_owned()];
        plan.writing.off.push("長い文".to_owned());
        let mut copy = plan.clone();
        let mut seen = std::collections::HashSet::new();
        let mut texts = 0;
        for field in walk::fields(&plan) {
            let key = field.key();
            assert!(
                seen.insert(key),
                "{} shares its address {key:?}",
                field.name
            );
            if let Value::Text(text) = &field.value {
                let found = text_mut(&mut copy, &key);
                assert_eq!(
                    found.as_deref().map(String::as_str),
                    Some(text.as_ref()),
                    "{}",
                    field.name
                );
                texts += 1;
            } else {
                assert!(text_mut(&mut copy, &key).is_none(), "{}", field.name);
            }
        }
        assert!(texts > 100, "{texts}");
    }
}
