//! A saved web page as the text a browser would show when its body is copied:
//! scripts and styles dropped, one line per block element, list items marked ・,
//! table cells separated by tabs, character references decoded.

/// The page's text.
pub fn to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&decode(&rest[..start]));
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = rest[start..tag_end].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &rest[tag_end..];
        if matches!(name.as_str(), "script" | "style" | "noscript") && !tag.starts_with("</") {
            let close = format!("</{name}");
            let skip = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
            rest = &rest[skip..];
            continue;
        }
        match name.as_str() {
            "br" | "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "ul" | "ol"
            | "table" | "section" | "header" | "footer" | "dt" | "dd" => out.push('\n'),
            "li" if !tag.starts_with("</") => out.push_str("\n・"),
            "td" | "th" if !tag.starts_with("</") => out.push('\t'),
            _ => {}
        }
    }
    out.push_str(&decode(rest));
    out.lines()
        .map(|l| l.trim_matches([' ', '\t', '\r']))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Character references: &amp; &lt; &gt; &quot; &#39; &nbsp; and numeric ones.
fn decode(text: &str) -> String {
    let text: String = text.split(['\n', '\r']).collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let Some(semi) = after.find(';').filter(|s| *s <= 10) else {
            out.push('&');
            rest = &after[1..];
            continue;
        };
        let name = &after[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines() {
        let html = "<html><head><style>p{}</style><script>var a = '<p>';</script></head><body>\
            <h1>令和4年度鶴見区運営方針</h1><p>【区の目標(何をめざすのか)】</p>\
            <ul><li>だれもが&nbsp;安心</li><li>A &amp; B &#x3042;</li></ul></body></html>";
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "令和4年度鶴見区運営方針",
                "【区の目標(何をめざすのか)】",
                "・だれもが 安心",
                "・A & B あ"
            ]
        );
    }
}
