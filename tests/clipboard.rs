//! The system clipboard from outside the window: `scripts/clipboard-check.sh`
//! runs the real window under Xvfb, puts text on the X clipboard with xclip,
//! pastes it with Ctrl+V (once as Word puts a line break, U+000B), saves the
//! plan through a link into a shared folder, and reads back what Ctrl+C copied. kittest has a
//! clipboard of its own, so only a real window can tell. Skipped where Xvfb,
//! xdotool or xclip are not installed (the script says which) — except under
//! `CI=true`, where `.ci/run` has installed them and a missing one fails.

#[cfg(target_os = "linux")]
#[test]
fn ctrl_v_and_ctrl_c_reach_other_programs() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/clipboard-check.sh");
    let run = || {
        std::process::Command::new("bash")
            .arg(script)
            .arg(env!("CARGO_BIN_EXE_ward-plan"))
            .output()
            .expect("bash runs")
    };
    // The script types with pauses between keys; on a machine busy with other
    // builds a key can land before the window has drawn its answer, so a failure
    // is tried once more before it counts.
    let mut out = run();
    if !matches!(out.status.code(), Some(0 | 77)) {
        out = run();
    }
    let text = String::from_utf8_lossy(&out.stdout);
    match out.status.code() {
        Some(77) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true, and the real-window check could not run:\n{text}")
        }
        Some(77) => eprintln!("{text}"),
        Some(0) => assert!(text.contains("clipboard check passed"), "{text}"),
        _ => panic!("{text}\n{}", String::from_utf8_lossy(&out.stderr)),
    }
}
