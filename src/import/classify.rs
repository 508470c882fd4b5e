//! What one line of a published page is: page furniture, the title, a date, a
//! section heading, an item heading, a label, a field heading, a bullet or running
//! text. Wards write the same headings in many ways (with or without 【】 or 《》,
//! 区の, 主な or a section number; full- or half-width digits and brackets), so
//! lines are compared in a normalised form while their text is kept as written.

use crate::model::fields::{self as f, Era, Field};

/// A line, recognised.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// Nothing on it.
    Blank,
    /// Site furniture: menus, page number, share links, links to other pages.
    Furniture,
    /// The title: the fiscal year (Western) and the ward, e.g. 令和4年度鶴見区運営方針.
    Title {
        year: i32,
        ward: String,
        stage: crate::model::Stage,
    },
    /// A Western page date: 2023年6月9日.
    Date(chrono::NaiveDate),
    /// The goal's heading (its wording as printed).
    Goal(String),
    /// The mission's heading.
    Mission(String),
    /// The policy's heading.
    Policy(String),
    /// A heading over the goal, the mission and the policy together
    /// (「目標」「使命」及び「所属運営の基本的な考え方」), as printed.
    Group(String),
    /// The heading over the issues.
    Issues(String),
    /// An issue's heading: its number, title and the heading as printed.
    Issue {
        number: u32,
        title: String,
        printed: String,
    },
    /// The label over strategies: whether it says 主な, and as printed.
    StrategyLabel { main: bool, printed: String },
    /// The label over initiatives.
    InitiativeLabel { main: bool, printed: String },
    /// A strategy's heading: 【1-1 title】 or 【戦略 1-1 title】.
    Strategy {
        number: [u32; 2],
        title: String,
        printed: String,
    },
    /// An initiative's heading with its budget in 千円.
    Initiative {
        number: [u32; 3],
        title: String,
        budget: Option<u64>,
    },
    /// The heading of a field of the full plan: 課題認識, めざす状態, 今後の方針….
    Field(&'static Field),
    /// The start of the contact block.
    Contact,
    /// A bullet point, without its mark; `numbered` when the mark was (1) or
    /// ①, which a field other than the policy keeps.
    Bullet { text: String, numbered: bool },
    /// Running text.
    Text(String),
}

/// Lines that are page furniture wherever they stand (compared after trimming
/// list marks).
const FURNITURE: &[&str] = &[
    "ページの先頭です",
    "メニューの終端です。",
    "本文ここから",
    "本文ここまで",
    "このページの先頭へ",
    "ページの先頭へ戻る",
    "策定経過",
    "SNSリンクは別ウィンドウで開きます",
    "Facebookでシェア",
    "Xでポストする",
    "Twitterでツイート",
    "LINEで送る",
    "探している情報が見つからない",
    "このページを印刷する",
    "印刷",
    "メール送信フォーム",
    "よくある質問",
];

/// Starts of furniture lines.
const FURNITURE_STARTS: &[&str] = &[
    "ページ番号",
    "ホーム >",
    "ホーム＞",
    "トップページ >",
    "PDF形式のファイルをご覧いただく場合",
    "Adobe Acrobat Reader",
    "別ウィンドウで開きます",
];

/// The line in the form headings are compared in: full-width digits, letters,
/// brackets, hyphens and spaces made half-width, trimmed.
pub fn normalise(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '（' => '(',
            '）' => ')',
            '－' | '‐' | '−' | '―' | '–' => '-',
            '\u{3000}' | '\u{a0}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The line without a wrapping 【】, 《》 or ［］ and without a leading section
/// number (1 , 1. , (1) , 第1 ).
fn bare(line: &str) -> &str {
    let mut s = line.trim();
    for (open, close) in [
        ('【', '】'),
        ('《', '》'),
        ('[', ']'),
        ('［', '］'),
        ('〔', '〕'),
    ] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            s = inner.trim();
        }
    }
    let digits =
        s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')' || c == '第');
    if digits.len() < s.len() {
        let after = digits.trim_start_matches(['.', '．', ' ', '、']);
        if after.len() < digits.len() || digits.starts_with(' ') {
            s = after;
        }
    }
    s
}

/// A link to the ward's other years (過去の鶴見区運営方針, これまでの区運営方針一覧):
/// known by its shape — a short label that names plans in the plural sense,
/// with no punctuation of a sentence — so a body sentence that starts with
/// 過去の stays text.
fn is_archive_link(line: &str) -> bool {
    let label = line.trim_end_matches(['>', '＞', ' ']);
    (label.starts_with("過去の") || label.starts_with("これまでの"))
        && label.chars().count() <= 30
        && !label.contains(['。', '、', '，', ','])
        && ["運営方針", "運営方針一覧", "一覧", "アーカイブ"]
            .iter()
            .any(|end| label.ends_with(end))
}

/// Recognises a line.
pub fn classify(raw: &str) -> Line {
    let line = normalise(raw);
    if line.is_empty() {
        return Line::Blank;
    }
    let unmarked = line.trim_start_matches(['•', '・', '●', '◆', '○', '■', '-', '*', ' ']);
    if FURNITURE.contains(&unmarked)
        || FURNITURE_STARTS.iter().any(|s| unmarked.starts_with(s))
        || is_archive_link(unmarked)
    {
        return Line::Furniture;
    }
    if let Some(title) = title(&line) {
        return title;
    }
    // The page's date, as the city writes it (2017年3月31日) or in 和暦.
    if let Some(date) =
        crate::wareki::parse_date_western(&line).or_else(|| crate::wareki::parse_date(&line))
    {
        return Line::Date(date);
    }
    let b = bare(&line);
    let short = b.chars().count() <= 40;
    if short {
        let stem = b.split(['(', '（']).next().unwrap_or(b).trim();
        let stem = stem.strip_prefix("区の").unwrap_or(stem);
        if stem == "目標" {
            return Line::Goal(raw.trim().to_owned());
        }
        // Naming the goal and the mission both: over the sections, not one
        // (a sentence that names both is text).
        if b.contains("目標") && b.contains("使命") && !b.contains(['。', '、']) {
            return Line::Group(raw.trim().to_owned());
        }
        if stem == "使命" {
            return Line::Mission(raw.trim().to_owned());
        }
        if b.contains("基本的な考え方") {
            return Line::Policy(raw.trim().to_owned());
        }
        if b.contains("経営課題") && (b.contains("重点的") || b.starts_with("主な経営課題"))
        {
            return Line::Issues(raw.trim().to_owned());
        }
        if matches!(
            b,
            "このページの作成者・問合せ先" | "問合せ先" | "お問い合わせ" | "問い合わせ先"
        ) {
            return Line::Contact;
        }
    }
    if let Some(item) = item_heading(&line) {
        return item;
    }
    if short && let Some(label) = label(b, raw) {
        return label;
    }
    if short && let Some(field) = field_heading(b) {
        return Line::Field(field);
    }
    if let Some(entry) = super::bullet::entry(&line) {
        // The text as written: `line` is `raw` trimmed, one character for one.
        let text: String = raw
            .trim()
            .chars()
            .skip(entry.before)
            .take(entry.text.chars().count())
            .collect();
        return Line::Bullet {
            text,
            numbered: entry.numbered,
        };
    }
    Line::Text(raw.trim().to_owned())
}

/// 令和4年度鶴見区運営方針 (also 平成, with a space, as a bureau: ◯◯局).
fn title(line: &str) -> Option<Line> {
    // A draft's page says so after the title: …運営方針（素案）, (案).
    use crate::model::Stage;
    let (line, stage) = [Stage::Draft, Stage::Proposal]
        .into_iter()
        .find_map(|stage| {
            let label = stage.label();
            [format!("（{label}）"), format!("({label})")]
                .iter()
                .find_map(|mark| line.trim_end().strip_suffix(mark.as_str()))
                .map(|rest| (rest.trim_end(), stage))
        })
        .unwrap_or((line, Stage::Adopted));
    let rest = line.strip_suffix("運営方針")?;
    let era = ["令和", "平成"].into_iter().find(|e| rest.starts_with(e))?;
    let (year, ward) = rest[era.len()..].split_once("年度")?;
    let year = if year.trim() == "元" {
        1
    } else {
        year.trim().parse().ok()?
    };
    let ward = ward.trim();
    if ward.is_empty() || ward.chars().count() > 12 {
        return None;
    }
    Some(Line::Title {
        year: crate::wareki::western_year(era, year)?,
        ward: ward.to_owned(),
        stage,
    })
}

/// 経営課題1 title, 【経営課題1】title, 経営課題1-(1) title; 【1-1 title】,
/// 【戦略 1-1 title】; 【1-1-1 title】(予算額 28,523千円).
fn item_heading(line: &str) -> Option<Line> {
    let open = line.trim_start_matches('【');
    if let Some(rest) = open.strip_prefix("経営課題") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let number = digits.parse().ok()?;
        let mut after = &rest[digits.len()..];
        // 経営課題1-(1): a sub-number some wards add; kept in the printed form.
        if let Some(sub) = after.strip_prefix("-(") {
            after = sub.split_once(')').map_or(after, |(_, r)| r);
        }
        let title = after.trim_start_matches(['】', ' ', ':', '：']).trim();
        let printed = line.replacen(title, "{名称}", 1);
        let printed = printed.replacen(&digits, "{番号}", 1);
        return Some(Line::Issue {
            number,
            title: title.to_owned(),
            printed,
        });
    }
    let inner = line.strip_prefix('【')?;
    let (inside, after) = inner.split_once('】')?;
    let inside = inside.trim();
    let (kind, inside) = match inside.strip_prefix("戦略") {
        Some(rest) => (Some("戦略"), rest.trim_start()),
        None => (None, inside),
    };
    let inside = inside
        .strip_prefix("具体的取組")
        .map_or(inside, str::trim_start);
    let (number, title) = inside.split_once(' ').unwrap_or((inside, ""));
    let parts: Vec<u32> = number
        .split('-')
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let title = title.trim().to_owned();
    match parts.as_slice() {
        [a, b] => Some(Line::Strategy {
            number: [*a, *b],
            printed: match kind {
                Some(_) => "【戦略 {番号} {名称}】".to_owned(),
                None => "【{番号} {名称}】".to_owned(),
            },
            title,
        }),
        [a, b, c] => {
            let budget = after
                .split_once("予算額")
                .and_then(|(_, r)| r.split_once("千円"))
                .and_then(|(amount, _)| crate::amount::parse_thousand_yen(amount));
            Some(Line::Initiative {
                number: [*a, *b, *c],
                title,
                budget,
            })
        }
        _ => None,
    }
}

/// 《主な戦略》, 主な戦略(課題解決の方策), 《具体的取組》….
fn label(bare: &str, raw: &str) -> Option<Line> {
    let main = bare.starts_with("主な");
    let stem = bare.strip_prefix("主な").unwrap_or(bare);
    let stem = stem.split(['(', '（']).next().unwrap_or(stem).trim();
    let printed = raw.trim().to_owned();
    match stem {
        "戦略" => Some(Line::StrategyLabel { main, printed }),
        "具体的取組" | "具体的取組み" | "取組" => {
            Some(Line::InitiativeLabel { main, printed })
        }
        _ => None,
    }
}

/// The heading of a field of the full plan, as either era prints it.
fn field_heading(bare: &str) -> Option<&'static Field> {
    let fields = [
        &f::DESCRIPTION,
        &f::VISION,
        &f::CURRENT_STATE,
        &f::CAUSE_ANALYSIS,
        &f::CHALLENGE,
        &f::TARGET_STATE,
        &f::INDICATORS,
        &f::PAST_RESULTS,
        &f::PERFORMANCE_TARGET,
        &f::OVERALL_EVALUATION,
        &f::FUTURE_DIRECTION,
        &f::INTERIM_REVIEW,
        &f::SELF_EVALUATION,
    ];
    fields.into_iter().find(|field| {
        [Era::ToR4, Era::FromR5]
            .into_iter()
            .map(|era| field.heading(era))
            .chain([field.label])
            .any(|h| !h.is_empty() && (bare == h || bare.starts_with(&format!("{h} "))))
    })
}

#[cfg(test)]
mod tests;
