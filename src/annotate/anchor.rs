//! Comment ranges in the main part: each finding's span becomes a
//! `w:commentRangeStart` before its first character and a `w:commentRangeEnd` plus a
//! reference run after its last, placed through the body's trace
//! (`source::docx::extract_traced`). A marker inside a run splits it: the run (and the
//! `w:t`) is closed, the marker written, and a run with the same properties reopened,
//! so the text and its formatting stay exactly as they were.

use std::ops::Range;

use crate::source::docx::{BodyTrace, PieceKind, TracedParagraph};

/// Where a marker goes in the main part.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Site {
    at: usize,
    /// Inside a run: the run to close and reopen, and the `w:t` start tag when the
    /// site is inside its character data.
    split: Option<(usize, Option<Range<usize>>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bias {
    /// The site before the character at the offset.
    Start,
    /// The site after the character before the offset.
    End,
}

/// A comment to anchor: its id and its span in the extracted text.
pub(super) struct Anchor {
    pub id: u32,
    pub span: Range<usize>,
}

/// The main part with the comment markers inserted. Returns the ids that could not be
/// anchored (their spans are outside the body's top-level paragraphs).
pub(super) fn insert_markers(
    xml: &str,
    trace: &BodyTrace,
    anchors: &[Anchor],
) -> (String, Vec<u32>) {
    let prefix = prefix_of(xml, trace);
    let mut edits: Vec<(usize, usize, u8, String)> = Vec::new();
    let mut grouped: Vec<(Site, u8, u32, bool)> = Vec::new();
    let mut unplaced = Vec::new();
    for anchor in anchors {
        let start = site(xml, trace, anchor.span.start, Bias::Start);
        let end = if anchor.span.is_empty() {
            start.clone()
        } else {
            site(xml, trace, anchor.span.end, Bias::End)
        };
        let (Some(start), Some(end)) = (start, end) else {
            unplaced.push(anchor.id);
            continue;
        };
        // A span over text with no XML of its own (a numbering label) can map its end
        // before its start: the comment then marks the place.
        let end = if end.at < start.at {
            start.clone()
        } else {
            end
        };
        let same = end.at == start.at;
        grouped.push((start, 1, anchor.id, true));
        grouped.push((end, if same { 2 } else { 0 }, anchor.id, false));
    }
    // One edit per site: markers in order (ends of earlier comments, starts, ends of
    // comments that start here), inside one split of the run if the site is in one.
    grouped.sort_by_key(|a| (a.0.at, a.1, a.2));
    let mut i = 0;
    let mut retagged: Vec<Range<usize>> = Vec::new();
    while i < grouped.len() {
        let site = grouped[i].0.clone();
        let mut markers = String::new();
        while i < grouped.len() && grouped[i].0.at == site.at {
            let (_, _, id, is_start) = &grouped[i];
            if *is_start {
                markers.push_str(&format!("<{prefix}commentRangeStart {prefix}id=\"{id}\"/>"));
            } else {
                markers.push_str(&format!(
                    "<{prefix}commentRangeEnd {prefix}id=\"{id}\"/><{prefix}r><{prefix}commentReference {prefix}id=\"{id}\"/></{prefix}r>"
                ));
            }
            i += 1;
        }
        let text = match &site.split {
            None => markers,
            Some((run, text_tag)) => {
                let run = &trace.runs[*run];
                let open = &xml[run.open_tag.clone()];
                let run_name = tag_name(open);
                let properties = run.properties.clone().map_or("", |p| &xml[p]);
                match text_tag {
                    None => format!("</{run_name}>{markers}{open}{properties}"),
                    Some(tag) => {
                        let t_name = tag_name(&xml[tag.clone()]);
                        if !retagged.contains(tag) {
                            retagged.push(tag.clone());
                            if let Some(preserving) = preserving_tag(&xml[tag.clone()]) {
                                edits.push((tag.start, tag.end, 0, preserving));
                            }
                        }
                        format!(
                            "</{t_name}></{run_name}>{markers}{open}{properties}<{t_name} xml:space=\"preserve\">"
                        )
                    }
                }
            }
        };
        edits.push((site.at, site.at, 1, text));
    }
    edits.sort_by_key(|a| (a.0, a.1, a.2));
    let mut out = String::with_capacity(xml.len() + edits.iter().map(|e| e.3.len()).sum::<usize>());
    let mut from = 0;
    for (start, end, _, text) in edits {
        out.push_str(&xml[from..start]);
        out.push_str(&text);
        from = end;
    }
    out.push_str(&xml[from..]);
    (out, unplaced)
}

/// The main namespace's prefix as the document writes it (`w:`), from a paragraph tag.
fn prefix_of(xml: &str, trace: &BodyTrace) -> String {
    trace
        .paragraphs
        .first()
        .and_then(|p| {
            let name = tag_name(&xml[p.xml_start..]);
            name.rfind(':').map(|colon| name[..=colon].to_string())
        })
        .unwrap_or_default()
}

/// `w:t` of `<w:t xml:space="preserve">`.
fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<');
    let end = name
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(name.len());
    &name[..end]
}

/// The `w:t` start tag with `xml:space="preserve"`, if it lacks it (a split must not
/// lose a space at the cut).
fn preserving_tag(tag: &str) -> Option<String> {
    if tag.contains("xml:space") {
        return None;
    }
    let name = tag_name(tag);
    let rest = &tag[1 + name.len()..];
    Some(format!("<{name} xml:space=\"preserve\"{rest}"))
}

/// The site for a text offset, or `None` when the offset is not in a top-level body
/// paragraph that can hold markers.
fn site(xml: &str, trace: &BodyTrace, offset: usize, bias: Bias) -> Option<Site> {
    let paragraphs = &trace.paragraphs;
    let last = paragraphs.len().checked_sub(1)?;
    let found = paragraphs
        .partition_point(|p| p.text.start <= offset)
        .checked_sub(1)?;
    let offset = if offset > paragraphs[found].text.end {
        // After the last line's `\n` (the end of the body): the last paragraph's end.
        if found != last {
            return None;
        }
        paragraphs[last].text.end
    } else {
        offset
    };
    let paragraph = &paragraphs[found];
    if paragraph.nested {
        return None;
    }
    if paragraph.end_tag.is_none() {
        // `<w:p/>` holds nothing: the next paragraph's start, or the previous one's end.
        let neighbour = match bias {
            Bias::Start => paragraphs[found + 1..].iter().find(|p| hosts(p)),
            Bias::End => paragraphs[..found].iter().rev().find(|p| hosts(p)),
        }?;
        let at = match bias {
            Bias::Start => neighbour.content_start,
            Bias::End => neighbour.end_tag?,
        };
        return Some(Site { at, split: None });
    }
    Some(site_in(xml, trace, paragraph, offset, bias))
}

fn hosts(p: &TracedParagraph) -> bool {
    !p.nested && p.end_tag.is_some()
}

fn site_in(
    xml: &str,
    trace: &BodyTrace,
    paragraph: &TracedParagraph,
    offset: usize,
    bias: Bias,
) -> Site {
    let pieces = &trace.pieces[paragraph.pieces.clone()];
    let between = |at| Site { at, split: None };
    let end_tag = paragraph.end_tag.unwrap_or(paragraph.content_start);
    let index = match bias {
        Bias::Start => pieces.iter().position(|p| p.text.end > offset),
        Bias::End => pieces.iter().rposition(|p| p.text.start < offset),
    };
    let Some(index) = index else {
        return match bias {
            Bias::Start => between(end_tag),
            Bias::End => between(paragraph.content_start),
        };
    };
    let piece = &pieces[index];
    // The offset inside the piece, or at the edge it is nearest to.
    let offset = offset.clamp(piece.text.start, piece.text.end);
    let Some(run) = piece.run else {
        return match bias {
            Bias::Start => between(paragraph.content_start),
            Bias::End => between(end_tag),
        };
    };
    let same_run = |i: Option<usize>| {
        i.and_then(|i| pieces.get(i))
            .is_some_and(|p| p.run == Some(run))
    };
    if offset == piece.text.start && !same_run(index.checked_sub(1)) {
        return between(trace.runs[run].open_tag.start);
    }
    if offset == piece.text.end && !same_run(Some(index + 1)) {
        return between(trace.runs[run].end);
    }
    let at = match piece.kind {
        PieceKind::Chars => {
            piece.xml.start + raw_offset(&xml[piece.xml.clone()], offset - piece.text.start)
        }
        PieceKind::InText | PieceKind::Element => {
            if offset == piece.text.start {
                piece.xml.start
            } else {
                piece.xml.end
            }
        }
    };
    let text_tag = match piece.kind {
        PieceKind::Element => None,
        PieceKind::Chars | PieceKind::InText => piece.text_tag.clone(),
    };
    Site {
        at,
        split: Some((run, text_tag)),
    }
}

/// The byte offset in raw character data that `text_bytes` bytes of its text reach:
/// characters map one to one except that `\r\n` in the XML is one character of text.
fn raw_offset(raw: &str, text_bytes: usize) -> usize {
    let mut text = 0;
    let mut chars = raw.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if text >= text_bytes {
            return at;
        }
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
        }
        // `\r`, `\n` and `\r\n` each became one space (one byte) in the text.
        text += if matches!(c, '\r' | '\n') {
            1
        } else {
            c.len_utf8()
        };
    }
    raw.len()
}
