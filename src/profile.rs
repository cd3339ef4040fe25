//! Document profiles (`rules/profiles/*.toml`): what a 自查报告, 整改报告, 工作总结 …
//! must contain, in what order, and how it must close.

use std::sync::{Arc, OnceLock};

use serde::Deserialize;

/// The profiles built into the binary, in the order they are tried against a title: the
/// 文种 of the 条例 that a title ends with first, then the report types named inside a
/// title, then the plain 报告 and the 方案/计划/要点; `generic` is last.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/profiles/rule-of-law-report.toml",
        include_str!("../rules/profiles/rule-of-law-report.toml"),
    ),
    (
        "rules/profiles/issuing-notice.toml",
        include_str!("../rules/profiles/issuing-notice.toml"),
    ),
    (
        "rules/profiles/notice.toml",
        include_str!("../rules/profiles/notice.toml"),
    ),
    (
        "rules/profiles/bulletin.toml",
        include_str!("../rules/profiles/bulletin.toml"),
    ),
    (
        "rules/profiles/request.toml",
        include_str!("../rules/profiles/request.toml"),
    ),
    (
        "rules/profiles/reply.toml",
        include_str!("../rules/profiles/reply.toml"),
    ),
    (
        "rules/profiles/letter.toml",
        include_str!("../rules/profiles/letter.toml"),
    ),
    (
        "rules/profiles/opinion.toml",
        include_str!("../rules/profiles/opinion.toml"),
    ),
    (
        "rules/profiles/decision.toml",
        include_str!("../rules/profiles/decision.toml"),
    ),
    (
        "rules/profiles/minutes.toml",
        include_str!("../rules/profiles/minutes.toml"),
    ),
    (
        "rules/profiles/speech.toml",
        include_str!("../rules/profiles/speech.toml"),
    ),
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
        "rules/profiles/report.toml",
        include_str!("../rules/profiles/report.toml"),
    ),
    (
        "rules/profiles/plan.toml",
        include_str!("../rules/profiles/plan.toml"),
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
    /// The 结束语 this type of document uses (for messages and, with `phrase-required`,
    /// for the check that one is there), e.g. 妥否，请批示 for a 请示.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// One of `phrases` must close the text (请示, 函).
    #[serde(default)]
    pub phrase_required: bool,
}

/// Which way a document goes: a 上行文 (请示, 报告) needs a 签发人 when it carries a
/// 发文字号 (《条例》第九条（六）).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Upward,
    Downward,
    Parallel,
    #[default]
    Any,
}

/// The 主送机关 a profile requires.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AddresseeSpec {
    /// A 主送机关 line is required.
    #[serde(default)]
    pub required: bool,
    /// Exactly one 主送机关 (请示: 《条例》第十五条（一）).
    #[serde(default)]
    pub single: bool,
}

/// A document profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// The profile applies when the title contains one of these (and, when
    /// `title-ends-with` is given too, ends with one of those).
    #[serde(default)]
    pub title_contains: Vec<String>,
    /// The profile applies when the title ends with one of these 文种.
    #[serde(default)]
    pub title_ends_with: Vec<String>,
    /// …or when a subtitle line (“——在……上的讲话”) contains one of these.
    #[serde(default)]
    pub subtitle_contains: Vec<String>,
    /// The 文种 of the 《条例》 this profile is (通知, 请示 …), if it is one.
    #[serde(default)]
    pub genre: Option<String>,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub addressee: AddresseeSpec,
    #[serde(default)]
    pub require_title: bool,
    #[serde(default, rename = "section")]
    pub sections: Vec<SectionSpec>,
    #[serde(default)]
    pub closing: ClosingSpec,
    pub source: String,
}

/// What a profile is matched against: the title (its lines joined when a long title is
/// broken over two) and the subtitle lines of the title block.
#[derive(Debug, Clone, Copy, Default)]
pub struct TitleBlock<'t> {
    pub title: Option<&'t str>,
    pub subtitles: &'t [&'t str],
}

impl Profile {
    /// The built-in profiles, in the order they are tried; parsed once per process and
    /// shared (every file's context holds an `Arc` of its profile, never a copy).
    pub fn all() -> &'static [Arc<Profile>] {
        static PROFILES: OnceLock<Vec<Arc<Profile>>> = OnceLock::new();
        PROFILES.get_or_init(|| {
            EMBEDDED
                .iter()
                .map(|(name, _)| Arc::new(crate::rules_files::read(name)))
                .collect()
        })
    }

    /// The built-in profile with this id.
    pub fn by_id(id: &str) -> Option<Arc<Profile>> {
        Self::all().iter().find(|p| p.id == id).cloned()
    }

    pub fn generic() -> Arc<Profile> {
        Self::by_id("generic").expect("the generic profile is embedded")
    }

    /// The first built-in profile whose title keywords the title matches, else the
    /// generic one.
    pub fn for_title(title: Option<&str>) -> Arc<Profile> {
        Arc::clone(ProfileSet::embedded().for_title_block(TitleBlock {
            title,
            subtitles: &[],
        }))
    }

    /// Whether this profile applies to a document with this title block.
    pub fn matches(&self, block: TitleBlock<'_>) -> bool {
        let title_matches = block.title.map(strip_title_decoration).is_some_and(|t| {
            let ends = self.title_ends_with.iter().any(|e| t.ends_with(e.as_str()));
            let contains = self.title_contains.iter().any(|k| t.contains(k.as_str()));
            match (
                self.title_ends_with.is_empty(),
                self.title_contains.is_empty(),
            ) {
                (true, true) => false,
                (false, true) => ends,
                (true, false) => {
                    // A report type named inside the title of another 文种 (“关于做好
                    // 整改工作的通知”, “整改方案”) is not that report.
                    let endings = &crate::document::vocabulary::Vocabulary::embedded()
                        .document_type
                        .non_report_endings;
                    contains && !endings.iter().any(|e| t.ends_with(e.as_str()))
                }
                (false, false) => ends && contains,
            }
        });
        title_matches
            || block.subtitles.iter().any(|s| {
                self.subtitle_contains
                    .iter()
                    .any(|k| s.contains(k.as_str()))
            })
    }

    /// The expected section a heading title satisfies, if any.
    pub fn section_for_title(&self, title: &str) -> Option<&SectionSpec> {
        self.sections
            .iter()
            .find(|s| s.titles.iter().any(|t| title.contains(t.as_str())))
    }

    /// What is wrong with this profile beyond its TOML shape, one message each; the
    /// built-in profiles and the user's (`profiles = [...]` in gwlint.toml) are checked alike.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let kebab = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        if !kebab(&self.id) {
            out.push(format!("id“{}”应由小写英文字母、数字和连字符组成", self.id));
        }
        if self.name.trim().is_empty() {
            out.push("name 不能为空".to_string());
        }
        if self.source.trim().is_empty() {
            out.push("source 不能为空：写明这一文种结构的出处".to_string());
        }
        if self.id != "generic"
            && self.title_contains.is_empty()
            && self.title_ends_with.is_empty()
            && self.subtitle_contains.is_empty()
        {
            out.push(
                "title-contains、title-ends-with、subtitle-contains 至少写一项，否则标题永远选不到这个文种"
                    .to_string(),
            );
        }
        for (key, words) in [
            ("title-contains", &self.title_contains),
            ("title-ends-with", &self.title_ends_with),
            ("subtitle-contains", &self.subtitle_contains),
            ("closing.phrases", &self.closing.phrases),
        ] {
            if words.iter().any(|w| w.trim().is_empty()) {
                out.push(format!("{key} 中有空字符串"));
            }
        }
        if self.closing.phrase_required && self.closing.phrases.is_empty() {
            out.push(
                "closing.phrase-required = true 时须在 closing.phrases 中列出结束语".to_string(),
            );
        }
        let mut ids: Vec<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            out.push("[[section]] 的 id 有重复".to_string());
        }
        for section in &self.sections {
            if section.titles.is_empty() || section.titles.iter().any(|t| t.trim().is_empty()) {
                out.push(format!(
                    "小节“{}”的 titles 不能为空，也不能有空字符串",
                    section.name
                ));
            }
        }
        out
    }
}

/// “# 标题”, “**标题**”, a trailing （试行） or （征求意见稿）: what a title may carry
/// around its 文种.
fn strip_title_decoration(title: &str) -> &str {
    let mut t = title.trim_matches(['*', ' ', '\u{3000}']);
    loop {
        let before = t;
        for suffix in [
            "（试行）",
            "(试行)",
            "（暂行）",
            "（征求意见稿）",
            "（送审稿）",
            "（草案）",
            "（代拟稿）",
        ] {
            t = t.strip_suffix(suffix).unwrap_or(t);
        }
        t = t.trim_end_matches(['*', ' ', '\u{3000}', '。']);
        if t == before {
            return t;
        }
    }
}

/// The profiles a run chooses from: the user's own (`profiles = [...]` in gwlint.toml),
/// tried first, then the built-in ones they do not replace; `generic` last. Held by
/// `Arc` in the settings: every file under one configuration shares one set, and a set
/// is freed with the last settings that use it (a language server reloading its
/// configuration does not accumulate them).
#[derive(Debug)]
pub struct ProfileSet {
    profiles: Vec<Arc<Profile>>,
}

impl ProfileSet {
    /// The built-in profiles only.
    pub fn embedded() -> &'static Arc<ProfileSet> {
        static SET: OnceLock<Arc<ProfileSet>> = OnceLock::new();
        SET.get_or_init(|| {
            Arc::new(ProfileSet {
                profiles: Profile::all().to_vec(),
            })
        })
    }

    /// The user's profiles before the built-in ones; a user profile with a built-in id
    /// replaces it (a replaced `generic` stays last).
    pub fn with_user(user: Vec<Arc<Profile>>) -> ProfileSet {
        let replaced = |id: &str| user.iter().any(|p| p.id == id);
        let user_generic = user.iter().find(|p| p.id == "generic").cloned();
        let mut profiles: Vec<Arc<Profile>> =
            user.iter().filter(|p| p.id != "generic").cloned().collect();
        profiles.extend(
            Profile::all()
                .iter()
                .filter(|p| !replaced(&p.id) && p.id != "generic")
                .cloned(),
        );
        profiles.push(user_generic.unwrap_or_else(Profile::generic));
        ProfileSet { profiles }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Profile>> + '_ {
        self.profiles.iter()
    }

    pub fn by_id(&self, id: &str) -> Option<&Arc<Profile>> {
        self.iter().find(|p| p.id == id)
    }

    /// The ids, comma-separated, for messages.
    pub fn ids(&self) -> String {
        self.iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The first profile matching the title block, else the last one (`generic`).
    pub fn for_title_block(&self, block: TitleBlock<'_>) -> &Arc<Profile> {
        self.iter()
            .find(|p| p.matches(block))
            .or_else(|| self.profiles.last())
            .expect("a profile set always ends with generic")
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
        for (title, id) in [
            ("镇党委自查报告", "self-inspection"),
            ("关于巡察反馈意见整改情况的报告", "inspection-rectification"),
            ("2023年度述职述廉报告", "duty-integrity-report"),
            ("2023年度述职报告", "duty-report"),
            ("支部委员会对照检查材料", "comparison-check"),
            ("2022年工作总结", "work-summary"),
            ("政府工作报告", "government-work-report"),
            ("党支部2025年党建工作报告", "work-summary"),
            // A report type named inside the title of another 文种 is not that report.
            ("关于做好督查发现问题整改的通知", "notice"),
            ("整改工作方案", "plan"),
        ] {
            assert_eq!(Profile::for_title(Some(title)).id, id, "{title}");
        }
        assert_eq!(Profile::for_title(None).id, "generic");
    }

    #[test]
    fn each_type_of_the_regulations_is_chosen_from_the_title() {
        for (title, id) in [
            ("关于召开2024年度民主生活会的通知", "notice"),
            (
                "关于印发《示范县2024年安全生产工作要点》的通知",
                "issuing-notice",
            ),
            (
                "县人民政府办公室转发市教育局关于做好春季开学工作意见的通知",
                "issuing-notice",
            ),
            ("关于2023年度安全生产考核情况的通报", "bulletin"),
            ("示范县卫生健康局关于2023年度工作情况的报告", "report"),
            ("关于申请办公用房维修经费的请示", "request"),
            ("关于同意设立示范镇便民服务中心的批复", "reply"),
            ("关于商请支持开展联合执法的函", "letter"),
            ("示范县交通运输局关于道路养护经费问题的复函", "letter"),
            ("关于进一步加强城市供水安全保障工作的实施意见", "opinion"),
            ("关于表彰2023年度先进集体和先进个人的决定", "decision"),
            ("县政府第12次常务会议纪要", "minutes"),
            ("示范县2024年安全生产工作要点", "plan"),
            ("示范镇防汛应急预案（试行）", "plan"),
            ("在全县经济工作会议上的讲话", "speech"),
            ("示范县2023年法治政府建设情况的报告", "rule-of-law-report"),
            (
                "示范县人民政府关于2023年度法治政府建设工作情况的报告",
                "rule-of-law-report",
            ),
            (
                "关于2023年度巡察反馈问题整改情况的报告",
                "inspection-rectification",
            ),
        ] {
            assert_eq!(Profile::for_title(Some(title)).id, id, "{title}");
        }
        let subtitle = ["——在全县经济工作会议上的讲话"];
        assert_eq!(
            ProfileSet::embedded()
                .for_title_block(TitleBlock {
                    title: Some("凝心聚力　真抓实干"),
                    subtitles: &subtitle,
                })
                .id,
            "speech"
        );
    }

    #[test]
    fn every_embedded_profile_passes_the_checks_user_profiles_get() {
        for p in Profile::all() {
            assert_eq!(p.problems(), Vec::<String>::new(), "{}", p.id);
        }
    }

    #[test]
    fn user_profiles_come_first_and_replace_built_ins_with_their_id() {
        let own = Arc::new(
            toml::from_str::<Profile>(
                "id = \"notice\"\nname = \"本单位通知\"\ntitle-ends-with = [\"通知\"]\nsource = \"本单位公文处理办法\"\n",
            )
            .unwrap(),
        );
        let set = ProfileSet::with_user(vec![own]);
        assert_eq!(
            set.by_id("notice").map(|p| p.name.as_str()),
            Some("本单位通知")
        );
        assert_eq!(set.iter().filter(|p| p.id == "notice").count(), 1);
        assert_eq!(set.iter().last().map(|p| p.id.as_str()), Some("generic"));
        assert_eq!(
            set.for_title_block(TitleBlock {
                title: Some("关于印发《方案》的通知"),
                subtitles: &[],
            })
            .name,
            "本单位通知"
        );
    }
}
