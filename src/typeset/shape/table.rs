//! Tables: a header row repeated on each page the table continues on, rows of
//! wrapped cells with a full grid, set smaller than the text.

use super::*;

const TABLE_SIZE: f32 = 9.0;
const TABLE_PITCH: f32 = 14.0;
const TABLE_PAD: f32 = 3.0;
const TABLE_RULE: f32 = 0.5;

/// A table as one chunk for the header (kept with the first row) and one per row.
pub(super) fn table_chunks(
    table: &Table,
    source: Source,
    block: u32,
    page: &PageStyle,
    measure: &dyn Measure,
    memo: &mut LineMemo,
) -> Vec<Chunk> {
    let widths = column_widths(table, page.measure, measure);
    let header_tag = |col| Tag {
        role: Role::HeaderCell { col },
        block,
    };
    let header = row_box(
        &table.headers,
        (&widths, &[]),
        Face::Gothic,
        source,
        header_tag,
        measure,
        memo,
    );
    let mut chunks = vec![Chunk {
        space_before: 4.0,
        lines: vec![header.clone()],
        keep_with_next: true,
        header: None,
    }];
    for (r, row) in table.rows.iter().enumerate() {
        let row_no = u16::try_from(r).unwrap_or(u16::MAX);
        let cell_tag = |col| Tag {
            role: Role::Cell { row: row_no, col },
            block,
        };
        let face = if row.total {
            Face::Gothic
        } else {
            Face::Mincho
        };
        chunks.push(Chunk {
            space_before: 0.0,
            lines: vec![row_box(
                &row.cells,
                (&widths, &table.right_aligned),
                face,
                source,
                cell_tag,
                measure,
                memo,
            )],
            keep_with_next: false,
            header: Some(header.clone()),
        });
    }
    if let Some(last) = chunks.last_mut() {
        last.lines.push(LineBox {
            height: 6.0,
            items: Vec::new(),
        });
    }
    chunks
}

/// The columns' widths from what their cells hold, as CSS's automatic table
/// layout sizes them: every column at least as wide as its widest phrase
/// (10,000世帯以上, 目標年度・期間 stay whole), the rest of the measure shared in
/// proportion to how much wider each column's text would be on one line; when
/// all of it fits on one line, each column takes its text's width and a share
/// of what is left. A column is never left half empty while another wraps.
fn column_widths(table: &Table, available: f32, measure: &dyn Measure) -> Vec<f32> {
    let columns = table.headers.len();
    let mut min = vec![0.0f32; columns];
    let mut max = vec![0.0f32; columns];
    let rows = std::iter::once((&table.headers, Face::Gothic)).chain(table.rows.iter().map(|r| {
        let face = if r.total { Face::Gothic } else { Face::Mincho };
        (&r.cells, face)
    }));
    for (cells, face) in rows {
        for (col, cell) in cells.iter().enumerate().take(columns) {
            let (narrowest, widest) = content_widths(cell, face, TABLE_SIZE, measure);
            min[col] = min[col].max(narrowest + 2.0 * TABLE_PAD);
            max[col] = max[col].max(widest + 2.0 * TABLE_PAD);
        }
    }
    let (sum_min, sum_max): (f32, f32) = (min.iter().sum(), max.iter().sum());
    if sum_max <= available && sum_max > 0.0 {
        let spare = available - sum_max;
        max.iter().map(|w| w + spare * w / sum_max).collect()
    } else if sum_min <= available {
        let share = (available - sum_min) / (sum_max - sum_min).max(f32::EPSILON);
        min.iter()
            .zip(&max)
            .map(|(lo, hi)| lo + (hi - lo) * share)
            .collect()
    } else {
        // Phrases wider than the page between them: narrower in proportion,
        // and the widest phrases break inside.
        min.iter().map(|w| w * available / sum_min).collect()
    }
}

/// One table row: wrapped cells, a full grid around them. `columns` are the
/// columns' widths and whether each is set flush right.
fn row_box(
    cells: &[String],
    (widths, right_aligned): (&[f32], &[bool]),
    face: Face,
    source: Source,
    tag: impl Fn(u16) -> Tag,
    measure: &dyn Measure,
    memo: &mut LineMemo,
) -> LineBox {
    let st = Style {
        face,
        size: TABLE_SIZE,
        pitch: TABLE_PITCH,
        space_before: 0.0,
        indent: (0.0, 0.0),
        justify: false,
        align: Align::Start,
        keep_with_next: false,
    };
    let mut items = Vec::new();
    let mut x = 0.0;
    let mut max_lines = 1;
    for (col, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        let inner = w - 2.0 * TABLE_PAD;
        let setting = Setting {
            face,
            size: TABLE_SIZE,
            first_width: inner,
            width: inner,
            justify: false,
            // A cell is display text: 10,000世帯以上 and 目標年度・期間 stay whole.
            phrases: true,
        };
        // A cell never leaves a character or two alone on its last line when a
        // narrower setting balances it in as many lines (目標年度・期 / 間).
        let narrower = Narrower {
            step: TABLE_SIZE,
            tries: 8,
            more_lines: false,
        };
        let lines = balanced(setting, narrower, |s| memo.break_lines(cell, s, measure));
        max_lines = max_lines.max(lines.len());
        for (i, line) in lines.into_iter().enumerate() {
            let lx = if right_aligned.get(col).copied().unwrap_or(false) {
                x + w - TABLE_PAD - line.width
            } else {
                x + TABLE_PAD
            };
            let cell = tag(u16::try_from(col).unwrap_or(u16::MAX));
            let mut item = text_item(lx + line.lead, &st, line.text, line.adjust, source, cell);
            if let Item::Text { y, .. } = &mut item {
                *y += TABLE_PAD + i as f32 * TABLE_PITCH;
            }
            items.push(item);
        }
        x += w;
    }
    let height = max_lines as f32 * TABLE_PITCH + 2.0 * TABLE_PAD;
    let right: f32 = widths.iter().sum();
    for y in [0.0, height] {
        items.push(Item::Rule {
            from: (0.0, y),
            to: (right, y),
            width: TABLE_RULE,
        });
    }
    let mut x = 0.0;
    for w in std::iter::once(0.0).chain(widths.iter().copied()) {
        x += w;
        items.push(Item::Rule {
            from: (x, 0.0),
            to: (x, height),
            width: TABLE_RULE,
        });
    }
    LineBox { height, items }
}
