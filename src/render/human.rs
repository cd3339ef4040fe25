//! miette's graphical report: the source line, a labelled span, help and the basis.

use std::borrow::Cow;
use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{display_path, escape, RenderOptions};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::LineIndex;
use crate::FileReport;

/// Adapter: one finding plus its file, as a `miette::Diagnostic`.
struct Finding<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Shown<'a>,
    /// The message, with control characters visible.
    message: Cow<'a, str>,
    help: Option<String>,
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Finding<'_> {}

impl miette::Diagnostic for Finding<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}({})",
            self.diagnostic.code, self.diagnostic.rule
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let label = |text: &str| escape::escape(text, false).into_owned();
        let primary = LabeledSpan::new_primary_with_span(
            d.label.as_deref().map(label),
            self.source.span(d.span),
        );
        let secondary = d.secondary.iter().map(move |l| {
            LabeledSpan::new_with_span(Some(label(&l.text)), self.source.span(l.span))
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The file's text as shown, under its path: control characters made visible (so an
/// escape sequence in a document never reaches the terminal) and U+2028 as "↵"; with the
/// shifts from offsets in the file's text to offsets in the shown text, and a line
/// index, so that each finding costs only its own excerpt (miette's own `str` source
/// counts lines from the top of the file for every finding: quadratic).
struct Shown<'a> {
    name: String,
    text: Cow<'a, str>,
    /// (end of an escaped character in the file's text, total growth up to there).
    shifts: Vec<(usize, usize)>,
    index: LineIndex,
}

impl<'a> Shown<'a> {
    fn new(name: &str, text: &'a str) -> Self {
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
        }
    }

    /// The offset in the shown text of an offset in the file's text.
    fn offset(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(end, _)| end <= at);
        at + k.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }

    fn span(&self, span: crate::diagnostic::Span) -> SourceSpan {
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
        let (from, to) = if exact {
            (start, end)
        } else {
            (excerpt_start(text, start), excerpt_end(text, end))
        };
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

pub(super) fn render(reports: &[FileReport], options: RenderOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_wrap_lines(false);
    let mut out = String::new();
    for report in reports {
        let path = display_path(report);
        let shown = Shown::new(&path, &report.source.text);
        for d in &report.diagnostics {
            // A blank line between two findings (as ruff and rustc print them): each
            // block starts with its message, and the eye finds the next one.
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            let mut help = d.help.clone().unwrap_or_default();
            if let Some(note) = &d.note {
                if !help.is_empty() {
                    help.push('\n');
                }
                help.push_str(&format!("依据：{note}"));
            }
            help.push_str(&format!("\n详见 gwlint rule {}", d.code));
            let finding = Finding {
                diagnostic: d,
                source: &shown,
                message: escape::escape(&d.message, false),
                help: Some(escape::escape(&help, true).into_owned()),
            };
            if handler.render_report(&mut out, &finding).is_err() {
                out.push_str(&format!(
                    "{}: {}[{}] {}\n",
                    shown.name,
                    d.severity.as_str(),
                    d.code,
                    finding.message
                ));
            }
        }
    }
    out
}
