//! Reading knowledge files: TOML into the tables, each entry tagged with its file and
//! line; then `validate` runs one validator per table (`validate.rs`) and the matcher
//! is built. The embedded files come compiled by build.rs (`prebuilt.rs`): no TOML, no
//! validation and no automaton construction at start-up.

mod prebuilt;
mod validate;

use std::path::Path;

use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::matcher::Matcher;
use super::{
    Confusable, Event, Formulation, Knowledge, KnowledgeError, Origin, SetPhrase, Superseded,
};

/// `source = "…"` or `source = ["…", "…"]`.
pub(in crate::knowledge) fn one_or_many<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// The shape of one file: every table optional.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileTables {
    /// When the file's facts were last checked against their sources.
    reviewed: Option<crate::knowledge::PartialDate>,
    #[serde(default)]
    event: Vec<Spanned<Event>>,
    #[serde(default)]
    superseded: Vec<Spanned<Superseded>>,
    #[serde(default)]
    formulation: Vec<Spanned<Formulation>>,
    #[serde(default)]
    set_phrase: Vec<Spanned<SetPhrase>>,
    #[serde(default)]
    confusable: Vec<Spanned<Confusable>>,
}

/// One file's entries, each with its origin.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Tables {
    pub(super) reviewed: Option<crate::knowledge::PartialDate>,
    #[serde(default)]
    pub(super) event: Vec<Event>,
    #[serde(default)]
    pub(super) superseded: Vec<Superseded>,
    #[serde(default)]
    pub(super) formulation: Vec<Formulation>,
    #[serde(default)]
    pub(super) set_phrase: Vec<SetPhrase>,
    #[serde(default)]
    pub(super) confusable: Vec<Confusable>,
}

impl Knowledge {
    /// No entries, no automaton.
    fn empty() -> Knowledge {
        Knowledge {
            events: Vec::new(),
            superseded: Vec::new(),
            formulations: Vec::new(),
            set_phrases: Vec::new(),
            confusables: Vec::new(),
            matcher: Matcher::default(),
            reviewed: None,
        }
    }

    /// Loads, merges and validates `(file name, text)` pairs.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Knowledge, KnowledgeError> {
        Knowledge::empty().with_sources(sources)
    }

    /// Adds `(file name, text)` pairs to these tables, validates them all and builds the
    /// automaton.
    fn with_sources(mut self, sources: &[(&str, &str)]) -> Result<Knowledge, KnowledgeError> {
        for (file, text) in sources {
            let tables = read_toml(file, text)?;
            self.append(tables);
        }
        self.validate()?;
        self.matcher = Matcher::build(&self, None)?;
        Ok(self)
    }

    /// Adds one file's entries after those already read.
    pub(super) fn append(&mut self, tables: Tables) {
        if let Some(r) = tables.reviewed {
            if self.reviewed.is_none_or(|old| old.latest() < r.latest()) {
                self.reviewed = Some(r);
            }
        }
        self.events.extend(tables.event);
        self.superseded.extend(tables.superseded);
        self.formulations.extend(tables.formulation);
        self.set_phrases.extend(tables.set_phrase);
        self.confusables.extend(tables.confusable);
    }

    /// The embedded files plus one user file with the same schema.
    pub fn with_extra_file(path: &Path) -> Result<Knowledge, KnowledgeError> {
        Knowledge::with_extra_files(&[path])
    }

    /// The embedded files plus user files with the same schema. The embedded tables come
    /// prebuilt; everything is validated together (ids are unique across files, and a
    /// user's entry may name an embedded one).
    pub fn with_extra_files<P: AsRef<Path>>(paths: &[P]) -> Result<Knowledge, KnowledgeError> {
        let mut texts = Vec::new();
        for p in paths {
            let p = p.as_ref();
            let text = crate::small_file::read(p).map_err(|source| KnowledgeError::Io {
                file: p.display().to_string(),
                source,
            })?;
            texts.push((p.display().to_string(), text));
        }
        let sources: Vec<(&str, &str)> = texts
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        Knowledge::prebuilt_tables().with_sources(&sources)
    }
}

/// One knowledge file's TOML, each entry tagged with its file and line.
fn read_toml(file: &str, text: &str) -> Result<Tables, KnowledgeError> {
    let tables: FileTables = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        KnowledgeError::Parse {
            file: file.to_string(),
            line: line_of(text, at),
            id: entry_id_around(text, at),
            message: e.message().trim().to_string(),
        }
    })?;
    // Line starts, found once per file: an entry's line is a binary search
    // (counting newlines from the top for each of ~700 entries was quadratic).
    let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
    let origin = |span: std::ops::Range<usize>| Origin {
        file: file.to_string(),
        line: newlines.partition_point(|&nl| nl < header_start(text, span.start)) + 1,
    };
    macro_rules! take {
        ($from:ident) => {
            tables
                .$from
                .into_iter()
                .map(|s| {
                    let o = origin(s.span());
                    let mut entry = s.into_inner();
                    entry.origin = o;
                    entry
                })
                .collect()
        };
    }
    Ok(Tables {
        reviewed: tables.reviewed,
        event: take!(event),
        superseded: take!(superseded),
        formulation: take!(formulation),
        set_phrase: take!(set_phrase),
        confusable: take!(confusable),
    })
}

/// 1-based line number of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The start of the `[[…]]` header line at or before `at` (a table's span may start
/// at its first key rather than at its header).
fn header_start(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let mut line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    loop {
        if text[line_start..].trim_start().starts_with("[[") {
            return line_start;
        }
        if line_start == 0 {
            return at;
        }
        line_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
    }
}

/// The `id` of the top-level entry that encloses byte offset `at`, or "?".
fn entry_id_around(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    // The nearest top-level header at or before `at` (sub-tables such as
    // `[[event.example]]` contain a dot).
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if pos > at {
            break;
        }
        let t = line.trim_start();
        if t.starts_with("[[") && !t[2..].split(']').next().unwrap_or("").contains('.') {
            start = Some(pos);
        }
        pos += line.len();
    }
    let Some(start) = start else {
        return "?".into();
    };
    for line in text[start..].lines().skip(1) {
        let t = line.trim_start();
        if t.starts_with("[[") && !t.contains('.') {
            break;
        }
        if let Some(rest) = t.strip_prefix("id") {
            if let Some(v) = rest.trim_start().strip_prefix('=') {
                return v.trim().trim_matches('"').to_string();
            }
        }
    }
    "?".into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Target;

    const BROKEN: &str = r#"# a user's file
[[event]]
id = "ok-one"
kind = "campaign"
name = "某活动"
aliases = ["某活动"]
confirmed = false
source = "x"

[[event]]
id = "bad-date"
kind = "campaign"
name = "另一活动"
aliases = ["另一活动"]
start = "2023-02-30"
confirmed = false
source = "x"
"#;

    /// The error of `BROKEN` with its bad date put right and `from` replaced by `to`.
    fn error_with(from: &str, to: &str) -> KnowledgeError {
        let text = BROKEN.replace("2023-02-30", "2023-02-20").replace(from, to);
        Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err()
    }

    #[test]
    fn a_broken_file_is_reported_with_file_line_and_id() {
        let err = Knowledge::from_sources(&[("mine.toml", BROKEN)]).unwrap_err();
        assert_eq!(err.file(), "mine.toml");
        assert_eq!(err.line(), Some(15), "{err}");
        let msg = err.to_string();
        assert!(msg.starts_with("mine.toml:15："), "{msg}");
        assert!(
            msg.contains("`bad-date`") && msg.contains("不存在"),
            "{msg}"
        );
    }

    #[test]
    fn validation_errors_name_the_entry_header_line() {
        let err = error_with("id = \"bad-date\"", "id = \"ok-one\"");
        assert_eq!(err.line(), Some(10), "{err}");
        assert!(err.to_string().contains("id 重复"), "{err}");

        let err = error_with(
            "start =",
            "superseded-by = \"nope\"\nsuperseded-on = \"2024\"\nstart =",
        );
        assert_eq!(err.line(), Some(10), "{err}");
        assert!(err.to_string().contains("`nope`"), "{err}");

        let err = error_with("source = \"x\"", "source = []");
        assert_eq!(err.line(), Some(2), "{err}");
        assert!(err.to_string().contains("来源"), "{err}");

        let err = error_with("aliases = [\"另一活动\"]", "aliases = [\"另一活动\", \"\"]");
        assert!(err.to_string().contains("空字符串"), "{err}");
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_line() {
        let err = error_with("name = \"另一活动\"", "name = \"另一活动\"\nalias = \"x\"");
        assert_eq!(err.line(), Some(14), "{err}");
        assert!(err.to_string().contains("bad-date"), "{err}");
    }

    #[test]
    fn dates_must_be_in_order() {
        let err = error_with(
            "start = \"2023-02-20\"",
            "start = \"2023-02-20\"\nend = \"2022\"",
        );
        assert!(err.to_string().contains("日期顺序错误"), "{err}");
    }

    #[test]
    fn extra_files_add_to_the_embedded_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("extra.toml");
        std::fs::write(&path, BROKEN.replace("2023-02-30", "2023-02-20")).unwrap();
        let k = Knowledge::with_extra_file(&path).unwrap();
        assert_eq!(k.events.len(), Knowledge::embedded().events.len() + 2);
        let found = k.find("开展另一活动");
        assert_eq!(
            found[0].target,
            Target::Event(k.event_by_id("bad-date").unwrap().0)
        );

        let missing = dir.path().join("missing.toml");
        let err = Knowledge::with_extra_file(&missing).unwrap_err();
        assert!(matches!(err, KnowledgeError::Io { .. }), "{err}");
    }
}
