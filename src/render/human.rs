//! miette's graphical report: the source line, a labelled span, help and the basis.

use std::borrow::Cow;
use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

use super::shown::Shown;
use super::{display_path, escape, RenderOptions};
use crate::diagnostic::{Diagnostic, Severity};
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

/// One file's findings as miette reports, appended to `out`.
pub(super) fn render(out: &mut String, report: &FileReport, options: RenderOptions) {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_wrap_lines(false);
    let path = display_path(report);
    let shown = Shown::new(&path, &report.source.text);
    for d in &report.diagnostics {
        // A blank line between two findings (as ruff and rustc print them): each
        // block starts with its message, and the eye finds the next one. Between files,
        // `Stream` puts it.
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
        if handler.render_report(out, &finding).is_err() {
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
