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

/// A short report with many findings (N105 markers, half-width punctuation).
const SMALL_REPORT: &str =
    "一、基本情况\n(一)情况良好,继续保持:加强学习。\n(二)存在问题,需要改进:作风建设。\n";

fn folder_of_reports(dir: &Path, name: &str, count: usize) {
    let folder = dir.join(name);
    std::fs::create_dir(&folder).unwrap();
    for i in 0..count {
        std::fs::write(folder.join(format!("{i:05}.txt")), SMALL_REPORT).unwrap();
    }
}

#[test]
fn peak_memory_does_not_grow_with_the_number_of_files() {
    let dir = tempfile::tempdir().unwrap();
    folder_of_reports(dir.path(), "few", 100);
    folder_of_reports(dir.path(), "many", 2_000);
    let run = |folder: &str| {
        let report = format!("{folder}.json");
        peak_kib(
            &[
                "check", "--quiet", "--format", "json", folder, "-o", &report,
            ]
            .map(std::ffi::OsStr::new),
            dir.path(),
        )
    };
    let Some((few, few_code)) = run("few") else {
        return;
    };
    let Some((many, many_code)) = run("many") else {
        return;
    };
    assert_eq!((few_code, many_code), (Some(1), Some(1)));
    // Every finding of every file was written: the streamed array is whole.
    let findings = |folder: &str| {
        let text = std::fs::read_to_string(dir.path().join(format!("{folder}.json"))).unwrap();
        assert!(text.starts_with("[\n") && text.ends_with("\n]\n"));
        text.matches("\n    \"path\": ").count()
    };
    let per_file = findings("few") / 100;
    assert!(per_file >= 5, "{per_file} findings per file");
    assert_eq!(findings("many"), per_file * 2_000);
    // 20 times the files, the same peak give or take: before streaming, every report
    // and every finding's JSON value were kept until the end (debug build: 100 files
    // 52 MB, 4,000 files 188 MB, about 34 KB a file, so 2,000 files would take some
    // 120 MB; streamed, 56 MB).
    eprintln!("peak: 100 files {few} KiB, 2,000 files {many} KiB");
    assert!(
        many < few + 16 * 1024,
        "peak with 2,000 files {many} KiB, with 100 files {few} KiB"
    );
}
