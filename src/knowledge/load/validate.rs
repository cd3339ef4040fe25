//! What a knowledge file must satisfy beyond its TOML shape: one validator per table,
//! plus the checks every entry shares (id, source, examples). Every error names file,
//! line and entry id.

use std::collections::HashMap;

use crate::knowledge::matcher::strip_quotes;
use crate::knowledge::{
    Confusable, Entry, Event, EventKind, Example, Expect, Formulation, Knowledge, KnowledgeError,
    Origin, SetPhrase, Superseded,
};

type Checked = Result<(), KnowledgeError>;

impl Knowledge {
    pub(super) fn validate(&self) -> Checked {
        let mut ids = Ids::default();
        self.validate_table(&mut ids, validate_event)?;
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
        self.validate_table(&mut ids, validate_superseded)?;
        self.validate_table(&mut ids, validate_formulation)?;
        self.validate_table(&mut ids, validate_set_phrase)?;
        self.validate_table(&mut ids, validate_confusable)
    }

    /// Each entry of one table: what every entry shares, then the table's own checks.
    fn validate_table<E: Entry>(&self, ids: &mut Ids, validate: fn(&E) -> Checked) -> Checked {
        for entry in E::table(self) {
            ids.check(entry.id(), entry.origin(), entry.source(), entry.examples())?;
            validate(entry)?;
        }
        Ok(())
    }
}

/// The ids seen so far, across all tables and files.
#[derive(Default)]
struct Ids(HashMap<String, Origin>);

impl Ids {
    /// What every entry shares: a unique kebab-case id, a source, well-formed examples.
    fn check(&mut self, id: &str, o: &Origin, source: &[String], examples: &[Example]) -> Checked {
        if !is_kebab_ascii(id) {
            return Err(KnowledgeError::invalid(
                o,
                id,
                "id 只能由小写英文字母、数字和连字符组成",
            ));
        }
        if let Some(prev) = self.0.insert(id.to_string(), o.clone()) {
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
    }
}

fn nonempty(o: &Origin, id: &str, what: &str, items: &[String]) -> Checked {
    match items.iter().find(|s| strip_quotes(s).trim().is_empty()) {
        Some(_) => Err(KnowledgeError::invalid(
            o,
            id,
            format!("{what} 中有空字符串"),
        )),
        None => Ok(()),
    }
}

fn validate_event(e: &Event) -> Checked {
    let o = &e.origin;
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
    if matches!(e.kind, EventKind::Plenum | EventKind::NpcSession)
        && (e.term.is_none() || e.ordinal.is_none())
    {
        return Err(KnowledgeError::invalid(
            o,
            &e.id,
            "全会、全国人大会议必须写 term（届）和 ordinal（第几次）",
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
    if (e.expected_from.is_some() || e.expected_by.is_some()) && e.start.is_some() {
        return Err(KnowledgeError::invalid(
            o,
            &e.id,
            "已写 start（已召开）的事件不能再写 expected-from / expected-by",
        ));
    }
    if let (Some(a), Some(b)) = (e.expected_from, e.expected_by) {
        if a.earliest() > b.latest() {
            return Err(KnowledgeError::invalid(
                o,
                &e.id,
                format!("日期顺序错误：expected-from = {a} 晚于 expected-by = {b}"),
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
    Ok(())
}

fn validate_superseded(s: &Superseded) -> Checked {
    let o = &s.origin;
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
    Ok(())
}

fn validate_formulation(f: &Formulation) -> Checked {
    check_pairs(&f.origin, &f.id, &f.wrong, &f.right)
}

fn validate_set_phrase(p: &SetPhrase) -> Checked {
    check_pairs(&p.origin, &p.id, &p.wrong, &p.right)
}

fn validate_confusable(c: &Confusable) -> Checked {
    let o = &c.origin;
    nonempty(o, &c.id, "exclude", &c.exclude)?;
    match &c.pattern {
        None => check_pairs(o, &c.id, &c.wrong, &c.right)?,
        Some(p) => {
            nonempty(o, &c.id, "wrong", &c.wrong)?;
            regex::Regex::new(p).map_err(|e| {
                KnowledgeError::invalid(o, &c.id, format!("pattern 不是有效的正则表达式：{e}"))
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
    Ok(())
}

fn check_pairs(o: &Origin, id: &str, wrong: &[String], right: &str) -> Result<(), KnowledgeError> {
    if wrong.is_empty() {
        return Err(KnowledgeError::invalid(o, id, "wrong 不能为空"));
    }
    let right_n = strip_quotes(right);
    if right_n.trim().is_empty() {
        return Err(KnowledgeError::invalid(o, id, "right 为空"));
    }
    for w in wrong {
        let w_n = strip_quotes(w);
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
