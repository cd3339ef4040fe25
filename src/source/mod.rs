//! Files in: reading bytes, decoding them, and remembering how to write them back.

pub mod docx;
mod line_index;
pub mod markdown;
pub mod parts;
mod walk;

pub use line_index::{ColumnUnit, LineCol, LineIndex};
pub(crate) use walk::kind_of as file_kind;
pub use walk::{collect_paths, collect_paths_with, WalkError, WalkOptions};

use std::path::{Path, PathBuf};

/// The largest file gwlint reads; beyond this a file is reported, not read.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How the original bytes were encoded, so that `--fix` can write them back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Utf16BeBom,
    /// GB18030, a superset of GBK and GB2312 (what Chinese Windows saves as "ANSI").
    Gb18030,
    /// A Word `.docx` package (its XML is UTF-8). Never written back: `--fix` leaves
    /// Word files alone.
    Docx,
}

impl Encoding {
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 (BOM)",
            Self::Utf16LeBom => "UTF-16LE (BOM)",
            Self::Utf16BeBom => "UTF-16BE (BOM)",
            Self::Gb18030 => "GB18030",
            Self::Docx => "Word (.docx)",
        }
    }

    /// Encodes `text` back into this encoding, BOM included.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Self::Utf8 => text.as_bytes().to_vec(),
            Self::Utf8Bom => [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat(),
            Self::Utf16LeBom => {
                let mut out = vec![0xff, 0xfe];
                out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                out
            }
            Self::Utf16BeBom => {
                let mut out = vec![0xfe, 0xff];
                out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
                out
            }
            Self::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
            // Only for completeness: a .docx has no `original` bytes, so `write_atomically`
            // refuses it, and `check` never asks to fix one.
            Self::Docx => text.as_bytes().to_vec(),
        }
    }
}

/// The kind of document, from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Text,
    Markdown,
    /// A Word `.docx`: one line per paragraph (see `docx.rs`); the body's text is
    /// `text[..body_len]`, the headers, footers and notes follow it.
    Docx {
        body_len: usize,
    },
}

impl SourceKind {
    pub const fn is_docx(self) -> bool {
        matches!(self, Self::Docx { .. })
    }
}

/// A decoded source file. `text` never contains the BOM; line endings are kept as they
/// were, so an edited text written back keeps them.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    pub encoding: Encoding,
    pub kind: SourceKind,
    /// The bytes as read, to tell whether the file changed before `--fix` writes it;
    /// `None` (never written) for text given in memory and for Word files.
    pub original: Option<Vec<u8>>,
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
    #[error("{path}: 既不是 UTF-8 也不是 GB18030/GBK 文本（第 {offset} 字节起无法解码），请另存为 UTF-8")]
    Undecodable { path: PathBuf, offset: usize },
    #[error("{path}: 不是有效的 {encoding} 文本（文件以 UTF-16 的 BOM 开头）：第 {offset} 字节（从 0 数起）处{problem}；请另存为 UTF-8")]
    BadUtf16 {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
        problem: &'static str,
    },
    #[error("{path}: 似乎是二进制文件，未检查")]
    Binary { path: PathBuf },
    #[error("{path}: {source}")]
    Docx {
        path: PathBuf,
        source: docx::DocxError,
    },
    #[error(
        "{path}: {format}是二进制格式，gwlint 不读取；请在 WPS 或 Office 中另存为 .docx 后再检查"
    )]
    Unsupported { path: PathBuf, format: &'static str },
    #[error(
        "{0}: PDF 文件 gwlint 不读取（版式文件，没有可靠的段落和编号）；请检查原稿 .docx 或 .txt，或在 WPS、Word 中把 PDF 转为 .docx 后再检查"
    )]
    Pdf(PathBuf),
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
            original: None,
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
        if let Some(refused) = refused_format(path) {
            return Err(refused);
        }
        let bytes = std::fs::read(path).map_err(io)?;
        if is_word(path) {
            return Self::from_docx(path, &bytes);
        }
        Self::decode(path, bytes)
    }

    /// Reads standard input as the document `name` (from `--stdin-filename`, or the
    /// argument as typed): its extension decides Word, Markdown or text as for a file.
    /// At most `MAX_FILE_BYTES` are read, so a endless pipe is refused, not buffered.
    /// The result is never written back (`original` is `None`).
    pub fn read_stdin(name: &Path, input: impl std::io::Read) -> Result<Self, ReadError> {
        use std::io::Read as _;
        let io = |source| ReadError::Io {
            path: name.to_path_buf(),
            source,
        };
        if let Some(refused) = refused_format(name) {
            return Err(refused);
        }
        let mut bytes = Vec::new();
        input
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        let size = bytes.len() as u64;
        if size > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge {
                path: name.to_path_buf(),
                size,
            });
        }
        let mut source = if is_word(name) {
            Self::from_docx(name, &bytes)?
        } else {
            Self::decode(name, bytes)?
        };
        source.original = None;
        Ok(source)
    }

    /// Reads the text of a Word `.docx` (see `docx.rs`): one line per paragraph.
    pub fn from_docx(path: &Path, bytes: &[u8]) -> Result<Self, ReadError> {
        let extracted = docx::extract(bytes).map_err(|source| ReadError::Docx {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Self {
            path: path.to_path_buf(),
            text: extracted.text,
            encoding: Encoding::Docx,
            kind: SourceKind::Docx {
                body_len: extracted.body_len,
            },
            original: None,
        })
    }

    /// Decodes bytes read from `path`: a BOM decides (UTF-8, UTF-16LE/BE); otherwise
    /// valid UTF-8 is UTF-8, and text that decodes as GB18030 without a single error is
    /// GB18030 (GBK and GB2312 are subsets). Anything else is reported, not guessed.
    pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Self, ReadError> {
        let binary = || ReadError::Binary {
            path: path.to_path_buf(),
        };
        let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
            let text = utf8(rest).map_err(|valid_up_to| ReadError::Undecodable {
                path: path.to_path_buf(),
                offset: valid_up_to + 3,
            })?;
            (text.to_string(), Encoding::Utf8Bom)
        } else if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
            let (encoding, utf16) = if bytes[0] == 0xff {
                (Encoding::Utf16LeBom, encoding_rs::UTF_16LE)
            } else {
                (Encoding::Utf16BeBom, encoding_rs::UTF_16BE)
            };
            let text = utf16
                .decode_without_bom_handling_and_without_replacement(&bytes[2..])
                .filter(|_| bytes.len().is_multiple_of(2))
                .ok_or_else(|| {
                    let (offset, problem) = utf16_error(&bytes, encoding == Encoding::Utf16LeBom);
                    ReadError::BadUtf16 {
                        path: path.to_path_buf(),
                        encoding: if encoding == Encoding::Utf16LeBom {
                            "UTF-16LE"
                        } else {
                            "UTF-16BE"
                        },
                        offset,
                        problem,
                    }
                })?;
            (text.into_owned(), encoding)
        } else {
            if looks_binary(&bytes) {
                return Err(binary());
            }
            match utf8(&bytes) {
                Ok(text) => (text.to_string(), Encoding::Utf8),
                Err(valid_up_to) => {
                    let text = encoding_rs::GB18030
                        .decode_without_bom_handling_and_without_replacement(&bytes)
                        .ok_or_else(|| ReadError::Undecodable {
                            path: path.to_path_buf(),
                            offset: valid_up_to,
                        })?;
                    (text.into_owned(), Encoding::Gb18030)
                }
            }
        };
        if looks_binary(text.as_bytes()) {
            return Err(binary());
        }
        // Not `from_text`: the BOM bytes are already gone, and a U+FEFF that starts the
        // decoded text is text (dropping it lost it when `--fix` wrote the file back).
        Ok(Self {
            path: path.to_path_buf(),
            text,
            encoding,
            kind: kind_of(path),
            original: Some(bytes),
        })
    }
}

/// `bytes` as UTF-8, or the length of its longest valid prefix. Validated with SIMD; std
/// finds the place of an error.
fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    simdutf8::basic::from_utf8(bytes)
        .map_err(|_| std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len))
}

/// NUL bytes in the first 8 KiB mean binary, as git and ripgrep decide.
fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Word's XML formats: documents, macro-enabled documents, templates.
fn is_word(path: &Path) -> bool {
    matches!(
        extension(path).as_deref(),
        Some("docx" | "docm" | "dotx" | "dotm")
    )
}

/// The error for a format gwlint does not read (a binary office format, a PDF), told by
/// the extension before any byte is read.
fn refused_format(path: &Path) -> Option<ReadError> {
    if extension(path).as_deref() == Some("pdf") {
        return Some(ReadError::Pdf(path.to_path_buf()));
    }
    binary_office_format(path).map(|format| ReadError::Unsupported {
        path: path.to_path_buf(),
        format,
    })
}

/// The binary office formats gwlint does not read, described for the error message.
fn binary_office_format(path: &Path) -> Option<&'static str> {
    Some(match extension(path)?.as_str() {
        "doc" => "Word 97-2003 文档（.doc）",
        "wps" => "WPS 文字文档（.wps）",
        "dot" => "Word 97-2003 模板（.dot）",
        "wpt" => "WPS 文字模板（.wpt）",
        "et" => "WPS 表格文件（.et）",
        "xls" => "Excel 97-2003 表格（.xls）",
        _ => return None,
    })
}

fn kind_of(path: &Path) -> SourceKind {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
            SourceKind::Markdown
        }
        _ => SourceKind::Text,
    }
}

/// Where UTF-16 `bytes` (BOM included) stop decoding, as a byte offset in the file, and
/// why: the first lone surrogate, else a last odd byte.
fn utf16_error(bytes: &[u8], little_endian: bool) -> (usize, &'static str) {
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut unit = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => unit += c.len_utf16(),
            Err(_) => return (2 + 2 * unit, "有孤立的代理项（U+D800–U+DFFF 不成对）"),
        }
    }
    (bytes.len() - 1, "多出半个字符（字节数为奇数）")
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
    fn undecodable_bytes_are_a_clear_error() {
        // 0xff never occurs in UTF-8 or GB18030.
        let err = SourceFile::decode(Path::new("a.txt"), vec![b'a', 0xff, 0xe6]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: 既不是 UTF-8 也不是 GB18030/GBK 文本（第 1 字节起无法解码），请另存为 UTF-8"
        );
    }

    #[test]
    fn utf8_past_the_vector_width_is_validated_and_an_error_placed() {
        let text = "各级党组织要认真学习贯彻党的二十大精神，".repeat(20);
        assert_eq!(super::utf8(text.as_bytes()), Ok(text.as_str()));
        // A sequence cut short far into the text: the offset is where it starts.
        let mut cut = text.clone().into_bytes();
        cut.truncate(cut.len() - 1);
        cut.extend_from_slice("。".as_bytes());
        assert_eq!(super::utf8(&cut), Err(text.len() - 3));
    }

    #[test]
    fn gb18030_utf16_and_bom_round_trip() {
        let text = "镇党委自查报告\r\n一、基本情况（１）\r\n";
        for encoding in [
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16LeBom,
            Encoding::Utf16BeBom,
            Encoding::Gb18030,
        ] {
            let bytes = encoding.encode(text);
            let source = SourceFile::decode(Path::new("a.txt"), bytes.clone()).unwrap();
            assert_eq!(source.encoding, encoding);
            assert_eq!(source.text, text);
            assert_eq!(source.encoding.encode(&source.text), bytes);
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = SourceFile::decode(Path::new("a.bin"), b"ab\0cd".to_vec()).unwrap_err();
        assert!(matches!(err, ReadError::Binary { .. }));
    }
}
