//! Writing files as other people's files: through symbolic links, never onto
//! a device or a folder, never over a file the user may not write, atomically
//! (a temporary file renamed over the old one, synced), with the permissions a
//! new file would get. Every failure is said in Japanese about the file the
//! user named, never the temporary one.

use std::fs::{self, File, OpenOptions};
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

/// Whether `a` and `b` are the same file: the same device and file number
/// (inode on Unix, file index on Windows), so a symbolic link and a hard link
/// of an input are both the input. An output that would overwrite an input the
/// next step needs is refused.
pub fn same_file(a: &Path, b: &Path) -> bool {
    same_file::is_same_file(a, b).unwrap_or(false)
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one, never half of either: a temporary file in the target's folder,
/// flushed to disk and renamed over the target. A symbolic link is written
/// through (its target is replaced, the link stays). A file with other hard
/// links is replaced under the name given, and its other names keep the old
/// bytes, as Word and LibreOffice save (writing in place would give up the
/// never-half rule). Refused: a destination that is not a regular file (see
/// [`destination`]) and a file the user may not write — the rename would go
/// around its protection.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = destination(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = match fs::metadata(&target) {
        Ok(meta) => {
            // Opening for writing (without truncating) asks the OS the question
            // it would ask an editor: mode bits, owner, ACLs, the read-only
            // attribute, a file another program holds locked.
            if let Err(e) = OpenOptions::new().write(true).open(&target) {
                return Err(refused_file(&e));
            }
            Some(meta)
        }
        Err(_) => None,
    };
    let folder_error = |e: io::Error| in_folder(&dir, &e);
    let mut tmp = tempfile::Builder::new()
        .prefix(".ward-plan-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(folder_error)?;
    tmp.write_all(bytes).map_err(folder_error)?;
    tmp.as_file().sync_all().map_err(folder_error)?;
    if let Some(meta) = &existing {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(folder_error)?;
    } else {
        set_default_permissions(tmp.as_file()).map_err(folder_error)?;
    }
    tmp.persist(&target).map_err(|e| refused_file(&e.error))?;
    sync_dir(&dir);
    Ok(())
}

/// Why the file itself could not be written, in Japanese, keeping the kind.
fn refused_file(e: &io::Error) -> io::Error {
    let message = match e.kind() {
        io::ErrorKind::PermissionDenied => {
            "書き込みが禁止されたファイルです（読み取り専用か、ほかの人のファイル）。上書きしません。別の名前を指定するか、ファイルのプロパティで書き込みを許してください。"
                .to_owned()
        }
        _ if is_locked(e) => {
            "ほかのプログラムがこのファイルを開いています。そのプログラムで閉じてから、もう一度書き出してください。"
                .to_owned()
        }
        _ => format!("{}。", super::reason(e)),
    };
    said(e.kind(), message)
}

/// Why nothing could be written in `dir` (the temporary file lives there).
fn in_folder(dir: &Path, e: &io::Error) -> io::Error {
    let message = match e.kind() {
        io::ErrorKind::NotFound => format!(
            "置き場所のフォルダー {} がありません（リンク先やネットワークのフォルダーが消えていませんか）。",
            dir.display()
        ),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => format!(
            "フォルダー {} には書き込みが許されていません。書き込めるフォルダーを指定してください。",
            dir.display()
        ),
        _ => format!("{}（フォルダー {}）。", super::reason(e), dir.display()),
    };
    said(e.kind(), message)
}

/// A message this program wrote for the user, kept with the OS's kind so a
/// caller can still tell a refusal from a missing folder.
#[derive(Debug)]
pub(crate) struct Said(pub String);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Said {}

fn said(kind: io::ErrorKind, message: String) -> io::Error {
    io::Error::new(kind, Said(message))
}

/// A sharing violation or lock (Windows: a PDF open in a viewer).
fn is_locked(e: &io::Error) -> bool {
    // ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
    cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33))
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
