use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::{Fix, Span};

declare_rule! {
    /// 同一篇文稿里半角“%”和全角“％”混用。
    ///
    /// ## 检查什么
    /// 全文的百分号：两种写法都出现时，报告用得少的那一种（每处一条，附上多数写法第一次出现的位置），
    /// 并改成多数写法；两种一样多时统一为半角“%”。只用一种写法的文稿不报告。
    ///
    /// ## 为什么
    /// GB/T 15835-2011 对百分号的宽度没有硬性规定，但同一文稿前后不一，说明是从不同来源拼接的，
    /// 排版也参差。修正取文稿自己的多数写法：改动最少，也尊重起草人的习惯；
    /// 政府工作报告等近年多用半角“%”，所以平局时取“%”。
    ///
    /// ## 示例
    /// ```text
    /// 年均增长11％，社会消费品零售总额年均增长5.7%，固定资产投资年均增长12％……
    /// ```
    /// 应写作（全文“%”多于“％”时）：
    /// ```text
    /// 年均增长11%，社会消费品零售总额年均增长5.7%，固定资产投资年均增长12%……
    /// ```
    pub struct MixedPercentSign {
        code: T103,
        name: "mixed-percent-sign",
        severity: Warning,
        fix: Always,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15835-2011《出版物上数字用法》；同一文稿体例一致",
    }
}

/// The quantity a percent sign belongs to: "11％", "38.5 %" (digits, a point, spaces).
fn quantity(text: &str, sign: usize) -> Span {
    let before = &text[..sign];
    let spaced = before.trim_end_matches([' ', '\u{00A0}']);
    let number = spaced.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let start = if number.len() < spaced.len() {
        number.len()
    } else {
        sign
    };
    Span::new(
        start,
        sign + text[sign..].chars().next().map_or(0, char::len_utf8),
    )
}

impl Rule for MixedPercentSign {
    fn check(&self, cx: &mut Checker<'_>) {
        let text = cx.text();
        let mut half = Vec::new();
        let mut wide = Vec::new();
        for (seg, s, protected) in cx
            .views
            .segments_where(|classes, _| classes.has_any(&['%', '％']))
        {
            for (off, c) in s
                .char_indices()
                .filter(|&(off, _)| !protected.contains(off))
            {
                match c {
                    '%' => half.push(seg.span.start + off),
                    '％' => wide.push(seg.span.start + off),
                    _ => {}
                }
            }
        }
        if half.is_empty() || wide.is_empty() {
            return;
        }
        let (minority, majority, written, standard) = if wide.len() > half.len() {
            (&half, &wide, "%", "％")
        } else {
            (&wide, &half, "％", "%")
        };
        let (form, other) = if standard == "%" {
            ("全角", "半角")
        } else {
            ("半角", "全角")
        };
        let first_majority = quantity(text, majority[0]);
        for &at in minority {
            let span = quantity(text, at);
            let shown = span.slice(text);
            cx.report(
                span,
                format!(
                    "“{shown}”用了{form}百分号，本文多数（{}处）用{other}“{standard}”",
                    majority.len()
                ),
            )
            .secondary(first_majority, format!("{other}“{standard}”首次出现在这里"))
            .help(format!("改为“{standard}”，全文统一"))
            .fix(Fix::safe_replace(
                Span::new(at, at + written.len()),
                standard,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires, assert_fixed, assert_silent, findings};

    #[test]
    fn the_minority_form_is_reported_and_fixed_to_the_majority() {
        let text =
            "年均增长11％，零售总额年均增长5.7%，投资增长12％，农业增长3.2%。\n教学普及率达100%。";
        assert_fires(
            "T103",
            &[(
                text,
                &[
                    "1:5 “11％”用了全角百分号，本文多数（3处）用半角“%”",
                    "1:26 “12％”用了全角百分号，本文多数（3处）用半角“%”",
                ],
            )],
        );
        assert_fixed(
            "T103",
            &[
                (
                    text,
                    "年均增长11%，零售总额年均增长5.7%，投资增长12%，农业增长3.2%。\n教学普及率达100%。",
                ),
            ],
        );
    }

    #[test]
    fn a_wide_majority_is_kept() {
        let text = "比上年增长9.2％；增长24.8％；超过50％，降至3%。";
        assert_fires(
            "T103",
            &[(
                text,
                &["1:27 “3%”用了半角百分号，本文多数（3处）用全角“％”"],
            )],
        );
        assert_fixed(
            "T103",
            &[(text, "比上年增长9.2％；增长24.8％；超过50％，降至3％。")],
        );
    }

    #[test]
    fn one_form_throughout_and_urls_stay_silent() {
        assert_silent(
            "T103",
            &[
                "比上年增长9.2％；公共财政收入增长24.8％。",
                "增长5.2%，见https://zh.wikisource.org/wiki/2012%E5%B9%B4。",
            ],
        );
        assert_eq!(
            findings(
                "T103",
                "增长5.2%，见https://zh.wikisource.org/wiki/2012%E5%B9%B4。增长３％"
            )
            .len(),
            1
        );
    }
}
