//! Opening the editor window from the command line: on a file, or on the bundled
//! sample, with the comparison or the preview shown when asked.

use std::path::PathBuf;

use ward_plan::{Plan, io};

/// Opens the editor window on `file`, or on the bundled sample.
pub fn editor(
    file: Option<PathBuf>,
    compare_with: Option<PathBuf>,
    preview: bool,
) -> Result<(), String> {
    use ward_plan::app::{PlanApp, document::Document};
    let mut error = None;
    let doc = match file.clone() {
        Some(path) => match io::load(&path) {
            Ok(plan) => Document::opened(plan, path),
            Err(e) => {
                error = Some(format!("{} を開けませんでした。\n{e}", path.display()));
                Document::untitled(
                    Plan::new("", ward_plan::wareki::current_fiscal_year()),
                    "無題",
                )
            }
        },
        None => Document::untitled(
            io::parse(ward_plan::SAMPLE_RON.as_bytes()).map_err(|e| e.to_string())?,
            "見本 tsurumi-r4.ron",
        ),
    };
    let options = eframe::NativeOptions {
        viewport: {
            let viewport = eframe::egui::ViewportBuilder::default()
                .with_title("ward-plan 区運営方針エディタ")
                .with_inner_size([1360.0, 860.0]);
            // The window and taskbar icon (the installers carry their own copies).
            match eframe::icon_data::from_png_bytes(include_bytes!("../assets/icons/icon-256.png"))
            {
                Ok(icon) => viewport.with_icon(icon),
                Err(_) => viewport,
            }
        },
        ..Default::default()
    };
    let reopen = file.is_none();
    eframe::run_native(
        "ward-plan",
        options,
        Box::new(move |cc| {
            let mut app = PlanApp::new(cc, doc);
            // A software renderer (Mesa here, WARP over Remote Desktop) redraws the
            // whole window on the CPU for every blink of the cursor.
            let software = cc
                .wgpu_render_state
                .as_ref()
                .is_some_and(|r| r.adapter.get_info().device_type == eframe::wgpu::DeviceType::Cpu);
            if software {
                ward_plan::app::steady_cursor(&cc.egui_ctx);
            }
            if reopen {
                app.reopen_last();
            }
            app.set_recovery_dir(PlanApp::default_recovery_dir());
            if let Some(message) = error {
                app.show_message(message);
            }
            if preview {
                app.settings.show_preview = true;
            }
            if let Some(other) = compare_with {
                app.request(ward_plan::app::command::Command::CompareWith(other));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("ウィンドウを開けませんでした: {e}"))
}
