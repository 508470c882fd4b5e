//! A field's value, typed: what the field walk reads and what diff and merge
//! compare and write back.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{Indicator, ReviewStatus, Revision, Stage};

/// A field's value, typed: one type for the walk (borrowed from the plan) and
/// for diff and merge (owned, `Value<'static>`, kept in a change and written
/// back). Update notes and indicators also come whole ([`Value::Revision`],
/// [`Value::Indicator`]): diff and merge take a list entry as one value, while
/// the walk gives their fields one by one and never yields these two.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// Text (may be empty).
    Text(Cow<'a, str>),
    /// A budget in 千円, or none.
    Budget(Option<u64>),
    /// A pinned item number, or none.
    Number(Option<u32>),
    /// A yes/no field (主な戦略, 主な具体的取組).
    Flag(bool),
    /// A date, or none.
    Date(Option<NaiveDate>),
    /// A fiscal year (Western start year).
    Year(i32),
    /// A review's answer.
    Status(ReviewStatus),
    /// The plan's stage (版).
    Stage(Stage),
    /// A whole update note.
    Revision(Cow<'a, Revision>),
    /// A whole indicator with its results.
    Indicator(Cow<'a, Indicator>),
}

impl Value<'_> {
    /// The text, for a text field.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The same value, owning what it borrowed.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Text(t) => Value::Text(Cow::Owned(t.into_owned())),
            Value::Budget(b) => Value::Budget(b),
            Value::Number(n) => Value::Number(n),
            Value::Flag(b) => Value::Flag(b),
            Value::Date(d) => Value::Date(d),
            Value::Year(y) => Value::Year(y),
            Value::Status(s) => Value::Status(s),
            Value::Stage(s) => Value::Stage(s),
            Value::Revision(r) => Value::Revision(Cow::Owned(r.into_owned())),
            Value::Indicator(i) => Value::Indicator(Cow::Owned(i.into_owned())),
        }
    }
}
