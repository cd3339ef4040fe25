//! Measures L101's detector on SIGHAN-2015 (the test pairs shipped in pycorrector's
//! package; `scripts/sighan.sh` fetches them). Prints, for the first half of the file (the
//! half thresholds were tuned on) and the second (held out):
//!
//! - sentence-level detection, as in the SIGHAN bake-off: a sentence counts as right when
//!   the set of flagged positions equals the set of wrong ones; precision over sentences
//!   with a flag, recall over sentences with an error;
//! - sentence-level correction: the same, with the suggested characters right too;
//! - character-level detection precision and recall;
//! - pycorrector's own sentence metric (`eval_model_single`: a sentence is right when the
//!   corrected sentence equals the target; FP = a correct sentence changed), the one its
//!   published figures use;
//! - sentences per second.
//!
//! ```text
//! cargo run --release -p gwlint-tools --bin sighan -- sighan2015_test.tsv [--show] [--min-gain G]
//!     [--min-word-freq F] [--min-ratio R] [--real-word-gain G] [--min-word-gain W]
//!     [--function-freq F] [--function-window-freq F] [--decoder MIN_SCORE] [--decoder-floor G]
//!     [--cost SAME,TONE,NEAR,SHAPE,SWAP] [--show-hits] [--corpus DIR]...
//!     [--rules L101,L104,...] [--show-held-out]
//! ```
//!
//! `--show` and `--show-hits` list the tuning half's sentences only (`--show-held-out`
//! lists the other half too: for reporting, not for tuning).
//!
//! `--rules CODES` scores the findings of those rules instead, as gwlint reports them
//! (each sentence linted as the one paragraph of a document under a fixed title; a
//! finding's fix is its correction): how the rules together do, not L101's detector alone.
//!
//! `--corpus DIR` also runs the detector over each `.txt` file of DIR (as L101 does: a
//! written word that recurs in the file is left alone) and prints every suspect and the
//! count per 10,000 characters.
use std::collections::BTreeMap;
use std::time::Instant;

use gwlint::spelling::{find_with, THRESHOLDS};
use gwlint::words::segment;
use gwlint::{Settings, Span};

/// One flagged place: the characters to replace, with what, and how it is shown.
struct Flag {
    span: Span,
    replacement: String,
    shown: String,
}

/// The title line the sentences are linted under (`--rules`): a sentence alone on its
/// line would be read as the document's title.
const TITLE: &str = "关于有关事项的通知\n\n";

#[derive(Default)]
struct Tally {
    sentences: usize,
    with_error: usize,
    flagged: usize,
    detected: usize,
    corrected: usize,
    char_tp: usize,
    char_fp: usize,
    char_fn: usize,
    pyc_tp: usize,
    pyc_fp: usize,
    pyc_fn: usize,
    unaligned: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Tally {
    fn print(&self, name: &str) {
        println!(
            "{name}: {} sentences, {} with errors ({} of unequal length, never matched)",
            self.sentences, self.with_error, self.unaligned
        );
        println!(
            "  sentence detection   P {:.3}  R {:.3}  ({} right of {} flagged)",
            ratio(self.detected, self.flagged),
            ratio(self.detected, self.with_error),
            self.detected,
            self.flagged
        );
        println!(
            "  sentence correction  P {:.3}  R {:.3}",
            ratio(self.corrected, self.flagged),
            ratio(self.corrected, self.with_error)
        );
        println!(
            "  character detection  P {:.3}  R {:.3}  ({} right, {} wrong, {} missed)",
            ratio(self.char_tp, self.char_tp + self.char_fp),
            ratio(self.char_tp, self.char_tp + self.char_fn),
            self.char_tp,
            self.char_fp,
            self.char_fn
        );
        println!(
            "  pycorrector metric   P {:.3}  R {:.3}",
            ratio(self.pyc_tp, self.pyc_tp + self.pyc_fp),
            ratio(self.pyc_tp, self.pyc_tp + self.pyc_fn)
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!(
            "usage: sighan FILE.tsv [--show] [--min-gain G] [--min-word-freq F] [--min-ratio R]"
        );
        std::process::exit(2);
    };
    let show = args.iter().any(|a| a == "--show");
    let show_hits = args.iter().any(|a| a == "--show-hits");
    let mut thresholds = THRESHOLDS;
    let value = |name: &str| -> Option<f64> {
        let i = args.iter().position(|a| a == name)?;
        args.get(i + 1)?.parse().ok()
    };
    for (name, field) in [
        ("--min-gain", &mut thresholds.min_gain),
        ("--real-word-gain", &mut thresholds.real_word_gain),
        ("--decoder", &mut thresholds.decoder_min_score),
        ("--decoder-floor", &mut thresholds.decoder_char_floor),
        ("--half-fit-gain", &mut thresholds.half_fit_gain),
    ] {
        if let Some(v) = value(name) {
            *field = v as f32;
        }
    }
    for (name, field) in [
        ("--min-word-freq", &mut thresholds.min_word_freq),
        ("--function-freq", &mut thresholds.function_freq),
        (
            "--function-window-freq",
            &mut thresholds.function_window_freq,
        ),
        ("--half-fit-word-freq", &mut thresholds.half_fit_word_freq),
        ("--min-ratio", &mut thresholds.min_ratio),
    ] {
        if let Some(v) = value(name) {
            *field = v as u64;
        }
    }
    if let Some(v) = value("--min-word-gain") {
        thresholds.min_word_gain = v;
    }
    if let Some(i) = args.iter().position(|a| a == "--cost") {
        let costs: Vec<f32> = args
            .get(i + 1)
            .map(|v| v.split(',').filter_map(|c| c.parse().ok()).collect())
            .unwrap_or_default();
        if let Ok(costs) = <[f32; 5]>::try_from(costs) {
            thresholds.cost = costs;
        }
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let pairs: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let half = pairs.len() / 2;
    let rules: Option<Settings> = value_of(&args, "--rules").map(|codes| {
        let mut settings = Settings::new(jiff::civil::date(2026, 1, 1));
        if let Err(e) = settings.select(&[codes.to_string()], &[]) {
            eprintln!("--rules {codes}: {e}");
            std::process::exit(2);
        }
        settings
    });
    let mut tallies = [Tally::default(), Tally::default()];
    let started = Instant::now();
    for (k, (source, target)) in pairs.iter().enumerate() {
        let flags = match &rules {
            Some(settings) => rule_flags(source, settings),
            None => find_with(
                source,
                Span::new(0, source.len()),
                &thresholds,
                &mut |run| segment(source, run),
            )
            .into_iter()
            .map(|s| Flag {
                shown: format!(
                    "{}→{}({},{:.1})",
                    s.window.slice(source),
                    s.suggested,
                    s.similarity.describe(),
                    s.score
                ),
                span: s.span,
                replacement: s.replacement,
            })
            .collect(),
        };
        let tally = &mut tallies[usize::from(k >= half)];
        // Only the tuning half is shown: the held-out half is for counting.
        let shown = k < half || args.iter().any(|a| a == "--show-held-out");
        score(
            tally,
            source,
            target,
            &flags,
            show && shown,
            show_hits && shown,
        );
    }
    let elapsed = started.elapsed().as_secs_f64();
    if args.iter().any(|a| a == "--explain") {
        explain(&pairs[..half]);
    }
    let corpora: Vec<&String> = args
        .windows(2)
        .filter(|w| w[0] == "--corpus")
        .map(|w| &w[1])
        .collect();
    for dir in corpora {
        corpus(dir, &thresholds);
    }
    tallies[0].print("first half (tuning)");
    tallies[1].print("second half (held out)");
    println!(
        "{} sentences in {:.3} s: {:.0} sentences/s",
        pairs.len(),
        elapsed,
        pairs.len() as f64 / elapsed
    );
}

fn value_of<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).map(String::as_str)
}

/// The findings of the selected rules on `source`, with their fixes' edits as corrections
/// (a finding without a fix flags its span with no correction).
fn rule_flags(source: &str, settings: &Settings) -> Vec<Flag> {
    let text = format!("{TITLE}{source}\n");
    let report = gwlint::lint_text("sighan.txt", &text, settings);
    let shift = |span: Span| Span::new(span.start - TITLE.len(), span.end - TITLE.len());
    let mut flags = Vec::new();
    for d in &report.diagnostics {
        if d.span.start < TITLE.len() || d.span.end > TITLE.len() + source.len() {
            continue;
        }
        let shown = format!("{}:{}", d.code, d.message);
        match d.fix.as_ref().map(|f| f.edits.as_slice()) {
            Some([_, ..]) => flags.extend(d.fix.iter().flat_map(|f| &f.edits).map(|e| Flag {
                span: shift(e.span),
                replacement: e.replacement.clone(),
                shown: shown.clone(),
            })),
            _ => flags.push(Flag {
                span: shift(d.span),
                replacement: "\u{fffd}".repeat(d.span.slice(&text).chars().count()),
                shown,
            }),
        }
    }
    flags
}

fn score(
    tally: &mut Tally,
    source: &str,
    target: &str,
    suspects: &[Flag],
    show: bool,
    show_hits: bool,
) {
    tally.sentences += 1;
    let src: Vec<(usize, char)> = source.char_indices().collect();
    let tgt: Vec<char> = target.chars().collect();
    let has_error = source != target;
    // Gold: character index → right character; None for pairs of unequal length.
    let gold: Option<BTreeMap<usize, char>> = (src.len() == tgt.len()).then(|| {
        src.iter()
            .zip(&tgt)
            .enumerate()
            .filter(|(_, ((_, a), b))| a != *b)
            .map(|(i, (_, b))| (i, *b))
            .collect()
    });
    let char_index = |byte: usize| src.partition_point(|&(at, _)| at < byte);
    // A correction of a whole word (应为 → 因为) flags only the characters it changes.
    let predicted: BTreeMap<usize, char> = suspects
        .iter()
        .flat_map(|s| {
            let first = char_index(s.span.start);
            s.replacement
                .chars()
                .enumerate()
                .map(move |(k, c)| (first + k, c))
        })
        .filter(|&(i, c)| src.get(i).is_none_or(|&(_, written)| written != c))
        .collect();
    if has_error {
        tally.with_error += 1;
    }
    if gold.is_none() {
        tally.unaligned += 1;
    }
    let corrected: String = src
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| predicted.get(&i).copied().unwrap_or(c))
        .collect();
    if !predicted.is_empty() {
        tally.flagged += 1;
        if let Some(gold) = &gold {
            if has_error && gold.keys().eq(predicted.keys()) {
                tally.detected += 1;
                if gold == &predicted {
                    tally.corrected += 1;
                }
            }
        }
        let right = gold
            .as_ref()
            .is_some_and(|g| has_error && g.keys().eq(predicted.keys()));
        if (show && !right) || (show_hits && right) {
            let flags: Vec<&str> = suspects.iter().map(|s| s.shown.as_str()).collect();
            println!(
                "{} {source} | {} | {}",
                match (right, has_error) {
                    (true, _) => "HIT ",
                    (false, true) => "MISS",
                    (false, false) => "FP  ",
                },
                if has_error { target } else { "" },
                flags.join(" ")
            );
        }
    }
    match &gold {
        Some(gold) => {
            tally.char_tp += predicted.keys().filter(|i| gold.contains_key(i)).count();
            tally.char_fp += predicted.keys().filter(|i| !gold.contains_key(i)).count();
            tally.char_fn += gold.keys().filter(|i| !predicted.contains_key(i)).count();
        }
        None => tally.char_fp += predicted.len(),
    }
    match (has_error, corrected == target) {
        (false, false) => tally.pyc_fp += 1,
        (true, true) => tally.pyc_tp += 1,
        (true, false) => tally.pyc_fn += 1,
        (false, true) => {}
    }
}

fn corpus(dir: &str, thresholds: &gwlint::spelling::Thresholds) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    let (mut chars, mut count) = (0usize, 0usize);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        chars += text.chars().count();
        for s in find_with(&text, Span::new(0, text.len()), thresholds, &mut |run| {
            segment(&text, run)
        }) {
            let written = s.window.slice(&text);
            if text.matches(written).nth(1).is_some() {
                continue;
            }
            count += 1;
            let mut from = s.window.start.saturating_sub(30);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (s.window.end + 30).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            println!(
                "{}: {}→{} ({}, {:.1}) …{}…",
                path.file_name().unwrap_or_default().to_string_lossy(),
                written,
                s.suggested,
                s.similarity.describe(),
                s.score,
                text[from..to].replace('\n', " ")
            );
        }
    }
    println!(
        "{dir}: {count} suspects in {chars} characters, {:.2} per 10,000",
        count as f64 * 1e4 / chars.max(1) as f64
    );
}

/// For each wrong character of the tuning half: what the detector's steps say of it, and a
/// count of the first step that stops it (why recall is low).
fn explain(pairs: &[(&str, &str)]) {
    use gwlint::spelling::{bigrams, candidates};
    use gwlint::words::lexicon;
    let model = bigrams();
    let mut stops: BTreeMap<&str, usize> = BTreeMap::new();
    for (source, target) in pairs {
        let src: Vec<char> = source.chars().collect();
        let tgt: Vec<char> = target.chars().collect();
        if src.len() != tgt.len() {
            continue;
        }
        let words = segment(source, Span::new(0, source.len()));
        let offsets: Vec<usize> = source.char_indices().map(|(i, _)| i).collect();
        for i in (0..src.len()).filter(|&i| src[i] != tgt[i]) {
            let (c, x) = (src[i], tgt[i]);
            let prev = i
                .checked_sub(1)
                .map(|j| src[j])
                .filter(|p| gwlint::words::is_han(*p));
            let next = src
                .get(i + 1)
                .copied()
                .filter(|n| gwlint::words::is_han(*n));
            let fits = prev.is_some_and(|p| model.supported(p, c))
                || next.is_some_and(|n| model.supported(c, n));
            let kind = candidates(c).find(|&(y, _)| y == x).map(|(_, k)| k);
            let context = |y: char| {
                model.log_prob(prev, y) + next.map_or(0.0, |n| model.log_prob(Some(y), n))
            };
            let gain = context(x) - context(c);
            let word = words
                .iter()
                .find(|w| w.span.start <= offsets[i] && offsets[i] < w.span.end)
                .map_or("", |w| w.text(source));
            let mut best_word = (0u64, String::new());
            for len in 2..=4usize {
                for start in i.saturating_sub(len - 1)..=i {
                    if start + len > tgt.len() {
                        continue;
                    }
                    let w: String = tgt[start..start + len].iter().collect();
                    let f = lexicon().freq(&w);
                    if f > best_word.0 {
                        best_word = (f, w);
                    }
                }
            }
            let single = |ch: char| lexicon().freq(&ch.to_string());
            let stop = if kind.is_none() {
                "not a candidate"
            } else if fits {
                "fits a neighbour"
            } else if word.chars().count() > 1 {
                "inside a longer word"
            } else if single(c) >= 50_000 {
                "frequent single word"
            } else if best_word.0 < 500 {
                "makes no frequent word"
            } else if gain < 10.0 {
                "bigram gain < 10"
            } else {
                "passes the first tests"
            };
            *stops.entry(stop).or_default() += 1;
            println!(
                "{c}→{x} {stop}: kind {kind:?} fits {fits} word {word} gain {gain:.1} best {}({}) in {source}",
                best_word.1, best_word.0
            );
        }
    }
    for (stop, n) in stops {
        println!("{n:4} {stop}");
    }
}
