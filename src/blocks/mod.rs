//! The document's structure, independent of the medium: which headings, labels and
//! numbers the plan prints, and in which order. The web text (what staff paste into
//! the city page) and the PDF layout both read these blocks, so the two cannot drift.

mod headings;
pub mod html;
mod items;
pub mod tables;

pub use headings::Headings;

use crate::model::fields::{self as f, Era, Field};
use crate::model::{Contact, Heading, Initiative, Issue, ItemId, Part, Plan, Review, Strategy};
use crate::numbering::numbered;
use crate::wareki::{format_date, format_date_western, format_fiscal_year};

/// Which output the blocks are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medium {
    /// The city web page, as published (no budget table, Western page date).
    Web,
    /// The printed A4 document (budget table, 和暦 date).
    Print,
}

/// One block of the document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The document title: 令和4年度 鶴見区運営方針.
    Title(String),
    /// The publication date, set flush right in print.
    Date(String),
    /// An update note (改訂履歴) with its date.
    Note(String),
    /// A section heading: 【区の目標(何をめざすのか)】.
    Section(String),
    /// A management issue's heading: 経営課題1 だれもが….
    IssueHeading(String),
    /// A sub-block label: 《主な戦略》.
    Label(String),
    /// A strategy or initiative heading: 【1-1 …】, 【1-1-1 …】(予算額 28,523千円).
    ItemHeading(String),
    /// A field's name above its paragraph in the full plan: めざすべき将来像.
    FieldName(String),
    /// A paragraph of running text.
    Paragraph(String),
    /// A bullet point; the text is without its ・.
    Bullet(String),
    /// A small table: indicators or budgets.
    Table(Table),
    /// One line of the contact block.
    ContactLine(String),
    /// An indicator's results by year against its target, drawn (print only).
    Chart(Chart),
}

/// An indicator's results by year against its target line, as printed beside
/// its table; `alt` says the same in words for a screen reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The indicator's name.
    pub title: String,
    /// The target and its label: 目標 60%以上.
    pub target: (f64, String),
    /// Each year's result: the fiscal year, the value and the value as written
    /// (55.1%).
    pub points: Vec<(i32, f64, String)>,
    /// The value axis runs from zero to this round number, above every value.
    pub top: f64,
    /// The values written on the axis, as written: zero, the target and `top`;
    /// an end is left out where it would crowd the target's label.
    pub scale: Vec<(f64, String)>,
    /// What the axis counts (%, 世帯), written above it; empty when the target
    /// has no unit.
    pub unit: String,
    /// The figure in words: the target and each year's result judged.
    pub alt: String,
}

impl Block {
    /// The block's text; empty for a table, whose text is in its cells.
    pub fn text(&self) -> &str {
        match self {
            Block::Title(t)
            | Block::Date(t)
            | Block::Note(t)
            | Block::Section(t)
            | Block::IssueHeading(t)
            | Block::Label(t)
            | Block::ItemHeading(t)
            | Block::FieldName(t)
            | Block::Paragraph(t)
            | Block::Bullet(t)
            | Block::ContactLine(t) => t,
            Block::Table(_) | Block::Chart(_) => "",
        }
    }
}

/// A small table with a header row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Whether each column is set flush right (amounts).
    pub right_aligned: Vec<bool>,
    /// The body rows.
    pub rows: Vec<TableRow>,
}

/// One body row of a [`Table`].
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// One string per column.
    pub cells: Vec<String>,
    /// A subtotal or total row, set in the heading face.
    pub total: bool,
}

/// The bullet mark used for policy bullets.
pub const BULLET: &str = "・";

/// The document title: 令和4年度鶴見区運営方針 on the web, with a space in print.
pub fn title(plan: &Plan, medium: Medium) -> String {
    let space = if medium == Medium::Print { " " } else { "" };
    // A draft is published and printed as one: 令和5年度 鶴見区運営方針（素案）.
    let stage = plan.stage.suffix();
    format!(
        "{}{space}{}運営方針{stage}",
        format_fiscal_year(plan.fiscal_year),
        plan.ward
    )
}

/// Where a block came from: the item and the field, so that a click on printed
/// text (the preview) or a change mark can point back at its form field, like
/// typst's spans. `None` for the document's own furniture (title, headings of
/// sections that are not fields).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// The issue, strategy or initiative; none for the plan's own fields.
    pub item: Option<ItemId>,
    /// The field.
    pub field: Option<&'static Field>,
}

/// Blocks being collected, each with the source set when it was pushed.
struct Out {
    blocks: Vec<Block>,
    sources: Vec<Source>,
    at: Source,
    medium: Medium,
}

impl Out {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
        self.sources.push(self.at);
    }

    fn extend(&mut self, blocks: impl IntoIterator<Item = Block>) {
        for block in blocks {
            self.push(block);
        }
    }

    /// What follows comes from `item` (none: the plan) and `field`.
    fn from(&mut self, item: Option<ItemId>, field: Option<&'static Field>) {
        self.at = Source { item, field };
    }

    /// What follows comes from `field` of the current item.
    fn field(&mut self, field: &'static Field) {
        self.at.field = Some(field);
    }
}

/// The plan as blocks, in reading order. Empty optional parts give no blocks.
pub fn blocks(plan: &Plan, medium: Medium) -> Vec<Block> {
    sourced_blocks(plan, medium).0
}

/// The plan as blocks with, for each, where it came from.
pub fn sourced_blocks(plan: &Plan, medium: Medium) -> (Vec<Block>, Vec<Source>) {
    let h = &Headings::of(plan);
    let era = h.era;
    let mut out = Out {
        blocks: Vec::new(),
        sources: Vec::new(),
        at: Source::default(),
        medium,
    };
    out.push(Block::Title(title(plan, medium)));
    if let Some(date) = plan.page_date {
        out.field(&f::PAGE_DATE);
        out.push(Block::Date(match medium {
            Medium::Web => format_date_western(date),
            Medium::Print => format_date(date),
        }));
    }
    out.field(&f::REVISIONS);
    for revision in &plan.revisions {
        out.push(Block::Note(format!(
            "{}({})",
            revision.note,
            format_date(revision.date)
        )));
    }
    out.field(&f::GOAL);
    // A ward's heading over the three sections, when its page has one.
    let group = h.print(Heading::Group, "", "");
    if !group.is_empty() {
        out.push(Block::Section(group));
    }
    out.push(Block::Section(h.print(Heading::Goal, "", "")));
    paragraphs(&mut out, &plan.goal);
    out.field(&f::MISSION);
    out.push(Block::Section(h.print(Heading::Mission, "", "")));
    paragraphs(&mut out, &plan.mission);
    out.field(&f::POLICY);
    out.push(Block::Section(h.print(Heading::Policy, "", "")));
    out.field(&f::POLICY_LEAD);
    paragraphs(&mut out, &plan.policy_lead);
    out.field(&f::POLICY);
    out.extend(
        plan.policy
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| Block::Bullet(p.trim().to_owned())),
    );
    out.field(&f::POLICY_CLOSING);
    paragraphs(&mut out, &plan.policy_closing);

    if !plan.issues.is_empty() {
        out.from(None, None);
        out.push(Block::Section(h.print(Heading::Issues, "", "")));
    }
    for (n1, issue) in numbered(&plan.issues) {
        items::issue_blocks(&mut out, h, n1, issue);
    }

    out.from(None, None);
    if medium == Medium::Print && plan.initiatives().any(|i| i.budget.is_some()) {
        out.push(Block::Section("【予算額一覧】".to_owned()));
        out.push(Block::Table(tables::budgets(plan)));
    }
    field(
        &mut out,
        era,
        &f::OVERALL_EVALUATION,
        &plan.overall_evaluation,
    );
    field(&mut out, era, &f::FUTURE_DIRECTION, &plan.future_direction);
    out.field(&f::CONTACT);
    contact_blocks(&mut out, plan, &plan.contact, medium);
    (out.blocks, out.sources)
}

fn contact_blocks(out: &mut Out, plan: &Plan, contact: &Contact, medium: Medium) {
    if contact.is_empty() && plan.office.is_empty() {
        return;
    }
    out.push(Block::Section(
        match medium {
            Medium::Web => "このページの作成者・問合せ先",
            Medium::Print => "【問合せ先】",
        }
        .to_owned(),
    ));
    let lines = [
        format!("{} {}", plan.office, contact.section),
        format!(
            "{} {}",
            if contact.postal_code.is_empty() {
                String::new()
            } else {
                format!("〒{}", contact.postal_code)
            },
            contact.address
        ),
        labelled("電話:", &contact.phone),
        labelled("ファックス:", &contact.fax),
        labelled("メール:", &contact.email),
    ];
    out.extend(
        lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(|l| Block::ContactLine(l.to_owned())),
    );
}

fn labelled(label: &str, value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!("{label}{value}")
    }
}

/// A field of the full plan, when it has text: under its printed heading, or
/// as bare paragraphs for a field the era prints without one.
fn field(out: &mut Out, era: Era, field: &'static Field, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    out.field(field);
    let heading = field.heading(era);
    if !heading.is_empty() {
        out.push(Block::FieldName(heading.to_owned()));
    }
    paragraphs(out, text);
}

/// One paragraph block per non-empty line of `text`.
fn paragraphs(out: &mut Out, text: &str) {
    out.extend(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block::Paragraph(l.to_owned())),
    );
}

/// The blocks as plain text, one line per block and a blank line between blocks:
/// what staff paste into the city's web page.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        let line = match block {
            Block::Bullet(t) => format!("{BULLET}{t}"),
            Block::Chart(chart) => chart.alt.clone(),
            Block::Table(table) => std::iter::once(table.headers.join("\t"))
                .chain(table.rows.iter().map(|r| r.cells.join("\t")))
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.text().to_owned(),
        };
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}
