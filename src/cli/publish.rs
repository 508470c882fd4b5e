//! What is printed or put on the web: `text` and `html` for the city's page,
//! `export` (the PDF and its 概要版) and `compare` (the 新旧対照表).

use std::path::{Path, PathBuf};

use super::{load, not_onto};
use crate::{Plan, blocks, io};

/// Prints the text for the city's web page.
pub(super) fn text(file: &Path) -> Result<(), String> {
    let plan = load(file)?;
    say_raw!(
        "{}",
        blocks::plain_text(&blocks::blocks(&plan, blocks::Medium::Web))
    );
    Ok(())
}

/// Writes the page body as HTML for the city's CMS (`-`: standard output).
pub(super) fn html(file: &PathBuf, output: &Path) -> Result<(), String> {
    not_onto(output, &[(file, "運営方針ファイル")])?;
    let plan = load(file)?;
    let blocks = blocks::blocks(&plan, blocks::Medium::Web);
    let html = blocks::html::html(&blocks, &blocks::title(&plan, blocks::Medium::Web));
    if output.as_os_str() == "-" {
        say_raw!("{html}");
        return Ok(());
    }
    io::write_atomic(output, html.as_bytes())
        .map_err(|e| format!("エラー: {}: 書き出せませんでした: {e}", output.display()))?;
    say!("書き出しました: {}", output.display());
    Ok(())
}

/// Writes the print-ready PDF, or its 概要版 when `summary`.
pub(super) fn export(file: &PathBuf, output: &Path, summary: bool) -> Result<(), String> {
    not_onto(output, &[(file, "運営方針ファイル")])?;
    let plan = load(file)?;
    write_pdf(&plan, output, summary)
}

/// Writes the 新旧対照表 of `old` → `new`; neither may be the output.
pub(super) fn compare(
    old: &PathBuf,
    new: &PathBuf,
    output: &Path,
    omit: bool,
) -> Result<(), String> {
    not_onto(output, &[(old, "旧"), (new, "新")])?;
    let (old, new) = (load(old)?, load(new)?);
    comparison(&old, &new, output, omit)
}

fn write_pdf(plan: &Plan, output: &Path, summary: bool) -> Result<(), String> {
    let created = chrono::Local::now().fixed_offset();
    let export = if summary {
        crate::export::export_overview(plan, created)
    } else {
        crate::export::export_pdf(plan, created)
    }
    .map_err(|e| e.to_string())?;
    write_export(&export, output)
}

/// Writes an exported PDF and says so, with any characters the fonts lack.
fn write_export(export: &crate::export::Export, output: &Path) -> Result<(), String> {
    io::write_atomic(output, &export.bytes)
        .map_err(|e| format!("エラー: {}: 書き出せませんでした: {e}", output.display()))?;
    say!(
        "書き出しました: {} ({}ページ, {} バイト)",
        output.display(),
        export.pages,
        export.bytes.len()
    );
    for warning in &export.missing_glyphs {
        eprintln!("警告: {}", warning.message);
    }
    Ok(())
}

/// Writes the 新旧対照表 of `old` → `new`.
fn comparison(old: &Plan, new: &Plan, output: &Path, omit: bool) -> Result<(), String> {
    use crate::compare::sheet::Unchanged;
    let unchanged = if omit {
        Unchanged::Omit
    } else {
        Unchanged::Abbreviate
    };
    let created = chrono::Local::now().fixed_offset();
    let export = crate::export::export_comparison(old, new, unchanged, created)
        .map_err(|e| e.to_string())?;
    write_export(&export, output)
}
