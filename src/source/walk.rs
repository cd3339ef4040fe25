//! Turning the PATH arguments into a sorted list of files to check.
//!
//! Folders are walked with the `ignore` crate, as ripgrep and ruff walk them: hidden files
//! and folders are skipped, and so is what `.gitignore` (inside a git repository, its
//! parents' and git's global excludes too) and `.ignore` files exclude, unless
//! `--no-ignore`. A file named on the command line is always checked.
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

/// Said of a PDF met in a walk (a warning, the run goes on: a PDF beside its .docx is
/// usually the printed copy of a document that is checked anyway). Named directly, a PDF
/// is refused with the same advice (`ReadError::Pdf`).
const PDF_PASSED_OVER: &str =
    "PDF 不检查（版式文件，没有可靠的段落和编号）；请检查原稿 .docx 或 .txt，或在 WPS、Word 中把 PDF 转为 .docx";

/// How folders are walked.
#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    /// Honour `.gitignore`, `.ignore` and git's excludes (`--no-ignore` turns this off).
    pub ignore_files: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        Self { ignore_files: true }
    }
}

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
    #[error("警告：{0}: 文件夹中没有可检查的文件（.txt、.md、.docx；隐藏文件夹和 .gitignore、.ignore 排除的文件不检查，--no-ignore 可检查后者）")]
    NothingToCheck(PathBuf),
    #[error("警告：{path}: 忽略文件有误：{message}；其余规则照常生效")]
    IgnoreFile { path: PathBuf, message: String },
}

impl WalkError {
    /// A warning, not an error: something inside a walked folder was passed over.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Self::Skipped { .. } | Self::NothingToCheck(_) | Self::IgnoreFile { .. }
        )
    }
}

/// Expands files and directories into files, sorted and without duplicates (two names
/// of one file count once: the first in sorted order is kept).
/// Errors are collected, not fatal: the other paths are still returned.
pub fn collect_paths(args: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    collect_paths_with(args, WalkOptions::default())
}

/// `collect_paths` with the walk configured.
pub fn collect_paths_with(
    args: &[PathBuf],
    options: WalkOptions,
) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        match std::fs::metadata(arg) {
            Ok(meta) if meta.is_file() => files.push(arg.clone()),
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk_dir(arg, options, &mut files, &mut errors);
                if files.len() == before {
                    errors.push(WalkError::NothingToCheck(arg.clone()));
                }
            }
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

pub(crate) fn kind_of(file_type: std::fs::FileType) -> &'static str {
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

fn walk_dir(
    dir: &Path,
    options: WalkOptions,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<WalkError>,
) {
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(options.ignore_files)
        .hidden(true)
        .follow_links(false)
        .sort_by_file_name(std::cmp::Ord::cmp);
    for entry in builder.build() {
        match entry {
            Ok(entry) if entry.path_is_symlink() && entry.depth() > 0 => {
                if let Some(reason) = passed_over_link(entry.path(), &root) {
                    errors.push(WalkError::Skipped {
                        path: entry.into_path(),
                        reason,
                    });
                }
            }
            Ok(entry) if !entry.file_type().is_some_and(|t| t.is_file()) => {}
            Ok(entry) if is_office_lock_file(entry.file_name()) => {}
            Ok(entry) if has_walked_extension(entry.path()) => files.push(entry.into_path()),
            Ok(entry) if has_extension(entry.path(), "pdf") => errors.push(WalkError::Skipped {
                path: entry.into_path(),
                reason: PDF_PASSED_OVER,
            }),
            Ok(_) => {}
            Err(err) => errors.push(walk_error(dir, err)),
        }
    }
}

/// A walk error: a broken rule in an ignore file is a warning (ripgrep's choice: the
/// other rules still apply); a folder that cannot be read is an error.
fn walk_error(dir: &Path, err: ignore::Error) -> WalkError {
    fn parts(err: &ignore::Error) -> (Option<&Path>, bool) {
        match err {
            ignore::Error::WithPath { path, err } => (Some(path), parts(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                parts(err)
            }
            ignore::Error::Partial(errs) => (errs.iter().find_map(|e| parts(e).0), true),
            ignore::Error::Glob { .. } => (None, true),
            _ => (None, false),
        }
    }
    let (path, in_ignore_file) = parts(&err);
    let path = path.unwrap_or(dir).to_path_buf();
    // The crate's message starts with the path, which ours already shows.
    let message = err.to_string();
    let message = message
        .strip_prefix(&format!("{}: ", path.display()))
        .unwrap_or(&message)
        .to_string();
    if in_ignore_file {
        WalkError::IgnoreFile { path, message }
    } else {
        WalkError::Walk { path, message }
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

/// Word and WPS leave `~$name.docx` beside a document that is open; it is not a document.
fn is_office_lock_file(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with("~$"))
}

fn has_walked_extension(path: &Path) -> bool {
    WALKED_EXTENSIONS.iter().any(|ext| has_extension(path, ext))
}

fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case(wanted))
}
