//! Helpers shared by the integration tests.

use assert_cmd::Command;
use gwlint::diagnostic::Diagnostic;
use gwlint::source::LineIndex;
use gwlint::{FileReport, Settings};

/// The seed report, committed as a fixture.
pub const SEED: &str = "tests/fixtures/documents/self-inspection-report.txt";

/// The built `gwlint` binary, without colours.
pub fn gwlint() -> Command {
    let mut cmd = Command::cargo_bin("gwlint").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}

/// The date the rule tests are checked at, so that "today" never moves under them.
pub fn test_day() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

/// Settings as of [`test_day`] with only the rules that `selectors` (codes, families,
/// prefixes) choose.
pub fn selected(selectors: &[&str]) -> Settings {
    let mut settings = Settings::new(test_day());
    let selectors: Vec<String> = selectors.iter().map(ToString::to_string).collect();
    settings.select(&selectors, &[]).expect("known selectors");
    settings
}

/// Each finding of `report` as `line:column` (characters) followed by what `describe`
/// says of it.
pub fn located(report: &FileReport, describe: impl Fn(&Diagnostic) -> String) -> Vec<String> {
    let text = &report.source.text;
    let index = LineIndex::new(text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let at = index.line_col(text, d.span.start);
            format!("{}:{} {}", at.line, at.column, describe(d))
        })
        .collect()
}
