//! miette's graphical report: the source line, a labelled span, help and the basis.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{display_path, RenderOptions};
use crate::diagnostic::{Diagnostic, Severity};
use crate::FileReport;

/// Adapter: one finding plus its file, as a `miette::Diagnostic`.
struct Finding<'a> {
    diagnostic: &'a Diagnostic,
    source: FileSource<'a>,
    help: Option<String>,
}

impl fmt::Debug for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
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
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(d.label.clone(), to_source_span(d.span));
        let secondary = d
            .secondary
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.text.clone()), to_source_span(l.span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The file's text under its path, without copying it (miette's `NamedSource` wants
/// `'static` data).
struct FileSource<'a> {
    name: &'a str,
    text: &'a str,
}

/// How many characters of a long paragraph to show on each side of a finding.
const EXCERPT_CHARS: usize = 40;

impl SourceCode for FileSource<'_> {
    /// Shows only the lines of the span, and of a long line only an excerpt around the
    /// span: a 公文 paragraph is often one line of several hundred characters.
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.text;
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(MietteError::OutOfBounds);
        }
        let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let line_end = text[end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |p| end + p);
        // miette asks for the primary label with no context to print "[file:line:col]":
        // answer with exactly the span so the header shows the finding's own column.
        let exact = context_lines_before == 0 && context_lines_after == 0;
        let from = if exact {
            start
        } else {
            text[line_start..start]
                .char_indices()
                .rev()
                .nth(EXCERPT_CHARS - 1)
                .map_or(line_start, |(i, _)| line_start + i)
        };
        let to = if exact {
            end
        } else {
            text[end..line_end]
                .char_indices()
                .nth(EXCERPT_CHARS)
                .map_or(line_end, |(i, _)| end + i)
        };
        let inner = text.read_span(&SourceSpan::new(from.into(), 0), 0, 0)?;
        let line = inner.line();
        let column = text[line_start..from].chars().count();
        let data = &text.as_bytes()[from..to];
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            data,
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            text[from..to].lines().count().max(1),
        )))
    }
}

fn to_source_span(span: crate::diagnostic::Span) -> SourceSpan {
    SourceSpan::new(span.start.into(), span.len())
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
        // A line break inside a Word paragraph is kept as U+2028, which terminals show
        // oddly; "↵" has the same UTF-8 length, so every offset still holds.
        let shown: std::borrow::Cow<'_, str> = if report.source.text.contains('\u{2028}') {
            report.source.text.replace('\u{2028}', "↵").into()
        } else {
            report.source.text.as_str().into()
        };
        for d in &report.diagnostics {
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
                source: FileSource {
                    name: &path,
                    text: &shown,
                },
                help: Some(help),
            };
            if handler.render_report(&mut out, &finding).is_err() {
                out.push_str(&format!(
                    "{path}: {}[{}] {}\n",
                    d.severity.as_str(),
                    d.code,
                    d.message
                ));
            }
        }
    }
    out
}
