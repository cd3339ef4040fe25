use super::{char_runs, chars, run_bytes};
use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;

declare_rule! {
    /// 点号重复或连用（“。。”“，，”“，。”）。
    ///
    /// ## 检查什么
    /// 紧挨着的两个以上句内、句末点号（， 、 ； ： 。）。同一个点号重复时删去多余的（安全修正）；
    /// 不同点号连用时（“，。”）只提示，由作者决定留哪一个。三个以上句号（“。。。”）是省略号写错了，
    /// 由 T109 报告；问号、叹号按 GB/T 15834-2011 可以叠用、连用（“？！”），不检查。
    ///
    /// ## 为什么
    /// 一处停顿只用一个点号。重复的点号多是改稿时删了半句话、没删掉标点，或者手误多按了一下。
    ///
    /// ## 示例
    /// ```text
    /// 支部战斗堡垒作用发挥不够。。面对收入增长压力，，办法不多，。
    /// ```
    /// 应写作：
    /// ```text
    /// 支部战斗堡垒作用发挥不够。面对收入增长压力，办法不多。
    /// ```
    pub struct DoubledPunctuation {
        code: T108,
        name: "doubled-punctuation",
        severity: Error,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15834-2011《标点符号用法》",
    }
}

fn is_pause(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | '。')
}

/// A half-width mark counts beside a full-width one (":。" is as doubled as "：。"), so
/// that T101 turning it full-width never creates a finding here.
fn is_halfwidth_pause(c: char) -> bool {
    matches!(c, ',' | ';' | ':')
}

/// The full-width form of a pause mark.
fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        other => other,
    }
}

impl Rule for DoubledPunctuation {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        for seg in cx.views.segments() {
            // Two pause marks side by side are rare: the line's character classes say
            // whether there are any before the segment's characters are collected.
            if !cx.views.classes(seg).doubled_pause {
                continue;
            }
            let s = seg.text(text);
            let pause = |c: char| is_pause(c) || is_halfwidth_pause(c);
            let cs = chars(s);
            for indices in char_runs(&cs, |k| pause(cs[k].1), |_, k| pause(cs[k].1)) {
                let run = &cs[indices.clone()];
                // Half-width marks alone (code, "a,;b") are not Chinese text, and one that
                // ends an HTML entity or a URL ("m&sup3;；") is not a pause mark.
                if run.len() < 2 || !run.iter().any(|&(_, c)| is_pause(c)) {
                    continue;
                }
                if run
                    .iter()
                    .any(|&(off, c)| is_halfwidth_pause(c) && cx.views.protected(seg).contains(off))
                {
                    continue;
                }
                let range = run_bytes(&cs, &indices, s.len());
                let written = &s[range.clone()];
                let same = run
                    .iter()
                    .all(|&(_, c)| full_width(c) == full_width(run[0].1));
                if run.iter().filter(|&&(_, c)| c == '。').count() >= 3 {
                    continue; // "。。。" is a mistyped ellipsis: T109
                }
                if same {
                    let one = full_width(run[0].1).to_string();
                    cx.report(seg.at(range.clone()), format!("标点重复：“{written}”"))
                        .help(format!("只保留一个“{one}”"))
                        .fix(Fix::safe_replace(seg.at(range), one));
                } else {
                    cx.report(seg.at(range), format!("标点连用：“{written}”"))
                        .help("一处停顿只用一个点号，删去多余的");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent};

    #[test]
    fn doubled_marks_are_collapsed() {
        let text = "战斗堡垒作用发挥不够。。面对收入增长压力，，办法不多，。";
        assert_fires(
            "T108",
            &[(
                text,
                &[
                    "1:11 标点重复：“。。”",
                    "1:21 标点重复：“，，”",
                    "1:27 标点连用：“，。”",
                ],
            )],
        );
        assert_fixed(
            "T108",
            &[(text, "战斗堡垒作用发挥不够。面对收入增长压力，办法不多，。")],
        );
    }

    #[test]
    fn single_marks_ellipses_and_emphatic_marks_stay_silent() {
        assert_silent(
            "T108",
            &[
                "这是为什么？！难道不该反思吗？？",
                "山、水、林……",
                "坚持“两个确立”，做到“两个维护”。",
                "表述如下：。。。",
            ],
        );
    }
}
