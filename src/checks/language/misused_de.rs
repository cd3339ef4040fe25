use std::sync::LazyLock;

use crate::checks::literal_search::Literals;

use super::misused_de_gate::worth_segmenting;
use super::vocabulary::misused_de;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};
use crate::words::{is_word_char, lexicon, Word};

declare_rule! {
    /// “的”“地”“得”用混了：“做的很好”→“做得很好”，“认真的学习了”→“认真地学习了”，“我地书”→“我的书”。
    ///
    /// ## 为什么
    /// 《现代汉语词典》：“得”连接动词和表示结果、程度的补语，“地”连接状语和它修饰的动词，“的”连接定语
    /// 和中心语。三者混用是公文校对最常圈出的差错之一。这条检查只认几种不会看错的格局，宁缺毋滥：
    /// - 动词 + “的” + 程度副词 + 形容词，并结束一个分句（“工作做的很好，”“认识的不够深刻。”），或动词 +
    ///   “的” + 常作补语的形容词、AABB 式形容词结束分句（“讲的清楚，”“做的扎扎实实。”）：应为“得”；
    /// - 状语 + “的” + 动词，而动词后面有说明它是谓语的成分：“了”“着”加后续成分（“认真的学习了党章”），
    ///   趋向、结果补语加后续成分（“很快的跑到会场”），句末的“吧”（“好好的休息吧”），或者动词是“说、问、喊、
    ///   叫、告诉”（“他高兴的说”），或者状语前面是“都、也、就、会、要、一定”等能愿动词、副词而动词后面
    ///   不是名词（“他们都很快的跑了过去”“大家一定要好好的照顾自己”）：应为“地”。状语指
    ///   两个字以上的形容词、副词，叠字（“好好”“慢慢”），或程度副词加形容词（“很快”“很认真”）；
    /// - 形容词、动词 + “的很”结束分句（“这里好的很！”）：应为“得”；
    /// - “非常、极其、极为、格外” + “的” + 形容词或心理动词并结束分句（“大家非常的高兴。”）：应为“地”；
    /// - 人称代词 + “地”“得” + 名词（“我地书”“你们得意见”），两个字以上的形容词 + “地”“得” + 名词并结束
    ///   分句（“很重要得事，”）：应为“的”。
    ///
    /// 补语后面可以有句末语气词（“跑的太快了”“玩的很开心啊”）。
    /// “随着改革的深入”“做出积极的贡献”“新的实践”“有十分的把握”“要更好的发展机会”“正在成功的实践当中”
    /// 这类“的”不提示；“高兴的不得了”“累的要命”常见于规范文本，也不提示。
    /// 词表见 `rules/language.toml` 的 `[misused-de]`。修改建议需要人工确认。
    ///
    /// ## 示例
    /// ```text
    /// 去年的工作做的很好，全体干部认真的学习了党章，大家非常的高兴。这是我们得意见。
    /// ```
    /// 应写作：
    /// ```text
    /// 去年的工作做得很好，全体干部认真地学习了党章，大家非常地高兴。这是我们的意见。
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
    "随着", "伴随", "由于", "通过", "经过", "对于", "关于", "比", "较", "不如", "没有", "没", "像",
    "不像",
];

/// Tags of a word that modifies a verb: adjective, adverb, state word, and the
/// distinguishing words jieba's dictionary puts 高兴 and 主动 under.
const MODIFIER_TAGS: &[&str] = &["a", "ad", "b", "d", "z"];

/// Tags of what may follow a degree adverb as a predicate: adjectives, verbs of feeling
/// (开心 and 高兴 are tagged v and b in jieba's dictionary).
pub(super) const PREDICATE_TAGS: &[&str] = &["a", "ad", "an", "b", "v", "z"];

/// Sentence-final particles after a predicate (我非常的高兴啊).
const FINAL_PARTICLES: &[&str] = &["了", "啊", "呀", "啦"];

/// The particles the rule reads; `PARTICLE_CHARS[i]` is string `i` of `PARTICLES`.
const PARTICLE_CHARS: [char; 3] = ['的', '地', '得'];
static PARTICLES: LazyLock<Literals> =
    LazyLock::new(|| Literals::new(&PARTICLE_CHARS.map(String::from)));

/// The particles of `s`, as (byte offset, particle).
fn particles(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    PARTICLES
        .find_iter(s)
        .map(|(at, i)| (at, PARTICLE_CHARS[i]))
}

/// The first characters of the degree adverbs (`None` if one is empty: then any).
static DEGREE_ADVERB_FIRSTS: LazyLock<Option<Vec<char>>> = LazyLock::new(|| {
    misused_de()
        .degree_adverbs
        .iter()
        .map(|adverb| adverb.chars().next())
        .collect()
});

/// One misused particle: what to write, the words shown, and why.
struct Hit {
    right: char,
    from: usize,
    to: usize,
    why: &'static str,
}

const COMPLEMENT: &str = "动词后连接程度、结果补语用“得”";
const DEGREE: &str = "形容词、动词后连接表示程度的补语“很”用“得”";
const ADVERBIAL: &str = "修饰动词作状语用“地”";
const INTENSIFIER: &str = "程度副词作状语用“地”";
const ATTRIBUTIVE: &str = "定语和中心语之间用“的”";

impl Rule for MisusedDe {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let mut found = Vec::new();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            let protected = cx.views.protected(seg);
            for (offset, particle) in particles(s) {
                if protected.contains(offset) {
                    continue;
                }
                let at = seg.span.start + offset;
                let following = &s[offset + particle.len_utf8()..];
                // What follows the particle to the end of its clause, when the clause ends soon.
                let after = clause_rest(following);
                if !worth_segmenting(text, at, particle, &s[..offset], following, after) {
                    continue;
                }
                let hit = cx.views.words.with_clause(at, |words| {
                    let k = words.partition_point(|w| w.span.start < at);
                    let is_particle =
                        |w: &Word| w.text(text).starts_with(particle) && w.chars(text) == 1;
                    if k == 0 || !words.get(k).is_some_and(is_particle) {
                        return None;
                    }
                    let (before, rest) = (&words[..k], &words[k + 1..]);
                    match particle {
                        '的' => de_for_de_or_di(text, before, rest, after, at),
                        _ => possessive(text, before, rest),
                    }
                });
                if let Some(hit) = hit {
                    found.push((at, particle, hit));
                }
            }
        }
        for (at, particle, hit) in found {
            let len = particle.len_utf8();
            let shown = &text[hit.from..hit.to];
            let corrected = format!(
                "{}{}{}",
                &text[hit.from..at],
                hit.right,
                &text[at + len..hit.to]
            );
            cx.report(
                Span::new(at, at + len),
                format!("“{shown}”中的“{particle}”应为“{}”：{}", hit.right, hit.why),
            )
            .help(format!("改为“{corrected}”"))
            .fix(Fix::unsafe_replace(Span::new(at, at + len), hit.right));
        }
    }
}

/// 的 where 得 (complement) or 地 (adverbial) is meant.
fn de_for_de_or_di(
    text: &str,
    before: &[Word],
    rest: &[Word],
    after: &str,
    at: usize,
) -> Option<Hit> {
    let de_end = at + '的'.len_utf8();
    let modifier = &before[before.len() - 1];
    if complement_ending_clause(after) && is_complement_frame(text, before, after) {
        return Some(Hit {
            right: '得',
            from: modifier.span.start,
            to: de_end + after.len(),
            why: COMPLEMENT,
        });
    }
    if is_degree_complement(after) && takes_degree_complement(modifier) {
        return Some(Hit {
            right: '得',
            from: modifier.span.start,
            to: de_end + after.len(),
            why: DEGREE,
        });
    }
    if let Some((from, to)) = adverbial_frame(text, before, rest) {
        return Some(Hit {
            right: '地',
            from,
            to,
            why: ADVERBIAL,
        });
    }
    let intensified = misused_de()
        .intensifiers
        .iter()
        .any(|w| w == modifier.text(text));
    let predicate_ends_clause = match rest {
        [word] => Some(word),
        [word, particle] if FINAL_PARTICLES.contains(&particle.text(text)) => Some(word),
        _ => None,
    };
    match predicate_ends_clause {
        Some(word) if intensified && PREDICATE_TAGS.contains(&word.tag()) => Some(Hit {
            right: '地',
            from: modifier.span.start,
            to: word.span.end,
            why: INTENSIFIER,
        }),
        _ => None,
    }
}

/// 得 or 地 where 的 is meant: a personal pronoun before a noun (我地书, 你得学生), or an
/// adjective before a noun that ends the clause (很重要得事，).
fn possessive(text: &str, before: &[Word], rest: &[Word]) -> Option<Hit> {
    let owner = &before[before.len() - 1];
    let noun = rest.first().filter(|w| w.tag() == "n")?;
    let pronoun = misused_de()
        .personal_pronouns
        .iter()
        .any(|p| p == owner.text(text));
    let adjective = owner.tag() == "a" && owner.chars(text) >= 2 && rest.len() == 1;
    // 他得奖 and 我得票 are words; a single character after 得 is too often its object.
    let owned = noun.chars(text) >= 2 || text[owner.span.end..].starts_with('地');
    (pronoun && owned || adjective).then_some(Hit {
        right: '的',
        from: owner.span.start,
        to: noun.span.end,
        why: ATTRIBUTIVE,
    })
}

/// The start of `following` up to the end of its clause, when that is at most
/// [`LONGEST_COMPLEMENT`] characters away; else "" (only that far is read).
pub(super) fn clause_rest(following: &str) -> &str {
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
pub(super) fn complement_ending_clause(after: &str) -> bool {
    complement(after) || complement(without_final_particle(after))
}

/// [`complement_ending_clause`] of `after` as written.
fn complement(after: &str) -> bool {
    if after.is_empty() {
        return false;
    }
    let de = misused_de();
    if is_bare_complement(after) {
        return true;
    }
    // Most clauses after 的 start with none of the degree adverbs.
    let first = after.chars().next();
    if DEGREE_ADVERB_FIRSTS
        .as_ref()
        .is_some_and(|firsts| !first.is_some_and(|c| firsts.contains(&c)))
    {
        return false;
    }
    de.degree_adverbs.iter().any(|adverb| {
        after.strip_prefix(adverb.as_str()).is_some_and(|rest| {
            // jieba tags some adjectives of feeling as verbs (开心, 满意): a verb of two
            // characters after a degree adverb is read as one.
            de.complements.iter().any(|c| c == rest)
                || lexicon().get(rest).is_some_and(|e| {
                    matches!(e.tag(), "a" | "ad" | "an" | "d" | "z")
                        || e.tag() == "v" && rest.chars().count() == 2
                })
        })
    })
}

/// `after` without a sentence-final particle (跑得太快了, 玩得很开心啊), when more is left.
fn without_final_particle(after: &str) -> &str {
    FINAL_PARTICLES
        .iter()
        .find_map(|p| after.strip_suffix(p).filter(|rest| !rest.is_empty()))
        .unwrap_or(after)
}

/// Whether `after` (what follows 的 to the end of its clause) is a degree complement alone:
/// 很 (好的很 → 好得很).
pub(super) fn is_degree_complement(after: &str) -> bool {
    let bare = without_final_particle(after);
    misused_de()
        .degree_complements
        .iter()
        .any(|c| c == after || c == bare)
}

/// Whether the word before 的 can take a degree complement: an adjective or verb (jieba
/// tags some adjectives as nouns: 热), not a pronoun, numeral, classifier or function word
/// (有的 is one word; 我的很 is no phrase).
fn takes_degree_complement(word: &Word) -> bool {
    !matches!(
        word.tag(),
        "r" | "rr" | "rz" | "m" | "mq" | "q" | "p" | "c" | "u" | "uj" | "f" | "t" | "nr" | "ns"
    )
}

/// A complement without a degree adverb: one of the listed adjectives (清楚), or an
/// AABB state adjective of the lexicon (扎扎实实, 清清楚楚).
fn is_bare_complement(after: &str) -> bool {
    if misused_de().complements.iter().any(|c| c == after) {
        return true;
    }
    let mut chars = after.chars();
    let four = [
        chars.next(),
        chars.next(),
        chars.next(),
        chars.next(),
        chars.next(),
    ];
    matches!(four, [Some(a), Some(b), Some(c), Some(d), None] if a == b && c == d && a != c)
        && lexicon().get(after).is_some_and(|e| e.tag() == "z")
}

/// 动词 + 的 + complement: the word before 的 is a verb (a verb used as a noun only with a
/// degree adverb: 宣传的很到位), and no cue before it makes the clause a noun phrase.
fn is_complement_frame(text: &str, before: &[Word], after: &str) -> bool {
    let verb = &before[before.len() - 1];
    let bare = is_bare_complement(after);
    let verb_like = verb.tag() == "v" || (!bare && verb.tag() == "vn");
    verb_like && !before.iter().any(|w| NOMINAL_CUES.contains(&w.text(text)))
}

/// Where the adverbial modifier before 的 starts: an adjective or adverb of two characters
/// or more (认真的), a reduplicated one (好好的, 慢慢的), or a degree adverb and what it
/// modifies (很开心的).
fn adverbial_modifier(text: &str, before: &[Word]) -> Option<usize> {
    let last = before.len() - 1;
    let modifier = &before[last];
    let written: Vec<char> = modifier.text(text).chars().collect();
    let reduplicated = matches!(written[..], [a, b] if a == b)
        && !matches!(modifier.tag(), "r" | "m" | "q" | "n" | "t" | "f");
    if reduplicated || (written.len() >= 2 && MODIFIER_TAGS.contains(&modifier.tag())) {
        return Some(last);
    }
    let degree = last.checked_sub(1)?;
    (misused_de()
        .degree_adverbs
        .iter()
        .any(|a| a == before[degree].text(text))
        && PREDICATE_TAGS.contains(&modifier.tag()))
    .then_some(degree)
}

/// Tags of a word after the verb that would make 修饰语+的+动词 a noun phrase's start
/// (要更好的发展机会): nouns, verbal nouns, and 的 itself.
/// A locative or place word after it closes a noun phrase too (正在成功的实践当中).
const NOUN_TAGS: &[&str] = &[
    "n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "uj", "f", "s",
];

/// Verbs that link rather than act: 可以明确的是 is a noun phrase and 是.
const LINKING_VERBS: &[&str] = &["是", "有", "为", "在"];

/// Modifier + 的 + verb + a marker that makes the verb a predicate: 了 or 着 and more of the
/// clause (认真的学习了党章), a directional or result complement and more (很快的跑到操场),
/// or 吧 ending the clause (好好的放松吧). The span shown, from the modifier to the marker.
fn adverbial_frame(text: &str, before: &[Word], rest: &[Word]) -> Option<(usize, usize)> {
    let first = adverbial_modifier(text, before)?;
    let from = before[first].span.start;
    let de = misused_de();
    let verb = rest.first().filter(|w| w.tag() == "v")?;
    // A verb of saying is never the noun a modifier describes (高兴的说 → 高兴地说).
    // Nor is a verb with its result built in (高效的做好 → 高效地做好).
    if de.speech_verbs.iter().any(|v| v == verb.text(text))
        || de.result_verbs.iter().any(|v| v == verb.text(text))
    {
        return Some((from, verb.span.end));
    }
    // An adverb that is never attributive (尽可能的贴近群众), unless a verb before it takes the
    // whole as its object (给予尽可能的帮助).
    let is_adverb = de.adverbs.iter().any(|a| a == before[first].text(text));
    if is_adverb && first.checked_sub(1).is_none_or(|i| before[i].tag() != "v") {
        return Some((from, verb.span.end));
    }
    // After a modal verb or an adverb the modifier opens a predicate (都很快的跑, 要认真的
    // 学习), unless a noun after the verb makes it the start of a noun phrase.
    let cued = first.checked_sub(1).is_some_and(|i| {
        de.predicate_cues
            .iter()
            .any(|cue| cue == before[i].text(text))
    });
    if cued
        && !LINKING_VERBS.contains(&verb.text(text))
        && rest.get(1).is_none_or(|w| !NOUN_TAGS.contains(&w.tag()))
    {
        return Some((from, verb.span.end));
    }
    let [_, marker, tail @ ..] = rest else {
        return None;
    };
    let is = |list: &[String]| list.iter().any(|p| p == marker.text(text));
    let predicate = if tail.is_empty() {
        is(&de.imperative_particles)
    } else {
        is(&de.aspect_particles) || is(&de.verb_complements)
    };
    predicate.then_some((from, marker.span.end))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn the_vectorised_search_finds_the_particles_decoding_finds() {
        let text = "我们认真的学习，跑得很快，慢慢地走；的地得，目的的确定。\n的";
        let decoded: Vec<_> = text
            .char_indices()
            .filter(|(_, c)| super::PARTICLE_CHARS.contains(c))
            .collect();
        assert_eq!(decoded.len(), 9);
        assert_eq!(super::particles(text).collect::<Vec<_>>(), decoded);
    }

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
                (
                    "政策要讲的细，讲的透。\n",
                    &[
                        "1:5 “讲的细”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                        "1:9 “讲的透”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
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

    #[test]
    fn adverbial_de_before_a_predicate_verb_fires() {
        assert_fires(
            "L104",
            &[
                (
                    "接到通知后，大家很快的跑到会场。\n",
                    &["1:11 “很快的跑到”中的“的”应为“地”：修饰动词作状语用“地”"],
                ),
                (
                    "会议结束了，同志们好好的休息吧。\n",
                    &["1:12 “好好的休息吧”中的“的”应为“地”：修饰动词作状语用“地”"],
                ),
                (
                    "他高兴的说：“任务完成了。”大家激动的喊起来。\n",
                    &[
                        "1:4 “高兴的说”中的“的”应为“地”：修饰动词作状语用“地”",
                        "1:19 “激动的喊”中的“的”应为“地”：修饰动词作状语用“地”",
                    ],
                ),
                (
                    "听到这个消息，大家非常的高兴。\n",
                    &["1:12 “非常的高兴”中的“的”应为“地”：程度副词作状语用“地”"],
                ),
            ],
        );
    }

    #[test]
    fn adverbial_de_before_a_result_verb_or_after_an_adverb_fires() {
        assert_fires(
            "L104",
            &[
                (
                    "优质、高效的做好城市供水安全保障工作。\n",
                    &["1:6 “高效的做好”中的“的”应为“地”：修饰动词作状语用“地”"],
                ),
                (
                    "本着政务公开工作尽可能的贴近群众生活的原则。\n",
                    &["1:12 “尽可能的贴近”中的“的”应为“地”：修饰动词作状语用“地”"],
                ),
            ],
        );
        assert_silent(
            "L104",
            &[
                "高效地做好城市供水安全保障工作，尽可能地贴近群众生活。",
                "对困难群众给予尽可能的帮助，提供尽量的便利。",
                "这是做好工作的关键，抓好落实的办法。",
            ],
        );
    }

    #[test]
    fn adverbial_de_after_a_modal_or_adverb_fires() {
        assert_fires(
            "L104",
            &[
                (
                    "大家一定要好好的照顾自己，他也很好的完成了任务。\n",
                    &[
                        "1:8 “好好的照顾”中的“的”应为“地”：修饰动词作状语用“地”",
                        "1:18 “很好的完成”中的“的”应为“地”：修饰动词作状语用“地”",
                    ],
                ),
                (
                    "听到消息，他们都很快的跑过去。\n",
                    &["1:11 “很快的跑”中的“的”应为“地”：修饰动词作状语用“地”"],
                ),
            ],
        );
    }

    #[test]
    fn adverbial_frames_before_a_noun_phrase_are_silent() {
        assert_silent(
            "L104",
            &[
                "我们要更好的发展机会，也要有认真的态度。\n",
                "这个思路正在成功的实践当中，可以明确的是效果很好。\n",
                "都是深深的思念，也有很好的合作。\n",
                "实际情况不像说的那么好，想起小时候高兴的不得了。\n",
            ],
        );
    }

    #[test]
    fn de_before_a_complement_with_a_final_particle_or_hen_fires() {
        assert_fires(
            "L104",
            &[
                (
                    "他跑的太快了，我们玩的很开心啊。\n",
                    &[
                        "1:3 “跑的太快了”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                        "1:11 “玩的很开心啊”中的“的”应为“得”：动词后连接程度、结果补语用“得”",
                    ],
                ),
                (
                    "这里的风景好的很！\n",
                    &["1:7 “好的很”中的“的”应为“得”：形容词、动词后连接表示程度的补语“很”用“得”"],
                ),
            ],
        );
    }

    #[test]
    fn di_or_de_before_a_possessed_noun_fires() {
        assert_fires(
            "L104",
            &[
                (
                    "这是我地书。这是我们得意见。\n",
                    &[
                        "1:4 “我地书”中的“地”应为“的”：定语和中心语之间用“的”",
                        "1:11 “我们得意见”中的“得”应为“的”：定语和中心语之间用“的”",
                    ],
                ),
                (
                    "明天有一件很重要得事，请假一天。\n",
                    &["1:9 “重要得事”中的“得”应为“的”：定语和中心语之间用“的”"],
                ),
            ],
        );
    }

    #[test]
    fn de_di_and_de_in_their_places_are_silent() {
        assert_silent(
            "L104",
            &[
                "对完成任务有十分的把握，给予特别的关心。\n",
                "经济形势发生了非常的变化，要采取非常的措施。\n",
                "各项工作取得了很大的提高，群众很快的发展需求得到满足。\n",
                "我们得按时完成任务，他得了第一名，我们得到了支持。\n",
                "他地处偏远，我们地区的经济发展很快。\n",
                "要积极地工作，认真地学习了文件，做得很好。\n",
                "这是深深的思念，是好好的一个家。\n",
                "他的说法不对，亲切的问候，欢快的叫声，有的说好，听他的说。\n",
                "政策要讲得细，讲得透，用的细线，看透的道理。\n",
            ],
        );
    }
}
