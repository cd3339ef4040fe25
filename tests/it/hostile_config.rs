//! Hostile configuration (issue 12): config, knowledge and profile files that are not
//! regular files or are huge, config discovery past the repository root, `gwlint init`
//! through a link, long lines in config errors; and UTF-16 files that do not decode.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::common::gwlint;

const CLEAN: &str = "一、基本情况\n（一）情况良好。\n";
const N105: &str = "一、基本情况\n(一)情况良好。\n";

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Runs `gwlint ARGS` in `dir` with standard input a pipe that stays open (as a terminal
/// would): the exit code and stderr, or a failure if it has not ended in 30 s.
fn run_with_open_stdin(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _stdin = child.stdin.take();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            return (status.code(), stderr);
        }
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("gwlint {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn config_and_knowledge_files_must_be_regular_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    mkfifo(&dir.path().join("fifo.toml"));
    for (args, kind) in [
        (vec!["check", "--config", "/dev/zero", "a.txt"], "字符设备"),
        (vec!["check", "--config", "fifo.toml", "a.txt"], "命名管道"),
        (vec!["check", "--config", "/dev/stdin", "a.txt"], "命名管道"),
        (vec!["check", "--rules", "/dev/zero", "a.txt"], "字符设备"),
        (vec!["check", "--rules", "fifo.toml", "a.txt"], "命名管道"),
        (vec!["knowledge", "--rules", "fifo.toml"], "命名管道"),
    ] {
        let (code, stderr) = run_with_open_stdin(dir.path(), &args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(kind), "{args:?}: {stderr}");
        assert!(stderr.contains("只能读取普通文件"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn extra_rules_and_profiles_naming_a_fifo_or_device_are_an_error_at_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    mkfifo(&dir.path().join("fifo.toml"));
    for config in [
        "extra-rules = [\"fifo.toml\"]\n",
        "extra-rules = [\"/dev/zero\"]\n",
        "profiles = [\"fifo.toml\"]\n",
        "profiles = [\"/dev/urandom\"]\n",
    ] {
        std::fs::write(dir.path().join("gwlint.toml"), config).unwrap();
        let (code, stderr) = run_with_open_stdin(dir.path(), &["check", "a.txt"]);
        assert_eq!(code, Some(2), "{config}: {stderr}");
        assert!(stderr.contains("只能读取普通文件"), "{config}: {stderr}");
        // The report points at the entry in gwlint.toml.
        assert!(stderr.contains("gwlint.toml:1:"), "{config}: {stderr}");
    }
}

#[test]
fn a_huge_config_or_knowledge_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    // 5 MiB of comments: valid TOML, over the 4 MiB cap.
    let big = "# 注释\n".repeat(5 * 1024 * 1024 / 8);
    std::fs::write(dir.path().join("big.toml"), &big).unwrap();
    gwlint()
        .current_dir(dir.path())
        .args(["check", "--config", "big.toml", "a.txt"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("文件过大（超过 4 MiB）"));
    gwlint()
        .current_dir(dir.path())
        .args(["check", "--rules", "big.toml", "a.txt"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("文件过大（超过 4 MiB）"));
}

#[test]
fn discovery_stops_at_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    // A config above the repository that would break the run if it were read.
    std::fs::write(dir.path().join("gwlint.toml"), "fial-on = \"error\"\n").unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join("docs")).unwrap();
    std::fs::write(repo.join("docs/a.txt"), N105).unwrap();
    // Without `.git` the walk reaches it (as before).
    gwlint()
        .current_dir(&repo)
        .args(["check", "docs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fial-on"));
    std::fs::create_dir(repo.join(".git")).unwrap();
    let shown_root = repo.display().to_string();
    gwlint()
        .current_dir(&repo)
        .args(["check", "-v", "--format", "short", "docs"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("N105"))
        .stderr(predicate::str::contains(format!(
            "docs/a.txt: 配置 无（向上查找到仓库根 {shown_root} 为止，未找到 gwlint.toml）"
        )));
    // The repository's own config applies, and `-v` names it.
    std::fs::write(
        repo.join("gwlint.toml"),
        "root = true\nignore = [\"N105\"]\n",
    )
    .unwrap();
    let config = repo.join("gwlint.toml").display().to_string();
    gwlint()
        .current_dir(&repo)
        .args(["check", "-v", "docs"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "docs/a.txt: 配置 {config}；"
        )));
    gwlint()
        .current_dir(&repo)
        .args(["check", "-v", "--isolated", "docs"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "docs/a.txt: 配置 无（--isolated）；",
        ));
}

#[test]
fn root_must_be_a_boolean() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "root = \"yes\"\n").unwrap();
    gwlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gwlint.toml:1:8"))
        .stderr(predicate::str::contains("boolean"));
}

#[test]
fn init_never_writes_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.toml");
    std::os::unix::fs::symlink(&target, dir.path().join("gwlint.toml")).unwrap();
    for force in [false, true] {
        let mut cmd = gwlint();
        cmd.current_dir(dir.path()).arg("init");
        if force {
            cmd.arg("--force");
        }
        cmd.assert()
            .code(2)
            .stderr(predicate::str::contains("符号链接"));
        assert!(!target.exists(), "written through the link (force {force})");
    }
    // An existing file is kept without --force, replaced with it.
    let plain = tempfile::tempdir().unwrap();
    std::fs::write(plain.path().join("gwlint.toml"), "# 我的配置\n").unwrap();
    gwlint()
        .current_dir(plain.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("已存在"));
    assert_eq!(
        std::fs::read_to_string(plain.path().join("gwlint.toml")).unwrap(),
        "# 我的配置\n"
    );
    gwlint()
        .current_dir(plain.path())
        .args(["init", "--force"])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(plain.path().join("gwlint.toml"))
        .unwrap()
        .contains("fail-on"));
}

#[test]
fn config_errors_show_a_bounded_excerpt_of_a_long_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    // An unknown selector at the end of a 200 KB line, and a 300 KB unknown profile.
    let long_list = format!("ignore = [{}\"X9\"]\n", "\"N105\", ".repeat(25_000));
    let long_value = format!("profile = \"{}\"\n", "甲".repeat(100_000));
    for (config, wanted) in [(long_list, "“X9”"), (long_value, "未知的文种")] {
        assert!(config.len() > 200_000);
        std::fs::write(dir.path().join("gwlint.toml"), config).unwrap();
        let out = gwlint()
            .current_dir(dir.path())
            .args(["check", "a.txt"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(wanted))
            .stderr(predicate::str::contains("gwlint.toml:1:"));
        let stderr = &out.get_output().stderr;
        assert!(stderr.len() < 4096, "{} bytes of stderr", stderr.len());
    }
}

#[test]
fn utf16_errors_name_utf16_and_the_real_offset() {
    let dir = tempfile::tempdir().unwrap();
    // BOM, "测试", then one byte too many.
    let mut odd = vec![0xff, 0xfe];
    odd.extend("测试".encode_utf16().flat_map(u16::to_le_bytes));
    odd.push(0x41);
    std::fs::write(dir.path().join("odd.txt"), &odd).unwrap();
    // BOM, "a", a lone high surrogate, "b" (big-endian).
    let lone: Vec<u8> = [0xfeff_u16, 0x61, 0xd800, 0x62]
        .iter()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    std::fs::write(dir.path().join("lone.txt"), &lone).unwrap();
    gwlint()
        .current_dir(dir.path())
        .args(["check", "odd.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "odd.txt: 不是有效的 UTF-16LE 文本（文件以 UTF-16 的 BOM 开头）：第 6 字节（从 0 数起）处多出半个字符（字节数为奇数）",
        ));
    gwlint()
        .current_dir(dir.path())
        .args(["check", "lone.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "lone.txt: 不是有效的 UTF-16BE 文本（文件以 UTF-16 的 BOM 开头）：第 4 字节（从 0 数起）处有孤立的代理项",
        ))
        .stderr(predicate::str::contains("from byte 2").not())
        .stderr(predicate::str::contains("GB18030").not());
}
