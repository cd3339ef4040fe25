//! Resolved settings for a run: which rules, which profile, which dates.

use std::sync::{Arc, OnceLock};

use aho_corasick::AhoCorasick;
use jiff::civil::Date;

use crate::checks::{registry, Rule, RuleId, RuleSet};
use crate::diagnostic::Severity;
use crate::knowledge::Knowledge;
use crate::profile::{Profile, ProfileSet};

/// Settings with every choice made, for one file. Built from the command line and the
/// file's `gwlint.toml` by `config::Resolver`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Option<Arc<Profile>>,
    /// The profiles a title is matched against: the built-in ones, after the user's own
    /// (`profiles = [...]` in gwlint.toml).
    pub profiles: Arc<ProfileSet>,
    pub as_of: Option<Date>,
    pub today: Date,
    pub province: Option<String>,
    pub fail_on: Severity,
    /// The knowledge the timeliness and formulation rules use: the embedded files, plus
    /// the user's own (`--rules`), loaded once per run.
    pub knowledge: Arc<Knowledge>,
    /// Configured severities (`[rules] N105 = "error"`), replacing what a rule reports.
    pub severities: Vec<(RuleId, Severity)>,
    /// Text fragments whose findings are dropped (`[[allow]]`), for files that cannot
    /// hold suppression comments; shared by every file under one configuration (a
    /// list of 10,000 fragments is not copied per file).
    pub allow: Arc<AllowList>,
    /// The enabled rules.
    enabled: RuleSet,
}

/// A fragment of text that is never reported: a finding whose span lies inside an
/// occurrence of `text` is dropped, for every rule or only for `codes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub text: String,
    /// `None`: every rule.
    pub codes: Option<Vec<&'static str>>,
    /// The configuration file and the byte range of the fragment's `text` value in it,
    /// where an allowance that suppresses nothing is reported.
    pub origin: Option<(std::path::PathBuf, crate::diagnostic::Span)>,
}

/// The `[[allow]]` fragments of one configuration, with one automaton over all of them
/// built the first time a file needs it (finding every fragment with one pass over the
/// text, rather than one search per fragment).
#[derive(Debug, Default)]
pub struct AllowList {
    entries: Vec<Allowed>,
    matcher: OnceLock<Option<AhoCorasick>>,
}

impl Clone for AllowList {
    fn clone(&self) -> Self {
        Self {
            entries: self.entries.clone(),
            matcher: OnceLock::new(),
        }
    }
}

impl std::ops::Deref for AllowList {
    type Target = [Allowed];
    fn deref(&self) -> &[Allowed] {
        &self.entries
    }
}

impl AllowList {
    pub fn push(&mut self, allowed: Allowed) {
        self.entries.push(allowed);
        self.matcher = OnceLock::new();
    }

    /// The entry at `i`, to change it.
    pub fn entry_mut(&mut self, i: usize) -> &mut Allowed {
        self.matcher = OnceLock::new();
        &mut self.entries[i]
    }

    /// Every occurrence of every fragment in `text`, overlapping ones included, as
    /// (entry index, span); empty fragments never match.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, crate::diagnostic::Span)> {
        let matcher = self.matcher.get_or_init(|| {
            let patterns: Vec<&str> = self.entries.iter().map(|a| a.text.as_str()).collect();
            AhoCorasick::new(patterns).ok()
        });
        let Some(matcher) = matcher else {
            return Vec::new();
        };
        matcher
            .find_overlapping_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| {
                (
                    m.pattern().as_usize(),
                    crate::diagnostic::Span::new(m.start(), m.end()),
                )
            })
            .collect()
    }
}

/// A selector that matched no rule.
#[derive(Debug, thiserror::Error)]
#[error("未知的规则、代码或类别：“{0}”（用 gwlint rules 查看全部规则）")]
pub struct UnknownSelector(pub String);

impl Settings {
    /// The default rules enabled (all but the opt-in ones), no overrides.
    pub fn new(today: Date) -> Self {
        Self {
            profile: None,
            profiles: Arc::clone(ProfileSet::embedded()),
            as_of: None,
            today,
            province: None,
            fail_on: Severity::Warning,
            knowledge: Arc::clone(Knowledge::embedded_shared()),
            severities: Vec::new(),
            allow: Arc::default(),
            enabled: RuleSet::defaults(),
        }
    }

    /// Enables the rules matched by `select` (the default rules when empty), then disables
    /// `ignore`.
    pub fn select(&mut self, select: &[String], ignore: &[String]) -> Result<(), UnknownSelector> {
        let resolve = |keys: &[String]| -> Result<RuleSet, UnknownSelector> {
            let mut set = RuleSet::empty();
            for key in keys
                .iter()
                .flat_map(|k| k.split(','))
                .filter(|k| !k.trim().is_empty())
            {
                let rules =
                    registry::select(key).ok_or_else(|| UnknownSelector(key.trim().to_string()))?;
                rules.iter().for_each(|id| set.insert(id));
            }
            Ok(set)
        };
        let selected = if select.iter().all(|s| s.trim().is_empty()) {
            RuleSet::defaults()
        } else {
            resolve(select)?
        };
        let ignored = resolve(ignore)?;
        self.enabled = selected
            .iter()
            .filter(|id| !ignored.contains(*id))
            .collect();
        Ok(())
    }

    /// Disables these rules (by code) in addition to those already disabled.
    pub fn disable(&mut self, codes: &[&'static str]) {
        codes
            .iter()
            .filter_map(|code| RuleId::find(code))
            .for_each(|id| self.enabled.remove(id));
    }

    /// Whether the rule runs (and, for `G` rules, is reported).
    pub fn is_enabled(&self, id: RuleId) -> bool {
        self.enabled.contains(id)
    }

    /// The configured severity of a rule, if the configuration sets one.
    pub fn severity_of(&self, id: RuleId) -> Option<Severity> {
        self.severities
            .iter()
            .find(|(c, _)| *c == id)
            .map(|&(_, s)| s)
    }

    /// The knowledge the rules read: the embedded files plus the user's own.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// The enabled rules.
    pub fn rules(&self) -> impl Iterator<Item = &'static dyn Rule> + '_ {
        self.enabled.iter().map(RuleId::rule)
    }
}
