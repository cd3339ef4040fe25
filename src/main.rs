//! The gwlint binary: parse the command line, run, exit with the status.

/// mimalloc: the rules allocate many small vectors per paragraph, which the system
/// allocator serves noticeably slower across two threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = gwlint::cli::parse();
    let today = jiff::Zoned::now().date();
    let status = gwlint::commands::run(cli, today);
    std::process::ExitCode::from(status as u8)
}
