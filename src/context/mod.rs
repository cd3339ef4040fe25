//! What a rule needs to know about a document beyond its text: its profile, its as-of
//! date and where that date came from, its province, the kind of each top-level
//! section, and the knowledge entries it mentions.

pub mod cues;
pub mod province;

use jiff::civil::Date;

use crate::diagnostic::Span;
use crate::document::{parse_date, Document};
use std::sync::Arc;

use crate::knowledge::{Knowledge, Mention};
use crate::profile::{Profile, ProfileSet, SectionKind, TitleBlock};

/// Where the as-of date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfSource {
    /// `--as-of` or the configuration.
    Override,
    /// The document's own 成文日期.
    DocumentDate,
    /// Today.
    Today,
}

impl AsOfSource {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Override => "override",
            Self::DocumentDate => "document-date",
            Self::Today => "today",
        }
    }
}

/// Where the province came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvinceSource {
    Override,
    Inferred,
}

/// The resolved context of one document.
#[derive(Debug, Clone)]
pub struct Context {
    /// Shared with every other file of the run that has this profile.
    pub profile: Arc<Profile>,
    pub as_of: Date,
    pub as_of_source: AsOfSource,
    pub province: Option<String>,
    pub province_source: Option<ProvinceSource>,
    pub knowledge: Arc<Knowledge>,
    /// Knowledge entries mentioned in the text, in order (one scan per document).
    pub mentions: Vec<Mention>,
    /// Each top-level section's span and kind (from the profile, else from title words).
    pub sections: Vec<(Span, Option<SectionKind>)>,
}

/// What the context reads from the text alone — the province and the knowledge
/// mentions — so that a large document can be scanned while it is parsed.
#[derive(Debug)]
pub struct Scan {
    pub province: Option<String>,
    pub province_source: Option<ProvinceSource>,
    /// Knowledge entries mentioned in the text, in order.
    pub mentions: Vec<Mention>,
}

impl Scan {
    /// The province (`province_override`, else the one the text names most) and the
    /// knowledge entries mentioned in `text`, in one scan.
    pub fn of(text: &str, province_override: Option<String>, knowledge: &Knowledge) -> Self {
        let (province, province_source) = match province_override {
            Some(p) => (Some(p), Some(ProvinceSource::Override)),
            None => match province::infer(text, knowledge) {
                Some(p) => (Some(p), Some(ProvinceSource::Inferred)),
                None => (None, None),
            },
        };
        let mentions = knowledge.find_in_province(text, province.as_deref());
        Self {
            province,
            province_source,
            mentions,
        }
    }
}

impl Context {
    /// Resolves the context: profile from the override or the title (matched against the
    /// run's profile set: the user's own before the built-in ones); as-of from
    /// `as_of_override`, else the document's 成文日期, else `today`.
    #[allow(clippy::too_many_arguments)]
    pub fn resolve(
        set: &ProfileSet,
        text: &str,
        doc: &Document,
        profile_override: Option<Arc<Profile>>,
        as_of_override: Option<Date>,
        today: Date,
        scan: Scan,
        knowledge: Arc<Knowledge>,
    ) -> Self {
        let profile = profile_override.unwrap_or_else(|| {
            use crate::document::title::{full_title, other_title_lines, subtitles};
            let title = full_title(doc, text);
            let subtitles = subtitles(doc, text);
            let chosen = set.for_title_block(TitleBlock {
                title: title.as_ref().map(|t| t.text.as_str()),
                subtitles: &subtitles,
            });
            // A first line that names no type (a file name set as a heading): the other
            // lines of the title block may.
            let others = title
                .as_ref()
                .map(|t| other_title_lines(doc, text, t))
                .unwrap_or_default();
            if chosen.id != "generic" {
                return Arc::clone(chosen);
            }
            let from_other_line = others
                .iter()
                .map(|line| {
                    set.for_title_block(TitleBlock {
                        title: Some(line),
                        subtitles: &[],
                    })
                })
                .find(|p| p.id != "generic")
                .unwrap_or(chosen);
            Arc::clone(from_other_line)
        });
        let document_date = doc
            .date
            .and_then(|d| parse_date(doc.content(text, d)))
            .and_then(|p| {
                Date::new(
                    i16::try_from(p.year).ok()?,
                    i8::try_from(p.month).ok()?,
                    i8::try_from(p.day).ok()?,
                )
                .ok()
            });
        let (as_of, as_of_source) = match (as_of_override, document_date) {
            (Some(d), _) => (d, AsOfSource::Override),
            (None, Some(d)) => (d, AsOfSource::DocumentDate),
            (None, None) => (today, AsOfSource::Today),
        };
        let Scan {
            province,
            province_source,
            mentions,
        } = scan;
        let kinds = &cues::Cues::embedded().section_kinds;
        let sections = doc
            .sections
            .iter()
            .map(|s| {
                let title = doc.heading(s).title.slice(text);
                let kind = profile
                    .sections
                    .iter()
                    .find(|spec| spec.titles.iter().any(|t| title.contains(t.as_str())))
                    .map(|spec| spec.kind)
                    .or_else(|| kinds.of_title(title));
                (s.span, kind)
            })
            .collect();
        Self {
            profile,
            as_of,
            as_of_source,
            province,
            province_source,
            knowledge,
            mentions,
            sections,
        }
    }

    /// The kind of the top-level section that contains byte `offset`. The sections are
    /// in document order and do not overlap, so a binary search finds it (a scan from
    /// the first section for each mention was quadratic on a long document).
    pub fn section_kind_at(&self, offset: usize) -> Option<SectionKind> {
        let after = self
            .sections
            .partition_point(|(span, _)| span.start <= offset);
        let (span, kind) = self.sections.get(after.checked_sub(1)?)?;
        (offset < span.end.max(span.start + 1))
            .then_some(*kind)
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_section_at_an_offset_is_found_by_binary_search_as_by_a_scan() {
        let part = "一、过去一年工作回顾\n过去一年，我们按照要求开展工作。\n二、存在的问题\n一些干部作风不实。\n三、下一步工作打算\n深入学习贯彻党的二十大精神。\n";
        let text = format!("关于工作情况的报告\n\n{}", part.repeat(50));
        let doc = crate::document::parse(&text);
        let today = Date::constant(2024, 6, 1);
        let cx = Context::resolve(
            ProfileSet::embedded(),
            &text,
            &doc,
            None,
            None,
            today,
            Scan::of(&text, None, Knowledge::embedded_shared()),
            Knowledge::embedded_shared().clone(),
        );
        assert_eq!(cx.sections.len(), 150);
        assert!(cx.sections.iter().any(|(_, kind)| kind.is_some()));
        let scan = |offset: usize| {
            cx.sections
                .iter()
                .find(|(span, _)| span.start <= offset && offset < span.end.max(span.start + 1))
                .and_then(|(_, kind)| *kind)
        };
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(cx.section_kind_at(offset), scan(offset), "at {offset}");
        }
    }
}
