//! One file's text as HTML: a `<p>` per line (numbered by a CSS counter), each finding's span
//! highlighted by a `<mark>` per stretch of text it covers, and a numbered reference
//! after the span that links to the finding in the list.
//!
//! Findings may overlap or cross each other and line ends. The marks are kept as a
//! stack in the order (start, longest first): at each position where a finding starts
//! or ends, the marks above the first one that changes are closed and the new ones
//! opened, so the HTML nests properly and each mark carries one finding's family and
//! severity (the filters hide highlights by those classes). Linear in the text plus the
//! findings times the number that overlap at one place.

use std::fmt::Write as _;

use super::{escape_attr, escape_text, Finding};

/// Writes the lines of `text` into `out`. `ids` is the file's id prefix (`f3`);
/// `findings` are sorted by start and clamped to the text on char boundaries;
/// `parts_at` is where a Word file's body ends (headers, footers and notes follow),
/// marked by a separator.
pub(super) fn write(
    out: &mut String,
    text: &str,
    ids: &str,
    findings: &[Finding<'_>],
    parts_at: Option<usize>,
) {
    let mut writer = Writer {
        out,
        ids,
        findings,
        open: Vec::new(),
        active: Vec::new(),
        state: vec![State::Pending; findings.len()],
    };
    let mut starts: Vec<usize> = (0..findings.len()).collect();
    starts.sort_by_key(|&i| (findings[i].start, std::cmp::Reverse(findings[i].end), i));
    let mut ends: Vec<usize> = (0..findings.len()).collect();
    ends.sort_by_key(|&i| (findings[i].end, i));
    let (mut next_start, mut next_end) = (0, 0);
    let mut ended = Vec::new();

    let bytes = text.as_bytes();
    let mut line_start = 0;
    loop {
        let (content_end, next_line) = match memchr::memchr2(b'\n', b'\r', &bytes[line_start..]) {
            Some(at) => {
                let at = line_start + at;
                let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
                (at, Some(at + if crlf { 2 } else { 1 }))
            }
            None => (text.len(), None),
        };
        if parts_at == Some(line_start) && line_start > 0 {
            writer
                .out
                .push_str("<div class=\"part\">页眉、页脚和注释</div>\n");
        }
        // One `<p>` per line; the line numbers are a CSS counter (1,000 reports have
        // ~140,000 lines: every byte per line counts when the browser opens the page).
        writer.out.push_str("<p>");
        let mut at = line_start;
        loop {
            // What ends on the line terminator is shown at the end of the line.
            let ends_by = if at == content_end {
                next_line.unwrap_or(content_end)
            } else {
                at
            };
            while let Some(&i) = ends.get(next_end).filter(|&&i| findings[i].end <= ends_by) {
                if writer.state[i] != State::Done {
                    writer.active.retain(|&a| a != i);
                    ended.push(i);
                }
                next_end += 1;
            }
            writer.sync();
            for i in ended.drain(..) {
                writer.reference(i);
            }
            while let Some(&i) = starts.get(next_start).filter(|&&i| findings[i].start <= at) {
                if writer.state[i] == State::Pending {
                    writer.state[i] = State::Active;
                    writer.active.push(i);
                }
                next_start += 1;
            }
            writer.sync();
            if at == content_end {
                break;
            }
            let next_event = [
                starts.get(next_start).map(|&i| findings[i].start),
                ends.get(next_end).map(|&i| findings[i].end),
            ]
            .into_iter()
            .flatten()
            .fold(content_end, usize::min);
            // Every start and end up to `at` is applied, so `next_event > at`; it is a
            // finding's boundary (a char boundary, see `Finding::new`) or the line's end.
            let stop = next_event.min(content_end);
            write_plain(writer.out, &text[at..stop]);
            at = stop;
        }
        writer.close_all();
        writer.out.push_str("</p>\n");
        match next_line {
            // A final line end starts no line of its own (as in an editor's count of
            // lines with text); whatever stands there was written above.
            Some(next) if next < text.len() => {
                line_start = next;
            }
            _ => break,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Pending,
    /// Its span covers the current position; `anchored` once a mark carries its id.
    Active,
    Anchored,
    Done,
}

struct Writer<'a, 'f> {
    out: &'a mut String,
    ids: &'a str,
    findings: &'a [Finding<'f>],
    /// Marks open in the HTML, outermost first.
    open: Vec<usize>,
    /// Findings whose span covers the current position.
    active: Vec<usize>,
    state: Vec<State>,
}

impl Writer<'_, '_> {
    /// Makes the open marks those of the active findings, in (start, longest first)
    /// order: closes the open marks from the first that differs and opens the rest.
    fn sync(&mut self) {
        let findings = self.findings;
        self.active
            .sort_by_key(|&i| (findings[i].start, std::cmp::Reverse(findings[i].end), i));
        let common = self
            .open
            .iter()
            .zip(&self.active)
            .take_while(|(a, b)| a == b)
            .count();
        for _ in common..self.open.len() {
            self.out.push_str("</mark>");
        }
        self.open.truncate(common);
        for k in common..self.active.len() {
            let i = self.active[k];
            self.open_mark(i);
            self.open.push(i);
        }
    }

    fn close_all(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("</mark>");
        }
        self.open.clear();
    }

    /// A mark for finding `i`; its first mark carries the id the list links to.
    fn open_mark(&mut self, i: usize) {
        let d = self.findings[i].diagnostic;
        let ids = self.ids;
        let n = i + 1;
        let _ = write!(
            self.out,
            "<mark class=\"s-{} f-{}\" data-d=\"{ids}-d{n}\"",
            d.severity.as_str(),
            d.family.as_str()
        );
        if self.state[i] == State::Active {
            self.state[i] = State::Anchored;
            let _ = write!(self.out, " id=\"{ids}-t{n}\"");
        }
        self.out.push_str(" title=\"");
        escape_attr(self.out, d.code);
        self.out.push(' ');
        escape_attr(self.out, &d.message);
        self.out.push_str("\">");
    }

    /// The numbered link to finding `i` in the list, written after its span. A finding
    /// without a mark (an empty span, or one that covers only a line end) is shown by
    /// a caret, and its reference is the anchor the list links to.
    fn reference(&mut self, i: usize) {
        let d = self.findings[i].diagnostic;
        let ids = self.ids;
        let n = i + 1;
        let unmarked = self.state[i] != State::Anchored;
        self.state[i] = State::Done;
        let _ = write!(
            self.out,
            "<a class=\"r s-{} f-{}{}\" href=\"#{ids}-d{n}\"",
            d.severity.as_str(),
            d.family.as_str(),
            if unmarked { " pt" } else { "" }
        );
        if unmarked {
            let _ = write!(self.out, " id=\"{ids}-t{n}\" title=\"");
            escape_attr(self.out, d.code);
            self.out.push(' ');
            escape_attr(self.out, &d.message);
            self.out.push('"');
        }
        let caret = if unmarked { "‸" } else { "" };
        let _ = write!(self.out, " aria-label=\"问题 {n}\">{caret}{n}</a>");
    }
}

/// Text of the document, escaped; a Word line break (U+2028) becomes `<br>`, and
/// characters that would be invisible or break the page are shown by their code point
/// (a finding about an invisible character must have something to highlight).
fn write_plain(out: &mut String, text: &str) {
    let mut from = 0;
    for (at, c) in text.char_indices() {
        let shown = match c {
            '\u{2028}' => Some(None),
            '\t' => None,
            c if is_invisible(c) => Some(Some(c)),
            _ => None,
        };
        if let Some(replacement) = shown {
            escape_text(out, &text[from..at]);
            match replacement {
                None => out.push_str("<br>"),
                Some(c) => {
                    let _ = write!(out, "<span class=\"cc\">U+{:04X}</span>", u32::from(c));
                }
            }
            from = at + c.len_utf8();
        }
    }
    escape_text(out, &text[from..]);
}

/// Control and format characters a reader cannot see (tab excepted).
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}
