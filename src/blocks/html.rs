//! The page body as semantic HTML, in the structure of the city's page: the title
//! as h1, sections as h2, issues as h3, strategies and initiatives as h4, running
//! text as p, bullets as ul, tables as table. UTF-8, no scripts or styles, ready to
//! paste into the city's CMS.

use super::{BULLET, Block, Table};

/// A whole HTML document holding the blocks.
pub fn html(blocks: &[Block], title: &str) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n</head>\n<body>\n",
        escape(title)
    ));
    let mut in_list = false;
    for block in blocks {
        let bullet = matches!(block, Block::Bullet(_));
        if in_list && !bullet {
            out.push_str("</ul>\n");
        }
        if bullet && !in_list {
            out.push_str("<ul>\n");
        }
        in_list = bullet;
        let line = match block {
            Block::Title(t) => format!("<h1>{}</h1>", escape(t)),
            Block::Date(t) => format!("<p class=\"date\">{}</p>", escape(t)),
            Block::Note(t) => format!("<p class=\"note\">{}</p>", escape(t)),
            Block::Section(t) => format!("<h2>{}</h2>", escape(t)),
            Block::IssueHeading(t) => format!("<h3>{}</h3>", escape(t)),
            Block::Label(t) => format!("<p class=\"label\">{}</p>", escape(t)),
            Block::ItemHeading(t) => format!("<h4>{}</h4>", escape(t)),
            Block::FieldName(t) => format!("<h5>{}</h5>", escape(t)),
            Block::Paragraph(t) | Block::ContactLine(t) => format!("<p>{}</p>", escape(t)),
            Block::Bullet(t) => format!("<li>{}</li>", escape(t.trim_start_matches(BULLET))),
            Block::Table(table) => table_html(table),
            Block::Chart(chart) => format!("<p>{}</p>", escape(&chart.alt)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    if in_list {
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn table_html(table: &Table) -> String {
    let mut out = String::from("<table>\n<thead><tr>");
    for h in &table.headers {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in &row.cells {
            out.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>");
    out
}

/// Text made safe inside HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
