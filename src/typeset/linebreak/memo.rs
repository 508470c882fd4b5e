//! The lines of unchanged paragraphs, kept between layouts.

use super::{Line, Setting, break_lines};
use crate::fonts::Face;
use crate::typeset::metrics::Measure;

/// Lines already broken, by text and setting. The preview lays the whole plan
/// out again after every typed character, and all paragraphs but the one typed
/// in break as before: looking them up here instead makes that relayout a
/// fraction of the first. One memo serves one [`Measure`]; it keeps what the
/// last two layouts used and forgets the rest (see [`LineMemo::end_layout`]).
#[derive(Default)]
pub struct LineMemo {
    now: rustc_hash::FxHashMap<MemoKey, Vec<Line>>,
    before: rustc_hash::FxHashMap<MemoKey, Vec<Line>>,
}

/// A paragraph's text and its setting, the widths and size as bits.
type MemoKey = (String, Face, [u32; 3], bool, bool);

impl LineMemo {
    /// [`break_lines`], or the lines it gave before for the same text and setting.
    pub fn break_lines(
        &mut self,
        text: &str,
        setting: &Setting,
        measure: &dyn Measure,
    ) -> Vec<Line> {
        let key = (
            text.to_owned(),
            setting.face,
            [
                setting.size.to_bits(),
                setting.first_width.to_bits(),
                setting.width.to_bits(),
            ],
            setting.justify,
            setting.phrases,
        );
        if let Some(lines) = self.now.get(&key) {
            return lines.clone();
        }
        let lines = match self.before.remove(&key) {
            Some(lines) => lines,
            None => break_lines(text, setting, measure),
        };
        self.now.insert(key, lines.clone());
        lines
    }

    /// Ends one layout: what it did not use is forgotten at the end of the next.
    pub fn end_layout(&mut self) {
        self.before = std::mem::take(&mut self.now);
    }
}
