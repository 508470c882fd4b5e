//! The command line against a hostile desk (issue 29): files the user may not
//! write, hard links, folders that are gone or locked, pages that hold no plan.
//! Permissions are what the OS says to a user who is not root: when the tests
//! run as root (CI, containers), the commands run as `nobody` through `setpriv`.
#![cfg(unix)]

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_ward-plan");
const SAMPLE: &str = "samples/tsurumi-r4.ron";

/// Runs `ward-plan args…` as a user who is not root.
fn run_as_user(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let mut command = if root {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            "--",
            BIN,
        ]);
        c
    } else {
        Command::new(BIN)
    };
    for arg in args {
        command.arg(arg);
    }
    command.output().expect("ward-plan runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder anyone may write in, holding a copy of the sample anyone may read.
fn desk() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let plan = dir.path().join("plan.ron");
    fs::copy(SAMPLE, &plan).expect("copy");
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o644)).expect("chmod");
    (dir, plan)
}

/// The names in `dir` that a failed write must not leave behind.
fn temporaries(dir: &Path) -> Vec<OsString> {
    fs::read_dir(dir)
        .expect("read_dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect()
}

/// A file the user may not write (mode 444, owned by someone else, in a folder
/// the user may write) is never replaced: the atomic rename would go around
/// its protection, as Word, LibreOffice and Vim do not.
#[test]
fn a_write_protected_destination_is_never_replaced() {
    let (dir, plan) = desk();
    let other = dir.path().join("other.ron");
    fs::copy(&plan, &other).expect("copy");
    fs::set_permissions(&other, fs::Permissions::from_mode(0o644)).expect("chmod");
    let protected = dir.path().join("protected");
    let before = b"someone else's file\n";
    let cases: Vec<Vec<&dyn AsRef<std::ffi::OsStr>>> = vec![
        vec![&"export", &plan, &"-o", &protected],
        vec![&"export", &plan, &"--summary", &"-o", &protected],
        vec![&"compare", &plan, &other, &"-o", &protected],
        vec![&"html", &plan, &"-o", &protected],
        vec![&"format", &plan, &"-o", &protected],
        vec![&"merge", &plan, &plan, &other, &"-o", &protected],
        vec![&"send", &plan, &"-o", &protected],
    ];
    for args in cases {
        fs::write(&protected, before).expect("write");
        fs::set_permissions(&protected, fs::Permissions::from_mode(0o444)).expect("chmod");
        let out = run_as_user(&args);
        let said = stderr(&out);
        let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_owned()).collect();
        assert_eq!(out.status.code(), Some(1), "{shown:?}: {said}");
        assert!(said.contains("書き込みが禁止"), "{shown:?}: {said}");
        assert_eq!(fs::read(&protected).expect("read"), before, "{shown:?}");
        assert!(temporaries(dir.path()).is_empty(), "{shown:?}");
        fs::remove_file(&protected).expect("rm");
    }

    // The plan file itself, write-protected: format in place is refused and
    // the file and its backup are as they were.
    let original = fs::read(&other).expect("read");
    fs::set_permissions(&other, fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run_as_user(&[&"format", &other]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("書き込みが禁止"), "{}", stderr(&out));
    assert_eq!(fs::read(&other).expect("read"), original);
}

/// A hard link of an input is the input (same device and inode), so writing
/// onto it is refused as writing onto the input's own name is.
#[test]
fn a_hard_link_of_an_input_is_the_input() {
    let (dir, plan) = desk();
    let link = dir.path().join("link.pdf");
    fs::hard_link(&plan, &link).expect("hard link");
    let sent = dir.path().join("sent.ron");
    fs::copy(&plan, &sent).expect("copy");
    let sent_link = dir.path().join("sent-link.ron");
    fs::hard_link(&sent, &sent_link).expect("hard link");
    let cases: Vec<Vec<&dyn AsRef<std::ffi::OsStr>>> = vec![
        vec![&"export", &plan, &"-o", &link],
        vec![&"html", &plan, &"-o", &link],
        vec![&"compare", &sent, &plan, &"-o", &link],
        vec![&"merge", &sent, &plan, &plan, &"-o", &sent_link],
    ];
    let plan_bytes = fs::read(&plan).expect("read");
    let sent_bytes = fs::read(&sent).expect("read");
    for args in cases {
        let out = run_as_user(&args);
        let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_owned()).collect();
        assert_eq!(out.status.code(), Some(1), "{shown:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("同じファイル"),
            "{shown:?}: {}",
            stderr(&out)
        );
        assert_eq!(fs::read(&plan).expect("read"), plan_bytes, "{shown:?}");
        assert_eq!(fs::read(&sent).expect("read"), sent_bytes, "{shown:?}");
    }
}

/// An output with a second name (a hard link the user made, not an input) is
/// replaced under the name given, atomically: the other name keeps the old
/// bytes, as Word and LibreOffice save, and no temporary file is left.
#[test]
fn a_hard_linked_output_is_replaced_under_the_name_given() {
    let (dir, plan) = desk();
    let out_pdf = dir.path().join("out.pdf");
    let second = dir.path().join("second.pdf");
    fs::write(&out_pdf, b"old").expect("write");
    fs::set_permissions(&out_pdf, fs::Permissions::from_mode(0o666)).expect("chmod");
    fs::hard_link(&out_pdf, &second).expect("hard link");
    let out = run_as_user(&[&"export", &plan, &"-o", &out_pdf]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read(&out_pdf).expect("read").starts_with(b"%PDF"));
    assert_eq!(fs::read(&second).expect("read"), b"old");
    assert!(temporaries(dir.path()).is_empty());
}

/// What the OS refuses is said in Japanese about the file the user named:
/// never "os error", never the temporary file's path.
#[test]
fn refusals_are_said_in_japanese_about_the_named_file() {
    let (dir, plan) = desk();
    // A destination that is a link into a folder that is gone.
    let dangling = dir.path().join("dangling.pdf");
    std::os::unix::fs::symlink(dir.path().join("gone/out.pdf"), &dangling).expect("symlink");
    // A folder the user may read but not write.
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).expect("mkdir");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).expect("chmod");
    let next = locked.join("next.ron");
    let folder = dir.path().to_owned();
    let pdf = locked.join("out.pdf");
    let cases: Vec<(Vec<&dyn AsRef<std::ffi::OsStr>>, &str)> = vec![
        (vec![&"export", &plan, &"-o", &dangling], "がありません"),
        (vec![&"next-year", &plan, &"-o", &dangling], "がありません"),
        (
            vec![&"export", &plan, &"-o", &pdf],
            "書き込みが許されていません",
        ),
        (
            vec![&"next-year", &plan, &"-o", &next],
            "書き込みが許されていません",
        ),
        (
            vec![&"format", &plan, &"-o", &next],
            "書き込みが許されていません",
        ),
        (
            vec![&"import", &folder, &"-o", &next],
            "通常のファイルではない",
        ),
    ];
    for (args, says) in cases {
        let out = run_as_user(&args);
        let said = stderr(&out);
        let shown: Vec<_> = args.iter().map(|a| a.as_ref().to_owned()).collect();
        assert_eq!(out.status.code(), Some(1), "{shown:?}: {said}");
        assert!(said.starts_with("エラー: "), "{shown:?}: {said}");
        assert!(said.contains(says), "{shown:?}: {said}");
        assert!(!said.contains("os error"), "{shown:?}: {said}");
        assert!(!said.contains(".ward-plan-"), "{shown:?}: {said}");
        assert!(!said.contains("Permission denied"), "{shown:?}: {said}");
    }
}

/// A file in which no part of a plan is found is not imported as an empty
/// plan: binary bytes, another document.
#[test]
fn a_page_without_a_plan_is_refused_naming_what_was_looked_for() {
    let (dir, _) = desk();
    let binary = dir.path().join("photo.txt");
    // Valid UTF-8 that is no text: what a binary read leniently looks like.
    let noise: String = (0..200_000u32)
        .map(|i| char::from_u32(0x21 + (i * 7919) % 0x5e).expect("ascii"))
        .collect();
    fs::write(&binary, noise).expect("write");
    let letter = dir.path().join("letter.txt");
    fs::write(
        &letter,
        "お知らせ\n\n区民まつりは10月1日に開きます。\n会場は区役所前の広場です。\n",
    )
    .expect("write");
    for page in [binary, letter] {
        let plan = dir.path().join("plan-from-page.ron");
        let out = run_as_user(&[&"import", &page, &"-o", &plan]);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{page:?}: {said}");
        assert!(
            said.contains("運営方針の部分が見つかりませんでした"),
            "{said}"
        );
        assert!(
            said.contains("経営課題"),
            "names what was looked for: {said}"
        );
        assert!(!plan.exists(), "nothing written");
    }
}
