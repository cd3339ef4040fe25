//! Input hygiene: what a walk checks (.gitignore, `--no-ignore`), what it passes over
//! with a word (PDF, a folder with nothing to check), and `--province`.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{gwlint, SEED};

const LONE: &str = "一是加强学习。\n";

/// The files `--select N107 --format short` reports under `dir` (one finding each),
/// relative to it, with the exit status.
fn reported(dir: &Path, extra: &[&str]) -> (Vec<String>, Option<i32>, String) {
    let out = gwlint()
        .current_dir(dir)
        .args(["check", "--select", "N107", "--format", "short"])
        .args(extra)
        .output()
        .unwrap();
    let mut files: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect();
    files.sort();
    (
        files,
        out.status.code(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn git_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // What makes a folder a repository for the walk is its .git folder.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for name in ["a.txt", "草稿/b.txt", "归档/c.md", "归档/keep.md", "d.txt"] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, LONE).unwrap();
    }
    std::fs::write(dir.path().join(".gitignore"), "草稿/\n*.md\n!keep.md\n").unwrap();
    std::fs::write(dir.path().join("归档/.ignore"), "keep.md\n").unwrap();
    dir
}

#[test]
fn a_walk_honours_gitignore_and_ignore_files_unless_no_ignore() {
    let repo = git_repo();
    let (files, status, _) = reported(repo.path(), &["."]);
    assert_eq!(files, ["./a.txt", "./d.txt"]);
    assert_eq!(status, Some(1));
    let (all, _, _) = reported(repo.path(), &["--no-ignore", "."]);
    assert_eq!(
        all,
        [
            "./a.txt",
            "./d.txt",
            "./归档/c.md",
            "./归档/keep.md",
            "./草稿/b.txt"
        ]
    );
    // A file named on the command line is checked whatever the ignore files say.
    let (named, _, _) = reported(repo.path(), &["草稿/b.txt"]);
    assert_eq!(named, ["草稿/b.txt"]);
    // Walked from a subfolder, the .gitignore above still applies (*.md).
    let (sub, status, stderr) = reported(repo.path(), &["归档"]);
    assert!(sub.is_empty(), "{sub:?}");
    assert_eq!(status, Some(0));
    assert!(stderr.contains("没有可检查的文件"), "{stderr}");
}

#[test]
fn outside_a_repository_gitignore_means_nothing_but_ignore_files_do() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.path().join(name), LONE).unwrap();
    }
    std::fs::write(dir.path().join(".gitignore"), "a.txt\n").unwrap();
    std::fs::write(dir.path().join(".ignore"), "b.txt\n").unwrap();
    let (files, _, _) = reported(dir.path(), &["."]);
    assert_eq!(files, ["./a.txt", "./c.txt"]);
}

#[test]
fn a_pdf_gets_its_own_message_named_or_walked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("报告.pdf"), b"%PDF-1.7\n").unwrap();
    std::fs::write(dir.path().join("报告.txt"), LONE).unwrap();
    // Named: refused like .doc, exit 2, one line with what to do.
    let out = gwlint()
        .current_dir(dir.path())
        .args(["check", "--quiet", "报告.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("报告.pdf: PDF 文件 gwlint 不读取") && stderr.contains("转为 .docx"),
        "{stderr}"
    );
    // Walked: a warning, the other files are checked, the status is the findings'.
    let (files, status, stderr) = reported(dir.path(), &["--quiet", "."]);
    assert_eq!(files, ["./报告.txt"]);
    assert_eq!(status, Some(1));
    assert!(
        stderr.contains("警告：./报告.pdf: PDF 不检查") && stderr.contains("已跳过"),
        "{stderr}"
    );
    // The same for standard input named as a PDF.
    gwlint()
        .args(["check", "-", "--stdin-filename", "x.pdf"])
        .write_stdin("%PDF-1.7\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("x.pdf: PDF 文件 gwlint 不读取"));
}

#[test]
fn a_folder_with_nothing_to_check_says_so_in_one_line_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.csv"), LONE).unwrap();
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    std::fs::write(dir.path().join(".hidden/a.txt"), LONE).unwrap();
    let out = gwlint()
        .args(["check", "--quiet"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("gwlint: 警告：") && stderr.contains("文件夹中没有可检查的文件"),
        "{stderr}"
    );
    // A folder that has something to check says nothing of the kind.
    std::fs::write(dir.path().join("a.txt"), "关于开展工作的通知\n").unwrap();
    gwlint()
        .args(["check", "--quiet", "--select", "N107"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn province_must_be_one_the_knowledge_knows() {
    for known in ["四川", "四川省", "广西壮族自治区", "北京市", "内蒙古"] {
        gwlint()
            .args([
                "check",
                "--quiet",
                "--exit-zero",
                "--select",
                "R106",
                "--province",
                known,
                SEED,
            ])
            .assert()
            .code(0)
            .stderr("");
    }
    let out = gwlint()
        .args(["check", "--province", "四州", SEED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing is checked");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("--province 的“四州”不是已知的省份") && stderr.contains("四川、"),
        "{stderr}"
    );
    let listed = gwlint::knowledge::Knowledge::embedded().provinces();
    assert_eq!(listed.len(), 31);
    assert!(
        listed.iter().all(|p| stderr.contains(p.as_str())),
        "{stderr}"
    );
    // In gwlint.toml, the error points at the value.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gwlint.toml"), "province = \"四州\"\n").unwrap();
    std::fs::write(dir.path().join("a.txt"), LONE).unwrap();
    gwlint()
        .args(["check"])
        .arg(dir.path().join("a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("未知的省份“四州”"))
        .stderr(predicate::str::contains("gwlint.toml:1:"));
}
