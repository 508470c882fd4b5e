//! The exchange with the sections on the command line: `diff` and `merge` of
//! any versions, and `send` and `take`, which keep the version sent beside the
//! plan (see [`crate::exchange`]) so that a returned copy finds its own base.

use std::path::Path;
use std::process::ExitCode;

use super::{load, not_onto};
use crate::wareki::format_date;
use crate::{Plan, compare, exchange, io};

/// `diff` of two files: exit status 0 when equal, 1 when not, 2 when one
/// cannot be read.
pub(super) fn diff_files(old: &Path, new: &Path) -> ExitCode {
    match (load(old), load(new)) {
        (Ok(a), Ok(b)) => diff(&a, &b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// `merge` of three files into `output`. Onto MINE is allowed, as `git
/// merge-file` does: it is the copy being brought up to date. BASE is what the
/// next section's merge needs, and THEIRS is what came back.
pub(super) fn merge_files(
    base: &std::path::PathBuf,
    mine: &Path,
    theirs: &std::path::PathBuf,
    output: &Path,
) -> Result<(), String> {
    let inputs = [(base, "送った版（共通の元）"), (theirs, "戻ってきた版")];
    not_onto(output, &inputs)?;
    let (base, mine, theirs) = (load(base)?, load(mine)?, load(theirs)?);
    merge(&base, &mine, &theirs, output)
}

/// Prints the changes from `old` to `new`; exit status 0 when there are none.
fn diff(old: &Plan, new: &Plan) -> ExitCode {
    let changes = compare::diff(old, new);
    if changes.is_empty() {
        say!("違いはありません。");
        return ExitCode::SUCCESS;
    }
    let names = compare::report::Names::new(old, new);
    say!("{}件の違いがあります。", changes.len());
    for change in &changes {
        say!("{}", compare::report::describe(change, &names));
    }
    ExitCode::from(1)
}

/// Merges `theirs` into `mine` from `base`; writes `output` only without conflicts.
pub(super) fn merge(base: &Plan, mine: &Plan, theirs: &Plan, output: &Path) -> Result<(), String> {
    let merge = compare::Merge::new(base, mine, theirs);
    if !merge.conflicts.is_empty() {
        let names = compare::report::Names::new(base, mine);
        let mut message = format!(
            "エラー: {}件の競合があるので、{} は書きませんでした。エディタの「取り込み…」で選んでください。",
            merge.conflicts.len(),
            output.display()
        );
        for conflict in &merge.conflicts {
            message.push('\n');
            message.push_str(&compare::report::describe_conflict(conflict, &names));
        }
        return Err(message);
    }
    let merged = merge.result(|_| compare::Side::Mine);
    io::save(output, &merged).map_err(|e| format!("エラー: {}: {e}", output.display()))?;
    say!(
        "取り込みました: {}（変更 {}件）",
        output.display(),
        merge.change_count()
    );
    Ok(())
}

/// Writes the copy of PLAN to send, keeping the version sent.
pub(super) fn send(plan_path: &Path, output: &Path) -> Result<(), String> {
    let plan = load(plan_path)?;
    let today = chrono::Local::now().date_naive();
    let (mark, kept) =
        exchange::send(&plan, plan_path, output, today).map_err(|e| format!("エラー: {e}"))?;
    say!(
        "送る写しを書き出しました: {}（送った印 {}、{}）",
        output.display(),
        mark.id,
        format_date(mark.date)
    );
    say!("送った版を残しました: {}", kept.display());
    Ok(())
}

/// Takes the returned copies into PLAN in turn, each merged from the version
/// it was sent as; writes OUT (PLAN when none) only when every copy merged
/// without a conflict.
pub(super) fn take(
    plan_path: &Path,
    copies: &[std::path::PathBuf],
    output: Option<&Path>,
    base: Option<&Path>,
) -> Result<(), String> {
    let output = output.unwrap_or(plan_path);
    for copy in copies {
        not_onto(output, &[(copy, "戻ってきた写し")])?;
    }
    if let Some(base) = base {
        not_onto(output, &[(&base.to_path_buf(), "送った版")])?;
    }
    let mut plan = load(plan_path)?;
    let given_base = base.map(load).transpose()?;
    let mut taken = Vec::new();
    for path in copies {
        let copy = load(path)?;
        if exchange::taken_before(&copy, plan_path) {
            say!(
                "{}: この写しはすでに取り込んであります。変更はありません。",
                path.display()
            );
            continue;
        }
        let base = match (exchange::base_of(&copy, plan_path), &given_base) {
            (Ok(base), _) => base,
            (Err(_), Some(base)) => base.clone(),
            (Err(why), None) => {
                return Err(format!(
                    "エラー: {}: {why}（--base 送った版.ron）。何も書いていません。",
                    path.display()
                ));
            }
        };
        let merge = compare::Merge::new(&base, &plan, &copy);
        if !merge.conflicts.is_empty() {
            let names = compare::report::Names::new(&base, &plan);
            let mut message = format!(
                "エラー: {}: {}件の競合があるので、何も書いていません。エディタの「取り込み…」で選んでください。",
                path.display(),
                merge.conflicts.len()
            );
            for conflict in &merge.conflicts {
                message.push('\n');
                message.push_str(&compare::report::describe_conflict(conflict, &names));
            }
            return Err(message);
        }
        let merged = merge.result(|_| compare::Side::Mine);
        let changes = compare::diff(&plan, &merged);
        say!("{}: 変更 {}件", path.display(), changes.len());
        let names = compare::report::Names::new(&plan, &merged);
        for change in &changes {
            for line in compare::report::describe(change, &names).lines() {
                say!("  {line}");
            }
        }
        plan = merged;
        taken.push(copy);
    }
    if taken.is_empty() {
        return Ok(());
    }
    io::save(output, &plan).map_err(|e| format!("エラー: {}: {e}", output.display()))?;
    // Noted as taken only when the plan itself took them: with -o, the plan
    // file has not changed, and taking the copies into it must still work.
    if io::same_file(output, plan_path) {
        for copy in &taken {
            exchange::note_taken(copy, plan_path).map_err(|e| format!("警告: {e}"))?;
        }
    }
    say!("取り込みました: {}", output.display());
    Ok(())
}
