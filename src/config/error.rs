//! Errors in a `gwlint.toml`: a miette report that names the file and points at the key
//! or value in it.

use std::ops::Range;
use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource, SourceSpan};

/// What is wrong where in a config file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("配置文件 {path} 有误：{message}")]
#[diagnostic(code(gwlint::config))]
pub struct ConfigError {
    pub path: String,
    pub message: String,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("{label}")]
    span: Option<SourceSpan>,
    label: String,
    #[help]
    help: Option<String>,
}

impl ConfigError {
    pub fn new(path: &Path, text: &str, span: Option<Range<usize>>, message: String) -> Self {
        let name = path.display().to_string();
        Self {
            path: name.clone(),
            message,
            source_code: NamedSource::new(name, text.to_string()),
            span: span.map(|r| SourceSpan::new(r.start.into(), r.end - r.start)),
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
