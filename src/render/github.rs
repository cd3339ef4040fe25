//! GitHub Actions workflow commands, one per finding:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`.
//! Info findings become `::notice`. Escaping follows the runner's rules: in the data,
//! `%` CR LF; in property values also `:` and `,` (which Chinese messages quote).

use std::fmt::Write as _;

use super::{display_path, escape, located};
use crate::diagnostic::Severity;
use crate::source::ColumnUnit;
use crate::FileReport;

/// The workflow commands of one file's findings, appended to `out`.
pub(super) fn render(out: &mut String, report: &FileReport, unit: ColumnUnit) {
    // Line breaks become %0A below; other control characters are made visible.
    let file = escape_property(&escape::escape(&display_path(report), true));
    for (d, loc) in located(report, unit) {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
            loc.start.line,
            loc.start.column,
            loc.end.line,
            loc.end.column,
            escape_property(d.code),
            escape_data(&escape::escape(&message, true)),
        );
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("100%\r\n:,"), "100%25%0D%0A:,");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
