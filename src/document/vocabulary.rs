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
    #[serde(rename = "wrong-genre")]
    pub wrong_genres: Vec<WrongGenre>,
    #[serde(rename = "genre-closing")]
    pub genre_closings: Vec<GenreClosing>,
    pub request: Request,
    #[serde(rename = "redundant-closing")]
    pub redundant_closings: Vec<RedundantClosing>,
    #[serde(rename = "nonstandard-urgency")]
    pub nonstandard_urgency: Vec<NonstandardUrgency>,
    pub copy_to: CopyTo,
}

/// Two 结束语 of one 文种 that are not written together: after `lead` (以上通知，请……)
/// `redundant` (特此通知) says the same again.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RedundantClosing {
    pub lead: String,
    pub redundant: String,
}

/// A 紧急程度 written in a form GB/T 9704-2012 7.2.3 does not have (急件).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NonstandardUrgency {
    pub written: String,
    /// What to write instead, as shown in the message.
    pub instead: String,
}

/// The 抄送 line of the 版记.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CopyTo {
    /// Words that began the line in older practice and are no longer used (抄报).
    pub obsolete: Vec<String>,
    pub source: String,
}

/// Words of the 请示 rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Request {
    /// Verbs that open a matter asked for (申请, 增加 …): two of them joined by 和/及 in
    /// one title are two matters.
    pub matter_verbs: Vec<String>,
    /// Words that join two matters in a title.
    pub joiners: Vec<String>,
    /// A 抄送机关 written with one of these prefixes is below the sender (各乡镇, 所属单位).
    pub subordinate_prefixes: Vec<String>,
    pub source: String,
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
    /// The 文种 of 《党政机关公文处理工作条例》第八条.
    pub statutory: Vec<String>,
    /// Other words a title may end with (事务文书: 总结, 方案, 讲话 …).
    pub other: Vec<String>,
    pub source: String,
}

/// A word written as a 文种 that is none (请示报告).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WrongGenre {
    pub written: String,
    /// What to write instead.
    pub instead: String,
    /// Only wrong in a document sent to a body (it has a 主送机关 or a 发文字号):
    /// “工作汇报” is a fine title for material read out at a meeting.
    #[serde(default)]
    pub only_when_sent: bool,
}

/// The 结束语 that belong to one 文种 only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GenreClosing {
    pub genre: String,
    pub phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Attachment {
    /// A line that starts with one of these begins the 附件说明.
    pub prefixes: Vec<String>,
    /// How the names of attachments end (统计表, 方案): parts of one 附件说明 line that all
    /// end so are several attachments.
    pub name_endings: Vec<String>,
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
        VOCABULARY.get_or_init(|| crate::rules_files::read("rules/structure.toml"))
    }

    pub fn is_closing(&self, content: &str) -> bool {
        self.closing
            .phrases
            .iter()
            .any(|p| content.starts_with(p.as_str()))
    }

    /// The 文种 a title ends with (the longest of the statutory and other words), if any.
    pub fn genre_of_title<'v>(&'v self, title: &str) -> Option<&'v str> {
        let t = title.trim_end_matches(['。', ' ', '\u{3000}', '*']);
        self.document_type
            .statutory
            .iter()
            .chain(&self.document_type.other)
            .filter(|g| t.ends_with(g.as_str()))
            .max_by_key(|g| g.len())
            .map(String::as_str)
    }

    /// A title that a drafter closed with “。”: “关于……的请示。”.
    pub fn is_title_with_full_stop(&self, content: &str) -> bool {
        content.ends_with('。')
            && content.matches('。').count() == 1
            && !content.contains(['，', '；'])
            && content.contains("关于")
            && self
                .genre_of_title(content)
                .is_some_and(|g| self.document_type.statutory.iter().any(|s| s == g))
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
