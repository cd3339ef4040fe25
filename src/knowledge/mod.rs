//! Knowledge files: `rules/timeline.toml` (dated events) and `rules/terms.toml`
//! (superseded terms, formulations, set phrases, confusables), embedded in the binary
//! and validated at load. Users add files with the same schema
//! ([`Knowledge::with_extra_file`]); any file may hold any of the tables.
//!
//! Matching lives in `matcher.rs`: one aho-corasick automaton over every alias and
//! phrase, see [`Knowledge::find`].

mod matcher;
mod terms;
mod timeline;

use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

pub use matcher::{Mention, Target};
pub use terms::{Confusable, FixKind, Formulation, SetPhrase, Superseded, SupersededKind};
pub use timeline::{Event, EventKind};

use matcher::Matcher;

/// The files compiled into the binary, as `(name, text)`.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/timeline.toml",
        include_str!("../../rules/timeline.toml"),
    ),
    ("rules/terms.toml", include_str!("../../rules/terms.toml")),
];

/// A date whose month and day may be unknown: "2017-10-18", "2017-10" or "2017".
/// A shorter form means the finer part is unknown, not the first day of the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// The first day the date can stand for.
    pub fn earliest(&self) -> Date {
        Date::new(
            self.year,
            self.month.unwrap_or(1) as i8,
            self.day.unwrap_or(1) as i8,
        )
        .expect("validated when parsed")
    }

    /// The last day the date can stand for.
    pub fn latest(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m as i8, d as i8),
            (Some(m), None) => Date::new(self.year, m as i8, 1).map(|d| d.last_of_month()),
            _ => Date::new(self.year, 12, 31),
        }
        .expect("validated when parsed")
    }

    /// Whether year, month and day are all known.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("日期“{s}”应写作 YYYY-MM-DD、YYYY-MM 或 YYYY");
        let mut parts = s.split('-');
        let year: i16 = parts
            .next()
            .filter(|p| p.len() == 4)
            .and_then(|p| p.parse().ok())
            .ok_or_else(bad)?;
        let two = |p: Option<&str>| -> Result<Option<u8>, String> {
            p.map(|p| {
                if p.len() == 2 {
                    p.parse::<u8>().map_err(|_| bad())
                } else {
                    Err(bad())
                }
            })
            .transpose()
        };
        let month = two(parts.next())?;
        let day = two(parts.next())?;
        if parts.next().is_some() {
            return Err(bad());
        }
        let date = PartialDate { year, month, day };
        Date::new(year, month.unwrap_or(1) as i8, day.unwrap_or(1) as i8)
            .map_err(|_| format!("日期“{s}”不存在"))?;
        Ok(date)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

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

/// Where an entry was read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    /// 1-based line of the entry's `[[…]]` header.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// `source = "…"` or `source = ["…", "…"]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
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

/// A knowledge file that cannot be used. The message names the file, the line and the
/// entry, so that whoever edits the file can find the problem.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("无法读取知识文件 {file}：{source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}：条目 `{id}`：{message}")]
    Parse {
        file: String,
        line: usize,
        id: String,
        message: String,
    },
    #[error("{file}:{line}：条目 `{id}`：{problem}")]
    Invalid {
        file: String,
        line: usize,
        id: String,
        problem: String,
    },
}

impl KnowledgeError {
    fn invalid(origin: &Origin, id: &str, problem: impl Into<String>) -> Self {
        KnowledgeError::Invalid {
            file: origin.file.clone(),
            line: origin.line,
            id: id.to_string(),
            problem: problem.into(),
        }
    }

    /// The file the error is in.
    pub fn file(&self) -> &str {
        match self {
            KnowledgeError::Io { file, .. }
            | KnowledgeError::Parse { file, .. }
            | KnowledgeError::Invalid { file, .. } => file,
        }
    }

    /// The 1-based line, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            KnowledgeError::Io { .. } => None,
            KnowledgeError::Parse { line, .. } | KnowledgeError::Invalid { line, .. } => {
                Some(*line)
            }
        }
    }
}

/// The shape of one file: every table optional.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileTables {
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

/// All knowledge tables, merged from every file, with the automaton built over them.
#[derive(Debug)]
pub struct Knowledge {
    pub events: Vec<Event>,
    pub superseded: Vec<Superseded>,
    pub formulations: Vec<Formulation>,
    pub set_phrases: Vec<SetPhrase>,
    pub confusables: Vec<Confusable>,
    matcher: Matcher,
}

impl Knowledge {
    /// The knowledge compiled into the binary, loaded and validated once.
    pub fn embedded() -> &'static Knowledge {
        static EMBEDDED_KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
        EMBEDDED_KNOWLEDGE.get_or_init(|| {
            Knowledge::from_sources(EMBEDDED)
                .unwrap_or_else(|e| panic!("embedded knowledge files are invalid: {e}"))
        })
    }

    /// Loads, merges and validates `(file name, text)` pairs.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Knowledge, KnowledgeError> {
        let mut k = Knowledge {
            events: Vec::new(),
            superseded: Vec::new(),
            formulations: Vec::new(),
            set_phrases: Vec::new(),
            confusables: Vec::new(),
            matcher: Matcher::default(),
        };
        for (file, text) in sources {
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
                ($from:ident, $into:ident) => {
                    for s in tables.$from {
                        let o = origin(s.span());
                        let mut entry = s.into_inner();
                        entry.origin = o;
                        k.$into.push(entry);
                    }
                };
            }
            take!(event, events);
            take!(superseded, superseded);
            take!(formulation, formulations);
            take!(set_phrase, set_phrases);
            take!(confusable, confusables);
        }
        k.validate()?;
        k.matcher = Matcher::build(&k)?;
        Ok(k)
    }

    /// The embedded files plus one user file with the same schema.
    pub fn with_extra_file(path: &Path) -> Result<Knowledge, KnowledgeError> {
        Knowledge::with_extra_files(&[path])
    }

    /// The embedded files plus user files with the same schema.
    pub fn with_extra_files<P: AsRef<Path>>(paths: &[P]) -> Result<Knowledge, KnowledgeError> {
        let mut texts = Vec::new();
        for p in paths {
            let p = p.as_ref();
            let text = std::fs::read_to_string(p).map_err(|source| KnowledgeError::Io {
                file: p.display().to_string(),
                source,
            })?;
            texts.push((p.display().to_string(), text));
        }
        let mut sources: Vec<(&str, &str)> = EMBEDDED.to_vec();
        sources.extend(texts.iter().map(|(f, t)| (f.as_str(), t.as_str())));
        Knowledge::from_sources(&sources)
    }

    /// The event with this id, with its index (as used by [`Target::Event`]).
    pub fn event_by_id(&self, id: &str) -> Option<(usize, &Event)> {
        self.events.iter().enumerate().find(|(_, e)| e.id == id)
    }

    /// The date from which citing `target` as current guidance is outdated.
    ///
    /// Plenums of one 届 accumulate (“十八大和十八届三中、四中全会精神” is right in
    /// 2015), so a plenum expires with the next national congress, not with the next
    /// plenum; other events expire on `superseded-on`; superseded terms on `since`.
    pub fn guidance_expires(&self, target: Target) -> Option<PartialDate> {
        match target {
            Target::Event(i) => {
                let e = &self.events[i];
                if e.kind == EventKind::Plenum {
                    if let Some(term) = e.term {
                        let next = self.events.iter().find(|c| {
                            c.kind == EventKind::NationalCongress && c.ordinal == Some(term + 1)
                        });
                        return next.and_then(|c| c.start);
                    }
                }
                e.superseded_on
            }
            Target::Superseded(i) => Some(self.superseded[i].since),
            _ => None,
        }
    }

    /// True when `date` is certainly on or after [`Knowledge::guidance_expires`].
    ///
    /// The day itself does not count: the report of a congress, read on its opening day,
    /// still speaks the words it is about to replace.
    pub fn is_stale_at(&self, target: Target, date: Date) -> bool {
        self.guidance_expires(target)
            .is_some_and(|d| date > d.latest())
    }

    fn validate(&self) -> Result<(), KnowledgeError> {
        let mut ids = std::collections::HashMap::new();
        let mut check_common = |id: &str,
                                o: &Origin,
                                source: &[String],
                                examples: &[Example]|
         -> Result<(), KnowledgeError> {
            if !is_kebab_ascii(id) {
                return Err(KnowledgeError::invalid(
                    o,
                    id,
                    "id 只能由小写英文字母、数字和连字符组成",
                ));
            }
            if let Some(prev) = ids.insert(id.to_string(), o.clone()) {
                return Err(KnowledgeError::invalid(
                    o,
                    id,
                    format!("id 重复（已在 {prev} 使用）"),
                ));
            }
            if source.is_empty() || source.iter().any(|s| s.trim().is_empty()) {
                return Err(KnowledgeError::invalid(o, id, "缺少来源（source）"));
            }
            for ex in examples {
                if ex.text.trim().is_empty() {
                    return Err(KnowledgeError::invalid(o, id, "示例 text 为空"));
                }
                if !ex.as_of.is_full() {
                    return Err(KnowledgeError::invalid(
                        o,
                        id,
                        "示例 as-of 须写到日：YYYY-MM-DD",
                    ));
                }
            }
            Ok(())
        };
        let nonempty = |o: &Origin, id: &str, what: &str, items: &[String]| match items
            .iter()
            .find(|s| matcher::strip_quotes(s).trim().is_empty())
        {
            Some(_) => Err(KnowledgeError::invalid(
                o,
                id,
                format!("{what} 中有空字符串"),
            )),
            None => Ok(()),
        };
        for e in &self.events {
            let o = &e.origin;
            check_common(&e.id, o, &e.source, &e.examples)?;
            nonempty(o, &e.id, "aliases", &e.aliases)?;
            nonempty(o, &e.id, "generic-aliases", &e.generic_aliases)?;
            nonempty(o, &e.id, "exclude", &e.exclude)?;
            nonempty(o, &e.id, "not-after", &e.not_after)?;
            if e.aliases.is_empty() && e.generic_aliases.is_empty() {
                return Err(KnowledgeError::invalid(
                    o,
                    &e.id,
                    "至少需要一个别名（aliases）",
                ));
            }
            if !e.generic_aliases.is_empty() && e.province.as_deref().unwrap_or("").is_empty() {
                return Err(KnowledgeError::invalid(
                    o,
                    &e.id,
                    "有 generic-aliases 时必须写 province",
                ));
            }
            if e.kind == EventKind::ProvincialCongress && e.province.is_none() {
                return Err(KnowledgeError::invalid(
                    o,
                    &e.id,
                    "省级党代会必须写 province",
                ));
            }
            if e.kind == EventKind::Plenum && (e.term.is_none() || e.ordinal.is_none()) {
                return Err(KnowledgeError::invalid(
                    o,
                    &e.id,
                    "全会必须写 term（届）和 ordinal（第几次）",
                ));
            }
            let order = [
                ("start", e.start),
                ("end", e.end),
                ("superseded-on", e.superseded_on),
            ];
            let known: Vec<_> = order
                .iter()
                .filter_map(|(n, d)| d.map(|d| (n, d)))
                .collect();
            for w in known.windows(2) {
                let ((an, a), (bn, b)) = (w[0], w[1]);
                if a.earliest() > b.latest() {
                    return Err(KnowledgeError::invalid(
                        o,
                        &e.id,
                        format!("日期顺序错误：{an} = {a} 晚于 {bn} = {b}"),
                    ));
                }
            }
            if e.superseded_by.is_some() && e.superseded_on.is_none() {
                return Err(KnowledgeError::invalid(
                    o,
                    &e.id,
                    "有 superseded-by 时必须写 superseded-on",
                ));
            }
        }
        for e in &self.events {
            if let Some(next) = &e.superseded_by {
                if self.event_by_id(next).is_none() {
                    return Err(KnowledgeError::invalid(
                        &e.origin,
                        &e.id,
                        format!("superseded-by 指向不存在的 id `{next}`"),
                    ));
                }
            }
        }
        for s in &self.superseded {
            let o = &s.origin;
            check_common(&s.id, o, &s.source, &s.examples)?;
            if s.terms.is_empty() {
                return Err(KnowledgeError::invalid(o, &s.id, "terms 不能为空"));
            }
            nonempty(o, &s.id, "terms", &s.terms)?;
            nonempty(o, &s.id, "exclude", &s.exclude)?;
            if let Some(g) = s.effectively_gone {
                if s.since.earliest() > g.latest() {
                    return Err(KnowledgeError::invalid(
                        o,
                        &s.id,
                        "effectively-gone 早于 since",
                    ));
                }
            }
        }
        for f in &self.formulations {
            check_common(&f.id, &f.origin, &f.source, &f.examples)?;
            check_pairs(&f.origin, &f.id, &f.wrong, &f.right)?;
        }
        for p in &self.set_phrases {
            check_common(&p.id, &p.origin, &p.source, &p.examples)?;
            check_pairs(&p.origin, &p.id, &p.wrong, &p.right)?;
        }
        for c in &self.confusables {
            let o = &c.origin;
            check_common(&c.id, o, &c.source, &c.examples)?;
            nonempty(o, &c.id, "exclude", &c.exclude)?;
            match &c.pattern {
                None => check_pairs(o, &c.id, &c.wrong, &c.right)?,
                Some(p) => {
                    nonempty(o, &c.id, "wrong", &c.wrong)?;
                    regex::Regex::new(p).map_err(|e| {
                        KnowledgeError::invalid(
                            o,
                            &c.id,
                            format!("pattern 不是有效的正则表达式：{e}"),
                        )
                    })?;
                    let has = |x| c.examples.iter().any(|ex| ex.expect == x);
                    if !has(Expect::Fire) || !has(Expect::Silent) {
                        return Err(KnowledgeError::invalid(
                            o,
                            &c.id,
                            "带 pattern 的条目至少需要一个 fire 和一个 silent 示例",
                        ));
                    }
                }
            }
            if c.right_template.is_some() && c.pattern.is_none() {
                return Err(KnowledgeError::invalid(
                    o,
                    &c.id,
                    "right-template 只能与 pattern 一起使用",
                ));
            }
        }
        Ok(())
    }
}

fn check_pairs(o: &Origin, id: &str, wrong: &[String], right: &str) -> Result<(), KnowledgeError> {
    if wrong.is_empty() {
        return Err(KnowledgeError::invalid(o, id, "wrong 不能为空"));
    }
    let right_n = matcher::strip_quotes(right);
    if right_n.trim().is_empty() {
        return Err(KnowledgeError::invalid(o, id, "right 为空"));
    }
    for w in wrong {
        let w_n = matcher::strip_quotes(w);
        if w_n.trim().is_empty() {
            return Err(KnowledgeError::invalid(o, id, "wrong 中有空字符串"));
        }
        if w_n == right_n {
            return Err(KnowledgeError::invalid(
                o,
                id,
                format!("wrong “{w}”与 right 相同"),
            ));
        }
        if right_n.contains(&*w_n) && !right_n.starts_with(&*w_n) {
            // A prefix is shadowed by the right phrase (leftmost-longest); an inner
            // substring would fire inside every correct occurrence.
            return Err(KnowledgeError::invalid(
                o,
                id,
                format!("wrong “{w}”是 right 的一部分，会在正确写法中误报"),
            ));
        }
    }
    Ok(())
}

fn is_kebab_ascii(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
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

    #[test]
    fn partial_dates_parse_and_span_their_period() {
        let d: PartialDate = "2017-10".parse().unwrap();
        assert_eq!(
            d,
            PartialDate {
                year: 2017,
                month: Some(10),
                day: None
            }
        );
        assert_eq!(d.earliest(), Date::constant(2017, 10, 1));
        assert_eq!(d.latest(), Date::constant(2017, 10, 31));
        let y: PartialDate = "2024".parse().unwrap();
        assert_eq!(
            (y.earliest(), y.latest()),
            (Date::constant(2024, 1, 1), Date::constant(2024, 12, 31))
        );
        let f: PartialDate = "2024-02-29".parse().unwrap();
        assert!(f.is_full());
        assert_eq!(f.latest(), Date::constant(2024, 2, 29));
        assert_eq!(f.to_string(), "2024-02-29");
        assert_eq!(d.to_string(), "2017-10");
        for bad in [
            "2023-02-30",
            "2023-13",
            "23-01-01",
            "2023-1-1",
            "2023-01-01-01",
            "",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn embedded_files_load_and_validate() {
        let k = Knowledge::embedded();
        assert!(!k.events.is_empty());
        assert!(!k.superseded.is_empty());
        assert!(!k.formulations.is_empty());
        assert!(!k.set_phrases.is_empty());
        assert!(!k.confusables.is_empty());
    }

    #[test]
    fn embedded_tables_are_sorted_by_id() {
        fn sorted<'a>(what: &str, items: impl Iterator<Item = (&'a str, &'a Origin)>) {
            let mut by_file: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
            for (id, o) in items {
                by_file.entry(o.file.as_str()).or_default().push(id);
            }
            for (file, ids) in by_file {
                for w in ids.windows(2) {
                    assert!(
                        w[0] < w[1],
                        "{file}: {what} `{}` should come after `{}`",
                        w[0],
                        w[1]
                    );
                }
            }
        }
        let k = Knowledge::embedded();
        sorted("event", k.events.iter().map(|e| (e.id.as_str(), &e.origin)));
        sorted(
            "superseded",
            k.superseded.iter().map(|e| (e.id.as_str(), &e.origin)),
        );
        sorted(
            "formulation",
            k.formulations.iter().map(|e| (e.id.as_str(), &e.origin)),
        );
        sorted(
            "set-phrase",
            k.set_phrases.iter().map(|e| (e.id.as_str(), &e.origin)),
        );
        sorted(
            "confusable",
            k.confusables.iter().map(|e| (e.id.as_str(), &e.origin)),
        );
    }

    /// Words that mark a time span or an account of the past. The examples test only
    /// the knowledge (is the entry found, is it outdated at the date); a silent example
    /// that names an outdated entry must carry one of these, which the context rules
    /// will use.
    const PAST_MARKERS: &[&str] = &["以来", "了", "期间", "曾", "先后", "时期", "原", "回顾"];

    #[test]
    fn every_example_in_the_embedded_files_holds() {
        let k = Knowledge::embedded();
        let mut failures = Vec::new();
        let mut check = |target: Target,
                         origin: &Origin,
                         id: &str,
                         ex: &Example,
                         province: Option<&str>| {
            let found = k
                .find_in_province(&ex.text, province)
                .iter()
                .any(|m| m.target == target);
            let dated = matches!(target, Target::Event(_) | Target::Superseded(_));
            let stale = !dated || k.is_stale_at(target, ex.as_of_date());
            let ok = match ex.expect {
                Expect::Fire => found && stale,
                Expect::Silent => {
                    !found || !stale || (dated && PAST_MARKERS.iter().any(|w| ex.text.contains(w)))
                }
            };
            if !ok {
                failures.push(format!(
                    "{origin} `{id}`: {:?} example “{}” as-of {} (found: {found}, outdated: {stale})",
                    ex.expect, ex.text, ex.as_of
                ));
            }
        };
        for (i, e) in k.events.iter().enumerate() {
            for ex in &e.examples {
                check(
                    Target::Event(i),
                    &e.origin,
                    &e.id,
                    ex,
                    e.province.as_deref(),
                );
            }
        }
        for (i, e) in k.superseded.iter().enumerate() {
            for ex in &e.examples {
                check(Target::Superseded(i), &e.origin, &e.id, ex, None);
            }
        }
        for (i, e) in k.formulations.iter().enumerate() {
            for ex in &e.examples {
                check(Target::Formulation(i), &e.origin, &e.id, ex, None);
            }
        }
        for (i, e) in k.set_phrases.iter().enumerate() {
            for ex in &e.examples {
                check(Target::SetPhrase(i), &e.origin, &e.id, ex, None);
            }
        }
        for (i, e) in k.confusables.iter().enumerate() {
            for ex in &e.examples {
                check(Target::Confusable(i), &e.origin, &e.id, ex, None);
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing examples:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn every_wrong_phrase_fires_and_every_right_phrase_is_silent() {
        let k = Knowledge::embedded();
        let pairs = k
            .formulations
            .iter()
            .enumerate()
            .map(|(i, f)| (Target::Formulation(i), &f.id, &f.wrong, &f.right))
            .chain(
                k.set_phrases
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Target::SetPhrase(i), &p.id, &p.wrong, &p.right)),
            )
            .chain(
                k.confusables
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.pattern.is_none())
                    .map(|(i, c)| (Target::Confusable(i), &c.id, &c.wrong, &c.right)),
            );
        let mut failures = Vec::new();
        for (target, id, wrong, right) in pairs {
            for w in wrong {
                let text = format!("我们{w}。");
                if !k
                    .find(&text)
                    .iter()
                    .any(|m| m.target == target && m.end > m.start)
                {
                    failures.push(format!("`{id}`: wrong “{w}” is not found"));
                }
            }
            let text = format!("我们{right}。");
            let noisy: Vec<_> = k
                .find(&text)
                .into_iter()
                .filter(|m| !matches!(m.target, Target::Event(_) | Target::Superseded(_)))
                .collect();
            if !noisy.is_empty() {
                failures.push(format!("`{id}`: right “{right}” is reported: {noisy:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn superseded_terms_fire_on_their_own_text() {
        let k = Knowledge::embedded();
        for (i, s) in k.superseded.iter().enumerate() {
            for t in &s.terms {
                let found = k.find(t);
                assert!(
                    found.iter().any(|m| m.target == Target::Superseded(i)),
                    "`{}`: term “{t}” is not found: {found:?}",
                    s.id
                );
            }
        }
    }

    #[test]
    fn plenums_expire_with_the_next_congress() {
        let k = Knowledge::embedded();
        let (i, _) = k.event_by_id("cc18-3").unwrap();
        assert_eq!(
            k.guidance_expires(Target::Event(i)).unwrap().to_string(),
            "2017-10-18"
        );
        assert!(!k.is_stale_at(Target::Event(i), Date::constant(2015, 3, 1)));
        assert!(k.is_stale_at(Target::Event(i), Date::constant(2023, 3, 1)));
    }

    /// The seed report of `../shared/seed` (skipped where the folder is absent): every
    /// timeliness and formulation defect of DEFECTS.md is found as a mention.
    #[test]
    fn seed_report_mentions() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/self-inspection-report.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} not found", path.display());
            return;
        };
        let k = Knowledge::embedded();
        let found: Vec<(String, String)> = k
            .find_in_province(&text, Some("四川"))
            .into_iter()
            .map(|m| {
                let id = match m.target {
                    Target::Event(i) => k.events[i].id.clone(),
                    Target::Superseded(i) => k.superseded[i].id.clone(),
                    Target::Formulation(i) => k.formulations[i].id.clone(),
                    Target::SetPhrase(i) => k.set_phrases[i].id.clone(),
                    Target::Confusable(i) => k.confusables[i].id.clone(),
                };
                (text[m.start..m.end].to_string(), id)
            })
            .collect();
        let has = |s: &str, id: &str| found.iter().any(|(a, b)| a == s && b == id);
        for (s, id) in [
            ("科学执政、民主执政、依法执法", "zhizheng-sanfangshi"),
            ("群众反应强烈", "qun-zhong-fan-ying-qiang-lie"),
            ("各自为阵", "ge-zi-wei-zheng"),
            ("习近平总书记系列重要讲话精神", "xi-speeches"),
            ("省第十一次党代会", "prov-sichuan-11"),
            ("以习近平总书记为核心的党中央", "core"),
            ("十八届三中", "cc18-3"),
            ("四中", "cc18-4"),
            ("五中", "cc18-5"),
            ("六中全会", "cc18-6"),
            ("十三五规划", "fyp-13"),
            ("贫困村", "pinkun-cun"),
            ("脱贫攻坚工作", "tuopin-gongjian"),
            ("党的二十大", "cpc-20"),
            ("新农合", "xinnonghe"),
            ("社抚费", "shehui-fuyangfei"),
        ] {
            assert!(
                has(s, id),
                "“{s}” ({id}) not found in the seed report: {found:?}"
            );
        }
    }

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
        let text = BROKEN
            .replace("2023-02-30", "2023-02-20")
            .replace("id = \"bad-date\"", "id = \"ok-one\"");
        let err = Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err();
        assert_eq!(err.line(), Some(10), "{err}");
        assert!(err.to_string().contains("id 重复"), "{err}");

        let text = BROKEN.replace("2023-02-30", "2023-02-20").replace(
            "start =",
            "superseded-by = \"nope\"\nsuperseded-on = \"2024\"\nstart =",
        );
        let err = Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err();
        assert_eq!(err.line(), Some(10), "{err}");
        assert!(err.to_string().contains("`nope`"), "{err}");

        let text = BROKEN
            .replace("2023-02-30", "2023-02-20")
            .replace("source = \"x\"", "source = []");
        let err = Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err();
        assert_eq!(err.line(), Some(2), "{err}");
        assert!(err.to_string().contains("来源"), "{err}");

        let text = BROKEN
            .replace("2023-02-30", "2023-02-20")
            .replace("aliases = [\"另一活动\"]", "aliases = [\"另一活动\", \"\"]");
        let err = Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err();
        assert!(err.to_string().contains("空字符串"), "{err}");
    }

    #[test]
    fn unknown_keys_are_rejected_with_their_line() {
        let text = BROKEN
            .replace("2023-02-30", "2023-02-20")
            .replace("name = \"另一活动\"", "name = \"另一活动\"\nalias = \"x\"");
        let err = Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err();
        assert_eq!(err.line(), Some(14), "{err}");
        assert!(err.to_string().contains("bad-date"), "{err}");
    }

    #[test]
    fn dates_must_be_in_order() {
        let text = BROKEN.replace("2023-02-30", "2023-02-20").replace(
            "start = \"2023-02-20\"",
            "start = \"2023-02-20\"\nend = \"2022\"",
        );
        let err = Knowledge::from_sources(&[("mine.toml", &text)]).unwrap_err();
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
