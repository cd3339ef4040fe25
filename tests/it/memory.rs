//! Memory that must not grow with the size of a run (issue 12): peak RSS measured with
//! GNU time's `%M` (skipped with a note where `/usr/bin/time` is absent). The bounds are
//! generous multiples of what a small run takes; what they catch is growth with the
//! number of files or entries (hundreds of MB to GB before the fixes).

use std::path::Path;
use std::process::Command;

/// Peak resident memory of `gwlint ARGS…` in KiB, with its exit code; `None` without
/// GNU time.
fn peak_kib(args: &[&std::ffi::OsStr], dir: &Path) -> Option<(u64, Option<i32>)> {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("note: /usr/bin/time is absent; peak memory not measured");
        return None;
    }
    let out = Command::new("/usr/bin/time")
        .args(["-f", "PEAK %M"])
        .arg(assert_cmd::cargo::cargo_bin("gwlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let peak = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("PEAK "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak in {stderr}"));
    // GNU time exits with the command's status.
    let code = out.status.code();
    Some((peak, code))
}

#[test]
fn ten_thousand_allow_entries_stay_small() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = String::new();
    for i in 0..10_000 {
        config.push_str(&format!("[[allow]]\ntext = \"允许片段{i:05}\"\n"));
    }
    // One entry that suppresses something: the N105 finding of every file.
    config.push_str("[[allow]]\ntext = \"(一)情况\"\n");
    std::fs::write(dir.path().join("gwlint.toml"), config).unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    for i in 0..200 {
        std::fs::write(
            dir.path().join(format!("docs/{i:03}.txt")),
            "一、基本情况\n(一)情况良好。\n",
        )
        .unwrap();
    }
    let Some((peak, code)) = peak_kib(
        &[
            "check",
            "--quiet",
            "--format",
            "short",
            "--select",
            "N105,G002",
            ".",
            "-o",
            ".report.txt",
        ]
        .map(std::ffi::OsStr::new),
        dir.path(),
    ) else {
        return;
    };
    // Every entry but the last suppressed nothing: 10,000 G002 findings, no N105.
    let out = std::fs::read_to_string(dir.path().join(".report.txt")).unwrap();
    assert_eq!(out.matches("G002").count(), 10_000);
    assert!(!out.contains("N105"));
    assert_eq!(code, Some(1));
    assert!(peak < 400 * 1024, "peak {peak} KiB");
}
