//! The system clipboard from outside the window: `scripts/clipboard-check.sh`
//! runs the real window under Xvfb, puts text on the X clipboard with xclip,
//! pastes it with Ctrl+V, and reads back what Ctrl+C copied. kittest has a
//! clipboard of its own, so only a real window can tell. Skipped where Xvfb,
//! xdotool or xclip are not installed (the script says which).

#[cfg(target_os = "linux")]
#[test]
fn ctrl_v_and_ctrl_c_reach_other_programs() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/clipboard-check.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_ward-plan"))
        .env("CLIPBOARD_CHECK_DISPLAY", ":96")
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    match out.status.code() {
        Some(77) => eprintln!("{text}"),
        Some(0) => assert!(text.contains("clipboard check passed"), "{text}"),
        _ => panic!("{text}\n{}", String::from_utf8_lossy(&out.stderr)),
    }
}
