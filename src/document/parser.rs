//! Text → `Document`. The only module that uses pest: the grammar classifies the head of
//! each line; this module builds the title block, the section tree and the closing part.

use pest::iterators::Pair;
use pest::Parser as _;
use pest_derive::Parser;

use super::closing::{find_closing_before_issued, find_closing_part, mark_imprint};
use super::elements::masthead_element;
use super::enumeration::find_items;
use super::marker::{parse_arabic, Marker, MarkerStyle};
use super::vocabulary::Vocabulary;
use super::{Document, Heading, Line, LineKind, Section};
use crate::diagnostic::Span;
use crate::numerals;

#[derive(Parser)]
#[grammar = "../grammar/report.pest"]
struct ReportGrammar;

/// A title or signature line is short; longer lines are body text.
pub(super) const MAX_TITLE_CHARS: usize = 60;
const MAX_SALUTATION_CHARS: usize = 50;
/// How many short lines after the title still belong to the title block.
const MAX_TITLE_BLOCK_LINES: usize = 4;

/// Parses a document. Never fails: an unrecognised line is a paragraph.
pub fn parse(text: &str) -> Document {
    let vocabulary = Vocabulary::embedded();
    let mut doc = Document::default();
    let spans = line_spans(text);
    // Sized once: grown by doubling, a large document's lines were copied into fresh
    // memory at every step.
    doc.lines.reserve_exact(spans.len());
    let mut markers: Vec<Option<(Marker, Option<Span>)>> = Vec::with_capacity(spans.len());
    for span in spans {
        let (line, marker) = classify_head(text, span);
        doc.lines.push(line);
        markers.push(marker);
    }
    let first = mark_masthead(text, &mut doc, &markers);
    let body_start = first.map_or(doc.lines.len(), |first| {
        find_title_block(text, &mut doc, &markers, first)
    });
    let limit = mark_imprint(text, &mut doc, &markers, body_start);
    let limit = super::annexes::mark_annexes(text, &mut doc, body_start, limit, is_date);
    let mut body_end = find_closing_part(text, &mut doc, &markers, body_start, limit, vocabulary);
    if doc.date.is_none() {
        // A 印发通知 followed by the document it issues: its 落款 and 成文日期 are in the
        // middle; the issued document stays in the body.
        if let Some(end) =
            find_closing_before_issued(text, &mut doc, &markers, body_start, body_end, vocabulary)
        {
            body_end = body_end.max(end);
        }
    }
    build_body(text, &mut doc, &markers, body_start, body_end);
    doc
}

/// Marks the 版头 lines at the top (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人);
/// returns the first other non-blank line, where the title may start.
fn mark_masthead(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
) -> Option<usize> {
    let mut i = 0;
    while i < doc.lines.len() {
        if doc.lines[i].kind == LineKind::Blank {
            i += 1;
            continue;
        }
        match masthead_element(doc.content(text, i)).filter(|_| markers[i].is_none()) {
            Some(element) => {
                doc.lines[i].kind = LineKind::Masthead;
                doc.masthead.push((i, element));
                i += 1;
            }
            None => return Some(i),
        }
    }
    None
}

/// Splits the text into lines (spans without their `\n`, `\r\n` or `\r`).
fn line_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    let mut iter = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
    while let Some(pos) = iter.next() {
        if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
            iter.next();
        }
        spans.push(Span::new(start, pos));
        start = if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    if start < text.len() || spans.is_empty() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// Reads indentation, Markdown prefix and marker at the head of one line.
fn classify_head(text: &str, span: Span) -> (Line, Option<(Marker, Option<Span>)>) {
    classify_head_with(text, span, true)
}

/// True when the line after its indentation may have a head for the grammar: a Markdown
/// prefix, `**`/`__` or a numbering marker. A line starting with anything else has none;
/// nor has one starting with a number (一是, 2024年) unless what follows the number as the
/// grammar reads it (one to three Chinese digits, one or two digits, greedily) is what a
/// marker has there: most such paragraphs are passed over without running the grammar.
fn may_have_head(after_indent: &str) -> bool {
    let Some(first) = after_indent.chars().next() else {
        return false;
    };
    // The character after the first `most` digits or fewer (none at the end of the line).
    let after_number = |is_digit: fn(char) -> bool, most: usize| {
        let mut count = 0;
        after_indent.chars().find(|&c| {
            let digit = count < most && is_digit(c);
            count += 1;
            !digit
        })
    };
    let is_hanzi_digit = |c: char| "一二三四五六七八九十〇零".contains(c);
    if is_hanzi_digit(first) {
        after_number(is_hanzi_digit, 3).is_some_and(|c| matches!(c, '、' | '.' | '．' | '，' | ','))
    } else if first.is_ascii_digit() {
        after_number(|c| c.is_ascii_digit(), 2)
            .is_some_and(|c| matches!(c, '.' | '、' | '．' | '，' | ',' | '）' | ')'))
    } else if ('０'..='９').contains(&first) {
        after_number(|c| ('０'..='９').contains(&c), 2)
            .is_some_and(|c| matches!(c, '.' | '．' | '、'))
    } else {
        matches!(first, '#' | '*' | '_' | '-' | '+' | '（' | '(' | '①'..='⑳')
    }
}

/// `fast`: skip the grammar when the first character after the indentation cannot start
/// a head (most paragraphs), with the same result as running it (`indent` is maximal).
fn classify_head_with(
    text: &str,
    span: Span,
    fast: bool,
) -> (Line, Option<(Marker, Option<Span>)>) {
    let raw = span.slice(text);
    let mut line = Line {
        span,
        indent: None,
        md_prefix: None,
        content: span,
        kind: LineKind::Paragraph,
    };
    if raw.chars().all(is_blank) {
        line.kind = LineKind::Blank;
        line.indent = (!raw.is_empty()).then_some(span);
        return (line, None);
    }
    let mut marker = None;
    let mut content_start = span.start;
    let after_indent = raw.trim_start_matches([' ', '\t', '\u{3000}', '\u{a0}']);
    if fast && !may_have_head(after_indent) {
        let indent_len = raw.len() - after_indent.len();
        if indent_len > 0 {
            line.indent = Some(Span::new(span.start, span.start + indent_len));
            content_start = span.start + indent_len;
        }
    }
    // `line_head` cannot fail (every part is optional); treat a failure as "no head".
    else if let Ok(mut pairs) = ReportGrammar::parse(Rule::line_head, raw) {
        if let Some(head) = pairs.next() {
            let mut gap = None;
            let mut found = None;
            for pair in head.into_inner() {
                let at = Span::new(
                    span.start + pair.as_span().start(),
                    span.start + pair.as_span().end(),
                );
                match pair.as_rule() {
                    Rule::indent => line.indent = Some(at),
                    Rule::md_prefix => line.md_prefix = Some(at),
                    Rule::marker_gap => gap = Some(at),
                    Rule::md_strong => {}
                    _ => found = lower_marker(&pair, at),
                }
            }
            match found {
                Some(m) => {
                    content_start = m.span.start;
                    marker = Some((m, gap));
                }
                None => {
                    // A marker that did not lower (e.g. "一二、") is ordinary text.
                    content_start = line.md_prefix.or(line.indent).map_or(span.start, |s| s.end);
                }
            }
        }
    }
    line.content = Span::new(
        content_start,
        trim_end_blank(text, Span::new(content_start, span.end)),
    );
    (line, marker)
}

fn lower_marker(pair: &Pair<'_, Rule>, at: Span) -> Option<Marker> {
    let style = match pair.as_rule() {
        Rule::l1_dunhao => MarkerStyle::HanziDunhao,
        Rule::l1_dot => MarkerStyle::HanziDot,
        Rule::l1_wide_dot => MarkerStyle::HanziWideDot,
        Rule::l1_comma => MarkerStyle::HanziComma,
        Rule::l2_wide_paren => MarkerStyle::HanziWideParen,
        Rule::l2_ascii_paren => MarkerStyle::HanziAsciiParen,
        Rule::l2_mixed_paren => MarkerStyle::HanziMixedParen,
        Rule::l3_dot => MarkerStyle::ArabicDot,
        Rule::l3_dunhao => MarkerStyle::ArabicDunhao,
        Rule::l3_wide_dot => MarkerStyle::ArabicWideDot,
        Rule::l3_comma => MarkerStyle::ArabicComma,
        Rule::l3_wide_digit => MarkerStyle::WideDigit,
        Rule::l4_wide_paren => MarkerStyle::ArabicWideParen,
        Rule::l4_ascii_paren => MarkerStyle::ArabicAsciiParen,
        Rule::l4_mixed_paren => MarkerStyle::ArabicMixedParen,
        Rule::l4_close_only => MarkerStyle::ArabicCloseParen,
        Rule::l5_circled => MarkerStyle::Circled,
        _ => return None,
    };
    let value = if style == MarkerStyle::Circled {
        pair.as_str().chars().next().map(|c| c as u32 - 0x2460 + 1)
    } else {
        let number = pair.clone().into_inner().next()?;
        match number.as_rule() {
            Rule::hanzi_number => numerals::parse(number.as_str()),
            _ => parse_arabic(number.as_str()),
        }
    }?;
    (value > 0).then_some(Marker {
        style,
        value,
        span: at,
    })
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{feff}')
}

fn trim_end_blank(text: &str, span: Span) -> usize {
    let trimmed = span.slice(text).trim_end_matches(is_blank);
    span.start + trimmed.len()
}

/// True when `content` ends like a sentence rather than a title or a name.
pub(super) fn ends_sentence(content: &str) -> bool {
    content.ends_with(['。', '；', '，', '！', '？', ';', ',', '!', '?'])
}

fn is_salutation(content: &str) -> bool {
    (content.ends_with('：') || content.ends_with(':'))
        && content.chars().count() <= MAX_SALUTATION_CHARS
}

pub(super) fn is_date(content: &str) -> bool {
    ReportGrammar::parse(Rule::date_line, content).is_ok()
}

/// Strips Markdown emphasis (`**落款**`) that some drafts carry.
pub(super) fn strip_emphasis(content: &str) -> &str {
    content.trim_matches('*').trim_matches(is_blank)
}

/// Marks the title block and the salutation; returns the first line of the body.
fn find_title_block(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
    first: usize,
) -> usize {
    let mut next = first;
    let content = doc.content(text, first);
    let vocabulary = Vocabulary::embedded();
    let title_like = |c: &str| {
        c.chars().count() <= MAX_TITLE_CHARS
            && (!ends_sentence(c) || vocabulary.is_title_with_full_stop(c))
            && !is_salutation(c)
            && !is_date(c)
    };
    if markers[first].is_none() && title_like(content) {
        doc.title = Some(first);
        doc.lines[first].kind = LineKind::Title;
        next = first + 1;
        let mut taken = 0;
        let mut i = next;
        while i < doc.lines.len() && taken < MAX_TITLE_BLOCK_LINES {
            if doc.lines[i].kind == LineKind::Blank {
                i += 1;
                continue;
            }
            let c = doc.content(text, i);
            if markers[i].is_some() || !title_like(c) || !looks_like_title_block_line(text, doc, i)
            {
                break;
            }
            doc.lines[i].kind = LineKind::Title;
            taken += 1;
            i += 1;
            next = i;
        }
    }
    // The salutation is the first non-blank line after the title block.
    let mut i = next;
    while i < doc.lines.len() && doc.lines[i].kind == LineKind::Blank {
        i += 1;
    }
    if i < doc.lines.len() && markers[i].is_none() && is_salutation(doc.content(text, i)) {
        doc.salutation = Some(i);
        doc.lines[i].kind = LineKind::Salutation;
        next = i + 1;
    }
    next
}

/// A short line right after the title belongs to the title block only when the body has
/// not started yet: the next non-blank line is another short line, a salutation, a
/// heading or a paragraph (not the end of the document).
fn looks_like_title_block_line(text: &str, doc: &Document, i: usize) -> bool {
    let c = doc.content(text, i);
    // A subtitle ("——在…会议上"), an author line, a repeated title: all short, no sentence end.
    !c.is_empty() && doc.lines[i + 1..].iter().any(|l| l.kind != LineKind::Blank)
}

/// Builds the section tree from the body lines `start..end`.
fn build_body(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
    start: usize,
    end: usize,
) {
    // 1. Headings, in order.
    for (i, found) in markers.iter().enumerate().take(end).skip(start) {
        if doc.lines[i].kind != LineKind::Paragraph {
            continue;
        }
        if let Some((marker, gap)) = found {
            let after = gap.map_or(marker.span.end, |g| g.end);
            let rest = Span::new(
                after.min(doc.lines[i].content.end),
                doc.lines[i].content.end,
            );
            let (title, run_in) = split_title(text, rest);
            doc.lines[i].kind = LineKind::Heading(doc.headings.len());
            doc.headings.push(Heading {
                line: i,
                marker: marker.clone(),
                gap: *gap,
                title,
                run_in,
                inverted: false,
            });
        }
    }
    mark_inversions(&mut doc.headings);

    // 2. The tree, with a stack of open sections. Effective levels are doubled so that an
    //    inverted heading can sit between its parent's level and the next one.
    let mut roots: Vec<Section> = Vec::new();
    let mut stack: Vec<(u8, Section)> = Vec::new();
    let close = |stack: &mut Vec<(u8, Section)>, roots: &mut Vec<Section>| {
        if let Some((_, section)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(section),
                None => roots.push(section),
            }
        }
    };
    for i in start..end {
        match doc.lines[i].kind {
            LineKind::Heading(h) => {
                let heading = &doc.headings[h];
                let effective = if heading.inverted {
                    stack
                        .last()
                        .map_or(heading.marker.level().depth() * 2, |(e, _)| e + 1)
                } else {
                    heading.marker.level().depth() * 2
                };
                while stack.last().is_some_and(|(e, _)| *e >= effective) {
                    close(&mut stack, &mut roots);
                }
                // The whole heading text: an enumeration may start in the title itself
                // ("（3）创新学习方式：一是…").
                let mut enumeration = Vec::new();
                let whole = Span::new(
                    heading.title.start,
                    heading.run_in.map_or(heading.title.end, |r| r.end),
                );
                find_items(whole.slice(text), whole.start, &mut enumeration);
                let section = Section {
                    heading: h,
                    paragraphs: Vec::new(),
                    children: Vec::new(),
                    enumeration,
                    span: doc.lines[i].span,
                };
                stack.push((effective, section));
            }
            LineKind::Paragraph => {
                let content = doc.lines[i].content;
                match stack.last_mut() {
                    Some((_, section)) => {
                        section.paragraphs.push(i);
                        find_items(content.slice(text), content.start, &mut section.enumeration);
                    }
                    None => {
                        doc.preamble.push(i);
                        find_items(
                            content.slice(text),
                            content.start,
                            &mut doc.preamble_enumeration,
                        );
                    }
                }
            }
            _ => {}
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    fn set_spans(sections: &mut [Section], doc: &Document) {
        for s in sections {
            set_spans(&mut s.children, doc);
            let last_para = s.paragraphs.last().map(|&p| doc.lines[p].span.end);
            let last_child = s.children.last().map(|c| c.span.end);
            let end = last_para
                .into_iter()
                .chain(last_child)
                .max()
                .unwrap_or(s.span.end);
            s.span.end = s.span.end.max(end);
        }
    }
    set_spans(&mut roots, doc);
    doc.sections = roots;
}

/// Splits a heading's text after the marker into title and run-in body: the title runs
/// to the first sentence end when more text follows it on the line.
fn split_title(text: &str, rest: Span) -> (Span, Option<Span>) {
    let s = rest.slice(text);
    // "**1. 党委层面**": the closing emphasis is not part of the title.
    let rest = Span::new(
        rest.start,
        rest.start + s.trim_end_matches(['*', '_']).len(),
    );
    let s = rest.slice(text);
    if let Some((pos, c)) = s
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？'))
    {
        let cut = pos + c.len_utf8();
        if cut < s.len() {
            let body = s[cut..].trim_start_matches(is_blank);
            let body_start = rest.start + (s.len() - body.len());
            return (
                Span::new(rest.start, rest.start + cut),
                Some(Span::new(body_start, rest.end)),
            );
        }
    }
    (rest, None)
}

/// A heading whose level interrupts a run of deeper headings ("（一）… 一、… （二）") is
/// marked inverted: it does not continue its own level's numbering, and the deeper run
/// resumes right after it.
fn mark_inversions(headings: &mut [Heading]) {
    for i in 1..headings.len() {
        let level = headings[i].marker.level();
        let prev = &headings[i - 1];
        let deeper = prev.marker.level();
        if deeper <= level {
            continue;
        }
        let own_prev = headings[..i]
            .iter()
            .rev()
            .find(|h| h.marker.level() == level && !h.inverted);
        let continues_own = own_prev.map_or(headings[i].marker.value == 1, |p| {
            headings[i].marker.value == p.marker.value + 1
        });
        if continues_own {
            continue;
        }
        let last_deeper_value = prev.marker.value;
        let resumes = headings[i + 1..]
            .iter()
            .find(|h| h.marker.level() <= deeper)
            .is_some_and(|h| h.marker.level() == deeper && h.marker.value == last_deeper_value + 1);
        if resumes {
            headings[i].inverted = true;
        }
    }
}

/// Parses a 成文日期 line into (year, month, day), if it is one in any form.
pub fn parse_date(content: &str) -> Option<DateParts> {
    let pair = ReportGrammar::parse(Rule::date_line, strip_emphasis(content))
        .ok()?
        .next()?;
    let form = pair.into_inner().find(|p| {
        matches!(
            p.as_rule(),
            Rule::date_ymd_arabic | Rule::date_ymd_hanzi | Rule::date_numeric
        )
    })?;
    let rule = form.as_rule();
    let parts: Vec<&str> = form.clone().into_inner().map(|p| p.as_str()).collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            parse_arabic(p)
                .or_else(|| numerals::parse_digits(p, 4))
                .or_else(|| numerals::parse(p))
        })
        .collect();
    let numbers = numbers?;
    let (year, month, day) = (*numbers.first()?, *numbers.get(1)?, *numbers.get(2)?);
    let text = form.as_str();
    let standard = rule == Rule::date_ymd_arabic
        && text.ends_with('日')
        && !text.contains(char::is_whitespace)
        && !parts.iter().skip(1).any(|p| p.starts_with('0'));
    Some(DateParts {
        year,
        month,
        day,
        standard,
        written: text.to_string(),
    })
}

/// The parts of a 成文日期 as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParts {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    /// Already in the GB/T 9704-2012 form "2023年3月15日".
    pub standard: bool,
    /// The date as written in the document.
    pub written: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_classifies_lines_as_the_grammar_does() {
        let seed = include_str!("../../tests/fixtures/documents/self-inspection-report.txt");
        let heads = [
            "",
            " ",
            "\t",
            "\u{3000}\u{3000}",
            "\u{a0}",
            "# ",
            "## ",
            "**",
            "__",
            "*",
            "_",
        ];
        let bodies = [
            "一、总体情况",
            "（一）学习",
            "(二)",
            "1.2亿元",
            "1、",
            "１.",
            "①",
            "⑳项",
            "十二、",
            "〇",
            "零",
            "2023年",
            "#标签",
            "甲乙",
            "“引号”",
            "（",
            "(",
            "A.",
            "Ⅰ、",
            "　",
            "一是",
            "一二三四、",
            "十一、",
            "九十九，",
            "一.5",
            "一．",
            "二〇二四年",
            "12.",
            "123.",
            "12）",
            "1)",
            "1，2",
            "2024年",
            "１２、",
            "１２３.",
            "１",
            "1",
        ];
        let mut lines: Vec<String> = seed.lines().map(String::from).collect();
        for h in heads {
            for b in bodies {
                lines.push(format!("{h}{b}"));
                lines.push(format!("{h}{h}{b}"));
            }
        }
        for line in &lines {
            let span = Span::new(0, line.len());
            assert_eq!(
                classify_head_with(line, span, true),
                classify_head_with(line, span, false),
                "{line:?}"
            );
        }
    }
}
