//! Family `structure` (S): the parts a document must have for its profile (sections,
//! title, 落款, 成文日期), their order, and template text left behind.

include!(concat!(env!("OUT_DIR"), "/checks_structure.rs"));

use crate::diagnostic::Span;

use crate::document::{Document, Section};

/// The sections a profile's required sections are matched against: the top-level
/// sections of the document.
pub(crate) fn top_sections(doc: &Document) -> &[Section] {
    &doc.sections
}

/// Where a finding about something missing at the end points: the end of the last
/// non-blank line (or the start of the text).
pub(crate) fn end_of_document(doc: &Document) -> Span {
    doc.last_nonblank_line()
        .map_or(Span::point(0), |l| Span::point(doc.lines[l].content.end))
}

/// The lines where a document closes its text: the 结束语 lines the parser found and the
/// last body paragraph before them (“……。当否，请批示。” ends a paragraph).
pub(crate) fn closing_lines(doc: &Document) -> Vec<usize> {
    use crate::document::LineKind;
    let mut lines = doc.closing.clone();
    // The first of the parts after the body (the 附件说明 comes before the 落款).
    let before = [
        doc.closing.first().copied(),
        doc.attachments.first().copied(),
        doc.signature.first().copied(),
        doc.date,
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(doc.lines.len());
    if let Some(last) = (0..before)
        .rev()
        .find(|&i| doc.lines[i].kind != LineKind::Blank)
        .filter(|&i| {
            matches!(
                doc.lines[i].kind,
                LineKind::Paragraph | LineKind::Heading(_)
            )
        })
    {
        lines.insert(0, last);
    }
    lines
}

/// A 版头 or 版记 line's content without the Markdown emphasis and spaces around it, with
/// the byte where that starts in `text`.
pub(crate) fn element_text(content: Span, text: &str) -> (usize, &str) {
    let s = content.slice(text);
    let lead = s.len() - s.trim_start_matches(['*', ' ', '\u{3000}']).len();
    (content.start + lead, s.trim_matches(['*', ' ', '\u{3000}']))
}

/// The 文种 the title ends with, if any.
pub(crate) fn title_genre<'v>(doc: &Document, text: &str) -> Option<&'v str> {
    let title = crate::document::title::full_title(doc, text)?;
    let vocabulary = crate::document::vocabulary::Vocabulary::embedded();
    vocabulary.genre_of_title(&title.text)
}
