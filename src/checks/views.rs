//! Views of a document that several rules read, computed once per document and only
//! when a rule asks for them: the engine builds one `Views` per document and every rule's
//! `Checker` borrows it. `Views` is `Sync`: the rules of a large document run on several
//! threads at once (`checks::engine`), and whichever asks first computes a view.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::char_classes::CharClasses;
use crate::context::Context;
use crate::diagnostic::Span;
use crate::document::{Document, LineKind};
use crate::words::DocumentWords;

/// The document and what is derived from it.
pub struct Views<'a> {
    /// The text checked: a file's text or one of its parts, at the file's offsets.
    pub text: &'a str,
    pub document: &'a Document,
    pub context: &'a Context,
    /// The words of the text, segmented on first use (`crate::words`).
    pub words: DocumentWords<'a>,
    segments: OnceLock<Vec<Segment>>,
    protected: OnceLock<Vec<OnceLock<Protected>>>,
    /// The character classes of each line (`Document::lines`), and of the whole text.
    classes: OnceLock<(Vec<CharClasses>, CharClasses)>,
}

impl<'a> Views<'a> {
    pub fn new(text: &'a str, document: &'a Document, context: &'a Context) -> Self {
        Self {
            text,
            document,
            context,
            words: DocumentWords::new(text),
            segments: OnceLock::new(),
            protected: OnceLock::new(),
            classes: OnceLock::new(),
        }
    }

    /// Each non-blank line's content; for a heading, what follows its marker (the
    /// numbering family owns markers, so “(三)” is reported once, as a marker).
    pub(crate) fn segments(&self) -> &[Segment] {
        self.segments.get_or_init(|| segments(self.document))
    }

    /// The characters the segment's line may hold (one pass over the text for all lines,
    /// the first time a rule asks): a rule skips a segment without what it looks for.
    pub(crate) fn classes(&self, segment: &Segment) -> &CharClasses {
        &self.line_classes().0[segment.line]
    }

    /// The characters the whole text may hold.
    pub(crate) fn text_classes(&self) -> &CharClasses {
        &self.line_classes().1
    }

    fn line_classes(&self) -> &(Vec<CharClasses>, CharClasses) {
        self.classes.get_or_init(|| {
            // The lines cover the text but for their line ends (\n, \r), which no rule
            // looks for.
            let lines: Vec<CharClasses> = self
                .document
                .lines
                .iter()
                .map(|line| CharClasses::of(line.span.slice(self.text)))
                .collect();
            let text = lines
                .iter()
                .fold(CharClasses::default(), |all, line| all.union(*line));
            (lines, text)
        })
    }

    /// The protected ranges of a segment (URLs, code …), worked out the first time a rule
    /// asks for that segment's.
    pub(crate) fn protected(&self, segment: &Segment) -> &Protected {
        let all = self.protected.get_or_init(|| {
            (0..self.segments().len())
                .map(|_| OnceLock::new())
                .collect()
        });
        all[segment.index].get_or_init(|| Protected::of(segment.text(self.text)))
    }

    /// The segments that pass `may_hold` (a cheap test of the line's character classes
    /// and of the segment's text, such as the characters a rule looks for, that spares the
    /// rest of its walk), each with its text and its protected ranges (worked out only for
    /// those).
    pub(crate) fn segments_where<'v>(
        &'v self,
        may_hold: impl Fn(&CharClasses, &str) -> bool + 'v,
    ) -> impl Iterator<Item = (&'v Segment, &'a str, &'v Protected)> + 'v {
        self.segments().iter().filter_map(move |seg| {
            let s = seg.text(self.text);
            may_hold(self.classes(seg), s).then(|| (seg, s, self.protected(seg)))
        })
    }
}

/// One stretch of prose: a non-blank line's content, without a heading's marker.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    /// Index of the segment in `Views::segments`.
    pub index: usize,
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
fn segments(doc: &Document) -> Vec<Segment> {
    doc.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| line.kind != LineKind::Blank && !line.content.is_empty())
        .enumerate()
        .map(|(index, (i, line))| {
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
                index,
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
        // memchr looks for the bytes a vector at a time.
        let bytes = segment.as_bytes();
        let may_hold = memchr::memchr3(b'@', b'`', b'&', bytes).is_some()
            || memchr::memchr3(b':', b'w', b']', bytes).is_some()
                && (segment.contains("://") || segment.contains("www.") || segment.contains("]("))
            || memchr::memchr(b'<', bytes).is_some() && segment.contains("<!--");
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

#[cfg(test)]
mod tests {
    use super::Protected;

    #[test]
    fn protected_ranges_are_found_behind_each_of_their_first_bytes() {
        let text = "见https://a.cn/x，www.gov.cn；a@b.cn与`x,y`及[链接](u)和<!--注-->、&amp;";
        let protected = Protected::of(text);
        for part in [
            "https://a.cn/x",
            "www.gov.cn",
            "a@b.cn",
            "`x,y`",
            "](u)",
            "<!--注-->",
            "&amp;",
        ] {
            let at = text.find(part).expect("the part is in the text");
            assert!(protected.contains(at), "{part}");
        }
        assert!(!protected.contains(0));
        let plain = Protected::of("坚持稳中求进：www 与 ] 与 < 不是网址");
        assert!(plain.0.is_empty());
    }
}
