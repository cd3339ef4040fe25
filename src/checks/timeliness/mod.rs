//! Family `timeliness` (R): references that were current once and are not at the
//! document's as-of date — congresses and plenums cited as guidance, finished plans and
//! campaigns, superseded provincial congresses, policy terms out of use, a copied report.
//!
//! Every rule reads the mentions found once per document (`Context::mentions`) and
//! decides, with `context::cues`, whether each is an account of the past or guidance.

include!(concat!(env!("OUT_DIR"), "/checks_timeliness.rs"));

use crate::checks::Checker;
use crate::context::cues::{Cues, Usage};
use crate::diagnostic::{Severity, Span};
use crate::knowledge::{Event, EventKind, PartialDate, Target};

/// Consecutive mentions that read as one reference ("十八大及十八届三中、四中全会"), with
/// how the whole is used.
pub(crate) struct Group {
    pub span: Span,
    pub events: Vec<usize>,
    pub usage: Usage,
}

/// Characters that join the items of one reference.
fn is_connector(between: &str) -> bool {
    between.chars().all(|c| {
        matches!(
            c,
            '及' | '和' | '与' | '、' | '，' | ',' | '以' | ' ' | '“' | '”'
        )
    }) && between.chars().count() <= 3
}

/// Groups the event mentions of the given kinds.
pub(crate) fn event_groups(cx: &Checker<'_>, kinds: &[EventKind]) -> Vec<Group> {
    let text = cx.text();
    let knowledge = cx.knowledge();
    let mut groups: Vec<Group> = Vec::new();
    for m in &cx.context.mentions {
        let Target::Event(i) = m.target else { continue };
        if !kinds.contains(&knowledge.events[i].kind) {
            continue;
        }
        let joins = groups.last().is_some_and(|g| {
            g.span.end <= m.start && text.get(g.span.end..m.start).is_some_and(is_connector)
        });
        if joins {
            if let Some(g) = groups.last_mut() {
                g.span.end = g.span.end.max(m.end);
                if !g.events.contains(&i) {
                    g.events.push(i);
                }
            }
        } else {
            groups.push(Group {
                span: Span::new(m.start, m.end),
                events: vec![i],
                usage: Usage::Unknown,
            });
        }
    }
    for g in &mut groups {
        g.usage = usage(cx, g.span);
    }
    groups
}

/// How the text at `span` is used. A mention in a short heading-like line
/// ("深入学习贯彻中央八项规定精神学习教育开展情况") takes its kind from that line.
pub(crate) fn usage(cx: &Checker<'_>, span: Span) -> Usage {
    let cues = Cues::embedded();
    let text = cx.text();
    // The line around the mention, from the parsed lines (a binary search: scanning for
    // line ends from each mention is quadratic on one long line).
    let lines = &cx.document.lines;
    let at = lines.partition_point(|l| l.span.start <= span.start);
    let (line_start, line_end) = match at.checked_sub(1).map(|i| lines[i].span) {
        Some(l) if span.end <= l.end => (l.start, l.end),
        _ => (
            text[..span.start].rfind(['\n', '\r']).map_or(0, |p| p + 1),
            text[span.end..]
                .find(['\n', '\r'])
                .map_or(text.len(), |p| span.end + p),
        ),
    };
    let line = text[line_start..line_end].trim();
    let heading_like = line.chars().nth(40).is_none()
        && !line.contains('。')
        && !line.ends_with(['，', '；', '：']);
    let section = heading_like
        .then(|| cues.section_kinds.of_title(line))
        .flatten()
        .or_else(|| cx.context.section_kind_at(span.start));
    cues.usage(text, span.start, span.end, section)
}

/// The era (届) a congress or plenum belongs to.
pub(crate) fn era(event: &Event) -> Option<u32> {
    match event.kind {
        EventKind::NationalCongress => event.ordinal,
        EventKind::Plenum => event.term,
        _ => None,
    }
}

/// A date as written in Chinese: 2017年10月18日, 2017年10月, 2017年.
pub(crate) fn chinese_date(d: PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{}年{m}月{day}日", d.year),
        (Some(m), None) => format!("{}年{m}月", d.year),
        _ => format!("{}年", d.year),
    }
}

/// The as-of date as written in messages, with where it came from.
pub(crate) fn as_of_phrase(cx: &Checker<'_>) -> String {
    let d = cx.context.as_of;
    let source = match cx.context.as_of_source {
        crate::context::AsOfSource::Override => "来自 --as-of",
        crate::context::AsOfSource::DocumentDate => "即成文日期",
        crate::context::AsOfSource::Today => "即今天",
    };
    format!("{}年{}月{}日，{source}", d.year(), d.month(), d.day())
}

/// What a timeliness rule says of one out-of-date reference: what is wrong with it (the
/// message after the reference as written) and what to write instead.
pub(crate) struct Verdict {
    pub claim: String,
    pub help: String,
    /// Said before the as-of date, in the same parentheses (“召开日期未核实；”).
    pub caveat: &'static str,
    /// Lower than the rule's severity, where the usage is unclear.
    pub severity: Option<Severity>,
    pub note: Option<String>,
}

impl Verdict {
    pub fn new(claim: String, help: String) -> Self {
        Self {
            claim,
            help,
            caveat: "",
            severity: None,
            note: None,
        }
    }
}

/// Reports each out-of-date reference of `found` that `judge` gives a verdict on. Every
/// message names the reference as written, says what is wrong with it, and ends with
/// the as-of date it was checked against (“（核对日期2023年3月15日，即成文日期）”), so
/// the reader sees which date decided.
pub(crate) fn report_outdated<T>(
    cx: &mut Checker<'_>,
    found: impl IntoIterator<Item = (Span, T)>,
    mut judge: impl FnMut(&Checker<'_>, Span, T) -> Option<Verdict>,
) {
    for (span, item) in found {
        let Some(verdict) = judge(cx, span, item) else {
            continue;
        };
        let written = crate::diagnostic::quote(span.slice(cx.text()));
        let message = format!(
            "{written}{}（{}核对日期{}）",
            verdict.claim,
            verdict.caveat,
            as_of_phrase(cx)
        );
        let mut report = cx.report(span, message).help(verdict.help);
        if let Some(severity) = verdict.severity {
            report = report.severity(severity);
        }
        if let Some(note) = verdict.note {
            report = report.note(note);
        }
        let _ = report;
    }
}

/// The mentions of superseded terms, grouped when only a short word joins them
/// ("贫困村的脱贫攻坚"), each group with its usage.
pub(crate) fn term_groups(cx: &Checker<'_>) -> Vec<(Span, Vec<usize>, Usage)> {
    let text = cx.text();
    let mut groups: Vec<(Span, Vec<usize>)> = Vec::new();
    for m in &cx.context.mentions {
        let Target::Superseded(i) = m.target else {
            continue;
        };
        let joins = groups.last().is_some_and(|(span, _)| {
            span.end <= m.start
                && text.get(span.end..m.start).is_some_and(|b| {
                    b.chars().count() <= 2
                        && !b
                            .chars()
                            .any(|c| c.is_ascii_punctuation() || "，。、；：！？（）“”".contains(c))
                })
        });
        match groups.last_mut() {
            Some((span, ids)) if joins => {
                span.end = m.end;
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
            _ => groups.push((Span::new(m.start, m.end), vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(span, ids)| (span, ids, usage(cx, span)))
        .collect()
}

/// Mentions of events of `kind` used as guidance although they are out of date at the
/// as-of date: what R103, R104 and R106 report.
pub(crate) fn stale_guidance(cx: &Checker<'_>, kind: EventKind) -> Vec<(Span, usize)> {
    stale_mentions(cx, kind, |u| u == Usage::Guidance)
}

/// Mentions of events of `kind` that are out of date at the as-of date and whose usage
/// `accept` takes.
pub(crate) fn stale_mentions(
    cx: &Checker<'_>,
    kind: EventKind,
    accept: impl Fn(Usage) -> bool,
) -> Vec<(Span, usize)> {
    let knowledge = cx.knowledge();
    cx.context
        .mentions
        .iter()
        .filter_map(|m| match m.target {
            Target::Event(i) if knowledge.events[i].kind == kind => {
                Some((Span::new(m.start, m.end), i))
            }
            _ => None,
        })
        .filter(|(span, i)| {
            accept(usage(cx, *span)) && knowledge.is_stale_at(Target::Event(*i), cx.context.as_of)
        })
        .collect()
}

/// The newest 届 the document cites (a congress or plenum already held at the as-of
/// date), with the span of its first mention.
pub(crate) fn newer_era_cited(cx: &Checker<'_>) -> Option<(u32, Span)> {
    let knowledge = cx.knowledge();
    let mut best: Option<(u32, Span)> = None;
    for m in &cx.context.mentions {
        let Target::Event(i) = m.target else { continue };
        let event = &knowledge.events[i];
        let Some(e) = era(event) else { continue };
        if !event.has_started_by(cx.context.as_of) {
            continue;
        }
        if best.is_none_or(|(b, _)| e > b) {
            best = Some((e, Span::new(m.start, m.end)));
        }
    }
    best
}

/// The earliest date the text could have been written: the latest start among the
/// congresses and plenums it cites as held (their 精神, or in an account of the past).
pub fn earliest_writing_date(
    context: &crate::context::Context,
) -> Option<(jiff::civil::Date, String)> {
    let knowledge = &*context.knowledge;
    context
        .mentions
        .iter()
        .filter_map(|m| match m.target {
            Target::Event(i) => Some(&knowledge.events[i]),
            _ => None,
        })
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::NationalCongress | EventKind::Plenum | EventKind::ProvincialCongress
            )
        })
        .filter_map(|e| e.start.map(|s| (s.earliest(), e.name.clone())))
        .max_by_key(|(d, _)| *d)
}
