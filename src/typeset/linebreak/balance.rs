//! Balanced lines: a heading or a table cell that wraps is set narrower until
//! its last line holds more than one or two characters alone.

use super::{Line, Setting};

/// How [`balanced`] may narrow a setting: by `step` pt at a time, at most
/// `tries` times, and whether the lines may grow in number doing so (a table
/// row keeps its height; a heading may take a line more).
pub struct Narrower {
    /// How much narrower each try is, in pt.
    pub step: f32,
    /// How many tries.
    pub tries: usize,
    /// Whether a try may take more lines than the first setting.
    pub more_lines: bool,
}

impl Narrower {
    /// A heading's (and a chart title's): two characters narrower at a time,
    /// up to six times, taking a line more if it must.
    pub fn heading(size: f32) -> Self {
        Self {
            step: 2.0 * size,
            tries: 6,
            more_lines: true,
        }
    }
}

/// The lines `break_at` gives for `setting`, set narrower while the last line
/// holds one or two characters alone.
pub fn balanced(
    mut setting: Setting,
    narrower: Narrower,
    mut break_at: impl FnMut(&Setting) -> Vec<Line>,
) -> Vec<Line> {
    let short = |lines: &[Line]| {
        lines.len() > 1 && lines.last().is_some_and(|l| l.text.chars().count() <= 2)
    };
    let mut broken = break_at(&setting);
    let count = broken.len();
    for _ in 0..narrower.tries {
        if !short(&broken) {
            break;
        }
        setting.first_width -= narrower.step;
        setting.width -= narrower.step;
        if setting.width < 2.0 * setting.size {
            break;
        }
        let tried = break_at(&setting);
        if !narrower.more_lines && tried.len() > count {
            break;
        }
        broken = tried;
    }
    broken
}
