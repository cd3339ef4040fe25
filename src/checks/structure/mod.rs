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
