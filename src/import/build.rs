//! Building the plan line by line: each recognised line either starts a part of
//! the plan (a section, an issue, a strategy, an initiative, a field, the contact
//! block), adds to the part being read, or goes to the report with why.

mod lists;

use super::Note;
use super::classify::{Line, classify};
use super::fill::{contact_line, item_text, pin, revision};
use super::indicators::Columns;
use crate::model::fields::{self as f, Field};
use crate::model::{Heading, Initiative, Issue, ItemId, PartMut, Plan, Strategy};
use crate::wareki::format_fiscal_year;

/// Where running text goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    /// Nowhere yet (before the first heading).
    None,
    /// A field of the plan itself.
    Plan(&'static Field),
    /// A field of the last issue.
    Issue(&'static Field),
    /// A field of the last strategy.
    Strategy(&'static Field),
    /// A field of the last initiative.
    Initiative(&'static Field),
    /// The contact block.
    Contact,
    /// After the contact block: nothing more of the plan.
    End,
}

const FURNITURE: &str = "ページの飾り（メニュー・リンクなど）なので取り込みませんでした";
const REPEATED_TITLE: &str =
    "表題の繰り返しなので取り込みませんでした（表題は最初の1回を使います）";

/// The plan being read, the report, and where text goes now.
pub(super) struct Builder {
    pub(super) plan: Plan,
    pub(super) report: Vec<Note>,
    target: Target,
    /// The title has been read (it repeats on the page).
    titled: bool,
    /// Whether the next strategy or initiative is a 主な one (from its label).
    next_main: Option<bool>,
    /// A strategy label was just read: bullets that follow (before any numbered
    /// strategy) are strategies the page lists without numbers.
    strategy_list: bool,
    /// The same for an initiative label: bullets are the last strategy's
    /// initiatives, listed by name.
    initiative_list: bool,
    /// The columns of the indicator table being read (from its header row).
    columns: Option<Columns>,
    /// The kinds of item (strategy, initiative) the page heads with numbers.
    numbered: Vec<Heading>,
}

impl Builder {
    pub(super) fn new() -> Self {
        Self {
            plan: Plan::new("", crate::wareki::current_fiscal_year()),
            report: Vec::new(),
            target: Target::None,
            titled: false,
            next_main: None,
            strategy_list: false,
            initiative_list: false,
            columns: None,
            numbered: Vec::new(),
        }
    }

    fn note(&mut self, line: usize, raw: &str, why: &'static str) {
        self.report.push(Note {
            line,
            text: raw.trim().to_owned(),
            why,
        });
    }

    pub(super) fn line(&mut self, n: usize, raw: &str) {
        let line = classify(raw);
        if self.target == Target::End && !matches!(line, Line::Blank) {
            self.note(n, raw, FURNITURE);
            return;
        }
        match line {
            Line::Blank => {}
            Line::Furniture => self.note(n, raw, FURNITURE),
            Line::Title { year, ward, stage } => {
                if self.titled {
                    self.note(n, raw, REPEATED_TITLE);
                } else {
                    self.plan.fiscal_year = year;
                    self.plan.ward = ward;
                    self.plan.stage = stage;
                    self.titled = true;
                }
            }
            Line::Date(date) if self.plan.page_date.is_none() && self.target == Target::None => {
                self.plan.page_date = Some(date);
            }
            Line::Group(printed) => {
                self.wording(n, raw, Heading::Group, &printed);
            }
            Line::Goal(printed) => self.section(n, raw, Heading::Goal, &printed, &f::GOAL),
            Line::Mission(printed) => {
                self.section(n, raw, Heading::Mission, &printed, &f::MISSION);
            }
            Line::Policy(printed) => {
                self.section(n, raw, Heading::Policy, &printed, &f::POLICY);
            }
            Line::Issues(printed) => {
                self.wording(n, raw, Heading::Issues, &printed);
                self.target = Target::None;
            }
            Line::Issue {
                number,
                title,
                printed,
            } => {
                self.strategy_list = false;
                self.initiative_list = false;
                self.wording(n, raw, Heading::Issue, &printed);
                let pinned = pin(number, self.plan.issues.iter().map(|i| i.number));
                self.plan.issues.push(Issue {
                    id: ItemId::fresh(),
                    number: pinned,
                    title,
                    ..Issue::default()
                });
                self.target = Target::Issue(&f::DESCRIPTION);
            }
            Line::StrategyLabel { main, printed } => {
                let heading = if main {
                    Heading::MainStrategy
                } else {
                    Heading::StrategyLabel
                };
                self.wording(n, raw, heading, &printed);
                self.next_main = Some(main);
                self.strategy_list = true;
                self.initiative_list = false;
            }
            Line::InitiativeLabel { main, printed } => {
                self.strategy_list = false;
                let heading = if main {
                    Heading::MainInitiative
                } else {
                    Heading::InitiativeLabel
                };
                self.wording(n, raw, heading, &printed);
                self.next_main = Some(main);
                self.initiative_list = true;
            }
            Line::Strategy {
                number,
                title,
                printed,
            } => self.strategy(n, raw, number, title, &printed),
            Line::Initiative {
                number,
                title,
                budget,
            } => self.initiative(n, raw, number, title, budget),
            Line::Field(field) => self.field(n, raw, field),
            Line::Contact => self.target = Target::Contact,
            Line::Bullet { text, numbered } => self.bullet(n, raw, text, numbered),
            Line::Text(text) => self.text(n, raw, &text),
            Line::Date(_) => self.text(n, raw, raw.trim()),
        }
    }

    /// A section heading of the plan: its wording, then its text.
    fn section(
        &mut self,
        n: usize,
        raw: &str,
        heading: Heading,
        printed: &str,
        field: &'static Field,
    ) {
        let year = format_fiscal_year(self.plan.fiscal_year);
        let printed = printed.replace(&year, "{年度}");
        self.wording(n, raw, heading, &printed);
        self.target = Target::Plan(field);
    }

    /// Keeps the page's wording of a heading when it is not the era's standard.
    /// A heading worded otherwise than the same heading read before would be
    /// lost: it goes to the report.
    fn wording(&mut self, n: usize, raw: &str, heading: Heading, printed: &str) {
        if !self.keep_wording(heading, printed) {
            self.note(
                n,
                raw,
                "同じ種類の見出しが別の言葉で前にあるので、この言葉は取り込みませんでした",
            );
        }
    }

    /// Keeps `printed` as the wording of `heading` unless it is the standard
    /// or already kept; false when another wording was kept before.
    fn keep_wording(&mut self, heading: Heading, printed: &str) -> bool {
        let standard = heading.standard(self.plan.era());
        let own = self.plan.wording.get_mut(heading);
        if printed == standard || own == printed {
            true
        } else if own.is_empty() {
            *own = printed.to_owned();
            true
        } else {
            false
        }
    }

    fn strategy(&mut self, n: usize, raw: &str, number: [u32; 2], title: String, printed: &str) {
        self.strategy_list = false;
        self.initiative_list = false;
        self.numbered_heading(n, raw, Heading::Strategy);
        self.wording(n, raw, Heading::Strategy, printed);
        let main = self.next_main.take().unwrap_or(false);
        let Some(issue) = self.issue_numbered(number[0]) else {
            self.note(
                n,
                raw,
                "この戦略の経営課題が見つからないので取り込みませんでした",
            );
            return;
        };
        let pinned = pin(number[1], issue.strategies.iter().map(|s| s.number));
        issue.strategies.push(Strategy {
            id: ItemId::fresh(),
            number: pinned,
            title,
            main,
            ..Strategy::default()
        });
        self.target = Target::Strategy(&f::STRATEGY_TEXT);
    }

    fn initiative(
        &mut self,
        n: usize,
        raw: &str,
        number: [u32; 3],
        title: String,
        budget: Option<u64>,
    ) {
        self.strategy_list = false;
        self.initiative_list = false;
        self.numbered_heading(n, raw, Heading::Initiative);
        let main = self.next_main.take().unwrap_or(false);
        // The strategy its number names; a page that numbers its initiatives
        // apart from the strategies puts it under the strategy read last.
        let Some(strategy) = self.issue_numbered(number[0]).and_then(|issue| {
            let numbers = crate::numbering::sibling_numbers(&issue.strategies);
            match numbers.iter().position(|&s| s == number[1]) {
                Some(at) => issue.strategies.get_mut(at),
                None => issue.strategies.last_mut(),
            }
        }) else {
            self.note(
                n,
                raw,
                "この具体的取組の戦略が見つからないので取り込みませんでした",
            );
            return;
        };
        let pinned = pin(number[2], strategy.initiatives.iter().map(|k| k.number));
        strategy.initiatives.push(Initiative {
            id: ItemId::fresh(),
            number: pinned,
            title,
            main,
            budget,
            ..Initiative::default()
        });
        self.target = Target::Initiative(&f::INITIATIVE_TEXT);
    }

    /// The strategy read last: where the text, lists and indicators that
    /// follow it go.
    fn last_strategy(&mut self) -> Option<&mut Strategy> {
        self.plan.issues.last_mut()?.strategies.last_mut()
    }

    /// The last issue, if its printed number is `number`.
    fn issue_numbered(&mut self, number: u32) -> Option<&mut Issue> {
        let numbers = crate::numbering::sibling_numbers(&self.plan.issues);
        match numbers.last() {
            Some(&last) if last == number => self.plan.issues.last_mut(),
            _ => None,
        }
    }

    /// A field's heading: the text that follows goes to that field of the item
    /// last read (the plan's own fields: of the plan).
    fn field(&mut self, n: usize, raw: &str, field: &'static Field) {
        let plan_level = *field == f::OVERALL_EVALUATION || *field == f::FUTURE_DIRECTION;
        self.target = match self.target {
            _ if plan_level => Target::Plan(field),
            Target::Issue(_) if field.owner == f::Owner::Issue => Target::Issue(field),
            Target::Strategy(_) | Target::Initiative(_)
                if *field == f::INDICATORS || field.owner == f::Owner::Strategy =>
            {
                match self.target {
                    Target::Initiative(_) if *field != f::INDICATORS => Target::Initiative(field),
                    _ => Target::Strategy(field),
                }
            }
            Target::Initiative(_) if field.owner == f::Owner::Initiative => {
                Target::Initiative(field)
            }
            Target::Strategy(_) if field.owner == f::Owner::Initiative => Target::Strategy(field),
            _ => {
                self.note(
                    n,
                    raw,
                    "どの項目の見出しか分からないので取り込みませんでした",
                );
                return;
            }
        };
        // The text is read into the field, but this year's form prints it
        // without a heading: the heading line itself is not in the plan.
        if field.heading(self.plan.era()).is_empty() {
            self.note(
                n,
                raw,
                "この年度の様式では印刷しない見出しなので、見出しの行だけ取り込みませんでした（中身は取り込みました）",
            );
        }
    }

    fn text(&mut self, n: usize, raw: &str, text: &str) {
        let target = self.target;
        if target == Target::None && self.plan.issues.is_empty() && self.plan.goal.is_empty() {
            // Before the goal: an update note with its date, or nothing of the plan.
            if let Some(revision) = revision(text) {
                self.plan.revisions.push(revision);
            } else {
                self.note(n, raw, "本文の前の行なので取り込みませんでした");
            }
            return;
        }
        let slot: Option<&mut String> = match target {
            // The policy's running text: before the bullets its lead, after
            // them its closing (until another bullet shows it continued one).
            Target::Plan(field) if *field == f::POLICY => {
                if self.plan.policy.is_empty() {
                    Some(&mut self.plan.policy_lead)
                } else {
                    Some(&mut self.plan.policy_closing)
                }
            }
            Target::Plan(field) => self.plan.text_mut(field.key),
            Target::Issue(field) => self
                .plan
                .issues
                .last_mut()
                .and_then(|i| item_text(PartMut::Issue(i), field)),
            Target::Strategy(field) if *field == f::INDICATORS => {
                self.indicator_row(n, raw, text);
                return;
            }
            Target::Strategy(field) => self
                .last_strategy()
                .and_then(|s| item_text(PartMut::Strategy(s), field)),
            Target::Initiative(field) => self
                .last_strategy()
                .and_then(|s| s.initiatives.last_mut())
                .and_then(|k| item_text(PartMut::Initiative(k), field)),
            Target::Contact => {
                if !contact_line(&mut self.plan, text) {
                    self.note(
                        n,
                        raw,
                        "問合せ先のどの欄か分からないので取り込みませんでした",
                    );
                }
                return;
            }
            Target::None | Target::End => None,
        };
        match slot {
            Some(slot) => {
                if !slot.is_empty() {
                    slot.push('\n');
                }
                slot.push_str(text);
            }
            None => self.note(n, raw, "入れる欄が見つからないので取り込みませんでした"),
        }
    }
}
