//! Writing files as other people's files: through symbolic links, never onto
//! a device or a folder, atomically (a temporary file renamed over the old
//! one, synced), with the permissions a new file would get.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Where writing to `path` lands: the file a symbolic link points to (followed
/// to the end), so that replacing it keeps the link — a plan kept as a link
/// into a shared folder stays one file. Refuses a destination that exists and
/// is not a regular file: a device, a named pipe or a folder is never replaced.
pub fn destination(path: &Path) -> io::Result<PathBuf> {
    let mut target = path.to_owned();
    for _ in 0..40 {
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&target)?;
                target = match target.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            Ok(meta) if !meta.is_file() => {
                return Err(io::Error::other(format!(
                    "{} は通常のファイルではないので、書き込みません（デバイス・名前付きパイプ・フォルダーなど）。",
                    path.display()
                )));
            }
            _ => return Ok(target),
        }
    }
    Err(io::Error::other(format!(
        "{} のリンクをたどりきれません（循環しています）。",
        path.display()
    )))
}

/// Whether `a` and `b` are the same file (through links): an output that would
/// overwrite an input the next step needs is refused.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to a temporary file in the target's folder, flushes it to disk and
/// renames it over the target, so a crash leaves either the old file or the new one,
/// never half of either. A symbolic link is written through (its target is
/// replaced, the link stays); a destination that is not a regular file is
/// refused (see [`destination`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = destination(path)?;
    let path = target.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".ward-plan-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    } else {
        set_default_permissions(tmp.as_file())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

#[cfg(unix)]
pub(super) fn set_default_permissions(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(super) fn set_default_permissions(_file: &File) -> io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable where the OS allows it (best effort).
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
