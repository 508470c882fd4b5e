//! The plan as data: one `Plan` per ward per fiscal year, holding everything the
//! published page and the full forms (様式1/2/3) of both eras carry. No I/O here.
//!
//! Required in a file: `version`, `fiscal_year`, `ward`, `goal`, `mission`, `policy` and
//! every title. Everything else is optional, empty by default and left out of the file
//! when empty, so a summary plan stays short and older files keep loading.

pub mod address;
mod derived;
pub mod fields;
mod id;
mod path;
pub mod text;
mod value;
pub mod walk;
pub mod wording;
pub mod writing;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use id::{GivenIds, ItemId};
pub use path::{ItemPath, Part, PartMut};
pub use wording::{Heading, Wording};
pub use writing::Writing;

/// The file format version this build writes. Files with a higher number are refused.
/// 2 added item identities (`id`); version 1 files load and are written as 2.
pub const FORMAT_VERSION: u32 = 2;

/// A ward's operating plan (区運営方針) for one fiscal year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// File format version (see [`FORMAT_VERSION`]).
    pub version: u32,
    /// The fiscal year (年度) as the Western year it starts in: 2022 is 令和4年度.
    pub fiscal_year: i32,
    /// The ward, e.g. 鶴見区.
    pub ward: String,
    /// 版: 素案, 案 or 確定; a file without it is 確定.
    #[serde(default, skip_serializing_if = "Stage::is_adopted")]
    pub stage: Stage,
    /// The office that publishes the plan, e.g. 大阪市鶴見区役所 (the PDF's author).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub office: String,
    /// The date the page or document was last published (2023年6月9日).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_some")]
    pub page_date: Option<NaiveDate>,
    /// Dated update notes (改訂履歴), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
    /// 区の目標 (何をめざすのか).
    pub goal: String,
    /// 区の使命 (どのような役割を担うのか).
    pub mission: String,
    /// A paragraph before the policy's bullets (「…次の取組を進める。」), printed
    /// without a ・; a policy written as paragraphs only has them all here.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub policy_lead: String,
    /// 区運営の基本的な考え方 (区長の方針): one string per bullet, without the ・.
    pub policy: Vec<String>,
    /// A paragraph after the bullets (「さらに、…を実現する。」), without a ・.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub policy_closing: String,
    /// 経営課題, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<Issue>,
    /// 自己評価 (運営方針全体の定性評価), from 令和5年度.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub overall_evaluation: String,
    /// 今後の方針, from 令和5年度.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub future_direction: String,
    /// このページの作成者・問合せ先.
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// The ward's own wording of the printed headings (empty: the era's standard).
    #[serde(default, skip_serializing_if = "Wording::is_standard")]
    pub wording: Wording,
    /// 表記のきまり: the ward's choices for the writing check (empty: the defaults).
    #[serde(default, skip_serializing_if = "Writing::is_default")]
    pub writing: Writing,
    /// On a copy sent to the sections (各課に送る): which sending it came from,
    /// so that taking it back finds the version sent (see `exchange`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<SendMark>,
    /// Which identities were given on the way in rather than read (see [`GivenIds`]).
    #[serde(skip)]
    pub given_ids: GivenIds,
}

/// The mark a copy sent to the sections carries: an identity for the sending
/// and its day. Not the plan's content: comparing and merging leave it alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SendMark {
    /// The sending's identity (16 hex digits, like an item's).
    pub id: ItemId,
    /// The day it was sent.
    pub date: NaiveDate,
}

/// Where the plan is in its year (版): 素案 for the 区政会議 in autumn, 案 once
/// revised, 確定 when adopted. A draft prints with its stage on every page, so a
/// copy on a meeting table is never mistaken for the adopted plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// 素案.
    Draft,
    /// 案.
    Proposal,
    /// 確定: the adopted plan, and every file written before stages existed.
    #[default]
    Adopted,
}

impl Stage {
    /// All three, in the order of the year.
    pub const ALL: [Stage; 3] = [Stage::Draft, Stage::Proposal, Stage::Adopted];

    /// What staff call it: 素案, 案, 確定.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Draft => "素案",
            Stage::Proposal => "案",
            Stage::Adopted => "確定",
        }
    }

    /// What follows a draft's title: （素案）, （案）; nothing once adopted.
    pub fn suffix(self) -> String {
        match self {
            Stage::Adopted => String::new(),
            stage => format!("（{}）", stage.label()),
        }
    }

    /// Whether it is the adopted plan (the file leaves the stage out).
    pub fn is_adopted(&self) -> bool {
        *self == Stage::Adopted
    }
}

/// One dated update note (改訂履歴), printed as 「text(令和5年6月9日)」.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The day of the change.
    pub date: NaiveDate,
    /// What changed, in a sentence.
    pub note: String,
}

/// A management issue (経営課題) with its analysis (様式2) and strategies.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// The item's identity (see [`ItemId`]); given on load when the file has none.
    #[serde(default, skip_serializing_if = "ItemId::is_unset")]
    pub id: ItemId,
    /// A number to print instead of the one that follows from position (see `numbering`).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_some")]
    pub number: Option<u32>,
    /// 経営課題の名称.
    pub title: String,
    /// The paragraph under the title; 課題認識 from 令和5年度.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// めざすべき将来像 (10–20 years).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vision: String,
    /// 現状: the data behind the issue.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub current_state: String,
    /// 要因分析.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cause_analysis: String,
    /// 課題.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub challenge: String,
    /// 戦略, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategies: Vec<Strategy>,
}

/// A strategy (戦略) with its target state, indicators, reviews and initiatives.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// The item's identity (see [`ItemId`]); given on load when the file has none.
    #[serde(default, skip_serializing_if = "ItemId::is_unset")]
    pub id: ItemId,
    /// A number to print instead of the one that follows from position.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_some")]
    pub number: Option<u32>,
    /// 戦略の名称.
    pub title: String,
    /// Whether the summary shows it as a 主な戦略.
    #[serde(default, skip_serializing_if = "is_false")]
    pub main: bool,
    /// The strategy text (戦略の内容 / 課題解決の方策).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// めざす状態 (3–5 years).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_state: String,
    /// アウトカム指標.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// 中間振り返り (autumn).
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub interim_review: Review,
    /// 自己評価 (next June).
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub self_evaluation: Review,
    /// 具体的取組, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<Initiative>,
}

/// An outcome indicator (アウトカム指標), always with a target and its year or period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What is measured: 「…と回答した区民の割合」.
    pub name: String,
    /// The target value as written: 80, 10,000.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// The unit with its direction: %以上, 世帯以上.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// By when or over which period: 令和6年度末まで, R3~R5作成合計目標.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub period: String,
    /// Measured results, one per fiscal year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<YearResult>,
}

/// One year's measured result of an indicator (アウトカム指標の達成状況).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearResult {
    /// The fiscal year measured (Western start year).
    pub fiscal_year: i32,
    /// The value as written: 76.5%, 8,200世帯.
    pub value: String,
    /// 定量評価 letter grade (A, B, …) when the city grades it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub grade: String,
}

/// A concrete initiative (具体的取組, 様式3).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// The item's identity (see [`ItemId`]); given on load when the file has none.
    #[serde(default, skip_serializing_if = "ItemId::is_unset")]
    pub id: ItemId,
    /// A number to print instead of the one that follows from position.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_some")]
    pub number: Option<u32>,
    /// 具体的取組の名称.
    pub title: String,
    /// Whether the summary shows it as a 主な具体的取組.
    #[serde(default, skip_serializing_if = "is_false")]
    pub main: bool,
    /// 予算額 in thousands of yen (千円); none when the item has no budget line.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "plain_some")]
    pub budget: Option<u64>,
    /// 当年度の取組内容.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// 業績目標 (process indicator).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub performance_target: String,
    /// 前年度までの実績.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub past_results: String,
    /// 中間振り返り.
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub interim_review: Review,
    /// 自己評価.
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub self_evaluation: Review,
}

/// A review column: 中間振り返り or 自己評価.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// ①目標達成 / ②目標未達成, or not yet reviewed.
    #[serde(default, skip_serializing_if = "ReviewStatus::is_unset")]
    pub status: ReviewStatus,
    /// What was done and observed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// 課題と改善策: required when the status is negative.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub improvement: String,
}

/// The answer of a review column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewStatus {
    /// Not reviewed yet.
    #[default]
    Unset,
    /// ①目標達成 (順調).
    Achieved,
    /// ②目標未達成 (順調でない).
    NotAchieved,
}

/// The contact block (このページの作成者・問合せ先).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The section: 総務課政策推進グループ.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// 郵便番号 without the 〒: 538-8510.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub postal_code: String,
    /// 住所.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// 電話.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// ファックス.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fax: String,
    /// A mail address or the address of the mail form.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

impl Plan {
    /// An empty plan for `ward` in `fiscal_year`, ready to fill in.
    pub fn new(ward: &str, fiscal_year: i32) -> Self {
        Self {
            version: FORMAT_VERSION,
            fiscal_year,
            ward: ward.to_owned(),
            stage: Stage::default(),
            office: String::new(),
            page_date: None,
            revisions: Vec::new(),
            goal: String::new(),
            mission: String::new(),
            policy_lead: String::new(),
            policy: Vec::new(),
            policy_closing: String::new(),
            issues: Vec::new(),
            overall_evaluation: String::new(),
            future_direction: String::new(),
            contact: Contact::default(),
            wording: Wording::default(),
            writing: Writing::default(),
            sent: None,
            given_ids: GivenIds::default(),
        }
    }

    /// The printed form the plan's year calls for.
    pub fn era(&self) -> fields::Era {
        fields::Era::of(self.fiscal_year)
    }

    /// Every strategy of the plan, in document order.
    pub fn strategies(&self) -> impl Iterator<Item = &Strategy> {
        self.issues.iter().flat_map(|i| i.strategies.iter())
    }

    /// Every initiative of the plan, in document order.
    pub fn initiatives(&self) -> impl Iterator<Item = &Initiative> {
        self.strategies().flat_map(|s| s.initiatives.iter())
    }
}

impl Review {
    /// True when nothing has been entered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

impl ReviewStatus {
    /// True for a review not answered yet.
    pub fn is_unset(&self) -> bool {
        *self == Self::Unset
    }

    /// The label printed on the forms.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unset => "未評価",
            Self::Achieved => "①目標達成",
            Self::NotAchieved => "②目標未達成",
        }
    }
}

impl Contact {
    /// True when no part of the contact block is filled in.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Writes and reads an optional number plainly (`number: 2`) rather than as
/// `Some(2)`, so that the file reads as a person would write it. Only used with
/// `skip_serializing_if = "Option::is_none"`, so `None` is never written.
mod plain_some {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Serialize>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => v.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        T::deserialize(deserializer).map(Some)
    }
}
