use crate::checks::{declare_rule, Checker, Rule};
use crate::diagnostic::Fix;

declare_rule! {
    /// 纯小数省略了整数位的“0”（.5%、.46亿元）。
    ///
    /// ## 检查什么
    /// 前面不是数字、字母或点的“.”加数字，后面接单位、百分号、标点或行尾。
    /// 修正建议补“0”，但不自动改：也可能是整数位打漏了（“3.5”打成“.5”），请核对数字。
    ///
    /// ## 为什么
    /// GB/T 15835-2011 要求纯小数写出小数点前定位的“0”。“.5%”在中文里容易被看成
    /// 句点加“5%”，数字差了十倍也不易察觉。
    ///
    /// ## 示例
    /// ```text
    /// 城镇登记失业率下降.5个百分点。
    /// ```
    /// 应写作：
    /// ```text
    /// 城镇登记失业率下降0.5个百分点。
    /// ```
    pub struct DecimalWithoutLeadingZero {
        code: T111,
        name: "decimal-without-leading-zero",
        severity: Error,
        fix: Sometimes,
        scope: Wording,
        since: "0.1.0",
        basis: "GB/T 15835-2011《出版物上数字用法》",
    }
}

impl Rule for DecimalWithoutLeadingZero {
    fn check(&self, cx: &mut Checker<'_>) {
        for (seg, s, protected) in cx.views.segments_where(|classes, _| classes.has('.')) {
            for (off, _) in s.match_indices('.') {
                let before = s[..off].chars().next_back();
                let digits = s[off + 1..].len()
                    - s[off + 1..]
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .len();
                if digits == 0 || protected.contains(off) {
                    continue;
                }
                let end = off + 1 + digits;
                let after = s[end..].chars().next();
                if before.is_some_and(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '\\' | '-' | '#')
                }) || after
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/'))
                {
                    continue;
                }
                // A heading-like ".5" at the very start of a line is a broken marker, not a number.
                if before.is_none() && after.is_some_and(|c| !matches!(c, '%' | '％' | '‰')) {
                    continue;
                }
                let written = &s[off..end];
                cx.report(
                    seg.at(off..end),
                    format!("纯小数“{written}”省略了整数位的“0”"),
                )
                .help(format!("改为“0{written}”，并核对整数位是否漏打"))
                .fix(Fix::unsafe_replace(seg.at(off..off), "0".to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_fires_unfixed, assert_silent};

    #[test]
    fn a_bare_decimal_is_reported_with_an_unsafe_fix() {
        assert_fires_unfixed(
            "T111",
            &[(
                "城镇登记失业率下降.5个百分点，增速为.46%。",
                &[
                    "1:10 纯小数“.5”省略了整数位的“0”",
                    "1:20 纯小数“.46”省略了整数位的“0”",
                ],
            )],
        );
    }

    #[test]
    fn ordinary_numbers_versions_and_files_stay_silent() {
        assert_silent(
            "T111",
            &[
                "增长0.5个百分点，达到3.45亿元。",
                "版本v1.5，文件report.docx，网址www.gov.cn/a.5",
                "1.加强学习",
                ".NET平台",
            ],
        );
    }
}
