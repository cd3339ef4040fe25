//! The paragraphs of one story (body, header, footer, notes), one line each.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::labels::{Counters, Resolver};
use super::{attr, attr_num, next, unclosed, XmlError};

/// A paragraph being read.
#[derive(Debug, Default)]
pub(super) struct Paragraph {
    pub(super) text: String,
    /// The codes of the fields in it (`w:instrText`, `w:fldSimple/@w:instr`).
    pub(super) field_codes: String,
    pub(super) style: Option<String>,
    pub(super) num_id: Option<u32>,
    pub(super) ilvl: Option<u8>,
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
/// bytes, no further.
pub(super) fn paragraphs(
    xml: &str,
    resolver: &Resolver<'_>,
    story: Story,
    out: &mut String,
    max_len: usize,
) -> Result<(), StoryError> {
    let mut reader = Reader::from_str(xml);
    let mut counters = Counters::default();
    let mut stack: Vec<Paragraph> = Vec::new();
    let mut depth = 0usize;
    let mut skip = 0usize;
    let mut in_properties = 0usize;
    let mut in_text = false;
    let mut in_field_code = false;
    let mut emit = |para: Paragraph, out: &mut String| {
        if story == Story::HeaderFooter && para.field_codes.contains("PAGE") {
            return Ok(());
        }
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
        out.push_str(&para.text);
        out.push('\n');
        Ok(())
    };
    loop {
        let event = next(&mut reader)?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                let name = e.local_name();
                match name.as_ref() {
                    n if skipped(n) || is_separator_note(&e) => skip = 1,
                    b"p" => stack.push(Paragraph::default()),
                    b"pPr" => in_properties += 1,
                    b"t" if in_properties == 0 => in_text = true,
                    b"instrText" => in_field_code = true,
                    b"fldSimple" => {
                        if let (Some(para), Some(code)) = (stack.last_mut(), attr(&e, b"instr")) {
                            para.field_codes.push_str(&code);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"p" => {
                        if let Some(para) = stack.pop() {
                            emit(para, out)?;
                        }
                    }
                    b"pPr" => in_properties = in_properties.saturating_sub(1),
                    b"t" => in_text = false,
                    b"instrText" => in_field_code = false,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let Some(para) = stack.last_mut() else {
                    if e.local_name().as_ref() == b"p" {
                        emit(Paragraph::default(), out)?;
                    }
                    continue;
                };
                match e.local_name().as_ref() {
                    b"p" => emit(Paragraph::default(), out)?,
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
            }
            Event::Text(t) if (in_text || in_field_code) && skip == 0 => {
                if let Some(para) = stack.last_mut() {
                    let content = t.xml10_content().map_err(|e| XmlError {
                        offset: reader.buffer_position(),
                        message: e.to_string(),
                    })?;
                    if in_field_code {
                        para.field_codes.push_str(&content);
                    } else {
                        push_text(&mut para.text, &content);
                    }
                }
            }
            Event::CData(t) if in_text && skip == 0 => {
                if let Some(para) = stack.last_mut() {
                    push_text(&mut para.text, &String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
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
                                offset: reader.buffer_position(),
                                message: e.to_string(),
                            }
                            .into())
                        }
                    };
                    if let Some(c) = c {
                        push_text(&mut para.text, c.encode_utf8(&mut [0; 4]));
                    }
                }
            }
            Event::Eof if depth == 0 => break,
            Event::Eof => return Err(unclosed(&reader).into()),
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
