//! Files in: reading bytes, decoding them, and remembering how to write them back.

mod line_index;
mod walk;

pub use line_index::{LineCol, LineIndex};
pub use walk::{collect_paths, WalkError};

use std::path::{Path, PathBuf};

/// The largest file gwlint reads; beyond this a file is reported, not read.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How the original bytes were encoded, so that `--fix` can write them back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
}

impl Encoding {
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
        }
    }
}

/// The kind of document, from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Markdown,
}

/// A decoded source file. `text` never contains the BOM.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    pub kind: SourceKind,
}

/// Why a file could not be read; each becomes a one-line error naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: 无法读取：{source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: 文件过大（{size} 字节），未检查")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{path}: 不是 UTF-8 文本（第 {offset} 字节起无法解码），请另存为 UTF-8")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: 似乎是二进制文件，未检查")]
    Binary { path: PathBuf },
}

impl SourceFile {
    /// Builds a source from text already in memory (tests, the language server, stdin).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let path = path.into();
        let mut text = text.into();
        let encoding = if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
            Encoding::Utf8Bom
        } else {
            Encoding::Utf8
        };
        let kind = kind_of(&path);
        Self {
            path,
            text,
            encoding,
            kind,
        }
    }

    /// Reads and decodes a file.
    pub fn read(path: &Path) -> Result<Self, ReadError> {
        let io = |source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge {
                path: path.to_path_buf(),
                size,
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        Self::decode(path, bytes)
    }

    /// Decodes bytes read from `path`.
    pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Self, ReadError> {
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if looks_binary(&bytes) {
                ReadError::Binary {
                    path: path.to_path_buf(),
                }
            } else {
                ReadError::NotUtf8 {
                    path: path.to_path_buf(),
                    offset,
                }
            }
        })?;
        if looks_binary(text.as_bytes()) {
            return Err(ReadError::Binary {
                path: path.to_path_buf(),
            });
        }
        Ok(Self::from_text(path, text))
    }
}

/// NUL bytes in the first 8 KiB mean binary, as git and ripgrep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

fn kind_of(path: &Path) -> SourceKind {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
            SourceKind::Markdown
        }
        _ => SourceKind::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_skipped_and_remembered() {
        let src = SourceFile::from_text("a.txt", "\u{feff}标题\n");
        assert_eq!(src.text, "标题\n");
        assert_eq!(src.encoding, Encoding::Utf8Bom);
    }

    #[test]
    fn invalid_utf8_is_a_clear_error() {
        let err = SourceFile::decode(Path::new("a.txt"), vec![0xe6, 0xa0]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: 不是 UTF-8 文本（第 0 字节起无法解码），请另存为 UTF-8"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = SourceFile::decode(Path::new("a.bin"), b"ab\0cd".to_vec()).unwrap_err();
        assert!(matches!(err, ReadError::Binary { .. }));
    }
}
