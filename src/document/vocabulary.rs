//! Words that mark the parts of a 公文 (结束语, 附件), loaded from `rules/structure.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

/// The structural vocabulary, as written in `rules/structure.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Vocabulary {
    pub closing: Closing,
    pub document_type: DocumentType,
    pub attachment: Attachment,
    #[serde(rename = "placeholder")]
    pub placeholders: Vec<Placeholder>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Closing {
    /// A line that starts with one of these is a 结束语 when it comes after the body.
    pub phrases: Vec<String>,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DocumentType {
    /// A title ending in one of these names a kind of document that is not a report.
    pub non_report_endings: Vec<String>,
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Attachment {
    /// A line that starts with one of these begins the 附件说明.
    pub prefixes: Vec<String>,
    pub source: String,
}

/// A template placeholder left in the text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Placeholder {
    pub token: String,
    /// Only a placeholder when it is the whole paragraph (e.g. "……", which is also an
    /// ordinary ellipsis inside a sentence).
    #[serde(default)]
    pub whole_paragraph_only: bool,
    pub meaning: String,
}

impl Vocabulary {
    /// The vocabulary built into the binary.
    pub fn embedded() -> &'static Self {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| {
            toml::from_str(include_str!("../../rules/structure.toml"))
                .expect("rules/structure.toml is validated by the test suite")
        })
    }

    pub fn is_closing(&self, content: &str) -> bool {
        self.closing
            .phrases
            .iter()
            .any(|p| content.starts_with(p.as_str()))
    }

    pub fn is_attachment(&self, content: &str) -> bool {
        self.attachment
            .prefixes
            .iter()
            .any(|p| content.starts_with(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_vocabulary_loads() {
        let v = Vocabulary::embedded();
        assert!(v.is_closing("特此报告。"));
        assert!(v.is_attachment("附件：1.统计表"));
        assert!(v
            .placeholders
            .iter()
            .any(|p| p.token == "……" && p.whole_paragraph_only));
    }
}
