//! `gwlint init`: writes the commented template listing every key.

use std::path::Path;

use super::Status;
use crate::config::TEMPLATE;

pub(super) fn run(path: &Path, force: bool) -> Status {
    let path = if path.is_dir() {
        path.join("gwlint.toml")
    } else {
        path.to_path_buf()
    };
    if path.exists() && !force {
        eprintln!(
            "gwlint: {} 已存在，未改动（加 --force 覆盖）",
            path.display()
        );
        return Status::Error;
    }
    match std::fs::write(&path, TEMPLATE) {
        Ok(()) => {
            eprintln!("gwlint: 已写出 {}", path.display());
            Status::Clean
        }
        Err(e) => {
            eprintln!("gwlint: {}: 无法写入：{e}", path.display());
            Status::Error
        }
    }
}
