//! The fields of the ward's settings: the wording of the printed headings
//! (見出しの言葉) and the choices of the writing check (表記のきまり), which
//! are in the file and the field walk but never printed as text.

use super::{Field, Owner as O};

// 見出しの言葉 (one per [`crate::model::Heading`], keyed as in the file).
/// `wording`.
pub const WORDING: Field = Field::new(O::Plan, "wording", "見出しの言葉");
/// `Wording.goal`.
pub const WORDING_GOAL: Field = Field::new(O::Wording, "goal", "目標の見出し");
/// `Wording.group`.
pub const WORDING_GROUP: Field = Field::new(O::Wording, "group", "目標の前の見出し");
/// `Wording.mission`.
pub const WORDING_MISSION: Field = Field::new(O::Wording, "mission", "使命の見出し");
/// `Wording.policy`.
pub const WORDING_POLICY: Field = Field::new(O::Wording, "policy", "基本的な考え方の見出し");
/// `Wording.issues`.
pub const WORDING_ISSUES: Field = Field::new(O::Wording, "issues", "経営課題の前の見出し");
/// `Wording.issue`.
pub const WORDING_ISSUE: Field = Field::new(O::Wording, "issue", "経営課題の見出し");
/// `Wording.main_strategy`.
pub const WORDING_MAIN_STRATEGY: Field =
    Field::new(O::Wording, "main_strategy", "主な戦略の小見出し");
/// `Wording.strategy_label`.
pub const WORDING_STRATEGY_LABEL: Field =
    Field::new(O::Wording, "strategy_label", "戦略の小見出し");
/// `Wording.strategy`.
pub const WORDING_STRATEGY: Field = Field::new(O::Wording, "strategy", "戦略の見出し");
/// `Wording.main_initiative`.
pub const WORDING_MAIN_INITIATIVE: Field =
    Field::new(O::Wording, "main_initiative", "主な具体的取組の小見出し");
/// `Wording.initiative_label`.
pub const WORDING_INITIATIVE_LABEL: Field =
    Field::new(O::Wording, "initiative_label", "具体的取組の小見出し");
/// `Wording.initiative`.
pub const WORDING_INITIATIVE: Field = Field::new(O::Wording, "initiative", "具体的取組の見出し");

// 表記のきまり: settings of the writing check, never printed.
/// `writing`.
pub const WRITING: Field = Field::new(O::Plan, "writing", "表記のきまり");
/// `Writing.preferred`.
pub const WRITING_PREFERRED: Field = Field::new(O::Writing, "preferred", "そろえる書き方");
/// `Writing.keep`.
pub const WRITING_KEEP: Field = Field::new(O::Writing, "keep", "直さない言葉");
/// `Writing.off`.
pub const WRITING_OFF: Field = Field::new(O::Writing, "off", "使わない点検");

/// The vocabulary entry of each of the ward's writing lists.
pub fn writing_field(list: crate::model::writing::List) -> &'static Field {
    use crate::model::writing::List;
    match list {
        List::Preferred => &WRITING_PREFERRED,
        List::Keep => &WRITING_KEEP,
        List::Off => &WRITING_OFF,
    }
}

/// The vocabulary entry of each heading's wording.
pub fn wording_field(heading: crate::model::Heading) -> &'static Field {
    use crate::model::Heading as H;
    match heading {
        H::Group => &WORDING_GROUP,
        H::Goal => &WORDING_GOAL,
        H::Mission => &WORDING_MISSION,
        H::Policy => &WORDING_POLICY,
        H::Issues => &WORDING_ISSUES,
        H::Issue => &WORDING_ISSUE,
        H::MainStrategy => &WORDING_MAIN_STRATEGY,
        H::StrategyLabel => &WORDING_STRATEGY_LABEL,
        H::Strategy => &WORDING_STRATEGY,
        H::MainInitiative => &WORDING_MAIN_INITIATIVE,
        H::InitiativeLabel => &WORDING_INITIATIVE_LABEL,
        H::Initiative => &WORDING_INITIATIVE,
    }
}
