//! Document profiles (`rules/profiles/*.toml`): what a 自查报告, 整改报告, 工作总结 …
//! must contain, in what order, and how it must close.

use std::sync::OnceLock;

use serde::Deserialize;

/// The profiles built into the binary, most specific first; `generic` is last.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/profiles/duty-integrity-report.toml",
        include_str!("../rules/profiles/duty-integrity-report.toml"),
    ),
    (
        "rules/profiles/duty-report.toml",
        include_str!("../rules/profiles/duty-report.toml"),
    ),
    (
        "rules/profiles/inspection-rectification.toml",
        include_str!("../rules/profiles/inspection-rectification.toml"),
    ),
    (
        "rules/profiles/rectification.toml",
        include_str!("../rules/profiles/rectification.toml"),
    ),
    (
        "rules/profiles/self-inspection.toml",
        include_str!("../rules/profiles/self-inspection.toml"),
    ),
    (
        "rules/profiles/comparison-check.toml",
        include_str!("../rules/profiles/comparison-check.toml"),
    ),
    (
        "rules/profiles/government-work-report.toml",
        include_str!("../rules/profiles/government-work-report.toml"),
    ),
    (
        "rules/profiles/work-summary.toml",
        include_str!("../rules/profiles/work-summary.toml"),
    ),
    (
        "rules/profiles/generic.toml",
        include_str!("../rules/profiles/generic.toml"),
    ),
];

/// What kind of text a section holds; the timeliness rules read it (an account of the
/// past versus guidance and plans).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Background,
    Retrospective,
    Problems,
    Causes,
    ForwardLooking,
    Other,
}

/// One section a profile expects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionSpec {
    pub id: String,
    /// The name used in messages, e.g. "存在的问题".
    pub name: String,
    pub kind: SectionKind,
    /// A top-level heading whose title contains one of these satisfies the section.
    pub titles: Vec<String>,
    #[serde(default)]
    pub required: bool,
}

/// The closing elements a profile requires.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ClosingSpec {
    /// 落款 required.
    #[serde(default)]
    pub signature: bool,
    /// 成文日期 required.
    #[serde(default)]
    pub date: bool,
}

/// A document profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// The profile applies when the title contains one of these.
    #[serde(default)]
    pub title_contains: Vec<String>,
    #[serde(default)]
    pub require_title: bool,
    #[serde(default, rename = "section")]
    pub sections: Vec<SectionSpec>,
    #[serde(default)]
    pub closing: ClosingSpec,
    pub source: String,
}

impl Profile {
    /// The built-in profiles, most specific first.
    pub fn all() -> &'static [Profile] {
        static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
        PROFILES.get_or_init(|| {
            EMBEDDED
                .iter()
                .map(|(name, text)| {
                    toml::from_str(text)
                        .unwrap_or_else(|e| panic!("{name} is validated by the test suite: {e}"))
                })
                .collect()
        })
    }

    pub fn by_id(id: &str) -> Option<&'static Profile> {
        Self::all().iter().find(|p| p.id == id)
    }

    pub fn generic() -> &'static Profile {
        Self::by_id("generic").expect("the generic profile is embedded")
    }

    /// The first profile whose title keywords the title contains, else the generic one.
    pub fn for_title(title: Option<&str>) -> &'static Profile {
        let endings = &crate::document::vocabulary::Vocabulary::embedded()
            .document_type
            .non_report_endings;
        title
            .map(|t| t.trim_end_matches(['*', ' ', '\u{3000}', '）', ')']))
            .filter(|t| !endings.iter().any(|e| t.ends_with(e.as_str())))
            .and_then(|t| {
                Self::all()
                    .iter()
                    .find(|p| p.title_contains.iter().any(|k| t.contains(k.as_str())))
            })
            .unwrap_or_else(Self::generic)
    }

    /// The expected section a heading title satisfies, if any.
    pub fn section_for_title(&self, title: &str) -> Option<&SectionSpec> {
        self.sections
            .iter()
            .find(|s| s.titles.iter().any(|t| title.contains(t.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_profile_loads_with_unique_ids() {
        let all = Profile::all();
        assert_eq!(all.len(), EMBEDDED.len());
        let mut ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        assert_eq!(all.last().map(|p| p.id.as_str()), Some("generic"));
    }

    #[test]
    fn profile_is_chosen_from_the_title() {
        assert_eq!(
            Profile::for_title(Some("镇党委自查报告")).id,
            "self-inspection"
        );
        assert_eq!(
            Profile::for_title(Some("关于巡察反馈意见整改情况的报告")).id,
            "inspection-rectification"
        );
        assert_eq!(
            Profile::for_title(Some("2023年度述职述廉报告")).id,
            "duty-integrity-report"
        );
        assert_eq!(
            Profile::for_title(Some("2023年度述职报告")).id,
            "duty-report"
        );
        assert_eq!(
            Profile::for_title(Some("支部委员会对照检查材料")).id,
            "comparison-check"
        );
        assert_eq!(
            Profile::for_title(Some("2022年工作总结")).id,
            "work-summary"
        );
        assert_eq!(
            Profile::for_title(Some("政府工作报告")).id,
            "government-work-report"
        );
        assert_eq!(
            Profile::for_title(Some("党支部2025年党建工作报告")).id,
            "work-summary"
        );
        assert_eq!(Profile::for_title(None).id, "generic");
        assert_eq!(
            Profile::for_title(Some("关于做好督查发现问题整改的通知")).id,
            "generic"
        );
    }
}
