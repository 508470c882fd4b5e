//! Recovery copies: while a plan has unsaved changes the editor writes it here every
//! minute, so a crash or power cut loses at most a minute of typing. The copy is an
//! ordinary plan file; a second file remembers which file it belongs to.
//!
//! Each window has its own copy (two windows side by side, this year's plan and
//! last year's, are a common way to work): `<id>.ron`, `<id>-source.txt` and
//! `<id>.lock`, which the window holds locked while it runs. A copy whose lock
//! nobody holds is left by a window that crashed or was closed with unsaved
//! work: the next window to start offers it, holding its lock while it asks,
//! so no two windows offer (or remove) the same copy. Versions before per-window
//! copies wrote `recovery.ron`; it is read as the copy with id `recovery`.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::io;
use crate::model::Plan;

/// The id of the one copy that earlier versions wrote.
const LEGACY_ID: &str = "recovery";

/// A recovery copy found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    /// The unsaved plan.
    pub plan: Plan,
    /// The file it was being edited as, if it had one.
    pub original: Option<PathBuf>,
    /// When the copy was written (file time), for the question to the user.
    pub written: Option<SystemTime>,
}

/// One copy's three files in the recovery folder.
#[derive(Clone, Debug)]
struct Files {
    dir: PathBuf,
    id: String,
}

impl Files {
    fn plan(&self) -> PathBuf {
        self.dir.join(format!("{}.ron", self.id))
    }
    fn source(&self) -> PathBuf {
        self.dir.join(format!("{}-source.txt", self.id))
    }
    fn lock(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.id))
    }

    fn write(&self, plan: &Plan, original: Option<&Path>) -> Result<(), io::SaveError> {
        fs::create_dir_all(&self.dir)?;
        let source = original
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        io::write_atomic(&self.source(), source.as_bytes())?;
        io::write_atomic(&self.plan(), io::to_ron(plan)?.as_bytes())?;
        Ok(())
    }

    fn read(&self) -> Option<Recovered> {
        let path = self.plan();
        let plan = io::load(&path).ok()?;
        let original = fs::read_to_string(self.source())
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

    /// Removes the copy; the lock file stays for its holder to remove.
    fn clear(&self) {
        let _ = fs::remove_file(self.plan());
        let _ = fs::remove_file(self.source());
    }

    /// Opens (or makes) the lock file and takes its lock, if nobody holds it.
    fn try_lock(&self, create_new: bool) -> Option<File> {
        let file = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .create_new(create_new)
            .truncate(false)
            .open(self.lock())
            .ok()?;
        file.try_lock().ok()?;
        Some(file)
    }
}

/// This window's own recovery copy, and the lock that says the window runs.
#[derive(Debug)]
pub struct Slot {
    files: Files,
    lock: Option<File>,
}

impl Slot {
    /// Takes a new slot in `dir` for this window.
    pub fn claim(dir: &Path) -> std::io::Result<Slot> {
        use std::io::Write;
        fs::create_dir_all(dir)?;
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let files = Files {
            dir: dir.to_owned(),
            id: format!("{}-{nanos}", std::process::id()),
        };
        let mut lock = files
            .try_lock(true)
            .ok_or_else(|| std::io::Error::other("the lock file is taken"))?;
        // For a person looking in the folder: which process holds it.
        let _ = writeln!(lock, "{}", std::process::id());
        Ok(Slot {
            files,
            lock: Some(lock),
        })
    }

    /// Writes the copy of `plan` (atomically, like any save).
    pub fn write(&self, plan: &Plan, original: Option<&Path>) -> Result<(), io::SaveError> {
        self.files.write(plan, original)
    }

    /// Removes the copy: the work is saved or knowingly discarded.
    pub fn clear(&self) {
        self.files.clear();
    }
}

impl Drop for Slot {
    /// A window that closes with its copy removed leaves nothing; one that
    /// keeps a copy (unsaved work at exit) leaves its lock file unlocked, so
    /// the next window offers the copy.
    fn drop(&mut self) {
        drop(self.lock.take());
        if !self.files.plan().exists() {
            let _ = fs::remove_file(self.files.lock());
        }
    }
}

/// A copy that no running window owns, held (locked) while the user is asked.
#[derive(Debug)]
pub struct Orphan {
    files: Files,
    lock: Option<File>,
    /// What it holds.
    pub found: Recovered,
}

impl Orphan {
    /// Removes the copy and its lock: restored into a window, or discarded.
    pub fn discard(mut self) {
        self.files.clear();
        drop(self.lock.take());
        let _ = fs::remove_file(self.files.lock());
    }
}

/// The copies in `dir` that no running window owns and that load, oldest
/// first, each locked for this window until it is discarded or dropped.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    for files in listed(dir, ".lock") {
        remove_if_stale(&files);
    }
    let mut found: Vec<Orphan> = listed(dir, ".ron")
        .into_iter()
        .filter_map(|files| {
            // A running window holds its lock: its copy is not ours to offer.
            let lock = files.try_lock(false)?;
            let found = files.read()?;
            Some(Orphan {
                files,
                lock: Some(lock),
                found,
            })
        })
        .collect();
    found.sort_by(|a, b| (a.found.written, &a.files.id).cmp(&(b.found.written, &b.files.id)));
    found
}

/// The copies' files in `dir` whose names end in `suffix` (`.ron`, `.lock`).
fn listed(dir: &Path, suffix: &str) -> Vec<Files> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Some(Files {
                dir: dir.to_owned(),
                id: name.strip_suffix(suffix)?.to_owned(),
            })
        })
        .collect()
}

/// Removes a lock file without a copy, a day old and not held: left by a
/// window that crashed with nothing unsaved.
fn remove_if_stale(files: &Files) {
    let old = fs::metadata(files.lock())
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 24 * 60 * 60);
    if old && !files.plan().exists() && files.try_lock(false).is_some() {
        let _ = fs::remove_file(files.lock());
    }
}

/// Writes a copy as a window of an earlier version did (`recovery.ron`): what a
/// crash before an update leaves, and how tests leave one.
pub fn write(dir: &Path, plan: &Plan, original: Option<&Path>) -> Result<(), io::SaveError> {
    Files {
        dir: dir.to_owned(),
        id: LEGACY_ID.to_owned(),
    }
    .write(plan, original)
}

/// The newest copy in `dir` that loads, whoever owns it (for tests and tools).
pub fn find(dir: &Path) -> Option<Recovered> {
    listed(dir, ".ron")
        .iter()
        .filter_map(Files::read)
        .max_by_key(|r| r.written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_writes_finds_and_clears_its_copy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let recovery = dir.path().join("ward-plan");
        assert!(find(&recovery).is_none());
        let slot = Slot::claim(&recovery).expect("slot");
        let plan = crate::sample();
        slot.write(&plan, Some(Path::new("/office/鶴見区.ron")))
            .expect("write");
        let found = find(&recovery).expect("found");
        assert_eq!(found.plan, plan);
        assert_eq!(found.original, Some(PathBuf::from("/office/鶴見区.ron")));
        // Held by this running window: nobody else's to offer.
        assert!(orphans(&recovery).is_empty());
        slot.write(&plan, None).expect("write again");
        assert_eq!(find(&recovery).expect("found").original, None);
        slot.clear();
        assert!(find(&recovery).is_none());
        drop(slot);
        assert_eq!(fs::read_dir(&recovery).expect("folder").count(), 0);
    }

    #[test]
    fn a_copy_left_at_exit_is_offered_once_then_discarded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let slot = Slot::claim(dir.path()).expect("slot");
        slot.write(&crate::sample(), None).expect("write");
        drop(slot); // closed with unsaved work kept
        let mut first = orphans(dir.path());
        assert_eq!(first.len(), 1);
        // Another window starting now: the copy is being asked about.
        assert!(orphans(dir.path()).is_empty());
        first.remove(0).discard();
        assert!(find(dir.path()).is_none());
        assert_eq!(fs::read_dir(dir.path()).expect("folder").count(), 0);
    }
}
