//! The command line as a user runs it.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_ward-plan");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/tsurumi-r4.ron");

#[test]
fn check_prints_the_summary() {
    let out = Command::new(BIN)
        .args(["check", SAMPLE])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("令和4年度 鶴見区運営方針"), "{text}");
    assert!(
        text.contains("経営課題: 5") && text.contains("具体的取組: 5"),
        "{text}"
    );
    assert!(text.contains("予算合計: 68,388千円"), "{text}");
    // The 表記 finding says where in its field, counted from 1 as read in the
    // file: the one 子ども of the sample's texts.
    let ron = std::fs::read_to_string(SAMPLE).expect("sample");
    let value = ron
        .lines()
        .find(|l| l.contains("子ども"))
        .and_then(|l| l.split_once('"'))
        .map(|(_, v)| v)
        .expect("a text with 子ども");
    let at = value[..value.find("子ども").expect("in it")]
        .chars()
        .count()
        + 1;
    let line = text
        .lines()
        .find(|l| l.contains("【2-1-2】の取組内容の「子ども」"))
        .expect("the finding");
    assert!(line.ends_with(&format!("［{at}文字目］")), "{line}");
}

/// The writing rules a 公用文 editor applies, as `check` prints them: the
/// formal noun 事 of 「受け付ける事が出来る」 (and its 出来る), none in 「事業」,
/// and a Kangxi radical pasted from a PDF, with the character it stands for.
#[test]
fn check_names_a_formal_noun_and_a_kangxi_radical() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let mut plan = ward_plan::Plan::new("北区", 2025);
    plan.mission = "申請は区役所で受け付ける事が出来る。事業の内容は別に定める。".to_owned();
    plan.policy = vec!["運営\u{2F45}針に沿って進める。".to_owned()];
    std::fs::write(&path, ward_plan::io::to_ron(&plan).expect("serializes")).expect("write");
    let out = Command::new(BIN)
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  - ")).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("「事」") && l.contains("（→「こと」）［13文字目］")),
        "{text}"
    );
    assert!(lines.iter().any(|l| l.contains("「出来る」")), "{text}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("「事」")).count(),
        1,
        "事業 is not named: {text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("U+2F45") && l.contains("（→「方」）")),
        "{text}"
    );
}

#[test]
fn check_fails_on_a_broken_file_with_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Plan(\n    version: 1,\n    fiscal_year: \"R4\",\n)").expect("write");
    let out = Command::new(BIN)
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("3行") && err.contains("列"), "{err}");
}

#[test]
fn export_writes_a_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("tsurumi.pdf");
    let out = Command::new(BIN)
        .args(["export", SAMPLE, "-o"])
        .arg(&pdf)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
}

/// Killing the program while it saves leaves the old file or the new one,
/// whole. The plan is large (the sample's issues forty times) and written with
/// two-space indents, so `format` really rewrites it (its output differs from
/// the input) and the save takes long enough to be killed inside; the kills
/// are spread from before the start to after the end, and both outcomes must
/// be seen. (A kill lands between a truncating write's calls only by luck, so
/// the in-place write is caught first, deterministically, by a hard link.)
#[test]
fn killing_a_save_never_leaves_a_half_written_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let mut plan = ward_plan::io::load(std::path::Path::new(SAMPLE)).expect("sample");
    let issues = plan.issues.clone();
    for _ in 0..40 {
        plan.issues.extend(issues.iter().cloned().map(|mut issue| {
            issue.id = ward_plan::model::ItemId::default();
            for s in &mut issue.strategies {
                s.id = ward_plan::model::ItemId::default();
                for i in &mut s.initiatives {
                    i.id = ward_plan::model::ItemId::default();
                }
            }
            issue
        }));
    }
    plan.ensure_ids();
    ward_plan::io::save(&path, &plan).expect("save");
    let formatted = std::fs::read(&path).expect("formatted");
    let original = String::from_utf8(formatted.clone())
        .expect("utf-8")
        .replace("    ", "  ")
        .into_bytes();
    assert!(original != formatted, "format must change the bytes");
    // The save writes a new file and renames it over the old one: a second
    // name of the old file (a hard link) keeps the old bytes, which a save that
    // truncated and rewrote the file in place would not.
    std::fs::write(&path, &original).expect("write");
    let second_name = dir.path().join("second-name.ron");
    std::fs::hard_link(&path, &second_name).expect("hard link");
    let out = Command::new(BIN)
        .arg("format")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(
        std::fs::read(&path).expect("saved") == formatted,
        "formatted"
    );
    assert!(
        std::fs::read(&second_name).expect("old") == original,
        "the old file was written into, not replaced"
    );
    // How long a whole run takes on this machine now: the kills are spread
    // over twice that, twenty steps, until both outcomes are seen (at most ten
    // sweeps, so a loaded machine does not make the test flaky).
    std::fs::write(&path, &original).expect("write");
    let started = std::time::Instant::now();
    let whole = Command::new(BIN)
        .arg("format")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(whole.status.success());
    let took = started.elapsed();
    let (mut old, mut new) = (0, 0);
    for i in 0..200u32 {
        if i >= 40 && old > 0 && new > 0 {
            break;
        }
        std::fs::write(&path, &original).expect("write");
        let mut child = Command::new(BIN)
            .arg("format")
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(took * 2 * (i % 20) / 20);
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&path).expect("plan still there");
        if now == original {
            old += 1;
        } else {
            assert!(
                now == formatted,
                "after kill {i}: neither old nor new, whole"
            );
            new += 1;
        }
    }
    assert!(old > 0 && new > 0, "kills before ({old}) and after ({new})");
}

#[test]
fn next_year_writes_a_new_plan_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("tsurumi-r5.ron");
    let run = || {
        Command::new(BIN)
            .args(["next-year", SAMPLE, "-o"])
            .arg(&out)
            .output()
            .expect("runs")
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("令和5年度 鶴見区運営方針"));
    let next = ward_plan::io::load(&out).expect("loads");
    assert_eq!(next.fiscal_year, 2023);
    assert!(next.revisions.is_empty() && next.page_date.is_none());
    assert_eq!(next.budget_total(), 68_388);
    assert_eq!(next.stage, ward_plan::model::Stage::Draft);
    let second = run();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("すでにあります"));
}

/// `--copy-evaluations` adds each initiative's 自己評価 to next year's
/// 前年度までの実績; without it nothing is copied.
#[test]
fn next_year_copies_evaluations_only_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let last = dir.path().join("r4.ron");
    let mut plan = ward_plan::io::load(std::path::Path::new(SAMPLE)).expect("sample");
    plan.issues[0].strategies[0].initiatives[0]
        .self_evaluation
        .comment = "見守り活動が広がった。".to_owned();
    ward_plan::io::save(&last, &plan).expect("save");
    for (flag, expected) in [
        (None, ""),
        (
            Some("--copy-evaluations"),
            "令和4年度: 見守り活動が広がった。",
        ),
    ] {
        let out = dir.path().join(format!("r5-{}.ron", flag.is_some()));
        let mut command = Command::new(BIN);
        command.arg("next-year").arg(&last).arg("-o").arg(&out);
        command.args(flag);
        assert!(command.output().expect("runs").status.success());
        let next = ward_plan::io::load(&out).expect("loads");
        assert_eq!(
            next.issues[0].strategies[0].initiatives[0].past_results,
            expected
        );
    }
}

/// Runs `ward-plan format FILE`, which must succeed.
fn format(path: &std::path::Path) -> String {
    let out = Command::new(BIN)
        .arg("format")
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(path).expect("formatted")
}

/// The ids of the file's items, by title, in file order.
fn ids_by_title(text: &str) -> Vec<(String, String)> {
    let plan = ward_plan::io::parse(text.as_bytes()).expect("loads");
    plan.parts()
        .into_iter()
        .map(|(_, part)| (part.title().to_owned(), part.id().to_string()))
        .collect()
}

#[test]
fn identities_are_written_kept_through_moves_and_stable_from_the_first_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.ron");
    // A file from before identities: version 1, no `id` lines.
    let old: String = std::fs::read_to_string(SAMPLE)
        .expect("sample")
        .replace("version: 2,", "version: 1,")
        .lines()
        .filter(|l| !l.trim_start().starts_with("id:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, &old).expect("write");

    let first = format(&path);
    let items = first.matches("Issue(").count()
        + first.matches("Strategy(").count()
        + first.matches("Initiative(").count();
    assert_eq!(items, 15);
    assert_eq!(first.matches(" id: \"").count(), items, "one id per item");
    assert!(first.starts_with("Plan(\n    version: 2,"));
    assert_eq!(format(&path), first, "stable from the first save on");

    // Move issue 1 after issue 2 by hand, as a text editor would, and format again.
    let start = first.find("        Issue(").expect("issue 1");
    let second = first[start + 1..].find("        Issue(").expect("issue 2") + start + 1;
    let third = first[second + 1..].find("        Issue(").expect("issue 3") + second + 1;
    let moved = format!(
        "{}{}{}{}",
        &first[..start],
        &first[second..third],
        &first[start..second],
        &first[third..]
    );
    std::fs::write(&path, &moved).expect("write");
    let after = format(&path);
    let mut before_ids = ids_by_title(&first);
    let mut after_ids = ids_by_title(&after);
    assert_ne!(before_ids, after_ids, "the order changed");
    before_ids.sort();
    after_ids.sort();
    assert_eq!(before_ids, after_ids, "every item kept its identity");
}

#[test]
fn the_bundled_revised_copy_differs_in_five_changes() {
    let revised = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/tsurumi-r4-revised.ron"
    );
    let out = Command::new(BIN)
        .args(["diff", SAMPLE, revised])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("5件の違いがあります。"), "{text}");
}

/// What `ward-plan check FILE` prints.
fn check_output(path: &std::path::Path) -> String {
    let out = Command::new(BIN)
        .arg("check")
        .arg(path)
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A budget typed in yen instead of 千円 (or with a slip of the finger) is
/// warned about, and a total too large to add up says so instead of printing a
/// wrong sum.
#[test]
fn check_warns_on_a_budget_no_ward_has() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("typo.ron");
    let mut plan = ward_plan::sample();
    plan.issues[1].strategies[0].initiatives[0].budget = Some(99_999_999_999_999);
    ward_plan::io::save(&path, &plan).expect("save");
    let text = check_output(&path);
    assert!(
        text.contains("具体的取組【2-1-2】の予算額が99,999,999,999,999千円です。単位は千円です"),
        "{text}"
    );
    assert!(!text.contains("警告: なし"), "{text}");

    plan.issues[0].strategies[0].initiatives[0].budget = Some(u64::MAX);
    ward_plan::io::save(&path, &plan).expect("save");
    let text = check_output(&path);
    assert!(
        text.contains("予算合計が大きすぎて計算できません"),
        "{text}"
    );
}

/// Runs `ward-plan` with `args`, giving it at most ten seconds: an output or
/// input that is endless must be refused, not read.
#[cfg(unix)]
fn run_briefly(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while child.try_wait().expect("waits").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("ward-plan {args:?} did not finish in 10 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// Outputs are other people's files: a plan kept as a symbolic link is saved
/// through the link (the link stays, its target changes); a device is never
/// replaced; an endless destination is refused, not read; an output onto an
/// input the next step needs is refused and nothing is written; a named pipe
/// given as input is refused instead of waited on.
#[cfg(unix)]
#[test]
fn outputs_never_replace_a_link_a_device_or_an_input() {
    use std::ffi::OsStr;
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    // Not in the standard layout, so format changes the bytes.
    let sample = std::fs::read_to_string(SAMPLE).expect("sample");
    std::fs::write(&real, sample.replace("    ward: ", "  ward: ")).expect("write");
    std::os::unix::fs::symlink("real.ron", &link).expect("symlink");
    let out = Command::new(BIN)
        .arg("format")
        .arg(&link)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).expect("target"), sample);

    let out = run_briefly(&[
        OsStr::new("export"),
        real.as_os_str(),
        OsStr::new("-o"),
        OsStr::new("/dev/null"),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("通常のファイルではない"));
    let null = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(null.file_type().is_char_device(), "the device is as it was");

    let zero = OsStr::new("/dev/zero");
    let r = real.as_os_str();
    let out = run_briefly(&[OsStr::new("merge"), r, r, r, OsStr::new("-o"), zero]);
    assert!(!out.status.success());

    let base = dir.path().join("base.ron");
    std::fs::write(&base, &sample).expect("base");
    let before = std::fs::read(&base).expect("base");
    let out = run_briefly(&[
        OsStr::new("merge"),
        base.as_os_str(),
        r,
        r,
        OsStr::new("-o"),
        base.as_os_str(),
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("送った版"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&base).expect("base"),
        before,
        "nothing written"
    );
    assert!(!dir.path().join("base.ron.bak").exists());

    let fifo = dir.path().join("pipe.ron");
    if Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        // `import` reads its page as `check` reads a plan: refused at once.
        let imported = dir.path().join("imported.ron");
        for args in [
            vec![OsStr::new("check"), fifo.as_os_str()],
            vec![
                OsStr::new("import"),
                fifo.as_os_str(),
                OsStr::new("-o"),
                imported.as_os_str(),
            ],
        ] {
            let out = run_briefly(&args);
            assert!(!out.status.success(), "{args:?}");
            let text = String::from_utf8_lossy(&out.stderr);
            assert!(text.contains("通常のファイルではない"), "{args:?}: {text}");
        }
        assert!(!imported.exists(), "nothing imported");
    }
}

/// A page to import is read as a plan file is: a folder is refused in Japanese
/// (not the OS's "Is a directory"), and a file over 20 MB is not read.
#[test]
fn import_refuses_a_folder_and_a_huge_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(ward_plan::io::MAX_FILE_BYTES + 1))
        .expect("a sparse 20 MB file");
    for (page, says) in [
        (dir.path().to_owned(), "通常のファイルではない"),
        (huge, "大きすぎます"),
    ] {
        let plan = dir.path().join("plan.ron");
        let out = Command::new(BIN)
            .arg("import")
            .arg(&page)
            .arg("-o")
            .arg(&plan)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{page:?}");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.contains(says), "{page:?}: {text}");
        assert!(!plan.exists(), "nothing written");
    }
}

/// Two items with one identity (a block copied by hand in a text editor): the
/// first in the document keeps it, the second gets a new one, and `check` says
/// so naming both.
#[test]
fn check_names_both_items_of_a_duplicated_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dup.ron");
    let sample = std::fs::read_to_string(SAMPLE).expect("sample");
    let plan = ward_plan::io::parse(sample.as_bytes()).expect("sample");
    let (first, second) = (
        plan.issues[0].strategies[0].id.to_string(),
        plan.issues[1].strategies[0].id.to_string(),
    );
    std::fs::write(&path, sample.replace(&second, &first)).expect("write");
    let text = check_output(&path);
    assert!(text.contains("読み込み時の注意: 1件"), "{text}");
    assert!(
        text.contains("戦略【1-1】「地域共生社会の実現」と戦略【2-1】「安心して子育てできる環境づくり」の識別子 (id) が同じでした"),
        "{text}"
    );
    assert!(
        text.contains("戦略【2-1】「安心して子育てできる環境づくり」に新しい識別子を付けました"),
        "{text}"
    );
    let loaded = ward_plan::io::load(&path).expect("loads");
    assert_eq!(
        loaded.issues[0].strategies[0].id.to_string(),
        first,
        "the first keeps it"
    );
    assert_ne!(loaded.issues[1].strategies[0].id.to_string(), first);
}

/// `html -o -` writes the page to standard output, not to a file named "-".
#[test]
fn html_to_standard_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["html", SAMPLE, "-o", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("<!DOCTYPE html>") && text.contains("鶴見区"),
        "{text}"
    );
    assert!(!dir.path().join("-").exists());
}

/// `format FILE -o -` prints the file in the standard layout and changes
/// nothing on disk; `-o OUT` writes there and leaves FILE as it was.
#[test]
fn format_to_standard_output_or_another_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let messy = dir.path().join("messy.ron");
    let original = std::fs::read_to_string(SAMPLE).expect("sample");
    let indented = original.replace("    ", "  ");
    std::fs::write(&messy, &indented).expect("write");
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .arg("format")
        .arg(&messy)
        .args(["-o", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), original);
    assert_eq!(std::fs::read_to_string(&messy).expect("read"), indented);
    assert!(!dir.path().join("-").exists());
    let tidy = dir.path().join("tidy.ron");
    let out = Command::new(BIN)
        .arg("format")
        .arg(&messy)
        .arg("-o")
        .arg(&tidy)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&tidy).expect("tidy"), original);
    assert_eq!(std::fs::read_to_string(&messy).expect("read"), indented);
}

/// `ward-plan-cli` is the same program as `ward-plan` (on Windows the console
/// one, for commands typed in a Command Prompt): the same output and exit codes.
#[test]
fn the_console_twin_runs_the_same_commands() {
    const CLI: &str = env!("CARGO_BIN_EXE_ward-plan-cli");
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Plan(\n    version: 2,\n    year: ,\n").expect("writes");
    for args in [
        vec!["check".as_ref(), SAMPLE.as_ref()],
        vec!["check".as_ref(), broken.as_os_str()],
        vec!["diff".as_ref(), SAMPLE.as_ref(), SAMPLE.as_ref()],
    ] {
        let editor = Command::new(BIN).args(&args).output().expect("runs");
        let twin = Command::new(CLI).args(&args).output().expect("runs");
        assert_eq!(twin.status.code(), editor.status.code(), "{args:?}");
        assert_eq!(twin.stdout, editor.stdout, "{args:?}");
        assert_eq!(twin.stderr, editor.stderr, "{args:?}");
    }
    let broken = Command::new(CLI)
        .args(["check".as_ref(), broken.as_os_str()])
        .output()
        .expect("runs");
    assert_eq!(broken.status.code(), Some(1));
    let text = String::from_utf8_lossy(&broken.stderr);
    assert!(text.contains("3行") && text.contains("列"), "{text}");
}

/// On Windows the editor is a GUI program (Explorer and the Start menu open no
/// console window beside it) and `ward-plan-cli.exe` a console one (a Command
/// Prompt waits for it and shows what it prints). Read from the executables'
/// PE headers: the optional header's Subsystem field, 2 for GUI, 3 for console.
#[cfg(windows)]
#[test]
fn the_editor_is_a_gui_program_and_its_twin_a_console_one() {
    fn subsystem(exe: &str) -> u16 {
        let bytes = std::fs::read(exe).expect("reads the exe");
        let word = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        let pe = u32::from_le_bytes(bytes[0x3c..0x40].try_into().expect("4 bytes")) as usize;
        assert_eq!(&bytes[pe..pe + 4], b"PE\0\0", "{exe}");
        // COFF header (20 bytes) after the signature, then the optional header.
        word(pe + 4 + 20 + 68)
    }
    assert_eq!(subsystem(BIN), 2, "ward-plan.exe: Windows GUI");
    assert_eq!(
        subsystem(env!("CARGO_BIN_EXE_ward-plan-cli")),
        3,
        "ward-plan-cli.exe: console"
    );
}
