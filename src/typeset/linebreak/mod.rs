//! Japanese line breaking: UAX #14 break opportunities (`unicode-linebreak`) with the
//! JIS X 4051 / W3C JLREQ rules on top (kinsoku), numbers kept with their units,
//! hanging 、。 and greedy first-fit filling.
//!
//! Rule tables follow `DOMAIN.md` ("Japanese line breaking"), which cites
//! JIS X 4051 and <https://www.w3.org/TR/jlreq/>.

use unicode_linebreak::linebreaks;

use crate::fonts::Face;
use crate::typeset::metrics::Measure;

/// Characters that may not start a line (行頭禁則).
pub const NO_LINE_START: &str = concat!(
    "’”）)〕］]｝}〉》」』】⦆〙〗»〟",
    "‐〜～゠–", // ～ (FULLWIDTH TILDE, what IMEs type for ranges) as 〜
    "？?！!‼⁇⁈⁉",
    "・：:；;",
    "。．.",
    "、，,",
    "ヽヾゝゞ々〻",
    "ー",
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ",
    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
    "ｧｨｩｪｫｯｬｭｮｰ", // half-width small kana and prolonged mark
);

/// Characters that may not end a line (行末禁則).
pub const NO_LINE_END: &str = "‘“（(〔［[｛{〈《「『【⦅〘〖«〝";

/// The only characters allowed to hang past the right margin (ぶら下げ).
pub const HANGING: &str = "、。，．";

/// Characters that are never split when doubled (……, ——).
const NO_SPLIT_PAIRS: &str = "…‥—―";

/// Symbols UAX #14 keeps together in runs but Japanese text treats as ideographs,
/// so a line may break between them.
const IDEOGRAPHIC_SYMBOLS: &str = "※○●◎△▲▽▼□■◇◆☆★×〇①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/// What may come right before a number and stay with it: 令和4年度, 第3回, ¥500.
const NUMBER_PREFIXES: &[&str] = &[
    "令和", "平成", "昭和", "大正", "第", "約", "¥", "￥", "R", "H",
];

/// Units kept with the number before them, longest first where one is a prefix of
/// another (年度 before 年).
const NUMBER_UNITS: &[&str] = &[
    "千円",
    "万円",
    "億円",
    "円",
    "年度末",
    "年度",
    "年間",
    "年",
    "か月",
    "ヶ月",
    "カ月",
    "月",
    "日",
    "時間",
    "時",
    "分",
    "秒",
    "%",
    "％",
    "世帯",
    "人",
    "名",
    "件",
    "回",
    "歳",
    "か所",
    "箇所",
    "校",
    "団体",
    "地域",
    "倍",
    "割",
    "点",
    "%以上",
    "％以上",
    "以上",
    "以下",
    "未満",
    "km",
    "m",
    "kg",
    "号",
    "丁目",
    "番",
    "階",
    "期",
    "次",
    "位",
    "つ",
    "個",
    "本",
    "冊",
    "台",
    "枚",
];

/// One line of a paragraph, ready to place.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The characters of the line (leading and trailing spaces removed).
    pub text: String,
    /// Where the line starts in the paragraph, counted in printed characters
    /// (invisible ones such as variation selectors left out), for marking
    /// characters of the paragraph on the line (the 新旧対照表's underlines).
    pub start: usize,
    /// The natural width in pt, without justification.
    pub width: f32,
    /// Extra space in pt after each character so the line fills the measure;
    /// zero for the last line of a paragraph and for lines that would stretch too far.
    pub spacing: f32,
    /// Whether the last character hangs past the right margin.
    pub hanging: bool,
    /// Whether this line was cut where no rule allows (a word longer than the line).
    pub forced: bool,
}

/// How to set one paragraph.
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    /// The face.
    pub face: Face,
    /// Font size in pt.
    pub size: f32,
    /// Width of the first line in pt (smaller when the paragraph is indented).
    pub first_width: f32,
    /// Width of the other lines in pt.
    pub width: f32,
    /// Justify all lines but the last to the measure.
    pub justify: bool,
}

/// Width comparisons allow this much slack, in pt, against rounding.
const EPS: f32 = 0.01;

/// Breaks `text` (one paragraph, no newlines) into lines.
pub fn break_lines(text: &str, setting: &Setting, measure: &dyn Measure) -> Vec<Line> {
    // A tab prints as a full-width space (check warns about it).
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| if c == '\t' { '\u{3000}' } else { c })
        .collect();
    if chars.is_empty() {
        return Vec::new();
    }
    let allowed = break_opportunities(&chars);
    let advances: Vec<f32> = chars
        .iter()
        .map(|&c| measure.advance(setting.face, c) * setting.size)
        .collect();

    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = if lines.is_empty() {
            setting.first_width
        } else {
            setting.width
        };
        let (end, hanging, forced) = fit(&chars, &advances, &allowed, start, limit);
        lines.push(make_line(
            &chars, &advances, start, end, hanging, forced, limit,
        ));
        start = end;
        // A line never starts with the spaces that separated it from the last.
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    // The last line of a paragraph is set ragged, and every line when not justifying.
    let ragged_from = if setting.justify { lines.len() - 1 } else { 0 };
    for line in &mut lines[ragged_from..] {
        line.spacing = 0.0;
    }
    lines
}

/// The end (exclusive) of the line that starts at `start`: the last allowed break
/// that fits, with a hanging 、。 when only that overflows, or a forced cut.
fn fit(
    chars: &[char],
    advances: &[f32],
    allowed: &[bool],
    start: usize,
    limit: f32,
) -> (usize, bool, bool) {
    let mut width = 0.0;
    let mut last_break = None;
    for i in start..chars.len() {
        if i > start && allowed[i] {
            last_break = Some(i);
        }
        if width + advances[i] > limit + EPS && i > start {
            let hangs = HANGING.contains(chars[i]) && (i + 1 == chars.len() || allowed[i + 1]);
            if hangs {
                return (i + 1, true, false);
            }
            return match last_break {
                Some(b) => (b, false, false),
                None => (i, false, true),
            };
        }
        width += advances[i];
    }
    (chars.len(), false, false)
}

fn make_line(
    chars: &[char],
    advances: &[f32],
    start: usize,
    end: usize,
    hanging: bool,
    forced: bool,
    limit: f32,
) -> Line {
    let mut stop = end;
    while stop > start + 1 && chars[stop - 1] == ' ' {
        stop -= 1;
    }
    let text: String = chars[start..stop].iter().collect();
    let width: f32 = advances[start..stop].iter().sum();
    // Justify the characters inside the margin; a hanging one stays outside.
    let inside = if hanging {
        stop - start - 1
    } else {
        stop - start
    };
    let inside_width: f32 = advances[start..start + inside].iter().sum();
    let gaps = inside.saturating_sub(1);
    let slack = limit - inside_width;
    let em = advances[start..stop].iter().copied().fold(0.0, f32::max);
    // Spread at most a third of an em per gap; more looks broken, so leave it ragged.
    let spacing = if gaps > 0 && slack > EPS && slack / gaps as f32 <= em / 3.0 {
        slack / gaps as f32
    } else {
        0.0
    };
    Line {
        text,
        start,
        width,
        spacing,
        hanging,
        forced,
    }
}

/// Characters that take no room and are not printed: variation selectors (IVS),
/// zero-width joiners, soft hyphens.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' | '\u{200b}'..='\u{200d}' | '\u{00ad}' | '\u{feff}')
}

/// `allowed[i]`: whether a line may break before `chars[i]` (index 0 is never).
pub fn break_opportunities(chars: &[char]) -> Vec<bool> {
    let text: String = chars.iter().collect();
    let mut allowed = vec![false; chars.len() + 1];
    // Map UAX #14's byte offsets to char indices.
    let mut char_at_byte = vec![0usize; text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at_byte[bi] = ci;
    }
    char_at_byte[text.len()] = chars.len();
    for (byte, _opportunity) in linebreaks(&text) {
        allowed[char_at_byte[byte]] = true;
    }
    allowed[0] = false;

    for i in 1..chars.len() {
        let (prev, cur) = (chars[i - 1], chars[i]);
        if IDEOGRAPHIC_SYMBOLS.contains(prev) || IDEOGRAPHIC_SYMBOLS.contains(cur) {
            allowed[i] = is_breakable_neighbour(prev) && is_breakable_neighbour(cur);
        }
        // UAX #14 glues “ and ” to both sides; Japanese treats them as brackets.
        if matches!(prev, '”' | '’') && !NO_LINE_START.contains(cur) && cur != ' ' {
            allowed[i] = true;
        }
        if matches!(cur, '“' | '‘') && !NO_LINE_END.contains(prev) && prev != ' ' {
            allowed[i] = true;
        }
        // Spaces at a break are dropped, so look through them.
        let before = chars[..i].iter().rev().find(|c| **c != ' ').copied();
        let after = chars[i..].iter().find(|c| **c != ' ').copied();
        if after.is_some_and(|c| NO_LINE_START.contains(c))
            || before.is_some_and(|c| NO_LINE_END.contains(c))
        {
            allowed[i] = false;
        }
        if prev == cur && NO_SPLIT_PAIRS.contains(cur) {
            allowed[i] = false;
        }
    }
    for (start, end) in number_spans(chars) {
        for a in &mut allowed[start + 1..end] {
            *a = false;
        }
    }
    allowed.truncate(chars.len());
    allowed
}

/// Whether a character may sit on either side of a break next to an ideographic symbol.
fn is_breakable_neighbour(c: char) -> bool {
    !c.is_ascii_alphanumeric() && c != ' '
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Spans `[start, end)` of numbers with their prefix and unit: 令和4年度,
/// 28,523千円, 10%, ¥500, 3.5km. A line never breaks inside one.
pub fn number_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(chars[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        for prefix in NUMBER_PREFIXES {
            let p: Vec<char> = prefix.chars().collect();
            if start >= p.len() && chars[start - p.len()..start] == p[..] {
                start -= p.len();
                break;
            }
        }
        let mut end = i;
        while end < chars.len() {
            let c = chars[end];
            let inner_separator = matches!(c, ',' | '.' | '，' | '．')
                && end + 1 < chars.len()
                && is_digit(chars[end + 1]);
            if is_digit(c) || inner_separator {
                end += 1;
            } else {
                break;
            }
        }
        let unit = NUMBER_UNITS
            .iter()
            .map(|u| u.chars().collect::<Vec<char>>())
            .filter(|u| chars[end..].starts_with(u))
            .map(|u| u.len())
            .max()
            .unwrap_or(0);
        end += unit;
        if end - start > 1 {
            spans.push((start, end));
        }
        i = end.max(i + 1);
    }
    spans
}

#[cfg(test)]
mod tests;
