//! Turning the PATH arguments into a sorted list of files to check.
//!
//! Symbolic links named on the command line are followed. Inside a walked folder they
//! are not (as ripgrep does by default), so a walk never leaves the tree it was given and
//! `--fix` never writes outside it: a link whose target is inside the tree is passed over
//! (the target is walked under its own name), one that leads out of the tree or nowhere
//! is a warning, and the run goes on. A file reached by two names is checked once.

use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _};
use std::path::{Path, PathBuf};

/// Extensions checked when walking a directory; a file named explicitly is always checked.
/// `.doc` and `.wps` are walked so that each gets its one-line "save as .docx" message
/// instead of being passed over in silence.
const WALKED_EXTENSIONS: &[&str] = &["txt", "md", "docx", "doc", "wps"];

/// A PATH argument that could not be walked, or something in a walked folder that was
/// passed over (a warning: the run goes on and the exit status is that of the findings).
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    #[error("{0}: 路径不存在")]
    Missing(PathBuf),
    #[error("{path}: 不是普通文件，而是{kind}，未检查")]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{path}: 无法遍历：{message}")]
    Walk { path: PathBuf, message: String },
    #[error("警告：{path}: {reason}，已跳过")]
    Skipped { path: PathBuf, reason: &'static str },
}

impl WalkError {
    /// A warning, not an error: something inside a walked folder was passed over.
    pub fn is_warning(&self) -> bool {
        matches!(self, Self::Skipped { .. })
    }
}

/// Expands files and directories into files, sorted and without duplicates (two names
/// of one file count once: the first in sorted order is kept).
/// Errors are collected, not fatal: the other paths are still returned.
pub fn collect_paths(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        match std::fs::metadata(arg) {
            Ok(meta) if meta.is_file() => files.push(arg.clone()),
            Ok(meta) if meta.is_dir() => walk_dir(arg, &mut files, &mut errors),
            Ok(meta) => errors.push(WalkError::NotRegular {
                path: arg.clone(),
                kind: kind_of(meta.file_type()),
            }),
            Err(_) => errors.push(WalkError::Missing(arg.clone())),
        }
    }
    files.sort();
    files.dedup();
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| std::fs::metadata(f).map_or(true, |m| seen.insert((m.dev(), m.ino()))));
    (files, errors)
}

fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_fifo() {
        "命名管道（FIFO）"
    } else if file_type.is_socket() {
        "套接字"
    } else if file_type.is_char_device() {
        "字符设备"
    } else if file_type.is_block_device() {
        "块设备"
    } else {
        "特殊文件"
    }
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()) || e.depth() == 0);
    for entry in walker {
        match entry {
            Ok(entry) if entry.path_is_symlink() && entry.depth() > 0 => {
                if let Some(reason) = passed_over_link(entry.path(), &root) {
                    errors.push(WalkError::Skipped {
                        path: entry.into_path(),
                        reason,
                    });
                }
            }
            Ok(entry)
                if entry.file_type().is_file()
                    && has_walked_extension(entry.path())
                    && !is_office_lock_file(entry.file_name()) =>
            {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(err) => errors.push(WalkError::Walk {
                path: err.path().unwrap_or(dir).to_path_buf(),
                message: err.to_string(),
            }),
        }
    }
}

/// Why a symbolic link met in a walk deserves a warning: it leads nowhere, or out of
/// the tree to a folder or a file that would have been checked. `None`: say nothing.
fn passed_over_link(link: &Path, root: &Path) -> Option<&'static str> {
    let Ok(target) = std::fs::canonicalize(link) else {
        return has_walked_extension(link).then_some("符号链接指向不存在的文件或形成循环");
    };
    let checked = target.is_dir() || (target.is_file() && has_walked_extension(link));
    (checked && !target.starts_with(root)).then_some("符号链接指向所检查的目录之外，未跟随")
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// Word and WPS leave `~$name.docx` beside a document that is open; it is not a document.
fn is_office_lock_file(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with("~$"))
}

fn has_walked_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| {
            WALKED_EXTENSIONS
                .iter()
                .any(|w| ext.eq_ignore_ascii_case(w))
        })
}
