//! `path:line:col:end_line:end_col: severity[CODE] [*] message。help`, one line per finding
//! (editor problem matchers, vim's `:make`, pre-commit). The columns count in the unit
//! asked for (`--column-unit`); the end is exclusive, so a squiggle covers the span. `[*]`
//! marks a finding `--fix` can repair (never in standard input or a Word file, which it
//! does not write); the help says what to write, since a tool that
//! shows this line shows nothing else.

use std::fmt::Write as _;

use super::{display_path, escape, located, RenderOptions};
use crate::FileReport;

/// The lines of one file's findings, appended to `out`.
pub(super) fn render(out: &mut String, report: &FileReport, options: RenderOptions) {
    let path = escape::one_line(&display_path(report)).into_owned();
    // `--fix` writes only files it read from disk: not standard input, not a Word file.
    let writable = report.source.original.is_some();
    for (d, loc) in located(report, options.column_unit) {
        let fixable = writable
            && d.fix
                .as_ref()
                .is_some_and(|f| options.applicability.admits(f));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            if !message.ends_with(['。', '！', '？']) {
                message.push('。');
            }
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "{path}:{}:{}:{}:{}: {}[{}] {}{}",
            loc.start.line,
            loc.start.column,
            loc.end.line,
            loc.end.column,
            d.severity.as_str(),
            d.code,
            if fixable { "[*] " } else { "" },
            escape::one_line(&message.replace(['\n', '\r'], " "))
        );
    }
}
