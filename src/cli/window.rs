//! Opening the editor window from the command line: on a file, or on the bundled
//! sample, with the comparison or the preview shown when asked.

use std::path::PathBuf;

/// Opens the editor window on `file`, or on the bundled sample.
pub fn editor(
    file: Option<PathBuf>,
    compare_with: Option<PathBuf>,
    preview: bool,
) -> Result<(), String> {
    let startup = crate::app::startup::Startup {
        file,
        compare_with,
        preview,
    };
    let options = eframe::NativeOptions {
        viewport: {
            let viewport = eframe::egui::ViewportBuilder::default()
                .with_title("ward-plan 区運営方針エディタ")
                .with_inner_size([1360.0, 860.0]);
            // The window and taskbar icon (the installers carry their own copies).
            match eframe::icon_data::from_png_bytes(include_bytes!(
                "../../assets/icons/icon-256.png"
            )) {
                Ok(icon) => viewport.with_icon(icon),
                Err(_) => viewport,
            }
        },
        ..Default::default()
    };
    eframe::run_native(
        "ward-plan",
        options,
        Box::new(move |cc| {
            let mut app = startup.app(cc);
            // A software renderer (Mesa here, WARP over Remote Desktop) redraws the
            // whole window on the CPU for every blink of the cursor.
            let software = cc
                .wgpu_render_state
                .as_ref()
                .is_some_and(|r| r.adapter.get_info().device_type == eframe::wgpu::DeviceType::Cpu);
            if software {
                crate::app::steady_cursor(&cc.egui_ctx);
            }
            app.set_recovery_dir(crate::app::PlanApp::default_recovery_dir());
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("ウィンドウを開けませんでした: {e}"))
}
