//! Each ward's own wording of the printed headings. Wards word the same parts of
//! the page differently (区の目標(何をめざすのか) or 目標, 【経営課題1】 or 経営課題1,
//! 《主な戦略》 or 主な戦略(課題解決の方策), 【1-1 …】 or 【戦略 1-1 …】). The plan keeps
//! its ward's wording — import fills it from the page — and the PDF and the web
//! text print it; an empty entry prints the era's standard wording.

use serde::{Deserialize, Serialize};

use super::fields::{self as f, Era};

/// The printed wording of the headings; empty entries take the era's standard.
/// Templates may hold {年度} (令和4年度), {番号} (1-1) and {名称} (the title).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Wording {
    /// A heading over the goal, the mission and the policy together
    /// (「目標」「使命」及び「所属運営の基本的な考え方」); none by default.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// The goal's heading: 【区の目標(何をめざすのか)】.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// The mission's heading: 【区の使命(どのような役割を担うのか)】.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mission: String,
    /// The policy's heading: 【{年度} 区運営の基本的な考え方(区長の方針)】.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub policy: String,
    /// The heading over the issues: 重点的に取り組む主な経営課題.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issues: String,
    /// An issue's heading: 経営課題{番号} {名称}.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issue: String,
    /// The label over a main strategy: 《主な戦略》.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_strategy: String,
    /// The label over another strategy: 《戦略》.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strategy_label: String,
    /// A strategy's heading: 【{番号} {名称}】.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strategy: String,
    /// The label over main initiatives: 《主な具体的取組》.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub main_initiative: String,
    /// The label over other initiatives: 《具体的取組》.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub initiative_label: String,
    /// An initiative's heading: 【{番号} {名称}】, its budget after it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub initiative: String,
}

/// Which heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// Over the goal, the mission and the policy (printed only when set).
    Group,
    /// The goal section.
    Goal,
    /// The mission section.
    Mission,
    /// The policy section.
    Policy,
    /// The heading over the issues.
    Issues,
    /// An issue.
    Issue,
    /// The label over a main strategy.
    MainStrategy,
    /// The label over another strategy.
    StrategyLabel,
    /// A strategy.
    Strategy,
    /// The label over main initiatives.
    MainInitiative,
    /// The label over other initiatives.
    InitiativeLabel,
    /// An initiative.
    Initiative,
}

impl Heading {
    /// Every heading, in the order the forms list them.
    pub const ALL: [Heading; 12] = [
        Heading::Group,
        Heading::Goal,
        Heading::Mission,
        Heading::Policy,
        Heading::Issues,
        Heading::Issue,
        Heading::MainStrategy,
        Heading::StrategyLabel,
        Heading::Strategy,
        Heading::MainInitiative,
        Heading::InitiativeLabel,
        Heading::Initiative,
    ];

    /// What the form calls it.
    pub fn label(self) -> &'static str {
        match self {
            Heading::Group => "目標の前の見出し",
            Heading::Goal => "目標の見出し",
            Heading::Mission => "使命の見出し",
            Heading::Policy => "基本的な考え方の見出し",
            Heading::Issues => "経営課題の前の見出し",
            Heading::Issue => "経営課題の見出し",
            Heading::MainStrategy => "主な戦略の小見出し",
            Heading::StrategyLabel => "戦略の小見出し",
            Heading::Strategy => "戦略の見出し",
            Heading::MainInitiative => "主な具体的取組の小見出し",
            Heading::InitiativeLabel => "具体的取組の小見出し",
            Heading::Initiative => "具体的取組の見出し",
        }
    }

    /// The era's standard wording.
    pub fn standard(self, era: Era) -> String {
        let r4 = era == Era::ToR4;
        match self {
            Heading::Group => String::new(),
            Heading::Goal => format!("【{}】", f::GOAL.heading(era)),
            Heading::Mission => format!("【{}】", f::MISSION.heading(era)),
            Heading::Policy if r4 => format!("【{{年度}} {}】", f::POLICY.heading(era)),
            Heading::Policy => format!("【{}】", f::POLICY.heading(era)),
            Heading::Issues => f::ISSUES.heading(era).to_owned(),
            Heading::Issue => "経営課題{番号} {名称}".to_owned(),
            Heading::MainStrategy if r4 => "《主な戦略》".to_owned(),
            Heading::MainStrategy => "《主な戦略(課題解決の方策)》".to_owned(),
            Heading::StrategyLabel if r4 => "《戦略》".to_owned(),
            Heading::StrategyLabel => "《戦略(課題解決の方策)》".to_owned(),
            Heading::Strategy | Heading::Initiative => "【{番号} {名称}】".to_owned(),
            Heading::MainInitiative => "《主な具体的取組》".to_owned(),
            Heading::InitiativeLabel => "《具体的取組》".to_owned(),
        }
    }
}

impl Wording {
    /// The entry for `heading` (empty: the standard).
    pub fn get(&self, heading: Heading) -> &String {
        match heading {
            Heading::Group => &self.group,
            Heading::Goal => &self.goal,
            Heading::Mission => &self.mission,
            Heading::Policy => &self.policy,
            Heading::Issues => &self.issues,
            Heading::Issue => &self.issue,
            Heading::MainStrategy => &self.main_strategy,
            Heading::StrategyLabel => &self.strategy_label,
            Heading::Strategy => &self.strategy,
            Heading::MainInitiative => &self.main_initiative,
            Heading::InitiativeLabel => &self.initiative_label,
            Heading::Initiative => &self.initiative,
        }
    }

    /// The entry for `heading`, to edit.
    pub fn get_mut(&mut self, heading: Heading) -> &mut String {
        match heading {
            Heading::Group => &mut self.group,
            Heading::Goal => &mut self.goal,
            Heading::Mission => &mut self.mission,
            Heading::Policy => &mut self.policy,
            Heading::Issues => &mut self.issues,
            Heading::Issue => &mut self.issue,
            Heading::MainStrategy => &mut self.main_strategy,
            Heading::StrategyLabel => &mut self.strategy_label,
            Heading::Strategy => &mut self.strategy,
            Heading::MainInitiative => &mut self.main_initiative,
            Heading::InitiativeLabel => &mut self.initiative_label,
            Heading::Initiative => &mut self.initiative,
        }
    }

    /// The heading as printed: the plan's own wording or the era's standard, with
    /// {年度}, {番号} and {名称} filled in.
    pub fn print(
        &self,
        heading: Heading,
        era: Era,
        year: &str,
        number: &str,
        title: &str,
    ) -> String {
        let own = self.get(heading);
        let template = if own.trim().is_empty() {
            heading.standard(era)
        } else {
            own.clone()
        };
        template
            .replace("{年度}", year)
            .replace("{番号}", number)
            .replace("{名称}", title)
            .trim()
            .to_owned()
    }

    /// True when every heading takes the standard.
    pub fn is_standard(&self) -> bool {
        *self == Wording::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_wording_or_the_standard() {
        let mut w = Wording::default();
        assert_eq!(
            w.print(Heading::Policy, Era::ToR4, "令和4年度", "", ""),
            "【令和4年度 区運営の基本的な考え方(区長の方針)】"
        );
        assert_eq!(w.print(Heading::Goal, Era::FromR5, "", "", ""), "【目標】");
        w.issue = "【経営課題{番号}】{名称}".to_owned();
        assert_eq!(
            w.print(Heading::Issue, Era::ToR4, "", "2", "子育て"),
            "【経営課題2】子育て"
        );
        w.strategy = "【戦略 {番号} {名称}】".to_owned();
        assert_eq!(
            w.print(Heading::Strategy, Era::ToR4, "", "1-1", "見守り"),
            "【戦略 1-1 見守り】"
        );
    }
}
