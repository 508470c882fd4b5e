//! An indicator's chart on paper: its results by year as a line with dots and
//! their values, against a dashed target line, on an axis from zero to a round
//! number, marked at its ends and the target, with its unit. Drawn with
//! the layout's own rules and text, so the PDF, the preview and every printed
//! copy show the same; its text is tagged as one figure whose alternative text
//! (`Chart::alt`) says the numbers.

use crate::blocks::{Chart, Source};
use crate::fonts::Face;
use crate::typeset::PageStyle;
use crate::typeset::linebreak::{Narrower, Setting, balanced, break_lines};
use crate::typeset::metrics::Measure;
use crate::typeset::page::{Chunk, LineBox};
use crate::typeset::page::{Item, Role, Tag};

/// The chart's height in pt, a one-line title and the year labels included.
const HEIGHT: f32 = 112.0;
/// Where the plot's top (the axis' round top) sits, below the title and the
/// unit.
const PLOT_TOP: f32 = 36.0;
/// Its width at most, in pt.
const WIDTH: f32 = 300.0;
/// Size of its title and of its labels.
const TITLE_SIZE: f32 = 9.0;
const LABEL_SIZE: f32 = 7.5;
/// From one line of a long title to the next, in pt.
const TITLE_LEADING: f32 = 13.0;

/// The chart as one chunk, set in by the body's first-line indent.
pub fn chart_chunk(
    chart: &Chart,
    source: Source,
    block: u32,
    page: &PageStyle,
    measure: &dyn Measure,
) -> Chunk {
    let tag = Tag {
        role: Role::Figure,
        block,
    };
    let left = page.body_size;
    let width = WIDTH.min(page.measure - left);
    let text = |x: f32, y: f32, text: String, size: f32, face: Face| Item::Text {
        x,
        y,
        text,
        face,
        size,
        adjust: Vec::new(),
        source,
        tag,
    };
    let advance = |s: &str, size: f32, face: Face| -> f32 {
        s.chars().map(|c| measure.advance(face, c) * size).sum()
    };
    let rule = |from: (f32, f32), to: (f32, f32), width: f32| Item::Rule { from, to, width };
    // The title across the page, broken between phrases and balanced as a
    // heading is (no 推移 alone on its last line); the plot moves down by the
    // lines it takes beyond the first.
    let setting = Setting {
        face: Face::Gothic,
        size: TITLE_SIZE,
        first_width: page.measure - left,
        width: page.measure - left,
        justify: false,
        phrases: true,
    };
    let title = balanced(setting, Narrower::heading(TITLE_SIZE), |s| {
        break_lines(&chart.title, s, measure)
    });
    let drop = TITLE_LEADING * title.len().saturating_sub(1) as f32;
    let mut items: Vec<Item> = title
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let y = 12.0 + TITLE_LEADING * i as f32;
            text(left, y, line.text, TITLE_SIZE, Face::Gothic)
        })
        .collect();

    // The value axis, from zero to the chart's round top: its marks' numbers
    // right-aligned before it, its unit above it.
    let label_width = chart
        .scale
        .iter()
        .map(|(_, label)| advance(label, LABEL_SIZE, Face::Mincho))
        .fold(
            advance(&chart.unit, LABEL_SIZE, Face::Mincho) / 2.0,
            f32::max,
        );
    let (x0, x1) = (left + label_width + 5.0, left + width);
    let (top, bottom) = (PLOT_TOP + drop, HEIGHT - 18.0 + drop);
    let y_of = |v: f64| bottom - ((v / chart.top) as f32) * (bottom - top);
    items.push(rule((x0, top - 4.0), (x0, bottom), 0.5));
    items.push(rule((x0, bottom), (x1, bottom), 0.5));
    for (value, label) in &chart.scale {
        let y = y_of(*value);
        items.push(rule((x0 - 2.5, y), (x0, y), 0.5));
        let w = advance(label, LABEL_SIZE, Face::Mincho);
        let baseline = y + LABEL_SIZE * 0.35;
        items.push(text(
            x0 - 4.0 - w,
            baseline,
            label.clone(),
            LABEL_SIZE,
            Face::Mincho,
        ));
    }
    if !chart.unit.is_empty() {
        let unit = format!("（{}）", chart.unit);
        let w = advance(&unit, LABEL_SIZE, Face::Mincho);
        let x = (x0 - w / 2.0).max(left - LABEL_SIZE);
        items.push(text(x, top - 7.0, unit, LABEL_SIZE, Face::Mincho));
    }

    // The target: a dashed line with its label at the right end.
    let ty = y_of(chart.target.0);
    let mut x = x0;
    while x < x1 {
        items.push(rule((x, ty), ((x + 4.0).min(x1), ty), 0.7));
        x += 7.0;
    }
    let goal = chart.target.1.clone();
    let goal_x = x1 - advance(&goal, LABEL_SIZE, Face::Gothic);
    items.push(text(goal_x, ty - 3.0, goal, LABEL_SIZE, Face::Gothic));

    // The results: a line through dots, each with its value above and year below.
    let n = chart.points.len();
    let pad = 28.0;
    let x_of = |i: usize| {
        if n == 1 {
            (x0 + x1) / 2.0
        } else {
            x0 + pad + (x1 - x0 - 2.0 * pad - 40.0) * i as f32 / (n - 1) as f32
        }
    };
    for i in 1..n {
        let (a, b) = (&chart.points[i - 1], &chart.points[i]);
        items.push(rule((x_of(i - 1), y_of(a.1)), (x_of(i), y_of(b.1)), 1.2));
    }
    for (i, (year, value, label)) in chart.points.iter().enumerate() {
        // R4, H30: the year short enough to sit under its dot.
        let year = crate::wareki::format_fiscal_year(*year)
            .replace("令和", "R")
            .replace("平成", "H")
            .replace("年度", "");
        let (x, y) = (x_of(i), y_of(*value));
        // A dot: a short, thick rule.
        items.push(rule((x - 1.8, y), (x + 1.8, y), 3.6));
        // The value above its dot, unless the target line runs just above
        // the dot, through where the value would be: then below.
        let w = advance(label, LABEL_SIZE, Face::Mincho);
        let above = y - 5.0;
        let crosses = ty < y && ty > above - LABEL_SIZE - 1.0;
        let label_y = if crosses { y + LABEL_SIZE + 4.0 } else { above };
        items.push(text(
            x - w / 2.0,
            label_y,
            label.clone(),
            LABEL_SIZE,
            Face::Mincho,
        ));
        let w = advance(&year, LABEL_SIZE, Face::Mincho);
        items.push(text(
            x - w / 2.0,
            bottom + 10.0,
            year,
            LABEL_SIZE,
            Face::Mincho,
        ));
    }
    Chunk {
        space_before: 6.0,
        lines: vec![LineBox {
            height: HEIGHT + drop,
            items,
        }],
        keep_with_next: false,
        header: None,
    }
}
