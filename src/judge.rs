//! Outcome indicators judged from their numbers: the target read as a number, a
//! unit and a direction from what staff write (60 with %以上, 10,000 with 世帯以上,
//! 5 with 件未満, 20 with %減少), each year's result read the same way (55.1%,
//! 8,200世帯), and from the two 達成 / 未達成 and 達成率. What cannot be read is
//! said, never guessed: a target without 以上 or 以下, a result in another unit
//! (8割 against %), a number in words.

use crate::model::Indicator;
use crate::wareki::half_width;

/// Which side of the target counts as met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// 以上, 増加, 向上: the target or more.
    AtLeast,
    /// 超: more than the target.
    Above,
    /// 以下, 減少, 削減: the target or less.
    AtMost,
    /// 未満: less than the target.
    Below,
}

/// A target as a number: 60 %以上.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The number.
    pub value: f64,
    /// The unit as written (%, 世帯); may be empty.
    pub unit: String,
    /// Which side counts as met.
    pub direction: Direction,
}

/// One year's result against the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Judgement {
    /// The result as a number, in the target's unit.
    pub value: f64,
    /// 達成 or 未達成.
    pub achieved: bool,
    /// 達成率 in percent: result ÷ target (target ÷ result when less is
    /// better); none when it has no meaning (a target or result of 0).
    pub rate: Option<f64>,
}

impl Judgement {
    /// 達成（達成率 102.3%）, 未達成（達成率 91.7%）.
    pub fn label(&self) -> String {
        let word = if self.achieved { "達成" } else { "未達成" };
        match self.rate {
            Some(rate) => format!("{word}（達成率 {rate:.1}%）"),
            None => word.to_owned(),
        }
    }
}

/// Words that give the direction, longest first so 以上 is not read as 上.
const DIRECTIONS: &[(&str, Direction)] = &[
    ("以上", Direction::AtLeast),
    ("以下", Direction::AtMost),
    ("未満", Direction::Below),
    ("を超える", Direction::Above),
    ("超", Direction::Above),
    ("増加", Direction::AtLeast),
    ("向上", Direction::AtLeast),
    ("減少", Direction::AtMost),
    ("削減", Direction::AtMost),
];

/// Whether `text` says which way its number should go (以上, 以下, 未満, 増加…).
pub fn states_a_direction(text: &str) -> bool {
    DIRECTIONS.iter().any(|(word, _)| text.contains(word))
}

/// The first number in `text` (half- or full-width digits, commas, one point)
/// and the unit right after it (up to a space, a bracket or a direction word).
fn read_number(text: &str) -> Option<(f64, String)> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    let start = chars.iter().position(char::is_ascii_digit)?;
    let mut end = start;
    let mut digits = String::new();
    while end < chars.len() {
        let c = chars[end];
        if c.is_ascii_digit() || (c == '.' && !digits.contains('.')) {
            digits.push(c);
        } else if c != ',' {
            break;
        }
        end += 1;
    }
    // 万, 千 or 億 after the digits changes the number's size: not read.
    let rest: String = chars[end..].iter().collect();
    if rest.starts_with(['万', '千', '億']) {
        return None;
    }
    // Digits past what a float holds (400 nines) are no number to compare.
    let value = digits
        .trim_end_matches('.')
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())?;
    let unit: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && !"（()）、。".contains(*c))
        .collect();
    let unit = DIRECTIONS
        .iter()
        .filter_map(|(word, _)| unit.find(word).map(|at| &unit[..at]))
        .min_by_key(|u| u.len())
        .unwrap_or(&unit)
        .to_owned();
    Some((value, unit))
}

/// The indicator's target, read from its 目標値 and 単位; the reason in a
/// sentence when it cannot be read.
pub fn read_target(indicator: &Indicator) -> Result<Target, String> {
    let written = format!("{}{}", indicator.target, indicator.unit);
    let shown = written.trim();
    if shown.is_empty() {
        return Err("目標値が未入力です".to_owned());
    }
    let Some((value, unit)) = read_number(shown) else {
        return Err(format!("目標値「{shown}」を数として読めません"));
    };
    let direction = DIRECTIONS
        .iter()
        .find(|(word, _)| shown.contains(word))
        .map(|(_, d)| *d)
        .ok_or_else(|| {
            format!("目標値「{shown}」に「以上」「以下」などの向きが書かれていません")
        })?;
    Ok(Target {
        value,
        unit: normalize(&unit),
        direction,
    })
}

/// A result against the target; the reason in a sentence when the result
/// cannot be read or is in another unit.
pub fn judge(target: &Target, result: &str) -> Result<Judgement, String> {
    let shown = result.trim();
    if shown.is_empty() {
        return Err("実績が未入力です".to_owned());
    }
    let Some((value, unit)) = read_number(shown) else {
        return Err(format!("実績「{shown}」を数として読めません"));
    };
    let unit = normalize(&unit);
    if !unit.is_empty() && !target.unit.is_empty() && unit != target.unit {
        return Err(format!(
            "実績「{shown}」の単位が目標の「{}」と違います",
            target.unit
        ));
    }
    let t = target.value;
    let achieved = match target.direction {
        Direction::AtLeast => value >= t,
        Direction::Above => value > t,
        Direction::AtMost => value <= t,
        Direction::Below => value < t,
    };
    let rate = match target.direction {
        Direction::AtLeast | Direction::Above if t > 0.0 => Some(value / t * 100.0),
        Direction::AtMost | Direction::Below if value > 0.0 => Some(t / value * 100.0),
        _ => None,
    };
    Ok(Judgement {
        value,
        achieved,
        rate,
    })
}

/// Each result of an indicator with its judgement (or why there is none), by
/// fiscal year, in the indicator's order.
pub fn judge_all(indicator: &Indicator) -> Vec<(i32, Result<Judgement, String>)> {
    let target = read_target(indicator);
    indicator
        .results
        .iter()
        .map(|r| {
            let judged = match &target {
                Ok(t) => judge(t, &r.value),
                Err(why) => Err(why.clone()),
            };
            (r.fiscal_year, judged)
        })
        .collect()
}

/// A unit as compared: full-width ％ is %.
fn normalize(unit: &str) -> String {
    unit.chars()
        .map(half_width)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(target: &str, unit: &str) -> Indicator {
        Indicator {
            name: "指標".to_owned(),
            target: target.to_owned(),
            unit: unit.to_owned(),
            ..Indicator::default()
        }
    }

    fn judged(target: &str, unit: &str, result: &str) -> Result<Judgement, String> {
        judge(&read_target(&indicator(target, unit))?, result)
    }

    #[test]
    fn every_form_staff_write() {
        let at = |t, u, r| {
            judged(t, u, r).map(|j| (j.achieved, j.rate.map(|x| (x * 10.0).round() / 10.0)))
        };
        assert_eq!(at("60", "%以上", "55.1%"), Ok((false, Some(91.8))));
        assert_eq!(at("60", "%以上", "60%"), Ok((true, Some(100.0))));
        assert_eq!(
            at("10,000", "世帯以上", "8,200世帯"),
            Ok((false, Some(82.0)))
        );
        assert_eq!(
            at("１，２００", "件以上", "1,310件"),
            Ok((true, Some(109.2)))
        );
        assert_eq!(at("5", "件未満", "5件"), Ok((false, Some(100.0))));
        assert_eq!(at("5", "件以下", "4件"), Ok((true, Some(125.0))));
        assert_eq!(at("80%以上", "", "82.5％"), Ok((true, Some(103.1))));
        assert_eq!(at("0", "件以下", "0件"), Ok((true, None)));
        assert_eq!(at("30", "%減少", "28%"), Ok((true, Some(107.1))));
    }

    #[test]
    fn what_cannot_be_read_is_said() {
        let why = |t, u, r| judged(t, u, r).expect_err("not judged");
        assert!(why("80", "%", "82%").contains("向き"));
        assert!(why("高める", "", "82%").contains("数として"));
        assert!(why("80", "%以上", "8割").contains("単位"));
        assert!(why("80", "%以上", "集計中").contains("数として"));
        // Nothing written yet is said as such, not as 「」 that cannot be read.
        assert_eq!(why("80", "%以上", " "), "実績が未入力です");
        assert_eq!(why("", "", "82%"), "目標値が未入力です");
        assert!(judged("3", "万人以上", "31,000人").is_err(), "3万 is not 3");
        // A number too long for a float is not read as infinity (達成率 0.0%).
        let endless = "9".repeat(400);
        let result = format!("{endless}%");
        let said = |t: &str, r: &str| judged(t, "%以上", r).expect_err("not judged");
        assert!(said("80", &result).contains("数として"));
        assert!(said(&endless, "82%").contains("数として"));
    }

    #[test]
    fn the_label_says_both() {
        let j = judged("60", "%以上", "55.1%").expect("judged");
        assert_eq!(j.label(), "未達成（達成率 91.8%）");
    }
}
