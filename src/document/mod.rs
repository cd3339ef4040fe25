//! The document model: what a 公文 is made of, with the byte span of every part.
//!
//! `parser.rs` builds it from text (the only place that uses pest); rules only read it.

pub mod annexes;
mod closing;
pub mod elements;
pub mod enumeration;
pub mod marker;
mod parser;
pub mod title;
pub mod vocabulary;

pub use annexes::Annex;
pub use elements::Element;
pub use enumeration::{EnumItem, Series};
pub use marker::{Level, Marker, MarkerStyle};
pub use parser::{parse, parse_date};

use crate::diagnostic::Span;

/// What a line of the document is, once the whole document has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// 标题 and the lines that belong to the title block (subtitle, author line).
    Title,
    /// 主送机关 / 称谓, e.g. "尊敬的县委巡察组各位领导："
    Salutation,
    /// A numbered heading (index into `Document::headings`).
    Heading(usize),
    /// A body paragraph (in plain-text 公文 one line is one paragraph).
    Paragraph,
    /// 结束语, e.g. "特此报告。"
    Closing,
    /// 落款: the issuing body or the author.
    Signature,
    /// 成文日期.
    Date,
    /// 附件说明 and the list of attachments.
    Attachment,
    /// A 版头 element above the title: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人.
    Masthead,
    /// After the 成文日期: 附注 and the 版记 (抄送机关, 印发机关和印发日期, 公开属性).
    Imprint,
}

/// One line of the source, without its line ending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The whole line, without the line ending.
    pub span: Span,
    /// Leading whitespace (ASCII, U+3000, U+00A0, tab), if any.
    pub indent: Option<Span>,
    /// A Markdown heading prefix ("## "), if any.
    pub md_prefix: Option<Span>,
    /// The text after indentation and prefix.
    pub content: Span,
    pub kind: LineKind,
}

/// A numbered heading: marker + title, and the run-in body when both share a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Index of the line in `Document::lines`.
    pub line: usize,
    pub marker: Marker,
    /// Spaces between the marker and the title.
    pub gap: Option<Span>,
    /// The title, up to and including the first sentence end when a run-in body follows.
    pub title: Span,
    /// The body text on the heading's own line, as in "（一）坚持理论学习。一是…".
    pub run_in: Option<Span>,
    /// True when the parser nested this heading inside a deeper one because its level
    /// was used out of place (a "一、" between "（一）" and "（二）").
    pub inverted: bool,
}

/// A section: a heading, the paragraphs under it, and its subsections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Index into `Document::headings`.
    pub heading: usize,
    /// Indices of the body paragraph lines directly under this heading.
    pub paragraphs: Vec<usize>,
    pub children: Vec<Section>,
    /// Inline enumerations in the section's own text (run-in and paragraphs).
    pub enumeration: Vec<EnumItem>,
    /// From the start of the heading line to the end of the section's last line.
    pub span: Span,
}

/// A parsed 公文.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub lines: Vec<Line>,
    pub headings: Vec<Heading>,
    /// The title (first line of the title block).
    pub title: Option<usize>,
    pub salutation: Option<usize>,
    /// Paragraph lines before the first heading.
    pub preamble: Vec<usize>,
    pub preamble_enumeration: Vec<EnumItem>,
    pub sections: Vec<Section>,
    pub closing: Vec<usize>,
    pub signature: Vec<usize>,
    pub date: Option<usize>,
    pub attachments: Vec<usize>,
    /// 版头 lines above the title, with the element each is.
    pub masthead: Vec<(usize, Element)>,
    /// 附注 and 版记 lines after the 成文日期, with the element each is.
    pub imprint: Vec<(usize, Element)>,
    /// 附件 printed after the 成文日期 (“附件1” and its title), outside the body.
    pub annexes: Vec<Annex>,
    /// The title line of a document printed after the 落款 and 成文日期 (the 方案 that a
    /// 印发通知 issues); its lines stay in the body.
    pub issued_document: Option<usize>,
}

impl Document {
    /// The text of a line's content (after indentation and Markdown prefix).
    pub fn content<'t>(&self, text: &'t str, line: usize) -> &'t str {
        self.lines[line].content.slice(text)
    }

    /// The heading of a section.
    pub fn heading(&self, section: &Section) -> &Heading {
        &self.headings[section.heading]
    }

    /// Every section, depth first, in document order.
    pub fn walk_sections(&self) -> Vec<&Section> {
        fn visit<'d>(sections: &'d [Section], out: &mut Vec<&'d Section>) {
            for s in sections {
                out.push(s);
                visit(&s.children, out);
            }
        }
        let mut out = Vec::new();
        visit(&self.sections, &mut out);
        out
    }

    /// The last non-blank line, if any.
    pub fn last_nonblank_line(&self) -> Option<usize> {
        self.lines.iter().rposition(|l| l.kind != LineKind::Blank)
    }
}
