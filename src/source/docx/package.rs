//! The `.docx` package: the zip archive, read part by part within `Limits`.

use std::io::{Cursor, Read as _};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::{attr, next, DocxError};

/// How much decompressed XML gwlint reads from one `.docx`.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest one part (e.g. `word/document.xml`) may be.
    pub part: u64,
    /// The largest all parts read together may be.
    pub total: u64,
    /// The longest the extracted text may be, in bytes: automatic numbering renders a
    /// label on every numbered paragraph, so the text can be far longer than the XML.
    pub text: usize,
}

impl Default for Limits {
    fn default() -> Self {
        // A 300-page report's document.xml is a few MiB; 64 MiB is far beyond any real one.
        Self {
            part: 64 * 1024 * 1024,
            total: 128 * 1024 * 1024,
            text: 64 * 1024 * 1024,
        }
    }
}

/// The first bytes of an OLE2 compound file: .doc, .wps, .xls, .et, and encrypted .docx.
pub(super) const OLE_MAGIC: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

pub(super) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    /// Decompressed bytes read so far.
    read: u64,
}

impl<'a> Package<'a> {
    /// Opens the archive; an OLE2 file (.doc, .wps, an encrypted .docx) is its own error.
    pub(super) fn open(bytes: &'a [u8], limits: Limits) -> Result<Self, DocxError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(DocxError::Ole);
        }
        let archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
        Ok(Self {
            archive,
            limits,
            read: 0,
        })
    }

    /// One part as text, `None` if the package has no such part.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let budget = self
            .limits
            .part
            .min(self.limits.total.saturating_sub(self.read));
        let too_large = || DocxError::TooLarge {
            part: name.to_string(),
            limit: budget,
        };
        let file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(DocxError::Zip(format!("{name}: {e}"))),
        };
        // The declared size may lie: the read below stops one byte past the budget.
        if file.size() > budget {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DocxError::Zip(format!("{name}: {e}")))?;
        if bytes.len() as u64 > budget {
            return Err(too_large());
        }
        self.read += bytes.len() as u64;
        let bytes = bytes
            .strip_prefix(&[0xef, 0xbb, 0xbf])
            .map_or(bytes.as_slice(), |rest| rest);
        let text = std::str::from_utf8(bytes).map_err(|e| DocxError::Xml {
            part: name.to_string(),
            offset: e.valid_up_to() as u64,
            message: "不是 UTF-8 编码".to_string(),
        })?;
        Ok(Some(text.to_string()))
    }
}

/// `word/header1.xml`, `word/header2.xml`, … in number order.
pub(super) fn numbered_parts(package: &Package<'_>, dir: &str, prefix: &str) -> Vec<String> {
    let start = format!("{dir}{prefix}");
    let mut names: Vec<(u32, String)> = package
        .archive
        .file_names()
        .filter_map(|name| {
            let number = name.strip_prefix(&start)?.strip_suffix(".xml")?;
            let n = if number.is_empty() {
                0
            } else {
                number.parse().ok()?
            };
            Some((n, name.to_string()))
        })
        .collect();
    names.sort();
    names.into_iter().map(|(_, name)| name).collect()
}

/// The target of the package relationship of type officeDocument.
pub(super) fn main_document(rels: &str) -> Option<String> {
    let mut reader = Reader::from_str(rels);
    loop {
        match next(&mut reader).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let kind = attr(&e, b"Type")?;
                if kind.ends_with("/officeDocument") {
                    let target = attr(&e, b"Target")?;
                    return Some(target.trim_start_matches('/').to_string());
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}
