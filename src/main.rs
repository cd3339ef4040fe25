//! The gwlint binary: parse the command line, run, exit with the status.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    let cli = gwlint::cli::Cli::parse();
    let today = jiff::Zoned::now().date();
    let status = gwlint::commands::run(cli, today);
    std::process::ExitCode::from(status as u8)
}
