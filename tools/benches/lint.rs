//! `cargo bench -p gwlint-tools`: the seed report (20 KB), 1,000 reports (about 27 MB, built in memory
//! from ../shared/corpus, or from the seed and examples/ when it is absent), one 20 MB
//! text, and loading the knowledge (start-up). End to end with the CLI and the `rg`
//! floor: `scripts/bench.sh`.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use gwlint::{lint_text, Settings};
use rayon::prelude::*;

fn main() {
    divan::main();
}

/// The repository root: this package lives in its tools/ folder.
fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn settings() -> Settings {
    Settings::new(jiff::civil::date(2026, 1, 1))
}

/// The texts the corpus is built from, sorted by path.
fn sources() -> Vec<String> {
    let root = repository();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("../shared/corpus"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|d| d.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    if paths.is_empty() {
        eprintln!("bench: ../shared/corpus absent; using the seed and examples/");
        paths.push(root.join("tests/fixtures/documents/self-inspection-report.txt"));
        paths.extend(
            std::fs::read_dir(root.join("examples"))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt")),
        );
    }
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus text"))
        .collect()
}

static SEED: LazyLock<String> = LazyLock::new(|| {
    std::fs::read_to_string(
        repository().join("tests/fixtures/documents/self-inspection-report.txt"),
    )
    .expect("seed report")
});

/// 1,000 reports, cycling through the sources (as `scripts/make-corpus.sh` does).
static REPORTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let s = sources();
    (0..1000).map(|i| s[i % s.len()].clone()).collect()
});

/// About 20 MB in one text: the sources repeated, a blank line between them.
static BIG: LazyLock<String> = LazyLock::new(|| {
    let s = sources();
    let mut out = String::new();
    let mut i = 0;
    while out.len() < 20_000_000 {
        out.push_str(&s[i % s.len()]);
        out.push('\n');
        i += 1;
    }
    out
});

fn total(texts: &[String]) -> usize {
    texts.iter().map(String::len).sum()
}

#[divan::bench]
fn knowledge_load() -> gwlint::knowledge::Knowledge {
    gwlint::knowledge::Knowledge::from_sources(gwlint::knowledge::EMBEDDED).unwrap()
}

#[divan::bench]
fn seed_report(b: Bencher) {
    let settings = settings();
    b.counter(BytesCount::of_str(&*SEED))
        .bench(|| lint_text("seed.txt", &SEED, &settings).diagnostics.len());
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn reports_1000_one_thread(b: Bencher) {
    let settings = settings();
    b.counter(BytesCount::new(total(&REPORTS))).bench(|| {
        REPORTS
            .iter()
            .map(|t| lint_text("r.txt", t, &settings).diagnostics.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn reports_1000_rayon(b: Bencher) {
    let settings = settings();
    b.counter(BytesCount::new(total(&REPORTS))).bench(|| {
        REPORTS
            .par_iter()
            .map(|t| lint_text("r.txt", t, &settings).diagnostics.len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn one_file_20mb(b: Bencher) {
    let settings = settings();
    b.counter(BytesCount::of_str(&*BIG))
        .bench(|| lint_text("big.txt", &BIG, &settings).diagnostics.len());
}
