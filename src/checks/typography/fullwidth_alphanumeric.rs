use super::{char_runs, chars, run_bytes};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;

declare_rule! {
    /// 用了全角数字或全角字母（２０２３、ＧＤＰ）。
    ///
    /// ## 检查什么
    /// 全角的阿拉伯数字 ０—９ 和拉丁字母 Ａ—Ｚ、ａ—ｚ，连同夹在全角数字中间的全角小数点“．”。
    /// 标题序号里的全角数字（“１.”）由编号规则 N105 报告。
    ///
    /// ## 为什么
    /// GB/T 15835-2011 的阿拉伯数字和公文惯例中的外文字母都用半角。全角数字多是输入法切换
    /// 失误留下的，与半角数字混排时宽窄不一，检索“2023”也找不到“２０２３”。
    ///
    /// ## 示例
    /// ```text
    /// ２０２３年全镇ＧＤＰ增长５．２%。
    /// ```
    /// 应写作：
    /// ```text
    /// 2023年全镇GDP增长5.2%。
    /// ```
    pub struct FullwidthAlphanumeric {
        code: T102,
        name: "fullwidth-alphanumeric",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15835-2011《出版物上数字用法》",
    }
}

fn is_wide_alnum(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

fn narrow(c: char) -> char {
    if c == '．' {
        '.'
    } else {
        char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
    }
}

impl Rule for FullwidthAlphanumeric {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for seg in cx.views.segments() {
            let classes = cx.views.classes(seg);
            if !(classes.has_range('０', '９')
                || classes.has_range('Ａ', 'Ｚ')
                || classes.has_range('ａ', 'ｚ'))
            {
                continue;
            }
            let s = seg.text(text);
            if !s.contains(is_wide_alnum) {
                continue;
            }
            let cs = chars(s);
            // A wide point inside a number (１．５) goes with it.
            let continues = |_, k: usize| {
                is_wide_alnum(cs[k].1)
                    || (cs[k].1 == '．'
                        && cs.get(k + 1).is_some_and(|n| matches!(n.1, '０'..='９')))
            };
            for run in char_runs(&cs, |k| is_wide_alnum(cs[k].1), continues) {
                let range = run_bytes(&cs, &run, s.len());
                let written = &s[range.clone()];
                let narrowed: String = written.chars().map(narrow).collect();
                let what = if written.chars().all(|c| matches!(c, '０'..='９' | '．')) {
                    "数字"
                } else {
                    "字符"
                };
                cx.report(seg.at(range.clone()), format!("全角{what}“{written}”"))
                    .help(format!("改为半角“{narrowed}”"))
                    .fix(Fix::safe_replace(seg.at(range), narrowed));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    #[test]
    fn wide_digits_and_letters_become_ascii() {
        let text = "２０２３年全镇ＧＤＰ增长５．２%，完成率１００%。";
        assert_fires(
            "T102",
            &[(
                text,
                &[
                    "1:1 全角数字“２０２３”",
                    "1:8 全角字符“ＧＤＰ”",
                    "1:13 全角数字“５．２”",
                    "1:21 全角数字“１００”",
                ],
            )],
        );
        assert_fixed("T102", &[(text, "2023年全镇GDP增长5.2%，完成率100%。")]);
    }

    #[test]
    fn ascii_digits_and_fullwidth_punctuation_stay_silent() {
        assert_silent(
            "T102",
            &["国内生产总值达到121万亿元，增长3%左右；城镇新增就业1204万人。"],
        );
    }
}
