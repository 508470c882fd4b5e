//! `check`: a plan's summary, its warnings and the notes from reading it.

use std::path::Path;

use super::load_error;
use crate::{Plan, blocks, check, io};

/// Prints the summary of the plan at `file`, with what reading it noted.
pub(super) fn check(file: &Path) -> Result<(), String> {
    let (plan, notes) = io::load_noting(file).map_err(|e| load_error(file, &e))?;
    print_summary(&plan, file);
    if !notes.is_empty() {
        say!("読み込み時の注意: {}件", notes.len());
        for note in notes {
            say!("  - {note}");
        }
    }
    Ok(())
}

fn print_summary(plan: &Plan, path: &Path) {
    say!(
        "{} ({})",
        blocks::title(plan, blocks::Medium::Print),
        path.display()
    );
    say_raw!("{}", check::summarize(plan));
}
