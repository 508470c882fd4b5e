//! The indicator table of a strategy (アウトカム指標), as a page prints it and a
//! copy or the HTML reader gives it: one row per line, cells separated by tabs.
//! The header row says which column holds what — the name, the target (with or
//! without its unit), the unit, the period, and each year's result with its
//! grade — so the columns may come in any order and any number of years.

use crate::model::{Indicator, YearResult};

/// Which column holds what, read from the header row.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Columns {
    name: usize,
    target: Option<usize>,
    unit: Option<usize>,
    period: Option<usize>,
    /// A year's result: its column, its grade's column, the year.
    results: Vec<(usize, Option<usize>, i32)>,
}

impl Columns {
    /// Without a header: 指標, 目標値, 目標年度・期間, then `year`'s 実績.
    pub(super) fn standard(year: i32) -> Self {
        Self {
            name: 0,
            target: Some(1),
            unit: None,
            period: Some(2),
            results: vec![(3, None, year)],
        }
    }

    /// The header row `cells`, if it is one: its first cell names the
    /// indicator (指標, 指標名, アウトカム指標). A 実績 column without a year is
    /// `year`'s; a grade column (評価, 達成状況, 判定) goes with the result
    /// before it.
    pub(super) fn header(cells: &[&str], year: i32) -> Option<Self> {
        // A short name cell (a data row names a whole measure) and a column
        // that says 目標 or 実績.
        let first = cells.first()?;
        let headed = cells[1..]
            .iter()
            .any(|c| c.contains("目標") || c.contains("実績"));
        if !first.contains("指標") || first.chars().count() > 12 || !headed {
            return None;
        }
        let mut columns = Self::default();
        for (n, cell) in cells.iter().enumerate().skip(1) {
            if cell.contains("実績") {
                let rest = cell.replace("実績", "").replace(['(', ')', '（', '）'], "");
                let year = crate::wareki::parse_year_typed(&rest).unwrap_or(year);
                columns.results.push((n, None, year));
            } else if ["評価", "達成状況", "判定"]
                .iter()
                .any(|w| cell.contains(w))
            {
                if let Some(last) = columns.results.last_mut() {
                    last.1 = Some(n);
                }
            } else if cell.contains("単位") {
                columns.unit = Some(n);
            } else if ["年度", "期間", "時期", "期限"]
                .iter()
                .any(|w| cell.contains(w))
            {
                columns.period = Some(n);
            } else if cell.contains("目標") {
                columns.target = Some(n);
            }
        }
        Some(columns)
    }

    /// The indicator a row of cells is.
    pub(super) fn row(&self, cells: &[&str]) -> Indicator {
        let cell = |n: Option<usize>| n.and_then(|n| cells.get(n)).map_or("", |c| c.trim());
        let (target, unit) = match self.unit {
            Some(unit) => (cell(self.target).to_owned(), cell(Some(unit)).to_owned()),
            None => split_number(cell(self.target)),
        };
        Indicator {
            name: cell(Some(self.name)).to_owned(),
            target,
            unit,
            period: cell(self.period).to_owned(),
            results: self
                .results
                .iter()
                .filter(|(value, _, _)| !cell(Some(*value)).is_empty())
                .map(|&(value, grade, fiscal_year)| YearResult {
                    fiscal_year,
                    value: cell(Some(value)).to_owned(),
                    grade: cell(grade).to_owned(),
                })
                .collect(),
        }
    }
}

/// An indicator written on one line as staff speak it: its name, then after a
/// space its target with the direction and its period, before the number
/// (令和6年度末までに60%以上) or in brackets after it (10地域以上(R5~R7作成合計目標)).
/// A line that does not read that way is all name.
pub(super) fn spoken(line: &str) -> Indicator {
    let line = line.trim();
    let whole = || Indicator {
        name: line.to_owned(),
        ..Indicator::default()
    };
    let Some((name, said)) = split_at_last_space(line) else {
        return whole();
    };
    if name.is_empty() || !crate::judge::states_a_direction(said) {
        return whole();
    }
    // A period in brackets at the end.
    let (said, bracketed) = match said.strip_suffix([')', '）']) {
        Some(inner) => match inner.rfind(['(', '（']) {
            Some(open) => {
                let bracket = inner[open..].chars().next().map_or(1, char::len_utf8);
                (&inner[..open], Some(inner[open + bracket..].trim()))
            }
            None => return whole(),
        },
        None => (said, None),
    };
    // The target is the last number (令和6年度末までに60%以上); the words
    // before it are the period.
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let Some(last) = said.rfind(digit) else {
        return whole();
    };
    let at = said[..last]
        .char_indices()
        .rev()
        .take_while(|(_, c)| digit(*c) || matches!(c, ',' | '.' | '，' | '．'))
        .last()
        .map_or(last, |(at, _)| at);
    let before = said[..at].trim().trim_end_matches('に').trim();
    let (target, unit) = split_number(said[at..].trim());
    let period = match (before, bracketed) {
        ("", Some(p)) => p.to_owned(),
        (before, None) => before.to_owned(),
        (before, Some(p)) => format!("{before}({p})"),
    };
    Indicator {
        name: name.to_owned(),
        target,
        unit,
        period,
        results: Vec::new(),
    }
}

/// `line` cut at its last space outside 「」 (a quoted answer may hold spaces).
fn split_at_last_space(line: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    let mut last = None;
    for (at, c) in line.char_indices() {
        match c {
            '「' | '『' => depth += 1,
            '」' | '』' => depth -= 1,
            ' ' | '\u{3000}' if depth <= 0 => last = Some((at, c.len_utf8())),
            _ => {}
        }
    }
    let (at, len) = last?;
    Some((line[..at].trim(), line[at + len..].trim()))
}

/// 「80%以上」 as its number and the rest (80, %以上); words stay whole.
fn split_number(written: &str) -> (String, String) {
    let at = written
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '０'..='９' | '，' | '．')))
        .map_or(written.len(), |(at, _)| at);
    if at == 0 {
        return (written.to_owned(), String::new());
    }
    (written[..at].to_owned(), written[at..].trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicator_written_as_staff_speak_is_read_into_its_parts() {
        let parts = |line: &str| {
            let i = spoken(line);
            (i.name, i.target, i.unit, i.period)
        };
        let owned = |a: &str, b: &str, c: &str, d: &str| {
            (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned())
        };
        assert_eq!(
            parts("地域防災計画を作成した地域の数 10地域以上(R5~R7作成合計目標)"),
            owned(
                "地域防災計画を作成した地域の数",
                "10",
                "地域以上",
                "R5~R7作成合計目標"
            )
        );
        assert_eq!(
            parts(
                "区民モニターアンケートで「とても そう思う」と回答した割合 令和6年度末までに60%以上"
            ),
            owned(
                "区民モニターアンケートで「とても そう思う」と回答した割合",
                "60",
                "%以上",
                "令和6年度末まで"
            )
        );
        assert_eq!(
            parts("相談待ち日数　５日以下"),
            owned("相談待ち日数", "５", "日以下", "")
        );
        // Without a name, a direction or a number, the line is all name.
        for line in [
            "10,000世帯以上(R3~R5作成合計目標)",
            "地域の見守り活動の充実",
            "参加者の満足度 高い水準を保つ",
            "講座の回数 増加させる",
        ] {
            assert_eq!(parts(line), owned(line, "", "", ""), "{line}");
        }
    }

    #[test]
    fn a_header_names_the_columns_in_any_order() {
        let header = [
            "アウトカム指標",
            "目標年度",
            "目標値",
            "令和5年度実績",
            "評価",
            "R6実績",
            "評価",
        ];
        let columns = Columns::header(&header, 2023).expect("a header");
        let row = [
            "防災訓練に参加した区民の割合",
            "令和6年度末",
            "60%以上",
            "52.3%",
            "B",
            "61.0%",
            "A",
        ];
        let indicator = columns.row(&row);
        assert_eq!(indicator.name, "防災訓練に参加した区民の割合");
        assert_eq!(
            (indicator.target.as_str(), indicator.unit.as_str()),
            ("60", "%以上")
        );
        assert_eq!(indicator.period, "令和6年度末");
        let results: Vec<(i32, &str, &str)> = indicator
            .results
            .iter()
            .map(|r| (r.fiscal_year, r.value.as_str(), r.grade.as_str()))
            .collect();
        assert_eq!(results, [(2023, "52.3%", "B"), (2024, "61.0%", "A")]);
    }

    #[test]
    fn a_row_that_is_not_a_header_is_none_and_words_stay_whole() {
        assert_eq!(Columns::header(&["地域の数", "10"], 2023), None);
        // A measure whose name says 指標 is a row, not a header.
        let row = [
            "防災の指標となる訓練に参加した区民の割合",
            "60%以上",
            "令和6年度末",
        ];
        assert_eq!(Columns::header(&row, 2023), None);
        assert_eq!(
            split_number("前年度より増加"),
            ("前年度より増加".to_owned(), String::new())
        );
        assert_eq!(
            split_number("10,000世帯以上"),
            ("10,000".to_owned(), "世帯以上".to_owned())
        );
    }
}
