use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{quote, Fix, Span};
use crate::document::LineKind;
use crate::knowledge::Target;
use crate::spelling::{candidates, Similarity};
use crate::words::{is_han, lexicon, set_phrases, Change, Phrase};

declare_rule! {
    /// 成语或公文固定说法写错一个字或前后颠倒（“提心掉胆”→“提心吊胆”，“真抓实于”→“真抓实干”）。
    ///
    /// ## 为什么
    /// 四字成语和“真抓实干”“守正创新”这类固定说法，错一个字就成了病句，又最容易被输入法带错。
    /// 这条检查不靠别字清单：一个四字组合本身不成词，换掉其中一个音同、音近或形近的字（或对调相邻
    /// 两个字）就成了成语（jieba 词典标为成语的四字词）或 rules/set-phrases.txt 所列的公文固定说法，
    /// 并且换上以后整句切词明显更通顺时，才提示。有意化用的说法（“与邻为善”“居高难下”）改动的字与原字
    /// 音形都不近，不提示。rules/terms.toml 已经列出的错误写法（“迫在眉捷”）由 F103 报告，这里不重复。
    /// 修改建议需要人工确认，`--fix` 不会自动替换。
    ///
    /// ## 示例
    /// ```text
    /// 面对风险挑战不能提心掉胆，全体干部要真抓实于。
    /// ```
    /// 应写作：
    /// ```text
    /// 面对风险挑战不能提心吊胆，全体干部要真抓实干。
    /// ```
    pub struct BrokenSetPhrase {
        code: L103,
        name: "broken-set-phrase",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.3.0",
        basis: "成语：jieba 词典（词性 i）；公文固定说法：rules/set-phrases.txt 所列官方文本；近音近形字：pinyin-data、pycorrector",
    }
}

/// Every four Han characters in a row in `s`, as (start, characters, end), left to right.
/// Han characters are three bytes long: the line is walked by lead byte and only they are
/// decoded, instead of decoding every character into a buffer first.
fn han_windows(s: &str) -> impl Iterator<Item = (usize, [char; 4], usize)> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    // The last Han characters in a row (the oldest first) and how many there are.
    let mut last = [(0, '\0'); 4];
    let mut run = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let lead = bytes[at];
            let han = if lead & 0xF0 == 0xE0 {
                let code = u32::from(lead & 0x0F) << 12
                    | u32::from(bytes[at + 1] & 0x3F) << 6
                    | u32::from(bytes[at + 2] & 0x3F);
                char::from_u32(code).filter(|&c| is_han(c))
            } else {
                None
            };
            let Some(c) = han else {
                run = 0;
                at += s[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            last = [last[1], last[2], last[3], (at, c)];
            at += 3;
            run += 1;
            if run >= 4 {
                return Some((last[0].0, last.map(|(_, c)| c), at));
            }
        }
        None
    })
}

/// How much likelier (natural log of the ratio) the clause must read with the phrase in
/// place: 真抓实于 → 真抓实干 gains ~18, 提心掉胆 → 提心吊胆 ~24, while a modified idiom
/// that reads as words (历经磨难, 轻装前行) gains under 8.
const MIN_GAIN: f64 = 8.0;

/// A suspected broken phrase.
struct Suspect {
    span: Span,
    phrase: Phrase,
    change: Change,
    similarity: Option<Similarity>,
    gain: f64,
}

impl Rule for BrokenSetPhrase {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let index = set_phrases();
        let mut suspects: Vec<Suspect> = Vec::new();
        for seg in cx.views.segments() {
            // Names fill titles, 落款 and the lines around them.
            if !matches!(
                seg.kind,
                LineKind::Paragraph | LineKind::Heading(_) | LineKind::Closing
            ) {
                continue;
            }
            let s = seg.text(text);
            // The 《…》 of the line, worked out when a window first needs them.
            let mut titles: Option<Vec<(usize, usize)>> = None;
            for (start, written, end) in han_windows(s) {
                let mut near = Vec::new();
                index.near(written, |phrase, change| near.push((phrase, change)));
                if near.is_empty() || lexicon().contains(&s[start..end]) {
                    continue;
                }
                let span = seg.at(start..end);
                let titles = titles.get_or_insert_with(|| book_titles(s));
                if cx.views.protected(seg).contains(start) || inside(titles, start) {
                    continue;
                }
                for &(phrase, change) in &near {
                    let similarity = match change {
                        Change::Substituted(k) => match similar(written[k], phrase.chars[k]) {
                            Some(similarity) => Some(similarity),
                            None => continue,
                        },
                        Change::Swapped(_) => None,
                    };
                    if let (Change::Substituted(k), Some(similarity)) = (change, similarity) {
                        if open_slot(&near, k) && !sounds_alike(similarity) {
                            continue;
                        }
                    }
                    // Rare idioms (铭诸肺腑 beside 铭之肺腑) are not in the index: `near`
                    // never suggests them (`SetPhrases::min_idiom_freq`).
                    let gain = cx.views.words.gain_of_replacing(span, &phrase.text());
                    if gain >= MIN_GAIN {
                        suspects.push(Suspect {
                            span,
                            phrase,
                            change,
                            similarity,
                            gain,
                        });
                    }
                }
            }
        }
        // A written form that rules/terms.toml lists is F102's or F103's to report.
        let mut listed: Vec<Span> = cx
            .context
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    m.target,
                    Target::Confusable(_) | Target::SetPhrase(_) | Target::Formulation(_)
                )
            })
            .map(|m| Span::new(m.start, m.end))
            .collect();
        listed.sort_by_key(|m| m.start);
        // The furthest end of the listed mentions up to each one: a suspect overlaps a
        // mention exactly when one starting before its end reaches past its start.
        let reach: Vec<usize> = listed
            .iter()
            .scan(0, |end, m| {
                *end = (*end).max(m.end);
                Some(*end)
            })
            .collect();
        suspects.retain(|s| {
            let before_end = listed.partition_point(|m| m.start < s.span.end);
            before_end == 0 || reach[before_end - 1] <= s.span.start
        });
        // Of overlapping suspects the one that reads best wins (one sweep in text order).
        suspects.sort_by_key(|s| s.span.start);
        let mut kept: Vec<Suspect> = Vec::new();
        for suspect in suspects {
            let n = kept.len();
            match kept.last() {
                Some(last) if suspect.span.start < last.span.end => {
                    let clear_of_previous = n < 2 || kept[n - 2].span.end <= suspect.span.start;
                    if suspect.gain > last.gain && clear_of_previous {
                        kept[n - 1] = suspect;
                    }
                }
                _ => kept.push(suspect),
            }
        }
        for suspect in kept {
            let written = suspect.span.slice(text);
            let right = suspect.phrase.text();
            let what = if suspect.phrase.listed {
                "公文固定说法"
            } else {
                "成语"
            };
            let why = match (suspect.change, suspect.similarity) {
                (Change::Substituted(k), Some(similarity)) => format!(
                    "“{}”与“{}”{}",
                    written.chars().nth(k).unwrap_or_default(),
                    suspect.phrase.chars[k],
                    similarity.describe()
                ),
                _ => "两字前后颠倒".to_string(),
            };
            cx.report(
                suspect.span,
                format!("{}疑为{what}“{right}”之误（{why}）", quote(written)),
            )
            .help(format!(
                "如系笔误，改为“{right}”；如确是有意的写法，可在配置的 [[allow]] 中登记"
            ))
            .fix(Fix::unsafe_replace(suspect.span, right));
        }
    }
}

/// Whether two or more phrases differ from the written four characters at position `k`
/// alone (因地制宜, 因时制宜, 因人制宜 beside 因村制宜): the frame takes several words
/// there, so the written one is likely another filler of it, said on purpose.
fn open_slot(near: &[(Phrase, Change)], k: usize) -> bool {
    near.iter()
        .filter(|(_, change)| *change == Change::Substituted(k))
        .nth(1)
        .is_some()
}

/// A character typed for one that sounds the same (the IME's slip: 因第制宜 for 因地制宜),
/// as against one that only looks alike or sounds near.
fn sounds_alike(similarity: Similarity) -> bool {
    matches!(similarity, Similarity::SameSound | Similarity::OtherTone)
}

/// How `written` resembles `right` (same sound, near sound, similar shape), if it does.
fn similar(written: char, right: char) -> Option<Similarity> {
    candidates(written)
        .find(|&(c, _)| c == right)
        .or_else(|| candidates(right).find(|&(c, _)| c == written))
        .map(|(_, similarity)| similarity)
}

/// The byte ranges of a line inside 《…》 (an unclosed 《 runs to the end of the line):
/// a title is quoted as published.
fn book_titles(line: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, c) in line.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    ranges.push((open, i));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        ranges.push((open, line.len()));
    }
    ranges
}

/// Whether byte `at` lies in one of the (sorted, disjoint) `ranges`.
fn inside(ranges: &[(usize, usize)], at: usize) -> bool {
    let i = ranges.partition_point(|&(_, end)| end <= at);
    ranges.get(i).is_some_and(|&(start, _)| start <= at)
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent, findings};

    #[test]
    fn han_windows_are_the_windows_of_four_han_characters_in_a_row() {
        let text = "坚持不懈，a实事求是😀一丝不苟地㐀㐁㐂㐃干。ｘ齐心协力\u{4DFF}一二三四五";
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let expected: Vec<(usize, [char; 4], usize)> = chars
            .windows(4)
            .enumerate()
            .filter(|(_, w)| w.iter().all(|&(_, c)| super::is_han(c)))
            .map(|(i, w)| {
                let end = chars.get(i + 4).map_or(text.len(), |&(b, _)| b);
                (w[0].0, [w[0].1, w[1].1, w[2].1, w[3].1], end)
            })
            .collect();
        assert_eq!(expected.len(), 12);
        assert_eq!(super::han_windows(text).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn a_phrase_with_one_character_wrong_fires() {
        assert_fires(
            "L103",
            &[(
                "面对风险不能提心掉胆，要举一返三。\n全体干部要真抓实于，坚持实事求事。\n",
                &[
                    "1:7 “提心掉胆”疑为成语“提心吊胆”之误（“掉”与“吊”音同）",
                    "1:13 “举一返三”疑为成语“举一反三”之误（“返”与“反”音同）",
                    "2:6 “真抓实于”疑为公文固定说法“真抓实干”之误（“于”与“干”形近）",
                    "2:13 “实事求事”疑为公文固定说法“实事求是”之误（“事”与“是”音同）",
                ],
            )],
        );
    }

    #[test]
    fn swapped_characters_fire() {
        assert_fires(
            "L103",
            &[(
                "全体干部要坚持真实抓干。\n",
                &["1:8 “真实抓干”疑为公文固定说法“真抓实干”之误（两字前后颠倒）"],
            )],
        );
    }

    #[test]
    fn correct_and_deliberately_modified_phrases_are_silent() {
        assert_silent(
            "L103",
            &[
                "面对风险不能提心吊胆，要举一反三，全体干部要真抓实干，坚持实事求是。\n",
                "坚持与邻为善、以邻为伴，全体中华儿女勠力同心。\n",
                "经济体失业率居高难下，中华民族是历经磨难的民族。\n",
                "2025年3月底前完成整改，开展春节前疫情防控专项督查。\n",
                "学习《迫在眉捷的问题》一文。\n",
                // Listed in rules/terms.toml: F103 reports them.
                "有的部门各自为阵，解决问题迫在眉捷。\n",
            ],
        );
    }

    #[test]
    fn another_filler_of_an_open_slot_is_silent_unless_it_sounds_alike() {
        // 因地制宜, 因时制宜, 因人制宜: the second place takes several words, so 因村制宜 is
        // said on purpose (村 only looks like 时), while 因第制宜 is the IME's slip for 地.
        assert_silent("L103", &["坚持因村制宜，分类推进。\n"]);
        assert_fires(
            "L103",
            &[(
                "坚持因第制宜，分类推进。\n",
                &["1:3 “因第制宜”疑为公文固定说法“因地制宜”之误（“第”与“地”音同）"],
            )],
        );
    }

    #[test]
    fn many_suspects_on_one_line_are_each_reported_once() {
        let line = "面对风险不能提心掉胆，".repeat(2_000);
        let found = findings("L103", &format!("{line}\n"));
        assert_eq!(found.len(), 2_000);
        assert!(found
            .iter()
            .all(|f| f.contains("“提心掉胆”疑为成语“提心吊胆”之误")));
    }
}
