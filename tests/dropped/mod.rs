//! A file dropped on the window, as the window tests drop it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The file at `path`, as egui hands a dropped file to the window.
pub fn dropped(path: PathBuf) -> Arc<dyn egui::DroppedFile + Send + Sync> {
    Arc::new(Dropped(path))
}
