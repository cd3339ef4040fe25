//! Family `structure` (S): the parts a document must have for its profile (sections,
//! title, 落款, 成文日期), their order, and template text left behind.

mod empty_section;
mod missing_date;
mod missing_section;
mod missing_signature;
mod missing_title;
mod nonstandard_date;
mod section_order;
mod template_placeholder;

pub use empty_section::PlaceholderBody;
pub use missing_date::MissingDate;
pub use missing_section::MissingSection;
pub use missing_signature::MissingSignature;
pub use missing_title::MissingTitle;
pub use nonstandard_date::NonstandardDate;
pub use section_order::SectionOrder;
pub use template_placeholder::TemplatePlaceholder;

use crate::checks::Rule;
use crate::diagnostic::Span;

/// The rules of this family, sorted by code.
pub(crate) static RULES: &[&dyn Rule] = &[
    &MissingSection,
    &SectionOrder,
    &PlaceholderBody,
    &TemplatePlaceholder,
    &MissingTitle,
    &MissingSignature,
    &MissingDate,
    &NonstandardDate,
];
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
