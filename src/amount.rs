//! Amounts in thousands of yen (千円), grouped by three with commas: 28,523千円.

/// An integer grouped by three with commas: 68388 → "68,388".
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount in 千円 as printed: 28523 → "28,523千円".
pub fn format_thousand_yen(n: u64) -> String {
    format!("{}千円", group_digits(n))
}

/// Reads an amount typed by a person: "28,523", "２８，５２３", "28523千円", " 0 ".
///
/// Full-width digits and commas (what a Japanese IME gives) are accepted; anything
/// else that is not a digit, a comma or a trailing 千円 makes it `None`.
pub fn parse_thousand_yen(text: &str) -> Option<u64> {
    let text = text.trim();
    let text = text.strip_suffix("千円").unwrap_or(text).trim_end();
    let mut digits = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            ',' | '，' => {}
            _ => return None,
        }
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_at_every_length() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(7), "7");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(28523), "28,523");
        assert_eq!(group_digits(100000), "100,000");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(group_digits(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn formats_thousand_yen() {
        assert_eq!(format_thousand_yen(28523), "28,523千円");
        assert_eq!(format_thousand_yen(68388), "68,388千円");
        assert_eq!(format_thousand_yen(0), "0千円");
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_thousand_yen("28,523"), Some(28523));
        assert_eq!(parse_thousand_yen("２８，５２３"), Some(28523));
        assert_eq!(parse_thousand_yen(" 28523千円 "), Some(28523));
        assert_eq!(parse_thousand_yen("0"), Some(0));
        assert_eq!(parse_thousand_yen(""), None);
        assert_eq!(parse_thousand_yen("千円"), None);
        assert_eq!(parse_thousand_yen("-5"), None);
        assert_eq!(parse_thousand_yen("12.5"), None);
        assert_eq!(parse_thousand_yen("abc"), None);
        assert_eq!(parse_thousand_yen("99999999999999999999999"), None);
    }
}
