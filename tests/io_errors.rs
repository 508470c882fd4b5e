//! Every kind of bad input gives a clear Japanese message, with line and column
//! where there is one, and never a panic.

use std::path::Path;

use ward_plan::io::{self, LoadError};

const SAMPLE: &str = include_str!("../samples/tsurumi-r4.ron");

fn parse_err(text: &str) -> LoadError {
    io::parse(text.as_bytes()).expect_err("should be refused")
}

#[test]
fn truncated_mid_character_names_the_place() {
    let bytes = SAMPLE.as_bytes();
    // Cut inside a three-byte character.
    let cut = (1000..)
        .find(|&i| !SAMPLE.is_char_boundary(i))
        .expect("a cut");
    let err = io::parse(&bytes[..cut]).expect_err("refused");
    assert!(matches!(err, LoadError::Truncated { .. }), "{err:?}");
    assert!(err.position().is_some());
    assert!(err.to_string().contains("途中で切れて"), "{err}");
}

#[test]
fn truncated_at_every_line_is_refused_with_a_position() {
    let ends: Vec<usize> = SAMPLE.match_indices('\n').map(|(i, _)| i).collect();
    for &end in &ends[..ends.len() - 2] {
        let err = parse_err(&SAMPLE[..end]);
        let (line, column) = err.position().unwrap_or_else(|| panic!("{err:?}"));
        assert!(line >= 1 && column >= 1);
        assert!(err.to_string().contains("行"), "{err}");
    }
}

#[test]
fn truncated_between_fields_says_the_file_ends_early() {
    let half = SAMPLE.len() / 2;
    let cut = (half..)
        .find(|&i| SAMPLE.is_char_boundary(i))
        .expect("a cut");
    let err = parse_err(&SAMPLE[..cut]);
    assert!(err.to_string().contains("途中で終わって"), "{err}");
}

#[test]
fn wrong_type_gives_line_and_column() {
    let text = SAMPLE.replace("budget: 28523", "budget: \"28,523\"");
    let err = parse_err(&text);
    let line = text
        .lines()
        .position(|l| l.contains("budget: \"28,523\""))
        .expect("edited line")
        + 1;
    assert_eq!(err.position().map(|p| p.0), Some(line));
    assert!(err.to_string().contains("整数"), "{err}");
    assert!(err.to_string().starts_with(&format!("{line}行")), "{err}");
}

#[test]
fn newer_version_is_refused_naming_both_versions() {
    let text = SAMPLE.replace(
        "version: 2,",
        "version: 7,\n    a_field_from_the_future: true,",
    );
    let err = parse_err(&text);
    assert!(
        matches!(
            err,
            LoadError::NewerVersion {
                found: 7,
                supported: 2
            }
        ),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("バージョン 7") && message.contains("バージョン 2"),
        "{message}"
    );
}

#[test]
fn unknown_field_is_named() {
    let err = parse_err(&SAMPLE.replace("    goal:", "    gaol:"));
    assert_eq!(err.position(), Some((13, 5)));
    assert!(err.to_string().contains("「gaol」"), "{err}");
}

#[test]
fn missing_required_field_is_named_in_japanese() {
    let text: String = SAMPLE
        .lines()
        .filter(|l| !l.starts_with("    mission:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let err = parse_err(&text);
    assert!(err.to_string().contains("「mission」（区の使命）"), "{err}");
    assert!(err.position().is_some());
}

#[test]
fn missing_optional_fields_default() {
    let plan = io::parse(
        "(version: 1, fiscal_year: 2024, ward: \"北区\", goal: \"g\", mission: \"m\", policy: [])"
            .as_bytes(),
    )
    .expect("minimal plan loads");
    assert!(plan.issues.is_empty() && plan.contact.is_empty() && plan.page_date.is_none());
}

#[test]
fn syntax_error_gives_position() {
    let err = parse_err(&SAMPLE.replacen("ward: \"鶴見区\",", "ward: \"鶴見区\" ,,", 1));
    assert_eq!(err.position().map(|p| p.0), Some(4));
}

/// A comma missing at the end of a line is reported on that line, after its last
/// character, not at the start of the next line where the parser noticed it.
#[test]
fn a_missing_comma_is_placed_where_it_is_missing() {
    let (line_no, line) = SAMPLE
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("ward: "))
        .expect("the ward line");
    let broken = SAMPLE.replacen(line, line.trim_end_matches(','), 1);
    let err = parse_err(&broken);
    assert!(err.to_string().contains("カンマ"), "{err}");
    assert_eq!(
        err.position(),
        Some((line_no + 1, line.trim_end_matches(',').chars().count() + 1)),
        "{err}"
    );
}

#[test]
fn bad_date_and_bad_enum_are_explained() {
    let err = parse_err(&SAMPLE.replacen("\"2023-06-09\"", "\"2023-13-09\"", 1));
    assert!(err.to_string().contains("日付"), "{err}");
    // `stage` is an enum field of the plan: an unknown variant is named, with
    // the values that are allowed and the place.
    let err = parse_err(&SAMPLE.replacen("Plan(\n", "Plan(\n    stage: Maybe,\n", 1));
    assert_eq!(err.position(), Some((2, 12)), "{err}");
    let message = err.to_string();
    assert!(message.contains("「Maybe」は使えません"), "{message}");
    assert!(
        message.contains("使える値: Draft, Proposal, Adopted"),
        "{message}"
    );
}

#[test]
fn negative_budget_is_out_of_range() {
    let err = parse_err(&SAMPLE.replace("budget: 28523", "budget: -5"));
    assert!(err.to_string().contains("0 以上"), "{err}");
}

#[test]
fn bom_and_crlf_load_like_the_original() {
    let original = io::parse(SAMPLE.as_bytes()).expect("sample");
    let windows = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
    let loaded = io::parse(windows.as_bytes()).expect("BOM + CRLF loads");
    assert_eq!(loaded, original);
}

#[test]
fn shift_jis_is_refused_with_position() {
    // 「鶴見区」 in Shift_JIS, inside an otherwise valid line 4.
    let mut bytes = b"Plan(\n    version: 1,\n    fiscal_year: 2022,\n    ward: \"".to_vec();
    bytes.extend_from_slice(&[0x92, 0xdf, 0x8c, 0xa9, 0x8b, 0xe6]);
    bytes.extend_from_slice(b"\",\n)");
    let err = io::parse(&bytes).expect_err("refused");
    assert!(
        matches!(
            err,
            LoadError::NotUtf8 {
                line: 4,
                column: 12
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("UTF-8"));
}

#[test]
fn empty_and_blank_files_are_refused() {
    assert!(matches!(parse_err(""), LoadError::Empty));
    assert!(matches!(parse_err(" \r\n\t\n"), LoadError::Empty));
    assert!(matches!(parse_err("\u{feff}"), LoadError::Empty));
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(io::MAX_FILE_BYTES + 1).expect("sparse file");
    let err = io::load(&path).expect_err("refused");
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().contains("20 MB"));
}

#[test]
fn missing_file_is_an_io_error() {
    let err = io::load(Path::new("/nonexistent/plan.ron")).expect_err("refused");
    assert!(matches!(err, LoadError::Io(_)));
    assert!(err.to_string().contains("読み込めません"));
}

#[test]
fn deep_nesting_and_garbage_do_not_panic() {
    for text in [
        "[".repeat(100_000),
        "(".repeat(10_000),
        "Plan(version: 1, fiscal_year: 99999999999999999999)".to_owned(),
        "\u{0}\u{1}\u{2}".to_owned(),
        "r#####\"".to_owned(),
        "Plan(version: 1,".to_owned(),
    ] {
        let _ = io::parse(text.as_bytes()).expect_err("refused");
    }
}

#[test]
fn save_is_atomic_and_keeps_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let mut plan = io::parse(SAMPLE.as_bytes()).expect("sample");
    io::save(&path, &plan).expect("first save");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), SAMPLE);
    assert!(
        !io::backup_path(&path).exists(),
        "no backup before a previous version"
    );

    plan.goal = "新しい目標".to_owned();
    io::save(&path, &plan).expect("second save");
    assert_eq!(io::load(&path).expect("reload"), plan);
    let backup = io::backup_path(&path);
    assert!(backup.ends_with("plan.ron.bak"));
    assert_eq!(std::fs::read_to_string(&backup).expect("backup"), SAMPLE);

    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
}

#[test]
fn save_into_a_missing_folder_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("no-such-folder").join("plan.ron");
    let plan = io::parse(SAMPLE.as_bytes()).expect("sample");
    let err = io::save(&path, &plan).expect_err("cannot save");
    assert!(err.to_string().contains("保存できませんでした"));
    assert!(!path.exists());
}

/// A field whose name was deleted (a slip in a text editor) is explained in
/// Japanese: what is missing and what to look at, not the parser's English.
#[test]
fn a_missing_field_name_is_explained_in_japanese() {
    let broken = SAMPLE.replacen("    ward: \"鶴見区\",", "    \"鶴見区\",", 1);
    assert_ne!(broken, SAMPLE);
    let err = parse_err(&broken);
    let message = err.to_string();
    assert!(message.contains("項目名"), "{message}");
    assert!(err.position().is_some(), "{err:?}");
    assert!(
        !message.to_lowercase().contains("expected"),
        "the parser's English stays out of the message: {message}"
    );
    assert!(err.english().is_some(), "the command line still has it");
}

/// A control character in a text — raw, or written as an escape — is refused
/// with its line and column; Word's manual line break (U+000B) and a lone CR
/// are line ends.
#[test]
fn control_characters_are_refused_where_they_stand() {
    let raw = SAMPLE.replacen("ward: \"鶴見区\"", "ward: \"鶴見\u{0}区\"", 1);
    let err = parse_err(&raw);
    assert_eq!(err.position(), Some((4, 14)), "{err}");
    assert!(err.to_string().contains("制御文字 (U+0000)"), "{err}");
    let escaped = SAMPLE.replacen("ward: \"鶴見区\"", "ward: \"鶴見\\u{1b}区\"", 1);
    let err = parse_err(&escaped);
    assert_eq!(err.position(), Some((4, 14)), "{err}");
    assert!(err.to_string().contains("U+001B"), "{err}");
    // An escaped backslash before a u is text, not an escape.
    let backslash = SAMPLE.replacen("ward: \"鶴見区\"", "ward: \"鶴見\\\\u{1b}区\"", 1);
    assert_eq!(
        io::parse(backslash.as_bytes()).expect("loads").ward,
        "鶴見\\u{1b}区"
    );
    let word = SAMPLE.replacen("ward: \"鶴見区\"", "ward: \"鶴見\u{b}区\r東\"", 1);
    assert_eq!(
        io::parse(word.as_bytes()).expect("loads").ward,
        "鶴見\n区\n東"
    );
}
