//! Whether a mention is an account of the past or current guidance, from the words
//! around it (`rules/context.toml`) and the kind of section it sits in.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::profile::SectionKind;

/// How a mention is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    /// A time span ("党的十八大以来") or an account of what was done ("学习了…").
    Past,
    /// Current guidance or a plan ("用…武装", "按照…要求", in 下一步打算).
    Guidance,
    /// Nothing tells.
    Unknown,
}

impl Usage {
    /// Why, for messages.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Past => "回顾",
            Self::Guidance => "当前指导或今后安排",
            Self::Unknown => "未能判断用途",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct After {
    after: Vec<String>,
    #[allow(dead_code)]
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Before {
    before: Vec<String>,
    #[allow(dead_code)]
    source: String,
}

/// Cue words of one usage (`[past]`, `[guidance]`): before and after a mention.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct BeforeAndAfter {
    before: Vec<String>,
    after: Vec<String>,
    #[allow(dead_code)]
    source: String,
}

/// Title keywords that give a section its kind when the profile does not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SectionKinds {
    pub forward_looking: Vec<String>,
    pub retrospective: Vec<String>,
    pub problems: Vec<String>,
    pub background: Vec<String>,
    #[allow(dead_code)]
    source: String,
}

impl SectionKinds {
    /// The kind a heading title names, checked in the order forward, problems,
    /// retrospective, background ("存在的问题及整改措施" is forward-looking).
    pub fn of_title(&self, title: &str) -> Option<SectionKind> {
        let has = |words: &[String]| words.iter().any(|w| title.contains(w.as_str()));
        if has(&self.forward_looking) {
            Some(SectionKind::ForwardLooking)
        } else if has(&self.problems) {
            Some(SectionKind::Problems)
        } else if has(&self.retrospective) {
            Some(SectionKind::Retrospective)
        } else if has(&self.background) {
            Some(SectionKind::Background)
        } else {
            None
        }
    }
}

/// The cue words of `rules/context.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Cues {
    time_span: After,
    past: BeforeAndAfter,
    guidance: BeforeAndAfter,
    future: Before,
    pub section_kinds: SectionKinds,
    /// One automaton over the past, future and guidance `before` words, built on first use.
    #[serde(skip)]
    before_words: OnceLock<BeforeWords>,
}

/// The `before` cue words in one automaton; each pattern carries the lists it is in
/// (bit 0 past, 1 future, 2 guidance), so one pass over the sentence finds, for each
/// list, the end of the last occurrence of any of its words (what `rfind` per word gave).
#[derive(Debug)]
struct BeforeWords {
    automaton: Option<aho_corasick::AhoCorasick>,
    lists: Vec<u8>,
    /// Lists holding an empty word (it "occurs" at the very end).
    empty: u8,
}

impl BeforeWords {
    fn new(lists: [&[String]; 3]) -> Self {
        let mut words: Vec<&str> = Vec::new();
        let mut masks: Vec<u8> = Vec::new();
        let mut empty = 0;
        for (bit, list) in lists.iter().enumerate() {
            for w in *list {
                if w.is_empty() {
                    empty |= 1 << bit;
                } else if let Some(i) = words.iter().position(|x| *x == w.as_str()) {
                    masks[i] |= 1 << bit;
                } else {
                    words.push(w);
                    masks.push(1 << bit);
                }
            }
        }
        let automaton = (!words.is_empty()).then(|| {
            aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&words)
                .expect("cue words are plain strings")
        });
        Self {
            automaton,
            lists: masks,
            empty,
        }
    }

    /// For past, future and guidance: the end of the last cue word in `before`.
    fn nearest(&self, before: &str) -> [Option<usize>; 3] {
        let mut best = [None; 3];
        let mut note = |mask: u8, end: usize| {
            for (bit, b) in best.iter_mut().enumerate() {
                if mask & (1 << bit) != 0 {
                    *b = (*b).max(Some(end));
                }
            }
        };
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(before) {
                note(self.lists[m.pattern().as_usize()], m.end());
            }
        }
        note(self.empty, before.len());
        best
    }
}

/// How far (bytes) before and after a mention its cue words are looked for.
const WINDOW: usize = 4096;

/// The largest char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Cues {
    pub fn embedded() -> &'static Self {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| crate::rules_files::read("rules/context.toml"))
    }

    /// How the mention at `start..end` of `text` is used; `section` is the kind of the
    /// top-level section it sits in.
    pub fn usage(
        &self,
        text: &str,
        start: usize,
        end: usize,
        section: Option<SectionKind>,
    ) -> Usage {
        // Cue words are looked for within the sentence, and at most WINDOW bytes away:
        // a "sentence" of megabytes without punctuation would make every mention scan
        // it (quadratic); no real sentence is that long.
        let window_start = floor_char_boundary(text, start.saturating_sub(WINDOW));
        let sentence_start = text[window_start..start]
            .rfind(['。', '；', '！', '？', '\n', '\r'])
            .map_or(window_start, |p| {
                let p = window_start + p;
                p + text[p..].chars().next().map_or(1, char::len_utf8)
            });
        let after = text[end..].trim_start_matches(['”', '’', '》', '"', ' ']);
        let mention = &text[start..end];
        // "“十三五”时期" may itself be the matched alias.
        // Up to two characters may come between ("新冠肺炎疫情期间").
        let near: &str = {
            let cut = after.char_indices().nth(2).map_or(after.len(), |(i, _)| i);
            &after[..cut]
        };
        // Worked out once, not for each word.
        let near_is_words = near
            .chars()
            .all(|c| !c.is_ascii() && !matches!(c, '，' | '。' | '、' | '；' | '：'));
        let time_span = |w: &String| {
            after.starts_with(w.as_str())
                || mention.ends_with(w.as_str())
                || (near_is_words
                    && after[near.len()..].starts_with(w.as_str())
                    && ["期间", "时期", "以来"].contains(&w.as_str()))
        };
        if self.time_span.after.iter().any(time_span) {
            return Usage::Past;
        }
        let before = &text[sentence_start..start];
        let [past, future, guidance] = self
            .before_words
            .get_or_init(|| {
                BeforeWords::new([
                    &self.past.before,
                    &self.future.before,
                    &self.guidance.before,
                ])
            })
            .nearest(before);
        let guidance = guidance.max(future);
        let window_end = floor_char_boundary(after, WINDOW);
        let clause_end = after[..window_end]
            .find(['。', '；', '，', '\n'])
            .unwrap_or(window_end);
        let guidance_after = self
            .guidance
            .after
            .iter()
            .any(|w| after[..clause_end].contains(w.as_str()));
        let later = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (Some(a), Some(b)) => a > b,
            (Some(_), None) => true,
            _ => false,
        };
        match section {
            // In an account of the past, "按照……要求" tells how the work was done; only a
            // word about the future makes it guidance.
            Some(
                SectionKind::Retrospective
                | SectionKind::Problems
                | SectionKind::Background
                | SectionKind::Causes,
            ) => {
                if later(future, past) {
                    Usage::Guidance
                } else {
                    Usage::Past
                }
            }
            Some(SectionKind::ForwardLooking) => {
                if later(past, guidance) {
                    Usage::Past
                } else {
                    Usage::Guidance
                }
            }
            Some(SectionKind::Other) | None => {
                if later(past, guidance) {
                    Usage::Past
                } else if guidance.is_some() || guidance_after {
                    Usage::Guidance
                } else if self
                    .past
                    .after
                    .iter()
                    .any(|w| after[..clause_end].contains(w.as_str()))
                {
                    Usage::Past
                } else {
                    Usage::Unknown
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(text: &str, mention: &str, section: Option<SectionKind>) -> Usage {
        let start = text.find(mention).unwrap();
        Cues::embedded().usage(text, start, start + mention.len(), section)
    }

    #[test]
    fn time_spans_and_accounts_are_past() {
        assert_eq!(
            usage("党的十八大以来，我镇经济持续快速发展。", "党的十八大", None),
            Usage::Past
        );
        assert_eq!(
            usage(
                "组织全体机关干部系统性学习了党的二十大，省委全会精神。",
                "党的二十大",
                None
            ),
            Usage::Past
        );
        assert_eq!(
            usage(
                "“十三五”期间，全镇新建道路80公里。",
                "十三五",
                Some(SectionKind::ForwardLooking)
            ),
            Usage::Past
        );
    }

    #[test]
    fn guidance_and_plans_are_guidance() {
        let text = "用十八大及十八届六中全会精神武装干部头脑。";
        assert_eq!(
            usage(text, "十八届六中全会", Some(SectionKind::ForwardLooking)),
            Usage::Guidance
        );
        assert_eq!(usage(text, "十八届六中全会", None), Usage::Guidance);
        assert_eq!(
            usage(
                "镇党委将认真组织学习习近平总书记系列重要讲话精神。",
                "习近平总书记系列重要讲话精神",
                None
            ),
            Usage::Guidance
        );
        assert_eq!(
            usage("制定好《农村道路建设十三五规划》。", "十三五", None),
            Usage::Guidance
        );
        assert_eq!(
            usage("重点抓好八个贫困村的工作。", "贫困村", None),
            Usage::Guidance
        );
        // In a retrospective section only a word about the future makes guidance.
        let retro = Some(SectionKind::Retrospective);
        assert_eq!(
            usage(
                "围绕“两学一做”学习教育要求，牢固树立科学发展观。",
                "两学一做",
                retro
            ),
            Usage::Past
        );
        assert_eq!(
            usage("下一步将按照两学一做的要求开展工作。", "两学一做", retro),
            Usage::Guidance
        );
    }

    #[test]
    fn without_cues_the_section_decides() {
        assert_eq!(
            usage(
                "十八届六中全会精神。",
                "十八届六中全会",
                Some(SectionKind::ForwardLooking)
            ),
            Usage::Guidance
        );
        assert_eq!(
            usage(
                "新农合全面落实。",
                "新农合",
                Some(SectionKind::Retrospective)
            ),
            Usage::Past
        );
        assert_eq!(usage("新农合全面落实。", "新农合", None), Usage::Unknown);
    }

    #[test]
    fn section_kinds_from_titles() {
        let kinds = &Cues::embedded().section_kinds;
        assert_eq!(
            kinds.of_title("今后努力方向和改进措施"),
            Some(SectionKind::ForwardLooking)
        );
        assert_eq!(
            kinds.of_title("存在的问题与不足"),
            Some(SectionKind::Problems)
        );
        assert_eq!(
            kinds.of_title("工作开展情况"),
            Some(SectionKind::Retrospective)
        );
        assert_eq!(
            kinds.of_title("过去一年工作回顾"),
            Some(SectionKind::Retrospective)
        );
        assert_eq!(kinds.of_title("坚持理论学习"), None);
    }
}
