//! The document's structure, independent of the medium: which headings, labels and
//! numbers the plan prints, and in which order. The web text (what staff paste into
//! the city page) and the PDF layout both read these blocks, so the two cannot drift.

use crate::amount::{format_thousand_yen, group_digits};
use crate::model::{Contact, Indicator, Initiative, Issue, Plan, Review, Strategy};
use crate::numbering::{self, numbered};
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
            Block::Table(_) => "",
        }
    }
}

/// A small table with a header row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Relative column widths (any unit; only the ratios matter).
    pub widths: Vec<f32>,
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

/// The headings of one era of the published plan.
struct Headings {
    goal: &'static str,
    mission: &'static str,
    /// Follows the fiscal year in the R4 form, stands alone from R5.
    policy: &'static str,
    policy_with_year: bool,
    issues: &'static str,
    description: Option<&'static str>,
    main_strategy: &'static str,
    strategy: &'static str,
}

/// 令和4年度 and before: the page form of the seed.
const HEADINGS_TO_R4: Headings = Headings {
    goal: "【区の目標(何をめざすのか)】",
    mission: "【区の使命(どのような役割を担うのか)】",
    policy: "区運営の基本的な考え方(区長の方針)",
    policy_with_year: true,
    issues: "重点的に取り組む主な経営課題",
    description: None,
    main_strategy: "《主な戦略》",
    strategy: "《戦略》",
};

/// 令和5年度 on: the headings the city's page changed to.
const HEADINGS_FROM_R5: Headings = Headings {
    goal: "【目標】",
    mission: "【使命】",
    policy: "所属運営の基本的な考え方(区の方針)",
    policy_with_year: false,
    issues: "重点的に取り組む主な経営課題",
    description: Some("課題認識"),
    main_strategy: "《主な戦略(課題解決の方策)》",
    strategy: "《戦略(課題解決の方策)》",
};

fn headings(plan: &Plan) -> &'static Headings {
    if plan.fiscal_year <= 2022 {
        &HEADINGS_TO_R4
    } else {
        &HEADINGS_FROM_R5
    }
}

/// The document title: 令和4年度鶴見区運営方針 on the web, with a space in print.
pub fn title(plan: &Plan, medium: Medium) -> String {
    let space = if medium == Medium::Print { " " } else { "" };
    format!(
        "{}{space}{}運営方針",
        format_fiscal_year(plan.fiscal_year),
        plan.ward
    )
}

/// The plan as blocks, in reading order. Empty optional parts give no blocks.
pub fn blocks(plan: &Plan, medium: Medium) -> Vec<Block> {
    let h = headings(plan);
    let mut out = vec![Block::Title(title(plan, medium))];
    if let Some(date) = plan.page_date {
        out.push(Block::Date(match medium {
            Medium::Web => format_date_western(date),
            Medium::Print => format_date(date),
        }));
    }
    for revision in &plan.revisions {
        out.push(Block::Note(format!(
            "{}({})",
            revision.note,
            format_date(revision.date)
        )));
    }
    out.push(Block::Section(h.goal.to_owned()));
    paragraphs(&mut out, &plan.goal);
    out.push(Block::Section(h.mission.to_owned()));
    paragraphs(&mut out, &plan.mission);
    out.push(Block::Section(if h.policy_with_year {
        format!("【{} {}】", format_fiscal_year(plan.fiscal_year), h.policy)
    } else {
        format!("【{}】", h.policy)
    }));
    out.extend(
        plan.policy
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| Block::Bullet(p.trim().to_owned())),
    );

    if !plan.issues.is_empty() {
        out.push(Block::Section(h.issues.to_owned()));
    }
    for (n1, issue) in numbered(&plan.issues) {
        issue_blocks(&mut out, h, n1, issue);
    }

    if medium == Medium::Print && plan.initiatives().any(|i| i.budget.is_some()) {
        out.push(Block::Section("【予算額一覧】".to_owned()));
        out.push(Block::Table(budget_table(plan)));
    }
    field(
        &mut out,
        "自己評価(運営方針全体の定性評価)",
        &plan.overall_evaluation,
    );
    field(&mut out, "今後の方針", &plan.future_direction);
    contact_blocks(&mut out, plan, &plan.contact, medium);
    out
}

fn issue_blocks(out: &mut Vec<Block>, h: &Headings, n1: u32, issue: &Issue) {
    out.push(Block::IssueHeading(
        format!("経営課題{n1} {}", issue.title)
            .trim_end()
            .to_owned(),
    ));
    match h.description {
        Some(name) => field(out, name, &issue.description),
        None => paragraphs(out, &issue.description),
    }
    field(out, "めざすべき将来像", &issue.vision);
    field(out, "現状", &issue.current_state);
    field(out, "要因分析", &issue.cause_analysis);
    field(out, "課題", &issue.challenge);
    for (n2, strategy) in numbered(&issue.strategies) {
        strategy_blocks(out, h, &[n1, n2], strategy);
    }
}

fn strategy_blocks(out: &mut Vec<Block>, h: &Headings, number: &[u32], strategy: &Strategy) {
    out.push(Block::Label(
        if strategy.main {
            h.main_strategy
        } else {
            h.strategy
        }
        .to_owned(),
    ));
    out.push(Block::ItemHeading(format!(
        "【{} {}】",
        numbering::label(number),
        strategy.title
    )));
    paragraphs(out, &strategy.text);
    field(out, "めざす状態", &strategy.target_state);
    if !strategy.indicators.is_empty() {
        out.push(Block::FieldName("アウトカム指標".to_owned()));
        out.push(Block::Table(indicator_table(&strategy.indicators)));
    }
    review_blocks(out, "中間振り返り", &strategy.interim_review);
    review_blocks(out, "自己評価", &strategy.self_evaluation);

    let mut previous_main = None;
    for (n3, initiative) in numbered(&strategy.initiatives) {
        if previous_main != Some(initiative.main) {
            out.push(Block::Label(
                if initiative.main {
                    "《主な具体的取組》"
                } else {
                    "《具体的取組》"
                }
                .to_owned(),
            ));
            previous_main = Some(initiative.main);
        }
        let mut full = number.to_vec();
        full.push(n3);
        initiative_blocks(out, &full, initiative);
    }
}

fn initiative_blocks(out: &mut Vec<Block>, number: &[u32], initiative: &Initiative) {
    let budget = initiative
        .budget
        .map(|b| format!("(予算額 {})", format_thousand_yen(b)))
        .unwrap_or_default();
    out.push(Block::ItemHeading(format!(
        "【{} {}】{budget}",
        numbering::label(number),
        initiative.title
    )));
    paragraphs(out, &initiative.text);
    field(out, "前年度までの実績", &initiative.past_results);
    field(out, "業績目標", &initiative.performance_target);
    review_blocks(out, "中間振り返り", &initiative.interim_review);
    review_blocks(out, "自己評価", &initiative.self_evaluation);
}

fn review_blocks(out: &mut Vec<Block>, name: &str, review: &Review) {
    if review.is_empty() {
        return;
    }
    let status = if review.status.is_unset() {
        String::new()
    } else {
        format!(" {}", review.status.label())
    };
    out.push(Block::FieldName(format!("{name}{status}")));
    paragraphs(out, &review.comment);
    field(out, "課題と改善策", &review.improvement);
}

fn indicator_table(indicators: &[Indicator]) -> Table {
    let mut rows = Vec::new();
    for indicator in indicators {
        let results = indicator
            .results
            .iter()
            .map(|r| {
                let grade = if r.grade.is_empty() {
                    String::new()
                } else {
                    format!(" 評価{}", r.grade)
                };
                format!("{}: {}{grade}", format_fiscal_year(r.fiscal_year), r.value)
            })
            .collect::<Vec<_>>()
            .join("、");
        rows.push(TableRow {
            cells: vec![
                indicator.name.clone(),
                format!("{}{}", indicator.target, indicator.unit),
                indicator.period.clone(),
                results,
            ],
            total: false,
        });
    }
    Table {
        headers: ["指標", "目標値", "目標年度・期間", "実績"]
            .map(String::from)
            .to_vec(),
        widths: vec![5.0, 2.0, 2.4, 2.6],
        right_aligned: vec![false, false, false, false],
        rows,
    }
}

/// Budgets of every initiative, a subtotal per issue and the total, in 千円.
fn budget_table(plan: &Plan) -> Table {
    let mut rows = Vec::new();
    for (n1, issue) in numbered(&plan.issues) {
        for (n2, strategy) in numbered(&issue.strategies) {
            for (n3, initiative) in numbered(&strategy.initiatives) {
                if let Some(budget) = initiative.budget {
                    rows.push(TableRow {
                        cells: vec![
                            numbering::label(&[n1, n2, n3]),
                            initiative.title.clone(),
                            group_digits(budget),
                        ],
                        total: false,
                    });
                }
            }
        }
        rows.push(TableRow {
            cells: vec![
                String::new(),
                format!("経営課題{n1} 小計"),
                group_digits(issue.budget_total()),
            ],
            total: true,
        });
    }
    rows.push(TableRow {
        cells: vec![
            String::new(),
            "合計".to_owned(),
            group_digits(plan.budget_total()),
        ],
        total: true,
    });
    Table {
        headers: ["番号", "具体的取組", "予算額(千円)"]
            .map(String::from)
            .to_vec(),
        widths: vec![1.3, 7.5, 2.2],
        right_aligned: vec![false, false, true],
        rows,
    }
}

fn contact_blocks(out: &mut Vec<Block>, plan: &Plan, contact: &Contact, medium: Medium) {
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

/// A named field of the full plan, when it has text.
fn field(out: &mut Vec<Block>, name: &str, text: &str) {
    if !text.trim().is_empty() {
        out.push(Block::FieldName(name.to_owned()));
        paragraphs(out, text);
    }
}

/// One paragraph block per non-empty line of `text`.
fn paragraphs(out: &mut Vec<Block>, text: &str) {
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
