//! Sending copies to the sections and taking them back (各課に送る, 取り込み).
//! A copy sent carries a mark ([`SendMark`]: an identity and the day), and the
//! version sent is kept in the folder 送った版 beside the plan: taking the copy
//! back finds its base there by the mark, so nobody has to keep the sent file
//! by hand. The folder sits beside the plan rather than in this computer's
//! data folder so that it travels with the plan on a shared drive, and a
//! colleague taking a copy on another computer finds it too. Copies taken are
//! kept there as well, so that taking the same copy again changes nothing.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::io;
use crate::model::{ItemId, Plan, SendMark};
use crate::wareki::format_date;

/// The folder beside the plan that keeps the versions sent.
pub const FOLDER: &str = "送った版";

/// The folder inside [`FOLDER`] that keeps the copies taken.
const TAKEN: &str = "取り込み済み";

/// The folder of versions sent for the plan at `plan_path`.
pub fn folder(plan_path: &Path) -> PathBuf {
    plan_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(FOLDER)
}

/// Writes the copy of `plan` to send to `copy_path`, marked, and keeps the
/// same version in the folder beside `plan_path`. Returns the mark and where
/// the version sent is kept.
pub fn send(
    plan: &Plan,
    plan_path: &Path,
    copy_path: &Path,
    today: NaiveDate,
) -> Result<(SendMark, PathBuf), String> {
    if io::same_file(copy_path, plan_path) {
        return Err(format!(
            "送る写しの書き出し先 {} は運営方針ファイルそのものです。別の名前を指定してください。何も書いていません。",
            copy_path.display()
        ));
    }
    let mark = SendMark {
        id: ItemId::fresh(),
        date: today,
    };
    let mut copy = plan.clone();
    copy.sent = Some(mark.clone());
    let folder = folder(plan_path);
    make_folder(&folder, "送った版を残す").map_err(|e| format!("{e}何も書いていません。"))?;
    let kept = folder.join(format!("{}_{}.ron", today.format("%Y-%m-%d"), mark.id));
    io::save(&kept, &copy).map_err(|e| {
        format!(
            "送った版 {} を残せませんでした: {e}。何も書いていません。",
            kept.display()
        )
    })?;
    io::save(copy_path, &copy).map_err(|e| {
        format!(
            "送る写し {} を書き出せませんでした: {e}",
            copy_path.display()
        )
    })?;
    Ok((mark, kept))
}

/// The version sent that `copy` came back from, found by its mark in the
/// folder beside `plan_path`; a message saying what is missing otherwise.
pub fn base_of(copy: &Plan, plan_path: &Path) -> Result<Plan, String> {
    let Some(mark) = &copy.sent else {
        return Err("この写しには「各課に送る」で付く送った印がありません（古い写しか、別のファイルです）。送ったときの版のファイルを指定してください。".to_owned());
    };
    let folder = folder(plan_path);
    let suffix = format!("_{}.ron", mark.id);
    let found = std::fs::read_dir(&folder).ok().and_then(|entries| {
        entries
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(&suffix))
    });
    let Some(path) = found else {
        return Err(format!(
            "この写しは{}に送ったものですが、そのときの版が {} にありません（フォルダを動かしたか、別の計画から送ったものです）。送ったときの版のファイルを指定してください。",
            format_date(mark.date),
            folder.display()
        ));
    };
    io::load(&path).map_err(|e| format!("送った版 {} を読めませんでした: {e}", path.display()))
}

/// Whether this very copy (the same content) was taken into the plan at
/// `plan_path` before.
pub fn taken_before(copy: &Plan, plan_path: &Path) -> bool {
    let Some(mark) = &copy.sent else {
        return false;
    };
    let prefix = format!("{}_", mark.id);
    let Ok(entries) = std::fs::read_dir(folder(plan_path).join(TAKEN)) else {
        return false;
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter_map(|e| io::load(&e.path()).ok())
        .any(|taken| taken == *copy)
}

/// Keeps `copy` as taken into the plan at `plan_path`, so that taking it again
/// changes nothing.
pub fn note_taken(copy: &Plan, plan_path: &Path) -> Result<(), String> {
    let Some(mark) = &copy.sent else {
        return Ok(());
    };
    let dir = folder(plan_path).join(TAKEN);
    make_folder(&dir, "取り込んだ写しを残す")?;
    let free = (1..)
        .map(|n| dir.join(format!("{}_{n}.ron", mark.id)))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{}.ron", mark.id)));
    io::save(&free, copy).map_err(|e| format!("取り込んだ写しを残せませんでした: {e}"))
}

/// Makes the folder `dir` (with its parents), saying what it is `for` if the
/// system refuses.
fn make_folder(dir: &Path, purpose: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "{purpose}フォルダ {} を作れませんでした（{}）。フォルダに書き込めるか確かめてください。",
            dir.display(),
            io::reason(&e)
        )
    })
}
