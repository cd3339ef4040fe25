//! Compiles the embedded knowledge files (`rules/timeline.toml`, `rules/terms.toml`) so that
//! start-up parses no TOML and builds no automaton (`src/knowledge/load/prebuilt.rs`):
//!
//! - `$OUT_DIR/knowledge.json`: each file's tables as JSON (read at start-up by serde_json
//!   into the same types, about 15× faster than TOML), with the line of each entry's
//!   `[[…]]` header, and the automaton's patterns in pattern-id order;
//! - `$OUT_DIR/knowledge-automaton.bin`: the automaton over those patterns (daachorse,
//!   character-wise, leftmost-longest), serialized; start-up only checks its bounds.
//!
//! The files are validated by the tests (`Knowledge::from_sources` on the TOML, compared
//! with what is loaded from here), not again at every start. The patterns are collected
//! in the order `src/knowledge/matcher/mod.rs` (`Matcher::build`) adds them; at start-up the
//! matcher collects them again from the tables and uses this automaton only when both
//! lists are equal (else it builds its own), so a change there cannot make wrong matches.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use daachorse::{CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use toml::{Table, Value};

/// The embedded knowledge files, in load order (`src/knowledge/mod.rs`, `EMBEDDED`).
const FILES: &[&str] = &["rules/timeline.toml", "rules/terms.toml"];

/// Tables holding entries, as the TOML names them.
const TABLES: &[&str] = &[
    "event",
    "superseded",
    "formulation",
    "set-phrase",
    "confusable",
];

/// Quote marks, ignored when matching (`src/knowledge/matcher/normalize.rs`).
const QUOTES: &[char] = &['“', '”', '‘', '’', '"', '\'', '「', '」', '『', '』'];

pub fn build(out: &Path) {
    println!("cargo:rerun-if-changed=build/knowledge.rs");
    let mut files = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    for &path in FILES {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let table: Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let lines = serde_json::Value::Object(
            TABLES
                .iter()
                .map(|&name| (name.to_string(), header_lines(&text, name).into()))
                .collect(),
        );
        files.push(serde_json::json!({
            "file": path,
            "tables": table,
            "lines": lines,
        }));
        tables.push(table);
    }
    let patterns = patterns(&tables);
    let json = serde_json::json!({ "files": files, "patterns": patterns });
    let json = serde_json::to_string(&json).expect("JSON of TOML values");
    crate::write_if_changed(&out.join("knowledge.json"), json.as_bytes());

    let automaton = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(
            patterns
                .iter()
                .enumerate()
                .map(|(i, p)| (p.as_str(), u32::try_from(i).expect("few patterns"))),
        )
        .unwrap_or_else(|e| panic!("the knowledge automaton cannot be built: {e}"));
    crate::write_if_changed(&out.join("knowledge-automaton.bin"), automaton.serialize());
}

/// The 1-based line of each `[[name]]` header, in order: the line of each entry of that
/// table (`Origin::line`).
fn header_lines(text: &str, name: &str) -> Vec<usize> {
    let header = format!("[[{name}]]");
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.trim() == header)
        .map(|(i, _)| i + 1)
        .collect()
}

/// Every phrase of the automaton, quotes stripped, each once, in the order
/// `Matcher::build` adds them.
fn patterns(files: &[Table]) -> Vec<String> {
    let entries = |table: &str| -> Vec<&Table> {
        files
            .iter()
            .filter_map(|f| f.get(table).and_then(Value::as_array))
            .flatten()
            .filter_map(Value::as_table)
            .collect()
    };
    let strings = |entry: &Table, key: &str| -> Vec<String> {
        match entry.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    };
    let mut order: Vec<(&str, &[&str])> = vec![
        ("event", &["aliases", "generic-aliases", "exclude"]),
        ("superseded", &["terms", "exclude"]),
        ("formulation", &["wrong"]),
        ("set-phrase", &["wrong"]),
        ("confusable", &["wrong", "exclude"]),
    ];
    // Right phrases last (a confusable's only when it has no `pattern`).
    order.extend([
        ("formulation", &["right"][..]),
        ("set-phrase", &["right"][..]),
    ]);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut add = |text: String| {
        let key: String = text.chars().filter(|c| !QUOTES.contains(c)).collect();
        if seen.insert(key.clone()) {
            out.push(key);
        }
    };
    for (table, keys) in order {
        for entry in entries(table) {
            for key in keys {
                strings(entry, key).into_iter().for_each(&mut add);
            }
        }
    }
    for entry in entries("confusable") {
        if !entry.contains_key("pattern") {
            strings(entry, "right").into_iter().for_each(&mut add);
        }
    }
    out
}
