//! `gwlint init`: writes the commented template listing every key.

use std::io::Write as _;
use std::path::Path;

use super::Status;
use crate::config::TEMPLATE;

pub(super) fn run(path: &Path, force: bool) -> Status {
    let path = if path.is_dir() {
        path.join("gwlint.toml")
    } else {
        path.to_path_buf()
    };
    // Not `exists()`, which follows a link: a link, even one to nothing, is never
    // written through (it could point anywhere).
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            eprintln!(
                "gwlint: {} 是符号链接，未改动（不经链接写入）；请删去链接或另选路径",
                path.display()
            );
            return Status::Error;
        }
        Ok(_) if !force => {
            eprintln!(
                "gwlint: {} 已存在，未改动（加 --force 覆盖）",
                path.display()
            );
            return Status::Error;
        }
        _ => {}
    }
    let written = if force {
        crate::write::write_output(&path, TEMPLATE.as_bytes())
    } else {
        // `create_new` fails on anything that appeared meanwhile, a link included.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(TEMPLATE.as_bytes()))
    };
    match written {
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
