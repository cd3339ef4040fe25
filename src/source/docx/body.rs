//! The paragraphs of one story (body, header, footer, notes), one line each.

use std::ops::Range;

use quick_xml::events::{BytesStart, Event};

use super::labels::{Counters, Resolver};
use super::trace::{ParagraphTrace, PieceKind, Recorder};
use super::walk::{Step, Walk};
use super::{attr, attr_num, XmlError};

/// A paragraph being read.
#[derive(Debug, Default)]
pub(super) struct Paragraph {
    pub(super) text: String,
    /// The codes of the fields in it (`w:instrText`, `w:fldSimple/@w:instr`).
    pub(super) field_codes: String,
    pub(super) style: Option<String>,
    pub(super) num_id: Option<u32>,
    pub(super) ilvl: Option<u8>,
    /// Where its text came from, when a `Recorder` is listening.
    trace: Option<ParagraphTrace>,
}

/// Elements whose whole content gives no text: deleted and moved-away text, field codes,
/// the fallback copy of alternate content, property-change history, section properties.
fn skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"del"
            | b"moveFrom"
            | b"delText"
            | b"delInstrText"
            | b"Fallback"
            | b"pPrChange"
            | b"rPrChange"
            | b"sectPr"
            | b"numberingChange"
    )
}

/// Footnotes and endnotes that are only the separator line.
fn is_separator_note(e: &BytesStart<'_>) -> bool {
    matches!(e.local_name().as_ref(), b"footnote" | b"endnote")
        && attr(e, b"type").is_some_and(|t| {
            matches!(
                t.as_str(),
                "separator" | "continuationSeparator" | "continuationNotice"
            )
        })
}

/// Which kind of part a story comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Story {
    Body,
    HeaderFooter,
    Notes,
}

/// Why a story could not be read.
pub(super) enum StoryError {
    Xml(XmlError),
    /// The rendered text would pass its budget (automatic numbering can repeat a long
    /// label on every paragraph: a few KB of XML could render gigabytes).
    TextTooLarge,
}

impl From<XmlError> for StoryError {
    fn from(e: XmlError) -> Self {
        Self::Xml(e)
    }
}

/// Appends the paragraphs of one story (body, header, footer, notes) to `out`, each
/// followed by `\n`, with automatic numbering rendered; `out` may grow to `max_len`
/// bytes, no further. With a `recorder`, where each piece of text came from in `xml`.
pub(super) fn paragraphs(
    xml: &str,
    resolver: &Resolver<'_>,
    story: Story,
    out: &mut String,
    max_len: usize,
    mut recorder: Option<&mut Recorder>,
) -> Result<(), StoryError> {
    let mut walk = Walk::new(xml);
    let mut counters = Counters::default();
    let mut stack: Vec<Paragraph> = Vec::new();
    let mut in_properties = 0usize;
    let mut in_text = false;
    let mut in_field_code = false;
    let mut emit = |para: Paragraph,
                    out: &mut String,
                    recorder: &mut Option<&mut Recorder>,
                    end_tag: Option<usize>| {
        if story == Story::HeaderFooter && para.field_codes.contains("PAGE") {
            return Ok(());
        }
        let line_start = out.len();
        if let Some((num_id, ilvl)) = resolver.paragraph_numbering(&para) {
            let room = max_len.saturating_sub(out.len());
            if let Some(label) = resolver.label(&mut counters, num_id, ilvl, room) {
                if label.len() > room {
                    return Err(StoryError::TextTooLarge);
                }
                out.push_str(&label);
            }
        }
        if out.len() + para.text.len() + 1 > max_len {
            return Err(StoryError::TextTooLarge);
        }
        let text_start = out.len();
        out.push_str(&para.text);
        if let (Some(recorder), Some(trace)) = (recorder.as_deref_mut(), para.trace) {
            recorder.paragraph_end(trace, end_tag, line_start..out.len(), text_start);
        }
        out.push('\n');
        Ok(())
    };
    let skip = |e: &BytesStart<'_>| skipped(e.local_name().as_ref()) || is_separator_note(e);
    while let Some(step) = walk.next(skip)? {
        let Range {
            start: at,
            end: after,
        } = walk.last();
        match step {
            Step::Open {
                element: e,
                empty: false,
            } => {
                let name = e.local_name();
                match name.as_ref() {
                    b"p" => {
                        let trace = recorder
                            .as_deref()
                            .map(|r| r.paragraph_start(at, after, !stack.is_empty()));
                        stack.push(Paragraph {
                            trace,
                            ..Paragraph::default()
                        });
                    }
                    b"pPr" => in_properties += 1,
                    b"r" if in_properties == 0 => {
                        if let Some(r) = recorder.as_deref_mut() {
                            r.run_start(at..after);
                        }
                    }
                    b"rPr" if in_properties == 0 => {
                        if let Some(r) = recorder.as_deref_mut() {
                            r.properties_start(at);
                        }
                    }
                    b"t" if in_properties == 0 => {
                        in_text = true;
                        if let Some(r) = recorder.as_deref_mut() {
                            r.text_tag(Some(at..after));
                        }
                    }
                    b"instrText" => in_field_code = true,
                    b"fldSimple" => {
                        if let (Some(para), Some(code)) = (stack.last_mut(), attr(&e, b"instr")) {
                            para.field_codes.push_str(&code);
                        }
                    }
                    _ => {}
                }
            }
            Step::Close(e) => match e.local_name().as_ref() {
                b"p" => {
                    if let Some(para) = stack.pop() {
                        emit(para, out, &mut recorder, Some(at))?;
                    }
                }
                b"pPr" => {
                    in_properties = in_properties.saturating_sub(1);
                    if let Some(trace) = stack.last_mut().and_then(|p| p.trace.as_mut()) {
                        Recorder::properties_of_paragraph_end(trace, after);
                    }
                }
                b"r" if in_properties == 0 => {
                    if let Some(r) = recorder.as_deref_mut() {
                        r.run_end(after);
                    }
                }
                b"rPr" if in_properties == 0 => {
                    if let Some(r) = recorder.as_deref_mut() {
                        r.properties_end(after);
                    }
                }
                b"t" => {
                    in_text = false;
                    if let Some(r) = recorder.as_deref_mut() {
                        r.text_tag(None);
                    }
                }
                b"instrText" => in_field_code = false,
                _ => {}
            },
            Step::Open {
                element: e,
                empty: true,
            } => {
                let empty_paragraph = |recorder: &Option<&mut Recorder>, nested| Paragraph {
                    trace: recorder
                        .as_deref()
                        .map(|r| r.paragraph_start(at, after, nested)),
                    ..Paragraph::default()
                };
                let Some(para) = stack.last_mut() else {
                    if e.local_name().as_ref() == b"p" {
                        emit(empty_paragraph(&recorder, false), out, &mut recorder, None)?;
                    }
                    continue;
                };
                let text_before = para.text.len();
                match e.local_name().as_ref() {
                    b"p" => {
                        emit(empty_paragraph(&recorder, true), out, &mut recorder, None)?;
                        continue;
                    }
                    b"rPr" if in_properties == 0 => {
                        if let Some(r) = recorder.as_deref_mut() {
                            r.empty_properties(at..after);
                        }
                    }
                    b"pStyle" if in_properties > 0 => para.style = attr(&e, b"val"),
                    b"numId" if in_properties > 0 => para.num_id = attr_num(&e, b"val"),
                    b"ilvl" if in_properties > 0 => para.ilvl = attr_num(&e, b"val"),
                    _ if in_properties > 0 => {}
                    b"tab" | b"ptab" => para.text.push('\t'),
                    b"br" | b"cr" => {
                        let layout =
                            attr(&e, b"type").is_some_and(|t| t == "page" || t == "column");
                        if !layout {
                            para.text.push('\u{2028}');
                        }
                    }
                    b"noBreakHyphen" => para.text.push('-'),
                    b"fldSimple" => {
                        if let Some(code) = attr(&e, b"instr") {
                            para.field_codes.push_str(&code);
                        }
                    }
                    _ => {}
                }
                if let (Some(r), Some(trace)) = (recorder.as_deref(), para.trace.as_mut()) {
                    let text = text_before..para.text.len();
                    r.piece(trace, text, at..after, PieceKind::Element);
                }
            }
            Step::Other(Event::Text(t)) if in_text || in_field_code => {
                if let Some(para) = stack.last_mut() {
                    let content = t.xml10_content().map_err(|e| XmlError {
                        offset: walk.error_offset(),
                        message: e.to_string(),
                    })?;
                    if in_field_code {
                        para.field_codes.push_str(&content);
                    } else {
                        let text_before = para.text.len();
                        push_text(&mut para.text, &content);
                        if let (Some(r), Some(trace)) = (recorder.as_deref(), para.trace.as_mut()) {
                            let text = text_before..para.text.len();
                            r.piece(trace, text, at..after, PieceKind::Chars);
                        }
                    }
                }
            }
            Step::Other(Event::CData(t)) if in_text => {
                if let Some(para) = stack.last_mut() {
                    let text_before = para.text.len();
                    push_text(&mut para.text, &String::from_utf8_lossy(&t));
                    if let (Some(r), Some(trace)) = (recorder.as_deref(), para.trace.as_mut()) {
                        let text = text_before..para.text.len();
                        r.piece(trace, text, at..after, PieceKind::InText);
                    }
                }
            }
            Step::Other(Event::GeneralRef(r)) if in_text => {
                if let Some(para) = stack.last_mut() {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => match &*r {
                            b"amp" => Some('&'),
                            b"lt" => Some('<'),
                            b"gt" => Some('>'),
                            b"quot" => Some('"'),
                            b"apos" => Some('\''),
                            _ => None,
                        },
                        Err(e) => {
                            return Err(XmlError {
                                offset: walk.error_offset(),
                                message: e.to_string(),
                            }
                            .into())
                        }
                    };
                    if let Some(c) = c {
                        let text_before = para.text.len();
                        push_text(&mut para.text, c.encode_utf8(&mut [0; 4]));
                        if let (Some(r), Some(trace)) = (recorder.as_deref(), para.trace.as_mut()) {
                            let text = text_before..para.text.len();
                            r.piece(trace, text, at..after, PieceKind::InText);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Text of a `w:t`: a line end inside it (Word never writes one) is read as a space, so
/// that a paragraph stays one line.
fn push_text(out: &mut String, text: &str) {
    out.extend(text.chars().map(|c| match c {
        '\n' | '\r' => ' ',
        c => c,
    }));
}
