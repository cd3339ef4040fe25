//! `--fix`: safe fixes only, written back in the file's own encoding, BOM and line
//! endings; a second run changes nothing; a file changed on disk is not overwritten.

use crate::common::{gwlint, SEED};
use predicates::prelude::*;

fn seed_text() -> String {
    std::fs::read_to_string(SEED).expect("seed fixture")
}

fn gb18030(text: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(text).0.into_owned()
}

#[test]
fn fix_keeps_gb18030_and_crlf_and_converges_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    let crlf = seed_text().replace('\n', "\r\n");
    std::fs::write(&path, gb18030(&crlf)).unwrap();

    gwlint()
        .args(["check", "--fix", "--format", "short", "--select", "N,S"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("已修复 7 处"))
        // What remains: nothing fixable.
        .stdout(predicate::str::contains("N105").not())
        .stdout(predicate::str::contains(":24:15:24:17: warning[N107]"));

    let bytes = std::fs::read(&path).unwrap();
    let (text, _, had_errors) = encoding_rs::GB18030.decode(&bytes);
    assert!(!had_errors);
    let expected = crlf
        .replace("\r\n1、", "\r\n1.")
        .replace("\r\n2、", "\r\n2.")
        .replace("\r\n3、", "\r\n3.")
        .replace("\r\n4、", "\r\n4.")
        .replace("\r\n5、", "\r\n5.")
        .replace("\r\n(三)", "\r\n（三）")
        .replace("\r\n(四)", "\r\n（四）");
    assert_eq!(text, expected);
    assert_eq!(
        bytes,
        gb18030(&expected),
        "written back as GB18030 with CRLF"
    );

    // A second run changes no byte.
    gwlint()
        .args(["check", "--fix", "--format", "short", "--select", "N,S"])
        .arg(&path)
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn fix_keeps_a_utf8_bom() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    std::fs::write(&path, "\u{feff}一、基本情况\n(一)情况良好。\n").unwrap();
    gwlint()
        .args(["check", "--fix", "--select", "N105"])
        .arg(&path)
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "\u{feff}一、基本情况\n（一）情况良好。\n"
    );
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.txt");
    std::fs::write(&path, "一、基本情况\n(一)情况良好。\n").unwrap();
    gwlint()
        .args(["check", "--diff", "--select", "N105"])
        .arg(&path)
        .assert()
        .stdout(predicate::str::contains(
            "-(一)情况良好。\n+（一）情况良好。\n",
        ));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "一、基本情况\n(一)情况良好。\n"
    );
}

/// `--diff` is a dry run even beside `--fix`, and its summary and exit status are those
/// of the file as it stays on disk (the finding is still there).
#[test]
fn diff_with_fix_writes_nothing_and_reports_the_findings_that_remain_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.txt");
    let text = "一、基本情况\n(一)情况良好。\n";
    std::fs::write(&path, text).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    for flags in [
        &["--diff"][..],
        &["--fix", "--diff"],
        &["--diff", "--unsafe-fixes"],
    ] {
        let out = gwlint()
            .args(["check", "--select", "N105"])
            .args(flags)
            .arg(&path)
            .assert()
            .code(1);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            stdout.contains("+（一）情况良好。"),
            "{flags:?}: the diff is shown: {stdout}"
        );
        assert!(
            !stdout.contains("N105"),
            "{flags:?}: only the diff: {stdout}"
        );
        assert!(
            stderr.contains("发现 1 个问题（错误 0，警告 1，提示 0），其中 1 个可用 --fix 修复"),
            "{flags:?}: {stderr}"
        );
        assert!(!stderr.contains("已修复"), "{flags:?}: {stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{flags:?}");
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
    }
    // A --diff with nothing to change prints nothing and exits 0.
    std::fs::write(&path, "一、基本情况\n（一）情况良好。\n").unwrap();
    gwlint()
        .args(["check", "--select", "N105", "--diff"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
}

/// Unsafe fixes are applied only with `--unsafe-fixes`; the summary names them.
#[test]
fn unsafe_fixes_are_counted_and_applied_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("u.txt");
    let text = "一、基本情况\n群众反应强烈，我们认真整改。\n";
    std::fs::write(&path, text).unwrap();
    let out = gwlint()
        .args(["check", "--select", "F103", "--fix"])
        .arg(&path)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("其中 1 个可用 --unsafe-fixes 修复（请核对）"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    gwlint()
        .args(["check", "--select", "F103", "--fix", "--unsafe-fixes"])
        .arg(&path)
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "一、基本情况\n群众反映强烈，我们认真整改。\n"
    );
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    use gwlint::source::SourceFile;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.txt");
    std::fs::write(&path, "(一)情况良好。\n").unwrap();
    let source = SourceFile::read(&path).unwrap();
    std::fs::write(&path, "(一)别人刚改过。\n").unwrap();
    let err = gwlint::fix::write_atomically(&source, "（一）情况良好。\n").unwrap_err();
    assert!(err.to_string().contains("文件在检查期间被修改"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(一)别人刚改过。\n"
    );
}

#[test]
fn a_failed_write_leaves_the_original_intact() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("ro");
    std::fs::create_dir(&sub).unwrap();
    let path = sub.join("r.txt");
    std::fs::write(&path, "(一)情况良好。\n").unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores folder permissions: then there is nothing to test here.
    if std::fs::write(sub.join("probe"), "x").is_ok() {
        eprintln!("note: running with permission to write into read-only folders; skipping");
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    gwlint()
        .args(["check", "--fix", "--select", "N105"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("写入修复失败，原文件未改动"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(一)情况良好。\n");
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A write that fails even for root: the file-size limit is 0 (SIGXFSZ ignored, so the
/// write returns EFBIG). The original stays, no temporary file is left, and the error
/// names the file.
#[test]
fn a_write_failing_midway_leaves_the_original_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.txt");
    std::fs::write(&path, "(一)情况良好。\n").unwrap();
    let bin = assert_cmd::cargo::cargo_bin("gwlint");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 0 && exec \"$0\" check --fix --select N105 \"$1\"")
        .arg(&bin)
        .arg(&path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("写入修复失败，原文件未改动"), "{stderr}");
    assert!(stderr.contains("w.txt"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(一)情况良好。\n");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
}

/// The file changed between the read and the write, end to end: `--fix` says so and
/// does not overwrite it (the change is made by a second writer during the run, which
/// we imitate by fixing a stale in-memory read through the library and the CLI message).
#[test]
fn a_file_changed_on_disk_is_reported_by_name() {
    use gwlint::source::SourceFile;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.txt");
    std::fs::write(&path, "(一)情况良好。\n").unwrap();
    let source = SourceFile::read(&path).unwrap();
    std::fs::write(&path, "(一)情况良好。\n补一句。\n").unwrap();
    let fixed = gwlint::fix::fix_in_memory(
        source,
        &gwlint::Settings::new(jiff::civil::date(2026, 1, 1)),
    );
    assert!(fixed.changed());
    let err = gwlint::fix::write_atomically(&fixed.report.source, &fixed.report.source.text)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("race.txt") && err.contains("未写入修复"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "(一)情况良好。\n补一句。\n"
    );
}
