//! Builds the word lexicon: turns the word lists `data/jieba/dict.txt` and `rules/words.txt`
//! (word, frequency, part-of-speech tag per line) into an fst map embedded in the binary, so that the lexicon costs nothing
//! at start-up (`src/words/lexicon.rs`). Each word maps to `frequency << 8 | tag index`.
//! The 公文 set phrases of `rules/set-phrases.txt` that jieba lacks join the lexicon too, and
//! the index of set phrases for L103 is built from the same words (`build/set_phrases.rs`).

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
    println!("cargo:rerun-if-changed=build/set_phrases.rs");
    let texts: Vec<(&str, String)> = DICTIONARIES
        .iter()
        .map(|&path| {
            println!("cargo:rerun-if-changed={path}");
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            (path, text)
        })
        .collect();

    println!("cargo:rerun-if-changed={}", crate::set_phrases::SET_PHRASES);
    let listed_text = fs::read_to_string(crate::set_phrases::SET_PHRASES)
        .unwrap_or_else(|e| panic!("{}: {e}", crate::set_phrases::SET_PHRASES));
    let listed = crate::set_phrases::read_list(&listed_text);

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

    // The listed 公文 set phrases are words too (jieba lacks 守正创新, 提质增效 …).
    for phrase in &listed {
        words
            .entry(phrase)
            .or_insert(crate::set_phrases::DEFAULT_ENTRY);
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
    crate::set_phrases::build(&words, &listed, &out);
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
