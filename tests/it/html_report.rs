//! `--format html` loaded in a real browser: headless Chromium (Debian's `chromium`,
//! installed by `.ci/run`). The test reads the DOM after the page's script ran
//! (`--dump-dom`) and checks that every finding is highlighted in the text, listed, and
//! linked both ways; that markup and script in a checked file stay text; and saves a
//! screenshot to `target/html-report/`. Without Chromium the browser tests skip with a
//! note; the golden snapshot of the seed's page always runs.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{gwlint, SEED};

/// Runs `gwlint check` with `args` and returns what it printed.
fn check(args: &[&str]) -> String {
    let output = gwlint().arg("check").arg("-q").args(args).output().unwrap();
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn chromium() -> Option<PathBuf> {
    let candidates = ["chromium", "chromium-browser", "google-chrome"];
    let found = std::env::var_os("GWLINT_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(candidates.iter().map(PathBuf::from))
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        // .ci/run installs Chromium and sets this, so that CI never skips silently.
        assert!(
            std::env::var_os("GWLINT_REQUIRE_BROWSER").is_none(),
            "Chromium is required here (GWLINT_REQUIRE_BROWSER) but was not found"
        );
        eprintln!("note: Chromium not found (apt-get install -y chromium); browser test skipped");
    }
    found
}

fn artefacts() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Chromium headless as root in a container: no sandbox, no GPU, nothing from the
/// network, a fresh profile.
fn headless(browser: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// The DOM of `page` after its scripts ran.
fn dump_dom(browser: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = headless(browser, profile.path())
        .arg("--dump-dom")
        .arg(file_url(page))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn screenshot(browser: &Path, page: &Path, png: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let output = headless(browser, profile.path())
        .arg("--window-size=1280,900")
        .arg(format!("--screenshot={}", png.display()))
        .arg(file_url(page))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let bytes = std::fs::read(png).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG"),
        "not a PNG: {}",
        png.display()
    );
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// Where a finding starts and ends: line, column, end line, end column.
type Position = (u64, u64, u64, u64);

/// The findings of each file, from the JSON output of the same run.
fn findings_per_file(args: &[&str]) -> Vec<(String, Vec<Position>)> {
    let mut json_args = vec!["--format", "json"];
    json_args.extend_from_slice(args);
    let findings: serde_json::Value = serde_json::from_str(&check(&json_args)).unwrap();
    let mut per_file: Vec<(String, Vec<Position>)> = Vec::new();
    for f in findings.as_array().unwrap() {
        let path = f["path"].as_str().unwrap().to_string();
        let at = |key: &str| f[key].as_u64().unwrap();
        let position = (at("line"), at("column"), at("end_line"), at("end_column"));
        match per_file.iter_mut().find(|(p, _)| *p == path) {
            Some((_, list)) => list.push(position),
            None => per_file.push((path, vec![position])),
        }
    }
    per_file
}

/// Every finding of file `f` (1-based, in the order of the index) is highlighted (a
/// mark for a span, a caret for an empty one) with its anchor, listed at its line and
/// column, and the two link to each other.
fn assert_marked_listed_linked(dom: &str, f: usize, findings: &[Position]) {
    for (k, &(line, column, end_line, end_column)) in findings.iter().enumerate() {
        let n = k + 1;
        let anchor = format!("id=\"f{f}-t{n}\"");
        assert_eq!(dom.matches(&anchor).count(), 1, "file {f}: {anchor}");
        let highlight = if (line, column) == (end_line, end_column) {
            format!(r##"<a class="r [^"]* pt" href="#f{f}-d{n}" id="f{f}-t{n}""##)
        } else {
            format!(r#"<mark class="s-\w+ f-\w+" data-d="f{f}-d{n}" id="f{f}-t{n}""#)
        };
        assert!(
            regex::Regex::new(&highlight).unwrap().is_match(dom),
            "file {f}: no highlight for finding {n}"
        );
        let item = format!("<li id=\"f{f}-d{n}\" class=\"s-");
        assert_eq!(dom.matches(&item).count(), 1, "file {f}: {item}");
        let back = format!("<a href=\"#f{f}-t{n}\">第 {line} 行第 {column} 列</a>");
        assert!(dom.contains(&back), "file {f}: {back}");
        assert!(
            dom.contains(&format!("href=\"#f{f}-d{n}\"")),
            "file {f}: link to {n}"
        );
    }
    let next = findings.len() + 1;
    assert!(!dom.contains(&format!("id=\"f{f}-t{next}\"")));
}

#[test]
fn seed_page_in_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = artefacts();
    let page = dir.join("seed.html");
    let args = ["--as-of", "2023-03-15", SEED];
    check(
        &[
            &["--format", "html", "-o", page.to_str().unwrap()][..],
            &args,
        ]
        .concat(),
    );
    let per_file = findings_per_file(&args);
    let findings = &per_file[0].1;
    assert!(findings.len() >= 30, "{per_file:?}");

    let dom = dump_dom(&browser, &page);
    assert_marked_listed_linked(&dom, 1, findings);
    // The page's script ran: it showed the filters, hidden in the HTML.
    assert!(
        dom.contains("<form id=\"filters\" aria-label"),
        "filters still hidden"
    );
    assert!(dom.contains("<svg"));
    assert!(dom.contains(&format!("共 {} 个问题", findings.len())));
    screenshot(&browser, &page, &dir.join("seed.png"));
}

#[test]
fn folder_page_in_chromium_and_script_in_the_text_does_not_run() {
    let Some(browser) = chromium() else { return };
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("examples");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir("examples").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
        }
    }
    // A hostile file: markup and script in the text and in the name, each of which
    // would mark the page if it ran.
    let hostile = "关于<script>document.body.setAttribute('data-pwned','script')</script>的报告\n\
        一、基本情况<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">\n\
        三、存在问题:有些干部</p></div></section><svg onload=\"document.body.setAttribute('data-pwned','svg')\">\n";
    std::fs::write(folder.join("z<b>hostile<i>.txt"), hostile).unwrap();
    let page = artefacts().join("examples.html");
    let folder_arg = folder.to_str().unwrap();
    let args = ["--as-of", "2023-03-15", folder_arg];
    check(
        &[
            &["--format", "html", "-o", page.to_str().unwrap()][..],
            &args,
        ]
        .concat(),
    );
    let per_file = findings_per_file(&args);
    let dom = dump_dom(&browser, &page);

    // Had any of them run, the body would carry data-pwned="…".
    assert!(dom.contains("<body>"), "the body's attributes changed");
    assert!(
        !dom.contains("data-pwned="),
        "a script from the checked text ran"
    );
    assert!(
        !dom.contains("<img"),
        "markup from the checked text became an element"
    );
    assert!(dom.contains("&lt;script&gt;document.body.setAttribute"));
    assert!(dom.contains("z&lt;b&gt;hostile&lt;i&gt;.txt"));
    let hostile_path = folder.join("z<b>hostile<i>.txt").display().to_string();
    assert!(
        per_file
            .iter()
            .any(|(p, f)| *p == hostile_path && f.len() >= 2),
        "the hostile file must have findings, so that its text is on the page: {per_file:?}"
    );
    // Files in path order in the index; those with findings get a section.
    let mut paths: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    paths.sort();
    for (f, path) in paths.iter().enumerate() {
        let escaped = path.replace('<', "&lt;").replace('>', "&gt;");
        assert!(dom.contains(&escaped), "{path} not in the page");
        match per_file.iter().find(|(p, _)| p == path) {
            Some((_, findings)) => {
                assert!(dom.contains(&format!("<a href=\"#f{}\">", f + 1)));
                assert_marked_listed_linked(&dom, f + 1, findings);
            }
            None => assert!(!dom.contains(&format!("<section class=\"file\" id=\"f{}\"", f + 1))),
        }
    }
    assert!(per_file.len() >= 3, "{per_file:?}");
    screenshot(&browser, &page, &artefacts().join("examples.png"));
}

/// The page of the seed, as a golden file. Review a change with `cargo insta review`.
/// The version, the size of the knowledge and the notes (the sources quoted from the
/// knowledge files) are replaced, so that editing a knowledge entry does not change this
/// file; the structure, the marked text, the messages and the help are compared.
#[test]
fn seed_page_snapshot() {
    let html = check(&["--format", "html", "--as-of", "2023-03-15", SEED]);
    let knowledge = regex::Regex::new("<dt>知识库</dt><dd>[^<]*</dd>").unwrap();
    let html = knowledge.replace(&html, "<dt>知识库</dt><dd>[knowledge]</dd>");
    let note = regex::Regex::new("<p class=\"note\">[^<]*</p>").unwrap();
    let html = note.replace_all(&html, "<p class=\"note\">[note]</p>");
    let html = html.replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("seed_page", html);
}
