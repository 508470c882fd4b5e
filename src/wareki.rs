//! Japanese era dates (和暦): 令和5年6月9日, 令和4年度, with 元年 for the first year.

use chrono::{Datelike, NaiveDate};

/// One era and the day it began.
struct Era {
    name: &'static str,
    /// The letter of the short form: R4, H30.
    letter: char,
    start: (i32, u32, u32),
}

/// Eras newest first. Dates before 大正 fall back to the Western calendar.
const ERAS: [Era; 4] = [
    Era {
        name: "令和",
        letter: 'R',
        start: (2019, 5, 1),
    },
    Era {
        name: "平成",
        letter: 'H',
        start: (1989, 1, 8),
    },
    Era {
        name: "昭和",
        letter: 'S',
        start: (1926, 12, 25),
    },
    Era {
        name: "大正",
        letter: 'T',
        start: (1912, 7, 30),
    },
];

/// The era name and year of the era for a day: (令和, 5) for 2023-06-09.
pub fn era_year(date: NaiveDate) -> Option<(&'static str, i32)> {
    let key = (date.year(), date.month(), date.day());
    ERAS.iter()
        .find(|era| key >= era.start)
        .map(|era| (era.name, date.year() - era.start.0 + 1))
}

/// A year of an era as printed: 元 for the first year, digits otherwise.
fn year_text(year: i32) -> String {
    if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    }
}

/// A day in 和暦: 令和5年6月9日 (令和元年5月1日). Western form before 大正.
pub fn format_date(date: NaiveDate) -> String {
    match era_year(date) {
        Some((era, year)) => format!(
            "{era}{}年{}月{}日",
            year_text(year),
            date.month(),
            date.day()
        ),
        None => format_date_western(date),
    }
}

/// A day in the Western calendar as the city's web pages print it: 2023年6月9日.
pub fn format_date_western(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The era and era year of a fiscal year (年度) that starts in April of `year`.
///
/// A 年度 takes the era that is current in the calendar year it starts, so a new
/// era's first fiscal year is its 元年度 even when the era began after April:
/// FY2019 is 令和元年度, FY1989 is 平成元年度, FY1988 is 昭和63年度.
pub fn fiscal_era_year(year: i32) -> Option<(&'static str, i32)> {
    ERAS.iter()
        .find(|era| year >= era.start.0)
        .map(|era| (era.name, year - era.start.0 + 1))
}

/// A fiscal year as printed: 令和4年度 for 2022, 令和元年度 for 2019.
pub fn format_fiscal_year(year: i32) -> String {
    match fiscal_era_year(year) {
        Some((era, n)) => format!("{era}{}年度", year_text(n)),
        None => format!("{year}年度"),
    }
}

/// The short form used in indicator periods and tables: R4 for 2022, H30 for 2018.
pub fn format_fiscal_year_short(year: i32) -> String {
    match ERAS.iter().find(|era| year >= era.start.0) {
        Some(era) => format!("{}{}", era.letter, year - era.start.0 + 1),
        None => year.to_string(),
    }
}

/// The era an R5 or H31 starts with, and the rest of the text after its letter.
fn era_by_letter(text: &str) -> Option<(&'static Era, &str)> {
    let mut chars = text.chars();
    let letter = chars.next()?.to_ascii_uppercase();
    let era = ERAS.iter().find(|e| e.letter == letter)?;
    Some((era, chars.as_str()))
}

/// The Western year of `year` of an era: (令和, 4) → 2022; 元年 is year 1.
pub fn western_year(era: &str, year: i32) -> Option<i32> {
    ERAS.iter()
        .find(|e| e.name == era)
        .map(|e| e.start.0 + year - 1)
}

/// Reads a 和暦 date as written: 令和5年6月9日, 令和元年5月1日 (full-width digits too).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text: String = text.trim().chars().map(ascii_digit).collect();
    let era = ERAS.iter().find(|e| text.starts_with(e.name))?;
    let rest = &text[era.name.len()..];
    let (year, rest) = rest.split_once('年')?;
    let year = if year == "元" { 1 } else { year.parse().ok()? };
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    NaiveDate::from_ymd_opt(
        era.start.0 + year - 1,
        month.parse().ok()?,
        day.parse().ok()?,
    )
}

/// Reads a Western date as written: 2023年6月9日.
pub fn parse_date_western(text: &str) -> Option<NaiveDate> {
    let text: String = text.trim().chars().map(ascii_digit).collect();
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Reads a date the way people type it, in any of their habits: 2023-06-09,
/// 2023/6/9, 2023.6.9, 2023年6月9日, 令和5年6月9日, 令和元年5月1日, R5.6.9,
/// R5/6/9, H31.4.30 (full-width digits, letters and separators too). Returns
/// `None` for anything else, and for a day that does not exist.
pub fn parse_date_typed(text: &str) -> Option<NaiveDate> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match half_width(c) {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | 'ー' => '-',
            c => c,
        })
        .collect();
    if let Some(date) = parse_date(&text).or_else(|| parse_date_western(&text)) {
        return Some(date);
    }
    let (era_start, rest) = match era_by_letter(&text) {
        Some((era, rest)) => (Some(era.start.0), rest),
        None => (None, text.as_str()),
    };
    let parts: Vec<&str> = rest.split(['-', '/', '.']).collect();
    let [year, month, day] = parts[..] else {
        return None;
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = if year == "元" { 1 } else { number(year)? };
    let year = match era_start {
        Some(start) => start + i32::try_from(year).ok()? - 1,
        // A Western year has four digits: 23/6/9 is too ambiguous to guess.
        None if year >= 1000 => i32::try_from(year).ok()?,
        None => return None,
    };
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)
}

/// Reads a fiscal year as people type it: 2023, ２０２３, 令和5, 令和5年度,
/// 令和元年度, R5, H30 (the Western start year).
pub fn parse_year_typed(text: &str) -> Option<i32> {
    let text: String = text.trim().chars().map(half_width).collect();
    let text = text
        .strip_suffix("年度")
        .or_else(|| text.strip_suffix('年'))
        .unwrap_or(&text);
    let era_year = |rest: &str| -> Option<i32> {
        if rest == "元" {
            Some(1)
        } else {
            rest.parse().ok().filter(|y| (1..100).contains(y))
        }
    };
    if let Some(era) = ERAS.iter().find(|e| text.starts_with(e.name)) {
        return Some(era.start.0 + era_year(&text[era.name.len()..])? - 1);
    }
    match era_by_letter(text) {
        Some((era, rest)) => Some(era.start.0 + era_year(rest)? - 1),
        None => (text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten(),
    }
}

/// A full-width ASCII character (Ｒ, ５, ／, ．) as its half-width form; other
/// characters as they are. Search folds with it too.
pub fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

/// A full-width digit as ASCII; other characters as they are.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// The fiscal year (Western start year) a day falls in: April to March.
pub fn fiscal_year_of(date: NaiveDate) -> i32 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// The fiscal year today falls in, for a new plan.
pub fn current_fiscal_year() -> i32 {
    fiscal_year_of(chrono::Local::now().date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(format_date(day(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(format_date(day(1989, 1, 8)), "平成元年1月8日");
        assert_eq!(format_date(day(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(format_date(day(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(format_date(day(1926, 12, 24)), "大正15年12月24日");
        assert_eq!(format_date(day(1926, 12, 25)), "昭和元年12月25日");
        assert_eq!(format_date(day(1912, 7, 29)), "1912年7月29日");
    }

    #[test]
    fn seed_dates() {
        assert_eq!(format_date(day(2023, 6, 9)), "令和5年6月9日");
        assert_eq!(format_date_western(day(2023, 6, 9)), "2023年6月9日");
    }

    #[test]
    fn fiscal_years() {
        assert_eq!(format_fiscal_year(2022), "令和4年度");
        assert_eq!(format_fiscal_year(2019), "令和元年度");
        assert_eq!(format_fiscal_year(2020), "令和2年度");
        assert_eq!(format_fiscal_year(2018), "平成30年度");
        assert_eq!(format_fiscal_year(1989), "平成元年度");
        assert_eq!(format_fiscal_year(1988), "昭和63年度");
        assert_eq!(format_fiscal_year(1900), "1900年度");
        assert_eq!(format_fiscal_year_short(2022), "R4");
        assert_eq!(format_fiscal_year_short(2018), "H30");
    }

    #[test]
    fn fiscal_years_start_in_april() {
        let day = |m, d| NaiveDate::from_ymd_opt(2023, m, d).expect("date");
        assert_eq!(fiscal_year_of(day(3, 31)), 2022);
        assert_eq!(fiscal_year_of(day(4, 1)), 2023);
    }

    #[test]
    fn dates_read_back() {
        let day = NaiveDate::from_ymd_opt(2023, 6, 9).expect("date");
        assert_eq!(parse_date("令和5年6月9日"), Some(day));
        assert_eq!(parse_date("令和５年６月９日"), Some(day));
        assert_eq!(parse_date_western("2023年6月9日"), Some(day));
        assert_eq!(
            parse_date("令和元年5月1日"),
            NaiveDate::from_ymd_opt(2019, 5, 1)
        );
        assert_eq!(parse_date("令和5年13月1日"), None);
        assert_eq!(western_year("平成", 31), Some(2019));
    }

    #[test]
    fn years_typed_in_every_habit() {
        for (typed, year) in [
            ("2023", Some(2023)),
            ("２０２３", Some(2023)),
            ("令和5", Some(2023)),
            ("令和5年度", Some(2023)),
            ("令和元年度", Some(2019)),
            ("R5", Some(2023)),
            ("h30", Some(2018)),
            ("23", None),
            ("abc", None),
            ("令和", None),
        ] {
            assert_eq!(parse_year_typed(typed), year, "{typed}");
        }
    }

    #[test]
    fn dates_typed_in_every_habit() {
        let day = NaiveDate::from_ymd_opt(2023, 6, 9);
        for typed in [
            "2023-06-09",
            "2023-6-9",
            "2023/6/9",
            "2023.6.9",
            "２０２３／６／９",
            "2023年6月9日",
            "令和5年6月9日",
            "令和５年６月９日",
            "R5.6.9",
            "r5/6/9",
            "Ｒ５．６．９",
            "R05-06-09",
            " 2023/06/09 ",
        ] {
            assert_eq!(parse_date_typed(typed), day, "{typed}");
        }
        assert_eq!(
            parse_date_typed("令和元年5月1日"),
            NaiveDate::from_ymd_opt(2019, 5, 1)
        );
        assert_eq!(
            parse_date_typed("H31.4.30"),
            NaiveDate::from_ymd_opt(2019, 4, 30)
        );
        for wrong in ["", "abc", "2023/2/30", "23/6/9", "2023/6", "R5.13.1", "6/9"] {
            assert_eq!(parse_date_typed(wrong), None, "{wrong}");
        }
    }
}
