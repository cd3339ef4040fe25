//! Writing files: a fixed source file back over itself (`--fix`) and the report to
//! `--output`, each atomically (a temporary file beside the target, renamed over it),
//! without losing what the file was: its bytes outside the fixes, its owner, group,
//! permissions (never setuid/setgid), extended attributes, and its links.
//!
//! - A symbolic link is followed: the file it points to is fixed, the link stays.
//! - A file with other hard links is refused: the rename would give this name a new
//!   file and leave the other names with the old text.
//! - A read-only file is refused (as ruff does), even where root could write it.
//! - If the bytes on disk are no longer those that were read, nothing is written.

mod splice;
mod temp;

pub use splice::encode_fixed;

use std::io::Write as _;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use crate::source::SourceFile;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}: 文件在检查期间被修改，未写入修复，请重新运行")]
    ChangedOnDisk(PathBuf),
    #[error("{0}: 只读文件，未写入修复；确需修改请先改为可写")]
    ReadOnly(PathBuf),
    #[error("{path}: 该文件还有 {others} 个硬链接，写入会拆开它们，未写入修复；请用 --diff 查看修改后手工修改")]
    HardLinked { path: PathBuf, others: u64 },
    #[error("{0}: 按原编码写回会改动修复处以外的字节，未写入修复；请用 --diff 查看修改后手工修改")]
    WouldChangeOtherBytes(PathBuf),
    #[error("{path}: 无法保留文件的{what}，未写入修复：{source}")]
    Metadata {
        path: PathBuf,
        what: &'static str,
        source: std::io::Error,
    },
    #[error("{path}: 写入修复失败，原文件未改动：{source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `text` over the file of `source` in its own encoding and BOM, changing no byte
/// outside the fixes; see the module documentation for what is kept and refused.
pub fn write_fixed(source: &SourceFile, text: &str) -> Result<(), WriteError> {
    let path = &source.path;
    let io = |e| WriteError::Io {
        path: path.clone(),
        source: e,
    };
    // The file itself, not a link to it.
    let target = std::fs::canonicalize(path).map_err(io)?;
    let meta = std::fs::metadata(&target).map_err(io)?;
    if meta.permissions().mode() & 0o222 == 0 {
        return Err(WriteError::ReadOnly(path.clone()));
    }
    if meta.nlink() > 1 {
        return Err(WriteError::HardLinked {
            path: path.clone(),
            others: meta.nlink() - 1,
        });
    }
    let on_disk = std::fs::read(&target).map_err(io)?;
    let Some(original) = source.original.as_deref().filter(|o| *o == on_disk) else {
        return Err(WriteError::ChangedOnDisk(path.clone()));
    };
    let before = crate::SourceFile::decode(&target, original.to_vec())
        .map_err(|e| io(std::io::Error::other(e.to_string())))?
        .text;
    let bytes = encode_fixed(source.encoding, original, &before, text)
        .ok_or_else(|| WriteError::WouldChangeOtherBytes(path.clone()))?;
    replace(&target, &bytes, Some(&meta)).map_err(|e| match e {
        Failure::Io(e) => io(e),
        Failure::Metadata(what, source) => WriteError::Metadata {
            path: path.clone(),
            what,
            source,
        },
    })?;
    Ok(())
}

/// Writes `bytes` to `path` atomically (for `--output`): a symbolic link is followed,
/// an existing file keeps its owner, permissions and attributes.
pub fn write_output(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut output = OutputFile::create(path)?;
    output.write_all(bytes)?;
    output.commit()
}

/// A report written to `--output` piece by piece as a run goes: into a temporary file
/// beside the target, renamed over it by `commit`. Until then the old file is untouched;
/// dropped without `commit` (an error, a full disk), the temporary file is removed.
/// A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO)
/// is written to directly: renaming over it would replace the device or pipe with a
/// file (as root, `/dev/null` itself).
pub struct OutputFile(Output);

enum Output {
    Atomic(Box<Pending>),
    Direct(std::fs::File),
}

impl OutputFile {
    /// Starts the output at `path`: a symbolic link is followed, an existing file keeps
    /// its owner, permissions and attributes.
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let meta = std::fs::metadata(&target).ok();
        if meta.as_ref().is_some_and(|m| !m.is_file()) {
            let file = std::fs::OpenOptions::new().write(true).open(&target)?;
            return Ok(Self(Output::Direct(file)));
        }
        Ok(Self(Output::Atomic(Box::new(Pending::create(
            target, meta,
        )?))))
    }

    /// Puts the written report in place of the target.
    pub fn commit(self) -> std::io::Result<()> {
        match self.0 {
            Output::Atomic(pending) => pending.commit().map_err(|e| match e {
                Failure::Io(e) | Failure::Metadata(_, e) => e,
            }),
            Output::Direct(mut file) => file.flush(),
        }
    }

    fn file(&mut self) -> &mut std::fs::File {
        match &mut self.0 {
            Output::Atomic(pending) => pending.file(),
            Output::Direct(file) => file,
        }
    }
}

impl std::io::Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file().flush()
    }
}

enum Failure {
    Io(std::io::Error),
    Metadata(&'static str, std::io::Error),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

/// Writes a temporary file beside `target` with `bytes` and the metadata of the file it
/// replaces, then renames it over `target`. On any failure the temporary file is removed
/// and `target` is untouched.
fn replace(target: &Path, bytes: &[u8], meta: Option<&std::fs::Metadata>) -> Result<(), Failure> {
    let mut pending = Pending::create(target.to_path_buf(), meta.cloned())?;
    pending.file().write_all(bytes)?;
    pending.commit()
}

/// A temporary file beside `target` that becomes it on `commit`; removed when dropped
/// before.
struct Pending {
    file: Option<tempfile::NamedTempFile>,
    temp_path: PathBuf,
    target: PathBuf,
    /// The metadata of the file replaced, to keep.
    meta: Option<std::fs::Metadata>,
}

impl Pending {
    fn create(target: PathBuf, meta: Option<std::fs::Metadata>) -> std::io::Result<Self> {
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let file = temp::create_in(dir)?;
        Ok(Self {
            temp_path: file.path().to_path_buf(),
            file: Some(file),
            target,
            meta,
        })
    }

    fn file(&mut self) -> &mut std::fs::File {
        self.file
            .as_mut()
            .expect("the temporary file is open until commit")
            .as_file_mut()
    }

    fn commit(mut self) -> Result<(), Failure> {
        let file = self
            .file
            .take()
            .expect("the temporary file is open until commit");
        if let Some(meta) = &self.meta {
            keep_metadata(file.as_file(), &self.temp_path, &self.target, meta)?;
        }
        file.as_file().sync_all()?;
        if let Some(delay) = write_delay() {
            std::thread::sleep(delay);
        }
        file.persist(&self.target)
            .map_err(|e| Failure::Io(e.error))?;
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        // Dropping the `NamedTempFile` (if not persisted) removes it.
        self.file.take();
        temp::forget(&self.temp_path);
    }
}

/// Owner and group (when they differ from the new file's), permissions without
/// setuid/setgid, and extended attributes (ACLs and SELinux labels among them).
fn keep_metadata(
    file: &std::fs::File,
    temp_path: &Path,
    target: &Path,
    meta: &std::fs::Metadata,
) -> Result<(), Failure> {
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
            .map_err(|e| Failure::Metadata("属主和属组", e))?;
    }
    let mode = meta.permissions().mode() & 0o7777 & !0o6000;
    file.set_permissions(std::fs::Permissions::from_mode(mode))
        .map_err(|e| Failure::Metadata("权限", e))?;
    // A filesystem without extended attributes has none to keep.
    let Ok(names) = xattr::list(target) else {
        return Ok(());
    };
    for name in names {
        let Ok(Some(value)) = xattr::get(target, &name) else {
            continue;
        };
        if xattr::get(temp_path, &name).ok().flatten().as_ref() == Some(&value) {
            continue;
        }
        xattr::set(temp_path, &name, &value).map_err(|e| Failure::Metadata("扩展属性", e))?;
    }
    Ok(())
}

/// Debug builds only: how long to wait with the temporary file written and not yet
/// renamed (`GWLINT_INJECT_WRITE_DELAY_MS`), so a test can send a signal then.
fn write_delay() -> Option<std::time::Duration> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let ms = std::env::var("GWLINT_INJECT_WRITE_DELAY_MS")
        .ok()?
        .parse()
        .ok()?;
    Some(std::time::Duration::from_millis(ms))
}
