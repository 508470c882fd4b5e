//! The one field vocabulary: for every field of the plan file, its key (as written
//! in the `.ron` file), the label the form shows, and the heading the printed plan
//! and the web page show. Forms, warnings, load errors, the printed document and
//! (later) diff and import all read these constants, so a user who reads
//! 「経営課題2のめざすべき将来像」 in a warning finds a field with that name.

mod settings;

pub use settings::*;

/// The part of the file a field belongs to (the struct name in the `.ron` file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// `Plan(…)`: the plan as a whole.
    Plan,
    /// `Revision(…)`: an update note.
    Revision,
    /// `Issue(…)`: a management issue.
    Issue,
    /// `Strategy(…)`.
    Strategy,
    /// `Indicator(…)`: an outcome indicator.
    Indicator,
    /// `YearResult(…)`: one year's result of an indicator.
    YearResult,
    /// `Initiative(…)`.
    Initiative,
    /// `Review(…)`: 中間振り返り or 自己評価.
    Review,
    /// `Contact(…)`: the contact block.
    Contact,
    /// `Wording(…)`: the ward's wording of the printed headings.
    Wording,
    /// `Writing(…)`: the ward's choices for the writing check.
    Writing,
}

impl Owner {
    /// Every owner, in file order.
    pub const ALL: [Owner; 11] = [
        Owner::Plan,
        Owner::Revision,
        Owner::Issue,
        Owner::Strategy,
        Owner::Indicator,
        Owner::YearResult,
        Owner::Initiative,
        Owner::Review,
        Owner::Contact,
        Owner::Wording,
        Owner::Writing,
    ];

    /// The struct name written in the file: `Issue`.
    pub fn type_name(self) -> &'static str {
        match self {
            Owner::Plan => "Plan",
            Owner::Revision => "Revision",
            Owner::Issue => "Issue",
            Owner::Strategy => "Strategy",
            Owner::Indicator => "Indicator",
            Owner::YearResult => "YearResult",
            Owner::Initiative => "Initiative",
            Owner::Review => "Review",
            Owner::Contact => "Contact",
            Owner::Wording => "Wording",
            Owner::Writing => "Writing",
        }
    }

    /// What staff call it: 経営課題.
    pub fn label(self) -> &'static str {
        match self {
            Owner::Plan => "運営方針",
            Owner::Revision => "改訂履歴",
            Owner::Issue => "経営課題",
            Owner::Strategy => "戦略",
            Owner::Indicator => "アウトカム指標",
            Owner::YearResult => "指標の実績",
            Owner::Initiative => "具体的取組",
            Owner::Review => "振り返り",
            Owner::Contact => "問合せ先",
            Owner::Wording => "見出しの言葉",
            Owner::Writing => "表記のきまり",
        }
    }

    /// The owner with this struct name.
    pub fn from_type_name(name: &str) -> Option<Owner> {
        Owner::ALL.into_iter().find(|o| o.type_name() == name)
    }
}

/// The printed form of the plan: up to 令和4年度 the page of the seed, from
/// 令和5年度 the headings the city changed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// 令和4年度 and before.
    ToR4,
    /// 令和5年度 on.
    FromR5,
}

impl Era {
    /// The era of a fiscal year (Western start year; 2023 is 令和5年度).
    pub fn of(fiscal_year: i32) -> Era {
        if fiscal_year <= 2022 {
            Era::ToR4
        } else {
            Era::FromR5
        }
    }
}

/// One field: its key in the file, its form label and its printed heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// Where it is written.
    pub owner: Owner,
    /// The key in the file: `vision`.
    pub key: &'static str,
    /// The form label, also used by warnings and load errors: めざすべき将来像.
    pub label: &'static str,
    /// The printed heading up to 令和4年度; empty when the text prints without one.
    heading: &'static str,
    /// The printed heading from 令和5年度.
    heading_from_r5: &'static str,
}

impl Field {
    /// A field printed (if at all) under its label.
    const fn new(owner: Owner, key: &'static str, label: &'static str) -> Field {
        Field {
            owner,
            key,
            label,
            heading: label,
            heading_from_r5: label,
        }
    }

    /// The same field, printed under `heading` in every era.
    const fn printed(self, heading: &'static str) -> Field {
        Field {
            heading,
            heading_from_r5: heading,
            ..self
        }
    }

    /// The same field, printed under `heading` from 令和5年度.
    const fn printed_from_r5(self, heading: &'static str) -> Field {
        Field {
            heading_from_r5: heading,
            ..self
        }
    }

    /// The heading the printed plan shows above the field in `era`; empty when the
    /// text is printed without a heading.
    pub fn heading(&self, era: Era) -> &'static str {
        match era {
            Era::ToR4 => self.heading,
            Era::FromR5 => self.heading_from_r5,
        }
    }
}

use Owner as O;

// 運営方針 (the plan as a whole).
/// `version`.
pub const VERSION: Field = Field::new(O::Plan, "version", "ファイル形式のバージョン");
/// `fiscal_year`.
pub const FISCAL_YEAR: Field = Field::new(O::Plan, "fiscal_year", "年度");
/// `ward`.
pub const WARD: Field = Field::new(O::Plan, "ward", "区名");
/// `stage`.
pub const STAGE: Field = Field::new(O::Plan, "stage", "版");
/// `office`.
pub const OFFICE: Field = Field::new(O::Plan, "office", "所属（作成者）");
/// `page_date`.
pub const PAGE_DATE: Field = Field::new(O::Plan, "page_date", "掲載日");
/// `revisions`.
pub const REVISIONS: Field = Field::new(O::Plan, "revisions", "改訂履歴");
/// `goal`.
pub const GOAL: Field = Field::new(O::Plan, "goal", "区の目標")
    .printed("区の目標(何をめざすのか)")
    .printed_from_r5("目標");
/// `mission`.
pub const MISSION: Field = Field::new(O::Plan, "mission", "区の使命")
    .printed("区の使命(どのような役割を担うのか)")
    .printed_from_r5("使命");
/// `policy`.
pub const POLICY: Field = Field::new(O::Plan, "policy", "区運営の基本的な考え方")
    .printed("区運営の基本的な考え方(区長の方針)")
    .printed_from_r5("所属運営の基本的な考え方(区の方針)");
/// `policy_lead`: a paragraph before the bullets.
pub const POLICY_LEAD: Field = Field::new(O::Plan, "policy_lead", "基本的な考え方の前文");
/// `policy_closing`: a paragraph after the bullets.
pub const POLICY_CLOSING: Field = Field::new(O::Plan, "policy_closing", "基本的な考え方の結び");
/// `issues`.
pub const ISSUES: Field =
    Field::new(O::Plan, "issues", "経営課題").printed("重点的に取り組む主な経営課題");
/// `overall_evaluation`.
pub const OVERALL_EVALUATION: Field =
    Field::new(O::Plan, "overall_evaluation", "自己評価（運営方針全体）")
        .printed("自己評価(運営方針全体の定性評価)");
/// `future_direction`.
pub const FUTURE_DIRECTION: Field = Field::new(O::Plan, "future_direction", "今後の方針");
/// `contact`.
pub const CONTACT: Field = Field::new(O::Plan, "contact", "問合せ先");

// 改訂履歴.
/// `Revision.date`.
pub const REVISION_DATE: Field = Field::new(O::Revision, "date", "改訂日");
/// `Revision.note`.
pub const REVISION_NOTE: Field = Field::new(O::Revision, "note", "改訂の内容");

// Fields every item has.
/// `id` (not shown in the forms).
pub const ID: Field = Field::new(O::Issue, "id", "識別子");
/// `number`.
pub const NUMBER: Field = Field::new(O::Issue, "number", "番号");
/// `title`.
pub const TITLE: Field = Field::new(O::Issue, "title", "名称");
/// `main` (strategies and initiatives).
pub const MAIN: Field = Field::new(O::Strategy, "main", "「主な」として掲載する");

// 経営課題.
/// `Issue.description`: the paragraph under the title; 課題認識 from 令和5年度.
pub const DESCRIPTION: Field = Field::new(O::Issue, "description", "課題認識")
    .printed("")
    .printed_from_r5("課題認識");
/// `Issue.vision`.
pub const VISION: Field = Field::new(O::Issue, "vision", "めざすべき将来像");
/// `Issue.current_state`.
pub const CURRENT_STATE: Field = Field::new(O::Issue, "current_state", "現状");
/// `Issue.cause_analysis`.
pub const CAUSE_ANALYSIS: Field = Field::new(O::Issue, "cause_analysis", "要因分析");
/// `Issue.challenge`.
pub const CHALLENGE: Field = Field::new(O::Issue, "challenge", "課題");
/// `Issue.strategies`.
pub const STRATEGIES: Field = Field::new(O::Issue, "strategies", "戦略");

// 戦略.
/// `Strategy.text`: printed without a heading under the strategy's title.
pub const STRATEGY_TEXT: Field = Field::new(O::Strategy, "text", "内容").printed("");
/// `Strategy.target_state`.
pub const TARGET_STATE: Field = Field::new(O::Strategy, "target_state", "めざす状態");
/// `Strategy.indicators`.
pub const INDICATORS: Field = Field::new(O::Strategy, "indicators", "アウトカム指標");
/// `interim_review` (strategies and initiatives).
pub const INTERIM_REVIEW: Field = Field::new(O::Strategy, "interim_review", "中間振り返り");
/// `self_evaluation` (strategies and initiatives).
pub const SELF_EVALUATION: Field = Field::new(O::Strategy, "self_evaluation", "自己評価");
/// `Strategy.initiatives`.
pub const INITIATIVES: Field = Field::new(O::Strategy, "initiatives", "具体的取組");

// アウトカム指標 and their results.
/// `Indicator.name`.
pub const INDICATOR_NAME: Field = Field::new(O::Indicator, "name", "指標");
/// `Indicator.target`.
pub const INDICATOR_TARGET: Field = Field::new(O::Indicator, "target", "目標値");
/// `Indicator.unit`.
pub const INDICATOR_UNIT: Field = Field::new(O::Indicator, "unit", "単位（%以上 など）");
/// `Indicator.period`.
pub const INDICATOR_PERIOD: Field = Field::new(O::Indicator, "period", "目標年度・期間");
/// `Indicator.results`.
pub const INDICATOR_RESULTS: Field = Field::new(O::Indicator, "results", "実績");
/// `YearResult.fiscal_year`.
pub const RESULT_YEAR: Field = Field::new(O::YearResult, "fiscal_year", "実績の年度");
/// `YearResult.value`.
pub const RESULT_VALUE: Field = Field::new(O::YearResult, "value", "実績値");
/// `YearResult.grade`.
pub const RESULT_GRADE: Field = Field::new(O::YearResult, "grade", "評価");

// 具体的取組.
/// `Initiative.budget`.
pub const BUDGET: Field = Field::new(O::Initiative, "budget", "予算額");
/// `Initiative.text`: printed without a heading under the initiative's title.
pub const INITIATIVE_TEXT: Field = Field::new(O::Initiative, "text", "取組内容").printed("");
/// `Initiative.past_results`.
pub const PAST_RESULTS: Field = Field::new(O::Initiative, "past_results", "前年度までの実績");
/// `Initiative.performance_target`.
pub const PERFORMANCE_TARGET: Field = Field::new(O::Initiative, "performance_target", "業績目標");

// 中間振り返り・自己評価.
/// `Review.status`.
pub const REVIEW_STATUS: Field = Field::new(O::Review, "status", "達成状況");
/// `Review.comment`: printed under the review's own heading.
pub const REVIEW_COMMENT: Field = Field::new(O::Review, "comment", "所見").printed("");
/// `Review.improvement`.
pub const REVIEW_IMPROVEMENT: Field = Field::new(O::Review, "improvement", "課題と改善策");

// 問合せ先.
/// `Contact.section`.
pub const CONTACT_SECTION: Field = Field::new(O::Contact, "section", "担当");
/// `Contact.postal_code`.
pub const CONTACT_POSTAL_CODE: Field = Field::new(O::Contact, "postal_code", "郵便番号");
/// `Contact.address`.
pub const CONTACT_ADDRESS: Field = Field::new(O::Contact, "address", "住所");
/// `Contact.phone`.
pub const CONTACT_PHONE: Field = Field::new(O::Contact, "phone", "電話");
/// `Contact.fax`.
pub const CONTACT_FAX: Field = Field::new(O::Contact, "fax", "ファックス");
/// `Contact.email`.
pub const CONTACT_EMAIL: Field = Field::new(O::Contact, "email", "メール");

/// Every field, for looking one up by its key (load errors).
pub const ALL: &[Field] = &[
    VERSION,
    FISCAL_YEAR,
    WARD,
    STAGE,
    OFFICE,
    PAGE_DATE,
    REVISIONS,
    GOAL,
    MISSION,
    POLICY_LEAD,
    POLICY,
    POLICY_CLOSING,
    ISSUES,
    OVERALL_EVALUATION,
    FUTURE_DIRECTION,
    CONTACT,
    REVISION_DATE,
    REVISION_NOTE,
    ID,
    NUMBER,
    TITLE,
    MAIN,
    DESCRIPTION,
    VISION,
    CURRENT_STATE,
    CAUSE_ANALYSIS,
    CHALLENGE,
    STRATEGIES,
    STRATEGY_TEXT,
    TARGET_STATE,
    INDICATORS,
    INTERIM_REVIEW,
    SELF_EVALUATION,
    INITIATIVES,
    INDICATOR_NAME,
    INDICATOR_TARGET,
    INDICATOR_UNIT,
    INDICATOR_PERIOD,
    INDICATOR_RESULTS,
    RESULT_YEAR,
    RESULT_VALUE,
    RESULT_GRADE,
    BUDGET,
    INITIATIVE_TEXT,
    PAST_RESULTS,
    PERFORMANCE_TARGET,
    REVIEW_STATUS,
    REVIEW_COMMENT,
    REVIEW_IMPROVEMENT,
    CONTACT_SECTION,
    CONTACT_POSTAL_CODE,
    CONTACT_ADDRESS,
    CONTACT_PHONE,
    CONTACT_FAX,
    CONTACT_EMAIL,
    WORDING,
    WORDING_GROUP,
    WORDING_GOAL,
    WORDING_MISSION,
    WORDING_POLICY,
    WORDING_ISSUES,
    WORDING_ISSUE,
    WORDING_MAIN_STRATEGY,
    WORDING_STRATEGY_LABEL,
    WORDING_STRATEGY,
    WORDING_MAIN_INITIATIVE,
    WORDING_INITIATIVE_LABEL,
    WORDING_INITIATIVE,
    WRITING,
    WRITING_PREFERRED,
    WRITING_KEEP,
    WRITING_OFF,
];

/// Fields every item (issue, strategy, initiative) shares, listed once under the
/// owner that comes first in the file.
const SHARED: &[Field] = &[ID, NUMBER, TITLE, MAIN, INTERIM_REVIEW, SELF_EVALUATION];

/// The field `key` of `owner` (of any part when the owner is unknown).
pub fn lookup(owner: Option<Owner>, key: &str) -> Option<&'static Field> {
    let item = matches!(
        owner,
        Some(Owner::Issue | Owner::Strategy | Owner::Initiative)
    );
    ALL.iter()
        .find(|f| f.key == key && (owner.is_none_or(|o| o == f.owner)))
        .or_else(|| item.then(|| SHARED.iter().find(|f| f.key == key)).flatten())
        .or_else(|| ALL.iter().find(|f| f.key == key))
}
