//! Word `.docx` (Office Open XML) in: the text a reader sees, one line per paragraph, so
//! that a finding's line is the paragraph's number and the rules see what they see in a
//! plain-text file.
//!
//! - The body (`word/document.xml`, or the part `_rels/.rels` names) in document order;
//!   each paragraph of a table cell, and of a text box, is its own paragraph (a text box's
//!   paragraphs come just before the paragraph that anchors it).
//! - Runs are joined; `w:tab`/`w:ptab` become a tab; a manual line break (`w:br`, `w:cr`)
//!   becomes U+2028 LINE SEPARATOR, which keeps one paragraph on one line (the line index
//!   only breaks lines at `\n`/`\r`) while still saying a break was there; page and column
//!   breaks are layout and give nothing. A newline inside `w:t` is read as a space.
//! - Deleted text of tracked changes, field codes (`w:instrText`; the field's result is
//!   kept, e.g. a page number), the `mc:Fallback` copy of a drawing, footnote reference
//!   marks and separator footnotes give nothing.
//! - Word's automatic list numbering is rendered into the text, as Word shows it:
//!   `w:numPr` (on the paragraph, or from its paragraph style and the styles it is based
//!   on) → `w:num` → `w:abstractNum` (or its `w:numStyleLink`) → the level's `w:numFmt`
//!   and `w:lvlText`. Counters are kept per abstract list (the `w:num`s of one
//!   `w:abstractNum` continue each other, as in Word); a `w:startOverride` restarts its
//!   level the first time its `w:num` is used; numbering a level restarts the deeper ones
//!   (`w:lvlRestart` respected). The suffix after the number (tab or space) is layout and
//!   is not rendered, so `一、` is followed directly by the heading, as in a typed 公文.
//!   Bullets are not rendered.
//! - After the body (`Extracted::body_len`) come, each paragraph a line: the headers
//!   (`word/header1.xml`, `header2.xml`, … in number order), then the footers
//!   (`footer1.xml`, …), then the footnotes (`word/footnotes.xml`), then the endnotes
//!   (`word/endnotes.xml`). A header or footer part whose text repeats an earlier one
//!   (first-page and even-page variants) is left out, and so is a header or footer
//!   paragraph holding a page-number field (`PAGE`, `NUMPAGES`…): "— 1 —" is layout that
//!   Word generates, not wording to check.
//!
//! Limits: each XML part is read up to `Limits::part` decompressed bytes and all parts
//! together up to `Limits::total`; more is refused as a likely zip bomb, whatever sizes
//! the archive declares.

//!
//! Modules: `package` (the zip, its limits and the main part), `styles` (paragraph
//! styles' numbering), `numbering` (list definitions), `labels` (counters and the label
//! Word shows, in each number format), `body` (the paragraphs of one story), `walk` (the
//! walk over one XML part that these readers share).

mod body;
mod labels;
mod numbering;
mod package;
mod styles;
#[cfg(test)]
mod tests;
mod trace;
mod walk;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use body::{paragraphs, Story, StoryError};
use labels::Resolver;
use numbering::{parse_numbering, Numbering};
pub use package::Limits;
use package::{main_document, numbered_parts, Package};
use styles::parse_styles;
pub use trace::{BodyTrace, Piece, PieceKind, TracedParagraph, TracedRun};

/// The text of a `.docx`: the body's paragraphs, then those of the headers, footers,
/// footnotes and endnotes; every paragraph ends in `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    /// The length in bytes of the body's text; the headers, footers and notes follow.
    pub body_len: usize,
}

/// Why a `.docx` could not be read. Shown after the file's path, on one line.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("不是 .docx 格式，而是 Word 97-2003（.doc）、WPS 文字或加了密码的文档；请在 Word 或 WPS 中另存为不加密的 .docx 后再检查")]
    Ole,
    #[error("不是有效的 .docx 文件（ZIP 结构损坏：{0}）；请在 Word 或 WPS 中重新另存为 .docx")]
    Zip(String),
    #[error(".docx 中没有正文部件 {0}；请在 Word 或 WPS 中重新另存为 .docx")]
    MissingBody(String),
    #[error(".docx 的 {part} 解压后超过 {limit} 字节，疑似压缩炸弹，未检查")]
    TooLarge { part: String, limit: u64 },
    #[error(".docx 的文字（含自动编号展开）超过 {limit} 字节，疑似压缩炸弹，未检查")]
    TextTooLarge { limit: usize },
    #[error(".docx 的 {part} 无法解析（第 {offset} 字节附近：{message}）；请在 Word 或 WPS 中重新另存为 .docx")]
    Xml {
        part: String,
        offset: u64,
        message: String,
    },
}

/// Reads the text of a `.docx` held in memory, with the default limits.
pub fn extract(bytes: &[u8]) -> Result<Extracted, DocxError> {
    extract_with_limits(bytes, Limits::default())
}

/// Reads the text of a `.docx` held in memory.
pub fn extract_with_limits(bytes: &[u8], limits: Limits) -> Result<Extracted, DocxError> {
    extract_inner(bytes, limits, None)
}

/// Reads the text of a `.docx` and where each piece of the body's text is in the main
/// part's XML (for anchoring Word comments on it).
pub fn extract_traced(bytes: &[u8]) -> Result<(Extracted, BodyTrace), DocxError> {
    let mut recorder = trace::Recorder::default();
    let extracted = extract_inner(bytes, Limits::default(), Some(&mut recorder))?;
    Ok((extracted, recorder.trace))
}

fn extract_inner(
    bytes: &[u8],
    limits: Limits,
    mut recorder: Option<&mut trace::Recorder>,
) -> Result<Extracted, DocxError> {
    let mut package = Package::open(bytes, limits)?;
    let main = package
        .part("_rels/.rels")?
        .and_then(|rels| main_document(&rels))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let dir = main.rfind('/').map_or("", |at| &main[..=at]).to_string();
    let body = package
        .part(&main)?
        .ok_or_else(|| DocxError::MissingBody(main.clone()))?;
    let styles = match package.part(&format!("{dir}styles.xml"))? {
        Some(xml) => parse_styles(&xml).map_err(|e| e.in_part(&format!("{dir}styles.xml")))?,
        None => HashMap::new(),
    };
    let numbering = match package.part(&format!("{dir}numbering.xml"))? {
        Some(xml) => {
            parse_numbering(&xml).map_err(|e| e.in_part(&format!("{dir}numbering.xml")))?
        }
        None => Numbering::default(),
    };
    let resolver = Resolver {
        styles: &styles,
        numbering: &numbering,
    };
    let max_len = limits.text;
    let story_error = |name: &str, e: StoryError| match e {
        StoryError::Xml(e) => e.in_part(name),
        StoryError::TextTooLarge => DocxError::TextTooLarge { limit: max_len },
    };
    let mut text = String::with_capacity(body.len() / 4);
    if let Some(recorder) = recorder.as_deref_mut() {
        recorder.trace.part.clone_from(&main);
    }
    paragraphs(&body, &resolver, Story::Body, &mut text, max_len, recorder)
        .map_err(|e| story_error(&main, e))?;
    let body_len = text.len();

    let mut seen: HashSet<String> = HashSet::new();
    for prefix in ["header", "footer"] {
        for name in numbered_parts(&package, &dir, prefix) {
            let Some(xml) = package.part(&name)? else {
                continue;
            };
            let mut part_text = String::new();
            let room = max_len - text.len();
            paragraphs(
                &xml,
                &resolver,
                Story::HeaderFooter,
                &mut part_text,
                room,
                None,
            )
            .map_err(|e| story_error(&name, e))?;
            if seen.insert(part_text.clone()) {
                text.push_str(&part_text);
            }
        }
    }
    for notes in ["footnotes.xml", "endnotes.xml"] {
        let name = format!("{dir}{notes}");
        if let Some(xml) = package.part(&name)? {
            paragraphs(&xml, &resolver, Story::Notes, &mut text, max_len, None)
                .map_err(|e| story_error(&name, e))?;
        }
    }
    Ok(Extracted { text, body_len })
}

/// An XML error before the part's name is known.
pub(super) struct XmlError {
    offset: u64,
    message: String,
}

impl XmlError {
    fn in_part(self, part: &str) -> DocxError {
        DocxError::Xml {
            part: part.to_string(),
            offset: self.offset,
            message: self.message,
        }
    }
}

/// Reads the next event, turning a parse error into an `XmlError`.
pub(super) fn next<'a>(reader: &mut Reader<&'a [u8]>) -> Result<Event<'a>, XmlError> {
    reader.read_event().map_err(|e| XmlError {
        offset: reader.error_position(),
        message: e.to_string(),
    })
}

pub(super) fn unclosed(reader: &Reader<&[u8]>) -> XmlError {
    XmlError {
        offset: reader.buffer_position(),
        message: "XML 不完整（文件被截断？）".to_string(),
    }
}

/// The value of the attribute whose local name is `name` (any prefix), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::default())
                .map_or_else(
                    |_| String::from_utf8_lossy(&a.value).into_owned(),
                    Cow::into_owned,
                )
        })
}

pub(super) fn attr_num<T: std::str::FromStr>(e: &BytesStart<'_>, name: &[u8]) -> Option<T> {
    attr(e, name)?.trim().parse().ok()
}
