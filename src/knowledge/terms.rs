//! `rules/terms.toml` tables: superseded terms, standard formulations, set phrases
//! and commonly confused words.

use serde::Deserialize;

use super::entry::entry_type;
use super::PartialDate;

/// Whether a superseded term is a political formulation or an administrative term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SupersededKind {
    Formulation,
    PolicyTerm,
}

entry_type! {
    /// `[[superseded]]`: wording that was right once and is out of use since `since`.
    pub struct Superseded {
        pub id: String,
        pub terms: Vec<String>,
        /// The current wording.
        pub replaced_by: String,
        /// From this date on the terms are outdated as a description of current work.
        pub since: PartialDate,
        /// When the old wording had certainly disappeared from official use.
        pub effectively_gone: Option<PartialDate>,
        pub kind: SupersededKind,
        /// Ignore a match when the text right before it ends with one of these.
        #[serde(default)]
        pub not_after: Vec<String>,
        /// Longer phrases containing a term that are not this term.
        #[serde(default)]
        pub exclude: Vec<String>,
        /// Whether the reference saw the dates in a cited source.
        #[serde(default = "yes")]
        pub confirmed: bool,
    }
}

/// How a wrong formulation may be corrected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    /// Replacing the wrong phrase by `right` is always correct.
    Safe,
    /// `right` is the likely intent; a person should confirm.
    Unsafe,
    /// No automatic replacement.
    None,
}

/// How loudly an entry is reported, when lower than its rule's default: an entry whose
/// only basis is writing convention (“公文写作惯例”) stays at warning or below, and a
/// form that usage has come to accept (急待、孰不知) is only a hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntrySeverity {
    Info,
    Warning,
}

impl From<EntrySeverity> for crate::diagnostic::Severity {
    fn from(s: EntrySeverity) -> Self {
        match s {
            EntrySeverity::Info => crate::diagnostic::Severity::Info,
            EntrySeverity::Warning => crate::diagnostic::Severity::Warning,
        }
    }
}

entry_type! {
    /// `[[formulation]]`: a standard political formulation and its known wrong variants.
    pub struct Formulation with wording {
        pub id: String,
        pub wrong: Vec<String>,
        pub right: String,
        pub fix: FixKind,
    }
}

entry_type! {
    /// `[[set-phrase]]`: a fixed phrase (固定搭配) and its corruptions.
    pub struct SetPhrase with wording {
        pub id: String,
        pub right: String,
        pub wrong: Vec<String>,
    }
}

entry_type! {
    /// `[[confusable]]`: a misspelt word or expression, given with enough context that the
    /// `wrong` phrase is never correct in running text; or a `pattern` for cases a list
    /// cannot hold (截止2023年 → 截至2023年).
    pub struct Confusable with wording {
        pub id: String,
        #[serde(default)]
        pub wrong: Vec<String>,
        /// The correct phrase (for a pattern: a description of the correct form).
        pub right: String,
        /// A Rust `regex` matched against the original text (no look-around).
        pub pattern: Option<String>,
        /// Replacement for a `pattern` match, with `$1`-style groups; absent = no automatic fix.
        pub right_template: Option<String>,
        /// Longer phrases containing a `wrong` phrase that are correct.
        #[serde(default)]
        pub exclude: Vec<String>,
    }
}

fn yes() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMULATION: &str = r#"id = "core"
wrong = ["以习近平总书记为核心的党中央"]
right = "以习近平同志为核心的党中央"
fix = "safe"
source = "x""#;

    #[test]
    fn parses_each_table_shape() {
        let s: Superseded = toml::from_str(
            r#"id = "xnh"
terms = ["新农合"]
replaced-by = "城乡居民基本医疗保险"
since = "2016-01-12"
effectively-gone = "2020"
kind = "policy-term"
source = ["a", "b"]"#,
        )
        .unwrap();
        assert_eq!(s.kind, SupersededKind::PolicyTerm);
        assert!(s.confirmed, "confirmed defaults to true");
        assert_eq!(s.effectively_gone.unwrap().year, 2020);

        let f: Formulation = toml::from_str(FORMULATION).unwrap();
        assert_eq!(f.fix, FixKind::Safe);

        let c: Confusable = toml::from_str(
            r#"id = "jiezhi"
right = "截至"
pattern = "截止(\\d{4}年)"
right-template = "截至$1"
severity = "warning"
crosses-words = true
source = "x"
[[example]]
text = "截止2022年底"
as-of = "2023-01-01"
expect = "fire""#,
        )
        .unwrap();
        assert!(c.wrong.is_empty());
        // The keys every wording table has (`entry_type!`'s `with wording`).
        assert_eq!(c.severity, Some(EntrySeverity::Warning));
        assert!(c.crosses_words && !f.crosses_words && f.severity.is_none());
        assert_eq!(c.examples.len(), 1);
    }

    #[test]
    fn rejects_an_unknown_fix_kind() {
        // The entry above, but for its fix kind.
        let maybe = FORMULATION.replace(r#"fix = "safe""#, r#"fix = "maybe""#);
        let err = toml::from_str::<Formulation>(&maybe).unwrap_err();
        assert!(err.message().contains("unknown variant"), "{err}");
    }
}
