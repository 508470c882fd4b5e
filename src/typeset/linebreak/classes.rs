//! Where a line may break: the kinsoku character classes of JIS X 4051 / JLREQ
//! (what may not start or end a line, what hangs, what is never split), UAX #14
//! opportunities from `unicode-linebreak` with those rules on top, and the
//! spans never broken inside (a URL, a number with its unit).

use unicode_linebreak::linebreaks;

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
pub(super) const NO_SPLIT_PAIRS: &str = "…‥—―";

/// Symbols UAX #14 keeps together in runs but Japanese text treats as ideographs,
/// so a line may break between them.
pub(super) const IDEOGRAPHIC_SYMBOLS: &str = "※○●◎△▲▽▼□■◇◆☆★×〇①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/// What may come right before a number and stay with it: 令和4年度, 第3回, ¥500.
pub(super) const NUMBER_PREFIXES: &[&str] = &[
    "令和", "平成", "昭和", "大正", "第", "約", "¥", "￥", "R", "H",
];

/// Units kept with the number before them, longest first where one is a prefix of
/// another (年度 before 年).
pub(super) const NUMBER_UNITS: &[&str] = &[
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

/// Whether `set` (one of the character classes above) holds `c`. Ideographs
/// and ASCII letters and digits, most of any text, are in none of them and skip
/// the scan.
pub(super) fn in_set(set: &str, c: char) -> bool {
    !is_plain(c) && set.contains(c)
}

/// Characters no class above holds.
pub(super) fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Characters of Latin words, numbers and URLs: no justification space goes
/// between two of them.
pub(super) fn is_latin(c: char) -> bool {
    c.is_ascii_graphic() || ('\u{00c0}'..='\u{024f}').contains(&c)
}

/// Variation selectors: they choose a variant of the character before them
/// (葛 + U+E0100 → 葛󠄀) and travel with it.
pub fn is_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
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

    // Each character's classes, looked up once rather than at both its breaks.
    let class = |set: &str| -> Vec<bool> { chars.iter().map(|c| in_set(set, *c)).collect() };
    let (ideographic, no_start, no_end) = (
        class(IDEOGRAPHIC_SYMBOLS),
        class(NO_LINE_START),
        class(NO_LINE_END),
    );
    for i in 1..chars.len() {
        let (prev, cur) = (chars[i - 1], chars[i]);
        if ideographic[i - 1] || ideographic[i] {
            allowed[i] = is_breakable_neighbour(prev) && is_breakable_neighbour(cur);
        }
        // UAX #14 glues “ and ” to both sides; Japanese treats them as brackets.
        if matches!(prev, '”' | '’') && !no_start[i] && cur != ' ' {
            allowed[i] = true;
        }
        if matches!(cur, '“' | '‘') && !no_end[i - 1] && prev != ' ' {
            allowed[i] = true;
        }
        // Spaces at a break are dropped, so look through them.
        let before = chars[..i].iter().rposition(|c| *c != ' ');
        let after = chars[i..].iter().position(|c| *c != ' ').map(|k| i + k);
        if after.is_some_and(|j| no_start[j]) || before.is_some_and(|j| no_end[j]) {
            allowed[i] = false;
        }
        if prev == cur && in_set(NO_SPLIT_PAIRS, cur) {
            allowed[i] = false;
        }
    }
    for (start, end) in number_spans(chars) {
        for a in &mut allowed[start + 1..end] {
            *a = false;
        }
    }
    // A URL breaks only after / . ? & - (never inside ://), wherever UAX #14
    // would: it starts on the line where it comes and continues on the next,
    // leaving no short line before it.
    for (start, end) in url_spans(chars) {
        for i in start + 1..end {
            let after_mark = matches!(chars[i - 1], '/' | '.' | '?' | '&' | '-');
            allowed[i] = after_mark && chars[i] != '/' && chars[i - 1] != ':';
        }
    }
    allowed.truncate(chars.len());
    allowed
}

/// Whether a character may sit on either side of a break next to an ideographic symbol.
pub(super) fn is_breakable_neighbour(c: char) -> bool {
    !c.is_ascii_alphanumeric() && c != ' '
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Spans `[start, end)` of URLs: http://, https:// or www. and the
/// characters a URL may hold.
pub fn url_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while from < chars.len() {
        let rest: String = chars[from..].iter().collect();
        let found = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let Some(byte) = found else { break };
        let start = from + rest[..byte].chars().count();
        let mut end = start;
        while end < chars.len()
            && (chars[end].is_ascii_alphanumeric()
                || "-._~:/?#[]@!$&'()*+,;=%".contains(chars[end]))
        {
            end += 1;
        }
        // A sentence's closing punctuation is not part of it.
        while end > start && matches!(chars[end - 1], '.' | ',' | ')' | '\'') {
            end -= 1;
        }
        spans.push((start, end.max(start + 1)));
        from = end.max(start + 1);
    }
    spans
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
            let len = prefix.chars().count();
            if start >= len && chars[start - len..start].iter().copied().eq(prefix.chars()) {
                start -= len;
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
            .map(|u| u.chars().count())
            .zip(NUMBER_UNITS)
            .filter(|(len, u)| {
                chars.len() - end >= *len && chars[end..end + len].iter().copied().eq(u.chars())
            })
            .map(|(len, _)| len)
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
