//! 表記のきまり: a ward's own choices for the writing check (校正), kept in the plan
//! file so that a copy emailed to a section checks the same way. Absent in the
//! file means the defaults: the form a plan uses most, nothing kept, every rule on.

use serde::{Deserialize, Serialize};

/// The ward's choices for the writing check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Writing {
    /// The form the ward writes, one per word group: こども, 障がい.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preferred: Vec<String>,
    /// Words never flagged nor changed: law and programme names keep their own
    /// spelling (子ども・子育て支援法).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keep: Vec<String>,
    /// Rules switched off, by the name the warnings panel shows (長い文).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off: Vec<String>,
}

/// Which of the three lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// [`Writing::preferred`].
    Preferred,
    /// [`Writing::keep`].
    Keep,
    /// [`Writing::off`].
    Off,
}

impl List {
    /// All three, in file order.
    pub const ALL: [List; 3] = [List::Preferred, List::Keep, List::Off];
}

impl Writing {
    /// Whether nothing is chosen (the file leaves it out).
    pub fn is_default(&self) -> bool {
        *self == Writing::default()
    }

    /// Whether the rule named `rule` is on.
    pub fn is_on(&self, rule: &str) -> bool {
        !self.off.iter().any(|r| r == rule)
    }

    /// Switches the rule named `rule` on or off.
    pub fn set_on(&mut self, rule: &str, on: bool) {
        self.off.retain(|r| r != rule);
        if !on {
            self.off.push(rule.to_owned());
        }
    }

    /// One of the lists.
    pub fn list(&self, list: List) -> &Vec<String> {
        match list {
            List::Preferred => &self.preferred,
            List::Keep => &self.keep,
            List::Off => &self.off,
        }
    }

    /// One of the lists, to change.
    pub fn list_mut(&mut self, list: List) -> &mut Vec<String> {
        match list {
            List::Preferred => &mut self.preferred,
            List::Keep => &mut self.keep,
            List::Off => &mut self.off,
        }
    }
}
