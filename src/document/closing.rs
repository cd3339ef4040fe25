//! The end of a document: the 落款 (signature) and 成文日期 above any attachments, and the
//! 版记 after them (抄送, 印发机关和印发日期), per GB/T 9704-2012 7.3.5 and 7.4. Found by
//! scanning back from the end, after the title block and before the body is built.

use super::elements::{trailing_element, Element};
use super::marker::Marker;
use super::parser::{ends_sentence, is_date, strip_emphasis, MAX_TITLE_CHARS};
use super::vocabulary::Vocabulary;
use super::{Document, LineKind};
use crate::diagnostic::Span;

const MAX_SIGNATURE_CHARS: usize = 40;

/// Marks the 附注 and 版记 lines at the end (after the 成文日期), scanning back; returns
/// the line where they start (the end of what the closing part is looked for in).
pub(super) fn mark_imprint(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
    body_start: usize,
) -> usize {
    let mut limit = doc.lines.len();
    let mut found = Vec::new();
    let mut i = doc.lines.len();
    while i > body_start {
        i -= 1;
        if doc.lines[i].kind == LineKind::Blank {
            continue;
        }
        let content = doc.content(text, i);
        // A Markdown rule (---) between the parts.
        if content.chars().all(|c| c == '-' || c == '—' || c == '_') && content.len() >= 3 {
            continue;
        }
        match trailing_element(content).filter(|_| markers[i].is_none()) {
            Some(element) => {
                found.push((i, element));
                limit = i;
            }
            None => break,
        }
    }
    // Notes in parentheses alone may be the body's last lines; they are 附注 only when a
    // date comes right before them.
    let only_notes = found.iter().all(|&(_, e)| e == Element::Note);
    let before_is_date = (body_start..limit)
        .rev()
        .find(|&j| doc.lines[j].kind != LineKind::Blank)
        .is_some_and(|j| is_date(strip_emphasis(doc.content(text, j))));
    if found.is_empty() || (only_notes && !before_is_date) {
        return doc.lines.len();
    }
    found.reverse();
    for &(line, _) in &found {
        doc.lines[line].kind = LineKind::Imprint;
    }
    doc.imprint = found;
    limit
}

/// In a document without a 成文日期 at its end: a 结束语 line (特此通知), up to two
/// signature lines and a date, followed by the title of another document. Marks them and
/// the issued document's title; returns the line after the date.
pub(super) fn find_closing_before_issued(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
    body_start: usize,
    body_end: usize,
    vocabulary: &Vocabulary,
) -> Option<usize> {
    let nonblank = |doc: &Document, from: usize| {
        (from..body_end).find(|&j| doc.lines[j].kind != LineKind::Blank)
    };
    for closing in body_start..body_end {
        if doc.lines[closing].kind != LineKind::Paragraph
            || markers[closing].is_some()
            || !vocabulary.is_closing(doc.content(text, closing))
        {
            continue;
        }
        let mut signature = Vec::new();
        let mut next = nonblank(doc, closing + 1)?;
        while signature.len() < 2
            && markers[next].is_none()
            && is_signature_like(strip_emphasis(doc.content(text, next)))
            && !is_date(strip_emphasis(doc.content(text, next)))
        {
            signature.push(next);
            next = nonblank(doc, next + 1)?;
        }
        if !is_date(strip_emphasis(doc.content(text, next))) {
            continue;
        }
        let date = next;
        let issued = nonblank(doc, date + 1)?;
        let title = doc.content(text, issued);
        if markers[issued].is_some()
            || ends_sentence(title)
            || title.chars().count() > MAX_TITLE_CHARS
        {
            continue;
        }
        doc.lines[closing].kind = LineKind::Closing;
        doc.closing.push(closing);
        for &s in &signature {
            doc.lines[s].kind = LineKind::Signature;
        }
        doc.signature = signature;
        doc.lines[date].kind = LineKind::Date;
        doc.date = Some(date);
        doc.issued_document = Some(issued);
        return Some(date + 1);
    }
    None
}

/// Finds 结束语, 落款, 成文日期 and 附件 at the end; returns the line where they start.
pub(super) fn find_closing_part(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
    body_start: usize,
    limit: usize,
    vocabulary: &Vocabulary,
) -> usize {
    let mut end = limit;
    // 附件说明: from the first line that starts with 附件 to the end, if it is near the end
    // (an attachment list is short); the closing lines may come before or after it.
    if let Some(at) = (body_start..end).find(|&i| {
        doc.lines[i].kind != LineKind::Blank && vocabulary.is_attachment(doc.content(text, i))
    }) {
        let nonblank_after = (at..end)
            .filter(|&i| doc.lines[i].kind != LineKind::Blank)
            .count();
        if nonblank_after <= 12 {
            let mut tail_end = end;
            // Signature and date may follow the attachment list.
            let mut j = end;
            while j > at {
                j -= 1;
                let line = &doc.lines[j];
                if line.kind == LineKind::Blank {
                    continue;
                }
                let c = strip_emphasis(doc.content(text, j));
                if is_date(c)
                    || (markers[j].is_none()
                        && is_signature_like(c)
                        && !vocabulary.is_attachment(c))
                {
                    continue;
                }
                tail_end = j + 1;
                break;
            }
            for i in at..tail_end {
                if doc.lines[i].kind != LineKind::Blank {
                    doc.lines[i].kind = LineKind::Attachment;
                    doc.attachments.push(i);
                }
            }
            mark_signature_and_date(text, doc, markers, tail_end, end, vocabulary);
            end = at;
        }
    }
    let start = mark_signature_and_date(text, doc, markers, body_start, end, vocabulary);
    // 结束语 lines just before the signature.
    let mut closing_start = start;
    let mut i = start;
    while i > body_start {
        i -= 1;
        if doc.lines[i].kind == LineKind::Blank {
            continue;
        }
        if markers[i].is_none() && vocabulary.is_closing(doc.content(text, i)) {
            doc.lines[i].kind = LineKind::Closing;
            doc.closing.insert(0, i);
            closing_start = i;
        } else {
            break;
        }
    }
    closing_start.min(end)
}

fn is_signature_like(content: &str) -> bool {
    let n = content.chars().count();
    n > 0
        && n <= MAX_SIGNATURE_CHARS
        && !ends_sentence(content)
        && !content.ends_with(['：', ':', '。'])
}

/// Marks the date and the signature lines in `from..to`, scanning back from `to`;
/// returns the first line they occupy (or `to` if there are none).
fn mark_signature_and_date(
    text: &str,
    doc: &mut Document,
    markers: &[Option<(Marker, Option<Span>)>],
    from: usize,
    to: usize,
    vocabulary: &Vocabulary,
) -> usize {
    let mut i = to;
    let mut start = to;
    let mut date_seen = false;
    let mut signature_lines = 0;
    while i > from {
        i -= 1;
        if doc.lines[i].kind == LineKind::Blank {
            continue;
        }
        let content = strip_emphasis(doc.content(text, i));
        if !date_seen && signature_lines == 0 && is_date(content) {
            doc.date = Some(i);
            doc.lines[i].kind = LineKind::Date;
            date_seen = true;
            start = i;
            continue;
        }
        // Without a date, only a short line that names a body counts as a signature
        // (a last short heading-less line of the body is not one).
        let plausible = markers[i].is_none()
            && is_signature_like(content)
            && !vocabulary.is_closing(content)
            && (date_seen || names_an_organisation(content));
        if plausible && signature_lines < 2 {
            doc.lines[i].kind = LineKind::Signature;
            doc.signature.insert(0, i);
            signature_lines += 1;
            start = i;
            continue;
        }
        break;
    }
    start
}

/// Issuing bodies end in one of a small set of words (委员会, 党支部, 人民政府…).
fn names_an_organisation(content: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "委员会",
        "党委",
        "党组",
        "支部",
        "总支",
        "政府",
        "办公室",
        "办公厅",
        "局",
        "厅",
        "部",
        "处",
        "科",
        "中心",
        "公司",
        "街道",
        "镇",
        "乡",
        "村",
        "社区",
        "小组",
        "组",
        "院",
        "所",
        "站",
        "队",
        "会",
        "室",
    ];
    ENDINGS.iter().any(|e| content.ends_with(e))
}
