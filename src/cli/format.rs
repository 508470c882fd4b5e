//! `format`: a plan file rewritten in the standard layout (after editing it by
//! hand).

use std::path::Path;

use super::load;
use crate::io;

/// Rewrites `file` (or writes to `output`; `-` for standard output).
pub(super) fn format(file: &Path, output: Option<&Path>) -> Result<(), String> {
    let plan = load(file)?;
    let output = output.unwrap_or(file);
    if output.as_os_str() == "-" {
        say_raw!("{}", io::to_ron(&plan).map_err(|e| e.to_string())?);
        return Ok(());
    }
    io::save(output, &plan).map_err(|e| format!("エラー: {}: {e}", output.display()))?;
    say!("保存しました: {}", output.display());
    Ok(())
}
