//! `next-year`: next year's plan started from this year's file.

use std::path::Path;

use super::load;
use crate::{blocks, io};

/// Writes next year's plan from `file` to `output`, which must not exist yet;
/// with `copy_evaluations`, this year's 自己評価 go into 前年度までの実績.
pub(super) fn next_year(file: &Path, output: &Path, copy_evaluations: bool) -> Result<(), String> {
    let plan = load(file)?;
    if output.exists() {
        return Err(format!(
            "エラー: {} はすでにあります。別の名前を指定してください。",
            output.display()
        ));
    }
    let mut next = plan.carry_forward();
    if copy_evaluations {
        let count = next.copy_evaluations_from(&plan);
        say!("自己評価を「前年度までの実績」に書き加えました: {count}件");
    }
    io::save(output, &next).map_err(|e| format!("エラー: {}: {e}", output.display()))?;
    say!(
        "{}を作りました: {}",
        blocks::title(&next, blocks::Medium::Print),
        output.display()
    );
    Ok(())
}
