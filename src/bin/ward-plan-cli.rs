//! `ward-plan-cli`: the same program as `ward-plan`, built as a console program so
//! that a command typed in a Windows Command Prompt or PowerShell
//! (`ward-plan-cli check 計画.ron`) prints there and the prompt waits for its exit
//! code. `ward-plan.exe` is a GUI program on Windows (no console window beside the
//! editor), and a GUI program's output is lost in a console. On Linux and macOS the
//! two are the same.

fn main() -> std::process::ExitCode {
    ward_plan::cli::main()
}
