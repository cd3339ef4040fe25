//! The parts of a file that are checked, each with the scope of rules that read it. This
//! is where file formats stop: the engine (`lib.rs::lint`) checks parts, not Markdown or
//! Word files.
//!
//! - plain text: the whole text, by every rule;
//! - Markdown: the whole text with its code, comments, front matter and link targets
//!   blanked byte for byte (`markdown::mask`), by every rule; findings touching a blanked
//!   range are dropped;
//! - Word: the body (`text[..body_len]`) as the document, by every rule; then the headers,
//!   footers and notes after it, with the body blanked to spaces (line ends kept, so
//!   offsets and lines stay those of the whole text), by the wording rules only. Headers,
//!   footers and notes thus never become the document's last lines (which would hide its
//!   落款 and 成文日期) nor its title.

use std::borrow::Cow;

use super::{markdown, SourceFile, SourceKind};
use crate::diagnostic::Span;

/// Which rules read a part (and which parts a rule reads, declared by each rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The document itself: every rule, numbering, structure and dated references in
    /// context included.
    Body,
    /// Text outside the document proper (a Word file's headers, footers, notes): only the
    /// rules about wording (typography, formulation, words), which need no structure.
    Wording,
}

/// One stretch of a file to check. Offsets in `text` are offsets in the file's text.
#[derive(Debug)]
pub struct Part<'s> {
    pub text: Cow<'s, str>,
    pub scope: Scope,
    /// Findings starting before this offset belong to an earlier part.
    pub from: usize,
    /// Blanked ranges: a finding touching one is dropped.
    pub hidden: Vec<Span>,
}

impl Part<'_> {
    /// Whether a finding at `span`, found in this part, is reported.
    pub fn keeps(&self, span: Span) -> bool {
        span.start >= self.from
            && !self
                .hidden
                .iter()
                .any(|r| span.start < r.end && r.start < span.end.max(span.start + 1))
    }
}

/// The parts of a file, the document body first.
pub fn parts(source: &SourceFile) -> Vec<Part<'_>> {
    let text = source.text.as_str();
    match source.kind {
        SourceKind::Text => vec![Part {
            text: Cow::Borrowed(text),
            scope: Scope::Body,
            from: 0,
            hidden: Vec::new(),
        }],
        SourceKind::Markdown => {
            let (masked, hidden) = markdown::mask(text);
            vec![Part {
                text: Cow::Owned(masked),
                scope: Scope::Body,
                from: 0,
                hidden,
            }]
        }
        SourceKind::Docx { body_len } => {
            let body_len = body_len.min(text.len());
            let mut parts = vec![Part {
                text: Cow::Borrowed(&text[..body_len]),
                scope: Scope::Body,
                from: 0,
                hidden: Vec::new(),
            }];
            if body_len < text.len() {
                let blanked = text[..body_len]
                    .bytes()
                    .map(|b| if b == b'\n' { '\n' } else { ' ' })
                    .collect::<String>()
                    + &text[body_len..];
                parts.push(Part {
                    text: Cow::Owned(blanked),
                    scope: Scope::Wording,
                    from: body_len,
                    hidden: Vec::new(),
                });
            }
            parts
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_file_is_its_body_then_its_notes_blanked_before_them() {
        let mut source = SourceFile::from_text("a.docx", "正文一\n正文二\n页脚\n");
        source.kind = SourceKind::Docx { body_len: 20 };
        let parts = parts(&source);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].text, "正文一\n正文二\n");
        assert_eq!(parts[0].scope, Scope::Body);
        assert_eq!(parts[1].text.len(), source.text.len());
        assert!(parts[1].text.ends_with("\n页脚\n") && parts[1].text.starts_with("         \n"));
        assert_eq!(parts[1].scope, Scope::Wording);
        assert!(!parts[1].keeps(Span::new(3, 6)) && parts[1].keeps(Span::new(20, 23)));
    }

    #[test]
    fn markdown_findings_touching_code_are_dropped() {
        let source = SourceFile::from_text("a.md", "正文 `code` 正文\n");
        let parts = parts(&source);
        assert_eq!(parts.len(), 1);
        assert!(!parts[0].text.contains("code"));
        let code = source.text.find('`').unwrap();
        assert!(!parts[0].keeps(Span::new(code, code + 1)));
        assert!(parts[0].keeps(Span::new(0, 3)));
    }
}
