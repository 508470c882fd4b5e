//! The marks pages put before list entries: ・ • ● ◆ ◇ ○ ◯ ■ □ ▪ ◎ ★ ☆, a
//! hyphen or an asterisk and a space (「- 」), and numbers: (1) and ①. An entry
//! is recognised whatever its mark, and the mark is never kept in its text.

/// The symbols that mark an entry on their own (no space needed after them).
const MARKS: &[char] = &[
    '・', '•', '●', '◆', '◇', '○', '◯', '■', '□', '▪', '◎', '★', '☆',
];

/// A list entry: its text without the mark, and whether the mark was a number
/// (which a paragraph outside the policy keeps, as its reader counts on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The text after the mark.
    pub text: &'a str,
    /// Marked (1) or ①.
    pub numbered: bool,
    /// How many characters of the line come before the text (the mark and
    /// spaces), to take the text from the line as written.
    pub before: usize,
}

/// The entry `line` (normalised: half-width digits and brackets) is, if it
/// starts with a mark and has text after it.
pub fn entry(line: &str) -> Option<Entry<'_>> {
    let start = line.trim_start();
    let symbol = start
        .strip_prefix(MARKS)
        .or_else(|| start.strip_prefix("- "))
        .or_else(|| start.strip_prefix("* "));
    let (rest, numbered) = match symbol {
        Some(rest) => (rest, false),
        None => (numbered(start)?, true),
    };
    let text = rest.trim();
    let before = line[..line.len() - rest.trim_start().len()].chars().count();
    (!text.is_empty()).then_some(Entry {
        text,
        numbered,
        before,
    })
}

/// The text after ①–⑳, (1)–(99), or 1.–99. (「1.区民主体のまちづくり」, as
/// some wards number the policy's pillars; not 「1.5倍」, a number).
fn numbered(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    if chars.next().is_some_and(|c| ('①'..='⑳').contains(&c)) {
        return Some(chars.as_str());
    }
    let (inner, close) = match line.strip_prefix('(') {
        Some(inner) => (inner, &[')'][..]),
        None => (line, &['.', '．'][..]),
    };
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = inner[digits..].strip_prefix(close)?;
    let decimal = close[0] == '.' && rest.starts_with(|c: char| c.is_ascii_digit());
    (!decimal).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_is_taken_off() {
        for line in [
            "・健康で安心して暮らせるまち",
            "• 健康で安心して暮らせるまち",
            "- 健康で安心して暮らせるまち",
            "○健康で安心して暮らせるまち",
            "◆ 健康で安心して暮らせるまち",
            "■健康で安心して暮らせるまち",
        ] {
            assert_eq!(
                entry(line).map(|e| e.text),
                Some("健康で安心して暮らせるまち"),
                "{line}"
            );
        }
        for line in [
            "(1) 見守りを広げる",
            "①見守りを広げる",
            "(12)見守りを広げる",
            "1.見守りを広げる",
            "2. 見守りを広げる",
            "10．見守りを広げる",
        ] {
            assert_eq!(
                entry(line).map(|e| (e.text, e.numbered)),
                Some(("見守りを広げる", true)),
                "{line}"
            );
        }
    }

    #[test]
    fn text_that_only_looks_like_a_mark_is_not_an_entry() {
        for line in [
            "-5℃の朝",
            "(R5~R7作成合計目標)",
            "(123) 多すぎる番号",
            "1.5倍に増えた",
            "2026.4.1",
            "1.",
            "・",
            "――――",
            "ー",
        ] {
            assert_eq!(entry(line), None, "{line}");
        }
        // The characters before the text: the mark and its space.
        assert_eq!(entry("- 見守り").map(|e| e.before), Some(2));
        assert_eq!(entry("①見守り").map(|e| e.before), Some(1));
    }
}
