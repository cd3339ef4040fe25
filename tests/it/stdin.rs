//! Standard input as a document: `gwlint check -`, `--stdin-filename`, `/dev/stdin`.

use crate::common::{gwlint, SEED};

fn seed() -> String {
    std::fs::read_to_string(SEED).expect("seed fixture")
}

#[test]
fn stdin_is_checked_and_reported_under_the_stdin_filename() {
    let out = gwlint()
        .args(["check", "-", "--stdin-filename", "sub/report.txt"])
        .args(["--format", "short"])
        .write_stdin(seed())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("sub/report.txt:3:13:3:14: error[T101]"),
        "{stdout}"
    );
    assert!(
        stdout.lines().all(|l| l.starts_with("sub/report.txt:")),
        "{stdout}"
    );
    // --fix never writes standard input, so no finding is marked fixable there; the same
    // text as a file is.
    assert!(!stdout.contains("[*]"), "{stdout}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    std::fs::write(&path, seed()).unwrap();
    let out = gwlint()
        .args(["check", "--format", "short"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[T101] [*] "));
}

#[test]
fn stdin_without_a_name_is_reported_as_dash() {
    let out = gwlint()
        .args(["check", "-", "--format", "short"])
        .write_stdin(seed())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("-:3:13:"), "{stdout}");
}

#[test]
fn stdin_filename_decides_which_config_applies() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("quiet")).unwrap();
    std::fs::write(
        dir.path().join("quiet/gwlint.toml"),
        "ignore = [\"T101\"]\n",
    )
    .unwrap();
    let codes = |name: &str| {
        let out = gwlint()
            .current_dir(dir.path())
            .args(["check", "-", "--format", "short", "--stdin-filename", name])
            .write_stdin(seed())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(codes("report.txt").contains("[T101]"));
    let quiet = codes("quiet/report.txt");
    assert!(
        !quiet.contains("[T101]") && quiet.contains("[F102]"),
        "{quiet}"
    );
}

#[test]
fn stdin_filename_decides_the_file_type() {
    // In Markdown a fenced code block is not prose: its half-width colon is left alone.
    let text = "# 关于开展检查的通知\n\n```\n领导:\n```\n";
    let t101 = |name: &str| {
        let out = gwlint()
            .args(["check", "-", "--format", "short", "--select", "T101"])
            .args(["--stdin-filename", name])
            .write_stdin(text)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).contains("[T101]")
    };
    assert!(t101("notice.txt"));
    assert!(!t101("notice.md"));
}

#[test]
fn fix_never_writes_stdin_and_diff_shows_the_fixes() {
    let out = gwlint()
        .args(["check", "-", "--fix", "--format", "short"])
        .write_stdin(seed())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("标准输入不自动修复"), "{stderr}");
    // Nothing was fixed: the safe fix of line 3 is still reported.
    assert!(stdout.contains("-:3:13:3:14: error[T101]"), "{stdout}");

    let out = gwlint()
        .args(["check", "-", "--diff"])
        .write_stdin(seed())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("--- a/-\n+++ b/-\n"), "{stdout}");
    assert!(stdout.contains("+尊敬的县委巡察组各位领导："), "{stdout}");
}

#[test]
fn dev_stdin_named_directly_is_read_as_standard_input() {
    // A redirected regular file (`gwlint check /dev/stdin < report.txt`): read, never written.
    let seed_file = std::fs::File::open(SEED).unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("gwlint"))
        .env("NO_COLOR", "1")
        .args(["check", "/dev/stdin", "--fix", "--format", "short"])
        .stdin(seed_file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stdout.contains("/dev/stdin:3:13:3:14: error[T101]"),
        "{stdout}"
    );
    assert!(
        !stderr.contains("不存在") && !stderr.contains("已修复"),
        "{stderr}"
    );
}

#[test]
fn stdin_filename_without_stdin_is_a_usage_error() {
    let out = gwlint()
        .args(["check", SEED, "--stdin-filename", "a.txt"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("gwlint check -"), "{stderr}");
}
