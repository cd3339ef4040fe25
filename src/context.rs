//! What a rule needs to know about a document beyond its text: its profile, its as-of
//! date and where that date came from, and its province.

use jiff::civil::Date;

use crate::document::{parse_date, Document};
use crate::profile::Profile;

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

/// The resolved context of one document.
#[derive(Debug, Clone)]
pub struct Context {
    pub profile: &'static Profile,
    pub as_of: Date,
    pub as_of_source: AsOfSource,
    pub province: Option<String>,
}

impl Context {
    /// Resolves the context: profile from `profile_override` or the title; as-of from
    /// `as_of_override`, else the document's 成文日期, else `today`.
    pub fn resolve(
        text: &str,
        doc: &Document,
        profile_override: Option<&'static Profile>,
        as_of_override: Option<Date>,
        today: Date,
        province: Option<String>,
    ) -> Self {
        let title = doc.title.map(|t| doc.content(text, t));
        let profile = profile_override.unwrap_or_else(|| Profile::for_title(title));
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
        Self {
            profile,
            as_of,
            as_of_source,
            province,
        }
    }
}
