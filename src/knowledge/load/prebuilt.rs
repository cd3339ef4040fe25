//! The embedded knowledge files as `build.rs` compiled them (`build/knowledge.rs`): their
//! tables as JSON, the line of each entry, the automaton's patterns and the serialized
//! automaton. Loading them parses no TOML (serde_json into the same types is about 15×
//! faster), validates nothing (the tests validate the TOML and compare it with this) and
//! builds no automaton (daachorse checks the serialized one's bounds): start-up work.

use serde::Deserialize;

use super::Tables;
use crate::knowledge::matcher::Matcher;
use crate::knowledge::{Knowledge, Origin};

static JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.json"));
static AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge-automaton.bin"));

#[derive(Deserialize)]
struct Compiled {
    files: Vec<CompiledFile>,
    /// The automaton's patterns, in pattern-id order.
    patterns: Vec<String>,
}

#[derive(Deserialize)]
struct CompiledFile {
    file: String,
    tables: Tables,
    lines: Lines,
}

/// The line of each entry's `[[…]]` header, per table, in entry order.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Lines {
    event: Vec<usize>,
    superseded: Vec<usize>,
    formulation: Vec<usize>,
    set_phrase: Vec<usize>,
    confusable: Vec<usize>,
}

impl Knowledge {
    /// The embedded knowledge, with its prebuilt automaton.
    pub(in crate::knowledge) fn prebuilt() -> Knowledge {
        let (mut k, patterns) = read();
        k.matcher = Matcher::build(&k, Some((patterns, AUTOMATON)))
            .unwrap_or_else(|e| panic!("embedded knowledge files are invalid: {e}"));
        k
    }

    /// The embedded tables without an automaton, for user files to be added to.
    pub(super) fn prebuilt_tables() -> Knowledge {
        read().0
    }
}

fn read() -> (Knowledge, Vec<String>) {
    let compiled: Compiled = serde_json::from_str(JSON)
        .unwrap_or_else(|e| panic!("build.rs wrote invalid knowledge JSON: {e}"));
    let mut k = Knowledge::empty();
    for CompiledFile {
        file,
        mut tables,
        lines,
    } in compiled.files
    {
        macro_rules! place {
            ($table:ident) => {
                assert_eq!(
                    tables.$table.len(),
                    lines.$table.len(),
                    "{file}: a line for each entry"
                );
                for (entry, &line) in tables.$table.iter_mut().zip(&lines.$table) {
                    entry.origin = Origin {
                        file: file.clone(),
                        line,
                    };
                }
            };
        }
        place!(event);
        place!(superseded);
        place!(formulation);
        place!(set_phrase);
        place!(confusable);
        k.append(tables);
    }
    (k, compiled.patterns)
}
