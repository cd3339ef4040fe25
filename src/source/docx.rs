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

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read as _};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// How much decompressed XML gwlint reads from one `.docx`.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest one part (e.g. `word/document.xml`) may be.
    pub part: u64,
    /// The largest all parts read together may be.
    pub total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        // A 300-page report's document.xml is a few MiB; 64 MiB is far beyond any real one.
        Self {
            part: 64 * 1024 * 1024,
            total: 128 * 1024 * 1024,
        }
    }
}

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
    #[error(".docx 的 {part} 无法解析（第 {offset} 字节附近：{message}）；请在 Word 或 WPS 中重新另存为 .docx")]
    Xml {
        part: String,
        offset: u64,
        message: String,
    },
}

/// The first bytes of an OLE2 compound file: .doc, .wps, .xls, .et, and encrypted .docx.
const OLE_MAGIC: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Reads the text of a `.docx` held in memory, with the default limits.
pub fn extract(bytes: &[u8]) -> Result<Extracted, DocxError> {
    extract_with_limits(bytes, Limits::default())
}

/// Reads the text of a `.docx` held in memory.
pub fn extract_with_limits(bytes: &[u8], limits: Limits) -> Result<Extracted, DocxError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(DocxError::Ole);
    }
    let archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::Zip(e.to_string()))?;
    let mut package = Package {
        archive,
        limits,
        read: 0,
    };
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
    let mut text = String::with_capacity(body.len() / 4);
    paragraphs(&body, &resolver, Story::Body, &mut text).map_err(|e| e.in_part(&main))?;
    let body_len = text.len();

    let mut seen: HashSet<String> = HashSet::new();
    for prefix in ["header", "footer"] {
        for name in numbered_parts(&package, &dir, prefix) {
            let Some(xml) = package.part(&name)? else {
                continue;
            };
            let mut part_text = String::new();
            paragraphs(&xml, &resolver, Story::HeaderFooter, &mut part_text)
                .map_err(|e| e.in_part(&name))?;
            if seen.insert(part_text.clone()) {
                text.push_str(&part_text);
            }
        }
    }
    for notes in ["footnotes.xml", "endnotes.xml"] {
        let name = format!("{dir}{notes}");
        if let Some(xml) = package.part(&name)? {
            paragraphs(&xml, &resolver, Story::Notes, &mut text).map_err(|e| e.in_part(&name))?;
        }
    }
    Ok(Extracted { text, body_len })
}

struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    /// Decompressed bytes read so far.
    read: u64,
}

impl Package<'_> {
    /// One part as text, `None` if the package has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
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
fn numbered_parts(package: &Package<'_>, dir: &str, prefix: &str) -> Vec<String> {
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

/// An XML error before the part's name is known.
struct XmlError {
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
fn next<'a>(reader: &mut Reader<&'a [u8]>) -> Result<Event<'a>, XmlError> {
    reader.read_event().map_err(|e| XmlError {
        offset: reader.error_position(),
        message: e.to_string(),
    })
}

fn unclosed(reader: &Reader<&[u8]>) -> XmlError {
    XmlError {
        offset: reader.buffer_position(),
        message: "XML 不完整（文件被截断？）".to_string(),
    }
}

/// The value of the attribute whose local name is `name` (any prefix), unescaped.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
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

fn attr_num<T: std::str::FromStr>(e: &BytesStart<'_>, name: &[u8]) -> Option<T> {
    attr(e, name)?.trim().parse().ok()
}

/// The target of the package relationship of type officeDocument.
fn main_document(rels: &str) -> Option<String> {
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

/// What a paragraph style says about numbering.
#[derive(Debug, Default)]
struct StyleNumbering {
    based_on: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

fn parse_styles(xml: &str) -> Result<HashMap<String, StyleNumbering>, XmlError> {
    let mut styles = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<(String, StyleNumbering)> = None;
    let mut depth = 0usize;
    loop {
        let event = next(&mut reader)?;
        let (e, empty) = match &event {
            Event::Start(e) => {
                depth += 1;
                (e, false)
            }
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if e.local_name().as_ref() == b"style" {
                    if let Some((id, style)) = current.take() {
                        styles.insert(id, style);
                    }
                }
                continue;
            }
            Event::Eof if depth == 0 => break,
            Event::Eof => return Err(unclosed(&reader)),
            _ => continue,
        };
        match e.local_name().as_ref() {
            b"style" if !empty => {
                current = attr(e, b"styleId").map(|id| (id, StyleNumbering::default()));
            }
            b"basedOn" => {
                if let Some((_, s)) = &mut current {
                    s.based_on = attr(e, b"val");
                }
            }
            b"numId" => {
                if let Some((_, s)) = &mut current {
                    s.num_id = attr_num(e, b"val");
                }
            }
            b"ilvl" => {
                if let Some((_, s)) = &mut current {
                    s.ilvl = attr_num(e, b"val");
                }
            }
            _ => {}
        }
    }
    Ok(styles)
}

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    format: String,
    /// `w:format` of a `custom` number format (Word 2010+), e.g. "001, 002, 003, ...".
    custom: Option<String>,
    text: Option<String>,
    restart: Option<u32>,
    legal: bool,
    style: Option<String>,
}

#[derive(Debug, Default)]
struct AbstractNum {
    levels: HashMap<u8, Level>,
    /// `w:numStyleLink`: the definition lives with the numbering style of that id.
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    start_overrides: HashMap<u8, u32>,
    levels: HashMap<u8, Level>,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, Num>,
}

fn parse_numbering(xml: &str) -> Result<Numbering, XmlError> {
    enum Owner {
        None,
        Abstract(u32, AbstractNum),
        Num(u32, Num),
    }
    let mut numbering = Numbering::default();
    let mut reader = Reader::from_str(xml);
    let mut owner = Owner::None;
    let mut override_level: Option<u8> = None;
    let mut level: Option<(u8, Level)> = None;
    let mut depth = 0usize;
    // Depth inside an mc:Fallback (Word puts a plain numFmt there for old readers).
    let mut fallback = 0usize;
    loop {
        let event = next(&mut reader)?;
        let (e, empty) = match &event {
            Event::Start(e) => {
                depth += 1;
                if fallback > 0 {
                    fallback += 1;
                    continue;
                }
                (e, false)
            }
            Event::Empty(e) => {
                if fallback > 0 {
                    continue;
                }
                (e, true)
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if fallback > 0 {
                    fallback -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"lvl" => {
                        if let Some((ilvl, l)) = level.take() {
                            match &mut owner {
                                Owner::Abstract(_, a) => {
                                    a.levels.insert(ilvl, l);
                                }
                                Owner::Num(_, n) => {
                                    n.levels.insert(ilvl, l);
                                }
                                Owner::None => {}
                            }
                        }
                    }
                    b"lvlOverride" => override_level = None,
                    b"abstractNum" | b"num" => match std::mem::replace(&mut owner, Owner::None) {
                        Owner::Abstract(id, a) => {
                            numbering.abstracts.insert(id, a);
                        }
                        Owner::Num(id, n) => {
                            numbering.nums.insert(id, n);
                        }
                        Owner::None => {}
                    },
                    _ => {}
                }
                continue;
            }
            Event::Eof if depth == 0 => break,
            Event::Eof => return Err(unclosed(&reader)),
            _ => continue,
        };
        let val = || attr(e, b"val");
        match e.local_name().as_ref() {
            b"Fallback" if !empty => fallback = 1,
            b"abstractNum" if !empty => {
                owner = Owner::Abstract(
                    attr_num(e, b"abstractNumId").unwrap_or(u32::MAX),
                    AbstractNum::default(),
                );
            }
            b"num" if !empty => {
                owner = Owner::Num(attr_num(e, b"numId").unwrap_or(u32::MAX), Num::default());
            }
            b"abstractNumId" => {
                if let Owner::Num(_, n) = &mut owner {
                    n.abstract_id = attr_num(e, b"val").unwrap_or(u32::MAX);
                }
            }
            b"numStyleLink" => {
                if let Owner::Abstract(_, a) = &mut owner {
                    a.style_link = val();
                }
            }
            b"lvlOverride" => override_level = attr_num(e, b"ilvl"),
            b"startOverride" => {
                if let (Owner::Num(_, n), Some(ilvl), Some(start)) =
                    (&mut owner, override_level, attr_num(e, b"val"))
                {
                    n.start_overrides.insert(ilvl, start);
                }
            }
            b"lvl" if !empty => {
                let ilvl = attr_num(e, b"ilvl").or(override_level).unwrap_or(0);
                level = Some((ilvl, Level::default()));
            }
            name => {
                if let Some((_, l)) = &mut level {
                    match name {
                        b"start" => l.start = attr_num(e, b"val"),
                        b"numFmt" => {
                            l.format = val().unwrap_or_default();
                            l.custom = attr(e, b"format");
                        }
                        b"lvlText" => l.text = val(),
                        b"lvlRestart" => l.restart = attr_num(e, b"val"),
                        b"isLgl" => l.legal = val().is_none_or(|v| is_true(&v)),
                        b"pStyle" => l.style = val(),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(numbering)
}

fn is_true(value: &str) -> bool {
    !matches!(value, "0" | "false" | "off")
}

/// Looks up numbering definitions and keeps the running counters.
struct Resolver<'a> {
    styles: &'a HashMap<String, StyleNumbering>,
    numbering: &'a Numbering,
}

/// The running state of automatic numbering within one part.
#[derive(Default)]
struct Counters {
    /// Per abstract list, the last number given at each level (None: not yet, or reset).
    values: HashMap<u32, [Option<u32>; 9]>,
    /// The (numId, level) pairs whose start override has been applied.
    overridden: HashSet<(u32, u8)>,
}

impl Resolver<'_> {
    /// The numbering of a paragraph from its own `w:numPr` and its style chain.
    fn paragraph_numbering(&self, para: &Paragraph) -> Option<(u32, u8)> {
        let mut style_num = None;
        let mut style_ilvl = None;
        let mut style = para.style.as_deref();
        for _ in 0..16 {
            let Some(s) = style.and_then(|id| self.styles.get(id)) else {
                break;
            };
            style_num = style_num.or(s.num_id);
            style_ilvl = style_ilvl.or(s.ilvl);
            style = s.based_on.as_deref();
        }
        let num_id = para.num_id.or(style_num).filter(|&id| id != 0)?;
        let ilvl = para.ilvl.or(style_ilvl).unwrap_or_else(|| {
            // A level linked to the paragraph's style (w:lvl/w:pStyle), as Word's
            // heading styles are.
            self.definition(num_id)
                .and_then(|(_, abs)| {
                    abs.levels
                        .iter()
                        .find(|(_, l)| l.style.is_some() && l.style == para.style)
                        .map(|(&i, _)| i)
                })
                .unwrap_or(0)
        });
        Some((num_id, ilvl.min(8)))
    }

    /// The abstract list of a numId, following `w:numStyleLink` once.
    fn definition(&self, num_id: u32) -> Option<(u32, &AbstractNum)> {
        let num = self.numbering.nums.get(&num_id)?;
        let mut id = num.abstract_id;
        let mut abs = self.numbering.abstracts.get(&id)?;
        if let Some(link) = &abs.style_link {
            if let Some(linked) = self
                .styles
                .get(link)
                .and_then(|s| s.num_id)
                .and_then(|n| self.numbering.nums.get(&n))
            {
                if let Some(a) = self.numbering.abstracts.get(&linked.abstract_id) {
                    id = linked.abstract_id;
                    abs = a;
                }
            }
        }
        Some((id, abs))
    }

    /// Advances the counters for a paragraph numbered (numId, ilvl) and returns its label
    /// as Word shows it ("一、", "（二）", "3."), or None for bullets and empty labels.
    fn label(&self, counters: &mut Counters, num_id: u32, ilvl: u8) -> Option<String> {
        let num = self.numbering.nums.get(&num_id)?;
        let (abstract_id, abs) = self.definition(num_id)?;
        let level = |l: u8| num.levels.get(&l).or_else(|| abs.levels.get(&l));
        let start = |l: u8| {
            num.start_overrides
                .get(&l)
                .copied()
                .or_else(|| level(l).and_then(|lv| lv.start))
                .unwrap_or(1)
        };
        let this = level(ilvl)?;
        if this.format == "bullet" {
            return None;
        }
        let values = counters.values.entry(abstract_id).or_insert([None; 9]);
        let i = usize::from(ilvl);
        let value = if num.start_overrides.contains_key(&ilvl)
            && counters.overridden.insert((num_id, ilvl))
        {
            start(ilvl)
        } else {
            values[i].map_or_else(|| start(ilvl), |v| v.saturating_add(1))
        };
        values[i] = Some(value);
        for deeper in ilvl + 1..9 {
            let restart_after = level(deeper)
                .and_then(|l| l.restart)
                .unwrap_or(u32::from(deeper));
            if u32::from(ilvl) < restart_after {
                values[usize::from(deeper)] = None;
            }
        }
        let template = this.text.as_deref()?;
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let l = (d - 1) as u8;
                    let n = values[l as usize].unwrap_or_else(|| start(l));
                    let (format, custom) = match level(l) {
                        _ if this.legal => ("decimal", None),
                        Some(lv) => (lv.format.as_str(), lv.custom.as_deref()),
                        None => ("decimal", None),
                    };
                    out.push_str(&format_number(n, format, custom));
                }
                _ => out.push(c),
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

/// A number in one of Word's number formats (`w:numFmt`); unknown formats are decimal.
fn format_number(n: u32, format: &str, custom: Option<&str>) -> String {
    const CIRCLED: u32 = 0x2460; // ①
    const PARENTHESIZED: u32 = 0x2474; // ⑴
    const FULL_STOP: u32 = 0x2488; // ⒈
    let from = |base: u32, max: u32| {
        if (1..=max).contains(&n) {
            char::from_u32(base + n - 1).map_or_else(|| n.to_string(), String::from)
        } else {
            n.to_string()
        }
    };
    let cycle = |chars: &[char]| {
        usize::try_from(n)
            .ok()
            .filter(|&i| (1..=chars.len()).contains(&i))
            .map_or_else(|| n.to_string(), |i| chars[i - 1].to_string())
    };
    match format {
        "decimalZero" => format!("{n:02}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerLetter" => letters(n).to_lowercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting"
        | "koreanCounting" => chinese(n, &DIGITS, ['十', '百', '千']),
        "chineseLegalSimplified" => chinese(n, &LEGAL_DIGITS, ['拾', '佰', '仟']),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|c| DIGITS[c.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" => {
            cycle(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
        }
        "ideographZodiac" => cycle(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => {
            from(CIRCLED, 20)
        }
        "decimalEnclosedParen" => from(PARENTHESIZED, 20),
        "decimalEnclosedFullstop" => from(FULL_STOP, 20),
        "none" => String::new(),
        "custom" => custom_format(n, custom.unwrap_or("")),
        _ => n.to_string(),
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, as 公文 writes them.
fn chinese(n: u32, digits: &[char; 10], units: [char; 3]) -> String {
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in places.iter().enumerate() {
        let unit = [Some(units[2]), Some(units[1]), Some(units[0]), None][i];
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 10–19 read 十, 十一 … (not 一十) when nothing comes before.
        if !(i == 2 && d == 1 && out.is_empty()) {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

fn roman(n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in table {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Word's letters: A … Z, then AA, BB, … (the letter repeated).
fn letters(n: u32) -> String {
    if n == 0 {
        return n.to_string();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(50) as usize).collect()
}

/// A `custom` format by its first item: "001, 002, …" zero-padded; Chinese or circled
/// numerals by the character they start with; otherwise decimal.
fn custom_format(n: u32, format: &str) -> String {
    let first = format.split(',').next().unwrap_or("").trim();
    match first.chars().next() {
        Some('0') if first.chars().all(|c| c.is_ascii_digit()) => {
            format!("{n:0width$}", width = first.len())
        }
        Some('一') => chinese(n, &DIGITS, ['十', '百', '千']),
        Some('壹') => chinese(n, &LEGAL_DIGITS, ['拾', '佰', '仟']),
        Some('①') => format_number(n, "decimalEnclosedCircle", None),
        _ => n.to_string(),
    }
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    /// The codes of the fields in it (`w:instrText`, `w:fldSimple/@w:instr`).
    field_codes: String,
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
}

/// Elements whose whole content gives no text: deleted and moved-away text, field codes,
/// the fallback copy of alternate content, property-change history, section properties.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"del"
            | b"moveFrom"
            | b"delText"
            | b"delInstrText"
            | b"Fallback"
            | b"pPrChange"
            | b"rPrChange"
            | b"sectPr"
            | b"numberingChange"
    )
}

/// Footnotes and endnotes that are only the separator line.
fn is_separator_note(e: &BytesStart<'_>) -> bool {
    matches!(e.local_name().as_ref(), b"footnote" | b"endnote")
        && attr(e, b"type").is_some_and(|t| {
            matches!(
                t.as_str(),
                "separator" | "continuationSeparator" | "continuationNotice"
            )
        })
}

/// Which kind of part a story comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Story {
    Body,
    HeaderFooter,
    Notes,
}

/// Appends the paragraphs of one story (body, header, footer, notes) to `out`, each
/// followed by `\n`, with automatic numbering rendered.
fn paragraphs(
    xml: &str,
    resolver: &Resolver<'_>,
    story: Story,
    out: &mut String,
) -> Result<(), XmlError> {
    let mut reader = Reader::from_str(xml);
    let mut counters = Counters::default();
    let mut stack: Vec<Paragraph> = Vec::new();
    let mut depth = 0usize;
    let mut skip = 0usize;
    let mut in_properties = 0usize;
    let mut in_text = false;
    let mut in_field_code = false;
    let mut emit = |para: Paragraph, out: &mut String| {
        if story == Story::HeaderFooter && para.field_codes.contains("PAGE") {
            return;
        }
        if let Some((num_id, ilvl)) = resolver.paragraph_numbering(&para) {
            if let Some(label) = resolver.label(&mut counters, num_id, ilvl) {
                out.push_str(&label);
            }
        }
        out.push_str(&para.text);
        out.push('\n');
    };
    loop {
        let event = next(&mut reader)?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    n if skipped(n) || is_separator_note(&e) => skip = 1,
                    b"p" => stack.push(Paragraph::default()),
                    b"pPr" => in_properties += 1,
                    b"t" if in_properties == 0 => in_text = true,
                    b"instrText" => in_field_code = true,
                    b"fldSimple" => {
                        if let (Some(para), Some(code)) = (stack.last_mut(), attr(&e, b"instr")) {
                            para.field_codes.push_str(&code);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(para) = stack.pop() {
                            emit(para, out);
                        }
                    }
                    b"pPr" => in_properties = in_properties.saturating_sub(1),
                    b"t" => in_text = false,
                    b"instrText" => in_field_code = false,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let Some(para) = stack.last_mut() else {
                    if e.local_name().as_ref() == b"p" {
                        emit(Paragraph::default(), out);
                    }
                    continue;
                };
                match e.local_name().as_ref() {
                    b"p" => emit(Paragraph::default(), out),
                    b"pStyle" if in_properties > 0 => para.style = attr(&e, b"val"),
                    b"numId" if in_properties > 0 => para.num_id = attr_num(&e, b"val"),
                    b"ilvl" if in_properties > 0 => para.ilvl = attr_num(&e, b"val"),
                    _ if in_properties > 0 => {}
                    b"tab" | b"ptab" => para.text.push('\t'),
                    b"br" | b"cr" => {
                        let layout =
                            attr(&e, b"type").is_some_and(|t| t == "page" || t == "column");
                        if !layout {
                            para.text.push('\u{2028}');
                        }
                    }
                    b"noBreakHyphen" => para.text.push('-'),
                    b"fldSimple" => {
                        if let Some(code) = attr(&e, b"instr") {
                            para.field_codes.push_str(&code);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if (in_text || in_field_code) && skip == 0 => {
                if let Some(para) = stack.last_mut() {
                    let content = t.xml10_content().map_err(|e| XmlError {
                        offset: reader.buffer_position(),
                        message: e.to_string(),
                    })?;
                    if in_field_code {
                        para.field_codes.push_str(&content);
                    } else {
                        push_text(&mut para.text, &content);
                    }
                }
            }
            Event::CData(t) if in_text && skip == 0 => {
                if let Some(para) = stack.last_mut() {
                    push_text(&mut para.text, &String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                if let Some(para) = stack.last_mut() {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => match &*r {
                            b"amp" => Some('&'),
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"quot" => Some('"'),
                            b"apos" => Some('\''),
                            _ => None,
                        },
                        Err(e) => {
                            return Err(XmlError {
                                offset: reader.buffer_position(),
                                message: e.to_string(),
                            })
                        }
                    };
                    if let Some(c) = c {
                        push_text(&mut para.text, c.encode_utf8(&mut [0; 4]));
                    }
                }
            }
            Event::Eof if depth == 0 => break,
            Event::Eof => return Err(unclosed(&reader)),
            _ => {}
        }
    }
    Ok(())
}

/// Text of a `w:t`: a line end inside it (Word never writes one) is read as a space, so
/// that a paragraph stays one line.
fn push_text(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| match c {
        '\n' | '\r' => ' ',
        c => c,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn body(paragraphs: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{paragraphs}</w:body></w:document>"#
        )
    }

    fn text_of(parts: &[(&str, &str)]) -> String {
        extract(&package(parts)).unwrap().text
    }

    #[test]
    fn runs_tabs_breaks_tables_and_entities() {
        let doc = body(concat!(
            r#"<w:p><w:r><w:t>一、基本</w:t></w:r><w:r><w:t xml:space="preserve">情况 &amp; </w:t><w:tab/><w:t>A</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>中共某镇委员会</w:t><w:br/><w:t>关于</w:t><w:br w:type="page"/><w:t>报告</w:t></w:r></w:p>"#,
            r#"<w:p/>"#,
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格一</w:t></w:r></w:p><w:p><w:r><w:t>格一下</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>格二</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            r#"<w:p><w:r><w:t>删</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r></w:p>"#,
        ));
        let text = text_of(&[("word/document.xml", &doc)]);
        assert_eq!(
            text,
            "一、基本情况 & \tA\n中共某镇委员会\u{2028}关于报告\n\n格一\n格一下\n格二\n删新7\n"
        );
    }

    #[test]
    fn headers_footers_and_notes_follow_the_body_in_order() {
        let doc = body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        let story = |root: &str, text: &str| {
            format!("<w:{root} {W}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{root}>")
        };
        let page_number = format!(
            r#"<w:ftr {W}><w:p><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p><w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p><w:p><w:r><w:t>印发</w:t></w:r></w:p></w:ftr>"#
        );
        let notes = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let extracted = extract(&package(&[
            ("word/document.xml", &doc),
            ("word/footer1.xml", &story("ftr", "页脚")),
            ("word/footer2.xml", &page_number),
            ("word/header10.xml", &story("hdr", "页眉十")),
            ("word/header2.xml", &story("hdr", "页眉二")),
            ("word/header3.xml", &story("hdr", "页眉二")),
            ("word/footnotes.xml", &notes),
            ("word/endnotes.xml", &story("endnotes", "尾注")),
        ]))
        .unwrap();
        assert_eq!(
            extracted.text,
            "正文\n页眉二\n页眉十\n页脚\n印发\n脚注\n尾注\n"
        );
        assert_eq!(extracted.body_len, "正文\n".len());
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/>
          <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>
          <w:lvlText w:val="%1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn numbered(num_id: u32, ilvl: u8, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn automatic_numbering_is_rendered() {
        let doc = body(
            &[
                numbered(1, 0, "基本情况"),
                numbered(1, 1, "学习"),
                numbered(1, 2, "读书"),
                numbered(1, 2, "研讨"),
                numbered(1, 1, "制度"),
                numbered(1, 2, "修订"),
                numbered(1, 3, "细则"),
                numbered(1, 0, "问题"),
                numbered(1, 1, "作风"),
                "<w:p><w:r><w:t>正文</w:t></w:r></w:p>".to_string(),
                numbered(2, 0, "打算"),
                numbered(1, 1, "深化"),
                numbered(0, 0, "不编号"),
                numbered(3, 0, "甲"),
                numbered(3, 1, "圆点"),
                numbered(3, 2, "圈"),
            ]
            .concat(),
        );
        let text = text_of(&[
            ("word/document.xml", &doc),
            ("word/numbering.xml", NUMBERING),
        ]);
        assert_eq!(
            text,
            "一、基本情况\n（一）学习\n1.读书\n2.研讨\n（二）制度\n1.修订\n1.1细则\n二、问题\n（一）作风\n正文\n五、打算\n（一）深化\n不编号\n001甲\n圆点\n①圈\n"
        );
    }

    #[test]
    fn numbering_from_paragraph_styles() {
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        let para = |style: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let doc = body(&[para("H1", "甲"), para("H2", "乙"), para("H1", "丙")].concat());
        let text = text_of(&[
            ("word/document.xml", &doc),
            ("word/numbering.xml", NUMBERING),
            ("word/styles.xml", &styles),
        ]);
        assert_eq!(text, "一、甲\n（一）乙\n二、丙\n");
    }

    #[test]
    fn number_formats() {
        let cases = [
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "taiwaneseCountingThousand", "二十"),
            (105, "chineseCounting", "一百零五"),
            (3, "chineseLegalSimplified", "叁"),
            (2, "ideographTraditional", "乙"),
            (12, "decimalEnclosedCircle", "⑫"),
            (3, "decimalEnclosedParen", "⑶"),
            (4, "decimalFullWidth", "４"),
            (14, "lowerRoman", "xiv"),
            (28, "upperLetter", "BB"),
            (7, "decimalZero", "07"),
            (7, "ordinalText", "7"),
            (7, "none", ""),
        ];
        for (n, format, expected) in cases {
            assert_eq!(format_number(n, format, None), expected, "{n} {format}");
        }
    }

    #[test]
    fn malformed_packages_are_errors() {
        let ole = [&OLE_MAGIC[..], &[0; 100]].concat();
        assert!(matches!(extract(&ole), Err(DocxError::Ole)));
        assert!(matches!(extract(b"PK\x03\x04junk"), Err(DocxError::Zip(_))));
        let no_body = package(&[("word/styles.xml", "<w:styles/>")]);
        assert!(matches!(extract(&no_body), Err(DocxError::MissingBody(_))));
        let broken = package(&[(
            "word/document.xml",
            "<w:document><w:body><w:p></w:r></w:body></w:document>",
        )]);
        let err = extract(&broken).unwrap_err();
        assert!(matches!(err, DocxError::Xml { .. }), "{err}");
        assert!(err.to_string().contains("word/document.xml"), "{err}");
        let truncated = package(&[("word/document.xml", "<w:document><w:body><w:p>")]);
        assert!(matches!(extract(&truncated), Err(DocxError::Xml { .. })));
    }

    #[test]
    fn decompressed_size_is_limited() {
        let big = body(&"<w:p><w:r><w:t>正文</w:t></w:r></w:p>".repeat(200));
        let bytes = package(&[("word/document.xml", &big)]);
        let limits = Limits {
            part: 1024,
            total: 1 << 20,
        };
        let err = extract_with_limits(&bytes, limits).unwrap_err();
        assert!(matches!(err, DocxError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("压缩炸弹"));
        let limits = Limits {
            part: 1 << 20,
            total: 1024,
        };
        assert!(extract_with_limits(&bytes, limits).is_err());
        assert!(extract_with_limits(&bytes, Limits::default()).is_ok());
    }

    #[test]
    fn main_part_comes_from_the_package_relationships() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
        let doc = body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        let text = text_of(&[("_rels/.rels", rels), ("word/document2.xml", &doc)]);
        assert_eq!(text, "正文\n");
    }
}
