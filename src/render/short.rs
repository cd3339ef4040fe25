//! `path:line:col: severity[CODE] message`, one line per finding (editor problem matchers).

use std::fmt::Write as _;

use super::{display_path, located};
use crate::FileReport;

pub(super) fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let path = display_path(report);
        for (d, loc) in located(report) {
            let _ = writeln!(
                out,
                "{path}:{}:{}: {}[{}] {}",
                loc.start.line,
                loc.start.column,
                d.severity.as_str(),
                d.code,
                d.message.replace(['\n', '\r'], " ")
            );
        }
    }
    out
}
