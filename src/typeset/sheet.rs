//! A titled table of paragraphs in columns, on landscape pages: the layout of the
//! 新旧対照表. The same line breaking, fonts, pagination and footers as the
//! plan; marked characters are underlined; the header row repeats on every page.

use std::ops::Range;

use crate::blocks::Source;
use crate::fonts::Face;
use crate::typeset::PageStyle;
use crate::typeset::linebreak::{
    Narrower, Setting, balanced, break_lines, content_widths, is_invisible,
};
use crate::typeset::metrics::Measure;
use crate::typeset::page::{A4, Item, PT_PER_MM, Page, Role, Tag};
use crate::typeset::paginate::paginate;
use crate::typeset::shape::{Chunk, LineBox, baseline};

/// One paragraph of a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    /// The text (one paragraph, no newlines).
    pub text: String,
    /// Headings in ゴシック, text in 明朝.
    pub face: Face,
    /// Character ranges (in `text`'s characters) to underline: what changed.
    pub marks: Vec<Range<usize>>,
    /// Centred in its cell (the header row).
    pub centered: bool,
}

impl Para {
    /// A paragraph with nothing marked.
    pub fn plain(text: impl Into<String>, face: Face) -> Para {
        Para::marked(text, face, Vec::new())
    }

    /// A paragraph with the characters in `marks` underlined.
    pub fn marked(text: impl Into<String>, face: Face, marks: Vec<Range<usize>>) -> Para {
        Para {
            text: text.into(),
            face,
            marks,
            centered: false,
        }
    }
}

/// A table with a title above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The title: 令和4年度 鶴見区運営方針 新旧対照表.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Relative column widths.
    pub widths: Vec<f32>,
    /// Per column, the most lines its titles should take: a column of names
    /// (the 概要版's 経営課題 and 戦略) widens until its longest fits in that
    /// many, the others giving up the room in proportion; `None` keeps the
    /// relative width.
    pub most_lines: Vec<Option<usize>>,
    /// Rows of cells, each cell a list of paragraphs.
    pub rows: Vec<Vec<Vec<Para>>>,
}

/// A4 landscape with 20 mm margins, the body a size smaller than the plan's so
/// two columns of text stay readable side by side.
pub fn landscape() -> PageStyle {
    let size = (A4.1, A4.0);
    let margin = 20.0 * PT_PER_MM;
    PageStyle {
        size,
        top: 18.0 * PT_PER_MM,
        bottom: 20.0 * PT_PER_MM,
        left: margin,
        measure: size.0 - 2.0 * margin,
        body_size: 10.0,
        body_pitch: 16.0,
        footer_baseline: size.1 - 10.0 * PT_PER_MM,
    }
}

const TITLE_SIZE: f32 = 16.0;
const PAD: f32 = 4.0;
const RULE: f32 = 0.5;
const UNDERLINE: f32 = 0.7;

/// Lays the sheet out as pages.
pub fn typeset_sheet(sheet: &Sheet, style: &PageStyle, measure: &dyn Measure) -> Vec<Page> {
    let widths = column_widths(sheet, style, measure);
    let title = Para::plain(sheet.title.clone(), Face::Gothic);
    let title_lines = cell_lines(
        &[title],
        style.measure,
        TITLE_SIZE,
        TITLE_SIZE * 1.8,
        measure,
    );
    let title_box: Vec<LineBox> = title_lines
        .into_iter()
        .map(|(width, items)| LineBox {
            height: TITLE_SIZE * 1.8,
            items: shift(items, (style.measure - width) / 2.0)
                .iter()
                .map(|item| {
                    item.with_tag(Tag {
                        role: Role::Heading(1),
                        block: 0,
                    })
                })
                .collect(),
        })
        .collect();
    let headers: Vec<Vec<Para>> = sheet
        .headers
        .iter()
        .map(|h| {
            vec![Para {
                centered: true,
                ..Para::plain(h.clone(), Face::Gothic)
            }]
        })
        .collect();
    let header = row(&headers, &widths, style, measure, |col| Role::HeaderCell {
        col,
    });
    let header_box = LineBox {
        height: header.iter().map(|b| b.height).sum(),
        items: stack(&header),
    };
    let mut chunks = vec![
        Chunk {
            space_before: 0.0,
            lines: title_box,
            keep_with_next: true,
            header: None,
        },
        Chunk {
            space_before: 8.0,
            lines: vec![header_box.clone()],
            keep_with_next: true,
            header: None,
        },
    ];
    for (n, cells) in sheet.rows.iter().enumerate() {
        let row_no = u16::try_from(n).unwrap_or(u16::MAX);
        let cell = |col| Role::Cell { row: row_no, col };
        chunks.push(Chunk {
            space_before: 0.0,
            lines: row(cells, &widths, style, measure, cell),
            keep_with_next: false,
            header: Some(header_box.clone()),
        });
    }
    paginate(&chunks, style, measure)
}

/// The columns' widths: the relative widths, then each column of names
/// widened until its longest name takes at most its lines (and its widest
/// phrase fits), the other columns narrower in proportion. Names never take
/// more than half the page.
fn column_widths(sheet: &Sheet, style: &PageStyle, measure: &dyn Measure) -> Vec<f32> {
    let total: f32 = sheet.widths.iter().sum::<f32>().max(f32::EPSILON);
    let mut widths: Vec<f32> = sheet
        .widths
        .iter()
        .map(|w| w / total * style.measure)
        .collect();
    let size = style.body_size;
    // What a cell's width leaves for text (see `row`).
    let margin = 2.0 * PAD + size / 2.0;
    let mut needed = vec![0.0f32; widths.len()];
    for cells in &sheet.rows {
        for (col, paras) in cells.iter().enumerate().take(widths.len()) {
            let Some(lines) = sheet.most_lines.get(col).copied().flatten() else {
                continue;
            };
            for para in paras {
                let (phrase, whole) = content_widths(&para.text, para.face, size, measure);
                // Lines break between phrases, so a name takes a little more
                // than its length divided by the lines: a phrase's worth.
                let width = (whole / lines as f32 + phrase / 2.0).max(phrase) + margin;
                needed[col] = needed[col].max(width);
            }
        }
    }
    let names: f32 = (0..widths.len())
        .map(|c| {
            if needed[c] > 0.0 {
                widths[c].max(needed[c])
            } else {
                0.0
            }
        })
        .sum();
    let budget = style.measure / 2.0;
    let scale = if names > budget { budget / names } else { 1.0 };
    let mut taken = 0.0;
    for col in 0..widths.len() {
        if needed[col] > widths[col] {
            let wider = needed[col] * scale;
            if wider > widths[col] {
                taken += wider - widths[col];
                widths[col] = wider;
            }
        }
    }
    let others: f32 = (0..widths.len())
        .filter(|&c| needed[c] == 0.0)
        .map(|c| widths[c])
        .sum();
    if others > 0.0 && taken > 0.0 {
        let keep = ((others - taken) / others).max(0.2);
        for col in 0..widths.len() {
            if needed[col] == 0.0 {
                widths[col] *= keep;
            }
        }
    }
    widths
}

/// One row as line boxes: one box for the whole row when it is not long, so
/// that the text reads column by column (新, then 旧) when copied or read aloud;
/// a row longer than half a page is cut into boxes of that many lines so it can
/// continue on the next page. Each box draws its part of the column rules.
fn row(
    cells: &[Vec<Para>],
    widths: &[f32],
    style: &PageStyle,
    measure: &dyn Measure,
    role: impl Fn(u16) -> Role,
) -> Vec<LineBox> {
    let (size, pitch) = (style.body_size, style.body_pitch);
    let columns: Vec<Vec<(f32, Vec<Item>)>> = cells
        .iter()
        .zip(widths)
        // Half an em kept free at the right for a hanging 、。 to stay inside.
        .map(|(paras, w)| cell_lines(paras, w - 2.0 * PAD - size / 2.0, size, pitch, measure))
        .collect();
    let count = columns.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let body = style.size.1 - style.top - style.bottom;
    let per_box = ((body / 2.0 / pitch) as usize).max(1);
    let right: f32 = widths.iter().sum();
    let mut boxes = Vec::new();
    let mut first = 0;
    while first < count {
        let last = (first + per_box).min(count);
        let top = if first == 0 { PAD } else { 0.0 };
        let bottom = if last == count { PAD } else { 0.0 };
        let height = top + (last - first) as f32 * pitch + bottom;
        let mut items = Vec::new();
        let mut x = 0.0;
        for (col, (column, w)) in columns.iter().zip(widths).enumerate() {
            let tag = Tag {
                role: role(u16::try_from(col).unwrap_or(u16::MAX)),
                block: 1,
            };
            for (n, (_, line)) in column.iter().enumerate().take(last).skip(first) {
                let y = top + (n - first) as f32 * pitch;
                items.extend(
                    line.iter()
                        .map(|item| item.offset(x + PAD, y).with_tag(tag)),
                );
            }
            x += w;
        }
        let mut edge = 0.0;
        for w in std::iter::once(0.0).chain(widths.iter().copied()) {
            edge += w;
            items.push(Item::Rule {
                from: (edge, 0.0),
                to: (edge, height),
                width: RULE,
            });
        }
        for (y, draw) in [(0.0, first == 0), (height, last == count)] {
            if draw {
                items.push(Item::Rule {
                    from: (0.0, y),
                    to: (right, y),
                    width: RULE,
                });
            }
        }
        boxes.push(LineBox { height, items });
        first = last;
    }
    boxes
}

/// The longest text in Mincho a sheet's cell sets as display text, between
/// phrases and unjustified: an entry, not a paragraph.
const DISPLAY_TEXT_CHARS: usize = 40;

/// A cell's paragraphs broken into lines: per line, its natural width and its
/// items (text and underlines) relative to the line's top-left.
fn cell_lines(
    paras: &[Para],
    width: f32,
    size: f32,
    pitch: f32,
    measure: &dyn Measure,
) -> Vec<(f32, Vec<Item>)> {
    let mut out = Vec::new();
    for para in paras {
        // Titles (in Gothic) and short entries are display text, broken
        // between phrases; a cell's paragraphs of prose are set as body text.
        let phrases = para.face != Face::Mincho || para.text.chars().count() <= DISPLAY_TEXT_CHARS;
        let setting = Setting {
            face: para.face,
            size,
            first_width: width,
            width,
            justify: !phrases,
            phrases,
        };
        // Marks counted in printed characters, as the lines count them.
        let marked: Vec<bool> = para
            .text
            .chars()
            .enumerate()
            .filter(|(_, c)| !is_invisible(*c))
            .map(|(n, _)| para.marks.iter().any(|r| r.contains(&n)))
            .collect();
        let mut lines = break_lines(&para.text, &setting, measure);
        // A short entry (a name, a figure) does not leave a character or two
        // alone on its last line; a long paragraph keeps its column's measure.
        if lines.len() <= 6 {
            let narrower = Narrower {
                step: size,
                tries: 8,
                more_lines: false,
            };
            lines = balanced(setting, narrower, |s| break_lines(&para.text, s, measure));
        }
        for line in lines {
            let y = baseline(pitch, size);
            let mut items = Vec::new();
            let mut x = line.lead;
            for (n, c) in line.text.chars().filter(|c| !is_invisible(*c)).enumerate() {
                let advance = measure.advance(para.face, c) * size;
                let gap = line.adjust.get(n).copied().unwrap_or(0.0);
                if marked.get(line.start + n).copied().unwrap_or(false) {
                    items.push(Item::Rule {
                        from: (x, y + 1.6),
                        to: (x + advance + gap, y + 1.6),
                        width: UNDERLINE,
                    });
                }
                x += advance + gap;
            }
            let indent = if para.centered {
                ((width - line.width) / 2.0).max(0.0)
            } else {
                0.0
            };
            let items: Vec<Item> = std::iter::once(Item::Text {
                x: line.lead,
                y,
                text: line.text,
                face: para.face,
                size,
                adjust: line.adjust,
                source: Source::default(),
                tag: Tag::default(),
            })
            .chain(items)
            .map(|item| item.offset(indent, 0.0))
            .collect();
            out.push((line.width, items));
        }
    }
    out
}

fn shift(items: Vec<Item>, dx: f32) -> Vec<Item> {
    items.iter().map(|i| i.offset(dx, 0.0)).collect()
}

/// Line boxes stacked into one box's items.
fn stack(boxes: &[LineBox]) -> Vec<Item> {
    let mut y = 0.0;
    let mut out = Vec::new();
    for b in boxes {
        out.extend(b.items.iter().map(|i| i.offset(0.0, y)));
        y += b.height;
    }
    out
}
