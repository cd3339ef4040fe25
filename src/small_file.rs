//! Reading a configuration, knowledge or profile file: only a regular file (a link to
//! one is followed), at most `MAX_BYTES`, UTF-8. A FIFO, a device or `/dev/stdin` named
//! as such a file is one clear error, never a read that waits or runs forever (which
//! in the language server would also eat the protocol stream on standard input).

use std::io::Read as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

/// The largest such file read: far above any real one (the embedded knowledge is
/// about 300 KB), far below what would hurt.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Why the file was not read; shown after the file's name.
#[derive(Debug, thiserror::Error)]
pub enum SmallFileError {
    #[error("不是普通文件，而是{0}；只能读取普通文件")]
    NotRegular(&'static str),
    #[error("文件过大（超过 {} MiB），未读取", MAX_BYTES >> 20)]
    TooLarge,
    #[error("不是 UTF-8 文本")]
    NotUtf8,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The text of the file at `path`.
pub fn read(path: &Path) -> Result<String, SmallFileError> {
    // Non-blocking, so that opening a FIFO does not wait for a writer; the type is then
    // judged on the opened file itself, not on a path that could change in between.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(SmallFileError::NotRegular(if meta.is_dir() {
            "文件夹"
        } else {
            crate::source::file_kind(meta.file_type())
        }));
    }
    if meta.len() > MAX_BYTES {
        return Err(SmallFileError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file that grows while read (or a `/proc` file reporting size 0) is still capped.
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SmallFileError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| SmallFileError::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("a.toml");
        std::fs::write(&ok, "a = 1\n").unwrap();
        assert_eq!(read(&ok).unwrap(), "a = 1\n");
        assert!(matches!(
            read(Path::new("/dev/zero")),
            Err(SmallFileError::NotRegular("字符设备"))
        ));
        assert!(matches!(
            read(dir.path()),
            Err(SmallFileError::NotRegular("文件夹"))
        ));
        let big = dir.path().join("big.toml");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_BYTES + 1)
            .unwrap();
        assert!(matches!(read(&big), Err(SmallFileError::TooLarge)));
        std::fs::write(&ok, b"\xff\xfe").unwrap();
        assert!(matches!(read(&ok), Err(SmallFileError::NotUtf8)));
    }
}
