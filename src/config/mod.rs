//! Configuration: `gwlint.toml` files and the command line, resolved into the
//! [`Settings`] of each checked file.
//!
//! The nearest `gwlint.toml` above a file applies to it (`discovery.rs`); `--config`
//! names one file for all; `--isolated` uses none. Command-line values override the
//! file's: `--select` replaces its `select`, `--ignore` adds to its `ignore`. Each config
//! file is read and validated once per run, and every error is reported with the file
//! and the key (`error.rs`).

mod discovery;
mod error;
mod file;
mod user_profiles;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use toml::Spanned;

pub use discovery::{absolute, Finder, Found, FILE_NAMES};
pub use error::ConfigError;
pub use file::{ConfigFile, Level, RuleEntry};

use crate::checks::{registry, RuleId};
use crate::diagnostic::Severity;
use crate::knowledge::Knowledge;
use crate::profile::ProfileSet;
use crate::settings::{Allowed, Settings};

/// The commented file `gwlint init` writes; it lists every key.
pub const TEMPLATE: &str = include_str!("template.toml");

/// Values given on the command line; they win over the config file's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub profile: Option<String>,
    pub as_of: Option<String>,
    pub province: Option<String>,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<Severity>,
    /// `--rules PATH`: the user's knowledge files, added to the config's `extra-rules`.
    pub rule_files: Vec<PathBuf>,
    /// The embedded knowledge plus `rule_files`, loaded once by `Resolver::new`.
    pub knowledge: Option<Arc<Knowledge>>,
}

/// Where the config comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// The nearest `gwlint.toml` above each file.
    Nearest,
    /// `--config PATH` for every file.
    Explicit(PathBuf),
    /// `--isolated`: none.
    Isolated,
}

/// Why settings could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad command-line value: one line.
    #[error("{0}")]
    Usage(String),
    /// A bad config file: a report pointing into it.
    #[error(transparent)]
    Config(Box<ConfigError>),
}

impl From<ConfigError> for Error {
    fn from(e: ConfigError) -> Self {
        Self::Config(Box::new(e))
    }
}

/// One config file, validated, with the command line applied.
#[derive(Debug)]
struct Resolved {
    /// The folder the file's relative paths start from.
    dir: PathBuf,
    base: Settings,
    per_path: Vec<(GlobSet, Vec<&'static str>)>,
}

/// Gives each file its settings; caches config files by path and folders by path.
#[derive(Debug)]
pub struct Resolver {
    overrides: Overrides,
    source: Source,
    today: Date,
    finder: Finder,
    /// Settings when no config file applies.
    plain: Settings,
    /// Why `plain` cannot be used: `--profile` names no built-in profile.
    plain_error: Option<String>,
    loaded: HashMap<PathBuf, Arc<Resolved>>,
}

impl Resolver {
    /// Checks the command-line values at once, so a usage error comes before any file.
    pub fn new(mut overrides: Overrides, source: Source, today: Date) -> Result<Self, Error> {
        overrides.knowledge = command_line_knowledge(&overrides)?;
        let mut plain = Settings::new(today);
        // `--profile` may name a profile a gwlint.toml adds: judged where settings are made
        // for a file, here only when no configuration is read at all.
        let profile = overrides.profile.take();
        apply_overrides(&mut plain, &overrides, &[], &[])?;
        overrides.profile = profile;
        let plain_profile = overrides.profile.as_ref().map(|id| {
            ProfileSet::embedded()
                .by_id(id)
                .cloned()
                .ok_or_else(|| unknown_profile(id, ProfileSet::embedded()))
        });
        if let (Source::Isolated, Some(Err(e))) = (&source, &plain_profile) {
            return Err(Error::Usage(e.clone()));
        }
        if let Some(Ok(profile)) = &plain_profile {
            plain.profile = Some(Arc::clone(profile));
        }
        let plain_error = plain_profile.and_then(Result::err);
        let mut resolver = Self {
            overrides,
            source,
            today,
            finder: Finder::default(),
            plain,
            plain_error,
            loaded: HashMap::new(),
        };
        if let Source::Explicit(path) = &resolver.source {
            let path = absolute(path);
            resolver.load(&path)?;
        }
        Ok(resolver)
    }

    /// The config file that applies to `file`, if any.
    pub fn config_path(&mut self, file: &Path) -> Option<PathBuf> {
        match &self.source {
            Source::Isolated => None,
            Source::Explicit(path) => Some(absolute(path)),
            Source::Nearest => self.finder.nearest(file),
        }
    }

    /// Which config applies to `file`, or why none does: for `-v`.
    pub fn describe_config(&mut self, file: &Path) -> String {
        match &self.source {
            Source::Isolated => "无（--isolated）".to_string(),
            Source::Explicit(path) => format!("{}（--config）", absolute(path).display()),
            Source::Nearest => self.finder.find(file).describe(),
        }
    }

    /// The settings for one file.
    pub fn settings_for(&mut self, file: &Path) -> Result<Settings, Error> {
        let Some(config) = self.config_path(file) else {
            if let Some(e) = &self.plain_error {
                return Err(Error::Usage(e.clone()));
            }
            return Ok(self.plain.clone());
        };
        let resolved = self.load(&config)?;
        let mut settings = resolved.base.clone();
        if !resolved.per_path.is_empty() {
            let file = absolute(file);
            let relative = file.strip_prefix(&resolved.dir).unwrap_or(&file);
            for (globs, ignore) in &resolved.per_path {
                // A pattern naming a folder covers everything below it.
                if relative.ancestors().any(|p| globs.is_match(p)) {
                    settings.disable(ignore);
                }
            }
        }
        Ok(settings)
    }

    fn load(&mut self, path: &Path) -> Result<Arc<Resolved>, Error> {
        if let Some(hit) = self.loaded.get(path) {
            return Ok(hit.clone());
        }
        let text = crate::small_file::read(path)
            .map_err(|e| Error::Usage(format!("{}: 无法读取配置文件：{e}", path.display())))?;
        let resolved = Arc::new(resolve(path, &text, &self.overrides, self.today)?);
        self.loaded.insert(path.to_path_buf(), resolved.clone());
        Ok(resolved)
    }
}

/// Parses and validates one config file and applies the command line to it.
fn resolve(path: &Path, text: &str, overrides: &Overrides, today: Date) -> Result<Resolved, Error> {
    let err = |span: Option<std::ops::Range<usize>>, message: String| {
        ConfigError::new(path, text, span, message)
    };
    let file: ConfigFile =
        toml::from_str(text).map_err(|e| err(e.span(), e.message().trim().to_string()))?;
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut settings = Settings::new(today);

    if let Some(entries) = file.profiles.as_ref().filter(|e| !e.is_empty()) {
        settings.profiles = user_profiles::load(&dir, entries, &err)?;
    }
    if let Some(id) = &file.profile {
        settings.profile = Some(settings.profiles.by_id(id.get_ref()).cloned().ok_or_else(
            || {
                err(Some(id.span()), format!("未知的文种“{}”", id.get_ref()))
                    .with_help(format!("可选：{}", settings.profiles.ids()))
            },
        )?);
    }
    if let Some(value) = &file.as_of {
        settings.as_of = Some(parse_as_of(value.get_ref()).ok_or_else(|| {
            err(
                Some(value.span()),
                "as-of 应是日期，如 2023-03-15".to_string(),
            )
        })?);
    }
    settings.province = file.province.as_ref().map(|p| p.get_ref().clone());
    if let Some(level) = file.fail_on {
        settings.fail_on = level;
    }

    let select = checked_selectors(file.select.as_deref().unwrap_or(&[]), &err)?;
    let mut ignore = checked_selectors(file.ignore.as_deref().unwrap_or(&[]), &err)?;

    for (key, entry) in file.rules.iter().flatten() {
        let rules = registry::select(key.get_ref()).ok_or_else(|| {
            err(
                Some(key.span()),
                format!("[rules] 中的“{}”不是已知的规则代码或名称", key.get_ref()),
            )
            .with_help("用 gwlint rules 查看全部规则")
        })?;
        let level = match entry.get_ref() {
            RuleEntry::Level(level) => Some(*level),
            RuleEntry::Table { severity, options } => {
                if let Some(option) = options.first() {
                    return Err(err(
                        Some(option.span()),
                        format!("规则“{}”没有选项“{}”", key.get_ref(), option.get_ref()),
                    )
                    .with_help("目前规则只接受 severity")
                    .into());
                }
                *severity
            }
        };
        for id in rules.iter() {
            match level.map(Level::severity) {
                Some(Some(severity)) => settings.severities.push((id, severity)),
                Some(None) => ignore.push(id.code().to_string()),
                None => {}
            }
        }
    }

    let mut per_path = Vec::new();
    for entry in file.per_path.iter().flatten() {
        let mut globs = GlobSetBuilder::new();
        for pattern in &entry.paths {
            let glob = GlobBuilder::new(pattern.get_ref().trim_end_matches('/'))
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    err(
                        Some(pattern.span()),
                        format!("路径模式“{}”无效：{e}", pattern.get_ref()),
                    )
                })?;
            globs.add(glob);
        }
        let globs = globs
            .build()
            .map_err(|e| err(None, format!("per-path 的路径模式无效：{e}")))?;
        per_path.push((globs, selected_codes(&entry.ignore, &err)?));
    }

    if let Some(extra) = file.extra_rules.as_ref().filter(|e| !e.is_empty()) {
        {
            let mut paths: Vec<PathBuf> = extra.iter().map(|p| dir.join(p.get_ref())).collect();
            paths.extend(overrides.rule_files.iter().cloned());
            // One file named twice (here and by --rules, or two spellings of one path)
            // is loaded once, not reported as clashing with itself.
            let mut seen = std::collections::HashSet::new();
            let paths: Vec<PathBuf> = paths
                .into_iter()
                .filter(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())))
                .collect();
            let knowledge = Knowledge::with_extra_files(&paths).map_err(|e| {
                // Point at the entry that names the failing file; a --rules file or the
                // knowledge as a whole has no place in this config.
                let at = extra
                    .iter()
                    .find(|p| dir.join(p.get_ref()).display().to_string() == e.file())
                    .map(Spanned::span);
                let from = if at.is_none() && !e.file().is_empty() {
                    "（--rules 指定的文件与 extra-rules 一起加载时）"
                } else {
                    ""
                };
                err(at, format!("知识文件无法加载{from}：{e}"))
            })?;
            // Loaded once per configuration file and shared by every file under it; dropped
            // with the last settings that hold it (the language server reloads configs).
            settings.knowledge = Arc::new(knowledge);
        }
    }

    for allow in file.allow.iter().flatten() {
        if allow.text.get_ref().is_empty() {
            return Err(err(
                Some(allow.text.span()),
                "allow 的 text 不能为空".to_string(),
            )
            .into());
        }
        let codes = match &allow.codes {
            None => None,
            Some(keys) => Some(selected_codes(keys, &err)?),
        };
        let at = allow.text.span();
        Arc::make_mut(&mut settings.allow).push(Allowed {
            text: allow.text.get_ref().clone(),
            codes,
            origin: Some((
                path.to_path_buf(),
                crate::diagnostic::Span::new(at.start, at.end),
            )),
        });
    }

    apply_overrides(&mut settings, overrides, &select, &ignore)?;
    // Checked against the knowledge the file is linted with (its extra-rules and --rules).
    if let Some(province) = &file.province {
        crate::context::province::check(province.get_ref(), &settings.knowledge).map_err(
            |known| {
                err(
                    Some(province.span()),
                    format!("未知的省份“{}”", province.get_ref()),
                )
                .with_help(known)
            },
        )?;
    }
    Ok(Resolved {
        dir,
        base: settings,
        per_path,
    })
}

/// Applies the command line over the file's values and selects the rules.
fn apply_overrides(
    settings: &mut Settings,
    overrides: &Overrides,
    file_select: &[String],
    file_ignore: &[String],
) -> Result<(), Error> {
    let select = if overrides.select.iter().any(|s| !s.trim().is_empty()) {
        overrides.select.clone()
    } else {
        file_select.to_vec()
    };
    let ignore: Vec<String> = file_ignore
        .iter()
        .chain(&overrides.ignore)
        .cloned()
        .collect();
    settings
        .select(&select, &ignore)
        .map_err(|e| Error::Usage(e.to_string()))?;
    if let Some(level) = overrides.fail_on {
        settings.fail_on = level;
    }
    if let Some(id) = &overrides.profile {
        settings.profile = Some(
            settings
                .profiles
                .by_id(id)
                .cloned()
                .ok_or_else(|| Error::Usage(unknown_profile(id, &settings.profiles)))?,
        );
    }
    if let Some(date) = &overrides.as_of {
        settings.as_of = Some(date.parse().map_err(|_| {
            Error::Usage(format!("--as-of 的日期“{date}”无法识别，请写作 YYYY-MM-DD"))
        })?);
    }
    // A config's extra-rules were loaded together with the --rules files already.
    if let Some(knowledge) = &overrides.knowledge {
        if Arc::ptr_eq(&settings.knowledge, Knowledge::embedded_shared()) {
            settings.knowledge = Arc::clone(knowledge);
        }
    }
    if let Some(province) = &overrides.province {
        crate::context::province::check(province, &settings.knowledge).map_err(|known| {
            Error::Usage(format!("--province 的“{province}”不是已知的省份。{known}"))
        })?;
        settings.province = Some(province.clone());
    }
    Ok(())
}

fn unknown_profile(id: &str, set: &ProfileSet) -> String {
    format!("未知的文种“{id}”，可选：{}", set.ids())
}

/// The embedded knowledge plus the `--rules` files, loaded once per run (a config's own
/// `extra-rules` are loaded together with these where the config is read).
fn command_line_knowledge(overrides: &Overrides) -> Result<Option<Arc<Knowledge>>, Error> {
    if overrides.rule_files.is_empty() {
        return Ok(None);
    }
    let knowledge = Knowledge::with_extra_files(&overrides.rule_files)
        .map_err(|e| Error::Usage(e.to_string()))?;
    // Shared by every file of the run.
    Ok(Some(Arc::new(knowledge)))
}

/// The selectors as strings, each checked against the registry.
fn checked_selectors(
    keys: &[Spanned<String>],
    err: &impl Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
) -> Result<Vec<String>, Error> {
    keys.iter()
        .map(|key| {
            registry::select(key.get_ref())
                .map(|_| key.get_ref().clone())
                .ok_or_else(|| {
                    err(
                        Some(key.span()),
                        format!("未知的规则、代码或类别：“{}”", key.get_ref()),
                    )
                    .with_help("用 gwlint rules 查看全部规则")
                    .into()
                })
        })
        .collect()
}

/// The codes of the rules the selectors stand for.
fn selected_codes(
    keys: &[Spanned<String>],
    err: &impl Fn(Option<std::ops::Range<usize>>, String) -> ConfigError,
) -> Result<Vec<&'static str>, Error> {
    Ok(checked_selectors(keys, err)?
        .iter()
        .flat_map(|key| registry::select(key).unwrap_or_default().iter())
        .map(RuleId::code)
        .collect())
}

fn parse_as_of(value: &toml::Value) -> Option<Date> {
    match value {
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            Date::new(d.year as i16, d.month as i8, d.day as i8).ok()
        }
        toml::Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
