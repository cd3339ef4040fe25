//! Output streamed file by file (issue 12): each file's findings are written as soon as
//! it and every file before it are done, in path order, and the JSON array and SARIF log
//! stay valid documents. (Peak memory over many files: `memory.rs`.)

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::gwlint;

const N105: &str = "一、基本情况\n(一)情况良好。\n";

#[test]
fn findings_of_earlier_files_appear_while_a_later_one_is_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), N105).unwrap();
    std::fs::write(dir.path().join("docs/b.txt"), N105).unwrap();
    let release = dir.path().join("release");
    // Checking b.txt waits until `release` exists (a debug-build hook).
    let mut child = Command::new(env!("CARGO_BIN_EXE_gwlint"))
        .args(["check", "--format", "short", "--select", "N105", "docs"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("GWLINT_INJECT_WAIT", format!("b.txt:{}", release.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let started = Instant::now();
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    // a.txt's finding came while b.txt was held back.
    assert!(first.starts_with("docs/a.txt:2:1:"), "{first}");
    assert!(
        started.elapsed() < Duration::from_secs(50),
        "the first line waited for the last file"
    );
    assert!(child.try_wait().unwrap().is_none());
    std::fs::write(&release, "").unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert!(rest.starts_with("docs/b.txt:2:1:"), "{rest}");
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

/// Files of very different sizes, so that later ones often finish first.
fn many_files(dir: &std::path::Path, count: usize) {
    std::fs::create_dir(dir.join("docs")).unwrap();
    for i in 0..count {
        let repeat = if i % 7 == 0 { 200 } else { 1 };
        std::fs::write(dir.join(format!("docs/{i:04}.txt")), N105.repeat(repeat)).unwrap();
    }
}

#[test]
fn json_and_sarif_stay_valid_and_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path(), 300);
    let run = |format: &str| -> serde_json::Value {
        let out = gwlint()
            .current_dir(dir.path())
            .args(["check", "--format", format, "--select", "N105", "docs"])
            .assert()
            .code(1);
        serde_json::from_slice(&out.get_output().stdout).unwrap()
    };
    let json = run("json");
    let findings = json.as_array().unwrap();
    // 43 files × 200 findings + 257 × 1.
    assert_eq!(findings.len(), 43 * 200 + 257);
    let paths: Vec<&str> = findings
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    assert_eq!(paths.first(), Some(&"docs/0000.txt"));
    assert_eq!(paths.last(), Some(&"docs/0299.txt"));

    let sarif = run("sarif");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["results"].as_array().unwrap().len(), findings.len());
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
    assert_eq!(run0["tool"]["driver"]["name"], "gwlint");
    let uris: Vec<&str> = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    let mut sorted = uris.clone();
    sorted.sort_unstable();
    assert_eq!(uris, sorted);
}

#[test]
fn empty_runs_are_valid_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、基本情况\n").unwrap();
    let json = gwlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "a.txt"])
        .assert()
        .code(0);
    assert_eq!(json.get_output().stdout, b"[]\n");
    let sarif = gwlint()
        .current_dir(dir.path())
        .args(["check", "--format", "sarif", "a.txt", "missing.txt"])
        .assert()
        .code(2);
    let log: serde_json::Value = serde_json::from_slice(&sarif.get_output().stdout).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("missing.txt"));
}

#[test]
fn an_output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    many_files(dir.path(), 20);
    std::fs::write(dir.path().join("report.json"), "old").unwrap();
    gwlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "docs", "-o", "report.json"])
        .assert()
        .code(1);
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert!(written.as_array().unwrap().len() > 20);
    // A folder that does not exist: refused before anything is checked.
    gwlint()
        .current_dir(dir.path())
        .args(["check", "docs", "-o", "no/such/folder/report.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("无法写入"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".gwlint-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn an_output_that_is_a_fifo_or_device_is_written_to_not_replaced() {
    use std::os::unix::fs::FileTypeExt as _;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), N105).unwrap();
    let fifo = dir.path().join("out.fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    gwlint()
        .current_dir(dir.path())
        .args(["check", "--format", "short", "a.txt", "-o"])
        .arg(&fifo)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1);
    let written = reader.join().unwrap();
    assert!(written.starts_with("a.txt:2:1:"), "{written}");
    // Still a FIFO: renaming a temporary file over it would have made it a file (and,
    // as root, `-o /dev/null` replaced the device).
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}
