//! Between gwlint's byte spans and LSP's positions (0-based lines, UTF-16 code units),
//! and between URIs and paths.

use std::path::PathBuf;

use lsp_types::{Position, Range};
use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::source::{ColumnUnit, LineIndex};

/// Findings as LSP diagnostics: message plus help, secondary labels as related
/// information, a link to the rule's documentation where there is one. Built as JSON so
/// that any URI the client sent is echoed as it was.
pub fn to_lsp(uri: &str, text: &str, index: &LineIndex, findings: &[Diagnostic]) -> Vec<Value> {
    findings
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push('\n');
                message.push_str(help);
            }
            let severity = match d.severity {
                Severity::Error => 1,
                Severity::Warning => 2,
                Severity::Info => 3,
            };
            let mut diagnostic = json!({
                "range": range_of(text, index, d.span),
                "severity": severity,
                "code": d.code,
                "source": "gwlint",
                "message": message,
            });
            if let Some(href) = crate::render::rule_help_uri(d.code) {
                diagnostic["codeDescription"] = json!({ "href": href });
            }
            if !d.secondary.is_empty() {
                let related: Vec<Value> = d
                    .secondary
                    .iter()
                    .map(|l| {
                        json!({
                            "location": { "uri": uri, "range": range_of(text, index, l.span) },
                            "message": l.text,
                        })
                    })
                    .collect();
                diagnostic["relatedInformation"] = json!(related);
            }
            diagnostic
        })
        .collect()
}

pub fn range_of(text: &str, index: &LineIndex, span: Span) -> Range {
    Range::new(
        position(text, index, span.start),
        position(text, index, span.end),
    )
}

/// A byte offset as an LSP position: 0-based line, UTF-16 code units into the line.
/// Counted from the line index's checkpoints, so a long line costs no more than a
/// short one.
pub fn position(text: &str, index: &LineIndex, offset: usize) -> Position {
    let at = index.line_col_in(text, offset, ColumnUnit::Utf16);
    Position::new((at.line - 1) as u32, (at.column - 1) as u32)
}

/// The byte offset of an LSP position (clamped to its line, and to the text).
pub fn offset_of(text: &str, index: &LineIndex, position: Position) -> usize {
    let line = position.line as usize;
    if line >= index.line_count() {
        return text.len();
    }
    let start = index.line_start(line);
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= position.character as usize || c == '\n' || c == '\r' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The file a URI names: `file:` URIs are decoded; for others (`untitled:`…) the
/// last segment, so the file kind still follows the name and no config is found.
pub fn path_of(uri: &str) -> PathBuf {
    if let Some(rest) = uri.strip_prefix("file://") {
        // Skip an authority ("localhost" or empty).
        let path = rest.find('/').map_or(rest, |i| &rest[i..]);
        let decoded = percent_decode(path);
        // file:///C:/x → C:/x
        let windows =
            decoded.len() > 2 && decoded.as_bytes()[0] == b'/' && decoded.as_bytes()[2] == b':';
        return PathBuf::from(if windows { &decoded[1..] } else { &decoded });
    }
    let name = uri.rsplit(['/', ':']).next().unwrap_or(uri);
    PathBuf::from(percent_decode(name))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "一𠀀二\r\nab";
        let index = LineIndex::new(text);
        // 𠀀 is outside the BMP: two UTF-16 units.
        let two = text.find('二').unwrap();
        assert_eq!(position(text, &index, two), Position::new(0, 3));
        assert_eq!(offset_of(text, &index, Position::new(0, 3)), two);
        let b = text.find('b').unwrap();
        assert_eq!(position(text, &index, b), Position::new(1, 1));
        assert_eq!(offset_of(text, &index, Position::new(1, 1)), b);
        // Past the end of a line: its end; past the last line: the end of the text.
        assert_eq!(offset_of(text, &index, Position::new(0, 99)), two + 3);
        assert_eq!(offset_of(text, &index, Position::new(9, 0)), text.len());
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            path_of("file:///tmp/%E6%8A%A5%E5%91%8A%20a.md"),
            PathBuf::from("/tmp/报告 a.md")
        );
        assert_eq!(
            path_of("file:///c%3A/docs/a.txt"),
            PathBuf::from("c:/docs/a.txt")
        );
        assert_eq!(path_of("untitled:Untitled-1"), PathBuf::from("Untitled-1"));
    }
}
