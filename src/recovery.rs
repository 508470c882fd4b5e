//! Recovery copies: while a plan has unsaved changes the editor writes it here every
//! minute, so a crash or power cut loses at most a minute of typing. The copy is an
//! ordinary plan file; a second file remembers which file it belongs to.

use std::fs;
use std::path::{Path, PathBuf};

use crate::io;
use crate::model::Plan;

const PLAN_FILE: &str = "recovery.ron";
const SOURCE_FILE: &str = "recovery-source.txt";

/// A recovery copy found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The unsaved plan.
    pub plan: Plan,
    /// The file it was being edited as, if it had one.
    pub original: Option<PathBuf>,
    /// When the copy was written (file time), for the question to the user.
    pub written: Option<std::time::SystemTime>,
}

/// Writes the recovery copy of `plan` (atomically, like any save).
pub fn write(dir: &Path, plan: &Plan, original: Option<&Path>) -> Result<(), io::SaveError> {
    fs::create_dir_all(dir)?;
    let source = original
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    io::write_atomic(&dir.join(SOURCE_FILE), source.as_bytes())?;
    io::write_atomic(&dir.join(PLAN_FILE), io::to_ron(plan)?.as_bytes())?;
    Ok(())
}

/// The recovery copy left in `dir`, if there is one that loads.
pub fn find(dir: &Path) -> Option<Recovered> {
    let path = dir.join(PLAN_FILE);
    let plan = io::load(&path).ok()?;
    let original = fs::read_to_string(dir.join(SOURCE_FILE))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .map(PathBuf::from);
    let written = fs::metadata(&path).and_then(|m| m.modified()).ok();
    Some(Recovered {
        plan,
        original,
        written,
    })
}

/// Removes the recovery copy: the work is saved or knowingly discarded.
pub fn clear(dir: &Path) {
    let _ = fs::remove_file(dir.join(PLAN_FILE));
    let _ = fs::remove_file(dir.join(SOURCE_FILE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_clear() {
        let dir = tempfile::tempdir().expect("tempdir");
        let recovery = dir.path().join("ward-plan");
        assert!(find(&recovery).is_none());
        let plan = crate::sample();
        write(&recovery, &plan, Some(Path::new("/office/鶴見区.ron"))).expect("write");
        let found = find(&recovery).expect("found");
        assert_eq!(found.plan, plan);
        assert_eq!(found.original, Some(PathBuf::from("/office/鶴見区.ron")));
        write(&recovery, &plan, None).expect("write again");
        assert_eq!(find(&recovery).expect("found").original, None);
        clear(&recovery);
        assert!(find(&recovery).is_none());
    }
}
