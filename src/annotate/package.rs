//! The .docx package around the comments: the main part, the comments part, the main
//! part's relationships and `[Content_Types].xml`. Every other entry is copied raw (its
//! compressed bytes as stored), so it stays byte-identical.

use std::io::{Cursor, Read as _, Write as _};

const CONTENT_TYPES: &str = "[Content_Types].xml";
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const TRANSITIONAL_MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const STRICT_MAIN: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const TRANSITIONAL_RELS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_RELS: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";

pub(super) struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    main: String,
    pub(super) main_xml: String,
    /// The main part began with a UTF-8 BOM (kept on writing).
    bom: bool,
    rels_name: String,
    rels: Option<String>,
    /// The comments part's name and its text, when the document has comments already.
    comments_name: String,
    comments: Option<String>,
    content_types: String,
    strict: bool,
}

fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{name} 不是 UTF-8 编码"))
}

impl<'a> Package<'a> {
    pub(super) fn read(bytes: &'a [u8], main: &str) -> Result<Self, String> {
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("ZIP 结构损坏：{e}"))?;
        let raw = read_entry(&mut archive, main)?.ok_or_else(|| format!("没有正文部件 {main}"))?;
        let (bom, main_xml) = match raw.strip_prefix('\u{feff}') {
            Some(rest) => (true, rest.to_string()),
            None => (false, raw),
        };
        let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let rels_name = format!("{dir}_rels/{file}.rels");
        let rels = read_entry(&mut archive, &rels_name)?;
        let strict = main_xml.contains(STRICT_MAIN);
        let existing = rels.as_deref().and_then(comments_target);
        let comments_name = match existing {
            Some(target) if target.starts_with('/') => target.trim_start_matches('/').to_string(),
            Some(target) => format!("{dir}{target}"),
            None => format!("{dir}comments.xml"),
        };
        let comments = read_entry(&mut archive, &comments_name)?;
        let content_types = read_entry(&mut archive, CONTENT_TYPES)?
            .ok_or_else(|| "没有 [Content_Types].xml".to_string())?;
        Ok(Self {
            archive,
            main: main.to_string(),
            main_xml,
            bom,
            rels_name,
            rels,
            comments_name,
            comments,
            content_types,
            strict,
        })
    }

    /// The first comment id not used by the document's own comments.
    pub(super) fn next_comment_id(&self) -> u32 {
        let Some(comments) = &self.comments else {
            return 0;
        };
        let mut next = 0;
        let mut rest = comments.as_str();
        while let Some(at) = rest.find("id=\"") {
            rest = &rest[at + 4..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(id) = digits.parse::<u32>() {
                next = next.max(id.saturating_add(1));
            }
        }
        next
    }

    /// The package with `document` as the main part and `comments` (id, paragraphs)
    /// added to the comments part.
    pub(super) fn write(
        mut self,
        document: &str,
        comments: &[(u32, Vec<String>)],
    ) -> Result<Vec<u8>, String> {
        let main_ns = if self.strict {
            STRICT_MAIN
        } else {
            TRANSITIONAL_MAIN
        };
        let mut entries = String::new();
        for (id, paragraphs) in comments {
            entries.push_str(&comment_xml("w:", *id, paragraphs));
        }
        let comments_xml = match &self.comments {
            Some(existing) => {
                let prefix = root_prefix(existing, "comments");
                let mut entries = String::new();
                for (id, paragraphs) in comments {
                    entries.push_str(&comment_xml(&prefix, *id, paragraphs));
                }
                let close = format!("</{prefix}comments>");
                match existing.rfind(&close) {
                    Some(at) => format!("{}{entries}{}", &existing[..at], &existing[at..]),
                    None => return Err(format!("{} 无法解析", self.comments_name)),
                }
            }
            None => format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{main_ns}\">{entries}</w:comments>"
            ),
        };
        let rels_ns = if self.strict {
            STRICT_RELS
        } else {
            TRANSITIONAL_RELS
        };
        let rels = match &self.rels {
            Some(rels) if comments_target(rels).is_some() => None,
            Some(rels) => {
                let id = free_id(rels);
                let relationship = format!(
                    "<Relationship Id=\"{id}\" Type=\"{rels_ns}/comments\" Target=\"{}\"/>",
                    self.comments_name.rsplit('/').next().unwrap_or("comments.xml")
                );
                let at = rels.rfind("</Relationships>").ok_or("关系部件无法解析")?;
                Some(format!("{}{relationship}{}", &rels[..at], &rels[at..]))
            }
            None => Some(format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rels_ns}/comments\" Target=\"{}\"/></Relationships>",
                self.comments_name.rsplit('/').next().unwrap_or("comments.xml")
            )),
        };
        let part_name = format!("/{}", self.comments_name);
        let content_types = if self
            .content_types
            .contains(&format!("PartName=\"{part_name}\""))
        {
            None
        } else {
            let at = self
                .content_types
                .rfind("</Types>")
                .ok_or("[Content_Types].xml 无法解析")?;
            Some(format!(
                "{}<Override PartName=\"{part_name}\" ContentType=\"{COMMENTS_TYPE}\"/>{}",
                &self.content_types[..at],
                &self.content_types[at..]
            ))
        };

        let mut main = String::with_capacity(document.len() + 3);
        if self.bom {
            main.push('\u{feff}');
        }
        main.push_str(document);
        let mut replaced: Vec<(String, String)> = vec![
            (self.main.clone(), main),
            (self.comments_name.clone(), comments_xml),
        ];
        if let Some(rels) = rels {
            replaced.push((self.rels_name.clone(), rels));
        }
        if let Some(types) = content_types {
            replaced.push((CONTENT_TYPES.to_string(), types));
        }
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let zip_error = |e: zip::result::ZipError| format!("无法写出 ZIP：{e}");
        for i in 0..self.archive.len() {
            let entry = self.archive.by_index_raw(i).map_err(zip_error)?;
            let name = entry.name().to_string();
            if let Some(k) = replaced.iter().position(|(n, _)| *n == name) {
                drop(entry);
                let (name, content) = replaced.remove(k);
                writer.start_file(name, options).map_err(zip_error)?;
                writer
                    .write_all(content.as_bytes())
                    .map_err(|e| e.to_string())?;
            } else {
                writer.raw_copy_file(entry).map_err(zip_error)?;
            }
        }
        // New parts (the comments, and the relationships if there were none).
        for (name, content) in replaced {
            writer.start_file(name, options).map_err(zip_error)?;
            writer
                .write_all(content.as_bytes())
                .map_err(|e| e.to_string())?;
        }
        Ok(writer.finish().map_err(zip_error)?.into_inner())
    }
}

/// The target of the comments relationship, if the part has one.
fn comments_target(rels: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(rels);
    loop {
        match reader.read_event().ok()? {
            quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e)
                if e.local_name().as_ref() == b"Relationship" =>
            {
                let value = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                if value(b"Type").is_some_and(|t| t.ends_with("/comments")) {
                    return value(b"Target");
                }
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
    }
}

/// A relationship id not used in `rels`.
fn free_id(rels: &str) -> String {
    (1..)
        .map(|n| format!("rIdGwlint{n}"))
        .find(|id| !rels.contains(&format!("\"{id}\"")))
        .unwrap_or_else(|| "rIdGwlint".to_string())
}

/// `w:` for `<w:comments …>`.
fn root_prefix(xml: &str, local: &str) -> String {
    let Some(at) = xml
        .find(&format!("{local} "))
        .or_else(|| xml.find(&format!("{local}>")))
    else {
        return "w:".to_string();
    };
    let open = xml[..at].rfind('<').unwrap_or(at);
    xml[open + 1..at].to_string()
}

/// One `w:comment` by gwlint: the paragraphs given, the first with the annotation mark.
fn comment_xml(prefix: &str, id: u32, paragraphs: &[String]) -> String {
    let w = prefix;
    let mut out = format!("<{w}comment {w}id=\"{id}\" {w}author=\"gwlint\" {w}initials=\"GW\">");
    for (k, text) in paragraphs.iter().enumerate() {
        out.push_str(&format!("<{w}p>"));
        if k == 0 {
            out.push_str(&format!("<{w}r><{w}annotationRef/></{w}r>"));
        }
        out.push_str(&format!(
            "<{w}r><{w}t xml:space=\"preserve\">{}</{w}t></{w}r></{w}p>",
            quick_xml::escape::escape(text.as_str())
        ));
    }
    out.push_str(&format!("</{w}comment>"));
    out
}
