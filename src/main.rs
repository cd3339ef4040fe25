//! The gwlint binary: parse the command line, run, exit with the status.

/// mimalloc: the rules allocate many small vectors per paragraph, which the system
/// allocator serves noticeably slower across two threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = gwlint::cli::parse();
    let today = today();
    let status = gwlint::commands::run(cli, today);
    std::process::ExitCode::from(status as u8)
}

/// Today's date where the user is. Without `TZ`, the zone is `/etc/localtime`, read here:
/// jiff would first list the whole zoneinfo folder to find the zone's name (~0.5 ms of a
/// ~10 ms start-up), and only the offset matters for a date.
fn today() -> jiff::civil::Date {
    let now = jiff::Timestamp::now();
    if std::env::var_os("TZ").is_none() {
        if let Some(zone) = std::fs::read("/etc/localtime")
            .ok()
            .and_then(|data| jiff::tz::TimeZone::tzif("localtime", &data).ok())
        {
            return now.to_zoned(zone).date();
        }
    }
    jiff::Zoned::now().date()
}
