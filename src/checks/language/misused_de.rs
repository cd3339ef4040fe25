use super::vocabulary::misused_de;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::words::{is_word_char, lexicon, Word};

declare_rule! {
    /// “的”用在了该用“得”“地”的地方：“做的很好”→“做得很好”，“认真的学习了”→“认真地学习了”。
    ///
    /// ## 为什么
    /// 《现代汉语词典》：“得”连接动词和表示结果、程度的补语，“地”连接状语和它修饰的动词，“的”连接定语
    /// 和中心语。三者混用是公文校对最常圈出的差错之一。这条检查只认两种不会看错的格局，宁缺毋滥：
    /// - 动词 + “的” + 程度副词 + 形容词，并结束一个分句（“工作做的很好，”“认识的不够深刻。”），或动词 +
    ///   “的” + 常作补语的形容词、AABB 式形容词结束分句（“讲的清楚，”“做的扎扎实实。”）：应为“得”；
    /// - 形容词、副词 + “的” + 动词 + “了/着” + 后续成分（“认真的学习了党章”）：动词带了“了”“着”必是谓语，
    ///   应为“地”。
    ///
    /// “随着改革的深入”“做出积极的贡献”“新的实践”这类“的”不提示。修改建议需要人工确认。
    ///
    /// ## 示例
    /// ```text
    /// 去年的工作做的很好，全体干部认真的学习了党章。
    /// ```
    /// 应写作：
    /// ```text
    /// 去年的工作做得很好，全体干部认真地学习了党章。
    /// ```
    pub struct MisusedDe {
        code: L104,
        name: "misused-de",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.3.0",
        basis: "《现代汉语词典》“的”“地”“得”条（rules/language.toml）",
    }
}

/// Longest complement (after 的, to the end of the clause) looked at, in characters
/// (还不够扎实到位).
const LONGEST_COMPLEMENT: usize = 8;

/// Words that make “动词+的” a noun phrase: 随着改革的深入 is not a complement, and
/// neither is a comparison (结果比预想的好, 没有预期的好).
const NOMINAL_CUES: &[&str] = &[
    "随着", "伴随", "由于", "通过", "经过", "对于", "关于", "比", "较", "不如", "没有", "没",
];

impl Rule for MisusedDe {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let de_len = '的'.len_utf8();
        let mut found = Vec::new();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            let protected = cx.views.protected(seg);
            for (offset, _) in s.match_indices('的') {
                let at = seg.span.start + offset;
                let following = &s[offset + de_len..];
                // What follows 的 to the end of its clause, when the clause ends soon.
                let after = clause_rest(following);
                let complement = complement_ending_clause(after);
                if protected.contains(offset) || !(complement || adverbial_cue(following)) {
                    continue;
                }
                let hit = cx.views.words.with_clause(at, |words| {
                    let k = words.partition_point(|w| w.span.start < at);
                    if k == 0 || words.get(k).is_none_or(|w| w.text(text) != "的") {
                        return None;
                    }
                    let before = &words[..k];
                    if complement && is_complement_frame(text, before, after) {
                        Some(('得', before[k - 1].span.start, at + de_len + after.len()))
                    } else if is_adverbial_frame(text, before, &words[k + 1..]) {
                        Some(('地', before[k - 1].span.start, words[k + 2].span.end))
                    } else {
                        None
                    }
                });
                if let Some((right, from, to)) = hit {
                    found.push((at, right, from, to));
                }
            }
        }
        for (at, right, from, to) in found {
            let shown = &text[from..to];
            let corrected = format!("{}{right}{}", &text[from..at], &text[at + de_len..to]);
            let why = if right == '得' {
                "动词后连接程度、结果补语用“得”"
            } else {
                "修饰动词作状语用“地”"
            };
            cx.report(
                Span::new(at, at + de_len),
                format!("“{shown}”中的“的”应为“{right}”：{why}"),
            )
            .help(format!("改为“{corrected}”"))
            .fix(Fix::unsafe_replace(Span::new(at, at + de_len), right));
        }
    }
}

/// The start of `following` up to the end of its clause, when that is at most
/// [`LONGEST_COMPLEMENT`] characters away; else "" (only that far is read).
fn clause_rest(following: &str) -> &str {
    for (n, (i, c)) in following.char_indices().enumerate() {
        if !is_word_char(c) {
            return &following[..i];
        }
        if n == LONGEST_COMPLEMENT {
            return "";
        }
    }
    following
}

/// Whether `after` (what follows 的 to the end of its clause) is a complement: a degree
/// adverb and an adjective (很好, 不够深刻), or one of the listed complements (清楚).
fn complement_ending_clause(after: &str) -> bool {
    if after.is_empty() {
        return false;
    }
    let de = misused_de();
    if is_bare_complement(after) {
        return true;
    }
    de.degree_adverbs.iter().any(|adverb| {
        after.strip_prefix(adverb.as_str()).is_some_and(|rest| {
            de.complements.iter().any(|c| c == rest)
                || lexicon()
                    .get(rest)
                    .is_some_and(|e| matches!(e.tag(), "a" | "ad" | "an" | "d" | "z"))
        })
    })
}

/// A complement without a degree adverb: one of the listed adjectives (清楚), or an
/// AABB state adjective of the lexicon (扎扎实实, 清清楚楚).
fn is_bare_complement(after: &str) -> bool {
    if misused_de().complements.iter().any(|c| c == after) {
        return true;
    }
    let chars: Vec<char> = after.chars().collect();
    matches!(chars[..], [a, b, c, d] if a == b && c == d && a != c)
        && lexicon().get(after).is_some_and(|e| e.tag() == "z")
}

/// Whether a 了 or 着 follows within the next four characters (after a verb of one to
/// three): the cheap test before the adverbial frame is looked at with words.
fn adverbial_cue(following: &str) -> bool {
    let de = misused_de();
    following.char_indices().skip(1).take(3).any(|(i, _)| {
        de.aspect_particles
            .iter()
            .any(|p| following[i..].starts_with(p.as_str()))
    })
}

/// 动词 + 的 + complement: the word before 的 is a verb (a verb used as a noun only with a
/// degree adverb: 宣传的很到位), and no cue before it makes the clause a noun phrase.
fn is_complement_frame(text: &str, before: &[Word], after: &str) -> bool {
    let verb = &before[before.len() - 1];
    let bare = is_bare_complement(after);
    let verb_like = verb.tag() == "v" || (!bare && verb.tag() == "vn");
    verb_like && !before.iter().any(|w| NOMINAL_CUES.contains(&w.text(text)))
}

/// Adjective or adverb of two characters or more + 的 + verb + 了/着 + more of the clause.
fn is_adverbial_frame(text: &str, before: &[Word], rest: &[Word]) -> bool {
    let modifier = &before[before.len() - 1];
    let [verb, particle, _, ..] = rest else {
        return false;
    };
    modifier.chars(text) >= 2
        && matches!(modifier.tag(), "a" | "ad" | "d" | "z")
        && verb.tag() == "v"
        && misused_de()
            .aspect_particles
            .iter()
            .any(|p| p == particle.text(text))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn de_before_a_complement_fires() {
        assert_fires(
            "L104",
            &[
                (
                    "去年的工作做的很好，问题讲的清楚。\n对理论学习认识的不够深刻，把工作做的扎扎实实。\n",
                    &[
                        "1:7 “做的很好”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                        "1:14 “讲的清楚”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                        "2:8 “认识的不够深刻”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                        "2:18 “做的扎扎实实”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                    ],
                ),
            ],
        );
    }

    #[test]
    fn adverbial_de_before_a_verb_with_le_fires() {
        assert_fires(
            "L104",
            &[(
                "全体干部认真的学习了党章，热烈的讨论了整改方案。\n",
                &[
                    "1:7 “认真的学习了”中的“的”应为“地”：修饰动词作状语用“地”",
                    "1:16 “热烈的讨论了”中的“的”应为“地”：修饰动词作状语用“地”",
                ],
            )],
        );
    }

    #[test]
    fn de_that_joins_a_noun_is_silent() {
        assert_silent(
            "L104",
            &[
                "随着改革的深入，我们做的很多工作得到认可。\n",
                "以新的理论指导新的实践，作出积极的贡献。\n",
                "放任不管才是最大的失职了。\n",
                "这是一次认真的学习，取得了良好的效果。\n",
                "工作做得很好，认真地学习了党章。\n",
                "他说的对，我们的目的很明确。\n",
                "困难比预料的多，结果比预想的好，效果没有预期的好。\n",
            ],
        );
    }
}
