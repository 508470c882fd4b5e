//! Plan files in RON: reading with clear Japanese errors, writing atomically.
//!
//! Files are UTF-8, pretty-printed, with Japanese written as is (no `\u{..}`
//! escapes) and fields in the model's order, so saving an unchanged plan gives the
//! same bytes and two versions diff line by line. Files from Windows editors and mail
//! clients (a BOM, CRLF line ends) load as well.

use std::fs::{self, File};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use ron::error::{Error as RonError, SpannedError};
use serde::Deserialize;

use crate::model::fields::{self, Owner};
use crate::model::{FORMAT_VERSION, Plan};

/// Files larger than this are refused before reading: a plan is a few tens of KB.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a plan file could not be loaded. `Display` gives the Japanese message.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("ファイルを読み込めません: {0}")]
    Io(#[from] io::Error),
    /// Over [`MAX_FILE_BYTES`].
    #[error(
        "ファイルが大きすぎます（{size} バイト）。運営方針のファイルは 20 MB までです。別のファイルを選んでいませんか。"
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
    parse_noting(&bytes)
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

fn syntax_error(text: &str, e: SpannedError) -> LoadError {
    let message = if ends_early(text, &e) {
        "ファイルが途中で終わっています。ファイルの後半が欠けていないか確認してください。"
            .to_owned()
    } else {
        japanese_message(&e.code)
    };
    LoadError::Syntax {
        line: e.span.start.line,
        column: e.span.start.col,
        message,
        detail: e.code.to_string(),
    }
}

/// Whether a syntax error comes from the file stopping too early, whatever the
/// parser was expecting next: nothing but whitespace follows the error, or a string
/// opened at the error is never closed.
fn ends_early(text: &str, e: &SpannedError) -> bool {
    let semantic = matches!(
        e.code,
        RonError::MissingStructField { .. }
            | RonError::NoSuchStructField { .. }
            | RonError::DuplicateStructField { .. }
            | RonError::InvalidValueForType { .. }
            | RonError::NoSuchEnumVariant { .. }
            | RonError::Message(_)
    );
    if semantic {
        return false;
    }
    let after_end = rest_from(text, e.span.end.line, e.span.end.col);
    let after_start = rest_from(text, e.span.start.line, e.span.start.col);
    after_end.trim().is_empty()
        || (matches!(
            e.code,
            RonError::ExpectedStringEnd | RonError::ExpectedString
        ) && !after_start
            .trim_start()
            .get(1..)
            .unwrap_or("")
            .contains('"'))
}

/// The text from (line, column), both 1-based with the column in characters.
fn rest_from(text: &str, line: usize, column: usize) -> &str {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return "";
    };
    let start = line_text.as_ptr() as usize - text.as_ptr() as usize;
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    &text[start + within..]
}

/// The parser's error in words a member of staff can act on.
fn japanese_message(code: &RonError) -> String {
    match code {
        RonError::Eof => "ファイルが途中で終わっています。閉じ括弧 ) や ] が足りないか、ファイルの後半が欠けています。".to_owned(),
        RonError::ExpectedString | RonError::ExpectedStringEnd => {
            "ここには \"…\" で囲んだ文字列が必要です。".to_owned()
        }
        RonError::ExpectedInteger => "ここには整数（例: 28523）が必要です。".to_owned(),
        RonError::IntegerOutOfBounds => {
            "数が範囲外です。予算額や番号は 0 以上の整数で書きます。".to_owned()
        }
        RonError::InvalidIntegerDigit { .. } => "整数に使えない文字があります。".to_owned(),
        RonError::ExpectedBoolean => "ここには true か false が必要です。".to_owned(),
        RonError::ExpectedMapColon => "項目名の後のコロン : が足りません。".to_owned(),
        RonError::ExpectedComma => "項目の区切りのカンマ , が足りません。".to_owned(),
        RonError::ExpectedArray | RonError::ExpectedArrayEnd => {
            "ここには [ … ] で囲んだ一覧が必要です。".to_owned()
        }
        RonError::ExpectedStructLike
        | RonError::ExpectedNamedStructLike(_)
        | RonError::ExpectedStructLikeEnd => "ここには ( … ) で囲んだ項目のまとまりが必要です。".to_owned(),
        RonError::ExpectedDifferentStructName { expected, found } => format!(
            "「{found}」ではなく「{expected}」が必要です。"
        ),
        RonError::NoSuchStructField { found, outer, .. } => format!(
            "{}に「{found}」という項目はありません。綴りを確認してください。",
            outer_label(outer.as_deref())
        ),
        RonError::MissingStructField { field, outer } => format!(
            "{}に必須の項目「{field}」（{}）がありません。",
            outer_label(outer.as_deref()),
            field_label(field, outer.as_deref())
        ),
        RonError::DuplicateStructField { field, outer } => format!(
            "{}で項目「{field}」が二度書かれています。",
            outer_label(outer.as_deref())
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "「{found}」は使えません。使える値: {}",
            expected.join(", ")
        ),
        RonError::InvalidValueForType { expected, found } => {
            format!("値の種類が違います（必要: {expected}、実際: {found}）。")
        }
        RonError::ExpectedOption | RonError::ExpectedOptionEnd => {
            "ここには値か None が必要です。".to_owned()
        }
        RonError::UnclosedBlockComment | RonError::UnclosedLineComment => {
            "コメントが閉じられていません。".to_owned()
        }
        RonError::UnexpectedChar(c) => format!("ここに「{c}」は書けません。"),
        RonError::TrailingCharacters => {
            "データの終わりの後に余分な文字があります。".to_owned()
        }
        RonError::ExceededRecursionLimit => "入れ子が深すぎます。".to_owned(),
        RonError::InvalidEscape(_) => "文字列の \\ の使い方が正しくありません。".to_owned(),
        // chrono's date errors all speak of "input".
        RonError::Message(m) if m.contains("input") => {
            format!("日付が正しくありません（{m}）。日付は \"2023-06-09\" の形で書きます。")
        }
        RonError::Message(m) => format!("値が正しくありません: {m}"),
        RonError::ExpectedIdentifier | RonError::InvalidIdentifier(_) | RonError::SuggestRawIdentifier(_) => {
            "ここには項目名（例: title:）が必要です。項目名が消えているか、前の行の引用符 \" や括弧が足りないかもしれません。".to_owned()
        }
        RonError::ExpectedMap | RonError::ExpectedMapEnd => {
            "ここには { … } で囲んだまとまりが必要です。".to_owned()
        }
        RonError::ExpectedUnit => "ここには () が必要です。".to_owned(),
        RonError::ExpectedFloat | RonError::FloatUnderscore => {
            "ここには数（例: 12.5）が必要です。".to_owned()
        }
        RonError::ExpectedChar => "ここには ' ' で囲んだ一文字が必要です。".to_owned(),
        RonError::ExpectedDifferentLength { .. } => "値の個数が違います。".to_owned(),
        RonError::Utf8Error(_) => "文字コードが UTF-8 ではありません。".to_owned(),
        // The rest cannot come from a plan file's syntax (byte strings,
        // attributes, extensions); the position still says where to look.
        _ => "書式が正しくありません。この位置の前後の括弧・引用符・カンマを確かめてください。".to_owned(),
    }
}

/// The Japanese name of a part of the plan, for error messages.
fn outer_label(outer: Option<&str>) -> String {
    match outer {
        Some(name) => format!("{}（{name}）", struct_label(name)),
        None => "ファイル".to_owned(),
    }
}

fn struct_label(name: &str) -> &'static str {
    Owner::from_type_name(name).map_or("項目", Owner::label)
}

/// The Japanese name of a field of `outer`, for error messages: the form's label.
fn field_label(field: &str, outer: Option<&str>) -> &'static str {
    let owner = outer.and_then(Owner::from_type_name);
    fields::lookup(owner, field).map_or("項目", |f| f.label)
}

/// Why a plan could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, flushing or renaming failed; the previous file is untouched.
    #[error("保存できませんでした: {0}")]
    Io(#[from] io::Error),
    /// The plan could not be turned into RON (not expected for a valid plan).
    #[error("保存用の書式に変換できませんでした: {0}")]
    Format(#[from] ron::Error),
}

/// The plan as the text of a plan file.
pub fn to_ron(plan: &Plan) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .escape_strings(false)
        .indentor("    ");
    let mut text = ron::ser::to_string_pretty(plan, config)?;
    text.push('\n');
    Ok(text)
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
fn set_default_permissions(file: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_file: &File) -> io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable where the OS allows it (best effort).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
