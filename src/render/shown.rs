//! A text as shown in a miette report: control characters made visible (so an escape
//! sequence in a document or a config never reaches the terminal), and of each span only
//! an excerpt of its line(s), found in time linear in the excerpt (miette's own `str`
//! source counts lines from the top of the file for every span: quadratic; and prints a
//! 200 KB line whole).

use std::borrow::Cow;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::escape;
use crate::source::LineIndex;

/// The file's text as shown, under its path: control characters made visible and
/// U+2028 as "↵"; with the shifts from offsets in the file's text to offsets in the
/// shown text, and a line index, so that each span costs only its own excerpt.
pub(crate) struct Shown<'a> {
    pub(crate) name: String,
    text: Cow<'a, str>,
    /// (end of an escaped character in the file's text, total growth up to there).
    shifts: Vec<(usize, usize)>,
    index: LineIndex,
    /// Whether miette's context lines (the line before and after) are shown when they
    /// and the span's line are short: in a config file they help, in a 公文 they are
    /// long paragraphs.
    context: bool,
}

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shown").field("name", &self.name).finish()
    }
}

impl Shown<'static> {
    /// A text kept with its error (a config file's), showing context lines.
    pub(crate) fn owned(name: &str, text: String) -> Self {
        let mut shown = Shown::new(name, &text).into_owned();
        shown.context = true;
        shown
    }
}

impl<'a> Shown<'a> {
    pub(crate) fn new(name: &str, text: &'a str) -> Self {
        let special = |c: char| c == '\u{2028}' || escape::visible(c, true).is_some();
        let mut shifts = Vec::new();
        let text: Cow<'a, str> = if text.chars().any(special) {
            let mut out = String::with_capacity(text.len() + 64);
            for (at, c) in text.char_indices() {
                match escape::visible(c, true) {
                    Some(shown) => {
                        out.push_str(&shown);
                        let end = at + c.len_utf8();
                        shifts.push((end, out.len() - end));
                    }
                    // A line break inside a Word paragraph; "↵" has the same length.
                    None if c == '\u{2028}' => out.push('↵'),
                    None => out.push(c),
                }
            }
            Cow::Owned(out)
        } else {
            Cow::Borrowed(text)
        };
        let index = LineIndex::new(&text);
        Self {
            name: escape::one_line(name).into_owned(),
            text,
            shifts,
            index,
            context: false,
        }
    }

    fn into_owned(self) -> Shown<'static> {
        Shown {
            name: self.name,
            text: Cow::Owned(self.text.into_owned()),
            shifts: self.shifts,
            index: self.index,
            context: self.context,
        }
    }

    /// The offset in the shown text of an offset in the file's text.
    pub(crate) fn offset(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(end, _)| end <= at);
        at + k.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }

    pub(crate) fn span(&self, span: crate::diagnostic::Span) -> SourceSpan {
        let (start, end) = (self.offset(span.start), self.offset(span.end));
        SourceSpan::new(start.into(), end.saturating_sub(start))
    }
}

/// How many characters of a long paragraph to show on each side of a finding.
const EXCERPT_CHARS: usize = 40;

/// Where an excerpt ending before `at` starts: up to `EXCERPT_CHARS` characters back,
/// not past the start of the line.
fn excerpt_start(text: &str, at: usize) -> usize {
    let mut from = at;
    for (i, c) in text[..at].char_indices().rev().take(EXCERPT_CHARS) {
        if matches!(c, '\n' | '\r') {
            break;
        }
        from = i;
    }
    from
}

/// Where an excerpt starting at `at` ends: up to `EXCERPT_CHARS` characters on, not
/// past the end of the line.
fn excerpt_end(text: &str, at: usize) -> usize {
    let mut to = at;
    for (i, c) in text[at..].char_indices().take(EXCERPT_CHARS) {
        if matches!(c, '\n' | '\r') {
            break;
        }
        to = at + i + c.len_utf8();
    }
    to
}

/// The start of the line before `from` when `from` starts a line and that line is short
/// (it is then shown whole).
fn with_line_before(text: &str, from: usize, lines: usize) -> usize {
    let before = &text[..from];
    if lines == 0 || from == 0 || !before.ends_with(['\n', '\r']) {
        return from;
    }
    let end = from - if before.ends_with("\r\n") { 2 } else { 1 };
    let start = text[..end].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    if text[start..end].chars().nth(2 * EXCERPT_CHARS).is_none() {
        start
    } else {
        from
    }
}

/// The end of the line after `to` when `to` ends a line and that line is short.
fn with_line_after(text: &str, to: usize, lines: usize) -> usize {
    let after = &text[to..];
    if lines == 0 || !after.starts_with(['\n', '\r']) {
        return to;
    }
    let start = to + if after.starts_with("\r\n") { 2 } else { 1 };
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |p| start + p);
    if start < end && text[start..end].chars().nth(2 * EXCERPT_CHARS).is_none() {
        end
    } else {
        to
    }
}

impl SourceCode for Shown<'_> {
    /// Shows only the lines of the span, and of a long line only an excerpt around the
    /// span: a 公文 paragraph is often one line of several hundred characters.
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text: &str = &self.text;
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(MietteError::OutOfBounds);
        }
        // miette asks for the primary label with no context to print "[file:line:col]":
        // answer with exactly the span so the header shows the finding's own column.
        let exact = context_lines_before == 0 && context_lines_after == 0;
        let (mut from, mut to) = if exact {
            (start, end)
        } else {
            (excerpt_start(text, start), excerpt_end(text, end))
        };
        if self.context && !exact {
            from = with_line_before(text, from, context_lines_before);
            to = with_line_after(text, to, context_lines_after);
        }
        let at = self.index.line_col(text, from);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            at.line - 1,
            at.column - 1,
            text[from..to].lines().count().max(1),
        )))
    }
}
