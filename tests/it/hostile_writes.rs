//! Hostile paths and files under `--fix` and `--output` (issue 12): nothing is written
//! where it does not belong, nothing is lost, and a refusal is one line naming the file.

use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

/// N105 on line 2: `(一)` is fixed to `（一）`.
const FIXABLE: &str = "一、基本情况\n(一)情况良好。\n";
const FIXED: &str = "一、基本情况\n（一）情况良好。\n";

fn gwlint() -> Command {
    let mut cmd = Command::cargo_bin("gwlint").expect("binary builds");
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(300));
    cmd
}

/// Runs `gwlint check --fix --select N105 ARGS…`; returns (status, stderr).
fn fix(args: &[&Path]) -> (Option<i32>, String) {
    let out = gwlint()
        .args(["check", "--fix", "--format", "short", "--select", "N105"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code(), stderr)
}

/// Names in `dir` that gwlint's temporary files would have.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".gwlint-"))
        .collect()
}

#[test]
fn an_output_that_is_one_of_the_inputs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("自查报告.txt");
    let b = dir.path().join("整改报告.txt");
    std::fs::write(&a, FIXABLE).unwrap();
    std::fs::write(&b, FIXABLE).unwrap();
    // The same file by another spelling, and through a hard link.
    let alias = dir.path().join("sub/../自查报告.txt");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let hard = dir.path().join("hard.txt");
    std::fs::hard_link(&a, &hard).unwrap();
    for output in [&a, &alias, &hard] {
        let out = gwlint()
            .args(["check", "-o"])
            .arg(output)
            .arg(&a)
            .arg(&b)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("--output"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&a).unwrap(), FIXABLE);
    }
    // A folder being checked holds the output: the output is not checked, and written.
    let report = dir.path().join("out.txt");
    let out = gwlint()
        .args(["check", "--format", "short", "-o"])
        .arg(&report)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::read_to_string(&report).unwrap().contains("N105"));
}

#[test]
fn the_output_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, FIXABLE).unwrap();
    let report = dir.path().join("report.txt");
    std::fs::write(&report, "上一次的报告\n").unwrap();
    // A full disk, imitated with a file-size limit of 0 (which stops root too).
    let bin = assert_cmd::cargo::cargo_bin("gwlint");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 0 && exec \"$0\" check -o \"$1\" \"$2\"")
        .arg(&bin)
        .arg(&report)
        .arg(&input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("report.txt"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "上一次的报告\n");
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
}

#[test]
fn fix_through_a_symlink_fixes_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    let link = dir.path().join("link.txt");
    std::fs::write(&real, FIXABLE).unwrap();
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    let (code, stderr) = fix(&[&link]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), FIXED);

    // Two names of one file in one run: fixed once, no "changed during the check".
    std::fs::write(&real, FIXABLE).unwrap();
    let (code, stderr) = fix(&[&real, &link]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("修改"), "{stderr}");
    assert_eq!(stderr.matches("已修复").count(), 1, "{stderr}");
    assert_eq!(std::fs::read_to_string(&real).unwrap(), FIXED);
}

#[test]
fn a_hard_linked_file_is_not_split() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, FIXABLE).unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    let inode = std::fs::metadata(&a).unwrap().ino();
    let (code, stderr) = fix(&[&a]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("a.txt") && stderr.contains("硬链接"),
        "{stderr}"
    );
    assert_eq!(std::fs::metadata(&a).unwrap().ino(), inode);
    assert_eq!(std::fs::read_to_string(&b).unwrap(), FIXABLE);
}

#[test]
fn walking_never_leaves_the_tree_through_a_directory_symlink() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("other.txt");
    std::fs::write(&secret, FIXABLE).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.txt"), FIXABLE).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("alias.txt")).unwrap();
    let (code, stderr) = fix(&[dir.path()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), FIXABLE);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.txt")).unwrap(),
        FIXED
    );
}

#[test]
fn fix_keeps_owner_group_and_extended_attributes_and_drops_setuid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("user.txt");
    std::fs::write(&path, FIXABLE).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o4640)).unwrap();
    let as_root = std::os::unix::fs::chown(&path, Some(4321), Some(4322)).is_ok();
    let with_xattr = xattr::set(&path, "user.gwlint-test", b"kept").is_ok();
    let (code, stderr) = fix(&[&path]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o640, "setuid dropped, the rest kept");
    if as_root {
        assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
    }
    if with_xattr {
        assert_eq!(
            xattr::get(&path, "user.gwlint-test").unwrap().as_deref(),
            Some(&b"kept"[..])
        );
    } else {
        eprintln!("note: this filesystem takes no user xattrs; that part is not checked");
    }
}

#[test]
fn a_read_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.txt");
    std::fs::write(&path, FIXABLE).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, stderr) = fix(&[&path]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("ro.txt") && stderr.contains("只读"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXABLE);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn gb18030_bytes_outside_the_fix_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gbk.txt");
    // 0x80 decodes as €, which GB18030 encodes as A2E3; A3A0 decodes as U+E5E5, which
    // it cannot encode; 84318236 decodes as a character whose two-byte form is A6D9.
    let head = encoding_rs::GB18030.encode("一、基本情况").0.into_owned();
    let odd: &[u8] = &[0x80, b' ', 0xa3, 0xa0, b' ', 0x84, 0x31, 0x82, 0x36];
    let fixed_line = encoding_rs::GB18030
        .encode("（一）情况良好。")
        .0
        .into_owned();
    let mut original = head.clone();
    original.extend_from_slice(odd);
    original.extend_from_slice(b"\r\n(");
    original.extend_from_slice(&encoding_rs::GB18030.encode("一)情况良好。").0);
    original.extend_from_slice(b"\r\n");
    original.extend_from_slice(odd);
    original.extend_from_slice(b"\r\n");
    std::fs::write(&path, &original).unwrap();
    let (code, stderr) = fix(&[&path]);
    assert_eq!(code, Some(0), "{stderr}");
    let mut expected = head;
    expected.extend_from_slice(odd);
    expected.extend_from_slice(b"\r\n");
    expected.extend_from_slice(&fixed_line);
    expected.extend_from_slice(b"\r\n");
    expected.extend_from_slice(odd);
    expected.extend_from_slice(b"\r\n");
    assert_eq!(std::fs::read(&path).unwrap(), expected);
}

#[test]
fn stale_temporary_files_of_a_dead_run_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, FIXABLE).unwrap();
    // A process id that cannot be alive (above the kernel's pid_max limit).
    let stale = dir.path().join(".gwlint-4194999-AbC123.tmp");
    std::fs::write(&stale, FIXABLE).unwrap();
    // Not of gwlint's naming: left alone.
    let other = dir.path().join(".gwlint-notes.txt");
    std::fs::write(&other, "x").unwrap();
    let (code, stderr) = fix(&[&path]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stale.exists());
    assert!(other.exists());
}

/// A run stopped by SIGINT or SIGTERM while a fixed file is being written removes its
/// temporary file (debug builds wait `GWLINT_INJECT_WRITE_DELAY_MS` with the temporary
/// file written, so the signal arrives then).
#[test]
fn a_signal_during_the_write_leaves_no_temporary_file() {
    for signal in ["INT", "TERM"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, FIXABLE).unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gwlint"))
            .env("GWLINT_INJECT_WRITE_DELAY_MS", "60000")
            .args(["check", "--fix", "--quiet", "--select", "N105"])
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while temporaries(dir.path()).is_empty() {
            assert!(std::time::Instant::now() < deadline, "no temporary file");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success());
        assert_eq!(temporaries(dir.path()), Vec::<String>::new(), "{signal}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXABLE);
    }
}
