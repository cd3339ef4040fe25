//! Suppression, applied once after every rule has run (rules never see it):
//!
//! - `[[allow]]` fragments from the configuration, for any kind of file: a finding whose
//!   span lies inside an occurrence of an allowed fragment is dropped;
//! - in Markdown, comment directives: `<!-- gwlint-disable-next-line CODES -->`,
//!   `<!-- gwlint-disable CODES -->` … `<!-- gwlint-enable CODES -->`, each with an
//!   optional reason after `--`. CODES are codes, names, families or code prefixes,
//!   separated by commas or spaces; none means every rule.
//!
//! A directive that names something unknown is reported as G001, one that suppresses
//! nothing as G002, when those rules are enabled.

use crate::checks::{gwlint, registry, RuleMeta};
use crate::diagnostic::{Diagnostic, Family, Span};
use crate::settings::Settings;
use crate::source::{LineIndex, SourceFile, SourceKind};

/// Drops suppressed findings and adds the findings about the directives themselves.
pub fn apply(
    source: &SourceFile,
    settings: &Settings,
    diagnostics: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    apply_counting(source, settings, diagnostics).0
}

/// As `apply`, and also says which `[[allow]]` entries (indices into `settings.allow`)
/// suppressed something, so that `gwlint check` can report the ones that never do.
pub fn apply_counting(
    source: &SourceFile,
    settings: &Settings,
    mut diagnostics: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<usize>) {
    let text = source.text.as_str();
    let mut used = Vec::new();
    if !settings.allow.is_empty() && !diagnostics.is_empty() {
        used = drop_allowed(text, settings, &mut diagnostics);
    }
    if source.kind == SourceKind::Markdown && text.contains("gwlint-") {
        apply_directives(text, settings, &mut diagnostics);
    }
    (diagnostics, used)
}

/// Removes findings inside an occurrence of an allowed fragment that covers their code;
/// returns the indices of the fragments that removed something. All fragments are found
/// in one pass; each finding looks only at the occurrences that start before it, no
/// further back than the longest fragment.
fn drop_allowed(text: &str, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) -> Vec<usize> {
    let allow = &settings.allow;
    let mut occurrences = allow.occurrences(text);
    occurrences.sort_by_key(|&(i, span)| (span.start, i));
    let longest = allow.iter().map(|a| a.text.len()).max().unwrap_or(0);
    let mut used = vec![false; allow.len()];
    diagnostics.retain(|d| {
        let after = occurrences.partition_point(|(_, o)| o.start <= d.span.start);
        let by = occurrences[..after]
            .iter()
            .rev()
            .take_while(|(_, o)| o.start + longest >= d.span.start)
            .filter(|(i, o)| {
                d.span.end <= o.end && allow[*i].codes.as_ref().is_none_or(|c| c.contains(&d.code))
            })
            .map(|(i, _)| *i)
            .min();
        if let Some(i) = by {
            used[i] = true;
        }
        by.is_none()
    });
    (0..used.len()).filter(|&i| used[i]).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

impl Kind {
    const KEYWORDS: [(&'static str, Kind); 3] = [
        ("gwlint-disable-next-line", Kind::NextLine),
        ("gwlint-disable", Kind::Disable),
        ("gwlint-enable", Kind::Enable),
    ];
}

/// One name in a directive and what it resolved to.
#[derive(Debug)]
struct Entry {
    /// As written; empty for a directive that names nothing (every rule).
    key: String,
    span: Span,
    /// `None` when the name is unknown.
    rules: Option<Vec<&'static str>>,
    used: bool,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// The whole comment.
    span: Span,
    entries: Vec<Entry>,
}

impl Directive {
    fn covers(&self, code: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.rules.as_ref().is_some_and(|r| r.contains(&code)))
    }

    fn mark_used(&mut self, code: &str) {
        for e in &mut self.entries {
            if e.rules.as_ref().is_some_and(|r| r.contains(&code)) {
                e.used = true;
            }
        }
    }

    fn rules(&self) -> Vec<&'static str> {
        let mut rules: Vec<&'static str> = self
            .entries
            .iter()
            .filter_map(|e| e.rules.as_deref())
            .flatten()
            .copied()
            .collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }
}

/// A stretch of text where some rules are disabled, opened by `directive`.
#[derive(Debug)]
struct Region {
    directive: usize,
    rules: Vec<&'static str>,
    start: usize,
    end: usize,
}

fn apply_directives(text: &str, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
    let (mut directives, unknown) = parse_directives(text);
    if directives.is_empty() && unknown.is_empty() {
        return;
    }
    let index = LineIndex::new(text);

    // Regions of disable … enable; an enable closes the rules it names, and a partly
    // closed region goes on for the rest.
    let mut regions: Vec<Region> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut unmatched_enables = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        match d.kind {
            Kind::Disable => {
                open.push(regions.len());
                regions.push(Region {
                    directive: i,
                    rules: d.rules(),
                    start: d.span.end,
                    end: text.len(),
                });
            }
            Kind::Enable => {
                let closing = d.rules();
                let mut closed_any = false;
                let mut still_open = Vec::new();
                for r in std::mem::take(&mut open) {
                    if !regions[r].rules.iter().any(|c| closing.contains(c)) {
                        still_open.push(r);
                        continue;
                    }
                    closed_any = true;
                    regions[r].end = d.span.start;
                    let rest: Vec<&'static str> = regions[r]
                        .rules
                        .iter()
                        .copied()
                        .filter(|c| !closing.contains(c))
                        .collect();
                    if !rest.is_empty() {
                        still_open.push(regions.len());
                        let directive = regions[r].directive;
                        regions.push(Region {
                            directive,
                            rules: rest,
                            start: d.span.end,
                            end: text.len(),
                        });
                    }
                }
                open = still_open;
                if !closed_any && d.entries.iter().all(|e| e.rules.is_some()) {
                    unmatched_enables.push(i);
                }
            }
            Kind::NextLine => {}
        }
    }

    // The line each next-line directive covers: the one after the line it ends on.
    let next_lines: Vec<Option<usize>> = directives
        .iter()
        .map(|d| (d.kind == Kind::NextLine).then(|| index.line_col(text, d.span.end).line + 1))
        .collect();

    diagnostics.retain(|diag| {
        let line = index.line_col(text, diag.span.start).line;
        let by_line = (0..directives.len())
            .find(|&i| next_lines[i] == Some(line) && directives[i].covers(diag.code));
        let by_region = || {
            regions
                .iter()
                .find(|r| {
                    r.start <= diag.span.start
                        // A region open to the end also covers a finding at the very end.
                        && (diag.span.start < r.end || r.end == text.len())
                        && r.rules.contains(&diag.code)
                })
                .map(|r| r.directive)
        };
        match by_line.or_else(by_region) {
            Some(i) => {
                directives[i].mark_used(diag.code);
                false
            }
            None => true,
        }
    });

    let mut found = Vec::new();
    for (span, keyword) in unknown {
        found.push(finding(
            &gwlint::UnknownSuppression::META,
            settings,
            span,
            format!("未知的抑制注释“{keyword}”"),
            "可用的写法：gwlint-disable-next-line、gwlint-disable、gwlint-enable",
        ));
    }
    for d in &directives {
        for e in &d.entries {
            let Some(rules) = &e.rules else {
                found.push(finding(
                    &gwlint::UnknownSuppression::META,
                    settings,
                    e.span,
                    format!("抑制注释中的“{}”不是已知的规则代码、名称或类别", e.key),
                    "用 gwlint rules 查看全部规则",
                ));
                continue;
            };
            if d.kind == Kind::Enable
                || e.used
                || !rules.iter().any(|c| {
                    crate::checks::RuleId::find(c).is_some_and(|id| settings.is_enabled(id))
                })
            {
                continue;
            }
            let message = if e.key.is_empty() {
                "抑制注释没有抑制任何问题".to_string()
            } else {
                format!("抑制注释中的“{}”没有抑制任何问题", e.key)
            };
            found.push(finding(
                &gwlint::UnusedSuppression::META,
                settings,
                e.span,
                message,
                "删去这条抑制注释（或其中多余的代码）",
            ));
        }
    }
    for i in unmatched_enables {
        found.push(finding(
            &gwlint::UnusedSuppression::META,
            settings,
            directives[i].span,
            "“gwlint-enable”前面没有对应的 gwlint-disable".to_string(),
            "删去这条 gwlint-enable，或在前面补上 gwlint-disable",
        ));
    }
    diagnostics.extend(found.into_iter().flatten());
}

/// A G finding, when its rule is enabled.
fn finding(
    meta: &'static RuleMeta,
    settings: &Settings,
    span: Span,
    message: String,
    help: &str,
) -> Option<Diagnostic> {
    settings.is_enabled(meta.id).then(|| Diagnostic {
        code: meta.code,
        rule: meta.name,
        family: meta.family,
        severity: settings.severity_of(meta.id).unwrap_or(meta.severity),
        span,
        message,
        help: Some(help.to_string()),
        note: None,
        label: None,
        secondary: Vec::new(),
        fix: None,
    })
}

/// The directives in order, and comments that start with `gwlint-` but are no directive
/// (with the word as written). Comments inside fenced code blocks are examples, not
/// directives.
fn parse_directives(text: &str) -> (Vec<Directive>, Vec<(Span, String)>) {
    // The Markdown parser's view of the fences, only once a comment is found and only
    // in a text that has a fence.
    let mut fences: Option<Vec<Span>> = None;
    let mut directives = Vec::new();
    let mut unknown = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|p| from + p) {
        let body_start = open + "<!--".len();
        let Some(close) = text[body_start..].find("-->").map(|p| body_start + p) else {
            break;
        };
        let end = close + "-->".len();
        from = end;
        let fences = fences.get_or_insert_with(|| {
            if text.contains("```") || text.contains("~~~") {
                crate::source::markdown::fenced_code_blocks(text)
            } else {
                Vec::new()
            }
        });
        if fences.iter().any(|f| f.start <= open && open < f.end) {
            continue;
        }
        let body = &text[body_start..close];
        let lead = body.len() - body.trim_start().len();
        let body_offset = body_start + lead;
        let body = body.trim_start();
        if !body.starts_with("gwlint-") {
            continue;
        }
        let word_len = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
        let word = &body[..word_len];
        let Some(&(_, kind)) = Kind::KEYWORDS.iter().find(|(k, _)| *k == word) else {
            unknown.push((Span::new(open, end), word.to_string()));
            continue;
        };
        let rest = &body[word_len..];
        let names = rest.split("--").next().unwrap_or("");
        let names_offset = body_offset + word_len;
        let mut entries = Vec::new();
        let mut at = 0;
        for part in names.split_inclusive(is_separator) {
            let key = part.trim_end_matches(is_separator);
            let key_start = names_offset + at;
            at += part.len();
            if key.is_empty() {
                continue;
            }
            entries.push(Entry {
                key: key.to_string(),
                span: Span::new(key_start, key_start + key.len()),
                rules: resolve(key),
                used: false,
            });
        }
        if entries.is_empty() {
            entries.push(Entry {
                key: String::new(),
                span: Span::new(open, end),
                rules: Some(every_rule()),
                used: false,
            });
        }
        directives.push(Directive {
            kind,
            span: Span::new(open, end),
            entries,
        });
    }
    (directives, unknown)
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '，' | '、')
}

/// The codes a name stands for, leaving out gwlint's own (a directive cannot silence
/// the findings about directives).
fn resolve(key: &str) -> Option<Vec<&'static str>> {
    let rules = registry::select(key)?;
    Some(
        rules
            .iter()
            .map(|id| id.rule().meta())
            .filter(|m| m.family != Family::Gwlint)
            .map(|m| m.code)
            .collect(),
    )
}

fn every_rule() -> Vec<&'static str> {
    registry::all()
        .iter()
        .map(|r| r.meta())
        .filter(|m| m.family != Family::Gwlint)
        .map(|m| m.code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings::new(jiff::civil::date(2024, 1, 1))
    }

    fn codes(text: &str, name: &str) -> Vec<(usize, &'static str)> {
        let report = crate::lint_text(name, text, &settings());
        let index = LineIndex::new(text);
        report
            .diagnostics
            .iter()
            .map(|d| (index.line_col(text, d.span.start).line, d.code))
            .collect()
    }

    #[test]
    fn next_line_directive_removes_the_finding_below_it() {
        let plain = "一是加强学习。\n";
        assert_eq!(codes(plain, "a.md"), vec![(1, "N107")]);
        let text = "<!-- gwlint-disable-next-line N107 -- 原文如此 -->\n一是加强学习。\n";
        assert_eq!(codes(text, "a.md"), vec![]);
        // Not in plain text: the comment is just text there.
        assert_eq!(codes(text, "a.txt"), vec![(2, "N107")]);
    }

    #[test]
    fn names_families_and_prefixes_work_and_unknown_names_are_reported() {
        for name in ["lone-enumeration", "numbering", "N", "N10"] {
            let text = format!("<!-- gwlint-disable-next-line {name} -->\n一是加强学习。\n");
            assert_eq!(codes(&text, "a.md"), vec![], "{name}");
        }
        let text = "<!-- gwlint-disable-next-line N170, N107 -->\n一是加强学习。\n";
        let report = crate::lint_text("a.md", text, &settings());
        assert_eq!(report.diagnostics.len(), 1);
        let d = &report.diagnostics[0];
        assert_eq!(d.code, "G001");
        assert_eq!(d.span.slice(text), "N170");
    }

    #[test]
    fn unused_directives_are_reported() {
        let text = "<!-- gwlint-disable-next-line N107 -->\n一是加强学习，二是改进作风。\n";
        let report = crate::lint_text("a.md", text, &settings());
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span.slice(text)))
            .collect();
        assert_eq!(found, vec![("G002", "N107")]);
        // Not when G002 is ignored.
        let mut quiet = settings();
        quiet.disable(&["G002"]);
        assert!(crate::lint_text("a.md", text, &quiet)
            .diagnostics
            .is_empty());
        let stray = "<!-- gwlint-enable N107 -->\n";
        let report = crate::lint_text("a.md", stray, &settings());
        assert_eq!(report.diagnostics[0].code, "G002");
    }

    #[test]
    fn disable_enable_regions() {
        for (text, found) in [
            (
                "<!-- gwlint-disable N107 -->\n一是加强学习。\n\n一是改进作风。\n<!-- gwlint-enable N107 -->\n一是转变观念。\n",
                vec![(6, "N107")],
            ),
            // Without codes: every rule, to the end of the file.
            ("<!-- gwlint-disable -->\n一是加强学习。\n", vec![]),
            // A misspelt directive.
            ("<!-- gwlint-ignore N107 -->\n", vec![(1, "G001")]),
            // Inside a fenced block it is an example.
            (
                "```\n<!-- gwlint-disable N107 -->\n```\n一是加强学习。\n",
                vec![(4, "N107")],
            ),
        ] {
            assert_eq!(codes(text, "a.md"), found, "{text}");
        }
    }

    #[test]
    fn allowed_fragments_drop_findings_inside_them() {
        let text = "一是加强学习。\n";
        let mut s = settings();
        std::sync::Arc::make_mut(&mut s.allow).push(crate::settings::Allowed {
            text: "一是加强".into(),
            codes: Some(vec!["N108"]),
            origin: None,
        });
        assert_eq!(crate::lint_text("a.txt", text, &s).diagnostics.len(), 1);
        assert!(crate::lint_text("a.txt", text, &s).allowed_used.is_empty());
        std::sync::Arc::make_mut(&mut s.allow).entry_mut(0).codes = Some(vec!["N107"]);
        assert!(crate::lint_text("a.txt", text, &s).diagnostics.is_empty());
        assert_eq!(crate::lint_text("a.txt", text, &s).allowed_used, vec![0]);
        std::sync::Arc::make_mut(&mut s.allow).entry_mut(0).codes = None;
        assert!(crate::lint_text("a.txt", text, &s).diagnostics.is_empty());
        std::sync::Arc::make_mut(&mut s.allow).entry_mut(0).text = "加强学习".into();
        assert_eq!(crate::lint_text("a.txt", text, &s).diagnostics.len(), 1);
    }
}
