//! Turning the PATH arguments into a sorted list of files to check.

use std::path::{Path, PathBuf};

/// Extensions checked when walking a directory; a file named explicitly is always checked.
/// `.doc` and `.wps` are walked so that each gets its one-line "save as .docx" message
/// instead of being passed over in silence.
const WALKED_EXTENSIONS: &[&str] = &["txt", "md", "docx", "doc", "wps"];

/// A PATH argument that could not be walked.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    #[error("{0}: 路径不存在")]
    Missing(PathBuf),
    #[error("{path}: 无法遍历：{message}")]
    Walk { path: PathBuf, message: String },
}

/// Expands files and directories into files, sorted and without duplicates.
/// Errors are collected, not fatal: the other paths are still returned.
pub fn collect_paths(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg.is_file() {
            files.push(arg.clone());
        } else if arg.is_dir() {
            walk_dir(arg, &mut files, &mut errors);
        } else {
            errors.push(WalkError::Missing(arg.clone()));
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()) || e.depth() == 0);
    for entry in walker {
        match entry {
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
