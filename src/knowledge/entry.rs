//! What every knowledge entry has, whatever its table: an id, its sources, its examples
//! and where it was read. Each table's type keeps these as fields of its own — serde's
//! `flatten` does not combine with `deny_unknown_fields`, which gives users a clear error
//! for a misspelt key — and [`Entry`] lets the validator, the wording rules and the
//! tests treat the tables alike.

use super::{
    Confusable, Event, Example, Formulation, Knowledge, Origin, SetPhrase, Superseded, Target,
};

/// Declares a table's entry type: its own fields as written (`id` first), then the fields
/// every entry has — `source` (one string or a list), an optional `note`, the
/// `[[….example]]` sentences, and the `origin` (file and line) set when it is loaded.
/// Unknown keys are refused, and keys are kebab-case.
///
/// `pub struct Name with wording { … }` declares a table of wording that the matcher
/// finds in the text and the formulation rules report (`[[formulation]]`, `[[set-phrase]]`,
/// `[[confusable]]`): it adds the keys those tables share, `severity` and `crosses-words`.
macro_rules! entry_type {
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident with wording {
            $($fields:tt)*
        }
    ) => {
        entry_type! {
            $(#[doc = $doc])+
            pub struct $name {
                $($fields)*
                /// Lower than the rule's default severity (see [`EntrySeverity`]).
                ///
                /// [`EntrySeverity`]: crate::knowledge::EntrySeverity
                pub severity: Option<$crate::knowledge::EntrySeverity>,
                /// The wrong phrase may start or end inside a word (see docs/KNOWLEDGE.md); by
                /// default a match counts only where it starts and ends on word boundaries.
                #[serde(default)]
                pub crosses_words: bool,
            }
        }
    };
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident {
            $($fields:tt)*
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Clone, Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct $name {
            $($fields)*
            #[serde(deserialize_with = "crate::knowledge::load::one_or_many")]
            pub source: Vec<String>,
            pub note: Option<String>,
            #[serde(default, rename = "example")]
            pub examples: Vec<$crate::knowledge::Example>,
            #[serde(skip)]
            pub origin: $crate::knowledge::Origin,
        }
    };
}
pub(super) use entry_type;

/// An entry of one knowledge table.
pub trait Entry: Sized {
    /// The table's name in a knowledge file (`[[set-phrase]]`).
    const TABLE: &'static str;
    /// The table's entries in `knowledge`.
    fn table(knowledge: &Knowledge) -> &[Self];
    /// The mention target naming entry `index` of this table.
    fn target(index: usize) -> Target;
    /// The index of the entry of this table that `target` names, if it names one.
    fn index(target: Target) -> Option<usize>;
    fn id(&self) -> &str;
    fn origin(&self) -> &Origin;
    fn source(&self) -> &[String];
    fn examples(&self) -> &[Example];
}

/// Implements [`Entry`] for each table: its type, its field of [`Knowledge`], the
/// [`Target`] variant naming its entries, and its name in the files.
macro_rules! tables {
    ($($entry:ident in $field:ident as $name:literal;)+) => {$(
        impl Entry for $entry {
            const TABLE: &'static str = $name;
            fn table(knowledge: &Knowledge) -> &[Self] {
                &knowledge.$field
            }
            fn target(index: usize) -> Target {
                Target::$entry(index)
            }
            fn index(target: Target) -> Option<usize> {
                match target {
                    Target::$entry(index) => Some(index),
                    _ => None,
                }
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn origin(&self) -> &Origin {
                &self.origin
            }
            fn source(&self) -> &[String] {
                &self.source
            }
            fn examples(&self) -> &[Example] {
                &self.examples
            }
        }
    )+};
}

tables! {
    Event in events as "event";
    Superseded in superseded as "superseded";
    Formulation in formulations as "formulation";
    SetPhrase in set_phrases as "set-phrase";
    Confusable in confusables as "confusable";
}
