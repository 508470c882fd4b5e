//! A saved web page as the text a browser would show when its body is copied:
//! the page parsed as browsers parse it (html5ever, through `scraper`), then
//! read in document order — the head, scripts, styles and comments left out,
//! one line per block element and `<br>`, list items marked ・, table rows as
//! lines with their cells separated by tabs, runs of white space as one space.
//! Character references are decoded by the parser.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// The page's text.
pub fn to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = Text::default();
    for child in document.tree.root().children() {
        out.node(child);
    }
    out.lines
        .split('\n')
        .map(|l| l.trim_matches([' ', '\t']))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Elements whose content is not page text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "svg", "canvas",
];

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// The text being written: `lines` so far, and the white space pending
/// between words (written only before the next word): `Some(true)` when it
/// held a line break of the source.
#[derive(Default)]
struct Text {
    lines: String,
    space: Option<bool>,
}

impl Text {
    fn node(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) => self.words(text),
            Node::Element(element) => {
                let name = element.name();
                if SKIPPED.contains(&name) {
                    return;
                }
                match name {
                    "br" => self.line_break(),
                    "li" => {
                        self.line_break();
                        self.lines.push('・');
                    }
                    "td" | "th" => {
                        // Cells after the row's first are set off by a tab.
                        let first = node.prev_siblings().all(|s| !is_cell(s));
                        if !first {
                            self.lines.push('\t');
                        }
                        self.space = None;
                    }
                    _ if BLOCKS.contains(&name) => self.line_break(),
                    _ => {}
                }
                for child in node.children() {
                    self.node(child);
                }
                if BLOCKS.contains(&name) {
                    self.line_break();
                }
            }
            // The document, comments, the doctype, processing instructions.
            _ => {
                for child in node.children() {
                    self.node(child);
                }
            }
        }
    }

    /// Text as a browser lays it out: a run of white space is one space, and
    /// a line break of the source between two Japanese characters is nothing
    /// (CSS Text's segment break rule), so a sentence wrapped in the HTML
    /// source comes out whole.
    fn words(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let word_end = rest.find(is_html_space).unwrap_or(rest.len());
            self.word(&rest[..word_end]);
            let after = &rest[word_end..];
            let space_end = after.find(|c| !is_html_space(c)).unwrap_or(after.len());
            if space_end > 0 {
                let breaks = after[..space_end].contains(['\n', '\r']);
                self.space = Some(self.space.unwrap_or(false) || breaks);
            }
            rest = &after[space_end..];
        }
    }

    fn word(&mut self, word: &str) {
        let Some(first) = word.chars().next() else {
            return;
        };
        if let Some(breaks) = self.space.take() {
            let last = self.lines.chars().next_back();
            let joined = breaks && last.is_some_and(is_wide) && is_wide(first);
            if !joined && last.is_some_and(|c| c != '\n' && c != '\t') {
                self.lines.push(' ');
            }
        }
        // A no-break space is a space when copied.
        self.lines.push_str(&word.replace('\u{a0}', " "));
    }

    fn line_break(&mut self) {
        self.lines.push('\n');
        self.space = None;
    }
}

/// Japanese (and other East Asian wide) characters, which are not separated
/// by spaces.
fn is_wide(c: char) -> bool {
    c >= '\u{2E80}' && !('\u{FF61}'..='\u{FF9F}').contains(&c)
}

fn is_cell(node: NodeRef<'_, Node>) -> bool {
    matches!(node.value(), Node::Element(e) if matches!(e.name(), "td" | "th"))
}

/// HTML's white space (the ideographic space U+3000 is text, not layout).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
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

    #[test]
    fn what_a_stripper_got_wrong() {
        // A 「>」 in an attribute, a comment holding a tag, a script in the
        // body, nested blocks, a table, <br> and a source line break mid-text.
        let html = "<body><!-- <p>古い版</p> --><div title=\"1 > 0\"><div>区の\n目標 and\n more</div></div>\
            <script>document.write('<p>x</p>')</script>\
            <p>一行目<br>二行目</p>\
            <table><tr><th>指標</th><th>目標値</th></tr>\
            <tr><td>参加者数</td><td>100人以上</td></tr></table></body>";
        let text = to_text(html);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "区の目標 and more",
                "一行目",
                "二行目",
                "指標\t目標値",
                "参加者数\t100人以上"
            ]
        );
    }
}
