//! Sets each block into line boxes: the type style of each kind of block, indents,
//! bullets with a hanging indent, and tables (`table`).

mod table;

use crate::blocks::{BULLET, Block, Source, Table};
use crate::fonts::Face;
use crate::typeset::PageStyle;
use crate::typeset::linebreak::{LineMemo, Narrower, Setting, balanced, content_widths};
use crate::typeset::metrics::Measure;
pub use crate::typeset::page::{Chunk, LineBox};
use crate::typeset::page::{Item, Role, Tag};

/// How one kind of block is set.
struct Style {
    face: Face,
    size: f32,
    pitch: f32,
    space_before: f32,
    /// Indent of the first line, of the others, in pt.
    indent: (f32, f32),
    justify: bool,
    align: Align,
    keep_with_next: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Start,
    Center,
    End,
}

fn style_of(block: &Block, s: &PageStyle) -> Style {
    let body = Style {
        face: Face::Mincho,
        size: s.body_size,
        pitch: s.body_pitch,
        space_before: 0.0,
        indent: (s.body_size, 0.0),
        justify: true,
        align: Align::Start,
        keep_with_next: false,
    };
    let heading = Style {
        face: Face::Gothic,
        indent: (0.0, s.body_size),
        justify: false,
        keep_with_next: true,
        ..body
    };
    match block {
        Block::Title(_) => Style {
            size: 16.0,
            pitch: 28.0,
            align: Align::Center,
            indent: (0.0, 0.0),
            ..heading
        },
        Block::Date(_) => Style {
            indent: (0.0, 0.0),
            justify: false,
            align: Align::End,
            ..body
        },
        Block::Note(_) => Style {
            size: 9.5,
            pitch: 16.0,
            space_before: 2.0,
            indent: (0.0, 0.0),
            ..body
        },
        Block::Section(_) => Style {
            size: 12.0,
            pitch: 22.0,
            space_before: 14.0,
            ..heading
        },
        Block::IssueHeading(_) => Style {
            size: 13.0,
            pitch: 24.0,
            space_before: 20.0,
            indent: (0.0, 13.0 * 4.5),
            ..heading
        },
        Block::Label(_) => Style {
            space_before: 8.0,
            ..heading
        },
        Block::ItemHeading(_) => heading,
        Block::FieldName(_) => Style {
            space_before: 4.0,
            ..heading
        },
        Block::Bullet(_) => Style {
            space_before: 2.0,
            indent: (s.body_size, s.body_size),
            ..body
        },
        // An address is never cut across two pages.
        Block::ContactLine(_) => Style {
            indent: (0.0, s.body_size),
            justify: false,
            keep_with_next: true,
            ..body
        },
        Block::Paragraph(_) | Block::Table(_) | Block::Chart(_) => body,
    }
}

/// Sets every block.
pub fn shape(
    blocks: &[Block],
    sources: &[Source],
    style: &PageStyle,
    measure: &dyn Measure,
    memo: &mut LineMemo,
) -> Vec<Chunk> {
    blocks
        .iter()
        .enumerate()
        .flat_map(|(n, block)| {
            let source = sources.get(n).copied().unwrap_or_default();
            let block_no = u32::try_from(n).unwrap_or(u32::MAX);
            match block {
                Block::Table(t) => table::table_chunks(t, source, block_no, style, measure, memo),
                Block::Chart(chart) => vec![super::chart::chart_chunk(
                    chart, source, block_no, style, measure,
                )],
                _ => vec![text_chunk(block, source, block_no, style, measure, memo)],
            }
        })
        .collect()
}

fn text_chunk(
    block: &Block,
    source: Source,
    block_no: u32,
    page: &PageStyle,
    measure: &dyn Measure,
    memo: &mut LineMemo,
) -> Chunk {
    let mut st = style_of(block, page);
    let tag = |role| Tag {
        role,
        block: block_no,
    };
    // The wrapped lines of an item's heading start under its title, after the
    // number: 経営課題1 …, 【1-1 …, 【1-1-1 ….
    if matches!(block, Block::IssueHeading(_) | Block::ItemHeading(_))
        && let Some(prefix) = number_prefix(block.text())
    {
        let width: f32 = prefix
            .chars()
            .map(|c| measure.advance(st.face, c) * st.size)
            .sum();
        st.indent.1 = width.min(page.measure / 3.0);
    }
    // A title or heading never leaves one or two characters alone on its last
    // line: set it narrower until the lines balance. It is display text, broken
    // between phrases; paragraphs and bullets are set as body text.
    let balance = !matches!(
        block,
        Block::Paragraph(_) | Block::Bullet(_) | Block::ContactLine(_)
    );
    let setting = Setting {
        face: st.face,
        size: st.size,
        first_width: page.measure - st.indent.0,
        width: page.measure - st.indent.1,
        justify: st.justify,
        phrases: balance,
    };
    let broken = if balance {
        balanced(setting, Narrower::heading(st.size), |s| {
            memo.break_lines(block.text(), s, measure)
        })
    } else {
        memo.break_lines(block.text(), &setting, measure)
    };
    let mut lines = Vec::new();
    for (i, line) in broken.into_iter().enumerate() {
        let indent = if i == 0 { st.indent.0 } else { st.indent.1 };
        let x = match st.align {
            Align::Start => indent,
            Align::Center => (page.measure - line.width) / 2.0,
            Align::End => page.measure - line.width,
        };
        let mut items = Vec::new();
        if i == 0 && matches!(block, Block::Bullet(_)) {
            let label = tag(Role::ListLabel);
            items.push(text_item(
                0.0,
                &st,
                BULLET.to_owned(),
                Vec::new(),
                source,
                label,
            ));
        }
        let role = role_of(block);
        items.push(text_item(
            x + line.lead,
            &st,
            line.text,
            line.adjust,
            source,
            tag(role),
        ));
        lines.push(LineBox {
            height: st.pitch,
            items,
        });
    }
    if matches!(block, Block::IssueHeading(_))
        && let Some(last) = lines.last_mut()
    {
        last.items.push(Item::Rule {
            from: (0.0, st.pitch - 2.0),
            to: (page.measure, st.pitch - 2.0),
            width: 0.8,
        });
    }
    Chunk {
        space_before: st.space_before,
        lines,
        keep_with_next: st.keep_with_next,
        header: None,
    }
}

/// What a block is in the document's structure.
fn role_of(block: &Block) -> Role {
    match block {
        Block::Title(_) => Role::Heading(1),
        Block::Section(_) | Block::IssueHeading(_) => Role::Heading(2),
        Block::Label(_) | Block::ItemHeading(_) => Role::Heading(3),
        Block::FieldName(_) => Role::Heading(4),
        Block::Bullet(_) => Role::ListBody,
        Block::Date(_)
        | Block::Note(_)
        | Block::Paragraph(_)
        | Block::ContactLine(_)
        | Block::Table(_) => Role::Paragraph,
        Block::Chart(_) => Role::Figure,
    }
}

/// The number part of an item's heading, up to and including the space after
/// it: "経営課題1 ", "【1-1 ".
fn number_prefix(text: &str) -> Option<&str> {
    let space = text.find([' ', '\u{3000}'])?;
    let prefix = &text[..space + text[space..].chars().next()?.len_utf8()];
    (prefix.chars().count() <= 14 && prefix.chars().any(|c| c.is_ascii_digit())).then_some(prefix)
}

/// A text item on a line box of `st.pitch`, with the em box centred on the line.
fn text_item(x: f32, st: &Style, text: String, adjust: Vec<f32>, source: Source, tag: Tag) -> Item {
    Item::Text {
        x,
        y: baseline(st.pitch, st.size),
        text,
        face: st.face,
        size: st.size,
        adjust,
        source,
        tag,
    }
}

/// The baseline in a line box: the em box (0.88 em above the baseline, 0.12 below,
/// as in the BIZ UD fonts) centred vertically.
pub(crate) fn baseline(pitch: f32, size: f32) -> f32 {
    pitch / 2.0 + 0.38 * size
}
