//! Builds the word lexicon: turns the word lists `data/jieba/dict.txt` and `rules/words.txt`
//! (word, frequency, part-of-speech tag per line) into an fst map embedded in the binary, so that the lexicon costs nothing
//! at start-up (`src/words/lexicon.rs`). Each word maps to `frequency << 8 | tag index`.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// jieba's dictionary, then gwlint's additions (a later line for the same word wins).
const DICTIONARIES: &[&str] = &["data/jieba/dict.txt", "rules/words.txt"];

/// Writes `$OUT_DIR/lexicon.fst` and `$OUT_DIR/lexicon_meta.rs`.
pub fn build() {
    println!("cargo:rerun-if-changed=build/lexicon.rs");
    let texts: Vec<(&str, String)> = DICTIONARIES
        .iter()
        .map(|&path| {
            println!("cargo:rerun-if-changed={path}");
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            (path, text)
        })
        .collect();

    // A later line for the same word wins, as in jieba.
    let mut words: BTreeMap<&str, (u64, &str)> = BTreeMap::new();
    for (path, text) in &texts {
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split_ascii_whitespace();
            let Some(word) = fields.next() else { continue };
            let frequency: u64 = fields
                .next()
                .and_then(|f| f.parse().ok())
                .unwrap_or_else(|| panic!("{path}:{}: no frequency after “{word}”", number + 1));
            let tag = fields.next().unwrap_or("");
            words.insert(word, (frequency, tag));
        }
    }

    let mut tags: Vec<&str> = words.values().map(|&(_, tag)| tag).collect();
    tags.sort_unstable();
    tags.dedup();
    assert!(tags.len() <= 256, "at most 256 part-of-speech tags");

    let mut builder = fst::MapBuilder::memory();
    let mut total: u64 = 0;
    for (word, (frequency, tag)) in &words {
        assert!(*frequency < 1 << 40, "{word}: frequency too large");
        total += frequency;
        let tag = tags.binary_search(tag).expect("collected above") as u64;
        builder
            .insert(word.as_bytes(), frequency << 8 | tag)
            .expect("keys are sorted and unique");
    }
    let bytes = builder.into_inner().expect("fst in memory");

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("lexicon.fst"), bytes).expect("OUT_DIR is writable");
    let mut meta = String::new();
    writeln!(meta, "/// Sum of all word frequencies.").unwrap();
    writeln!(meta, "pub(super) const TOTAL: u64 = {total};").unwrap();
    writeln!(meta, "/// Number of words.").unwrap();
    writeln!(meta, "pub(super) const WORDS: usize = {};", words.len()).unwrap();
    writeln!(
        meta,
        "/// Part-of-speech tags, indexed by the low byte of a value."
    )
    .unwrap();
    writeln!(meta, "pub(super) const TAGS: &[&str] = &{tags:?};").unwrap();
    fs::write(out.join("lexicon_meta.rs"), meta).expect("OUT_DIR is writable");
}
