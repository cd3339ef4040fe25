//! Helpers shared by the integration tests.

use assert_cmd::Command;

/// The seed report, committed as a fixture.
pub const SEED: &str = "tests/fixtures/documents/self-inspection-report.txt";

/// The built `gwlint` binary, without colours.
pub fn gwlint() -> Command {
    let mut cmd = Command::cargo_bin("gwlint").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}
