use super::invisible_character::is_invisible;
use super::{is_chinese, is_han, is_space};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Edit, Fix};

declare_rule! {
    /// 中文里用了英文直引号（"" 或 ''）。
    ///
    /// ## 检查什么
    /// 引号内或紧挨着引号的是汉字、全角标点的半角直引号 `"` `'`。同一行里直引号成对时，
    /// 依次改为“ ”（单引号改为‘ ’）；不成对时只提示。英文词句里的引号、撇号（don't）、
    /// 代码和网址不检查。
    ///
    /// ## 为什么
    /// GB/T 15834-2011 规定中文用弯引号“”‘’。直引号是英文键盘的符号，不分左右，
    /// 印在中文里既窄又看不出引文的起止，多是从网页、微信或 Markdown 里复制来的。
    ///
    /// ## 示例
    /// ```text
    /// 积极组织参与"党员先锋岗"创建活动。
    /// ```
    /// 应写作：
    /// ```text
    /// 积极组织参与“党员先锋岗”创建活动。
    /// ```
    pub struct AsciiQuote {
        code: T107,
        name: "ascii-quote",
        severity: Error,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》4.8（引号）",
    }
}

impl Rule for AsciiQuote {
    fn check(&self, cx: &mut Checker<'_>) {
        for (seg, s, protected) in cx
            .views
            .segments_where(|classes, _| classes.has_any(&['"', '\'']))
        {
            for (quote, open, close) in [('"', "“", "”"), ('\'', "‘", "’")] {
                let marks: Vec<usize> = s
                    .char_indices()
                    .filter(|&(off, c)| c == quote && !protected.contains(off))
                    .filter(|&(off, _)| {
                        // don't, China's: an apostrophe inside a Latin word
                        let before = s[..off].chars().next_back();
                        let after = s[off + 1..].chars().next();
                        !(quote == '\''
                            && before.is_some_and(|c| c.is_ascii_alphanumeric())
                            && after.is_some_and(|c| c.is_ascii_alphabetic()))
                    })
                    .map(|(off, _)| off)
                    .collect();
                // The neighbour is the nearest character that is not itself a quotation
                // mark, so that fixing one pair ("→“) does not change how the next is judged.
                let is_quote = |c: &char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’');
                // Punctuation, spaces and invisible characters do not count either: another
                // rule's fix ("(" → "（", a stray space or a BOM removed) must not turn a mark
                // it did not touch into a finding.
                let is_neutral = |c: &char| {
                    is_quote(c)
                        || c.is_ascii_punctuation()
                        || is_space(*c)
                        || is_invisible(*c)
                        || !is_han(*c) && is_chinese(*c)
                };
                let neighbours_chinese = |off: usize| {
                    s[..off]
                        .chars()
                        .rev()
                        .find(|c| !is_neutral(c))
                        .is_some_and(is_han)
                        || s[off + 1..]
                            .chars()
                            .find(|c| !is_neutral(c))
                            .is_some_and(is_han)
                };
                if marks.len().is_multiple_of(2) {
                    for pair in marks.chunks(2) {
                        let (a, b) = (pair[0], pair[1]);
                        let inner = &s[a + 1..b];
                        if !(inner.chars().any(is_chinese)
                            || neighbours_chinese(a)
                            || neighbours_chinese(b))
                        {
                            continue;
                        }
                        let edits = vec![
                            Edit {
                                span: seg.at(a..a + 1),
                                replacement: open.to_string(),
                            },
                            Edit {
                                span: seg.at(b..b + 1),
                                replacement: close.to_string(),
                            },
                        ];
                        cx.report(
                            seg.at(a..b + 1),
                            format!("中文里用了英文直引号：{quote}{inner}{quote}"),
                        )
                        .help(format!("改为{open}{inner}{close}"))
                        .fix(Fix { safe: true, edits });
                    }
                } else {
                    for &off in marks.iter().filter(|&&off| neighbours_chinese(off)) {
                        cx.report(
                            seg.at(off..off + 1),
                            format!("中文里用了英文直引号 {quote}，且本行直引号不成对"),
                        )
                        .help(format!("改为中文引号{open}{close}，并补全另一半"));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{
        assert_fires, assert_fires_unfixed, assert_fixed, assert_silent,
    };

    #[test]
    fn paired_straight_quotes_become_curly() {
        let text = "积极组织参与\"党员先锋岗\"创建，落实\"一岗双责\"。";
        assert_fires(
            "T107",
            &[(
                text,
                &[
                    "1:7 中文里用了英文直引号：\"党员先锋岗\"",
                    "1:19 中文里用了英文直引号：\"一岗双责\"",
                ],
            )],
        );
        assert_fixed(
            "T107",
            &[
                (text, "积极组织参与“党员先锋岗”创建，落实“一岗双责”。"),
                ("所谓'关键少数'，", "所谓‘关键少数’，"),
            ],
        );
    }

    #[test]
    fn an_odd_quote_is_reported_without_fix() {
        assert_fires_unfixed(
            "T107",
            &[(
                "严格落实党委会\"第一议题学习制度。",
                &["1:8 中文里用了英文直引号 \"，且本行直引号不成对"],
            )],
        );
    }

    #[test]
    fn an_invisible_character_does_not_hide_the_chinese_beside_a_quote() {
        // T114 deletes the BOM; the quotes before it were already beside 一是.
        assert_fires_unfixed(
            "T107",
            &[(
                "\"\u{feff}一是",
                &["1:1 中文里用了英文直引号 \"，且本行直引号不成对"],
            )],
        );
        assert_fixed("T107", &[("简称\u{200b}\"GW\"", "简称\u{200b}“GW”")]);
    }

    #[test]
    fn latin_quotes_apostrophes_and_code_stay_silent() {
        assert_silent(
            "T107",
            &[
                "He said \"yes\" and left.",
                "China's economy grew，don't 不检查。",
                "在配置中写 `name = \"gwlint\"` 即可。",
                "“两学一做”学习教育。",
            ],
        );
    }
}
