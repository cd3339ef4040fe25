use std::sync::LazyLock;

use regex::Regex;

use crate::checks::literal_search::Literals;
use crate::checks::{declare_rule, Checker, Rule};

declare_rule! {
    /// 约数词自相矛盾：“近千余人”“约3000多名”“超过100人以上”“3余个”。
    ///
    /// ## 检查什么
    /// - “近、约、将近、接近、大约”与“余、多、左右”修饰同一个数：“近”说不到，“余”“多”说超过，
    ///   “约”与“左右”意思重复；
    /// - “超过、多于”与“以上”修饰同一个数（“超过100人以上”）；
    /// - “余”紧跟个位数和量词（“3余个”“五余家”）：“余”只用在整十、整百、整千等整数之后（“十余个”）；
    /// - “约”与“近、将近、接近”叠用修饰同一个数（“约有近60艘”）：两个都表示估计，只留一个；
    /// - “不超过、不高于、不多于”与“以内、以下”限定同一个数（“不超过合同价款的5%以内”）：意思重复。
    ///
    /// 数字可以是阿拉伯数字或汉字数字。“十余个”“百余家”“万余人”等写法正确，不报告。
    ///
    /// ## 为什么
    /// 概数只能有一个方向。《咬文嚼字》多次指出“近千余人”“约3000多名”这类写法自相矛盾；
    /// 《现代汉语词典》释“余”为“整数后的零头”，个位数后用“余”不成话。
    ///
    /// ## 示例
    /// ```text
    /// 全县近千余名干部参加培训，约3000多名群众受益。
    /// ```
    /// 应写作：
    /// ```text
    /// 全县近千名干部参加培训，约3000名群众受益。
    /// ```
    pub struct ContradictoryNumberWords {
        code: L105,
        name: "contradictory-number-words",
        severity: Warning,
        fix: Never,
        scope: Wording,
        since: "0.2.0",
        basis: "《现代汉语词典》“余”“多”“左右”条；《咬文嚼字》约数用法",
    }
}

/// A number in Arabic digits (with a decimal part and a 万/亿 unit) or in Chinese numerals.
const NUMBER: &str =
    r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?[万亿]?|[〇零一二两三四五六七八九十百千万亿]+)";

/// Classifiers that may stand between a number and 左右 / 以上, or after 余.
const CLASSIFIER: &str =
    "[个家人名位项次件条所座户篇份台辆处批场种套元吨亩公里米天年月周倍岁户只张本部批]";

/// 近/约 … + number + 余/多/左右.
static APPROXIMATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>将近|接近|大约|近|约)(?P<num>{NUMBER})(?:(?P<over>余|多)|(?P<cls>{CLASSIFIER}?)(?P<around>左右))"
    ))
    .expect("approximate pattern is valid")
});

/// 超过/多于 + number + (classifier) + 以上.
static MORE_THAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>超过|多于)(?P<num>{NUMBER})(?P<cls>[%％]|{CLASSIFIER}{{0,2}})以上"
    ))
    .expect("more-than pattern is valid")
});

/// A single digit, then 余, then a classifier: 3余个.
static SINGLE_DIGIT_REMAINDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<digit>[1-9１-９一二两三四五六七八九])余(?P<cls>{CLASSIFIER})"
    ))
    .expect("single-digit pattern is valid")
});

/// 约 and 近 stacked on one number: 约有近60艘.
static STACKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>大约|约)(?P<verb>有|为|计)?(?P<near>将近|接近|近)(?P<num>{NUMBER})"
    ))
    .expect("stacked pattern is valid")
});

/// 不超过 … number + 以内/以下, within one clause: 不超过合同价款的5%以内.
static NOT_MORE_THAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>不超过|不高于|不多于|不大于)(?P<what>[^，。；：、！？,;:\s0-9０-９]{{0,8}}?)(?P<num>{NUMBER})(?P<cls>[%％]|{CLASSIFIER}{{0,2}})(?P<bound>以内|以下)"
    ))
    .expect("not-more-than pattern is valid")
});

/// Characters that make a preceding 约 part of another word besides those below (如约、集约、
/// 守约、践约 …), for the stacked 约 + 近.
const NOT_ESTIMATE_BEFORE: &str = "如集守践赴立毁背盟规誓俭";

/// Characters that make a preceding 近/约 part of another word (最近、附近、公约、节约 …).
const NOT_APPROXIMATE_BEFORE: &str = "最附靠邻亲贴远就新晚浅相公条节制签契履合违预邀特简隐缔婚租";

/// The characters the patterns need, the first five being those one of them needs at
/// least. `key_chars` finds which a line holds in one vectorised pass (Teddy): a search per
/// character, or `contains` of a character list, which decodes every character, cost
/// several times more.
const KEY_CHARS: [char; 8] = ['余', '多', '左', '以', '近', '约', '超', '不'];
static KEY_SEARCH: LazyLock<Literals> =
    LazyLock::new(|| Literals::new(&KEY_CHARS.map(String::from)));

/// The bit of a key character (0 for another character).
fn key(c: char) -> u8 {
    KEY_CHARS.iter().position(|&k| k == c).map_or(0, |i| 1 << i)
}

/// The `KEY_CHARS` in `s`, as bits (`key`).
fn key_chars(s: &str) -> u8 {
    KEY_SEARCH.find_iter(s).fold(0, |has, (_, i)| has | 1 << i)
}

/// The matches of `pattern` in `s`, or none when a literal search already ruled them out.
fn captures_if<'s>(
    wanted: bool,
    pattern: &'s Regex,
    s: &'s str,
) -> impl Iterator<Item = regex::Captures<'s>> {
    wanted
        .then(|| pattern.captures_iter(s))
        .into_iter()
        .flatten()
}

/// Whether a one-character 近/约 (`pre`) is the end of another word with the character
/// before it (`before` ends there): 最近, 节约, 如约.
fn ends_another_word(before: &str, pre: &str, joins: impl Fn(char) -> bool) -> bool {
    pre.chars().count() == 1 && before.chars().next_back().is_some_and(joins)
}

/// Characters that continue a number: a 余 after them does not follow a single digit.
fn continues_number(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || matches!(c, '.' | '．' | ',' | '，')
        || "〇零一二两三四五六七八九十百千万亿".contains(c)
}

impl Rule for ContradictoryNumberWords {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for seg in cx.views.segments() {
            let s = seg.text(text);
            // Each pattern needs its own characters: most lines lack them, and a literal
            // search is cheaper than starting the regex (three per line were 4% of a run).
            let has = key_chars(s);
            if has & 0b1_1111 == 0 {
                continue;
            }
            let protected = cx.views.protected(seg);
            let approximate = has & (key('近') | key('约')) != 0
                && (has & (key('余') | key('多')) != 0
                    || has & key('左') != 0 && s.contains("左右"));
            let more_than = has & key('以') != 0
                && s.contains("以上")
                && (has & key('超') != 0 && s.contains("超过")
                    || has & key('多') != 0 && s.contains("多于"));
            let remainder = has & key('余') != 0;
            let stacked = has & key('约') != 0 && has & key('近') != 0;
            let not_more_than = has & key('不') != 0
                && has & key('以') != 0
                && (s.contains("以内") || s.contains("以下"));
            for m in captures_if(stacked, &STACKED, s) {
                let whole = m.get(0).expect("match");
                if protected.contains(whole.start())
                    || ends_another_word(&s[..whole.start()], &m["pre"], |c| {
                        NOT_APPROXIMATE_BEFORE.contains(c) || NOT_ESTIMATE_BEFORE.contains(c)
                    })
                {
                    continue;
                }
                let (pre, near, num) = (&m["pre"], &m["near"], &m["num"]);
                let verb = m.name("verb").map_or("", |v| v.as_str());
                cx.report(
                    seg.at(whole.range()),
                    format!(
                        "“{}”中“{pre}”与“{near}”同时估计一个数，意思重复",
                        whole.as_str()
                    ),
                )
                .help(format!("只留一个，写作“{pre}{verb}{num}”或“{near}{num}”"));
            }
            for m in captures_if(not_more_than, &NOT_MORE_THAN, s) {
                let whole = m.get(0).expect("match");
                if protected.contains(whole.start()) {
                    continue;
                }
                let (pre, what, num, cls, bound) =
                    (&m["pre"], &m["what"], &m["num"], &m["cls"], &m["bound"]);
                cx.report(
                    seg.at(whole.range()),
                    format!(
                        "“{}”中“{pre}”与“{bound}”同时限定一个数，意思重复",
                        whole.as_str()
                    ),
                )
                .help(format!(
                    "删去“{bound}”，写作“{pre}{what}{num}{cls}”；或写作“{what}{num}{cls}{bound}”"
                ));
            }
            for m in captures_if(approximate, &APPROXIMATE, s) {
                let whole = m.get(0).expect("match");
                let pre = &m["pre"];
                if protected.contains(whole.start()) {
                    continue;
                }
                if ends_another_word(&s[..whole.start()], pre, |c| {
                    NOT_APPROXIMATE_BEFORE.contains(c)
                }) {
                    continue;
                }
                let num = &m["num"];
                let (tail, tail_at) = match (m.name("over"), m.name("around")) {
                    (Some(t), _) | (None, Some(t)) => (t.as_str(), t),
                    (None, None) => continue,
                };
                // 多元、多样、多彩 … begin another word.
                if tail == "多"
                    && s[tail_at.end()..]
                        .chars()
                        .next()
                        .is_some_and(|c| "元样彩种方层边".contains(c))
                {
                    continue;
                }
                let cls = m.name("cls").map_or("", |c| c.as_str());
                let shown = whole.as_str();
                let without_pre = format!("{num}{tail}");
                let without_tail = format!("{pre}{num}{cls}");
                let meaning = if tail == "左右" {
                    "意思重复"
                } else {
                    "一说不到、一说超过，意思矛盾"
                };
                cx.report(
                    seg.at(whole.range()),
                    format!("“{shown}”中“{pre}”与“{tail}”同时修饰一个数，{meaning}"),
                )
                .help(format!(
                    "删去“{tail}”或“{pre}”，写作“{without_tail}”或“{}”",
                    if cls.is_empty() {
                        without_pre
                    } else {
                        format!("{num}{cls}{tail}")
                    }
                ));
            }
            for m in captures_if(more_than, &MORE_THAN, s) {
                let whole = m.get(0).expect("match");
                if protected.contains(whole.start()) {
                    continue;
                }
                let (pre, num, cls) = (&m["pre"], &m["num"], &m["cls"]);
                cx.report(
                    seg.at(whole.range()),
                    format!(
                        "“{}”中“{pre}”与“以上”同时修饰一个数，意思重复",
                        whole.as_str()
                    ),
                )
                .help(format!(
                    "删去“以上”或“{pre}”，写作“{pre}{num}{cls}”或“{num}{cls}以上”"
                ));
            }
            for m in captures_if(remainder, &SINGLE_DIGIT_REMAINDER, s) {
                let whole = m.get(0).expect("match");
                if protected.contains(whole.start())
                    || s[..whole.start()]
                        .chars()
                        .next_back()
                        .is_some_and(continues_number)
                {
                    continue;
                }
                let (digit, cls) = (&m["digit"], &m["cls"]);
                cx.report(
                    seg.at(whole.range()),
                    format!(
                        "“{}”中“余”用在个位数后：“余”只用在整十、整百等整数之后（如“十余{cls}”）",
                        whole.as_str()
                    ),
                )
                .help(format!("写作“{digit}{cls}多”或“{digit}{cls}”"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_silent};

    #[test]
    fn the_vectorised_search_finds_the_key_characters() {
        use super::{key, key_chars, KEY_CHARS};
        let key_chars_by_search = |s: &str| {
            let found = KEY_CHARS
                .iter()
                .enumerate()
                .filter(|&(_, &c)| s.contains(c));
            found.fold(0, |has, (i, _)| has | 1 << i)
        };
        for text in [
            "",
            "近千余人，不超过5%以内",
            "约",
            "超过100人以上；左右为难",
            "一二三",
        ] {
            assert_eq!(key_chars(text), key_chars_by_search(text), "{text}");
        }
        let has = key_chars("近千余人，不超过5%以内");
        assert_eq!(
            has,
            key('近') | key('余') | key('不') | key('超') | key('以')
        );
    }

    #[test]
    fn approximate_words_with_remainder_fire() {
        assert_fires(
            "L105",
            &[(
                "全县近千余名干部参加培训，约3000多名群众受益。\n培训大约200人左右。",
                &[
                    "1:3 “近千余”中“近”与“余”同时修饰一个数，一说不到、一说超过，意思矛盾",
                    "1:14 “约3000多”中“约”与“多”同时修饰一个数，一说不到、一说超过，意思矛盾",
                    "2:3 “大约200人左右”中“大约”与“左右”同时修饰一个数，意思重复",
                ],
            )],
        );
    }

    #[test]
    fn more_than_with_above_and_single_digit_remainder_fire() {
        assert_fires(
            "L105",
            &[(
                "参会人数超过100人以上。\n已建成3余个示范点，引进五余家企业。",
                &[
                    "1:5 “超过100人以上”中“超过”与“以上”同时修饰一个数，意思重复",
                    "2:4 “3余个”中“余”用在个位数后：“余”只用在整十、整百等整数之后（如“十余个”）",
                    "2:13 “五余家”中“余”用在个位数后：“余”只用在整十、整百等整数之后（如“十余家”）",
                ],
            )],
        );
    }

    #[test]
    fn stacked_estimates_and_bounds_fire() {
        assert_fires(
            "L105",
            &[(
                "外籍挂靠渔船约有近60艘，大约近千人参加。\n结算价原则上不超过合同价款的5%以内，工期不超过三年以下。",
                &[
                    "1:7 “约有近60”中“约”与“近”同时估计一个数，意思重复",
                    "1:14 “大约近千”中“大约”与“近”同时估计一个数，意思重复",
                    "2:7 “不超过合同价款的5%以内”中“不超过”与“以内”同时限定一个数，意思重复",
                    "2:22 “不超过三年以下”中“不超过”与“以下”同时限定一个数，意思重复",
                ],
            )],
        );
    }

    #[test]
    fn correct_approximations_stay_silent() {
        assert_silent(
            "L105",
            &[
                "已建成十余个示范点，引进二十余家企业，带动1.5万余人就业。",
                "近千名干部参加培训，约3000名群众受益，培训200人左右。",
                "最近3年多来，附近200多户群众受益。",
                "规模超过100人的企业占比达到一半以上。",
                "超过100人，或者100人以上。",
                "坚持公约100多条的要求，推动多元化发展，约10多样化。",
                "共13余个，其余3个。",
                "约有60艘，近60艘，节约近100万元，签约近50家企业，如约近百人到场。",
                "控制在合同价款的5%以内，不超过合同价款的5%，不超过规定的，在30日以内办结。",
            ],
        );
    }
}
