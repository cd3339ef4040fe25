//! `gwlint rules` and `gwlint rule CODE`.

use std::io::Write as _;

use super::Status;
use crate::checks::{registry, FixAvailability};
use crate::render::rule_docs;

pub(super) fn list() -> Status {
    let mut out = String::new();
    out.push_str("代码  名称                     类别         默认级别  可修复  说明\n");
    for rule in registry::all() {
        let m = rule.meta();
        let fix = match m.fix {
            FixAvailability::Never => "-",
            FixAvailability::Sometimes => "部分",
            FixAvailability::Always => "是",
        };
        out.push_str(&format!(
            "{:<5} {:<24} {:<12} {:<9} {:<6} {}\n",
            m.code,
            m.name,
            m.family.as_str(),
            m.severity.as_str(),
            fix,
            m.summary
        ));
    }
    print(&out)
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
