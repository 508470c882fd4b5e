//! `import`: a ward's published page read into a new plan file.

use std::path::Path;

use crate::{blocks, io};

/// Reads a published page into a new plan file, listing what was left out.
pub(super) fn import(page: &Path, output: &Path) -> Result<(), String> {
    if output.exists() {
        return Err(format!(
            "エラー: {} はすでにあります。別の名前を指定してください。",
            output.display()
        ));
    }
    let text = crate::import::read_page(page).map_err(|e| format!("エラー: {e}"))?;
    let imported = crate::import::import(&text);
    if let Some(message) = imported.nothing_found() {
        return Err(format!("エラー: {}: {message}", page.display()));
    }
    io::save(output, &imported.plan).map_err(|e| format!("エラー: {}: {e}", output.display()))?;
    let plan = &imported.plan;
    say!(
        "{}を作りました: {}（経営課題 {}、戦略 {}、具体的取組 {}）",
        blocks::title(plan, blocks::Medium::Print),
        output.display(),
        plan.issues.len(),
        plan.strategies().count(),
        plan.initiatives().count()
    );
    if let Some(note) = imported.look_alike_note() {
        say!("{note}");
    }
    if !imported.report.is_empty() {
        say!("取り込まなかった行: {}行", imported.report.len());
        for note in &imported.report {
            say!("  {note}");
        }
    }
    Ok(())
}
