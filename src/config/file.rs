//! `gwlint.toml` as written: every key optional, unknown keys rejected, values kept with
//! their spans so that a bad value can be pointed at. `config::resolve` turns this into
//! `Settings`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;

/// The whole file. Each key is documented in `template.toml` (what `gwlint init` writes).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// `root = true`: this folder is the top of the project. The nearest config wins and
    /// none above it is merged, so discovery already stops here; the key says so to
    /// the reader (and is checked to be a boolean).
    #[allow(dead_code)]
    pub root: Option<bool>,
    /// Document type id (`rules/profiles/*.toml`); else judged from the title.
    pub profile: Option<Spanned<String>>,
    /// The as-of date: a TOML date (`2023-03-15`) or a string in that form.
    pub as_of: Option<Spanned<toml::Value>>,
    /// Short (四川) or full (四川省) name of a province the knowledge knows.
    pub province: Option<Spanned<String>>,
    /// Selectors: codes, names, families, code prefixes, `ALL`.
    pub select: Option<Vec<Spanned<String>>>,
    pub ignore: Option<Vec<Spanned<String>>>,
    pub fail_on: Option<Severity>,
    /// Per-rule level and options, keyed by code or name.
    pub rules: Option<BTreeMap<Spanned<String>, Spanned<RuleEntry>>>,
    pub per_path: Option<Vec<PerPath>>,
    /// The user's knowledge files, relative to the config file.
    pub extra_rules: Option<Vec<Spanned<String>>>,
    /// The user's document profiles (`rules/profiles/*.toml` format), relative to the
    /// config file; tried before the built-in ones, replacing those with the same id.
    pub profiles: Option<Vec<Spanned<String>>>,
    pub allow: Option<Vec<Allow>>,
}

/// `[[per-path]]`: rules ignored for the files matching `paths`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PerPath {
    /// Globs relative to the config file's folder.
    pub paths: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
}

/// `[[allow]]`: a fragment of text that is never reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Allow {
    pub text: Spanned<String>,
    /// Only these rules; every rule when absent.
    pub codes: Option<Vec<Spanned<String>>>,
    /// Why: for the reader of the config, not used by gwlint.
    #[allow(dead_code)]
    pub reason: Option<String>,
}

/// A level in `[rules]`: a severity, or `off` to disable the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Error => Some(Severity::Error),
            Self::Warning => Some(Severity::Warning),
            Self::Info => Some(Severity::Info),
            Self::Off => None,
        }
    }
}

/// `N105 = "error"` or `N105 = { severity = "error", … }`. No rule has options yet, so
/// every key but `severity` is kept (with its span) to be reported as unknown.
#[derive(Debug)]
pub enum RuleEntry {
    Level(Level),
    Table {
        severity: Option<Level>,
        options: Vec<Spanned<String>>,
    },
}

impl<'de> Deserialize<'de> for RuleEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RuleEntryVisitor)
    }
}

struct RuleEntryVisitor;

impl<'de> Visitor<'de> for RuleEntryVisitor {
    type Value = RuleEntry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a level (\"error\", \"warning\", \"info\", \"off\") or a table { severity = \"…\" }",
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RuleEntry, E> {
        Level::deserialize(de::value::StrDeserializer::<E>::new(v)).map(RuleEntry::Level)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleEntry, A::Error> {
        let mut severity = None;
        let mut options = Vec::new();
        while let Some(key) = map.next_key::<Spanned<String>>()? {
            if key.get_ref() == "severity" {
                severity = Some(map.next_value::<Level>()?);
            } else {
                map.next_value::<de::IgnoredAny>()?;
                options.push(key);
            }
        }
        Ok(RuleEntry::Table { severity, options })
    }
}
