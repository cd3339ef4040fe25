//! `gwlint rules` and `gwlint rule CODE`.

use std::io::Write as _;

use super::Status;
use crate::checks::{registry, FixAvailability};
use crate::cli::RulesFormat;
use crate::render::rule_docs;

pub(super) fn list(format: RulesFormat) -> Status {
    if format == RulesFormat::Markdown {
        return print(&markdown_table());
    }
    let mut out = String::new();
    out.push_str("代码  名称                     类别         默认级别  可修复  说明\n");
    for rule in registry::all() {
        let m = rule.meta();
        let fix = fix_label(m.fix);
        out.push_str(&format!(
            "{:<5} {:<24} {:<12} {:<9} {:<6} {}\n",
            m.code,
            m.name,
            m.family.as_str(),
            m.severity.as_str(),
            fix,
            m.summary()
        ));
    }
    print(&out)
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
            m.severity.as_str(),
            fix_label(m.fix),
            m.summary().replace('|', "\\|")
        ));
    }
    out
}

pub(super) fn show(key: &str) -> Status {
    let Some(rule) = registry::find(key) else {
        eprintln!("gwlint: 未知规则“{key}”（用 gwlint rules 查看全部规则）");
        return Status::Error;
    };
    let m = rule.meta();
    let out = format!(
        "# {} {}\n\n类别：{}　默认级别：{}　依据：{}\n\n{}\n",
        m.code,
        m.name,
        m.family.as_str(),
        m.severity.as_str(),
        m.basis,
        rule_docs(m.docs)
    );
    print(&out)
}

fn print(text: &str) -> Status {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Status::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Status::Clean,
        Err(e) => {
            eprintln!("gwlint: 无法输出：{e}");
            Status::Error
        }
    }
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
