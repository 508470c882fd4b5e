//! Japanese line breaking: UAX #14 break opportunities (`unicode-linebreak`) with the
//! JIS X 4051 / W3C JLREQ rules on top (kinsoku), numbers kept with their units,
//! hanging 、。 and greedy first-fit filling. Display text (headings, table cells,
//! 概要版 entries, chart labels) breaks only between phrases where it can
//! (`phrases`, BudouX), as Chrome's `word-break: auto-phrase` does.
//!
//! Rule tables follow `DOMAIN.md` ("Japanese line breaking"), which cites
//! JIS X 4051 and <https://www.w3.org/TR/jlreq/>.

mod balance;
mod classes;
mod memo;
mod phrases;

pub use balance::{Narrower, balanced};
pub use classes::{
    HANGING, NO_LINE_END, NO_LINE_START, break_opportunities, is_invisible, is_selector,
    number_spans, url_spans,
};
pub use memo::LineMemo;
pub use phrases::phrase_starts;

use classes::{in_set, is_latin};

use crate::fonts::Face;
use crate::typeset::metrics::Measure;

/// One line of a paragraph, ready to place.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The characters of the line (leading and trailing spaces removed), a
    /// variation selector after the character it belongs to. `adjust` and
    /// `start` count characters without the selectors.
    pub text: String,
    /// Where the line starts in the paragraph, counted in printed characters
    /// (invisible ones such as variation selectors left out), for marking
    /// characters of the paragraph on the line (the 新旧対照表's underlines).
    pub start: usize,
    /// The set width in pt: the characters' advances plus `adjust` (for a
    /// justified line, the measure; a hanging 、。 included).
    pub width: f32,
    /// Space in pt added after each character (negative: taken away): the blank
    /// half of punctuation set closer (約物の詰め), and justification spread
    /// between ideographs and at script boundaries, never inside a Latin word.
    pub adjust: Vec<f32>,
    /// Where the first character starts, in pt from the line's edge: negative
    /// when an opening bracket's blank half is set outside (天付き).
    pub lead: f32,
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
    /// Display text: between two Japanese characters, break only where a
    /// phrase starts (安心して／暮らせる), and inside a phrase only when it is
    /// longer than the line. Body paragraphs break at any character kinsoku
    /// allows, as JLREQ sets them.
    pub phrases: bool,
}

/// Width comparisons allow this much slack, in pt, against rounding.
const EPS: f32 = 0.01;

/// Opening brackets: the ink in the right half of the em, the left half blank.
const OPENING: &str = "「『（〔［｛〈《【〘〖｟“‘";

/// Closing brackets and 、。: the ink in the left half, the right half blank.
const CLOSING: &str = "」』）〕］｝〉》】〙〗｠”’、。，．";

/// One paragraph's characters with what line fitting needs of each, in pt.
struct Run {
    chars: Vec<char>,
    advances: Vec<f32>,
    /// Blank halves of punctuation left after consecutive punctuation is set
    /// closer: before the glyph (opening brackets), after it (closing ones).
    before: Vec<f32>,
    after: Vec<f32>,
    /// Space taken after each character for consecutive punctuation (≤ 0).
    paired: Vec<f32>,
    /// The blank half after each closing mark, before any pairing: what a line
    /// end takes away.
    closing: Vec<f32>,
}

impl Run {
    fn new(chars: Vec<char>, setting: &Setting, measure: &dyn Measure) -> Run {
        let advances: Vec<f32> = chars
            .iter()
            .map(|&c| measure.advance(setting.face, c) * setting.size)
            .collect();
        // Only full-width punctuation has a blank half.
        let half = |i: usize, set: &str| {
            if in_set(set, chars[i]) && advances[i] >= setting.size * 0.99 {
                advances[i] / 2.0
            } else {
                0.0
            }
        };
        let n = chars.len();
        let mut before: Vec<f32> = (0..n).map(|i| half(i, OPENING)).collect();
        let closing: Vec<f32> = (0..n).map(|i| half(i, CLOSING)).collect();
        let mut after = closing.clone();
        let mut paired = vec![0.0; n];
        // JLREQ: 」」 and 」、 touch, 「「 touch, 」「 keep half an em between.
        for i in 0..n.saturating_sub(1) {
            if after[i] > 0.0 && (after[i + 1] > 0.0 || before[i + 1] > 0.0) {
                paired[i] = -after[i];
                after[i] = 0.0;
            } else if before[i] > 0.0 && before[i + 1] > 0.0 {
                paired[i] = -before[i + 1];
                before[i + 1] = 0.0;
            }
        }
        Run {
            chars,
            advances,
            before,
            after,
            paired,
            closing,
        }
    }
}

/// Breaks `text` (one paragraph, no newlines) into lines.
pub fn break_lines(text: &str, setting: &Setting, measure: &dyn Measure) -> Vec<Line> {
    // A tab prints as a full-width space (check warns about it). A variation
    // selector stays with its character, for the font's variant (葛󠄀); other
    // invisible characters are dropped.
    let mut chars: Vec<char> = Vec::new();
    let mut selectors: Vec<Option<char>> = Vec::new();
    for c in text.chars() {
        if is_selector(c) {
            if let Some(last) = selectors.last_mut() {
                *last = Some(c);
            }
        } else if !is_invisible(c) {
            chars.push(if c == '\t' { '\u{3000}' } else { c });
            selectors.push(None);
        }
    }
    if chars.is_empty() {
        return Vec::new();
    }
    let allowed = break_opportunities(&chars);
    let between_phrases = setting.phrases.then(|| phrase_breaks(&chars, &allowed));
    let run = Run::new(chars, setting, measure);
    let chars = &run.chars;
    let text_of = |from: usize, to: usize| -> String {
        let mut out = String::new();
        for i in from..to {
            out.push(chars[i]);
            out.extend(selectors[i]);
        }
        out
    };

    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = if lines.is_empty() {
            setting.first_width
        } else {
            setting.width
        };
        // Between phrases where a phrase fits; a phrase longer than the line
        // breaks inside as body text does.
        let (end, hanging, forced) = match &between_phrases {
            Some(phrases) => match fit(&run, phrases, start, limit) {
                (_, _, true) => fit(&run, &allowed, start, limit),
                fitted => fitted,
            },
            None => fit(&run, &allowed, start, limit),
        };
        let last = end >= chars.len();
        let justify = setting.justify && !last;
        let mut line = make_line(&run, start, end, hanging, forced, limit, justify);
        if selectors[start..end].iter().any(Option::is_some) {
            line.text = text_of(start, start + line.text.chars().count());
        }
        lines.push(line);
        start = end;
        // A line never starts with the spaces that separated it from the last.
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    lines
}

/// The widths `text` takes as display text, in pt: its widest part that does
/// not break (a phrase, or what kinsoku keeps together) and the whole of it on
/// one line; CSS's min-content and max-content widths, which size a table's
/// columns.
pub fn content_widths(text: &str, face: Face, size: f32, measure: &dyn Measure) -> (f32, f32) {
    let chars: Vec<char> = text
        .chars()
        .filter(|&c| !is_selector(c) && !is_invisible(c))
        .map(|c| if c == '\t' { '\u{3000}' } else { c })
        .collect();
    if chars.is_empty() {
        return (0.0, 0.0);
    }
    let breaks = phrase_breaks(&chars, &break_opportunities(&chars));
    let (mut widest, mut run, mut total) = (0.0f32, 0.0f32, 0.0f32);
    for (i, &c) in chars.iter().enumerate() {
        if breaks[i] {
            widest = widest.max(run);
            run = 0.0;
        }
        let advance = measure.advance(face, c) * size;
        // A space a line breaks at is not part of either side.
        if !(c == ' ' && breaks.get(i + 1).copied().unwrap_or(false)) {
            run += advance;
        }
        total += advance;
    }
    (widest.max(run), total)
}

/// The breaks kinsoku allows, less those inside a phrase: a place between two
/// Japanese characters stays only where a phrase starts; a space, a Latin word
/// or a number beside Japanese keeps its breaks.
fn phrase_breaks(chars: &[char], allowed: &[bool]) -> Vec<bool> {
    let starts = phrase_starts(chars);
    let japanese = |c: char| matches!(c, '\u{3041}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '々' | '〆');
    allowed
        .iter()
        .enumerate()
        .map(|(i, &ok)| {
            ok && (i == 0
                || i >= chars.len()
                || starts[i]
                || !japanese(chars[i - 1])
                || !japanese(chars[i]))
        })
        .collect()
}

/// The blank half a line's first character loses at the line's edge (天付き).
fn lead(run: &Run, start: usize) -> f32 {
    -run.before[start]
}

/// What a line ending at `last` sets after it: a closing mark half-width,
/// whatever followed it.
fn trail(run: &Run, last: usize) -> f32 {
    -run.closing[last]
}

/// The end (exclusive) of the line that starts at `start`: the last allowed break
/// that fits, punctuation set closer before anything moves to the next line,
/// with a hanging 、。 when only that overflows, or a forced cut.
fn fit(run: &Run, allowed: &[bool], start: usize, limit: f32) -> (usize, bool, bool) {
    let chars = &run.chars;
    let mut width = lead(run, start);
    // How much the punctuation blanks inside the line could still give.
    let mut room = 0.0;
    let mut last_break = None;
    for i in start..chars.len() {
        if i > start && allowed[i] {
            last_break = Some(i);
        }
        if i > start {
            room += run.before[i];
        }
        let ends_here = width + run.advances[i] + trail(run, i);
        if ends_here - room > limit + EPS && i > start {
            let hangs = in_set(HANGING, chars[i]) && (i + 1 == chars.len() || allowed[i + 1]);
            if hangs {
                return (i + 1, true, false);
            }
            return match last_break {
                Some(b) => (b, false, false),
                None => (i, false, true),
            };
        }
        width += run.advances[i] + run.paired[i];
        room += run.after[i];
    }
    (chars.len(), false, false)
}

fn make_line(
    run: &Run,
    start: usize,
    end: usize,
    hanging: bool,
    forced: bool,
    limit: f32,
    justify: bool,
) -> Line {
    let chars = &run.chars;
    let mut stop = end;
    while stop > start + 1 && chars[stop - 1] == ' ' {
        stop -= 1;
    }
    let text: String = chars[start..stop].iter().collect();
    let lead = lead(run, start);
    let mut adjust: Vec<f32> = run.paired[start..stop].to_vec();
    // Justify the characters inside the margin; a hanging one stays outside.
    let inside = if hanging {
        stop - start - 1
    } else {
        stop - start
    };
    let last = start + inside.max(1) - 1;
    adjust[last - start] = trail(run, last);
    if let Some(hung) = adjust.last_mut().filter(|_| hanging) {
        *hung = 0.0;
    }
    let set = |adjust: &[f32]| -> f32 {
        lead + run.advances[start..start + inside].iter().sum::<f32>()
            + adjust[..inside].iter().sum::<f32>()
    };
    let natural = set(&adjust);
    if natural > limit + EPS {
        // Too long only because punctuation can close up: take the excess from
        // the blanks inside the line, each in proportion.
        let mut blanks: Vec<(usize, f32)> = Vec::new();
        for i in start..start + inside {
            if i > start && run.before[i] > 0.0 {
                blanks.push((i - start - 1, run.before[i]));
            }
            if i < last && run.after[i] > 0.0 {
                blanks.push((i - start, run.after[i]));
            }
        }
        let room: f32 = blanks.iter().map(|(_, b)| b).sum();
        if room > 0.0 {
            let share = ((natural - limit) / room).min(1.0);
            for (at, blank) in blanks {
                adjust[at] -= blank * share;
            }
        }
    } else if justify && natural < limit - EPS {
        justify_line(run, start, inside, limit - natural, &mut adjust);
    }
    let width = lead + run.advances[start..stop].iter().sum::<f32>() + adjust.iter().sum::<f32>();
    Line {
        text,
        start,
        width,
        adjust,
        lead,
        hanging,
        forced,
    }
}

/// Spreads `slack` pt over a line of `inside` characters from `start`: first
/// the spaces between words (up to half an em each), then the gaps between
/// ideographs and at script boundaries, never inside a Latin word or a number,
/// at most a third of an em a gap. A line that would need more looks broken
/// and stays ragged.
fn justify_line(run: &Run, start: usize, inside: usize, slack: f32, adjust: &mut [f32]) {
    let chars = &run.chars[start..start + inside];
    let em = run.advances[start..start + inside]
        .iter()
        .copied()
        .fold(0.0, f32::max);
    let last = inside.saturating_sub(1);
    let spaces: Vec<usize> = (0..last).filter(|&k| chars[k] == ' ').collect();
    let gaps: Vec<usize> = (0..last)
        .filter(|&k| chars[k] != ' ' && chars[k + 1] != ' ')
        .filter(|&k| !(is_latin(chars[k]) && is_latin(chars[k + 1])))
        .collect();
    let per_space = if spaces.is_empty() {
        0.0
    } else {
        (slack / spaces.len() as f32).min(em / 2.0)
    };
    let rest = slack - per_space * spaces.len() as f32;
    let per_gap = if rest <= EPS {
        0.0
    } else if gaps.is_empty() {
        return;
    } else {
        rest / gaps.len() as f32
    };
    if per_gap > em / 3.0 {
        return;
    }
    for k in spaces {
        adjust[k] += per_space;
    }
    for k in gaps {
        adjust[k] += per_gap;
    }
}

#[cfg(test)]
mod tests;
