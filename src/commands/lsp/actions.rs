//! Code actions and hover.

use serde_json::{json, Value};

use super::convert::{offset_of, range_of, to_lsp};
use super::Server;
use crate::checks::registry;
use crate::diagnostic::Span;
use crate::fix::fix_in_memory;
use crate::render::rule_docs;
use crate::source::{LineIndex, SourceFile};

/// The kind of the action that applies every safe fix, under `source.fixAll` so that
/// editors run it on save when asked to.
pub const FIX_ALL: &str = "source.fixAll.gwlint";

/// Whether an action of `kind` is among those the client asked for (`context.only`):
/// kinds are hierarchical, `source` admits `source.fixAll.gwlint`.
fn wanted(only: Option<&Vec<Value>>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().filter_map(Value::as_str).any(|o| {
            kind == o || (kind.starts_with(o) && kind.as_bytes().get(o.len()) == Some(&b'.'))
        })
    })
}

impl<W: std::io::Write> Server<W> {
    /// A quick fix per finding with a fix in the range, and one action for every safe
    /// fix in the document; only the kinds in `context.only`, if given.
    pub(super) fn code_actions(&mut self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?.to_string();
        let range = &params["range"];
        let position = |p: &Value| -> Option<lsp_types::Position> {
            Some(lsp_types::Position::new(
                u32::try_from(p["line"].as_u64()?).ok()?,
                u32::try_from(p["character"].as_u64()?).ok()?,
            ))
        };
        let (start, end) = (position(&range["start"])?, position(&range["end"])?);
        let only = params["context"]["only"].as_array();
        let Some(doc) = self.ensure_linted(&uri) else {
            return Some(json!([]));
        };
        let (findings, settings) = doc.linted.as_ref()?;
        let index = LineIndex::new(&doc.text);
        let mut actions = Vec::new();
        if wanted(only, "quickfix") {
            for d in findings {
                let Some(fix) = &d.fix else { continue };
                let at = range_of(&doc.text, &index, d.span);
                if at.end < start || end < at.start {
                    continue;
                }
                let edits: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "range": range_of(&doc.text, &index, e.span),
                            "newText": e.replacement,
                        })
                    })
                    .collect();
                let title = match &d.help {
                    Some(help) => format!("{}：{help}", d.code),
                    None => format!("修复 {}", d.code),
                };
                actions.push(json!({
                    "title": title,
                    "kind": "quickfix",
                    "diagnostics": to_lsp(&uri, &doc.text, &index, std::slice::from_ref(d)),
                    "edit": { "changes": { uri.clone(): edits } },
                    "isPreferred": fix.safe,
                }));
            }
        }
        if wanted(only, FIX_ALL)
            && findings
                .iter()
                .any(|d| d.fix.as_ref().is_some_and(|f| f.safe))
        {
            let fixed = fix_in_memory(
                SourceFile::from_text(doc.path.clone(), doc.text.clone()),
                settings,
            );
            if fixed.changed() {
                let whole = range_of(&doc.text, &index, Span::new(0, doc.text.len()));
                actions.push(json!({
                    "title": format!("gwlint：修复本文件中可安全修复的全部问题（{} 处）", fixed.applied),
                    "kind": FIX_ALL,
                    "edit": { "changes": { uri.clone(): [{
                        "range": whole,
                        "newText": fixed.report.source.text,
                    }] } },
                }));
            }
        }
        Some(Value::Array(actions))
    }

    /// The findings under the cursor, each with its rule's documentation.
    pub(super) fn hover(&mut self, params: &Value) -> Option<Value> {
        let uri = params["textDocument"]["uri"].as_str()?.to_string();
        let p = &params["position"];
        let position = lsp_types::Position::new(
            u32::try_from(p["line"].as_u64()?).ok()?,
            u32::try_from(p["character"].as_u64()?).ok()?,
        );
        let Some(doc) = self.ensure_linted(&uri) else {
            return Some(Value::Null);
        };
        let (findings, _) = doc.linted.as_ref()?;
        let index = LineIndex::new(&doc.text);
        let offset = offset_of(&doc.text, &index, position);
        let under: Vec<_> = findings
            .iter()
            .filter(|d| d.span.start <= offset && offset <= d.span.end.max(d.span.start + 1))
            .collect();
        let Some(first) = under.first() else {
            return Some(Value::Null);
        };
        let mut text = String::new();
        for d in &under {
            if !text.is_empty() {
                text.push_str("\n\n---\n\n");
            }
            text.push_str(&format!("**{} {}**：{}\n\n", d.code, d.rule, d.message));
            if let Some(help) = &d.help {
                text.push_str(&format!("应写作：{help}\n\n"));
            }
            if let Some(rule) = registry::find(d.code) {
                text.push_str(&rule_docs(rule.meta().docs));
            }
        }
        Some(json!({
            "contents": { "kind": "markdown", "value": text },
            "range": range_of(&doc.text, &index, first.span),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admits_a_kind_and_its_subkinds() {
        let only = |kinds: &[&str]| kinds.iter().map(|k| json!(k)).collect::<Vec<_>>();
        assert!(wanted(None, FIX_ALL));
        assert!(wanted(Some(&only(&["source"])), FIX_ALL));
        assert!(wanted(Some(&only(&["source.fixAll"])), FIX_ALL));
        assert!(!wanted(Some(&only(&["source.fixAll"])), "quickfix"));
        assert!(!wanted(Some(&only(&["source.fix"])), FIX_ALL));
        assert!(!wanted(Some(&only(&["quickfix"])), FIX_ALL));
    }
}
