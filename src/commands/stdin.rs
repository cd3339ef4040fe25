//! Standard input as a document: `gwlint check -` (or `/dev/stdin` named directly), with
//! `--stdin-filename` naming it for config lookup, its kind and the reported path.

use std::path::{Path, PathBuf};

use crate::cli::CheckArgs;

/// Said once when `--fix` meets standard input: there is no file to write back.
pub(super) const NOT_FIXED: &str =
    "标准输入不自动修复（没有可写回的文件），只报告问题；用 --diff 可显示修复";

/// The names that mean standard input. `/dev/stdin` and its aliases are read as the
/// stream, whatever it is (pipe, terminal, redirected file); other FIFOs and devices
/// named directly stay refused by the walk.
fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
        || path == Path::new("/dev/stdin")
        || path == Path::new("/dev/fd/0")
        || path == Path::new("/proc/self/fd/0")
}

/// Splits the PATH arguments into the name standard input is checked under (if it is
/// named) and the other paths. Standard input named twice is read once.
pub(super) fn split_args(args: &CheckArgs) -> Result<(Option<PathBuf>, Vec<PathBuf>), String> {
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.iter().cloned().partition(|p| is_stdin(p));
    let name = match (stdin.first(), &args.stdin_filename) {
        (Some(_), Some(name)) => Some(name.clone()),
        (Some(first), None) => Some(first.clone()),
        (None, Some(_)) => {
            return Err(
                "--stdin-filename 只在检查标准输入时使用：gwlint check - --stdin-filename 名称"
                    .to_string(),
            )
        }
        (None, None) => None,
    };
    Ok((name, paths))
}
