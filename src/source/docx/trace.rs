//! Where the body's text came from in the main part's XML, for writing Word comments
//! anchored on a finding's span (`crate::annotate`). Recorded only when asked
//! (`extract_traced`); plain extraction passes no recorder and pays nothing.
//!
//! Offsets: `text` ranges are byte offsets into `Extracted::text`; `xml` ranges are byte
//! offsets into the main part as read (UTF-8, without a BOM).

use std::ops::Range;

/// The main part's paragraphs and the pieces of their text.
#[derive(Debug, Clone, Default)]
pub struct BodyTrace {
    /// The main part's name in the package (`word/document.xml`).
    pub part: String,
    /// The body's paragraphs in the order of their lines.
    pub paragraphs: Vec<TracedParagraph>,
    pub pieces: Vec<Piece>,
    pub runs: Vec<TracedRun>,
}

/// One paragraph of the body: one line of the text.
#[derive(Debug, Clone)]
pub struct TracedParagraph {
    /// From the line's start (its automatic number's label included) to its `\n`.
    pub text: Range<usize>,
    /// Where the paragraph's element starts (`<w:p`).
    pub xml_start: usize,
    /// Where its content starts: after `<w:p …>`, after `w:pPr` if it has one.
    pub content_start: usize,
    /// Where its end tag `</w:p>` starts; `None` for an empty element `<w:p/>`.
    pub end_tag: Option<usize>,
    /// A paragraph inside another paragraph's content (a text box in a drawing).
    pub nested: bool,
    /// Its pieces, as a range of `BodyTrace::pieces`, in text order.
    pub pieces: Range<usize>,
}

/// A stretch of the text that came from one place in the XML.
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: Range<usize>,
    pub xml: Range<usize>,
    pub kind: PieceKind,
    /// The run it is in (index into `BodyTrace::runs`), if any.
    pub run: Option<usize>,
    /// The start tag of the `w:t` it is in (`Chars` and `InText` pieces).
    pub text_tag: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    /// Character data of a `w:t`: one character of text per character of XML, except
    /// that a `\r\n` (or a lone `\r`) in the XML is one character of text.
    Chars,
    /// An entity or character reference, or a CDATA section, inside a `w:t`: the text
    /// can be cut before or after it, not inside.
    InText,
    /// An element of the run outside `w:t` (`w:tab`, `w:br`, `w:noBreakHyphen`).
    Element,
}

/// A run (`w:r`) that holds text.
#[derive(Debug, Clone)]
pub struct TracedRun {
    /// The run's start tag `<w:r …>`.
    pub open_tag: Range<usize>,
    /// Its `w:rPr`, copied into each half when the run is split.
    pub properties: Option<Range<usize>>,
    /// Where the run's end tag ends (after `</w:r>`).
    pub end: usize,
}

/// What `body::paragraphs` tells the recorder, as it reads.
#[derive(Debug, Default)]
pub(super) struct Recorder {
    pub(super) trace: BodyTrace,
    /// Runs open now (a text box's runs sit inside another run's drawing).
    open_runs: Vec<usize>,
    /// Whether the innermost open run is reading its `w:rPr`, and where it started.
    properties_start: Option<usize>,
    /// The start tag of the `w:t` being read.
    text_tag: Option<Range<usize>>,
}

/// The pieces of a paragraph while it is read: text offsets relative to the
/// paragraph's own text (its label is added when it is written out).
#[derive(Debug, Default)]
pub(super) struct ParagraphTrace {
    xml_start: usize,
    content_start: usize,
    nested: bool,
    pieces: Vec<Piece>,
}

impl Recorder {
    pub(super) fn paragraph_start(
        &self,
        xml_start: usize,
        tag_end: usize,
        nested: bool,
    ) -> ParagraphTrace {
        ParagraphTrace {
            xml_start,
            content_start: tag_end,
            nested,
            pieces: Vec::new(),
        }
    }

    pub(super) fn run_start(&mut self, open_tag: Range<usize>) {
        self.trace.runs.push(TracedRun {
            end: open_tag.end,
            open_tag,
            properties: None,
        });
        self.open_runs.push(self.trace.runs.len() - 1);
        self.properties_start = None;
    }

    /// `w:rPr` directly in the innermost run: its start, then (`properties_end`) its end.
    pub(super) fn properties_start(&mut self, at: usize) {
        if let Some(&run) = self.open_runs.last() {
            if self.trace.runs[run].properties.is_none() {
                self.properties_start = Some(at);
            }
        }
    }

    pub(super) fn properties_end(&mut self, end: usize) {
        if let (Some(start), Some(&run)) = (self.properties_start.take(), self.open_runs.last()) {
            self.trace.runs[run].properties = Some(start..end);
        }
    }

    /// An empty `<w:rPr/>` in the innermost run.
    pub(super) fn empty_properties(&mut self, tag: Range<usize>) {
        if let Some(&run) = self.open_runs.last() {
            self.trace.runs[run].properties.get_or_insert(tag);
        }
    }

    pub(super) fn run_end(&mut self, end: usize) {
        if let Some(run) = self.open_runs.pop() {
            self.trace.runs[run].end = end;
        }
    }

    /// A `w:t` starts (`Some(its start tag)`) or ends (`None`).
    pub(super) fn text_tag(&mut self, tag: Option<Range<usize>>) {
        self.text_tag = tag;
    }

    /// A piece of a paragraph's text: `text` relative to the paragraph's own text.
    pub(super) fn piece(
        &self,
        paragraph: &mut ParagraphTrace,
        text: Range<usize>,
        xml: Range<usize>,
        kind: PieceKind,
    ) {
        if text.is_empty() {
            return;
        }
        let text_tag = match kind {
            PieceKind::Element => None,
            PieceKind::Chars | PieceKind::InText => self.text_tag.clone(),
        };
        paragraph.pieces.push(Piece {
            text,
            xml,
            kind,
            run: self.open_runs.last().copied(),
            text_tag,
        });
    }

    /// The end of a paragraph's properties (`</w:pPr>`): its content starts after.
    pub(super) fn properties_of_paragraph_end(paragraph: &mut ParagraphTrace, end: usize) {
        paragraph.content_start = end;
    }

    /// A paragraph written out as the line starting at `line_start`, its own text
    /// starting at `text_start` and its `\n` at `line_end`.
    pub(super) fn paragraph_end(
        &mut self,
        paragraph: ParagraphTrace,
        end_tag: Option<usize>,
        line: Range<usize>,
        text_start: usize,
    ) {
        let first = self.trace.pieces.len();
        self.trace
            .pieces
            .extend(paragraph.pieces.into_iter().map(|mut piece| {
                piece.text = piece.text.start + text_start..piece.text.end + text_start;
                piece
            }));
        self.trace.paragraphs.push(TracedParagraph {
            text: line,
            xml_start: paragraph.xml_start,
            content_start: paragraph.content_start,
            end_tag,
            nested: paragraph.nested,
            pieces: first..self.trace.pieces.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write as _};

    use super::super::extract_traced;
    use super::*;

    fn package(document: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        if let Some(numbering) = numbering {
            zip.start_file("word/numbering.xml", options).unwrap();
            zip.write_all(numbering.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn every_piece_of_the_body_points_at_its_xml() {
        let document = format!(
            concat!(
                r#"<w:document {W}><w:body>"#,
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"#,
                r#"<w:r><w:rPr><w:b/></w:rPr><w:t>基本</w:t></w:r><w:r><w:t xml:space="preserve">情况 &amp; </w:t><w:tab/><w:t>A</w:t></w:r></w:p>"#,
                r#"<w:p/>"#,
                r#"<w:p><w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>"#,
                r#"<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>"#,
                r#"</w:body></w:document>"#
            ),
            W = W
        );
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let (extracted, trace) = extract_traced(&package(&document, Some(&numbering))).unwrap();
        let text = &extracted.text;
        assert_eq!(text, "一、基本情况 & \tA\n\n框\n甲\u{2028}乙\n");
        assert_eq!(trace.part, "word/document.xml");
        let lines: Vec<&str> = trace
            .paragraphs
            .iter()
            .map(|p| &text[p.text.clone()])
            .collect();
        assert_eq!(lines, ["一、基本情况 & \tA", "", "框", "甲\u{2028}乙"]);
        let nested: Vec<bool> = trace.paragraphs.iter().map(|p| p.nested).collect();
        assert_eq!(nested, [false, false, true, false]);

        let first = &trace.paragraphs[0];
        assert!(document[first.xml_start..].starts_with("<w:p>"));
        assert!(document[..first.content_start].ends_with("</w:pPr>"));
        assert!(document[first.end_tag.unwrap()..].starts_with("</w:p>"));
        assert_eq!(trace.paragraphs[1].end_tag, None);
        assert!(document[trace.paragraphs[1].xml_start..].starts_with("<w:p/>"));

        let shown: Vec<(&str, &str, PieceKind)> = trace
            .pieces
            .iter()
            .map(|p| (&text[p.text.clone()], &document[p.xml.clone()], p.kind))
            .collect();
        assert_eq!(
            shown,
            [
                ("基本", "基本", PieceKind::Chars),
                ("情况 ", "情况 ", PieceKind::Chars),
                ("&", "&amp;", PieceKind::InText),
                (" ", " ", PieceKind::Chars),
                ("\t", "<w:tab/>", PieceKind::Element),
                ("A", "A", PieceKind::Chars),
                ("框", "框", PieceKind::Chars),
                ("甲", "甲", PieceKind::Chars),
                ("\u{2028}", "<w:br/>", PieceKind::Element),
                ("乙", "乙", PieceKind::Chars),
            ]
        );
        // Runs: their start tags, properties and ends; each text piece knows its w:t.
        let run = &trace.runs[trace.pieces[0].run.unwrap()];
        assert_eq!(&document[run.open_tag.clone()], "<w:r>");
        assert_eq!(
            &document[run.properties.clone().unwrap()],
            "<w:rPr><w:b/></w:rPr>"
        );
        assert!(document[..run.end].ends_with("基本</w:t></w:r>"));
        let second = &trace.pieces[1];
        assert_eq!(
            &document[second.text_tag.clone().unwrap()],
            r#"<w:t xml:space="preserve">"#
        );
        assert_eq!(trace.pieces[4].text_tag, None);
        assert_eq!(trace.pieces[1].run, trace.pieces[5].run);
        assert_ne!(
            trace.pieces[6].run, trace.pieces[7].run,
            "the text box's run is its own"
        );
        // Pieces of a paragraph are in its range.
        assert_eq!(trace.paragraphs[2].pieces, 6..7);
        assert_eq!(trace.paragraphs[3].pieces, 7..10);
    }
}
