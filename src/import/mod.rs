//! Import: a ward's published 運営方針 page (text copied from a browser, or a saved
//! page) into a plan. Every line of the page's body ends up in a field of the plan
//! or in the import report with its line number and why; page furniture is
//! reported as left out. The ward's own wording of the headings is kept in the
//! plan, and printed numbers with gaps (2-1-2 alone) are kept as pinned numbers.

mod classify;
pub mod html;

use std::fmt;

pub use classify::{Line, classify, normalise};

use crate::model::fields::{self as f, Field};
use crate::model::{Heading, Indicator, Initiative, Issue, ItemId, Plan, Revision, Strategy};
use crate::wareki::format_fiscal_year;

/// A line of the page that is not in the plan, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// 1-based line number in the page text.
    pub line: usize,
    /// The line as it was.
    pub text: String,
    /// Why it is not in the plan.
    pub why: &'static str,
}

/// The plan read from a page, with what was left out.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The plan.
    pub plan: Plan,
    /// Lines not taken into the plan.
    pub report: Vec<Note>,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}行目: {}（{}）", self.line, self.text, self.why)
    }
}

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

/// Reads a saved page: UTF-8 text, or HTML (.html, .htm) turned into the text a
/// browser shows. The error is the message for the user.
pub fn read_page(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{} を読めません: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "{} は UTF-8 のテキストではありません。ブラウザーで本文をコピーして貼り付けてください。",
            path.display()
        )
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    Ok(if html {
        html::to_text(text)
    } else {
        text.to_owned()
    })
}

/// Reads a published page's text.
pub fn import(text: &str) -> Imported {
    let mut b = Builder {
        plan: Plan::new("", crate::wareki::current_fiscal_year()),
        report: Vec::new(),
        target: Target::None,
        titled: false,
        next_main: None,
        strategy_list: false,
    };
    for (n, raw) in text.lines().enumerate() {
        b.line(n + 1, raw);
    }
    let mut plan = b.plan;
    plan.ensure_ids();
    Imported {
        plan,
        report: b.report,
    }
}

struct Builder {
    plan: Plan,
    report: Vec<Note>,
    target: Target,
    /// The title has been read (it repeats on the page).
    titled: bool,
    /// Whether the next strategy or initiative is a 主な one (from its label).
    next_main: Option<bool>,
    /// A strategy label was just read: bullets that follow (before any numbered
    /// strategy) are strategies the page lists without numbers.
    strategy_list: bool,
}

impl Builder {
    fn note(&mut self, line: usize, raw: &str, why: &'static str) {
        self.report.push(Note {
            line,
            text: raw.trim().to_owned(),
            why,
        });
    }

    fn line(&mut self, n: usize, raw: &str) {
        let line = classify(raw);
        if self.target == Target::End && !matches!(line, Line::Blank) {
            self.note(n, raw, FURNITURE);
            return;
        }
        match line {
            Line::Blank => {}
            Line::Furniture => self.note(n, raw, FURNITURE),
            Line::Title { year, ward } => {
                if !self.titled {
                    self.plan.fiscal_year = year;
                    self.plan.ward = ward;
                    self.titled = true;
                }
            }
            Line::Date(date) if self.plan.page_date.is_none() && self.target == Target::None => {
                self.plan.page_date = Some(date);
            }
            Line::Goal(printed) => self.section(Heading::Goal, &printed, &f::GOAL),
            Line::Mission(printed) => self.section(Heading::Mission, &printed, &f::MISSION),
            Line::Policy(printed) => self.section(Heading::Policy, &printed, &f::POLICY),
            Line::Issues(printed) => {
                self.wording(Heading::Issues, &printed);
                self.target = Target::None;
            }
            Line::Issue {
                number,
                title,
                printed,
            } => {
                self.strategy_list = false;
                self.wording(Heading::Issue, &printed);
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
                self.wording(heading, &printed);
                self.next_main = Some(main);
                self.strategy_list = true;
            }
            Line::InitiativeLabel { main, printed } => {
                self.strategy_list = false;
                let heading = if main {
                    Heading::MainInitiative
                } else {
                    Heading::InitiativeLabel
                };
                self.wording(heading, &printed);
                self.next_main = Some(main);
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
            Line::Bullet(text) => self.bullet(n, raw, text),
            Line::Text(text) => self.text(n, raw, &text),
            Line::Date(_) => self.text(n, raw, raw.trim()),
        }
    }

    /// A section heading of the plan: its wording, then its text.
    fn section(&mut self, heading: Heading, printed: &str, field: &'static Field) {
        let year = format_fiscal_year(self.plan.fiscal_year);
        let printed = printed.replace(&year, "{年度}");
        self.wording(heading, &printed);
        self.target = Target::Plan(field);
    }

    /// Keeps the page's wording of a heading when it is not the era's standard.
    fn wording(&mut self, heading: Heading, printed: &str) {
        let era = self.plan.era();
        let standard = heading.standard(era);
        let own = self.plan.wording.get_mut(heading);
        if printed != standard && own.is_empty() {
            *own = printed.to_owned();
        }
    }

    fn strategy(&mut self, n: usize, raw: &str, number: [u32; 2], title: String, printed: &str) {
        self.strategy_list = false;
        self.wording(Heading::Strategy, printed);
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
        let main = self.next_main.take().unwrap_or(false);
        let Some(strategy) = self
            .issue_numbered(number[0])
            .and_then(|issue| issue.strategies.last_mut())
        else {
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
    }

    fn bullet(&mut self, n: usize, raw: &str, text: String) {
        if self.strategy_list && !self.plan.issues.is_empty() {
            // 《主な戦略》 over a list: each entry a strategy, printed as listed.
            let main = self.next_main.unwrap_or(false);
            self.wording(Heading::Strategy, "・{名称}");
            if let Some(issue) = self.plan.issues.last_mut() {
                issue.strategies.push(Strategy {
                    id: ItemId::fresh(),
                    title: text,
                    main,
                    ..Strategy::default()
                });
            }
            self.target = Target::Strategy(&f::STRATEGY_TEXT);
            return;
        }
        match self.target {
            Target::Plan(field) if *field == f::POLICY => self.plan.policy.push(text),
            // Goal, mission and other fields given as bullets keep their marks.
            _ => self.text(n, raw, &format!("{}{text}", crate::blocks::BULLET)),
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
            Target::Plan(field) if *field == f::POLICY => {
                self.plan.policy.push(text.to_owned());
                return;
            }
            Target::Plan(field) => plan_text(&mut self.plan, field),
            Target::Issue(field) => self
                .plan
                .issues
                .last_mut()
                .and_then(|i| issue_text(i, field)),
            Target::Strategy(field) if *field == f::INDICATORS => {
                // A line of text, or a row of the indicator table (指標, 目標値,
                // 目標年度・期間, 実績) as copied: cells separated by tabs.
                let cells: Vec<String> = text.split('\t').map(|c| c.trim().to_owned()).collect();
                if cells[0] == f::INDICATOR_NAME.label {
                    return; // the table's header row
                }
                let cell = |n: usize| cells.get(n).cloned().unwrap_or_default();
                let Some(s) = self
                    .plan
                    .issues
                    .last_mut()
                    .and_then(|i| i.strategies.last_mut())
                else {
                    self.note(n, raw, "入れる欄が見つからないので取り込みませんでした");
                    return;
                };
                s.indicators.push(Indicator {
                    name: cell(0),
                    target: cell(1),
                    period: cell(2),
                    ..Indicator::default()
                });
                if !cell(3).is_empty() {
                    self.note(
                        n,
                        raw,
                        "指標の実績の欄は取り込めませんでした（入力し直してください）",
                    );
                }
                return;
            }
            Target::Strategy(field) => self
                .plan
                .issues
                .last_mut()
                .and_then(|i| i.strategies.last_mut())
                .and_then(|s| strategy_text(s, field)),
            Target::Initiative(field) => self
                .plan
                .issues
                .last_mut()
                .and_then(|i| i.strategies.last_mut())
                .and_then(|s| s.initiatives.last_mut())
                .and_then(|k| initiative_text(k, field)),
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

/// The pinned number of an item printed as `number` after siblings with these
/// pins: none when position gives the same number.
fn pin(number: u32, before: impl Iterator<Item = Option<u32>>) -> Option<u32> {
    let mut previous = 0u32;
    for pinned in before {
        previous = pinned.unwrap_or(previous.saturating_add(1));
    }
    (number != previous.saturating_add(1)).then_some(number)
}

/// 「…反映しています。(令和5年6月9日)」: an update note with its date.
fn revision(text: &str) -> Option<Revision> {
    let text = text.trim();
    let inner = text.strip_suffix(')').or_else(|| text.strip_suffix('）'))?;
    let open = inner.rfind(['(', '（'])?;
    let date = crate::wareki::parse_date(inner[open..].trim_start_matches(['(', '（']))?;
    Some(Revision {
        date,
        note: inner[..open].trim().to_owned(),
    })
}

fn plan_text<'a>(plan: &'a mut Plan, field: &Field) -> Option<&'a mut String> {
    [
        (f::GOAL, &mut plan.goal),
        (f::MISSION, &mut plan.mission),
        (f::OVERALL_EVALUATION, &mut plan.overall_evaluation),
        (f::FUTURE_DIRECTION, &mut plan.future_direction),
    ]
    .into_iter()
    .find(|(k, _)| k == field)
    .map(|(_, v)| v)
}

fn issue_text<'a>(issue: &'a mut Issue, field: &Field) -> Option<&'a mut String> {
    [
        (f::DESCRIPTION, &mut issue.description),
        (f::VISION, &mut issue.vision),
        (f::CURRENT_STATE, &mut issue.current_state),
        (f::CAUSE_ANALYSIS, &mut issue.cause_analysis),
        (f::CHALLENGE, &mut issue.challenge),
    ]
    .into_iter()
    .find(|(k, _)| k == field)
    .map(|(_, v)| v)
}

fn strategy_text<'a>(s: &'a mut Strategy, field: &Field) -> Option<&'a mut String> {
    [
        (f::STRATEGY_TEXT, &mut s.text),
        (f::TARGET_STATE, &mut s.target_state),
        (f::INTERIM_REVIEW, &mut s.interim_review.comment),
        (f::SELF_EVALUATION, &mut s.self_evaluation.comment),
    ]
    .into_iter()
    .find(|(k, _)| k == field)
    .map(|(_, v)| v)
}

fn initiative_text<'a>(k: &'a mut Initiative, field: &Field) -> Option<&'a mut String> {
    [
        (f::INITIATIVE_TEXT, &mut k.text),
        (f::PAST_RESULTS, &mut k.past_results),
        (f::PERFORMANCE_TARGET, &mut k.performance_target),
        (f::INTERIM_REVIEW, &mut k.interim_review.comment),
        (f::SELF_EVALUATION, &mut k.self_evaluation.comment),
    ]
    .into_iter()
    .find(|(key, _)| key == field)
    .map(|(_, v)| v)
}

/// One line of the contact block: the office and section, 〒 and address,
/// 電話, ファックス, メール.
fn contact_line(plan: &mut Plan, text: &str) -> bool {
    let c = &mut plan.contact;
    let value = |t: &str| t.trim_start_matches([':', '：', ' ']).trim().to_owned();
    let empty = |v: &String| v.is_empty();
    if let Some(rest) = text.strip_prefix('〒').filter(|_| empty(&c.postal_code)) {
        let (postal, address) = rest.split_once([' ', '\u{3000}']).unwrap_or((rest, ""));
        c.postal_code = postal.trim().to_owned();
        c.address = address.trim().to_owned();
    } else if let Some(rest) = text.strip_prefix("電話").filter(|_| empty(&c.phone)) {
        c.phone = value(rest);
    } else if let Some(rest) = text
        .strip_prefix("ファックス")
        .or_else(|| text.strip_prefix("FAX"))
        .filter(|_| empty(&c.fax))
    {
        c.fax = value(rest);
    } else if let Some(rest) = text.strip_prefix("メール").filter(|_| empty(&c.email)) {
        c.email = value(rest);
    } else if plan.office.is_empty() && c.section.is_empty() {
        let (office, section) = text.split_once([' ', '\u{3000}']).unwrap_or((text, ""));
        plan.office = office.trim().to_owned();
        plan.contact.section = section.trim().to_owned();
    } else {
        return false;
    }
    true
}
