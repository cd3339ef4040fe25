//! 附件 printed after the 成文日期 (GB/T 9704-2012 8: each 附件 on its own page, “附件1” at
//! the top left, its title below). They are not the document's body: the 落款 and 成文日期
//! are found above them, and the 附件说明 is checked against them.

use std::sync::LazyLock;

use regex::Regex;

use super::elements::{trailing_element, Element};
use super::{Document, LineKind};
use crate::diagnostic::Span;
use crate::numerals;

/// One 附件 attached after the 成文日期.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    /// The line “附件1” (or “附件1：标题” in a copy that joined them).
    pub heading: usize,
    /// Its number, when written (“附件” alone has none).
    pub number: Option<u32>,
    /// Its title: after the colon on the heading line, else the next non-blank line.
    pub title: Option<Span>,
}

/// “附件”, “附件1”, “附件 2”, “附件三”, “附件1：标题” alone on a line.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^附件[ \u{3000}]*(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})?[ \u{3000}]*(?:[：:][ \u{3000}]*(?P<title>\S.{0,79}))?$")
        .expect("the 附件 heading pattern is valid")
});

/// What is taken off both ends of a line before it is read (Markdown bold, spaces).
const TRIMMED: [char; 5] = ['*', ' ', '\u{3000}', '\u{00A0}', '\t'];

/// A 附件说明 item list written after the colon (“附件：1.统计表”) is not a heading.
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{1,2}[.．、]").expect("valid"));

/// The number and the title's byte range within `content`, if `content` is a 附件 heading.
fn heading(content: &str) -> Option<(Option<u32>, Option<std::ops::Range<usize>>)> {
    if !content.starts_with("附件") {
        return None;
    }
    let caps = HEADING.captures(content)?;
    let title = caps.name("title");
    if title.is_some_and(|t| LIST_ITEM.is_match(t.as_str())) {
        return None;
    }
    let number = caps.name("n").and_then(|n| {
        n.as_str()
            .parse()
            .ok()
            .or_else(|| numerals::parse(n.as_str()))
    });
    Some((number, title.map(|t| t.range())))
}

/// Finds the 附件 printed after the 成文日期 in `from..limit` (the heading of the first
/// must follow the date, or the 附注 under it), records them in `doc.annexes`, marks
/// their headings as attachment lines and the notes between date and 附件 as 附注;
/// returns where the document's own closing part must end.
pub(super) fn mark_annexes(
    text: &str,
    doc: &mut Document,
    from: usize,
    limit: usize,
    is_date: impl Fn(&str) -> bool,
) -> usize {
    let content = |doc: &Document, i: usize| doc.content(text, i).trim_matches(TRIMMED);
    let nonblank_before = |doc: &Document, i: usize| {
        (from..i)
            .rev()
            .find(|&j| doc.lines[j].kind != LineKind::Blank)
    };
    let Some((first, notes)) = (from..limit).find_map(|a| {
        if doc.lines[a].kind == LineKind::Blank || heading(content(doc, a)).is_none() {
            return None;
        }
        let mut notes = Vec::new();
        let mut j = a;
        loop {
            j = nonblank_before(doc, j)?;
            let c = content(doc, j);
            if is_date(c) {
                return Some((a, notes));
            }
            if notes.len() < 3 && trailing_element(c) == Some(Element::Note) {
                notes.push(j);
                continue;
            }
            return None;
        }
    }) else {
        return limit;
    };
    let lines: Vec<usize> = (first..limit)
        .filter(|&i| doc.lines[i].kind != LineKind::Blank)
        .collect();
    for (k, &i) in lines.iter().enumerate() {
        let line_content = doc.lines[i].content;
        let c = line_content.slice(text);
        let offset = c.len() - c.trim_start_matches(TRIMMED).len();
        let Some((number, title)) = heading(content(doc, i)) else {
            continue;
        };
        let title = title
            .map(|r| {
                Span::new(
                    line_content.start + offset + r.start,
                    line_content.start + offset + r.end,
                )
            })
            .or_else(|| {
                lines
                    .get(k + 1)
                    .filter(|&&n| heading(content(doc, n)).is_none())
                    .map(|&n| doc.lines[n].content)
            });
        doc.lines[i].kind = LineKind::Attachment;
        doc.annexes.push(Annex {
            heading: i,
            number,
            title,
        });
    }
    let mut start = first;
    for &n in notes.iter().rev() {
        doc.lines[n].kind = LineKind::Imprint;
        doc.imprint.insert(0, (n, Element::Note));
        start = n;
    }
    doc.imprint.sort_by_key(|&(line, _)| line);
    start
}

#[cfg(test)]
mod tests {
    use super::heading;

    #[test]
    fn headings_of_attached_documents() {
        assert_eq!(heading("附件1"), Some((Some(1), None)));
        assert_eq!(heading("附件 2"), Some((Some(2), None)));
        assert_eq!(heading("附件三"), Some((Some(3), None)));
        assert_eq!(heading("附件"), Some((None, None)));
        assert_eq!(
            heading("附件1：平潭县统计表").map(|(n, t)| (n, t.is_some())),
            Some((Some(1), true))
        );
        // The 附件说明 is not a heading, nor is a sentence about the 附件.
        assert_eq!(heading("附件：1.统计表"), None);
        assert_eq!(heading("附件1、2由各村填报后报镇政府。"), None);
        assert_eq!(heading("附件中的数据截至2023年底"), None);
    }
}
