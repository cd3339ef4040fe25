//! Family `typography` (T): punctuation, spaces, digits and quotation marks per
//! GB/T 15834-2011 and GB/T 15835-2011.
//!
//! Every rule here reads the same stretches of text, [`segments`]: each non-blank line's
//! content without a heading's numbering marker (the numbering family owns markers, so
//! “(三)” is reported once, as a marker). Inside a segment, URLs, e-mail addresses and
//! Markdown code and link targets are [`Protected`]: their ASCII punctuation is not prose.

mod abbreviated_year;
mod ascii_quote;
mod decimal_leading_zero;
mod doubled_punctuation;
mod dunhao_between_quoted;
mod fullwidth_alphanumeric;
mod halfwidth_punctuation;
mod hyphen_range;
mod inconsistent_indent;
mod invisible_character;
mod mixed_percent;
mod stray_space;
mod unpaired_bracket;
mod wrong_ellipsis;

pub use abbreviated_year::AbbreviatedYear;
pub use ascii_quote::AsciiQuote;
pub use decimal_leading_zero::DecimalWithoutLeadingZero;
pub use doubled_punctuation::DoubledPunctuation;
pub use dunhao_between_quoted::DunhaoBetweenQuotedItems;
pub use fullwidth_alphanumeric::FullwidthAlphanumeric;
pub use halfwidth_punctuation::HalfwidthPunctuation;
pub use hyphen_range::HyphenRange;
pub use inconsistent_indent::InconsistentIndent;
pub use invisible_character::InvisibleCharacter;
pub use mixed_percent::MixedPercentSign;
pub use stray_space::StraySpace;
pub use unpaired_bracket::UnpairedBracket;
pub use wrong_ellipsis::WrongEllipsis;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::checks::Rule;
use crate::diagnostic::Span;
use crate::document::{Document, LineKind};

/// The rules of this family, sorted by code.
pub(crate) static RULES: &[&dyn Rule] = &[
    &HalfwidthPunctuation,
    &FullwidthAlphanumeric,
    &MixedPercentSign,
    &StraySpace,
    &InconsistentIndent,
    &UnpairedBracket,
    &AsciiQuote,
    &DoubledPunctuation,
    &WrongEllipsis,
    &HyphenRange,
    &DecimalWithoutLeadingZero,
    &AbbreviatedYear,
    &DunhaoBetweenQuotedItems,
    &InvisibleCharacter,
];

/// A CJK ideograph (汉字), including 〇.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '〇')
}

/// Full-width punctuation of Chinese running text (标点符号 of GB/T 15834-2011).
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '（'
            | '）'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '～'
            | '·'
    )
}

/// Han or Chinese punctuation: what makes a neighbour "Chinese text".
pub(crate) fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// The spaces people type into Chinese text: ASCII, no-break, ideographic, and the
/// typographic spaces of U+2000–U+200A and U+202F.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{00A0}' | '\u{3000}' | '\u{2000}'..='\u{200A}' | '\u{202F}'
    )
}

/// One stretch of text the typography rules read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    /// Index of the line in `Document::lines`.
    pub line: usize,
    pub kind: LineKind,
    pub span: Span,
}

impl Segment {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// The span of a byte range relative to this segment.
    pub fn at(&self, range: Range<usize>) -> Span {
        Span::new(self.span.start + range.start, self.span.start + range.end)
    }
}

/// Each non-blank line's content; for a heading, what follows its marker and the spaces
/// after it.
pub(crate) fn segments(doc: &Document) -> Vec<Segment> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.kind != LineKind::Blank && !line.content.is_empty())
        .map(|(i, line)| {
            let start = match line.kind {
                LineKind::Heading(h) => {
                    let heading = &doc.headings[h];
                    heading
                        .gap
                        .map_or(heading.marker.span.end, |g| g.end)
                        .max(line.content.start)
                }
                _ => line.content.start,
            };
            let span = Span::new(start.min(line.content.end), line.content.end);
            Segment {
                line: i,
                kind: line.kind,
                span,
            }
        })
        .collect()
}

static PROTECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:https?|ftp)://[!-~]+",
        r"|www\.[!-~]+",
        r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
        r"|`[^`]*`",
        r"|\]\([^)\s]*\)",
        r"|<!--.*?-->",
        r"|&(?:[A-Za-z][A-Za-z0-9]{1,7}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
    ))
    .expect("protected-text pattern is valid")
});

/// Byte ranges of a segment that are not prose: URLs, e-mail addresses, inline code,
/// Markdown link targets, HTML comments and character entities (`&sup3;`).
#[derive(Debug, Default)]
pub(crate) struct Protected(Vec<Range<usize>>);

impl Protected {
    pub fn of(segment: &str) -> Self {
        // The regex runs only where one of its alternatives can start: most segments
        // are plain Chinese and skip it.
        let ascii_hint = segment
            .bytes()
            .any(|b| matches!(b, b'@' | b'`' | b'&' | b':' | b'w' | b']' | b'<'));
        let may_hold = ascii_hint
            && (segment.contains(['@', '`', '&'])
                || segment.contains("://")
                || segment.contains("www.")
                || segment.contains("](")
                || segment.contains("<!--"));
        if !may_hold {
            return Self::default();
        }
        Self(PROTECTED.find_iter(segment).map(|m| m.range()).collect())
    }

    pub fn contains(&self, offset: usize) -> bool {
        // The ranges come from one left-to-right scan: sorted and disjoint.
        let i = self.0.partition_point(|r| r.end <= offset);
        self.0.get(i).is_some_and(|r| r.contains(&offset))
    }
}

/// The characters of a segment with their byte offsets, for looking at neighbours.
pub(crate) fn chars(segment: &str) -> Vec<(usize, char)> {
    segment.char_indices().collect()
}

/// Sentence-final punctuation: a line that ends with it ends a paragraph, not a wrap.
pub(crate) fn ends_sentence(content: &str) -> bool {
    let trimmed = content.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '”' | '’' | '）' | ')' | '》' | '*' | '_')
    });
    trimmed.is_empty()
        || trimmed.ends_with(['。', '！', '？', '；', '：', '…', '!', '?', ';', ':', '.'])
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over text held in memory, as the CLI would.

    use crate::source::LineIndex;
    use crate::{lint_text, Settings};

    fn settings(code: &str) -> Settings {
        let mut settings = Settings::new(jiff::civil::date(2026, 1, 1));
        settings
            .select(&[code.to_string()], &[])
            .expect("the code names a rule");
        settings
    }

    /// `line:col message` for each finding of rule `code` on `text`.
    pub fn findings(code: &str, text: &str) -> Vec<String> {
        let report = lint_text("test.txt", text, &settings(code));
        let index = LineIndex::new(text);
        report
            .diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.code, code);
                let at = index.line_col(text, d.span.start);
                format!("{}:{} {}", at.line, at.column, d.message)
            })
            .collect()
    }

    /// The text after applying every safe fix of rule `code` (fixes never overlap within a rule).
    pub fn fixed(code: &str, text: &str) -> String {
        let report = lint_text("test.txt", text, &settings(code));
        let mut edits: Vec<_> = report
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| f.safe)
            .flat_map(|f| f.edits.iter())
            .collect();
        edits.sort_by_key(|e| e.span.start);
        let mut out = String::new();
        let mut at = 0;
        for e in edits {
            assert!(e.span.start >= at, "overlapping edits");
            out.push_str(&text[at..e.span.start]);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out.push_str(&text[at..]);
        out
    }
}
