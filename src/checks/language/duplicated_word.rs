use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::vocabulary::duplicates;
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Edit, Fix, Span};
use crate::words::{is_han, lexicon, segment};

declare_rule! {
    /// 同一个词紧挨着写了两遍（“贯彻贯彻”“年度年度”），或两个意思相同的动词连用（“加强强化”）。
    ///
    /// ## 为什么
    /// 改稿时复制、删改留下的重复字词，读者一眼就能看出，检查人员必圈。这条检查按“词”看：
    /// 只有一个完整的词紧接着又出现一遍才提示，“工作作风”“目的的确定”里相邻的相同字分属两个词，
    /// 不提示；正常的重叠——“研究研究”“看看”“常常”“人人”“一个一个”“认认真真”——也不提示。
    /// 单字只查“的”“在”“和”这类从不重叠的虚词，以及多打一个字、在分句末尾凑成的叠字副词
    /// （“学习会议精神时时，”：“时时”只能修饰后面的动词，原意是“……精神时，”）。词典未收、由几个词组成的三个字以上的
    /// 说法整个写了两遍（“标书组标书组”），一个词又接着写了一遍它的后半截（“党支部支部”，后面紧跟
    /// 名词、代词时不算：“人大代表代表人民”）也提示；没有分句标点的行（标题、压平的表格）只查
    /// 词典里的词。两个意思相同的动词连用（“加强强化”“提升提高”）取自 rules/language.toml 中
    /// 注明出处的近义词组。
    ///
    /// 删去重复的一遍是安全的修改（`--fix`）；近义动词连用要人工决定保留哪一个。
    ///
    /// ## 示例
    /// ```text
    /// 全体党员要认真学习贯彻贯彻党的创新理论，进一步加强强化作风建设。
    /// ```
    /// 应写作：
    /// ```text
    /// 全体党员要认真学习贯彻党的创新理论，进一步加强作风建设。
    /// ```
    pub struct DuplicatedWord {
        code: L102,
        name: "duplicated-word",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.3.0",
        basis: "公文写作惯例；近义动词：《现代汉语词典》（rules/language.toml）",
    }
}

/// Longest repeated unit looked for, in characters (党支部党支部, 问题整改落实情况 …).
const LONGEST_UNIT: usize = 8;

/// Marks that end a clause of running text. A line without any is a heading or a table
/// flattened into text (总量平均每镇总量平均每镇, 从业人员人员（万人）), where labels
/// repeat by design: there only a word of the lexicon written twice is reported.
const PROSE_MARKS: &[char] = &['，', '。', '；', '！', '？'];

/// Part-of-speech tags of words whose doubling is grammar, not a slip: numerals and
/// classifiers (一个一个), onomatopoeia, state adjectives (雪白雪白), interjections, modal
/// particles.
const DOUBLING_TAGS: &[&str] = &["m", "mq", "q", "o", "z", "e", "y"];

/// The ordered pairs of near-synonymous verbs (加强强化, 强化加强 …) as one automaton,
/// `PAIRS[i]` being (first, second, source) of pattern `i`; and the same patterns in a
/// leftmost automaton, which aho-corasick runs with its SIMD prefilter (Teddy), unlike
/// the standard one, which steps through every byte: it turns away the lines without a
/// pair before the standard one reports them (on the reports, a quarter of the rule's time
/// went to stepping the standard one, or to looking for each first verb, on every line).
type Pairs = Vec<(&'static str, &'static str, &'static str)>;
static PAIRS: LazyLock<(AhoCorasick, Pairs, AhoCorasick)> = LazyLock::new(|| {
    let mut pairs = Vec::new();
    for group in &duplicates().synonyms {
        for a in &group.words {
            for b in &group.words {
                if a != b {
                    pairs.push((a.as_str(), b.as_str(), group.source.as_str()));
                }
            }
        }
    }
    let patterns: Vec<String> = pairs.iter().map(|(a, b, _)| format!("{a}{b}")).collect();
    // A handful of patterns: the DFA is small and the fastest to report them.
    let automaton = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("synonym pairs make an automaton");
    let any = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&patterns)
        .expect("synonym pairs make an automaton");
    (automaton, pairs, any)
});

impl Rule for DuplicatedWord {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        // (start, start of the second word, end, message, source of a synonym group).
        let mut found: Vec<(usize, usize, usize, String, Option<&str>)> = Vec::new();
        let on_word_boundaries =
            |edges: &[usize]| edges.iter().all(|&at| cx.views.words.is_boundary(at));
        // Buffers for every line: its characters, and the (start, length) of each stretch
        // repeated at once.
        let mut chars: Vec<char> = Vec::new();
        let mut repeats: Vec<(usize, usize)> = Vec::new();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            chars.clear();
            chars.extend(s.chars());
            repeats.clear();
            for k in 1..=LONGEST_UNIT {
                find_repeats(&chars, k, &mut repeats);
            }
            // The same unit of k characters twice, from the leftmost; at one place the
            // shortest unit first.
            repeats.sort_unstable();
            let prose = !repeats.is_empty() && s.contains(PROSE_MARKS);
            let mut offsets = Offsets::new(&chars);
            let mut after = 0;
            for &(i, k) in &repeats {
                let unit_chars = &chars[i..i + k];
                if offsets.byte_at(i) < after || !unit_chars.iter().all(|&c| is_han(c)) {
                    continue;
                }
                let (from, to, past) = (
                    offsets.byte_at(i),
                    offsets.byte_at(i + k),
                    offsets.byte_at(i + 2 * k),
                );
                let unit = &s[from..to];
                let (start, middle, end) = (
                    seg.span.start + from,
                    seg.span.start + to,
                    seg.span.start + past,
                );
                if cx.views.protected(seg).contains(from) {
                    continue;
                }
                let slip = if k == 1 && ends_clause_doubled(unit, &chars[..i], &chars[i + 2..]) {
                    // 精神时时，: the adverb 时时 is one word, so its middle is no boundary.
                    true
                } else {
                    may_not_double(unit, &chars[i + 2 * k..], prose)
                        && on_word_boundaries(&[middle, end])
                        && (on_word_boundaries(&[start])
                            || prose && doubles_the_end_of_a_word(cx, unit, end))
                };
                if !slip {
                    continue;
                }
                found.push((start, middle, end, format!("“{unit}”连写了两遍"), None));
                after = past;
            }
            // Two verbs of the same meaning side by side.
            let (automaton, pairs, any) = &*PAIRS;
            if !any.is_match(s) {
                continue;
            }
            let protected = cx.views.protected(seg);
            for m in automaton.find_iter(s) {
                let (first, second, source) = pairs[m.pattern().as_usize()];
                let start = seg.span.start + m.start();
                let middle = start + first.len();
                let end = seg.span.start + m.end();
                if protected.contains(m.start()) || !on_word_boundaries(&[start, middle, end]) {
                    continue;
                }
                found.push((
                    start,
                    middle,
                    end,
                    format!("“{first}”与“{second}”意思相同，连用重复"),
                    Some(source),
                ));
            }
        }
        for (start, middle, end, message, source) in found {
            // The same word twice: deleting the copy is safe; of two synonyms the writer
            // chooses which to keep.
            let help = match source {
                None => "删去重复的一遍".to_string(),
                Some(_) => format!(
                    "保留其一，写作“{}”或“{}”",
                    &text[start..middle],
                    &text[middle..end]
                ),
            };
            let fix = Fix {
                safe: source.is_none(),
                edits: vec![Edit {
                    span: Span::new(middle, end),
                    replacement: String::new(),
                }],
            };
            let report = cx
                .report(Span::new(start, end), message)
                .help(help)
                .fix(fix);
            if let Some(source) = source {
                report.note(format!("依据：{source}"));
            }
        }
    }
}

/// Adds to `out` each (i, k) where the k characters from `i` are written again right after
/// them. One pass per k compares each character with the one k places on; the passes are
/// cheap because they compare blocks of characters at a time and look closer only at a
/// block holding an equal pair (rare for k > 1), instead of comparing every character with
/// each of the next eight.
fn find_repeats(chars: &[char], k: usize, out: &mut Vec<(usize, usize)>) {
    const BLOCK: usize = 16;
    let Some(len) = chars.len().checked_sub(k) else {
        return;
    };
    let (a, b) = (&chars[..len], &chars[k..]);
    // How many pairs in a row, up to the one before `at`, are equal.
    let mut run = 0;
    for at in (0..len).step_by(BLOCK) {
        let end = (at + BLOCK).min(len);
        let any_equal = a[at..end]
            .iter()
            .zip(&b[at..end])
            .fold(false, |any, (x, y)| any | (x == y));
        if !any_equal {
            run = 0;
            continue;
        }
        for t in at..end {
            if a[t] == b[t] {
                run += 1;
                if run >= k {
                    out.push((t + 1 - k, k));
                }
            } else {
                run = 0;
            }
        }
    }
}

/// The byte offsets of a line's characters, asked for in increasing order (give or take
/// a unit's length): walks forward, and back from the last place asked for.
struct Offsets<'c> {
    chars: &'c [char],
    index: usize,
    byte: usize,
}

impl<'c> Offsets<'c> {
    fn new(chars: &'c [char]) -> Self {
        Self {
            chars,
            index: 0,
            byte: 0,
        }
    }

    fn byte_at(&mut self, i: usize) -> usize {
        while self.index < i {
            self.byte += self.chars[self.index].len_utf8();
            self.index += 1;
        }
        while self.index > i {
            self.index -= 1;
            self.byte -= self.chars[self.index].len_utf8();
        }
        self.byte
    }
}

/// Whether `unit` written twice (followed by `rest`) is a slip rather than a doubling the
/// grammar allows: a function character (的的), or a word that does not reduplicate.
/// In a line without clause marks (`prose` false) only a word of the lexicon counts.
fn may_not_double(unit: &str, rest: &[char], prose: bool) -> bool {
    let mut chars = unit.chars();
    let (Some(first), None) = (chars.next(), chars.clone().next()) else {
        // Two or more characters: a word of the lexicon, not one that doubles by grammar.
        let Some(entry) = lexicon().get(unit) else {
            return prose && is_phrase_that_does_not_double(unit);
        };
        return !DOUBLING_TAGS.contains(&entry.tag())
            && !unit.starts_with(['一', '每'])
            && !duplicates().reduplicable.iter().any(|v| v == unit)
            && !is_emphasis_or_ongoing(unit);
    };
    if !duplicates().function_characters.contains(first) {
        return false;
    }
    // AABB: 的的确确, 是是非非, 和和美美 (的确, 是非, 和美 are words).
    !matches!(rest, [b1, b2, ..] if b1 == b2 && lexicon().contains(&format!("{first}{b1}")))
}

/// Whether `unit`, a word of two characters or more written again right after a longer
/// word that ends with it (党支部支部, ending at `end`), is a slip. Not when a noun or
/// pronoun follows: then the copy may be a verb taking it as object (人大代表代表人民,
/// 代表 being tagged a noun only).
fn doubles_the_end_of_a_word(cx: &Checker<'_>, unit: &str, end: usize) -> bool {
    if unit.chars().count() < 2 || !lexicon().contains(unit) {
        return false;
    }
    cx.views.words.with_clause(end, |words| {
        let next = words.iter().find(|w| w.span.start == end);
        !next.is_some_and(|w| w.tag().starts_with(['n', 'r']))
    })
}

/// Whether `unit`, three characters or more and no word of the lexicon, is a phrase of
/// known words whose doubling is a slip (标书组标书组: 标书 + 组). Shorter units are
/// left alone: 快点快点, 好的好的 are said twice on purpose in speech.
fn is_phrase_that_does_not_double(unit: &str) -> bool {
    if unit.chars().count() < 3 || unit.starts_with(['一', '每']) || is_emphasis_or_ongoing(unit)
    {
        return false;
    }
    let words = segment(unit, Span::new(0, unit.len()));
    // A name the lexicon lacks falls apart into single characters (钱其琛): at least one
    // word of two characters or more, every word known, none a numeral or classifier.
    words.iter().any(|w| w.chars(unit) >= 2)
        && words
            .iter()
            .all(|w| w.is_known() && !DOUBLING_TAGS.contains(&w.tag()))
}

/// Whether the single character `unit`, written twice, makes an adverb that cannot end
/// a clause (时时, rules/language.toml `never-clause-final`) and stands at a clause's end
/// after other characters of the clause: then one character was typed twice.
fn ends_clause_doubled(unit: &str, before: &[char], after: &[char]) -> bool {
    let ends_clause = matches!(after.first(), Some('，' | '。' | '；' | '：' | '！' | '？'));
    // Not the second half of an AABB form (平平常常，).
    let clause_goes_before = match before {
        [.., a, b] => is_han(*b) && a != b,
        [b] => is_han(*b),
        [] => false,
    };
    ends_clause
        && clause_goes_before
        && duplicates()
            .never_clause_final
            .iter()
            .any(|adverb| adverb.strip_prefix(unit) == Some(unit))
}

/// Two doublings of a phrase the grammar makes on purpose: a degree word's phrase said
/// twice for emphasis (很远很远, 最难最难, 那么那么蓝) and V着V着 (想着想着, 走着走着:
/// something happens while the action goes on).
fn is_emphasis_or_ongoing(unit: &str) -> bool {
    let ongoing = unit.ends_with('着') && unit.chars().count() >= 2;
    ongoing
        || duplicates()
            .emphatic_starts
            .iter()
            .any(|degree| unit.starts_with(degree.as_str()))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{
        assert_fires, assert_fires_unfixed, assert_fixed, assert_silent,
    };

    #[test]
    fn a_word_written_twice_fires_and_is_fixed() {
        assert_fires(
            "L102",
            &[
                (
                    "全体党员要学习贯彻贯彻党的创新理论。\n认真开好2024年度年度组织生活会，这是我们的的责任。\n",
                    &[
                        "1:8 “贯彻”连写了两遍",
                        "2:9 “年度”连写了两遍",
                        "2:23 “的”连写了两遍",
                    ],
                ),
            ],
        );
        assert_fixed(
            "L102",
            &[(
                "各支部要落实落实整改措施，进一步加强加强作风建设。\n",
                "各支部要落实整改措施，进一步加强作风建设。\n",
            )],
        );
    }

    #[test]
    fn a_phrase_of_several_words_written_twice_fires_and_is_fixed() {
        assert_fires(
            "L102",
            &[(
                "项目组已实现转变；标书组标书组强化审核把关。\n",
                &["1:10 “标书组”连写了两遍"],
            )],
        );
        assert_fixed(
            "L102",
            &[(
                "由党建工作部党建工作部牵头，按周调度。\n",
                "由党建工作部牵头，按周调度。\n",
            )],
        );
    }

    #[test]
    fn the_end_of_a_word_written_again_fires_unless_a_noun_follows() {
        assert_fires(
            "L102",
            &[(
                "党支部支部要把问题清单列入对照检查内容，党支部班子问题整改落实情况问题整改落实情况：\n",
                &[
                    "1:2 “支部”连写了两遍",
                    "1:26 “问题整改落实情况”连写了两遍",
                ],
            )],
        );
        assert_fixed(
            "L102",
            &[(
                "党支部支部要把问题列入清单。\n",
                "党支部要把问题列入清单。\n",
            )],
        );
        assert_silent(
            "L102",
            &[
                "全国人大代表代表人民行使权力，职工代表代表职工发言，根据根据地的情况总结总结经验。\n",
                "表２：企业从业人员（人）总量平均每镇总量平均每镇\n",
                "从事非农业占从业人员人员（万人）比重（％）\n",
            ],
        );
    }

    #[test]
    fn an_adverb_doubled_at_a_clause_end_loses_a_character() {
        assert_fires(
            "L102",
            &[(
                "在学习省公司年中工作会议精神时时，思考不深。\n",
                &["1:15 “时”连写了两遍"],
            )],
        );
        assert_fixed(
            "L102",
            &[(
                "回顾检视问题时时，要对照清单。\n",
                "回顾检视问题时，要对照清单。\n",
            )],
        );
        assert_silent(
            "L102",
            &[
                "要时时提醒自己，常常深入基层，往往事半功倍。\n",
                "时时，处处，都要严格要求。\n",
                "比赛中失误频频，四周静悄悄，尽管平平常常，却很感人。\n",
                // Deleting one 常 would not give what was meant (遇到困难常，): not reported.
                "遇到困难常常，要主动作为。\n",
            ],
        );
    }

    #[test]
    fn near_synonymous_verbs_side_by_side_fire_without_a_safe_fix() {
        assert_fires_unfixed(
            "L102",
            &[(
                "进一步加强强化作风建设，不断提升提高服务水平。\n",
                &[
                    "1:4 “加强”与“强化”意思相同，连用重复",
                    "1:15 “提升”与“提高”意思相同，连用重复",
                ],
            )],
        );
    }

    #[test]
    fn reduplication_and_characters_of_two_words_are_silent() {
        assert_silent(
            "L102",
            &[
                "我们要把这个问题再研究研究，看看群众怎么说。\n",
                "常常深入基层，天天学习，人人参与，事事落实。\n",
                "坚持多措并举，认认真真学习，扎扎实实工作，干干净净做事。\n",
                "问题要一个一个解决，一步一步推进，件件有着落。\n",
                "加强工作作风建设，明确目的的确定方法，的的确确取得实效。\n",
                "组织生活会会前开展谈心谈话，月浦镇镇域内建设工程，不了了之。\n",
                "贯彻落实、推进落实，巩固提升，统筹推进。\n",
                "加强、强化都是这个意思。\n",
                "路很远很远，天空那么那么地蓝，这是最难最难的一段。\n",
                "他想着想着笑了，大家说着说着就到了村口。\n",
                "一件事一件事地抓实，一个阶段一个阶段地推进，多少万多少万的进项。\n",
                "2025年度基层党组织组织生活会，党支部支部书记。\n",
            ],
        );
    }
}
