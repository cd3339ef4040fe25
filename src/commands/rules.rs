//! `gwlint rules` and `gwlint rule CODE`.

use super::{print, Status};
use crate::checks::{registry, FixAvailability, RuleMeta};
use crate::cli::RulesFormat;
use crate::render::rule_docs;

pub(super) fn list(format: RulesFormat) -> Status {
    match format {
        RulesFormat::Markdown => print(&markdown_table()),
        RulesFormat::Json => print(&json_list()),
        RulesFormat::Text => print(&text_table()),
    }
}

/// The terminal table, its columns aligned by display width.
fn text_table() -> String {
    let header = ["代码", "名称", "类别", "默认级别", "可修复", "说明"];
    let mut rows = vec![header.map(String::from).to_vec()];
    rows.extend(registry::all().iter().map(|rule| {
        let m = rule.meta();
        vec![
            m.code.to_string(),
            m.name.to_string(),
            m.family.as_str().to_string(),
            default_level(m),
            fix_label(m.fix).to_string(),
            m.summary().to_string(),
        ]
    }));
    crate::render::table::aligned(&rows)
}

/// `gwlint rules --format json`: one object per rule, for tools and editors.
fn json_list() -> String {
    let rules: Vec<serde_json::Value> = registry::all()
        .iter()
        .map(|rule| {
            let m = rule.meta();
            serde_json::json!({
                "code": m.code,
                "name": m.name,
                "family": m.family.as_str(),
                "severity": m.severity.as_str(),
                "fixable": match m.fix {
                    FixAvailability::Never => "never",
                    FixAvailability::Sometimes => "sometimes",
                    FixAvailability::Always => "always",
                },
                "summary": m.summary(),
                "since": m.since,
                "default": !m.opt_in,
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&rules).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

/// The default severity, and whether the rule is off unless selected by its code.
fn default_level(m: &RuleMeta) -> String {
    if m.opt_in {
        format!("{}（默认关闭）", m.severity.as_str())
    } else {
        m.severity.as_str().to_string()
    }
}

fn fix_label(fix: FixAvailability) -> &'static str {
    match fix {
        FixAvailability::Never => "-",
        FixAvailability::Sometimes => "部分",
        FixAvailability::Always => "是",
    }
}

/// The rule table of README.md and docs/ARCHITECTURE.md (between `<!-- rules:begin -->`
/// and `<!-- rules:end -->`), generated from the registry; a test keeps them in sync.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| 代码 | 名称 | 类别 | 默认级别 | 可修复 | 检查什么 |\n|---|---|---|---|---|---|\n",
    );
    for rule in registry::all() {
        let m = rule.meta();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            m.code,
            m.name,
            m.family.as_str(),
            default_level(m),
            fix_label(m.fix),
            m.summary().replace('|', "\\|")
        ));
    }
    out
}

/// `gwlint rule profiles`: the profiles in the order a title is matched against them.
fn list_profiles(today: jiff::civil::Date) -> String {
    let mut out = String::from(
        "文种（--profile ID，或 gwlint.toml 中的 profile；不指定时按标题依次尝试；gwlint rule ID 显示详情）\n",
    );
    let mut rows = vec![vec!["id".to_string(), "名称".to_string()]];
    rows.extend(
        profiles(today)
            .iter()
            .map(|p| vec![p.id.clone(), p.name.clone()]),
    );
    out.push_str(&crate::render::table::aligned(&rows));
    out
}

/// The profiles of the nearest gwlint.toml above the current folder (the built-in ones
/// when there is none, or when it cannot be read: `gwlint check` reports that).
fn profiles(today: jiff::civil::Date) -> std::sync::Arc<crate::profile::ProfileSet> {
    let here = std::path::Path::new(".").join("gwlint.toml");
    crate::config::Resolver::new(
        crate::config::Overrides::default(),
        crate::config::Source::Nearest,
        today,
    )
    .and_then(|mut r| r.settings_for(&here))
    .map_or_else(
        |_| std::sync::Arc::clone(crate::profile::ProfileSet::embedded()),
        |s| s.profiles,
    )
}

/// `gwlint rule ID` for a profile: what it matches, requires and where it comes from.
fn show_profile(profile: &crate::profile::Profile) -> String {
    let list = |words: &[String]| crate::diagnostic::quoted_list(words, "、");
    let mut out = format!(
        "# 文种 {} {}\n\n依据：{}\n\n",
        profile.id, profile.name, profile.source
    );
    if !profile.title_ends_with.is_empty() {
        out.push_str(&format!("标题以{}结尾", list(&profile.title_ends_with)));
        if !profile.title_contains.is_empty() {
            out.push_str(&format!("，且含有{}", list(&profile.title_contains)));
        }
        out.push('\n');
    } else if !profile.title_contains.is_empty() {
        out.push_str(&format!("标题含有{}\n", list(&profile.title_contains)));
    }
    if !profile.subtitle_contains.is_empty() {
        out.push_str(&format!("或副题含有{}\n", list(&profile.subtitle_contains)));
    }
    for section in &profile.sections {
        out.push_str(&format!(
            "{}部分“{}”：一级标题含有{}\n",
            if section.required { "必备" } else { "可有" },
            section.name,
            list(&section.titles)
        ));
    }
    if profile.addressee.required {
        out.push_str(if profile.addressee.single {
            "主送机关：必须有，且只写一个\n"
        } else {
            "主送机关：必须有\n"
        });
    }
    let closing = &profile.closing;
    out.push_str(&format!(
        "落款：{}；成文日期：{}\n",
        if closing.signature {
            "必须有"
        } else {
            "不要求"
        },
        if closing.date {
            "必须有"
        } else {
            "不要求"
        }
    ));
    if !closing.phrases.is_empty() {
        out.push_str(&format!(
            "结束语{}：{}\n",
            if closing.phrase_required {
                "（必须有）"
            } else {
                ""
            },
            list(&closing.phrases)
        ));
    }
    out
}

pub(super) fn show(key: &str, today: jiff::civil::Date) -> Status {
    let Some(rule) = registry::find(key) else {
        if matches!(key, "profiles" | "文种") {
            return print(&list_profiles(today));
        }
        if let Some(profile) = profiles(today).by_id(key) {
            return print(&show_profile(profile));
        }
        eprintln!("gwlint: 未知规则或文种“{key}”（用 gwlint rules 查看全部规则，gwlint rule profiles 查看全部文种）");
        return Status::Error;
    };
    let m = rule.meta();
    let out = format!(
        "# {} {}\n\n类别：{}　默认级别：{}　依据：{}\n\n{}\n",
        m.code,
        m.name,
        m.family.as_str(),
        default_level(m),
        m.basis,
        rule_docs(m.docs)
    );
    print(&out)
}

#[cfg(test)]
mod tests {
    /// README.md and docs/ARCHITECTURE.md show the rule table `gwlint rules --format
    /// markdown` prints; regenerate it there when a rule is added or changed.
    #[test]
    fn the_rule_tables_in_the_docs_are_current() {
        let table = super::markdown_table();
        for doc in ["README.md", "docs/ARCHITECTURE.md"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(doc);
            let text = std::fs::read_to_string(&path).expect("the doc exists");
            let start = text.find("<!-- rules:begin").expect("begin marker");
            let start = start + text[start..].find('\n').expect("marker line ends") + 1;
            let end = text.find("<!-- rules:end -->").expect("end marker");
            assert!(
                text[start..end] == table,
                "{doc}: the rule table is stale; replace it with the output of \
                 `gwlint rules --format markdown`"
            );
        }
    }
}
