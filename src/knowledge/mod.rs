//! Knowledge files: `rules/timeline.toml` (dated events) and `rules/terms.toml`
//! (superseded terms, formulations, set phrases, confusables), compiled into the binary
//! by build.rs (`load/prebuilt.rs`; the tests validate them); user files are validated
//! at load. Users add files with the same schema
//! ([`Knowledge::with_extra_file`]); any file may hold any of the tables.
//!
//! - `date.rs`: [`PartialDate`] (a date whose month or day may be unknown);
//! - `entry.rs`: [`Entry`], what the entries of every table share (id, sources,
//!   examples, origin);
//! - `error.rs`: [`KnowledgeError`] and [`Origin`] (file and line of an entry);
//! - `load/`: reading the files into the tables, one validator per table;
//! - `timeline.rs`, `terms.rs`: the shapes of the tables;
//! - `query.rs`: what the rules ask (an event by id, when guidance expires);
//! - `matcher/`: one aho-corasick automaton over every alias and phrase, see
//!   [`Knowledge::find`].

mod date;
mod entry;
mod error;
mod load;
mod matcher;
mod query;
mod terms;
mod timeline;

use std::sync::{Arc, OnceLock};

use jiff::civil::Date;
use serde::Deserialize;

pub use date::PartialDate;
pub use entry::Entry;
pub use error::{KnowledgeError, Origin};
pub use matcher::{Mention, Target};
pub use terms::{
    Confusable, EntrySeverity, FixKind, Formulation, SetPhrase, Superseded, SupersededKind,
};
pub use timeline::{Event, EventKind};

use matcher::Matcher;

/// The embedded files as written, `(name, text)`: what build.rs compiles, and what the
/// tests validate and compare with the compiled form.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/timeline.toml",
        include_str!("../../rules/timeline.toml"),
    ),
    ("rules/terms.toml", include_str!("../../rules/terms.toml")),
];

/// What an example expects of the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Expect {
    Fire,
    Silent,
}

/// `[[….example]]`: a sentence, the document date it is read at, and the verdict.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    pub text: String,
    /// Always a full date (checked at load).
    pub as_of: PartialDate,
    pub expect: Expect,
}

impl Example {
    pub fn as_of_date(&self) -> Date {
        self.as_of.earliest()
    }
}

/// All knowledge tables, merged from every file, with the automaton built over them.
#[derive(Debug)]
pub struct Knowledge {
    pub events: Vec<Event>,
    pub superseded: Vec<Superseded>,
    pub formulations: Vec<Formulation>,
    pub set_phrases: Vec<SetPhrase>,
    pub confusables: Vec<Confusable>,
    /// The latest `reviewed` date of the files (when their facts were last checked).
    pub reviewed: Option<PartialDate>,
    matcher: Matcher,
}

impl Knowledge {
    /// The knowledge compiled into the binary (by build.rs: no TOML is parsed and no
    /// automaton built at start-up), loaded once.
    pub fn embedded() -> &'static Knowledge {
        Self::embedded_shared()
    }

    /// The embedded knowledge as a shared handle, for settings that may instead hold the
    /// user's own (embedded plus `--rules`/`extra-rules`), which is dropped with them.
    pub fn embedded_shared() -> &'static Arc<Knowledge> {
        static EMBEDDED_KNOWLEDGE: OnceLock<Arc<Knowledge>> = OnceLock::new();
        EMBEDDED_KNOWLEDGE.get_or_init(|| Arc::new(Knowledge::prebuilt()))
    }
}

#[cfg(test)]
mod embedded_tests;
