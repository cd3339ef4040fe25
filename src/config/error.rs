//! Errors in a `gwlint.toml`: a miette report that names the file and points at the key
//! or value in it, showing an excerpt of the line (`render::shown`: a line of 200 KB is
//! not printed whole, control characters are made visible).

use std::ops::Range;
use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme, SourceSpan};

use crate::render::shown::Shown;

/// What is wrong where in a config file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("配置文件 {path} 有误：{message}")]
#[diagnostic(code(gwlint::config))]
pub struct ConfigError {
    pub path: String,
    pub message: String,
    #[source_code]
    source_code: Shown<'static>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

/// How much of a long value is underlined.
const SPAN_CHARS: usize = 40;
/// How long a message may be: messages quote values from the file (“未知的文种“……””).
const MESSAGE_CHARS: usize = 400;

fn shorten(message: String) -> String {
    match message.char_indices().nth(MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}……（消息过长，已截断）", &message[..cut]),
        None => message,
    }
}

impl ConfigError {
    pub fn new(path: &Path, text: &str, span: Option<Range<usize>>, message: String) -> Self {
        let name = path.display().to_string();
        let source_code = Shown::owned(&name, text.to_string());
        // A 200 KB value is underlined for its first characters only, and shown in
        // the excerpt around them; offsets are those of the shown text, where control
        // characters take more room.
        let span = span.map(|r| {
            let end = text
                .get(r.start..r.end)
                .and_then(|value| value.char_indices().nth(SPAN_CHARS))
                .map_or(r.end, |(i, _)| r.start + i);
            source_code.span(crate::diagnostic::Span::new(r.start, end))
        });
        Self {
            path: name,
            message: shorten(message),
            source_code,
            span,
            label: "此处".to_string(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The report as printed on stderr.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        if GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .render_report(&mut out, self)
            .is_err()
        {
            out = format!("{self}\n");
        }
        out
    }
}
