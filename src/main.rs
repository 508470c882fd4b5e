//! `ward-plan`: the editor, and the commands (`check`, `export`, …) when one is given.
//!
//! On Windows this is a GUI program: started from Explorer, the Start menu or a
//! double-clicked `.ron`, it opens its window and no console window beside it
//! (closing that console used to close the editor with it). A GUI program's
//! output is not shown in a Command Prompt and the prompt does not wait for it,
//! so commands typed there go through `ward-plan-cli.exe`, the same program built
//! as a console one (`src/bin/ward-plan-cli.rs`). Elsewhere the attribute does
//! nothing and the two are the same.
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    ward_plan::cli::main()
}
