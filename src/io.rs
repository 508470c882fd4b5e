//! Plan files in RON: reading with clear Japanese errors, writing atomically.
//!
//! Files are UTF-8, pretty-printed, with Japanese written as is (no `\u{..}`
//! escapes) and fields in the model's order, so saving an unchanged plan gives the
//! same bytes and two versions diff line by line. Files from Windows editors and mail
//! clients (a BOM, CRLF line ends) load as well.

mod message;
mod write;

use std::fs::{self, File};
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{FORMAT_VERSION, Plan};
use message::syntax_error;
pub use write::{destination, same_file, write_atomic};

/// Files larger than this are refused before reading: a plan is a few tens of KB.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a plan file could not be loaded. `Display` gives the Japanese message.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("ファイルを読み込めません: {}", reason(.0))]
    Io(#[from] io::Error),
    /// Over [`MAX_FILE_BYTES`].
    #[error(
        "ファイルが大きすぎます（{size} バイト）。読み込めるのは 20 MB までです（運営方針のファイルは数十 KB、Webページも数 MB です）。別のファイルを選んでいませんか。"
    )]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
    },
    /// A folder, a device or a named pipe.
    #[error("通常のファイルではないので読みません（フォルダー・デバイス・名前付きパイプなど）。")]
    NotAFile,
    /// Nothing in the file (or only whitespace).
    #[error("ファイルが空です。")]
    Empty,
    /// Bytes that are not UTF-8, e.g. a file saved as Shift_JIS.
    #[error(
        "{line}行{column}列: 文字コードが UTF-8 ではありません。Shift_JIS などで保存し直されていないか確認してください。"
    )]
    NotUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
    },
    /// The file ends in the middle of a character: it was cut off.
    #[error("{line}行{column}列: ファイルが途中で切れています（最後の文字が欠けています）。")]
    Truncated {
        /// 1-based line where the file stops.
        line: usize,
        /// 1-based column where the file stops.
        column: usize,
    },
    /// Written by a newer ward-plan whose format this build does not know.
    #[error(
        "このファイルは新しい形式（バージョン {found}）で保存されています。このプログラムが読めるのはバージョン {supported} までです。ward-plan を更新してください。"
    )]
    NewerVersion {
        /// The version in the file.
        found: u32,
        /// [`FORMAT_VERSION`].
        supported: u32,
    },
    /// A control character (a NUL, an escape…) in the file: never text of a
    /// plan; tab and line ends are.
    #[error(
        "{line}行{column}列: 文字列の中に制御文字 (U+{code:04X}) があります。運営方針の文には使えないので、テキストエディタでその文字を消してから開いてください。"
    )]
    Control {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// The character's code point.
        code: u32,
    },
    /// Broken syntax, an unknown or missing field, or a value of the wrong type.
    #[error("{line}行{column}列: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong, in Japanese.
        message: String,
        /// The parser's own (English) message, for the command line.
        detail: String,
    },
}

impl LoadError {
    /// The line and column the error points at, when it points at one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column }
            | Self::Control { line, column, .. }
            | Self::Truncated { line, column }
            | Self::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// The parser's English message, for the command line.
    pub fn english(&self) -> Option<&str> {
        match self {
            Self::Syntax { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

/// Loads a plan file. Only a regular file is read: a named pipe would block
/// the program forever and a device would never end.
pub fn load(path: &Path) -> Result<Plan, LoadError> {
    load_noting(path).map(|(plan, _)| plan)
}

/// Parses the bytes of a plan file.
pub fn parse(bytes: &[u8]) -> Result<Plan, LoadError> {
    parse_noting(bytes).map(|(plan, _)| plan)
}

/// Loads a plan file, with what the reader should know about how it was read:
/// two items with the same identity (a block copied by hand), of which the
/// second was given a new one.
pub fn load_noting(path: &Path) -> Result<(Plan, Vec<String>), LoadError> {
    parse_noting(&read_capped(path)?)
}

/// The bytes of a file the user named as an input (a plan, a saved page): only
/// a regular file of at most [`MAX_FILE_BYTES`] is read. A named pipe would
/// block the program forever, a device would never end, and a folder is not a
/// file; each is refused with a message, never waited on.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, LoadError> {
    if !fs::metadata(path)?.is_file() {
        return Err(LoadError::NotAFile);
    }
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { size });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grows while we read.
    io::Read::by_ref(&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// [`parse`], with the notes of [`load_noting`].
pub fn parse_noting(bytes: &[u8]) -> Result<(Plan, Vec<String>), LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position_of(&bytes[..e.valid_up_to()]);
        if e.error_len().is_none() {
            // The bytes stop inside a character: the file was cut short.
            LoadError::Truncated { line, column }
        } else {
            LoadError::NotUtf8 { line, column }
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // Mail clients turn LF into CRLF; text fields must not keep the CR.
    let text = text.replace("\r\n", "\n");
    if let Some(at) = control_at(&text) {
        return Err(at);
    }

    // Look at the version first, so that a newer file is refused as newer rather
    // than for the fields this build does not know.
    if let Ok(probe) = ron::from_str::<VersionProbe>(&text)
        && probe.version > FORMAT_VERSION
    {
        return Err(LoadError::NewerVersion {
            found: probe.version,
            supported: FORMAT_VERSION,
        });
    }
    let mut plan = ron::from_str::<Plan>(&text).map_err(|e| syntax_error(&text, e))?;
    // Older files load into the current format; items without an identity (older
    // files, hand-written ones, blocks copied by hand) get one here, so that every
    // plan in the program has them and they are written on the first save.
    plan.version = FORMAT_VERSION;
    let duplicates = plan.ensure_ids();
    let names: std::collections::HashMap<crate::model::ItemPath, String> =
        crate::numbering::outline(&plan)
            .into_iter()
            .map(|item| {
                (
                    item.path,
                    format!("{}「{}」", item.name(), item.title().trim()),
                )
            })
            .collect();
    let name = |at| names.get(&at).cloned().unwrap_or_default();
    let notes = duplicates
        .into_iter()
        .map(|(kept, renewed)| {
            format!(
                "{}と{}の識別子 (id) が同じでした（ファイルの中で項目を写すと起こります）。\
                 先にある{}の識別子はそのままにし、{}に新しい識別子を付けました。保存するとこのまま書かれます。",
                name(kept),
                name(renewed),
                name(kept),
                name(renewed)
            )
        })
        .collect();
    // Text never holds carriage returns: a file's CRLF line ends were made LF
    // above, and a CR left inside a text (a CR CR LF, a pasted lone CR) would be
    // written raw and changed by the next load. Lone CRs, and Word's manual
    // line breaks, become line ends; a control character written as an escape
    // (\u{0}) is refused where it stands.
    let mut refused = false;
    plan.each_text_mut(&mut |text| {
        if let Some(clean) = crate::model::text::clean(text) {
            refused |= text
                .chars()
                .any(|c| !crate::model::text::is_allowed(c) && !crate::model::text::is_line_end(c));
            *text = clean;
        }
    });
    if refused {
        return Err(escaped_control_at(&text));
    }
    Ok((plan, notes))
}

/// The first control character of the file as it stands (tab and line ends
/// apart), as the error that names its place.
fn control_at(text: &str) -> Option<LoadError> {
    let at = text.find(|c: char| {
        !crate::model::text::is_allowed(c) && !crate::model::text::is_line_end(c)
    })?;
    let (line, column) = position_of(&text.as_bytes()[..at]);
    let code = text[at..].chars().next().map_or(0, u32::from);
    Some(LoadError::Control { line, column, code })
}

/// The place of a control character written as an escape inside a string
/// (`\u{0}`, `\x1b`, `\0`): the file parsed, but a text held one.
fn escaped_control_at(text: &str) -> LoadError {
    let mut rest = text;
    let mut offset = 0;
    while let Some(at) = rest.find('\\') {
        let after = &rest[at + 1..];
        let code = if let Some(hex) = after.strip_prefix("u{") {
            hex.split_once('}')
                .and_then(|(h, _)| u32::from_str_radix(h, 16).ok())
        } else if let Some(hex) = after.strip_prefix('x') {
            hex.get(..2).and_then(|h| u32::from_str_radix(h, 16).ok())
        } else if after.starts_with('0') {
            Some(0)
        } else {
            None
        };
        let control = code.and_then(char::from_u32).is_some_and(|c| {
            !crate::model::text::is_allowed(c) && !crate::model::text::is_line_end(c)
        });
        if let Some(code) = code.filter(|_| control) {
            let (line, column) = position_of(&text.as_bytes()[..offset + at]);
            return LoadError::Control { line, column, code };
        }
        // An escaped backslash is skipped whole.
        let skip = if after.starts_with('\\') { 2 } else { 1 };
        offset += at + skip;
        rest = &rest[at + skip..];
    }
    LoadError::Control {
        line: 1,
        column: 1,
        code: 0,
    }
}

/// Just the version of a plan file; every other field is skipped.
#[derive(Deserialize)]
#[serde(rename = "Plan")]
struct VersionProbe {
    version: u32,
}

/// Line and column (1-based, column in characters) just past `valid` UTF-8 bytes.
fn position_of(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Why a plan could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, flushing or renaming failed; the previous file is untouched.
    #[error("保存できませんでした: {}", reason(.0))]
    Io(#[from] io::Error),
    /// The plan could not be turned into RON (not expected for a valid plan).
    #[error("保存用の書式に変換できませんでした: {0}")]
    Format(#[from] ron::Error),
}

/// The plan as the text of a plan file: the same bytes on every system. ron's
/// pretty printer ends lines with CRLF when built for Windows, so a plan saved
/// there would differ from the same plan saved on a Mac; LF is set here.
pub fn to_ron(plan: &Plan) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ");
    let mut text = ron::ser::to_string_pretty(plan, config)?;
    text.push('\n');
    Ok(text)
}

/// Why the system refused a file operation, for the user: the usual kinds in
/// Japanese, any other as the system says it (without the paths of temporary
/// files). A message this program wrote itself is kept as it is.
pub fn reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let ours = e.get_ref().is_some_and(|inner| inner.is::<write::Said>());
    if ours || (e.kind() == K::Other && e.get_ref().is_some()) {
        return e.to_string();
    }
    match e.kind() {
        K::PermissionDenied => "書き込みや読み込みが許されていません".to_owned(),
        K::ReadOnlyFilesystem => "読み取り専用の場所なので書き込めません".to_owned(),
        K::NotFound => "見つかりません".to_owned(),
        K::StorageFull | K::QuotaExceeded => "ディスクがいっぱいです".to_owned(),
        K::AlreadyExists => "同じ名前のものがすでにあります".to_owned(),
        K::IsADirectory => "フォルダーです（ファイルを指定してください）".to_owned(),
        K::NotADirectory => "途中にフォルダーでないものがあります".to_owned(),
        K::InvalidFilename => "ファイル名に使えない文字があるか、長すぎます".to_owned(),
        K::FileTooLarge => "ファイルが大きすぎます".to_owned(),
        K::ResourceBusy | K::ExecutableFileBusy => "ほかのプログラムが使っています".to_owned(),
        K::TimedOut | K::NetworkDown | K::HostUnreachable | K::StaleNetworkFileHandle => {
            "ネットワークの場所に届きません".to_owned()
        }
        _ => match e.raw_os_error() {
            // The OS's own words without a temporary path a wrapper may add.
            Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
            None => e.to_string(),
        },
    }
}

/// The backup kept beside a plan file: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a plan atomically, keeping the previous version as `NAME.ron.bak`.
pub fn save(path: &Path, plan: &Plan) -> Result<(), SaveError> {
    let text = to_ron(plan)?;
    let target = destination(path)?;
    if target.exists() {
        // At most the size a plan may have: an endless file is never read whole.
        let mut previous = Vec::new();
        File::open(&target)?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut previous)?;
        if previous.len() as u64 > MAX_FILE_BYTES {
            return Err(SaveError::Io(io::Error::other(format!(
                "{} は 20 MB を超えているので、控え（.bak）を作れず、上書きしません。",
                target.display()
            ))));
        }
        write_atomic(&backup_path(path), &previous)?;
    }
    write_atomic(path, text.as_bytes())?;
    Ok(())
}
